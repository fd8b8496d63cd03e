// Question 6: Explain Tokio and where it is used.
//
// A photo service makes thumbnails in the background. `serve` takes jobs from a channel and
// runs each on a task of its own, in a `JoinSet`, with at most `max_in_flight` running at a
// time; it returns the ids of the jobs it completed, in the order they completed. It runs
// until the job channel is closed and every job is done, or until `shutdown` fires (a message,
// or its sender going away). On shutdown it must stop taking jobs (those still in the channel
// stay there, for the next instance, even a job that was ready at the very moment the shutdown
// fired), let the jobs already running finish, and only then return. As written, a shutdown
// leaves the running jobs half done: their thumbnails are started in the store and never
// finished.
//
// Fix `serve`. Keep its signature, the `JoinSet`, and the limit of `max_in_flight`.

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

pub async fn serve(
    jobs: &mut mpsc::Receiver<Job>,
    mut shutdown: oneshot::Receiver<()>,
    max_in_flight: usize,
    store: Arc<Store>,
) -> Vec<u32> {
    let mut running = JoinSet::new();
    let mut completed = Vec::new();
    let mut open = true;
    loop {
        tokio::select! {
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
    completed
}
