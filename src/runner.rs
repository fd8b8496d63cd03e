//! Running exercises: compile them together ([`crate::compile`]), then run each hidden test in a
//! process of its own under the exercise's limits ([`crate::supervise`]), and turn what happened
//! into an [`Outcome`]. The runner reports progress through events and never prints.
//!
//! One process per test (as cargo-nextest does) makes the verdicts hard to fake: a test passes
//! only when its own process exits with status 0 *and* libtest reported it passed. A learner's
//! `process::exit(0)` ends the process before the report, and a learner's `println!` of a fake
//! `test ... ok` line is captured by libtest, so neither turns a failure into a pass; and a test
//! that hangs is named, while the others still give their results.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::Instant;

use anyhow::{Context, Result};
use tempfile::TempDir;

use crate::batch::{self, BatchEnd};
use crate::build_crate::{self, Group, HIDDEN_MODULE, Workspace};
use crate::compile::{self, CompileEnd, Compiled, Wanted};
use crate::dep_info;
use crate::direct_rustc;
use crate::exercise::{Exercise, Mode};
use crate::file_kind;
use crate::job_queue::JobQueue;
use crate::judge::{judge_main, judge_test};
use crate::kit::{Kit, Source};
use crate::libraries;
use crate::miri;
use crate::outcome::{Cause, MiriCheck, Note, Outcome, Status, TestResult, TestStatus};
use crate::process_slots::ProcessSlots;
use crate::rule_check::RuleChecks;
use crate::rules_build::CheckSettings;
use crate::rustc_limits::CompileLimits;
use crate::sandbox::Sandbox;
use crate::shared_std;
use crate::stall::Watched;
use crate::supervise::{self, Cancel, Ending, Finished, Limits};

#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Exercises compiled at once, and Miri runs. Their tests run as `test_slots` allows.
    /// Default: the number of cores.
    pub jobs: usize,
    /// Output kept per test process and stream. Default: 1 MiB.
    pub output_cap: usize,
    /// The sandbox learner code runs in, if any. Default: none.
    pub sandbox: Option<std::sync::Arc<Sandbox>>,
    /// Limits on compiling each exercise (grading). Default: none.
    pub compile_limits: Option<CompileLimits>,
    /// How many test processes may run at once, over every exercise of the run and every run
    /// that shares these options. Default: [`crate::limits::test_processes`].
    pub test_slots: std::sync::Arc<ProcessSlots>,
    /// Compile the copies of an exercise from many sources as one crate ([`crate::batch`]): only
    /// for sources that trust one another, as the kit's own corpus does. Default: no.
    pub batch: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            jobs: crate::limits::exercise_jobs(),
            output_cap: Limits::default().output_cap,
            sandbox: None,
            compile_limits: None,
            test_slots: std::sync::Arc::new(ProcessSlots::new(crate::limits::test_processes())),
            batch: false,
        }
    }
}

pub enum Event<'a> {
    /// cargo is compiling: `count` exercise files over every source, of which `distinct` are
    /// compiled (the others are byte for byte one of those, and share its build).
    Compiling { count: usize, distinct: usize },
    /// The tests of exercise `index` from source `source` are starting.
    Running { source: usize, index: usize },
    Finished {
        source: usize,
        index: usize,
        outcome: &'a Outcome,
    },
}

pub enum RunEnd {
    /// Outcomes in the order the exercises were asked for.
    Done(Vec<(usize, Outcome)>),
    Cancelled,
}

pub enum ManyEnd {
    /// For each source, in the order given, the outcomes in the order the exercises were asked for.
    Done(Vec<Vec<(usize, Outcome)>>),
    Cancelled,
}

