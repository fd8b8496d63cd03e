use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::future::Future;
use ::tokio::sync::mpsc;
use ::tokio::time::sleep;

use ::tokio::time::Instant;

#[derive(Clone, Copy)]
enum Send {
    Beat,
    Log,
}

/// Feeds the watchdog `script` (each step: wait that many milliseconds, then send),
/// then closes the channel if `close` is set, or else keeps it open. Returns the verdict
/// and when it came, in milliseconds after the start.
async fn watch_script(timeout_ms: u64, script: &[(u64, Send)], close: bool) -> (Verdict, u64) {
    let (tx, rx) = mpsc::channel(16);
    let script = script.to_vec();
    let start = Instant::now();
    let sensor = ::tokio::spawn(async move {
        for (wait_ms, what) in script {
            sleep(Duration::from_millis(wait_ms)).await;
            let message = match what {
                Send::Beat => Message::Heartbeat,
                Send::Log => Message::Log(format!("t+{wait_ms}ms temperature 21.4")),
            };
            if tx.send(message).await.is_err() {
                return;
            }
        }
        if !close {
            tx.closed().await;
        }
    });
    let verdict = watch(rx, Duration::from_millis(timeout_ms)).await;
    let elapsed = Instant::now().duration_since(start).as_millis() as u64;
    sensor.await.expect("the sensor task panicked");
    (verdict, elapsed)
}

fn describe(verdict: &Verdict) -> (&'static str, u32) {
    match verdict {
        Verdict::Lost { heartbeats } => ("lost", *heartbeats),
        Verdict::Disconnected { heartbeats } => ("disconnected", *heartbeats),
    }
}

#[tokio::test(start_paused = true)]
async fn each_heartbeat_puts_the_deadline_off() {
    let beats = [(3000, Send::Beat); 4];
    let (verdict, at) = watch_script(5000, &beats, false).await;
    assert_eq!(
        (describe(&verdict), at),
        (("lost", 4), 17_000),
        "heartbeats at 3, 6, 9 and 12 s with a 5 s timeout: the sensor is lost at 17 s"
    );
}

#[tokio::test(start_paused = true)]
async fn a_silent_sensor_is_lost_after_one_timeout() {
    let (verdict, at) = watch_script(2500, &[], false).await;
    assert_eq!((describe(&verdict), at), (("lost", 0), 2500));
}

#[tokio::test(start_paused = true)]
async fn log_lines_do_not_put_the_deadline_off() {
    let logs = [(1000, Send::Log); 10];
    let (verdict, at) = watch_script(4000, &logs, false).await;
    assert_eq!(
        (describe(&verdict), at),
        (("lost", 0), 4000),
        "a log line every second proves nothing: with no heartbeat, the sensor is lost \
         when the first timeout runs out"
    );
}

#[tokio::test(start_paused = true)]
async fn only_the_last_heartbeat_counts() {
    let script = [
        (400, Send::Beat),
        (300, Send::Log),
        (600, Send::Log),
        (50, Send::Log),
    ];
    let (verdict, at) = watch_script(1000, &script, false).await;
    assert_eq!(
        (describe(&verdict), at),
        (("lost", 1), 1400),
        "the heartbeat at 0.4 s sets the deadline at 1.4 s, and the logs after it do not move it"
    );
    // Again, with other numbers.
    let script = [
        (100, Send::Log),
        (700, Send::Beat),
        (700, Send::Beat),
        (100, Send::Log),
        (700, Send::Log),
    ];
    let (verdict, at) = watch_script(900, &script, false).await;
    assert_eq!((describe(&verdict), at), (("lost", 2), 2400));
}

#[tokio::test(start_paused = true)]
async fn a_closed_channel_is_a_disconnection() {
    let script = [(200, Send::Beat), (200, Send::Log), (200, Send::Beat)];
    let (verdict, at) = watch_script(1000, &script, true).await;
    assert_eq!((describe(&verdict), at), (("disconnected", 2), 600));
}

#[tokio::test(start_paused = true)]
async fn watchdogs_run_side_by_side() {
    let fast = watch_script(300, &[(200, Send::Beat), (200, Send::Beat)], false);
    let slow = watch_script(5000, &[(4000, Send::Beat)], true);
    let ((fast, fast_at), (slow, slow_at)) = ::tokio::join!(fast, slow);
    assert_eq!((describe(&fast), fast_at), (("lost", 2), 700));
    assert_eq!((describe(&slow), slow_at), (("disconnected", 1), 4000));
}

#[test]
fn the_signature_is_unchanged() {
    fn returns_verdict<F: Future<Output = Verdict>>(_: fn(mpsc::Receiver<Message>, Duration) -> F) {
    }
    returns_verdict(watch);
}
