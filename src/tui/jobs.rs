//! Background work for a full-screen command: a run of one exercise, a check of all of them, and
//! the warm-up build of the kit's dependencies. Each job runs on its own thread, reports through
//! the closure it is given (which sends the command's own event), and can be cancelled (which
//! kills its processes) and waited for. Between runs, the compiler of the next save is started
//! ahead of it here too.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use crate::kit::{Kit, Source};
use crate::outcome::Status;
use crate::runner::{self, RunEnd, RunOptions};
use crate::supervise::Cancel;

pub struct Job {
    cancel: Cancel,
    handle: JoinHandle<()>,
}

impl Job {
    /// Runs `work` on a thread of its own and hands its result to `done`. A panic in `work` (a bug
    /// of rustprep's) reaches `done` as an error, so the screen waiting for it says so.
    pub fn spawn<T: 'static>(
        work: impl FnOnce(&Cancel) -> T + Send + 'static,
        done: impl FnOnce(anyhow::Result<T>) + Send + 'static,
    ) -> Self {
        let cancel = Cancel::default();
        let job_cancel = cancel.clone();
        let handle = thread::spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(|| work(&job_cancel)));
            done(result.map_err(|panic| {
                let said = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                anyhow::anyhow!("the run stopped on a bug in rustprep (please report it): {said}")
            }));
        });
        Job { cancel, handle }
    }

    /// Asks the job to stop (its processes are killed); it ends soon after.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// Stops the job and waits until its processes are gone.
    pub fn stop(self) {
        self.cancel();
        let _ = self.handle.join();
    }
}

/// Runs the exercise at `index` from `source`; `done` gets the result.
pub fn run_exercise(
    kit: Arc<Kit>,
    source: Source,
    index: usize,
    options: RunOptions,
    done: impl FnOnce(anyhow::Result<RunEnd>) + Send + 'static,
) -> Job {
    Job::spawn(
        move |cancel| runner::run(&kit, &source, &[index], &options, cancel, &|_| {}),
        |result| done(result.and_then(|r| r)),
    )
}

/// Starts the compiler of the learner's next save ahead of it: the last exercise compiled, with
/// the same command ([`crate::primed`]). Call it when no run is going on.
pub fn prime_compiler() {
    crate::primed::prime();
}

/// Stops the compiler started ahead of the next save, if any, and starts none any more.
pub fn close_primed_compiler() {
    crate::primed::close();
}

/// How a check of every exercise is getting on.
pub enum CheckStep {
    /// All of them are being compiled, in one build, before any test runs.
    Compiling,
    /// The exercise at `index` has its verdict.
    Finished { index: usize, status: Status },
}

/// Runs every exercise of the learner's folder; `progress` hears how it is getting on.
pub fn check_all(
    kit: Arc<Kit>,
    options: RunOptions,
    progress: impl Fn(CheckStep) + Send + Sync + 'static,
    done: impl FnOnce(anyhow::Result<RunEnd>) + Send + 'static,
) -> Job {
    let work = move |cancel: &Cancel| {
        let indices: Vec<usize> = (0..kit.list.exercises().len()).collect();
        let on_event = |event: runner::Event<'_>| match event {
            runner::Event::Compiling { .. } => progress(CheckStep::Compiling),
            runner::Event::Finished { index, outcome, .. } => progress(CheckStep::Finished {
                index,
                status: outcome.status,
            }),
            runner::Event::Running { .. } => {}
        };
        runner::run(
            &kit,
            &Source::Learner,
            &indices,
            &options,
            cancel,
            &on_event,
        )
    };
    Job::spawn(work, |result| done(result.and_then(|r| r)))
}

/// Builds the dependencies in the background; `None` when no exercise uses them.
pub fn warm_up(
    kit: Arc<Kit>,
    done: impl FnOnce(anyhow::Result<bool>) + Send + 'static,
) -> Option<Job> {
    if !kit.list.exercises().iter().any(|e| e.uses_dependencies) {
        return None;
    }
    Some(Job::spawn(
        move |cancel| runner::warm_up(&kit, &RunOptions::default(), cancel),
        |result| done(result.and_then(|r| r)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_that_panics_reports_an_error_instead_of_nothing() {
        let (tx, rx) = std::sync::mpsc::channel();
        let job = Job::spawn(
            |_| -> u32 { panic!("index out of range") },
            move |result| tx.send(result.map_err(|e| e.to_string())).unwrap(),
        );
        let said = rx.recv().expect("the job reported");
        job.stop();
        let error = said.expect_err("a panic is an error");
        assert!(error.contains("index out of range"), "{error}");
    }
}
