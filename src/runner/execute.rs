//! Running one built exercise: its program and each hidden test in a process of its own, under
//! the exercise's limits and in the sandbox when there is one, judged into an [`Outcome`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::Instant;

use anyhow::{Context, Result};
use tempfile::TempDir;

use super::{Plan, RunOptions, is_link};
use crate::build_crate::{Group, HIDDEN_MODULE};
use crate::compile::Compiled;
use crate::exercise::Exercise;
use crate::file_kind;
use crate::judge::{judge_main, judge_test};
use crate::kit::{Kit, Source};
use crate::outcome::{Cause, MiriCheck, Note, Outcome, Status, TestResult, TestStatus};
use crate::shared_std;
use crate::stall::Watched;
use crate::supervise::{self, Cancel, Ending, Finished, Limits};

/// The outcome of a source that has no file to grade for `exercise`.
pub(super) fn missing(kit: &Kit, source: &Source, exercise: &Exercise) -> Outcome {
    let file = kit.file_in(source, exercise);
    let path = kit.display_path(&file);
    Outcome::missing(match source {
        Source::Folder(_) if is_link(&file) => Note::Link { path },
        learner_or_not => Note::NotAFile {
            path,
            found: match file_kind::of(&file) {
                // Present now, it was not a moment ago.
                file_kind::Kind::File => file_kind::Kind::Missing,
                kind => kind,
            },
            restorable: *learner_or_not == Source::Learner,
        },
    })
}

