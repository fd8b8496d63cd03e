// Question 6: Explain Tokio and where it is used.
//
// A log forwarder reads lines from a fast source and ships them to a slow collector. A reader
// task and a shipper task run side by side, so that reading the next line overlaps with
// shipping the last one, and the reader hands lines to the shipper over a channel. When the
// collector is slower than the source (it often is), lines pile up in the channel: with a
// large log the forwarder's memory grows without limit.
//
// Fix `forward` so that at most `max_buffered` lines ever wait in the channel: when it is full,
// the reader waits until the shipper has taken a line. No line may be lost or reordered, and
// reading and shipping must still overlap. Keep the signature of `forward`, and leave the two
// ends (the `ends` module, which counts for the tests) as they are.

use std::sync::Arc;

use tokio::sync::mpsc;

pub use ends::{Collector, Counts, Source};

/// The two ends of the forwarder, and what they count so the tests can see how many lines
/// waited between them. `forward` sees the ends only from outside this module.
mod ends {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use tokio::sync::Semaphore;
    use tokio::time::sleep;

    /// What the two ends have seen so far.
    #[derive(Default)]
    pub struct Counts {
        read: AtomicUsize,
        taken_by_shipper: AtomicUsize,
        most_in_between: AtomicUsize,
    }

    impl Counts {
        pub fn read(&self) -> usize {
            self.read.load(Ordering::SeqCst)
        }

        pub fn taken_by_shipper(&self) -> usize {
            self.taken_by_shipper.load(Ordering::SeqCst)
        }

        /// The most lines that were ever read and not yet taken by the shipper.
        pub fn most_in_between(&self) -> usize {
            self.most_in_between.load(Ordering::SeqCst)
        }
    }

    /// The fast end: each line takes `per_line` to read.
    pub struct Source {
        lines: VecDeque<String>,
        per_line: Duration,
        counts: Arc<Counts>,
    }

    impl Source {
        pub fn new(lines: Vec<String>, per_line: Duration, counts: Arc<Counts>) -> Self {
            Source {
                lines: lines.into(),
                per_line,
                counts,
            }
        }

        pub async fn next_line(&mut self) -> Option<String> {
            if !self.per_line.is_zero() {
                sleep(self.per_line).await;
            }
            let line = self.lines.pop_front()?;
            let read = self.counts.read.fetch_add(1, Ordering::SeqCst) + 1;
            let in_between = read - self.counts.taken_by_shipper.load(Ordering::SeqCst);
            self.counts
                .most_in_between
                .fetch_max(in_between, Ordering::SeqCst);
            Some(line)
        }
    }

    /// How long the collector takes over a line.
    enum Pace {
        Every(Duration),
        /// Until it is told to go on, one line per permit.
        WhenReleased(Arc<Semaphore>),
    }

    /// The slow end: each line takes `per_line` to ship.
    pub struct Collector {
        pace: Pace,
        shipped: Mutex<Vec<String>>,
        counts: Arc<Counts>,
    }

    impl Collector {
        pub fn new(per_line: Duration, counts: Arc<Counts>) -> Self {
            Self::with_pace(Pace::Every(per_line), counts)
        }

        /// A collector that finishes a line only when `go_on` gives it a permit.
        pub fn released_by(go_on: Arc<Semaphore>, counts: Arc<Counts>) -> Self {
            Self::with_pace(Pace::WhenReleased(go_on), counts)
        }

        fn with_pace(pace: Pace, counts: Arc<Counts>) -> Self {
            Collector {
                pace,
                shipped: Mutex::new(Vec::new()),
                counts,
            }
        }

        pub async fn ship(&self, line: String) {
            self.counts.taken_by_shipper.fetch_add(1, Ordering::SeqCst);
            match &self.pace {
                Pace::Every(per_line) => sleep(*per_line).await,
                Pace::WhenReleased(go_on) => go_on
                    .acquire()
                    .await
                    .expect("the tests never close it")
                    .forget(),
            }
            self.shipped.lock().unwrap().push(line);
        }

        /// Every line shipped, in order.
        pub fn into_shipped(self) -> Vec<String> {
            self.shipped.into_inner().unwrap()
        }
    }
}

/// Moves every line from `source` to `collector`; returns how many were shipped.
/// `max_buffered` is at least 1.
pub async fn forward(mut source: Source, collector: Arc<Collector>, max_buffered: usize) -> usize {
    // A bounded channel holds at most `max_buffered` lines: when it is full, `send` waits
    // (the reader is suspended, not its thread) until the shipper takes one. That wait is
    // the backpressure that slows the fast end down to the pace of the slow one.
    let (tx, mut rx) = mpsc::channel::<String>(max_buffered);
    let shipper = tokio::spawn(async move {
        let mut shipped = 0;
        while let Some(line) = rx.recv().await {
            collector.ship(line).await;
            shipped += 1;
        }
        shipped
    });
    while let Some(line) = source.next_line().await {
        tx.send(line).await.expect("the shipper stopped");
    }
    drop(tx);
    shipper.await.expect("the shipper panicked")
}
