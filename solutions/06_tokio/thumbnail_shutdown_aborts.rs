// Question 6: Explain Tokio and where it is used.
//
// A photo service makes thumbnails in the background. `serve` takes jobs from a channel and
// runs each on a task of its own, at most `max_in_flight` at a time, and returns the ids of the
// jobs it completed, in the order they completed (jobs that complete at the same instant, in
// either order). It runs until the channel is closed and every job is done, or until `shutdown`
// fires (a message, or its sender going away).
//
// After every deploy the store holds half-made thumbnails: started, never finished. A deploy
// fires `shutdown`; the supervisor also gives `serve` a deadline, and drops it (its future)
// when the deadline passes. Now and then a job also starts after the shutdown has fired,
// though it was meant for the next instance.
//
// What must hold:
// - `serve` takes a job from the channel only after seeing that the shutdown has not fired:
//   whenever it finds both the shutdown fired and a job waiting, that job stays in the
//   channel for the next instance, as do all behind it (a shutdown that fires while `serve` is
//   already taking a job comes too late for that one job);
// - `serve` returns as soon as the jobs running at the shutdown have finished, and reports
//   them;
// - a thumbnail that was started is always finished, even when `serve` is dropped before it
//   returns (nobody reports those, then);
// - never more than `max_in_flight` thumbnails of one call of `serve` are made at once (those
//   that a dropped `serve` left running count for no later call).
// Keep the signatures of `serve` and `make_thumbnail`.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinSet;

#[derive(Debug, Clone, Copy)]
pub struct Job {
    pub id: u32,
    /// How long making this thumbnail takes.
    pub work: Duration,
}

/// Where thumbnails are written. Tracks which ones are in progress.
#[derive(Default)]
pub struct Store {
    in_progress: Mutex<BTreeSet<u32>>,
    written: Mutex<Vec<u32>>,
}

impl Store {
    /// Thumbnails started and not finished.
    pub fn in_progress(&self) -> Vec<u32> {
        self.in_progress.lock().unwrap().iter().copied().collect()
    }

    /// Thumbnails finished, in order.
    pub fn written(&self) -> Vec<u32> {
        self.written.lock().unwrap().clone()
    }
}

async fn make_thumbnail(job: Job, store: Arc<Store>) -> u32 {
    store.in_progress.lock().unwrap().insert(job.id);
    tokio::time::sleep(job.work).await;
    store.in_progress.lock().unwrap().remove(&job.id);
    store.written.lock().unwrap().push(job.id);
    job.id
}

/// The thumbnails being made. A `JoinSet` aborts the tasks it still holds when it is dropped,
/// and `serve` may be dropped before it returns (its caller's deadline): this lets them run to
/// the end instead.
struct Running(JoinSet<u32>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.detach_all();
    }
}

pub async fn serve(
    jobs: &mut mpsc::Receiver<Job>,
    mut shutdown: oneshot::Receiver<()>,
    max_in_flight: usize,
    store: Arc<Store>,
) -> Vec<u32> {
    let mut running = Running(JoinSet::new());
    let running = &mut running.0;
    let mut completed = Vec::new();
    let mut open = true;
    loop {
        tokio::select! {
            // Without `biased;`, select! tries the ready branches in a random order: when a
            // job ends as the shutdown fires, the next turn could let `recv` take a queued job
            // after the shutdown. Biased, the branches are tried in the order written.
            biased;
            _ = &mut shutdown => break,
            Some(done) = running.join_next() => {
                completed.push(done.expect("a thumbnail job panicked"));
            }
            job = jobs.recv(), if open && running.len() < max_in_flight => match job {
                Some(job) => {
                    running.spawn(make_thumbnail(job, Arc::clone(&store)));
                }
                None => open = false,
            },
        }
        if !open && running.is_empty() {
            break;
        }
    }
    // Wait for the jobs still running, so that they are reported and `serve` returns only once
    // they are done; no new job starts, as nothing reads the channel any more.
    while let Some(done) = running.join_next().await {
        completed.push(done.expect("a thumbnail job panicked"));
    }
    completed
}