/// Runs the tests of the job at `slot` from its build. `None` when cancelled.
pub(super) fn run_tests(
    plan: &Plan<'_>,
    slot: usize,
    built: &Compiled,
    listings: &Listings,
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<Option<Outcome>> {
    let (source, index) = plan.jobs[slot];
    let exercise = &plan.kit.list.exercises()[index];
    let owner = plan.owner(source, exercise);
    let bin = plan.workspaces[&Group::of(exercise)]
        .members
        .iter()
        .find(|m| m.source == owner)
        .map(|m| m.bin_name(&exercise.name))
        .unwrap_or_default();
    execute(
        &plan.kit.root,
        &bin,
        exercise,
        built,
        listings,
        options,
        cancel,
    )
}

/// Runs one compiled exercise. `None` when cancelled.
fn execute(
    root: &Path,
    bin_name: &str,
    exercise: &Exercise,
    compiled: &Compiled,
    listings: &Listings,
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<Option<Outcome>> {
    let start = Instant::now();
    if compiled.has_errors {
        return Ok(Some(Outcome {
            status: if compiled.timed_out {
                Status::Timeout
            } else {
                Status::CompileError
            },
            diagnostics: compiled.diagnostics.clone(),
            tests: Vec::new(),
            breaches: Vec::new(),
            miri: MiriCheck::NotAsked,
            note: compiled.timed_out.then(|| Note::CompileTimedOut {
                limit_secs: options
                    .compile_limits
                    .map_or(crate::limits::COMPILE_TIMEOUT, |l| l.timeout)
                    .as_secs(),
            }),
            duration: start.elapsed(),
        }));
    }
    let limits = Limits {
        timeout: exercise.timeout,
        output_cap: options.output_cap,
        // A sandbox's supervisor, stopped, first sweeps away what the test started.
        grace: match options.sandbox {
            Some(_) => crate::limits::SANDBOX_STOP_GRACE,
            None => Limits::default().grace,
        },
        // A deadlock is told apart from a slow test, and stopped at once; in the sandbox the
        // child is its supervisor, which waits for the test by design.
        stall: Some(match options.sandbox {
            Some(_) => Watched::Below,
            None => Watched::Tree,
        }),
        ..Limits::default()
    };
    let mut tests = Vec::new();
    if let Some(bin) = &compiled.bin_exe {
        let Some(_slot) = options.test_slots.acquire(cancel) else {
            return Ok(None);
        };
        let (mut cmd, _scratch) = learner_command(bin, options)?;
        match supervise::run(&mut cmd, &limits, cancel)
            .with_context(|| format!("failed to run `{bin_name}`"))?
        {
            Finished {
                ending: Ending::Cancelled,
                ..
            } => return Ok(None),
            finished => tests.push(judge_main(&finished).relative_to(root)),
        }
    }
    if let Some(exe) = &compiled.test_exe {
        let run = |names: &[String]| run_each(root, exe, names, &limits, options, cancel);
        let listed = || listings.tests_under(exe, &compiled.tests_under, options, cancel);
        let kept = compiled.tests_kept.as_deref();
        let judged = match kept.and_then(read_kept) {
            // The tests the last build of this binary had start while the new one is listed:
            // what the listing adds runs after, and what it no longer has is dropped.
            Some(guessed) => {
                let (listing, ran) = thread::scope(|scope| {
                    let listing = scope.spawn(listed);
                    let ran = run(&guessed);
                    let listing = listing
                        .join()
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("listing the tests panicked")));
                    (listing, ran)
                });
                let Some(names) = listing? else {
                    return Ok(None);
                };
                let mut judged: HashMap<String, Option<TestResult>> =
                    guessed.into_iter().zip(ran?).collect();
                let added: Vec<String> = names
                    .iter()
                    .filter(|name| !judged.contains_key(*name))
                    .cloned()
                    .collect();
                judged.extend(added.iter().cloned().zip(run(&added)?));
                keep(kept, &names);
                names
                    .iter()
                    .map(|name| judged.get(name).cloned().flatten())
                    .collect::<Vec<_>>()
            }
            None => {
                let Some(names) = listed()? else {
                    return Ok(None);
                };
                keep(kept, &names);
                run(&names)?
            }
        };
        if judged.iter().any(Option::is_none) {
            return Ok(None);
        }
        tests.extend(judged.into_iter().flatten());
    }

    let status = Outcome::status_of(&tests);
    let note = match status {
        Status::Timeout => {
            let limit_secs = exercise.timeout.as_secs();
            let deadlocked = tests
                .iter()
                .filter(|t| t.status == TestStatus::DidNotFinish)
                .all(|t| matches!(t.cause, Some(Cause::Deadlock { .. })));
            Some(if deadlocked {
                Note::Deadlocked { limit_secs }
            } else {
                Note::TimedOut { limit_secs }
            })
        }
        _ if tests.is_empty() => Some(Note::NoHiddenTests),
        _ => None,
    };
    Ok(Some(Outcome {
        status,
        diagnostics: compiled.diagnostics.clone(),
        tests,
        breaches: Vec::new(),
        miri: MiriCheck::NotAsked,
        note,
        duration: start.elapsed(),
    }))
}

/// Runs each test of `names` in a process of its own, as many at once as the test slots allow,
/// and judges it; `None` for one cancelled.
fn run_each(
    root: &Path,
    exe: &Path,
    names: &[String],
    limits: &Limits,
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<Vec<Option<TestResult>>> {
    thread::scope(|scope| {
        let handles: Vec<_> = names
            .iter()
            .map(|name| {
                scope.spawn(move || -> Result<Option<TestResult>> {
                    let Some(_slot) = options.test_slots.acquire(cancel) else {
                        return Ok(None);
                    };
                    let (mut cmd, _scratch) = learner_command(exe, options)?;
                    cmd.args(["--exact", name, "--test-threads=1", "--color", "never"])
                        .env("RUST_BACKTRACE", "0");
                    // libtest reads RUST_TEST_* (nocapture, threads, shuffle) from the
                    // environment; the verdict depends on its normal output.
                    for (var, _) in std::env::vars_os() {
                        if var.to_string_lossy().starts_with("RUST_TEST_") {
                            cmd.env_remove(var);
                        }
                    }
                    let finished = supervise::run(&mut cmd, limits, cancel)
                        .with_context(|| format!("failed to run the test `{name}`"))?;
                    Ok(judge_test(name, &finished).map(|t| t.relative_to(root)))
                })
            })
            .collect();
        handles
            .into_iter()
            // A panic is a bug of rustprep's, not a cancellation: say so.
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a test's supervisor panicked")))
            })
            .collect()
    })
}

