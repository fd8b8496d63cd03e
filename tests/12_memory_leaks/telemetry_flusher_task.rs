use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::clone::Clone;
use std::marker::{Send, Sync};
use std::mem::drop;
use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::time::{Instant, sleep};

const MS: Duration = Duration::from_millis(1);

fn alive_tasks() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

/// Lets every task that is ready run, without letting any time pass.
async fn settle() {
    let now = Instant::now();
    for _ in 0..20 {
        tokio::task::yield_now().await;
    }
    assert_eq!(Instant::now(), now, "settling must not move the clock");
}

fn start(period: Duration) -> (Telemetry, UnboundedReceiver<Vec<String>>) {
    let (sink, batches) = unbounded_channel();
    (Telemetry::start(sink, period), batches)
}

/// Checks that the sink got `last` and was then closed, with no time passing.
fn assert_closed_after(batches: &mut UnboundedReceiver<Vec<String>>, last: &[&str]) {
    assert_eq!(
        batches.try_recv().ok(),
        Some(last.iter().map(|e| e.to_string()).collect::<Vec<_>>()),
        "dropping the last handle should free the buffer at once, and its destructor sends \
         what was still buffered"
    );
    assert_eq!(
        batches.try_recv(),
        Err(TryRecvError::Disconnected),
        "the sink is still open: something still owns the buffer"
    );
}

#[tokio::test(start_paused = true)]
async fn the_api_is_unchanged() {
    let _: fn(Sink, Duration) -> Telemetry = Telemetry::start;
    let _: fn(&Telemetry, &str) = Telemetry::record;
    fn handle<T: Clone + Send + Sync + 'static>() {}
    handle::<Telemetry>();
}

#[tokio::test(start_paused = true)]
async fn events_are_flushed_once_per_period() {
    for period in [Duration::from_secs(10), Duration::from_millis(250)] {
        let (telemetry, mut batches) = start(period);
        telemetry.record("GET /cart 200");
        telemetry.record("POST /pay 502");
        sleep(period - MS).await;
        assert_eq!(
            batches.try_recv(),
            Err(TryRecvError::Empty),
            "flushed early"
        );
        sleep(MS * 2).await;
        assert_eq!(
            batches.try_recv().unwrap(),
            ["GET /cart 200", "POST /pay 502"]
        );
        telemetry.record("GET / 200");
        sleep(period).await;
        assert_eq!(batches.try_recv().unwrap(), ["GET / 200"]);
        sleep(period * 3).await;
        assert_eq!(
            batches.try_recv(),
            Err(TryRecvError::Empty),
            "an empty buffer sends nothing"
        );
        drop(telemetry);
    }
}

#[tokio::test(start_paused = true)]
async fn dropping_the_last_handle_flushes_and_closes_at_once() {
    let period = Duration::from_secs(60);
    let (telemetry, mut batches) = start(period);
    telemetry.record("login ana");
    sleep(period + MS).await;
    assert_eq!(batches.try_recv().unwrap(), ["login ana"]);
    telemetry.record("logout ana");
    sleep(period / 3).await;
    drop(telemetry);
    settle().await;
    assert_closed_after(&mut batches, &["logout ana"]);
}

#[tokio::test(start_paused = true)]
async fn the_flusher_ends_with_the_last_handle() {
    let before = alive_tasks();
    let (telemetry, mut batches) = start(Duration::from_secs(3600));
    settle().await;
    assert_eq!(
        alive_tasks(),
        before + 1,
        "one background task per Telemetry"
    );
    telemetry.record("boot");
    drop(telemetry);
    settle().await;
    assert_eq!(
        alive_tasks(),
        before,
        "the background task is still running after the last handle was dropped (it would \
         wake up for nothing every period, for ever, or at best once more)"
    );
    assert_closed_after(&mut batches, &["boot"]);
}

#[tokio::test(start_paused = true)]
async fn clones_share_one_buffer_until_the_last_is_dropped() {
    let period = Duration::from_secs(5);
    let before = alive_tasks();
    let (first, mut batches) = start(period);
    let second = first.clone();
    let third = second.clone();
    first.record("a");
    second.record("b");
    drop(first);
    settle().await;
    assert_eq!(
        batches.try_recv(),
        Err(TryRecvError::Empty),
        "dropping one handle of three must not flush or close anything"
    );
    sleep(period + MS).await;
    assert_eq!(batches.try_recv().unwrap(), ["a", "b"]);
    third.record("c");
    drop(third);
    sleep(period).await;
    assert_eq!(
        batches.try_recv().unwrap(),
        ["c"],
        "with a handle left, flushing goes on every period"
    );
    assert_eq!(alive_tasks(), before + 1);
    second.record("d");
    drop(second);
    settle().await;
    assert_closed_after(&mut batches, &["d"]);
    assert_eq!(alive_tasks(), before);
}

#[tokio::test(start_paused = true)]
async fn many_sessions_come_and_go() {
    let before = alive_tasks();
    let mut sinks = Vec::new();
    for i in 0..40u64 {
        let (telemetry, batches) = start(Duration::from_millis(100 + i));
        telemetry.record(&format!("session {i}"));
        if i % 2 == 0 {
            sleep(Duration::from_millis(150 + i)).await;
        }
        drop(telemetry);
        sinks.push((i, batches));
    }
    settle().await;
    assert_eq!(
        alive_tasks(),
        before,
        "a background task outlived its handles"
    );
    for (i, mut batches) in sinks {
        let name = format!("session {i}");
        assert_closed_after(&mut batches, &[name.as_str()]);
    }
}
