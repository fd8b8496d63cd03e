use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// A preview is a borrowed slice of the message: a type of the file's own, with an `==` that
// agrees with anything, could not stand in for one.
const _: fn(&str, usize) -> &str = preview;

#[test]
fn ascii_messages() {
    assert_eq!(preview("Meeting moved to 3pm", 7), "Meeting");
    assert_eq!(preview("Short", 10), "Short");
    assert_eq!(preview("Exact", 5), "Exact");
}

#[test]
fn accented_letters_count_as_one_character() {
    // "ü" and "ß" take two bytes each.
    assert_eq!(preview("Grüße aus Köln", 5), "Grüße");
    assert_eq!(preview("Grüße aus Köln", 5).len(), 7);
    assert_eq!(preview("Grüße", 5), "Grüße");
}

#[test]
fn never_cuts_inside_a_character() {
    assert_eq!(preview("Grüße", 3), "Grü");
    assert_eq!(preview("日本語のテキスト", 2), "日本");
    assert_eq!(preview("🦀🦀🦀", 1), "🦀");
}

#[test]
fn emoji_count_as_one_character() {
    assert_eq!(preview("Build passed ✅🎉", 14), "Build passed ✅");
    assert_eq!(preview("🎉", 1), "🎉");
}

#[test]
fn zero_characters_and_empty_messages() {
    assert_eq!(preview("anything", 0), "");
    assert_eq!(preview("ö", 0), "");
    assert_eq!(preview("", 0), "");
    assert_eq!(preview("", 3), "");
}

#[test]
fn the_preview_is_a_slice_of_the_message() {
    let message = String::from("Paket für Sie angekommen");
    let shown = preview(&message, 9);
    assert_eq!(shown, "Paket für");
    assert!(std::ptr::eq(shown.as_ptr(), message.as_ptr()));
}
