//! The rules' check build: clippy on each learner file alone (its rules target, see
//! [`crate::build_crate`]), and the errors it reports, sorted back to their exercises. Nothing
//! here prints.
//!
//! Each file is checked by `clippy-driver` directly, one process per file, which takes half the
//! time of `cargo clippy` (no cargo start, no fingerprints) and runs beside the test build; an
//! exercise with dependencies is given the libraries an earlier `cargo clippy` checked
//! ([`crate::libraries`]), and goes through `cargo clippy` when there are none yet, when
//! they are stale, or when grading (under limits). The kit's own corpus, whose copies trust one
//! another, is checked an exercise at a time, its copies a module each in one crate, and a copy
//! alone only when that crate cannot say what is whose.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::build_crate::{self, Group, Workspace};
use crate::compile::{self, Diagnostic};
use crate::dep_info;
use crate::kit::{Kit, Source};
use crate::libraries;
use crate::rules::breaches::CheckDiagnostic;
use crate::rules_cache::Cached;
use crate::rustc_limits::{self, CompileLimits};
use crate::supervise::{self, Cancel, Ending, Limits};
use crate::toolchain::Toolchain;

/// What the rules' check build reported for each exercise, keyed as [`compile::CompiledMap`].
pub type CheckedMap = HashMap<Key, Vec<CheckDiagnostic>>;

pub enum CheckEnd {
    /// What each exercise's check reported, and what clippy said of the rules' configuration
    /// (a disallowed path that leads nowhere).
    Done(CheckedMap, Vec<String>),
    Cancelled,
}

/// The names of the exercises at `indices` in `group` that have rules to check.
pub fn ruled(kit: &Kit, indices: &[usize], group: Group) -> Vec<String> {
    indices
        .iter()
        .map(|&i| &kit.list.exercises()[i])
        .filter(|e| Group::of(e) == group && !e.rules.is_empty())
        .map(|e| e.name.clone())
        .collect()
}

/// How a check build runs.
#[derive(Debug, Clone, Copy)]
pub struct CheckSettings {
    /// Checks at once.
    pub jobs: usize,
    /// Limits on each check (grading), if any.
    pub limits: Option<CompileLimits>,
    /// Check the copies of an exercise from many sources as one crate first: only for sources
    /// that trust one another, as the kit's own corpus does (see [`crate::batch`]).
    pub batch: bool,
}

/// Checks the files of `exercises` (those with rules) of every member of `ws` against their
/// rules.
pub fn check(
    kit: &Kit,
    sources: &[Source],
    ws: &Workspace,
    exercises: &[String],
    settings: CheckSettings,
    cancel: &Cancel,
) -> Result<CheckEnd> {
    let files = Files { kit, sources };
    // The libraries of an earlier check (cargo's, or the warm-up's), for clippy-driver.
    let libraries = libraries::crates(kit, ws.group)
        .and_then(|crates| libraries::library_args(&ws.rules_target_dir, &crates));
    match (ws.group, libraries) {
        (Group::Plain, _) => check_each(ws, exercises, settings, &[], files, cancel),
        (Group::WithDependencies, Some(libraries)) if settings.limits.is_none() => {
            match check_each(ws, exercises, settings, &libraries, files, cancel)? {
                CheckEnd::Done(results, _) if reads_stale_libraries(&results) => {
                    check_through_cargo(ws, exercises, settings, &kit.root, cancel)
                }
                end => Ok(end),
            }
        }
        (Group::WithDependencies, _) => {
            check_through_cargo(ws, exercises, settings, &kit.root, cancel)
        }
    }
}

/// Whether a check could not use the libraries it was given (cargo must check them again).
fn reads_stale_libraries(results: &CheckedMap) -> bool {
    results
        .values()
        .flatten()
        .any(|d| d.code.as_deref().is_some_and(libraries::is_stale_library))
}

/// What one check said, before it is filed under its exercise.
#[derive(Default, Serialize, Deserialize)]
struct Reported {
    errors: Vec<CheckDiagnostic>,
    config: Vec<String>,
    /// clippy did not finish, broke down, or its output was cut short: what it reported is not
    /// all there is (a batch is then checked copy by copy).
    #[serde(default)]
    incomplete: bool,
}

impl Reported {
    fn take(&mut self, diag: Diagnostic, root_prefix: &str) {
        if diag.is_about_config() {
            self.config.push(diag.message);
        } else if diag.level == "error" {
            let span = diag.spans.iter().find(|s| s.is_primary);
            self.errors.push(CheckDiagnostic {
                code: diag.code.map(|c| c.code),
                message: diag.message,
                file: span.map_or_else(String::new, |s| {
                    s.file_name.trim_start_matches(root_prefix).to_owned()
                }),
                line: span.map_or(0, |s| s.line_start),
            });
        }
    }
}

