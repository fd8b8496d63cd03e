use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

/// Whether the `len` bytes at `at` lie inside `whole`'s buffer.
fn is_inside(at: *const u8, len: usize, whole: &str) -> bool {
    let start = whole.as_ptr() as usize;
    let at = at as usize;
    at >= start && at + len <= start + whole.len()
}

#[test]
fn splits_and_trims() {
    let (key, value) = split_setting("  port =  8080 ").unwrap();
    assert_eq!(key, "port");
    assert_eq!(value, "8080");
}

#[test]
fn only_the_first_equals_sign_separates() {
    let (key, value) = split_setting("url=https://example.org/?a=1&b=2").unwrap();
    assert_eq!(key, "url");
    assert_eq!(value, "https://example.org/?a=1&b=2");
}

#[test]
fn an_empty_value_is_allowed() {
    let (key, value) = split_setting("proxy =").unwrap();
    assert_eq!(key, "proxy");
    assert_eq!(value, "");
}

#[test]
fn lines_that_are_not_settings() {
    for line in [
        "",
        "   ",
        "# port = 1",
        "   #x=y",
        "no equals sign",
        " = value",
    ] {
        assert!(split_setting(line).is_none(), "{line:?}");
    }
}

#[test]
fn splitting_allocates_nothing() {
    let line = String::from("  cache_dir = /var/cache/app  ");
    let (setting, count) = allocations(|| split_setting(&line));
    assert_eq!(count, 0, "allocations while splitting one line");
    let (key, value) = setting.unwrap();
    assert_eq!(key, "cache_dir");
    assert_eq!(value, "/var/cache/app");
}

#[test]
fn key_and_value_point_into_the_line() {
    let line = String::from("name = rustprep");
    let (key, value) = split_setting(&line).unwrap();
    assert!(
        is_inside(key.as_ptr(), key.len(), &line),
        "the key was copied"
    );
    assert!(
        is_inside(value.as_ptr(), value.len(), &line),
        "the value was copied"
    );
    assert!(std::ptr::eq(value.as_ptr(), line[7..].as_ptr()));
}
