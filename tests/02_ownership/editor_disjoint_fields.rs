use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;

fn editor(lines: &[&str]) -> Editor {
    Editor {
        lines: lines.iter().map(|line| line.to_string()).collect(),
        clipboard: Vec::new(),
    }
}

#[test]
fn matching_lines_are_copied_in_order() {
    let mut e = editor(&["let x = 1;", "// x is one", "let y = 2;"]);
    assert_eq!(e.copy_matching("let"), 2);
    assert_eq!(e.clipboard, vec!["let x = 1;", "let y = 2;"]);
}

#[test]
fn the_buffer_is_unchanged() {
    let mut e = editor(&["alpha", "beta", "alphabet"]);
    e.copy_matching("alpha");
    assert_eq!(e.lines(), ["alpha", "beta", "alphabet"]);
}

#[test]
fn copies_accumulate_on_the_clipboard() {
    let mut e = editor(&["fn main() {", "}", "fn helper() {"]);
    assert_eq!(e.copy_matching("fn"), 2);
    assert_eq!(e.copy_matching("}"), 1);
    assert_eq!(e.clipboard, vec!["fn main() {", "fn helper() {", "}"]);
    assert_eq!(e.clipboard_mut().len(), 3);
}

#[test]
fn nothing_matches() {
    let mut e = editor(&["one", "two"]);
    assert_eq!(e.copy_matching("three"), 0);
    assert!(e.clipboard.is_empty());
}

#[test]
fn an_empty_word_matches_every_line() {
    let mut e = editor(&["a", "", "c"]);
    assert_eq!(e.copy_matching(""), 3);
    assert_eq!(e.clipboard, vec!["a", "", "c"]);
}

#[test]
fn an_empty_buffer_copies_nothing() {
    let mut e = Editor::default();
    assert_eq!(e.copy_matching("x"), 0);
}

#[test]
fn only_the_matching_lines_are_copied() {
    // A large buffer with one short matching line: copying the buffer would allocate far more
    // than copying that line.
    let mut lines = vec!["z".repeat(10_000); 20];
    lines.insert(7, "needle".to_string());
    let mut e = Editor {
        lines,
        clipboard: Vec::new(),
    };
    let (copied, usage) = measure(|| e.copy_matching("needle"));
    assert_eq!(copied, 1);
    assert_eq!(e.clipboard, vec!["needle"]);
    assert_eq!(e.lines.len(), 21);
    assert!(
        usage.bytes < 10_000,
        "{} bytes allocated to copy one line of 6: the buffer was copied",
        usage.bytes
    );
}
