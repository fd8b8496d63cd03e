use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::mem::drop;
use tokio::sync::mpsc;

use tokio::time::{Instant, sleep_until};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn job(id: u32, work: u64) -> Job {
    Job { id, work: ms(work) }
}

/// Queues `queued` jobs, then fires the shutdown at `shutdown_at` ms (never if `None`; the
/// channel is then closed once the jobs are queued). Returns what `serve` returned, the time
/// it returned (ms), the store, and the jobs left in the channel.
async fn run(
    queued: Vec<Job>,
    max_in_flight: usize,
    shutdown_at: Option<u64>,
) -> (Vec<u32>, u64, Arc<Store>, Vec<u32>) {
    let start = Instant::now();
    let store = Arc::new(Store::default());
    let (tx, mut rx) = mpsc::channel(64);
    for job in queued {
        tx.send(job).await.unwrap();
    }
    let (stop, shutdown) = oneshot::channel();
    let keep_open = match shutdown_at {
        Some(at) => {
            tokio::spawn(async move {
                sleep_until(start + ms(at)).await;
                let _ = stop.send(());
            });
            Some(tx)
        }
        None => {
            drop(tx);
            // Keep the shutdown sender alive: only a closed channel ends this run.
            tokio::spawn(async move {
                std::future::pending::<()>().await;
                drop(stop);
            });
            None
        }
    };
    let completed = serve(&mut rx, shutdown, max_in_flight, Arc::clone(&store)).await;
    let returned_at = start.elapsed().as_millis() as u64;
    let in_progress_at_return = store.in_progress();
    assert!(
        in_progress_at_return.is_empty(),
        "serve returned at {returned_at} ms while thumbnails {in_progress_at_return:?} were \
         still being made: they were cut off (or left running unattended)"
    );
    let mut left = Vec::new();
    while let Ok(job) = rx.try_recv() {
        left.push(job.id);
    }
    drop(keep_open);
    (completed, returned_at, store, left)
}

#[tokio::test(start_paused = true)]
async fn without_shutdown_every_job_is_done() {
    let jobs = vec![
        job(1, 300),
        job(2, 100),
        job(3, 150),
        job(4, 30),
        job(5, 10),
        job(6, 25),
    ];
    let (completed, returned_at, store, left) = run(jobs, 2, None).await;
    // 2 ends at 100 and 3 starts; 3 ends at 250 and 4 starts; 4 ends at 280, 5 at 290, 1 at
    // 300, 6 at 315 (no two at the same instant, whose order would be either).
    assert_eq!(completed, [2, 3, 4, 5, 1, 6]);
    assert_eq!(store.written(), [2, 3, 4, 5, 1, 6]);
    assert_eq!(returned_at, 315);
    assert!(left.is_empty());
}

#[tokio::test(start_paused = true)]
async fn a_shutdown_lets_the_running_jobs_finish() {
    let jobs = vec![
        job(11, 400),
        job(12, 100),
        job(13, 250),
        job(14, 50),
        job(15, 50),
        job(16, 50),
    ];
    // At 120 ms: 12 is done, 11, 13 and 14 are running, 15 and 16 wait in the channel.
    let (completed, returned_at, store, left) = run(jobs, 3, Some(120)).await;
    assert_eq!(
        completed,
        [12, 14, 13, 11],
        "every job running at the shutdown must finish and be reported"
    );
    assert_eq!(store.written(), [12, 14, 13, 11]);
    assert_eq!(
        returned_at, 400,
        "serve must return as soon as the last running job is done"
    );
    assert_eq!(left, [15, 16], "jobs still in the channel must stay there");
}

#[tokio::test(start_paused = true)]
async fn no_job_starts_after_the_shutdown() {
    let jobs = (1..=8).map(|id| job(id, 100 * u64::from(id))).collect();
    let (completed, returned_at, store, left) = run(jobs, 2, Some(150)).await;
    // 1 ends at 100 and 3 starts; at 150, 2 and 3 are running.
    assert_eq!(completed, [1, 2, 3]);
    assert_eq!(returned_at, 400);
    assert_eq!(store.written(), [1, 2, 3]);
    assert_eq!(left, [4, 5, 6, 7, 8]);
}

#[tokio::test(start_paused = true)]
async fn a_shutdown_with_nothing_running_returns_at_once() {
    let (completed, returned_at, store, left) = run(Vec::new(), 4, Some(70)).await;
    assert!(completed.is_empty());
    assert_eq!(returned_at, 70);
    assert!(store.written().is_empty());
    assert!(left.is_empty());
}

