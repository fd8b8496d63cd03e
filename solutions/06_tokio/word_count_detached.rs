// Question 6: Explain Tokio and where it is used.
//
// `count_words` counts the words of a long document by handing every page to its own
// Tokio task. It returns as soon as the pages are handed out, so it reports a total that
// is too small (with one runtime thread: zero).
//
// Make `count_words` return the number of words on all pages. Keep one task per page.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub async fn count_words(pages: Vec<String>) -> usize {
    let total = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for page in pages {
        let total = Arc::clone(&total);
        tasks.push(tokio::spawn(async move {
            let words = page.split_whitespace().count();
            total.fetch_add(words, Ordering::Relaxed);
        }));
    }
    // `spawn` only starts a task. Its `JoinHandle` is a future that completes when the task
    // does (with `Err` if the task panicked). A handle can also carry the task's result:
    // `JoinHandle<usize>` would make the shared counter unnecessary.
    for task in tasks {
        task.await.expect("a counting task panicked");
    }
    total.load(Ordering::Relaxed)
}
