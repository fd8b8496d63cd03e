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
    for page in pages {
        let total = Arc::clone(&total);
        tokio::spawn(async move {
            let words = page.split_whitespace().count();
            total.fetch_add(words, Ordering::Relaxed);
        });
    }
    // TODO: every page has been handed to a task, so the total must be complete by now?
    total.load(Ordering::Relaxed)
}