#[tokio::test(start_paused = true)]
async fn a_long_job_is_not_cut_short() {
    let (completed, returned_at, store, left) =
        run(vec![job(7, 60_000), job(8, 5)], 1, Some(1)).await;
    assert_eq!(completed, [7]);
    assert_eq!(returned_at, 60_000);
    assert_eq!(store.written(), [7]);
    assert_eq!(left, [8]);
}

#[tokio::test(start_paused = true)]
async fn never_more_than_the_limit_at_once() {
    let store = Arc::new(Store::default());
    let (tx, mut rx) = mpsc::channel(64);
    for id in 0..12 {
        tx.send(job(id, 30 + 7 * u64::from(id % 4))).await.unwrap();
    }
    let (stop, shutdown) = oneshot::channel();
    let watcher = {
        let store = Arc::clone(&store);
        tokio::spawn(async move {
            let mut most = 0;
            for _ in 0..40 {
                most = most.max(store.in_progress().len());
                tokio::time::sleep(ms(3)).await;
            }
            let _ = stop.send(());
            most
        })
    };
    let completed = serve(&mut rx, shutdown, 3, Arc::clone(&store)).await;
    let most = watcher.await.unwrap();
    assert!(
        most <= 3,
        "{most} thumbnails were made at once; the limit is 3"
    );
    assert!(store.in_progress().is_empty());
    // Some of these jobs end at the same instant, so only the sets are compared.
    let (mut completed, mut written) = (completed, store.written());
    completed.sort_unstable();
    written.sort_unstable();
    assert_eq!(completed, written, "every job finished is reported, once");
    drop(tx);
}

#[tokio::test(start_paused = true)]
async fn a_thumbnail_started_is_finished_even_if_serve_is_dropped() {
    let start = Instant::now();
    let store = Arc::new(Store::default());
    let (tx, mut rx) = mpsc::channel(64);
    for job in [job(21, 300), job(22, 100), job(23, 250), job(24, 50)] {
        tx.send(job).await.unwrap();
    }
    // The shutdown never fires: the supervisor's deadline is what ends `serve` here.
    let (_stop, shutdown) = oneshot::channel::<()>();
    // At 120 ms: 22 is done, 21 and 23 are running, 24 waits in the channel.
    let cut = tokio::time::timeout(ms(120), serve(&mut rx, shutdown, 2, Arc::clone(&store))).await;
    assert!(
        cut.is_err(),
        "serve cannot have returned: the channel is open"
    );
    sleep_until(start + ms(1000)).await;
    let half_made = store.in_progress();
    assert!(
        half_made.is_empty(),
        "thumbnails {half_made:?} were started by serve, which was then dropped (at 120 ms, \
         by its deadline), and they were never finished"
    );
    assert_eq!(store.written(), [22, 21, 23]);
    let mut left = Vec::new();
    while let Ok(job) = rx.try_recv() {
        left.push(job.id);
    }
    assert_eq!(
        left,
        [24],
        "nothing takes jobs from the channel once serve is gone"
    );
}

/// How many times `a_shutdown_wins_over_a_job_ready_at_the_same_moment` sets the scene.
const ROUNDS: u32 = 200;

// A job ends at the very moment the shutdown fires, with another job waiting in the channel,
// and one job may run at a time. On the turn after the job ends, the shutdown and the queued
// job are both ready. A `select!` that tries its ready branches in a random order (as
// `select!` does unless it is told otherwise) first collects the finished job (chance 1/3)
// and then takes the queued one (chance 2/3) in about 2 rounds of 9; it passes all 200
// rounds with a chance of (7/9)^200, below 1e-21. Paused time makes every round the same:
// nothing depends on how fast or busy the machine is.
#[tokio::test(start_paused = true)]
async fn a_shutdown_wins_over_a_job_ready_at_the_same_moment() {
    for round in 1..=ROUNDS {
        let (completed, returned_at, store, left) =
            run(vec![job(1, 10), job(2, 10)], 1, Some(10)).await;
        assert_eq!(
            left,
            [2],
            "round {round} of {ROUNDS}: job 1 ended at 10 ms, the moment the shutdown fired, \
             and job 2 was waiting in the channel; serve took job 2 after the shutdown had \
             fired"
        );
        assert_eq!(
            completed,
            [1],
            "round {round} of {ROUNDS}: job 1 ended at 10 ms, as the shutdown fired, and \
             must be reported"
        );
        assert_eq!(returned_at, 10, "round {round} of {ROUNDS}");
        assert_eq!(store.written(), [1], "round {round} of {ROUNDS}");
    }
}