/// The tests kept in `file` from a binary's last listing, one a line; `None` when there is
/// none.
fn read_kept(file: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(file).ok()?;
    let names: Vec<String> = text.lines().map(str::to_owned).collect();
    (!names.is_empty()).then_some(names)
}

/// Keeps the tests just listed, for the next build of the same binary.
fn keep(file: Option<&Path>, names: &[String]) {
    if let Some(file) = file {
        // Not kept, the next run only lists before its tests start.
        let _ = crate::atomic_file::write_derived_if_changed(file, names.join("\n").as_bytes());
    }
}

/// A command that runs learner code (a test binary, an exercise's program), in the sandbox when
/// there is one, with the scratch folder it is confined to: keep it until the command has ended,
/// then drop it, which removes it.
fn learner_command(program: &Path, options: &RunOptions) -> Result<(Command, Option<TempDir>)> {
    let reads: Vec<&Path> = shared_std::library_dir().into_iter().collect();
    let (mut cmd, scratch) = match &options.sandbox {
        Some(sandbox) => {
            let scratch = crate::sandbox::scratch()
                .context("failed to create a scratch folder for a test in the sandbox")?;
            (
                sandbox.command(program, scratch.path(), &reads),
                Some(scratch),
            )
        }
        None => (Command::new(program), None),
    };
    shared_std::set_loader_path(&mut cmd);
    Ok((cmd, scratch))
}

/// Each test binary's tests, listed once in a run: a batch's binary holds the tests of every
/// copy in it, and each copy takes those under its own module.
#[derive(Default)]
pub(super) struct Listings(Mutex<HashMap<PathBuf, Arc<Listing>>>);

/// One binary's tests, or why they could not be listed; `None` inside when cancelled.
type Listing = OnceLock<Result<Option<Vec<String>>, String>>;

impl Listings {
    /// The hidden tests in a test binary, under the modules `under` (tests the learner wrote in
    /// the file are not graded). `None` when cancelled.
    fn tests_under(
        &self,
        exe: &Path,
        under: &str,
        options: &RunOptions,
        cancel: &Cancel,
    ) -> Result<Option<Vec<String>>> {
        let listing = Arc::clone(
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(exe.to_owned())
                .or_default(),
        );
        // The first copy to ask lists the binary; the others wait for it.
        let all =
            listing.get_or_init(|| list_tests(exe, options, cancel).map_err(|e| format!("{e:#}")));
        let all = match all {
            Ok(Some(all)) => all,
            Ok(None) => return Ok(None),
            Err(e) => anyhow::bail!("{e}"),
        };
        let prefix = format!("{under}{HIDDEN_MODULE}::");
        Ok(Some(
            all.iter()
                .filter(|name| name.starts_with(&prefix))
                .cloned()
                .collect(),
        ))
    }
}

/// Every test in a test binary. `None` when cancelled. Listing runs the learner's code too (a
/// constructor of theirs runs before any `main`), so it is confined as the tests are.
fn list_tests(exe: &Path, options: &RunOptions, cancel: &Cancel) -> Result<Option<Vec<String>>> {
    let (mut cmd, _scratch) = learner_command(exe, options)?;
    cmd.args(["--list", "--format", "terse"]);
    let limits = Limits {
        timeout: crate::limits::LIST_TIMEOUT,
        ..Limits::default()
    };
    let finished = supervise::run(&mut cmd, &limits, cancel)
        .with_context(|| format!("failed to list the tests of {}", exe.display()))?;
    match &finished.ending {
        Ending::Cancelled => return Ok(None),
        Ending::Exited(status) if status.success() => {}
        other => anyhow::bail!(
            "listing the tests of {} ended badly ({other:?}): {}",
            exe.display(),
            finished.stderr.text().trim()
        ),
    }
    Ok(Some(
        finished
            .stdout
            .text()
            .lines()
            .filter_map(|line| line.strip_suffix(": test"))
            .map(str::to_owned)
            .collect(),
    ))
}