/// A source's copy of an exercise: (source index, exercise name).
type Key = (usize, String);

/// Where the sources' files of the exercises are.
#[derive(Clone, Copy)]
struct Files<'a> {
    kit: &'a Kit,
    sources: &'a [Source],
}

/// One clippy-driver run: a member's file alone, or (batching) the members' copies of one
/// exercise together.
enum Job<'w> {
    One(usize, &'w Path, &'w String),
    Batch(&'w String, Vec<(usize, PathBuf)>),
}

/// `clippy-driver` on each rules stub, `jobs` at a time, given the `libraries` of the kit's
/// dependencies (arguments from [`crate::libraries::library_args`]). Batching, the copies of
/// each exercise are checked together first, and alone only when their batch cannot tell
/// which copy broke what (see [`split_batch`]).
fn check_each(
    ws: &Workspace,
    exercises: &[String],
    CheckSettings {
        jobs,
        limits,
        batch,
    }: CheckSettings,
    libraries: &[OsString],
    files: Files<'_>,
    cancel: &Cancel,
) -> Result<CheckEnd> {
    let work: Vec<(usize, &Path, &String)> = ws
        .members
        .iter()
        .flat_map(|m| {
            exercises
                .iter()
                .filter(|e| m.exercises.contains(e))
                .map(move |e| (m.source, m.dir.as_path(), e))
        })
        .collect();
    let root_prefix = format!("{}/", files.kit.root.display());
    let clippy = Clippy {
        ws,
        libraries,
        root_prefix: &root_prefix,
        limits,
        cancel,
    };
    let run = |job: &Job<'_>| -> Result<Option<Vec<(Key, Reported)>>> {
        Ok(match job {
            &Job::One(source, dir, exercise) => {
                let stub = build_crate::stub_path(dir, &build_crate::rules_target(exercise));
                let crate_name = format!("rp_rules_{exercise}");
                clippy
                    .check(&stub, &crate_name, dir)?
                    .map(|reported| vec![((source, exercise.clone()), reported)])
            }
            Job::Batch(exercise, copies) => {
                let dir = ws.manifest.parent().unwrap_or(Path::new("."));
                let e = files.kit.list.get(exercise)?;
                let stub = build_crate::write_rules_batch_stub(dir, e, copies)?;
                let crate_name = format!("rp_rules_batch_{exercise}");
                let Some(reported) = clippy.check(&stub, &crate_name, dir)? else {
                    return Ok(None);
                };
                let copies: Vec<(usize, String)> = copies
                    .iter()
                    .map(|(s, file)| (*s, files.kit.display_path(file)))
                    .collect();
                Some(
                    split_batch(reported, &copies)
                        .into_iter()
                        .flatten()
                        .map(|(source, r)| ((source, (*exercise).clone()), r))
                        .collect(),
                )
            }
        })
    };
    let mut found = Vec::new();
    if batch {
        let mut batches: Vec<Job<'_>> = Vec::new();
        for exercise in exercises {
            let e = files.kit.list.get(exercise)?;
            // A copy that would mean something else in a module is checked alone.
            let copies: Vec<(usize, PathBuf)> = work
                .iter()
                .filter(|(_, _, name)| *name == exercise)
                .map(|&(s, _, _)| (s, files.kit.file_in(&files.sources[s], e)))
                .filter(|(_, file)| build_crate::shareable(file))
                .collect();
            if copies.len() >= 2 {
                batches.push(Job::Batch(exercise, copies));
            }
        }
        let Some(results) = in_parallel(&batches, jobs, &run)? else {
            return Ok(CheckEnd::Cancelled);
        };
        found.extend(results.into_iter().flatten());
    }
    // Every copy no batch could tell about, alone.
    let told: HashSet<(usize, &str)> = found.iter().map(|((s, e), _)| (*s, e.as_str())).collect();
    let alone: Vec<Job<'_>> = work
        .iter()
        .filter(|(s, _, e)| !told.contains(&(*s, e.as_str())))
        .map(|&(s, dir, e)| Job::One(s, dir, e))
        .collect();
    let Some(results) = in_parallel(&alone, jobs, &run)? else {
        return Ok(CheckEnd::Cancelled);
    };
    found.extend(results.into_iter().flatten());
    Ok(done(found))
}

