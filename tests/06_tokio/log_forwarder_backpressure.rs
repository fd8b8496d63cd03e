use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::sync::Arc;

use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::time::Instant;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn lines(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("GET /item/{i} 200")).collect()
}

/// The lines the collector shipped, once `forward` has returned.
fn shipped(collector: Arc<Collector>) -> Vec<String> {
    match Arc::try_unwrap(collector) {
        Ok(collector) => collector.into_shipped(),
        Err(_) => panic!(
            "`forward` returned while something it started still holds the collector: \
             it must wait until every line is shipped"
        ),
    }
}

struct Outcome {
    shipped: usize,
    lines: Vec<String>,
    most_in_between: usize,
    took: Duration,
}

async fn run(count: usize, read: u64, ship: u64, max_buffered: usize) -> Outcome {
    let counts = Arc::new(Counts::default());
    let source = Source::new(lines(count), ms(read), Arc::clone(&counts));
    let collector = Arc::new(Collector::new(ms(ship), Arc::clone(&counts)));
    let start = Instant::now();
    let shipped_count = forward(source, Arc::clone(&collector), max_buffered).await;
    let took = start.elapsed();
    Outcome {
        shipped: shipped_count,
        lines: shipped(collector),
        most_in_between: counts.most_in_between(),
        took,
    }
}

fn assert_bounded(outcome: &Outcome, max_buffered: usize) {
    assert!(
        outcome.most_in_between <= max_buffered + 1,
        "{} lines had been read and not yet taken by the shipper; with room for {max_buffered} \
         in the channel (and one in the reader's hand) there may be {} at most",
        outcome.most_in_between,
        max_buffered + 1
    );
}

/// Lets every task that can run, run, without the (paused) clock moving on.
async fn settle() {
    for _ in 0..64 {
        tokio::task::yield_now().await;
    }
}

#[tokio::test(start_paused = true)]
async fn the_ends_count_what_they_see() {
    let counts = Arc::new(Counts::default());
    let mut source = Source::new(lines(4), ms(1), Arc::clone(&counts));
    let collector = Collector::new(ms(1), Arc::clone(&counts));
    for _ in 0..3 {
        source.next_line().await;
    }
    collector.ship(String::from("first")).await;
    source.next_line().await;
    assert_eq!(
        counts.read(),
        4,
        "the source no longer counts what it reads"
    );
    assert_eq!(
        counts.taken_by_shipper(),
        1,
        "the collector no longer counts"
    );
    assert_eq!(
        counts.most_in_between(),
        3,
        "the ends no longer count as shipped"
    );
    assert_eq!(source.next_line().await, None);
    assert_eq!(collector.into_shipped(), ["first"]);
}

#[tokio::test(start_paused = true)]
async fn a_slow_collector_holds_the_reader_back() {
    for max_buffered in [1, 4, 16] {
        let outcome = run(150, 1, 3, max_buffered).await;
        assert_eq!(outcome.shipped, 150);
        assert_eq!(outcome.lines, lines(150), "lines were lost or reordered");
        assert_bounded(&outcome, max_buffered);
    }
}

#[tokio::test(start_paused = true)]
async fn the_reader_goes_on_the_moment_there_is_room() {
    for max_buffered in [1, 3] {
        let counts = Arc::new(Counts::default());
        let go_on = Arc::new(Semaphore::new(0));
        let source = Source::new(lines(40), Duration::ZERO, Arc::clone(&counts));
        let collector = Arc::new(Collector::released_by(
            Arc::clone(&go_on),
            Arc::clone(&counts),
        ));
        let forwarding = tokio::spawn(forward(source, Arc::clone(&collector), max_buffered));
        settle().await;
        for _ in 0..20 {
            let read = counts.read();
            assert!(
                read > max_buffered,
                "with room for {max_buffered} lines, only {read} were read before the \
                 collector took its first"
            );
            // The collector finishes one line and takes the next: that frees one place. No
            // time passes, so a reader that waits for room (rather than checking back later)
            // reads exactly one more line.
            go_on.add_permits(1);
            settle().await;
            assert_eq!(
                counts.read(),
                read + 1,
                "the shipper took a line and the reader did not read on at once: it must be \
                 woken by the room appearing, not by a timer or a guess"
            );
        }
        go_on.add_permits(1000);
        assert_eq!(forwarding.await.expect("forward panicked"), 40);
        assert_eq!(shipped(collector), lines(40));
        assert!(counts.most_in_between() <= max_buffered + 1);
    }
}

#[tokio::test(start_paused = true)]
async fn reading_and_shipping_still_overlap() {
    let outcome = run(100, 2, 5, 8).await;
    assert_eq!(outcome.lines, lines(100));
    assert_bounded(&outcome, 8);
    // Shipping 100 lines takes 500 ms; reading them on top, one after the other, 700 ms.
    assert!(
        outcome.took < ms(520),
        "forwarding took {:?}: the reader must keep reading while the shipper ships",
        outcome.took
    );
}

#[tokio::test(start_paused = true)]
async fn a_fast_collector_never_fills_the_channel() {
    let outcome = run(60, 4, 1, 2).await;
    assert_eq!(outcome.shipped, 60);
    assert_eq!(outcome.lines, lines(60));
    assert!(outcome.most_in_between <= 1);
    assert!(outcome.took < ms(60 * 4 + 10), "took {:?}", outcome.took);
}

#[tokio::test(start_paused = true)]
async fn a_burst_with_an_instant_source() {
    let outcome = run(500, 0, 2, 3).await;
    assert_eq!(outcome.lines, lines(500));
    assert_bounded(&outcome, 3);
}

#[tokio::test(start_paused = true)]
async fn an_empty_log() {
    let outcome = run(0, 1, 1, 1).await;
    assert_eq!(outcome.shipped, 0);
    assert!(outcome.lines.is_empty());
}
