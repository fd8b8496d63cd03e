use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;

#[test]
fn a_card_has_the_shelf_and_the_initials() {
    let mut library = Library::default();
    library.register("The Left Hand of Darkness".to_string(), 12);
    assert_eq!(
        library.cards,
        vec![Card {
            shelf_code: "12-TLHOD".to_string(),
            title_chars: 25,
        }]
    );
}

#[test]
fn the_title_is_kept_among_the_recent_additions() {
    let mut library = Library::default();
    library.register("Dune".to_string(), 3);
    library.register("solaris".to_string(), 40);
    assert_eq!(library.recent, vec!["Dune", "solaris"]);
    assert_eq!(library.cards[1].shelf_code, "40-S");
}

#[test]
fn characters_are_counted_not_bytes() {
    let mut library = Library::default();
    library.register("Ça ira  été".to_string(), 7);
    assert_eq!(library.cards[0].title_chars, 11);
    assert_eq!(library.cards[0].shelf_code, "7-ÇIÉ");
}

#[test]
fn an_empty_title_still_gets_a_card() {
    let mut library = Library::default();
    library.register(String::new(), 1);
    assert_eq!(
        library.cards[0],
        Card {
            shelf_code: "1-".to_string(),
            title_chars: 0,
        }
    );
    assert_eq!(library.recent, vec![""]);
}

#[test]
fn the_title_is_never_copied() {
    // A long title: a copy of it would be a large allocation.
    let title = format!("A {} Tale", "very".repeat(50_000));
    let title_len = title.len();
    let buffer = title.as_ptr();
    let mut library = Library::default();
    let ((), usage) = measure(|| library.register(title, 5));
    assert!(
        usage.bytes < title_len / 2,
        "registering allocated {} bytes for a title of {title_len}: it was copied",
        usage.bytes
    );
    assert!(std::ptr::eq(library.recent[0].as_ptr(), buffer));
    assert_eq!(library.cards[0].shelf_code, "5-AVT");
    assert_eq!(library.cards[0].title_chars, title_len);
}

#[test]
fn make_card_only_borrows_the_title() {
    // `make_card` reads a title the caller goes on owning and using: it gets a loan, and
    // gives nothing back but the card.
    let title = String::from("War and Peace");
    let buffer = title.as_ptr();
    let card = make_card(&title, 9);
    assert_eq!(card.shelf_code, "9-WAP");
    assert_eq!(card.title_chars, 13);
    let again = make_card(&title, 10);
    assert_eq!(again.shelf_code, "10-WAP");
    assert_eq!(title, "War and Peace");
    assert!(::std::ptr::eq(title.as_ptr(), buffer));
}
