use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

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

#[test]
fn any_first_word_is_a_level() {
    // Servers invent their own levels: every first word counts, whatever it is.
    let counts = count_levels(vec![
        lines(&["TRACE enter", "NOTICE backup done", "audit user=7"]),
        lines(&[
            "FATAL out of memory",
            "TRACE leave",
            "info lower case is another level",
        ]),
    ]);
    assert_eq!(counts.len(), 5, "{counts:?}");
    assert_eq!(counts["TRACE"], 2);
    assert_eq!(counts["NOTICE"], 1);
    assert_eq!(counts["audit"], 1);
    assert_eq!(counts["FATAL"], 1);
    assert_eq!(counts["info"], 1);
    assert!(!counts.contains_key("INFO"));
}

#[test]
fn every_call_counts_only_its_own_lines() {
    // Two logs counted one after the other, then in the other order: no count may carry over
    // from one call to the next.
    let first = || vec![lines(&["INFO a", "WARN b"]), lines(&["INFO c"])];
    let second = || vec![lines(&["ERROR x"]), lines(&["DEBUG y", "ERROR z"])];
    for _ in 0..2 {
        let a = count_levels(first());
        let b = count_levels(second());
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!((a["INFO"], a["WARN"]), (2, 1));
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!((b["ERROR"], b["DEBUG"]), (2, 1));
    }
    assert!(count_levels(vec![lines(&["", "  "])]).is_empty());
}
