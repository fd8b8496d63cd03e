//! Background work for a full-screen command: a run of one exercise, a check of all of them, and
//! the warm-up build of the kit's dependencies. Each job runs on its own thread, reports through
//! the closure it is given (which sends the command's own event), and can be cancelled (which
//! kills its processes) and waited for.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};

use crate::kit::{Kit, Source};
use crate::runner::{self, RunEnd, RunOptions};
use crate::supervise::Cancel;

pub struct Job {
    cancel: Cancel,
    handle: JoinHandle<()>,
}

impl Job {
    fn spawn(work: impl FnOnce(&Cancel) + Send + 'static) -> Self {
        let cancel = Cancel::default();
        let job_cancel = cancel.clone();
        let handle = thread::spawn(move || work(&job_cancel));
        Job { cancel, handle }
    }

    /// Stops the job and waits until its processes are gone.
    pub fn stop(self) {
        self.cancel.cancel();
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
    Job::spawn(move |cancel| {
        done(runner::run(
            &kit,
            &source,
            &[index],
            &options,
            cancel,
            &|_| {},
        ));
    })
}

/// Runs every exercise of the learner's folder; `progress` hears (done, total) as each ends.
pub fn check_all(
    kit: Arc<Kit>,
    options: RunOptions,
    progress: impl Fn(usize, usize) + Send + Sync + 'static,
    done: impl FnOnce(anyhow::Result<RunEnd>) + Send + 'static,
) -> Job {
    Job::spawn(move |cancel| {
        let total = kit.list.exercises().len();
        let indices: Vec<usize> = (0..total).collect();
        let finished = AtomicUsize::new(0);
        let on_event = |event: runner::Event<'_>| {
            if let runner::Event::Finished { .. } = event {
                progress(finished.fetch_add(1, Ordering::SeqCst) + 1, total);
            }
        };
        done(runner::run(
            &kit,
            &Source::Learner,
            &indices,
            &options,
            cancel,
            &on_event,
        ));
    })
}

/// Builds the dependencies in the background; `None` when no exercise uses them.
pub fn warm_up(
    kit: Arc<Kit>,
    done: impl FnOnce(anyhow::Result<bool>) + Send + 'static,
) -> Option<Job> {
    if !kit.list.exercises().iter().any(|e| e.uses_dependencies) {
        return None;
    }
    Some(Job::spawn(move |cancel| {
        done(runner::warm_up(&kit, &RunOptions::default(), cancel));
    }))
}
