// Question 13: Explain deadlocks concerning Rust.
//
// `Condvar::wait` releases the mutex and sleeps until another thread calls `notify_one` or
// `notify_all`. A notification sent while no thread is waiting is not stored anywhere, so a
// thread that goes to sleep without first checking whether what it waits for has already
// happened may never be woken. (A wait can also end without any notification, a "spurious
// wakeup", so the check must be repeated after every wake-up.)
//
// `JobQueue::pop` should return the oldest job at once when there is one, and otherwise wait
// until a `push` brings one. It always waits, even when jobs are already queued, and then
// nothing wakes it. Make it wait only while the queue is empty. (As shipped the tests hang
// until rustprep stops them.)

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};

#[derive(Default)]
struct JobQueue {
    jobs: Mutex<VecDeque<String>>,
    job_added: Condvar,
}

impl JobQueue {
    fn push(&self, job: &str) {
        self.jobs.lock().unwrap().push_back(job.to_owned());
        self.job_added.notify_one();
    }

    /// Takes the oldest job, waiting for one if the queue is empty.
    fn pop(&self) -> String {
        let jobs = self.jobs.lock().unwrap();
        // Sleep only while there is nothing to take, and check again after every wake-up:
        // `wait_while` loops until the condition is false, so a job pushed before we got here
        // is taken at once, and a spurious wake-up just goes back to sleep.
        let mut jobs = self
            .job_added
            .wait_while(jobs, |jobs| jobs.is_empty())
            .unwrap();
        jobs.pop_front().expect("a job was pushed")
    }

    fn len(&self) -> usize {
        self.jobs.lock().unwrap().len()
    }
}

fn main() {
    let queue = JobQueue::default();
    queue.push("resize photo 17");
    println!("{}", queue.pop());
}
