use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::sync::Arc;

fn pages(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

#[tokio::test]
async fn counts_the_words_of_every_page() {
    let doc = pages(&[
        "It was a dark and stormy night;",
        "the rain fell in torrents",
        "except at occasional intervals.",
    ]);
    assert_eq!(count_words(doc).await, 16);
}

#[tokio::test]
async fn an_empty_document_has_no_words() {
    assert_eq!(count_words(Vec::new()).await, 0);
}

#[tokio::test]
async fn blank_pages_count_nothing() {
    let doc = pages(&["", "   \n\t ", "one", ""]);
    assert_eq!(count_words(doc).await, 1);
}

#[tokio::test]
async fn a_long_document() {
    let doc: Vec<String> = (1..=200).map(|n| "word ".repeat(n)).collect();
    assert_eq!(count_words(doc).await, 200 * 201 / 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_multi_threaded_runtime() {
    let doc: Vec<String> = (0..64)
        .map(|_| "alpha beta gamma delta".to_string())
        .collect();
    for _ in 0..20 {
        assert_eq!(count_words(doc.clone()).await, 256);
    }
}

#[tokio::test(start_paused = true)]
async fn waits_for_the_tasks_not_for_the_clock() {
    // The clock is paused, so a sleep here takes no real time, but it does move the clock.
    // Waiting for the tasks themselves takes none of it: they never sleep.
    let start = tokio::time::Instant::now();
    let doc = pages(&["one two", "three", "four five six"]);
    assert_eq!(count_words(doc).await, 6);
    assert_eq!(
        start.elapsed(),
        std::time::Duration::ZERO,
        "count_words slept instead of waiting for its tasks to finish"
    );
}

/// A waker that counts how many times it was used.
#[derive(Default)]
struct CountingWaker(::std::sync::atomic::AtomicUsize);

impl ::std::task::Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, ::std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn one_task_per_page_and_no_polling_in_a_loop() {
    let runtime = ::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    let wakes = Arc::new(CountingWaker::default());
    let waker = ::std::task::Waker::from(Arc::clone(&wakes));
    // One poll by hand, on a helper thread inside the runtime's context, with nothing
    // driving the runtime: the tasks are spawned but none of them can run yet.
    let (done, first_poll) = ::std::sync::mpsc::channel();
    let handle = runtime.handle().clone();
    ::std::thread::spawn(move || {
        let _inside = handle.enter();
        let mut counting = Box::pin(count_words(pages(&["red green", "blue", "a b c d"])));
        let first = counting
            .as_mut()
            .poll(&mut ::std::task::Context::from_waker(&waker));
        let _ = done.send((counting, first));
    });
    let (counting, first) = first_poll
        .recv_timeout(::std::time::Duration::from_secs(3))
        .expect(
            "the first poll of count_words never returned: it blocked its thread instead of \
             awaiting its tasks",
        );
    assert!(
        first.is_pending(),
        "count_words returned before any of its tasks could run: each page must be counted \
         by its own task, and count_words must wait for them"
    );
    assert_eq!(
        runtime.metrics().num_alive_tasks(),
        3,
        "count_words must hand each of the 3 pages to its own task"
    );
    assert_eq!(
        wakes.0.load(::std::sync::atomic::Ordering::SeqCst),
        0,
        "no task has run yet, but count_words asked to be polled again at once: it is \
         checking in a loop instead of awaiting its tasks"
    );
    let total = runtime
        .block_on(async {
            ::tokio::time::timeout(::std::time::Duration::from_secs(3600), counting).await
        })
        .expect("count_words never returned");
    assert_eq!(total, 7);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn waits_for_every_task_not_only_the_last() {
    // Run on the worker thread, where a newly spawned task runs next: the task of the
    // last page is the first to finish.
    let mut doc = vec!["lorem ipsum dolor sit amet ".repeat(200)];
    doc.extend(pages(&["one two three", "four five", "six"]));
    let total = tokio::spawn(count_words(doc))
        .await
        .expect("count_words panicked");
    assert_eq!(total, 1006);
}
