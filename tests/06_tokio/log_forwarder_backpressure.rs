use super::*;

use tokio::time::Instant;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn lines(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("GET /item/{i} 200")).collect()
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
    let shipped = forward(source, Arc::clone(&collector), max_buffered).await;
    let took = start.elapsed();
    let lines = collector.shipped.lock().unwrap().clone();
    Outcome {
        shipped,
        lines,
        most_in_between: counts.most_in_between.load(Ordering::SeqCst),
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
