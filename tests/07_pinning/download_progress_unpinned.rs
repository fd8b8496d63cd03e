use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use tokio::time::{Instant, timeout};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Runs the download on tokio's paused clock; returns its size in KB, the ticks and the
/// virtual time it took.
async fn run(size_kb: u32, tick: Duration) -> (usize, u32, Duration) {
    let start = Instant::now();
    let (data, ticks) = timeout(
        Duration::from_secs(60),
        download_with_progress(size_kb, tick),
    )
    .await
    .expect("the download never finished: is it started again on every turn?");
    assert!(
        data.iter().all(|&b| b == 0xAB),
        "the downloaded bytes are wrong"
    );
    (data.len() / 1024, ticks, start.elapsed())
}

fn assert_took(elapsed: Duration, expected: Duration) {
    assert!(
        elapsed >= expected && elapsed < expected + ms(5),
        "the download took {elapsed:?}, it should take {expected:?}: it must be started once"
    );
}

#[tokio::test(start_paused = true)]
async fn ticks_while_the_download_runs() {
    // Ticks at 0, 100, 200 and 300 ms; the download ends at 350 ms.
    let (kb, ticks, elapsed) = run(350, ms(100)).await;
    assert_eq!((kb, ticks), (350, 4));
    assert_took(elapsed, ms(350));
}

#[tokio::test(start_paused = true)]
async fn a_tick_longer_than_the_download() {
    let (kb, ticks, elapsed) = run(120, ms(1000)).await;
    assert_eq!((kb, ticks), (120, 1));
    assert_took(elapsed, ms(120));
}

#[tokio::test(start_paused = true)]
async fn a_download_that_ends_on_a_tick_wins() {
    // Ticks at 0, 250, 500 and 750 ms; at 1000 ms the download is looked at first.
    let (kb, ticks, elapsed) = run(1000, ms(250)).await;
    assert_eq!((kb, ticks), (1000, 4));
    assert_took(elapsed, ms(1000));
}

#[tokio::test(start_paused = true)]
async fn an_empty_download_needs_no_tick() {
    let (kb, ticks, elapsed) = run(0, ms(100)).await;
    assert_eq!((kb, ticks), (0, 0));
    assert_took(elapsed, ms(0));
}

#[tokio::test(start_paused = true)]
async fn fast_ticks() {
    // Ticks at 0, 7, 14, ..., 63 ms: ten of them before the download ends at 64 ms.
    let (kb, ticks, elapsed) = run(64, ms(7)).await;
    assert_eq!((kb, ticks), (64, 10));
    assert_took(elapsed, ms(64));
}

#[test]
fn the_download_is_pinned_inside_the_outer_future() {
    // Pinned on the stack of `download_with_progress`, the download future is a local of
    // that async fn, so it is stored inside the outer future. `Box::pin` (or spawning it as
    // a task) would leave only a pointer there.
    for size_kb in [0, 64, 350] {
        let outer = download_with_progress(size_kb, ms(100));
        let inner = download(size_kb);
        assert!(
            ::std::mem::size_of_val(&outer) > ::std::mem::size_of_val(&inner),
            "the download future ({} bytes) is not stored in `download_with_progress`'s own \
             future ({} bytes): pin it where it is, on the stack, not on the heap",
            ::std::mem::size_of_val(&inner),
            ::std::mem::size_of_val(&outer),
        );
    }
}
