use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

#[test]
fn formats_bytes_as_lowercase_hex() {
    assert_eq!(to_hex(&[0xde, 0xad, 0xbe, 0xef]), "deadbeef");
    assert_eq!(to_hex(&[0x00, 0x0f, 0xf0, 0xff, 0x7a]), "000ff0ff7a");
}

#[test]
fn an_empty_digest_allocates_nothing() {
    let (text, count) = allocations(|| to_hex(&[]));
    assert_eq!(text, "");
    assert_eq!(count, 0, "an empty String needs no heap buffer");
}

#[test]
fn a_sha256_sized_digest_takes_one_allocation() {
    let digest: Vec<u8> = (0..32).map(|i| i * 7 + 3).collect();
    let (text, count) = allocations(|| to_hex(&digest));
    assert_eq!(text.len(), 64);
    assert!(text.starts_with("030a11181f"));
    assert_eq!(count, 1, "allocations while building the text");
}

#[test]
fn a_long_digest_takes_one_allocation() {
    let digest = vec![0xab; 1_000];
    let (text, count) = allocations(|| to_hex(&digest));
    assert_eq!(text, "ab".repeat(1_000));
    assert_eq!(count, 1, "allocations while building the text");
}

#[test]
fn the_buffer_has_no_spare_capacity() {
    for len in [1, 5, 33, 100] {
        let text = to_hex(&vec![1; len]);
        assert_eq!(text.len(), 2 * len);
        assert_eq!(text.capacity(), text.len(), "capacity for {len} bytes");
    }
}
