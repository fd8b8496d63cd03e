use super::*;

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
