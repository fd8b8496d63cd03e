use super::*;

// A counting allocator for this test binary: it sees only the calling thread's allocations.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;

fn lines(text: &[&str]) -> Vec<String> {
    text.iter().map(|line| line.to_string()).collect()
}

#[test]
fn counts_levels_across_chunks() {
    let counts = count_levels(vec![
        lines(&["INFO started", "WARN disk 91% full", "INFO request /"]),
        lines(&["ERROR timeout", "INFO request /login"]),
        lines(&["WARN slow query"]),
    ]);
    assert_eq!(counts.len(), 3);
    assert_eq!(counts["INFO"], 3);
    assert_eq!(counts["WARN"], 2);
    assert_eq!(counts["ERROR"], 1);
}

#[test]
fn blank_lines_are_skipped() {
    let counts = count_levels(vec![lines(&["", "   ", "DEBUG x", "\t"])]);
    assert_eq!(counts.len(), 1);
    assert_eq!(counts["DEBUG"], 1);
}

#[test]
fn no_chunks_no_counts() {
    assert!(count_levels(vec![]).is_empty());
    assert!(count_levels(vec![vec![], vec![]]).is_empty());
}

#[test]
fn many_threads_lose_no_update() {
    let levels = ["INFO", "WARN", "ERROR", "DEBUG"];
    let chunks: Vec<Vec<String>> = (0..8)
        .map(|chunk| {
            (0..2_000)
                .map(|i| format!("{} line {i} of chunk {chunk}", levels[i % 4]))
                .collect()
        })
        .collect();
    let counts = count_levels(chunks);
    for level in levels {
        assert_eq!(counts[level], 8 * 500, "{level}");
    }
}

#[test]
fn the_lines_are_counted_on_the_worker_threads() {
    // Counting a line allocates its level's name; that must happen on the workers, not on the
    // thread that called `count_levels` (the allocator only sees the calling thread).
    let chunks: Vec<Vec<String>> = (0..4)
        .map(|chunk| (0..1_000).map(|i| format!("INFO {chunk} {i}")).collect())
        .collect();
    let (counts, usage) = measure(|| count_levels(chunks));
    assert_eq!(counts["INFO"], 4_000);
    assert!(
        usage.allocations < 500,
        "{} allocations on the calling thread: were the chunks counted on it?",
        usage.allocations
    );
}
