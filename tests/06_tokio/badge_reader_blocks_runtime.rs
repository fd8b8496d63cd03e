use super::*;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

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
