use super::*;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;

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
    let (started_tx, started_rx) = mpsc::channel();
    let worker = {
        let queue = Arc::clone(&queue);
        thread::spawn(move || {
            started_tx.send(()).unwrap();
            queue.pop()
        })
    };
    started_rx.recv().unwrap();
    queue.push("send invoice");
    assert_eq!(worker.join().unwrap(), "send invoice");
}
