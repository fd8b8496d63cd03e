use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::sync::Arc;
use std::sync::mpsc;
use std::thread::{self, JoinHandle};

/// The id Linux gives the calling thread, if there is a `/proc` to ask.
fn own_thread_id() -> Option<String> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    stat.split_whitespace().next().map(str::to_owned)
}

/// Whether thread `id` of this process is asleep, waiting for something to wake it.
fn is_asleep(id: &str) -> bool {
    std::fs::read_to_string(format!("/proc/self/task/{id}/stat"))
        .ok()
        .and_then(|stat| Some(stat.rsplit_once(')')?.1.trim_start().starts_with('S')))
        .unwrap_or(false)
}

/// Starts a worker that takes one job from the empty `queue`, and returns once it is inside
/// `pop`, asleep: nothing but the queue's condition variable can put it to sleep there.
fn waiting_worker(queue: &Arc<JobQueue>) -> (JoinHandle<String>, Option<String>) {
    let (started_tx, started_rx) = mpsc::channel();
    let worker = {
        let queue = Arc::clone(queue);
        thread::spawn(move || {
            started_tx.send(own_thread_id()).unwrap();
            queue.pop()
        })
    };
    let id = started_rx.recv().unwrap();
    wait_until_asleep(&worker, id.as_deref());
    assert!(
        !worker.is_finished(),
        "`pop` on an empty queue ended instead of waiting for a job"
    );
    (worker, id)
}

fn wait_until_asleep(worker: &JoinHandle<String>, id: Option<&str>) {
    match id {
        Some(id) => {
            while !worker.is_finished() && !is_asleep(id) {
                thread::yield_now();
            }
        }
        // No `/proc` (not Linux): give the worker time enough, almost always, to get there.
        None => {
            for _ in 0..1000 {
                thread::yield_now();
            }
        }
    }
}

#[test]
fn a_queued_job_is_taken_at_once() {
    let queue = JobQueue::default();
    queue.push("resize photo 17");
    assert_eq!(queue.pop(), "resize photo 17");
    assert_eq!(queue.len(), 0);
}

#[test]
fn jobs_come_out_oldest_first() {
    let queue = JobQueue::default();
    for job in ["a", "b", "c"] {
        queue.push(job);
    }
    assert_eq!([queue.pop(), queue.pop(), queue.pop()], ["a", "b", "c"]);
}

#[test]
fn jobs_pushed_by_a_finished_producer_are_all_taken() {
    let queue = Arc::new(JobQueue::default());
    let producer = {
        let queue = Arc::clone(&queue);
        thread::spawn(move || {
            for n in 0..5 {
                queue.push(&format!("job {n}"));
            }
        })
    };
    // Every notification was sent before anyone waited.
    producer.join().unwrap();
    let taken: Vec<String> = (0..5).map(|_| queue.pop()).collect();
    assert_eq!(taken, ["job 0", "job 1", "job 2", "job 3", "job 4"]);
}

#[test]
fn a_waiting_worker_is_woken_by_a_push() {
    let queue = Arc::new(JobQueue::default());
    let (worker, _) = waiting_worker(&queue);
    queue.push("send invoice");
    assert_eq!(worker.join().unwrap(), "send invoice");
    assert_eq!(queue.len(), 0);
}

#[test]
fn a_wake_up_that_brings_no_job_is_not_the_end_of_the_wait() {
    let queue = Arc::new(JobQueue::default());
    let (worker, id) = waiting_worker(&queue);
    // Wake the worker with nothing queued, as a spurious wake-up would, twice.
    for _ in 0..2 {
        queue.job_added.notify_all();
        wait_until_asleep(&worker, id.as_deref());
        assert!(
            !worker.is_finished(),
            "woken with the queue still empty, `pop` ended instead of waiting again"
        );
    }
    queue.push("rotate logs");
    assert_eq!(worker.join().unwrap(), "rotate logs");
}
