//! A queue of jobs that become ready over time (an exercise's tests once its binary is built),
//! taken by workers until it is closed and empty: the runner starts a test as soon as its binary
//! exists, while the rest of the build goes on.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::supervise::Cancel;

pub struct JobQueue<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
}

struct State<T> {
    jobs: VecDeque<T>,
    closed: bool,
}

impl<T> Default for JobQueue<T> {
    fn default() -> Self {
        Self {
            state: Mutex::new(State {
                jobs: VecDeque::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }
}

impl<T> JobQueue<T> {
    fn state(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a job, for the first free worker.
    pub fn push(&self, job: T) {
        self.state().jobs.push_back(job);
        self.changed.notify_one();
    }

    /// Says that no more jobs will come: once the queue is empty, [`JobQueue::take`] ends.
    pub fn close(&self) {
        self.state().closed = true;
        self.changed.notify_all();
    }

    /// The next job, waiting for one; `None` once the queue is closed and empty, or cancelled.
    pub fn take(&self, cancel: &Cancel) -> Option<T> {
        // How often a waiter looks at the cancel switch (which wakes supervisors, not this queue).
        const LOOK: Duration = Duration::from_millis(50);
        let mut state = self.state();
        loop {
            if cancel.is_cancelled() {
                return None;
            }
            if let Some(job) = state.jobs.pop_front() {
                return Some(job);
            }
            if state.closed {
                return None;
            }
            state = self
                .changed
                .wait_timeout(state, LOOK)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_come_out_in_order_and_a_closed_queue_ends_once_empty() {
        let queue = JobQueue::default();
        let cancel = Cancel::default();
        queue.push(1);
        queue.push(2);
        queue.close();
        assert_eq!(queue.take(&cancel), Some(1));
        assert_eq!(queue.take(&cancel), Some(2));
        assert_eq!(queue.take(&cancel), None);
    }

    #[test]
    fn a_waiting_worker_gets_a_job_pushed_later_and_ends_at_the_close() {
        let queue = JobQueue::default();
        let cancel = Cancel::default();
        std::thread::scope(|scope| {
            let worker = scope.spawn(|| {
                let mut got = Vec::new();
                while let Some(job) = queue.take(&cancel) {
                    got.push(job);
                }
                got
            });
            std::thread::sleep(Duration::from_millis(20));
            queue.push("built");
            queue.close();
            assert_eq!(worker.join().unwrap(), ["built"]);
        });
    }

    #[test]
    fn a_cancelled_run_takes_nothing_more() {
        let queue = JobQueue::default();
        let cancel = Cancel::default();
        queue.push(1);
        cancel.cancel();
        assert_eq!(queue.take(&cancel), None);
    }
}
