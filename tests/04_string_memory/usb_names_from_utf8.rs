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
fn the_signature_stays() {
    let _: fn(Vec<u8>) -> String = product_name;
}

#[test]
fn valid_names_are_kept_as_they_are() {
    assert_eq!(product_name(b"Keyboard K120".to_vec()), "Keyboard K120");
    assert_eq!(
        product_name("Caméra Zürich 4K 📷".as_bytes().to_vec()),
        "Caméra Zürich 4K 📷"
    );
    assert_eq!(product_name(Vec::new()), "");
}

#[test]
fn a_valid_name_costs_no_allocation() {
    for name in [
        "Mouse M185",
        "Clé USB 64 Go",
        "ヘッドセット",
        "Hub 🔌 7-port",
    ] {
        let raw = name.as_bytes().to_vec();
        let (label, count) = allocations(|| product_name(raw));
        assert_eq!(label, name);
        assert_eq!(
            count, 0,
            "turning the valid name {name:?} into a String allocated"
        );
    }
}

#[test]
fn a_valid_name_keeps_its_buffer() {
    let mut raw = Vec::with_capacity(64);
    raw.extend_from_slice("Dock ünïversal".as_bytes());
    let (address, capacity) = (raw.as_ptr(), raw.capacity());
    let label = product_name(raw);
    assert!(
        ::std::ptr::eq(label.as_ptr(), address),
        "the name was copied to a new buffer instead of being checked in place"
    );
    assert_eq!(label.capacity(), capacity);
    assert_eq!(label, "Dock ünïversal");
}

#[test]
fn bad_bytes_become_replacement_characters() {
    // Latin-1 'é' (E9) is not UTF-8; neither is a lone continuation byte.
    assert_eq!(
        product_name(b"Webcam \xE9lite".to_vec()),
        "Webcam \u{FFFD}lite"
    );
    assert_eq!(product_name(b"\x80\x80ok".to_vec()), "\u{FFFD}\u{FFFD}ok");
    assert_eq!(product_name(b"cut \xF0\x9F\x94".to_vec()), "cut \u{FFFD}");
    assert_eq!(product_name(vec![0xFF]), "\u{FFFD}");
}

#[test]
fn a_bad_name_costs_only_the_lossy_copy() {
    for raw in [b"Webcam \xE9lite".to_vec(), b"\xC0\xC1 adapter".to_vec()] {
        let (_, lossy) = allocations(|| ::std::string::String::from_utf8_lossy(&raw).len());
        let (label, count) = allocations(|| product_name(raw));
        assert!(label.contains('\u{FFFD}'));
        assert_eq!(
            count, lossy,
            "showing the bad name {label:?} allocated more than `from_utf8_lossy` needs to \
             build the repaired copy"
        );
    }
}