/// What each check reported, filed by its copy, and what clippy said of the rules'
/// configuration (each check says it again: kept once).
fn done(found: impl IntoIterator<Item = (Key, Reported)>) -> CheckEnd {
    let mut results = CheckedMap::new();
    let mut config = Vec::new();
    for (key, reported) in found {
        config.extend(reported.config);
        results.insert(key, reported.errors);
    }
    config.sort();
    config.dedup();
    CheckEnd::Done(results, config)
}

/// `run` on each of `jobs`, `threads` at a time; `None` when cancelled.
fn in_parallel<J: Sync, R: Send>(
    jobs: &[J],
    threads: usize,
    run: &(dyn Fn(&J) -> Result<Option<R>> + Sync),
) -> Result<Option<Vec<R>>> {
    let next = AtomicUsize::new(0);
    let found: Mutex<Vec<R>> = Mutex::new(Vec::new());
    let failure: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    let cancelled = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, jobs.len().max(1)) {
            scope.spawn(|| {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::SeqCst)) {
                    match run(job) {
                        Ok(Some(r)) => found.lock().unwrap_or_else(|e| e.into_inner()).push(r),
                        Ok(None) => {
                            cancelled.store(true, Ordering::SeqCst);
                            break;
                        }
                        Err(e) => {
                            *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                            break;
                        }
                    }
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    Ok((!cancelled.into_inner()).then(|| found.into_inner().unwrap_or_else(|e| e.into_inner())))
}

/// What a batch reported, split among its `copies` (source, file as reported), or `None` when
/// the batch cannot tell: an error that is no lint (a compiler error, in one copy or from
/// batching itself: a path starting at `crate::`, a macro exported twice) stops rustc before the
/// late lints of every copy, and an error outside the copies' files belongs to none. Lint
/// errors, even forbidden ones, stop nothing, and each names its copy's file. (A lint about the
/// crate as a whole, `unused_crate_dependencies` say, would see every copy at once: none of the
/// kit's rules is one.)
fn split_batch(reported: Reported, copies: &[(usize, String)]) -> Option<Vec<(usize, Reported)>> {
    if reported.incomplete {
        return None;
    }
    let mut split: Vec<(usize, Reported)> = copies
        .iter()
        .map(|(source, _)| {
            let config = reported.config.clone();
            (
                *source,
                Reported {
                    errors: Vec::new(),
                    config,
                    incomplete: false,
                },
            )
        })
        .collect();
    for error in reported.errors {
        if error.code.is_none() && error.message.starts_with("aborting due to") {
            continue;
        }
        let is_lint = error.code.as_deref().is_some_and(|c| !c.starts_with('E'));
        let copy = copies.iter().position(|(_, file)| *file == error.file);
        match (is_lint, copy) {
            (true, Some(copy)) => split[copy].1.errors.push(error),
            _ => return None,
        }
    }
    Some(split)
}

/// How each clippy-driver run of one check build goes.
struct Clippy<'a> {
    ws: &'a Workspace,
    libraries: &'a [OsString],
    root_prefix: &'a str,
    limits: Option<CompileLimits>,
    cancel: &'a Cancel,
}

