// Question 6: Explain Tokio and where it is used.
//
// A log shipper sends lines to a server in batches. `next_batch` gathers the lines that
// arrive on a channel during a time window, and returns early if the channel closes. The
// window is supposed to start when `next_batch` is called. But while lines keep coming,
// the batch never closes: the window seems to start over with every line.
//
// Fix `next_batch` so the batch closes `window` after the call, however many lines arrive.
// Keep the `select!`. The tests run on Tokio's paused clock, which only Tokio's timers and
// `tokio::time::Instant` follow: tell time with those, not with `std::time::Instant`.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;

/// Gathers the lines received during `window`, or until every sender is gone.
/// Lines that arrive after the window stay in the channel for the next batch.
pub async fn next_batch(lines: &mut mpsc::Receiver<String>, window: Duration) -> Vec<String> {
    let mut batch = Vec::new();
    loop {
        tokio::select! {
            line = lines.recv() => match line {
                Some(line) => batch.push(line),
                None => break,
            },
            _ = sleep(window) => break,
        }
    }
    batch
}