/// Builds the kit's dependencies for the learner's exercises ahead of their first run, so that
/// the first save is not the one that waits for them. `Ok(false)` when cancelled or when no
/// exercise uses them.
pub fn warm_up(kit: &Kit, options: &RunOptions, cancel: &Cancel) -> Result<bool> {
    if !kit.list.exercises().iter().any(|e| e.uses_dependencies) {
        return Ok(false);
    }
    let source = std::slice::from_ref(&Source::Learner);
    let dir = build_crate::workspace_dir(kit, source, Group::WithDependencies);
    let Some(_lock) = build_crate::lock_workspace(&dir, cancel)? else {
        return Ok(false);
    };
    let ws = build_crate::prepare_one(kit, &Source::Learner, Group::WithDependencies)?;
    compile::warm_up(&ws, options.jobs, cancel)
}

/// Runs the exercises at `indices` from one source.
pub fn run(
    kit: &Kit,
    source: &Source,
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
    on_event: &(dyn Fn(Event<'_>) + Sync),
) -> Result<RunEnd> {
    let sources = std::slice::from_ref(source);
    Ok(
        match run_many(kit, sources, indices, options, cancel, on_event)? {
            ManyEnd::Done(mut per_source) => RunEnd::Done(per_source.pop().unwrap_or_default()),
            ManyEnd::Cancelled => RunEnd::Cancelled,
        },
    )
}

/// Runs the exercises at `indices` from every source (a class of submissions): one `cargo build`
/// per group compiles them all, then `options.jobs` workers run them. A source lacking an
/// exercise's file fails that exercise.
pub fn run_many(
    kit: &Kit,
    sources: &[Source],
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
    on_event: &(dyn Fn(Event<'_>) + Sync),
) -> Result<ManyEnd> {
    crate::toolchain::prefetch(&kit.build_dir());
    let exercises = kit.list.exercises();
    let mut plan = Plan {
        kit,
        sources,
        indices,
        jobs: (0..sources.len())
            .flat_map(|s| indices.iter().map(move |&i| (s, i)))
            .collect(),
        owners: owners(kit, sources, indices),
        workspaces: HashMap::new(),
    };
    let present = |&(s, i): &(usize, usize)| gradable(kit, &sources[s], &exercises[i]);
    let count = plan.jobs.iter().filter(|j| present(j)).count();
    let distinct = plan
        .jobs
        .iter()
        .filter(|&&(s, i)| present(&(s, i)) && plan.owner(s, &exercises[i]) == s)
        .count();
    if count > 0 {
        on_event(Event::Compiling { count, distinct });
    }
    // Held to the end of the run: its manifests are this run's.
    let mut _locks = Vec::new();
    for group in [Group::Plain, Group::WithDependencies] {
        if !indices.iter().any(|&i| Group::of(&exercises[i]) == group) {
            continue;
        }
        let dir = build_crate::workspace_dir(kit, sources, group);
        match build_crate::lock_workspace(&dir, cancel)? {
            Some(lock) => _locks.push(lock),
            None => return Ok(ManyEnd::Cancelled),
        }
        let ws = build_crate::prepare(kit, sources, group, &|s, e| plan.owns(s, e))?;
        plan.workspaces.insert(group, ws);
    }
    let plan = &plan;
    // The rules' check has a cancel of its own: once every outcome is in, a check no outcome
    // waited for (a compile error needs none) is stopped, and the verdict does not wait for it.
    let checks_cancel = cancel.child();
    // Stops the build and the tests together: one of them failed, or the run was cancelled.
    let run_cancel = cancel.child();
    let queue = JobQueue::default();
    thread::scope(|scope| {
        // The rules are checked beside the test build and the tests: clippy needs no test binary.
        let settings = CheckSettings {
            jobs: options.jobs,
            limits: options.compile_limits,
            batch: options.batch,
        };
        let checks = RuleChecks::start(
            scope,
            kit,
            sources,
            &plan.workspaces,
            indices,
            settings,
            &checks_cancel,
        );
        // Each exercise's tests start as soon as its binary is built, beside the rest of the build.
        let building = scope.spawn(|| {
            let built = build(plan, &queue, options, &run_cancel);
            queue.close();
            if !matches!(built, Ok(true)) {
                run_cancel.cancel();
            }
            built
        });
        let ran = run_jobs(plan, &queue, &checks, options, &run_cancel, on_event);
        if ran.is_err() {
            run_cancel.cancel();
        }
        let built = building
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the build of the exercises panicked")));
        checks_cancel.cancel();
        // A test's failure stops the build: it is the cause.
        let results = ran?;
        let (true, Some(results)) = (built?, results) else {
            return Ok(ManyEnd::Cancelled);
        };
        let mut per_source: Vec<Vec<(usize, Outcome)>> = vec![Vec::new(); sources.len()];
        for (&(source, index), outcome) in plan.jobs.iter().zip(results) {
            per_source[source].push((index, outcome));
        }
        Ok(ManyEnd::Done(per_source))
    })
}

/// What a run is over, worked out before anything is built.
struct Plan<'k> {
    kit: &'k Kit,
    sources: &'k [Source],
    indices: &'k [usize],
    /// Every (source, exercise index) graded, in the order their outcomes are given.
    jobs: Vec<(usize, usize)>,
    /// Which source builds each (source, exercise): see [`owners`].
    owners: HashMap<(usize, &'k str), usize>,
    workspaces: HashMap<Group, Workspace>,
}

impl Plan<'_> {
    fn owner(&self, source: usize, exercise: &Exercise) -> usize {
        self.owners[&(source, exercise.name.as_str())]
    }

    /// Whether `source` builds its own copy of `exercise`: only the regular files a source has
    /// (a folder lacking one, or holding a FIFO, which rustc would wait on for ever, fails it
    /// without a build), and only those no source before it has byte for byte.
    fn owns(&self, source: usize, exercise: &Exercise) -> bool {
        self.owners.get(&(source, exercise.name.as_str())) == Some(&source)
            && gradable(self.kit, &self.sources[source], exercise)
    }
}

/// A job of a run: the index of its (source, exercise) in the run's list, and the build its
/// tests run from (shared by the sources whose files are the same); `None` when the source has
/// no file to grade.
type Job = (usize, Option<Arc<Compiled>>);

/// Builds every exercise of `jobs`, group by group (batches first, when asked for), and queues
/// each job once its build is there: as soon as it has built, or when the build ends for one
/// that did not. Jobs with no file to grade are queued first. `Ok(false)` when cancelled.
fn build(
    plan: &Plan<'_>,
    queue: &JobQueue<Job>,
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<bool> {
    let Plan { kit, sources, .. } = *plan;
    let exercises = kit.list.exercises();
    // The jobs waiting for each build, by (owner, exercise).
    let mut waiting: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for (slot, &(source, index)) in plan.jobs.iter().enumerate() {
        let exercise = &exercises[index];
        if gradable(kit, &sources[source], exercise) {
            let owner = plan.owner(source, exercise);
            waiting
                .entry((owner, exercise.name.clone()))
                .or_default()
                .push(slot);
        } else {
            queue.push((slot, None));
        }
    }
    let waiting = Mutex::new(waiting);
    let enqueue = |owner: usize, name: &str, built: Compiled| {
        let slots = waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&(owner, name.to_owned()))
            .unwrap_or_default();
        let built = Arc::new(built);
        for slot in slots {
            queue.push((slot, Some(Arc::clone(&built))));
        }
    };
    for group in [Group::Plain, Group::WithDependencies] {
        if let Some(ws) = plan.workspaces.get(&group)
            && !build_group(plan, ws, &enqueue, options, cancel)?
        {
            return Ok(false);
        }
    }
    let left = waiting.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(((owner, name), _)) = left.iter().next() {
        anyhow::bail!(
            "{name} of {} was not built",
            kit.display_path(&kit.source_dir(&sources[*owner]))
        );
    }
    Ok(true)
}

/// Builds the exercises of one group (one workspace): batches first, when asked for, then the
/// rest; each build is handed to `enqueue` as soon as it is there. `Ok(false)` when cancelled.
fn build_group(
    plan: &Plan<'_>,
    ws: &Workspace,
    enqueue: &(dyn Fn(usize, &str, Compiled) + Sync),
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<bool> {
    let Plan { kit, sources, .. } = *plan;
    let exercises = kit.list.exercises();
    let group = ws.group;
    let owns = |s: usize, e: &Exercise| plan.owns(s, e);
    let batched: HashSet<String> = if options.batch {
        // A batch checks its own reads, against all its sources' files.
        let ready = |s: usize, name: &str, copy: &Compiled| enqueue(s, name, copy.clone());
        let end = batch::compile(
            kit,
            sources,
            plan.indices,
            group,
            &owns,
            options.jobs,
            cancel,
            &ready,
        )?;
        match end {
            BatchEnd::Done(copies) => copies.into_keys().map(|(_, e)| e).collect(),
            BatchEnd::Cancelled => return Ok(false),
        }
    } else {
        HashSet::new()
    };
    let wanted: Vec<Wanted> = plan
        .indices
        .iter()
        .map(|&i| &exercises[i])
        .filter(|e| Group::of(e) == group && !batched.contains(&e.name))
        .filter(|e| ws.members.iter().any(|m| m.exercises.contains(&e.name)))
        .map(|e| Wanted {
            exercise: e.name.clone(),
            test: build_crate::has_hidden_tests(kit, e),
            bin: e.mode == Mode::Run,
        })
        .collect();
    if wanted.is_empty() {
        return Ok(true);
    }
    let limits = options.compile_limits;
    // One exercise's tests, ungraded (no limits): the learner's loop, which skips cargo.
    let direct = match (&wanted[..], &ws.members[..], libraries::crates(kit, group)) {
        ([only], [member], Some(crates)) if limits.is_none() && only.test && !only.bin => {
            let exercise = kit.list.get(&only.exercise)?;
            let files = [
                kit.file_in(&sources[member.source], exercise),
                kit.hidden_tests(exercise),
            ];
            let files = [files[0].as_path(), files[1].as_path()];
            let name = &only.exercise;
            direct_rustc::compile(ws, member, name, files, &crates, &kit.root, cancel)?
        }
        _ => None,
    };
    let queued = Mutex::new(HashSet::new());
    let ready = |owner: usize, name: &str, built: &Compiled| {
        let mut built = built.clone();
        refuse_outside_reads(kit, sources, ws, owner, name, &mut built);
        enqueue(owner, name, built);
        queued
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((owner, name.to_owned()));
    };
    let end = match direct {
        Some(end) => end,
        None => compile::compile(ws, &wanted, options.jobs, &kit.root, limits, cancel, &ready)?,
    };
    let CompileEnd::Done(compiled) = end else {
        return Ok(false);
    };
    let queued = queued.into_inner().unwrap_or_else(|e| e.into_inner());
    for ((owner, name), mut built) in compiled {
        if !queued.contains(&(owner, name.clone())) {
            refuse_outside_reads(kit, sources, ws, owner, &name, &mut built);
            enqueue(owner, &name, built);
        }
    }
    Ok(true)
}

/// Whether a source's file of an exercise is there to grade: a file, and in a submission not a
/// symbolic link (which could lead to the solutions or a classmate's file).
fn gradable(kit: &Kit, source: &Source, exercise: &Exercise) -> bool {
    let file = kit.file_in(source, exercise);
    file.is_file() && !(matches!(source, Source::Folder(_)) && is_link(&file))
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// An exercise whose build read a file outside it (an `include_str!` of the solutions, of a
/// classmate's file) does not compile: what the learner wrote must stand on its own. `owner` is
/// the source whose member of `ws` built it.
fn refuse_outside_reads(
    kit: &Kit,
    sources: &[Source],
    ws: &Workspace,
    owner: usize,
    name: &str,
    built: &mut Compiled,
) {
    let ws_dir = ws.manifest.parent().unwrap_or(Path::new("."));
    let (Some(member), Ok(exercise)) = (
        ws.members.iter().find(|m| m.source == owner),
        kit.list.get(name),
    ) else {
        return;
    };
    let allowed = [
        kit.file_in(&sources[owner], exercise),
        kit.hidden_tests(exercise),
    ];
    let dirs = [
        member.dir.join("gen"),
        crate::layout::test_support_dir(&kit.root),
    ];
    let outside: Vec<_> = [&built.test_exe, &built.bin_exe]
        .into_iter()
        .flatten()
        .flat_map(|exe| dep_info::outside(&dep_info::files_read(exe, ws_dir), &allowed, &dirs))
        .collect();
    if let Some(file) = outside.first() {
        built.has_errors = true;
        built.diagnostics.push_str(&format!(
            "error: this exercise reads {} at compile time, and an exercise may read only its own file (through include!, include_str! or include_bytes!)\n",
            kit.display_path(&std::fs::canonicalize(file).unwrap_or_else(|_| file.clone()))
        ));
    }
}

/// Runs the jobs of `queue` as they come, as many at once as there are test slots, each outcome
/// completed with the breaches of its rules before it is reported. Outcomes in the order of
/// `jobs`; `None` when cancelled.
fn run_jobs(
    plan: &Plan<'_>,
    queue: &JobQueue<Job>,
    checks: &RuleChecks<'_, '_>,
    options: &RunOptions,
    cancel: &Cancel,
    on_event: &(dyn Fn(Event<'_>) + Sync),
) -> Result<Option<Vec<Outcome>>> {
    let Plan { kit, sources, .. } = *plan;
    let exercises = kit.list.exercises();
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; plan.jobs.len()]);
    let failure: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    // Most of a test's time is spent waiting (on a lock, a channel, a deadlock's time limit), so
    // as many exercises run at once as there are test slots, which bound the processes; Miri,
    // which interprets and so computes all the time, runs `options.jobs` at a time.
    let workers = options.jobs.max(options.test_slots.count());
    let miri_slots = ProcessSlots::new(options.jobs);
    let listings = Listings::default();
    // Outcomes whose tests have run while the rules' check of their group still goes on: they
    // are completed once there is no test left to start, so that no worker waits on the check
    // while tests could run.
    let deferred: Mutex<Vec<(usize, Outcome)>> = Mutex::default();
    let defer = |slot: usize, outcome: Outcome| {
        deferred
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((slot, outcome));
    };
    let next_deferred = || deferred.lock().unwrap_or_else(|e| e.into_inner()).pop();
    let complete =
        |slot: usize, outcome: Outcome| complete(plan, slot, outcome, checks, &miri_slots, cancel);
    // Tells an outcome and keeps it; `false` once the run is to stop.
    let report = |slot: usize, outcome: Result<Option<Outcome>>| match outcome {
        Ok(Some(outcome)) => {
            let (source, index) = plan.jobs[slot];
            on_event(Event::Finished {
                source,
                index,
                outcome: &outcome,
            });
            results.lock().unwrap_or_else(|e| e.into_inner())[slot] = Some(outcome);
            true
        }
        Ok(None) => false,
        Err(e) => {
            *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
            cancel.cancel();
            false
        }
    };
    thread::scope(|scope| {
        for _ in 0..workers.clamp(1, plan.jobs.len().max(1)) {
            scope.spawn(|| {
                while let Some((slot, built)) = queue.take(cancel) {
                    let (source, index) = plan.jobs[slot];
                    let exercise = &exercises[index];
                    on_event(Event::Running { source, index });
                    let outcome = match built {
                        None => Ok(Some(missing(kit, &sources[source], exercise))),
                        Some(built) => match test(plan, slot, &built, &listings, options, cancel) {
                            Ok(Some(o)) if checks.would_wait(&o, exercise) => {
                                defer(slot, o);
                                continue;
                            }
                            Ok(Some(o)) => complete(slot, o),
                            other => other,
                        },
                    };
                    if !report(slot, outcome) {
                        return;
                    }
                }
                while !cancel.is_cancelled()
                    && let Some((slot, outcome)) = next_deferred()
                {
                    if !report(slot, complete(slot, outcome)) {
                        return;
                    }
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(results.into_iter().collect())
}

/// The outcome of a source that has no file to grade for `exercise`.
fn missing(kit: &Kit, source: &Source, exercise: &Exercise) -> Outcome {
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
fn test(
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

/// The outcome of the job at `slot` once its tests have run, completed: the breaches of its
/// exercise's rules, Miri's check where asked for, and paths in the job's own source (its
/// build may be another source's, byte for byte the same file). `None` when cancelled.
fn complete(
    plan: &Plan<'_>,
    slot: usize,
    outcome: Outcome,
    checks: &RuleChecks<'_, '_>,
    miri_slots: &ProcessSlots,
    cancel: &Cancel,
) -> Result<Option<Outcome>> {
    let Plan { kit, sources, .. } = *plan;
    let (source, index) = plan.jobs[slot];
    let exercise = &kit.list.exercises()[index];
    let owner = plan.owner(source, exercise);
    let ws = &plan.workspaces[&Group::of(exercise)];
    let Some(mut outcome) = checks.complete(outcome, owner, exercise)? else {
        return Ok(None);
    };
    if let Some(member) = ws.members.iter().find(|m| m.source == owner)
        && miri::wanted(&outcome, exercise)
    {
        let Some(_slot) = miri_slots.acquire(cancel) else {
            return Ok(None);
        };
        let Some(checked) = miri::complete(outcome, ws, member, exercise, cancel)? else {
            return Ok(None);
        };
        outcome = checked;
    }
    if owner == source {
        return Ok(Some(outcome));
    }
    let from = kit.display_path(&kit.source_dir(&sources[owner]));
    let to = kit.display_path(&kit.source_dir(&sources[source]));
    Ok(Some(outcome.with_folder_renamed(&from, &to)))
}

/// Which source compiles each present (source, exercise): the first source that holds that
/// exact file. A class often hands in byte-identical files (an exercise left as shipped, a fix
/// passed round); each distinct file is compiled once, and its test binary is run for every
/// source that has it, so each still gets its own run and its own outcome.
fn owners<'k>(
    kit: &'k Kit,
    sources: &[Source],
    indices: &[usize],
) -> HashMap<(usize, &'k str), usize> {
    let mut first_with: HashMap<(usize, Vec<u8>), usize> = HashMap::new();
    let mut owners = HashMap::new();
    for (s, source) in sources.iter().enumerate() {
        for &i in indices {
            let exercise = &kit.list.exercises()[i];
            // A file that cannot be read is compiled on its own (and its error reported there);
            // one that is not graded (a FIFO would block; a link in a submission could lead
            // anywhere) is not read at all, and is nobody's owner.
            let contents = gradable(kit, source, exercise)
                .then(|| std::fs::read(kit.file_in(source, exercise)).ok())
                .flatten();
            let owner = match contents {
                Some(contents) => *first_with.entry((i, contents)).or_insert(s),
                None => s,
            };
            owners.insert((s, exercise.name.as_str()), owner);
        }
    }
    owners
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
        let Some(names) = listings.tests_under(exe, &compiled.tests_under, cancel)? else {
            return Ok(None);
        };
        let judged: Vec<Option<TestResult>> = thread::scope(|scope| {
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
                        let finished = supervise::run(&mut cmd, &limits, cancel)
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
                .collect::<Result<_>>()
        })?;
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
struct Listings(Mutex<HashMap<PathBuf, Arc<Listing>>>);

/// One binary's tests, or why they could not be listed; `None` inside when cancelled.
type Listing = OnceLock<Result<Option<Vec<String>>, String>>;

impl Listings {
    /// The hidden tests in a test binary, under the modules `under` (tests the learner wrote in
    /// the file are not graded). `None` when cancelled.
    fn tests_under(&self, exe: &Path, under: &str, cancel: &Cancel) -> Result<Option<Vec<String>>> {
        let listing = Arc::clone(
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(exe.to_owned())
                .or_default(),
        );
        // The first copy to ask lists the binary; the others wait for it.
        let all = listing.get_or_init(|| list_tests(exe, cancel).map_err(|e| format!("{e:#}")));
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

/// Every test in a test binary. `None` when cancelled.
fn list_tests(exe: &Path, cancel: &Cancel) -> Result<Option<Vec<String>>> {
    let mut cmd = Command::new(exe);
    shared_std::set_loader_path(&mut cmd);
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
