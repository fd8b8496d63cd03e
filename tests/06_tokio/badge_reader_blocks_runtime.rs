use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

/// A reader whose swipes come from a task on the same runtime. The task only sends after
/// yielding, so it needs the runtime to keep running while `read_badges` waits.
fn reader_fed_by_a_task(badges: Vec<u32>, unplug_when_done: bool) -> BadgeReader {
    let (tx, rx) = mpsc::channel();
    tokio::spawn(async move {
        for badge in badges {
            tokio::task::yield_now().await;
            tx.send(badge).unwrap();
        }
        if !unplug_when_done {
            // Keep the reader plugged in for a while longer.
            std::future::pending::<()>().await;
        }
    });
    BadgeReader::new(rx)
}

#[tokio::test]
async fn reads_badges_swiped_by_another_task() {
    let reader = reader_fed_by_a_task(vec![1001, 1002, 1003], false);
    assert_eq!(read_badges(reader, 3).await, [1001, 1002, 1003]);
}

#[tokio::test]
async fn stops_after_count_badges() {
    let reader = reader_fed_by_a_task(vec![7, 8, 9, 10], false);
    assert_eq!(read_badges(reader, 2).await, [7, 8]);
}

#[tokio::test]
async fn an_unplugged_reader_gives_what_it_had() {
    let reader = reader_fed_by_a_task(vec![42], true);
    assert_eq!(read_badges(reader, 5).await, [42]);
}

#[tokio::test]
async fn zero_badges_needs_no_swipe() {
    let reader = reader_fed_by_a_task(Vec::new(), false);
    assert!(read_badges(reader, 0).await.is_empty());
}

#[tokio::test]
async fn other_tasks_keep_running_while_waiting_for_a_swipe() {
    let (tx, rx) = mpsc::channel();
    let heartbeats = Arc::new(AtomicUsize::new(0));
    let beats = Arc::clone(&heartbeats);
    tokio::spawn(async move {
        // A heartbeat task: the badge only arrives after it has beaten five times.
        for _ in 0..5 {
            beats.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
        }
        tx.send(555).unwrap();
    });
    assert_eq!(read_badges(BadgeReader::new(rx), 1).await, [555]);
    assert_eq!(heartbeats.load(Ordering::SeqCst), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_multi_threaded_runtime() {
    let reader = reader_fed_by_a_task((1..=50).collect(), true);
    assert_eq!(
        read_badges(reader, 100).await,
        (1..=50).collect::<Vec<u32>>()
    );
}

/// A waker that counts how many times it was used.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl ::std::task::Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn waiting_for_a_swipe_neither_spins_nor_needs_a_clock() {
    // A runtime without timers, which nothing drives while `read_badges` is polled by hand
    // on a helper thread inside its context.
    let runtime = ::tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let wakes = Arc::new(CountingWaker::default());
    let waker = ::std::task::Waker::from(Arc::clone(&wakes));
    let (done, first_poll) = mpsc::channel();
    let handle = runtime.handle().clone();
    ::std::thread::spawn(move || {
        let _inside = handle.enter();
        let mut reading = Box::pin(read_badges(BadgeReader::new(rx), 2));
        let first = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| {
            reading
                .as_mut()
                .poll(&mut ::std::task::Context::from_waker(&waker))
        }));
        let _ = done.send(first.map(|first| (reading, first)));
    });
    let first = first_poll
        .recv_timeout(::std::time::Duration::from_secs(2))
        .expect(
            "the first poll of read_badges never returned: it blocked its thread waiting for \
             a swipe",
        );
    let Ok((reading, first)) = first else {
        panic!(
            "read_badges used a Tokio timer (see the panic above): waiting for a swipe needs \
             no clock, only a thread that may block on the driver's `read_blocking`"
        );
    };
    assert!(
        first.is_pending(),
        "read_badges had badges before any was swiped"
    );
    assert_eq!(
        wakes.0.load(Ordering::SeqCst),
        0,
        "no badge was swiped, yet read_badges asked to be polled again at once: it is polling \
         in a loop instead of waiting for `read_blocking` to return"
    );
    tx.send(31).unwrap();
    tx.send(32).unwrap();
    assert_eq!(runtime.block_on(reading), [31, 32]);
}