impl Clippy<'_> {
    /// Checks the crate `stub` (named `crate_name`, its output in a folder made in `out_in`);
    /// `None` when cancelled.
    fn check(&self, stub: &Path, crate_name: &str, out_in: &Path) -> Result<Option<Reported>> {
        let Self {
            ws,
            libraries,
            root_prefix,
            limits,
            cancel,
        } = *self;
        let clippy_toml =
            std::fs::read(ws.rules_config_dir.join("clippy.toml")).unwrap_or_default();
        let toolchain_found = crate::toolchain::get();
        let toolchain = toolchain_found.map_or_else(String::new, |t| {
            let modified = std::fs::metadata(&t.rustc).and_then(|m| m.modified());
            format!("{} {modified:?}", t.rustc.display())
        });
        let mut how: Vec<&[u8]> = vec![
            ws.edition.as_bytes(),
            crate_name.as_bytes(),
            &clippy_toml,
            toolchain.as_bytes(),
        ];
        how.extend(libraries.iter().map(|a| a.as_encoded_bytes()));
        let cached = Cached::new(&ws.rules_target_dir.join("rules-cache"), stub, &how);
        if let Some(reported) = cached.load() {
            return Ok(Some(reported));
        }
        // The metadata it writes is thrown away; a folder of its own, so that two checks of the same
        // file at once (two commands in one kit) never write over each other.
        let out = tempfile::Builder::new()
            .prefix("rules-out-")
            .tempdir_in(out_in)
            .with_context(|| format!("failed to create a folder in {}", out_in.display()))?;
        // The toolchain's own driver, not rustup's proxy (a process start less); the same one.
        let driver = toolchain_found.and_then(Toolchain::clippy_driver);
        let mut cmd = Command::new(driver.as_deref().unwrap_or(Path::new("clippy-driver")));
        cmd.args(["--edition", &ws.edition, "--test", "--cfg", "clippy"])
            .args(["--crate-name", crate_name])
            .args([
                "--emit=dep-info,metadata",
                "--error-format=json",
                "--out-dir",
            ])
            .arg(out.path())
            .arg(stub)
            .args(libraries)
            .env("CLIPPY_CONF_DIR", &ws.rules_config_dir);
        let run_limits = Limits {
            timeout: limits.map_or(crate::limits::BUILD_TIMEOUT, |l| l.timeout),
            memory: limits.map(|l| l.memory),
            output_cap: crate::limits::BUILD_OUTPUT_CAP,
            background: true,
            ..Limits::default()
        };
        let finished = supervise::run(&mut cmd, &run_limits, cancel).context(
        "failed to run clippy-driver, which checks the exercises' rules (rustup component add clippy)",
    )?;
        let mut reported = Reported::default();
        let status = match finished.ending {
            Ending::Cancelled => return Ok(None),
            // Checked alone, it did not finish: the test build says why, under the same limit.
            Ending::TimedOut { .. } => {
                reported.incomplete = true;
                return Ok(Some(reported));
            }
            Ending::Exited(status) => status,
        };
        for line in finished.stderr.text().lines() {
            if let Ok(diag) = serde_json::from_str::<Diagnostic>(line) {
                reported.take(diag, root_prefix);
            }
        }
        // rustc ends 0, or 1 after its errors; anything else (an internal error's 101, a signal,
        // the memory limit), failing without a word, or output cut short means clippy broke
        // down somewhere, and what it did not reach is not known to be clean.
        reported.incomplete = match status.code() {
            Some(0) => false,
            Some(1) => reported.errors.is_empty(),
            _ => true,
        } || finished.stderr.dropped > 0;
        let ws_dir = ws.manifest.parent().unwrap_or(Path::new("."));
        cached.store(
            &dep_info::files_read(&out.path().join(crate_name), ws_dir),
            &reported,
        );
        Ok(Some(reported))
    }
}

/// `cargo clippy` of every rules target of `ws`, in the rules' own target folder.
fn check_through_cargo(
    ws: &Workspace,
    exercises: &[String],
    CheckSettings { jobs, limits, .. }: CheckSettings,
    kit_root: &Path,
    cancel: &Cancel,
) -> Result<CheckEnd> {
    let mut cmd = compile::rules_cargo(ws);
    if let Some(limits) = limits {
        rustc_limits::set(&mut cmd, limits).context("rustprep cannot find its own binary")?;
    }
    cmd.args(["--workspace", "--jobs", &jobs.max(1).to_string()])
        .args(["--message-format", "json", "--keep-going"]);
    for exercise in exercises {
        cmd.args(["--test", &build_crate::rules_target(exercise)]);
    }
    let run_limits = Limits {
        background: true,
        ..Limits::build()
    };
    let finished = supervise::run(&mut cmd, &run_limits, cancel)
        .context("failed to run cargo clippy, which checks the exercises' rules")?;
    match finished.ending {
        Ending::Cancelled => return Ok(CheckEnd::Cancelled),
        Ending::TimedOut { .. } => bail!(
            "cargo clippy did not finish in {} minutes",
            crate::limits::BUILD_TIMEOUT.as_secs() / 60
        ),
        Ending::Exited(_) => {}
    }
    let root_prefix = format!("{}/", kit_root.display());
    let mut reported: HashMap<(usize, String), Reported> = HashMap::new();
    let mut checked = 0;
    let stdout = finished.stdout.text();
    libraries::record(&ws.rules_target_dir, &stdout);
    for (member, target, msg) in compile::messages(ws, &stdout) {
        let Some(exercise) = target.name.strip_suffix("-rules") else {
            continue;
        };
        let entry = reported.entry((member, exercise.to_owned())).or_default();
        match (msg.reason.as_str(), msg.message) {
            ("compiler-message", Some(diag)) => entry.take(diag, &root_prefix),
            ("compiler-artifact", _) => checked += 1,
            _ => {}
        }
    }
    // Nothing reported for any of them means clippy itself did not run.
    if checked == 0 && reported.values().all(|r| r.errors.is_empty()) && !exercises.is_empty() {
        let stderr = strip_ansi_escapes::strip_str(finished.stderr.text());
        bail!(
            "checking the exercises' rules failed (is clippy installed? `rustup component add clippy`):\n{}",
            stderr.trim_end()
        );
    }
    Ok(done(reported))
}
