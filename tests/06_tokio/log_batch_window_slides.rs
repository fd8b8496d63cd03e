use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::mem::drop;
use tokio::sync::mpsc;

use tokio::time::Instant;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Sends `count` lines, one every `every`, the first after `every`. Keeps its sender alive
/// until the end, even if the receiver stops listening.
fn steady_source(count: usize, every: Duration) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel(100);
    tokio::spawn(async move {
        for i in 0..count {
            tokio::time::sleep(every).await;
            let _ = tx.send(format!("line {i}")).await;
        }
    });
    rx
}

fn assert_closed_after(start: Instant, expected: Duration) {
    let took = start.elapsed();
    assert!(
        took >= expected && took < expected + ms(5),
        "the batch closed after {took:?}, it should close after {expected:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_steady_stream_does_not_stretch_the_window() {
    // Lines at 30, 60, 90, 120 ... ms; the window ends at 100 ms.
    let mut rx = steady_source(20, ms(30));
    let start = Instant::now();
    let batch = next_batch(&mut rx, ms(100)).await;
    assert_eq!(batch, ["line 0", "line 1", "line 2"]);
    assert_closed_after(start, ms(100));
}

#[tokio::test(start_paused = true)]
async fn a_late_line_waits_for_the_next_batch() {
    let (tx, mut rx) = mpsc::channel(10);
    tokio::spawn(async move {
        tokio::time::sleep(ms(50)).await;
        tx.send("disk 91% full".to_string()).await.unwrap();
        tokio::time::sleep(ms(70)).await;
        tx.send("disk 97% full".to_string()).await.unwrap();
        tokio::time::sleep(ms(500)).await;
    });
    let start = Instant::now();
    assert_eq!(next_batch(&mut rx, ms(100)).await, ["disk 91% full"]);
    assert_closed_after(start, ms(100));

    let start = Instant::now();
    assert_eq!(next_batch(&mut rx, ms(100)).await, ["disk 97% full"]);
    assert_closed_after(start, ms(100));
}

#[tokio::test(start_paused = true)]
async fn back_to_back_batches_split_a_stream() {
    // Lines every 40 ms, windows of 90 ms: 40, 80 | 120, 160 | 200, 240 | 280 ...
    let mut rx = steady_source(20, ms(40));
    assert_eq!(next_batch(&mut rx, ms(90)).await, ["line 0", "line 1"]);
    assert_eq!(next_batch(&mut rx, ms(90)).await, ["line 2", "line 3"]);
    assert_eq!(next_batch(&mut rx, ms(90)).await, ["line 4", "line 5"]);
}

#[tokio::test(start_paused = true)]
async fn a_quiet_channel_gives_an_empty_batch_at_the_deadline() {
    let (tx, mut rx) = mpsc::channel::<String>(1);
    let start = Instant::now();
    assert!(next_batch(&mut rx, ms(250)).await.is_empty());
    assert_closed_after(start, ms(250));
    drop(tx);
}

#[tokio::test(start_paused = true)]
async fn a_closed_channel_ends_the_batch_at_once() {
    let (tx, mut rx) = mpsc::channel(10);
    for word in ["boot", "ready"] {
        tx.send(word.to_string()).await.unwrap();
    }
    drop(tx);
    let start = Instant::now();
    assert_eq!(next_batch(&mut rx, ms(1000)).await, ["boot", "ready"]);
    assert_closed_after(start, ms(0));
}
