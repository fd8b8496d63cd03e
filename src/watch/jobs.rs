//! Background work for the watch loop: a run of one exercise, a check of all of them, and the
//! warm-up build of the kit's dependencies. Each job runs on its own thread, reports through an
//! [`Event`], and can be cancelled (which kills its processes) and waited for.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

use super::event::Event;
use crate::build_crate::{self, Group};
use crate::compile;
use crate::kit::{Kit, Source};
use crate::runner::{self, RunOptions};
use crate::supervise::Cancel;

pub struct Job {
    cancel: Cancel,
    handle: JoinHandle<()>,
}

impl Job {
    /// Stops the job and waits until its processes are gone.
    pub fn stop(self) {
        self.cancel.cancel();
        let _ = self.handle.join();
    }
}

pub fn run_exercise(kit: Arc<Kit>, index: usize, generation: u64, tx: Sender<Event>) -> Job {
    let cancel = Cancel::default();
    let job_cancel = cancel.clone();
    let handle = thread::spawn(move || {
        let result = runner::run(
            &kit,
            &Source::Learner,
            &[index],
            &RunOptions::default(),
            &job_cancel,
            &|_| {},
        );
        let _ = tx.send(Event::RunDone { generation, result });
    });
    Job { cancel, handle }
}

pub fn check_all(kit: Arc<Kit>, generation: u64, tx: Sender<Event>) -> Job {
    let cancel = Cancel::default();
    let job_cancel = cancel.clone();
    let handle = thread::spawn(move || {
        let total = kit.list.exercises().len();
        let indices: Vec<usize> = (0..total).collect();
        let done = AtomicUsize::new(0);
        let progress = tx.clone();
        let on_event = move |event: runner::Event<'_>| {
            if let runner::Event::Finished { .. } = event {
                let done = done.fetch_add(1, Ordering::SeqCst) + 1;
                let _ = progress.send(Event::CheckProgress { done, total });
            }
        };
        let result = runner::run(
            &kit,
            &Source::Learner,
            &indices,
            &RunOptions::default(),
            &job_cancel,
            &on_event,
        );
        let _ = tx.send(Event::CheckDone { generation, result });
    });
    Job { cancel, handle }
}

/// Builds the dependencies in the background; `None` when no exercise uses them.
pub fn warm_up(kit: Arc<Kit>, tx: Sender<Event>) -> Option<Job> {
    if !kit.list.exercises().iter().any(|e| e.uses_dependencies) {
        return None;
    }
    let cancel = Cancel::default();
    let job_cancel = cancel.clone();
    let handle = thread::spawn(move || {
        let result = build_crate::prepare(&kit, &[Source::Learner], Group::WithDependencies)
            .and_then(|bc| compile::warm_up(&bc, RunOptions::default().jobs, &job_cancel));
        let _ = tx.send(Event::WarmUpDone(result));
    });
    Some(Job { cancel, handle })
}
