// Question 7: What is pinning in Rust, and why is it important?
//
// `download_with_progress` waits for a download and meanwhile counts progress ticks, one
// per `tick` period, to animate a progress bar. The loop polls the same download future on
// every turn through `&mut transfer`, and the file does not compile.
//
// Make it compile without putting the download on the heap, and without starting the
// download more than once.

use std::time::Duration;

use tokio::time::{interval, sleep};

/// Downloads `size_kb` kilobytes at one kilobyte per millisecond.
async fn download(size_kb: u32) -> Vec<u8> {
    sleep(Duration::from_millis(u64::from(size_kb))).await;
    vec![0xAB; size_kb as usize * 1024]
}

/// Returns the downloaded bytes and the number of progress ticks seen while waiting.
pub async fn download_with_progress(size_kb: u32, tick: Duration) -> (Vec<u8>, u32) {
    let mut transfer = download(size_kb);
    let mut ticker = interval(tick);
    let mut ticks = 0;
    loop {
        tokio::select! {
            // Look at the download first when both are ready.
            biased;
            data = &mut transfer => return (data, ticks),
            _ = ticker.tick() => ticks += 1,
        }
    }
}
