//! Running exercises: compile them together ([`crate::compile`]), run each hidden test in a
//! process of its own under the exercise's limits ([`crate::supervise`]), and turn what happened
//! into an [`Outcome`]. An exercise's tests start as soon as its binary is built, while the rest
//! of the build goes on ([`crate::job_queue`]). The runner reports progress through events and
//! never prints.
//!
//! One process per test (as cargo-nextest does) makes the verdicts hard to fake: a test passes
//! only when its own process exits with status 0 *and* libtest reported it passed. A learner's
//! `process::exit(0)` ends the process before the report, and a learner's `println!` of a fake
//! `test ... ok` line is captured by libtest, so neither turns a failure into a pass; and a test
//! that hangs is named, while the others still give their results.

mod build;
mod execute;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;
use std::thread;

use anyhow::Result;

use build::{Job, build_all};
use execute::{Listings, missing, run_tests};

use crate::build_crate::{self, Group, Workspace};
use crate::compile;
use crate::exercise::Exercise;
use crate::job_queue::JobQueue;
use crate::kit::{Kit, Source};
use crate::miri;
use crate::outcome::Outcome;
use crate::process_slots::ProcessSlots;
use crate::rule_check::RuleChecks;
use crate::rules_build::CheckSettings;
use crate::rustc_limits::CompileLimits;
use crate::sandbox::Sandbox;
use crate::supervise::{Cancel, Limits};

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
/// per group compiles them all, and each exercise's tests start as soon as its binary is built,
/// as many at once as the test slots allow. A source lacking an exercise's file fails that
/// exercise.
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
    let jobs: Vec<(usize, usize)> = (0..sources.len())
        .flat_map(|s| indices.iter().map(move |&i| (s, i)))
        .collect();
    // Looked at once: a file that comes or goes during the run does not change its plan.
    let gradable: HashSet<(usize, &str)> = jobs
        .iter()
        .map(|&(s, i)| (s, exercises[i].name.as_str()))
        .filter(|&(s, name)| {
            kit.list
                .get(name)
                .is_ok_and(|e| gradable(kit, &sources[s], e))
        })
        .collect();
    let mut plan = Plan {
        kit,
        sources,
        indices,
        owners: owners(kit, sources, indices, &gradable),
        gradable,
        jobs,
        workspaces: HashMap::new(),
    };
    let count = plan
        .jobs
        .iter()
        .filter(|&&(s, i)| plan.has_file(s, &exercises[i]))
        .count();
    let distinct = plan
        .jobs
        .iter()
        .filter(|&&(s, i)| plan.has_file(s, &exercises[i]) && plan.owner(s, &exercises[i]) == s)
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
        // Each exercise's tests start as soon as its binary is built, beside the rest of the build.
        let building = scope.spawn(|| {
            let mut ended = BuildEnded {
                queue: &queue,
                cancel: &run_cancel,
                whole: false,
            };
            let built = build_all(plan, &queue, options, &run_cancel);
            ended.whole = matches!(built, Ok(true));
            built
        });
        // The rules are checked beside the test build and the tests: clippy needs no test binary.
        // The build starts first, as the verdict waits for it.
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

/// Closes the queue of a run's jobs when its build ends, however it ends, and unless the build
/// was whole (it failed, was cancelled or panicked) stops the tests: the workers never wait for
/// jobs that will not come.
struct BuildEnded<'a> {
    queue: &'a JobQueue<Job>,
    cancel: &'a Cancel,
    whole: bool,
}

impl Drop for BuildEnded<'_> {
    fn drop(&mut self) {
        self.queue.close();
        if !self.whole {
            self.cancel.cancel();
        }
    }
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
    /// The (source, exercise) whose file is there to grade ([`gradable`]), as seen at the start.
    gradable: HashSet<(usize, &'k str)>,
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
            && self.has_file(source, exercise)
    }

    /// Whether `source` has a file of `exercise` to grade.
    fn has_file(&self, source: usize, exercise: &Exercise) -> bool {
        self.gradable.contains(&(source, exercise.name.as_str()))
    }
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
    // are completed once that check has ended (looked at after each job), or once there is no
    // test left to start, so that no worker waits on the check while tests could run.
    let deferred: Mutex<Vec<(usize, Outcome)>> = Mutex::default();
    let defer = |slot: usize, outcome: Outcome| {
        deferred
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((slot, outcome));
    };
    let next_deferred = || deferred.lock().unwrap_or_else(|e| e.into_inner()).pop();
    // A deferred outcome whose check has ended since.
    let next_settled = || {
        let mut deferred = deferred.lock().unwrap_or_else(|e| e.into_inner());
        let at = deferred.iter().position(|(slot, outcome)| {
            !checks.would_wait(outcome, &exercises[plan.jobs[*slot].1])
        })?;
        Some(deferred.swap_remove(at))
    };
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
                        Some(built) => {
                            match run_tests(plan, slot, &built, &listings, options, cancel) {
                                Ok(Some(o)) if checks.would_wait(&o, exercise) => {
                                    defer(slot, o);
                                    continue;
                                }
                                Ok(Some(o)) => complete(slot, o),
                                other => other,
                            }
                        }
                    };
                    if !report(slot, outcome) {
                        return;
                    }
                    while let Some((slot, outcome)) = next_settled() {
                        if !report(slot, complete(slot, outcome)) {
                            return;
                        }
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
    gradable: &HashSet<(usize, &str)>,
) -> HashMap<(usize, &'k str), usize> {
    let mut first_with: HashMap<(usize, Vec<u8>), usize> = HashMap::new();
    let mut owners = HashMap::new();
    for (s, source) in sources.iter().enumerate() {
        for &i in indices {
            let exercise = &kit.list.exercises()[i];
            // A file that cannot be read is compiled on its own (and its error reported there);
            // one that is not graded (a FIFO would block; a link in a submission could lead
            // anywhere) is not read at all, and is nobody's owner.
            let contents = gradable
                .contains(&(s, exercise.name.as_str()))
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
