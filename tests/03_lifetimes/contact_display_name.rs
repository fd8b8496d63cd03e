use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn contact(nickname: &str, full_name: &str) -> Contact {
    Contact {
        nickname: nickname.to_string(),
        full_name: full_name.to_string(),
    }
}

#[test]
fn the_nickname_is_preferred() {
    assert_eq!(display_name("Bo", "Robert Ortiz"), "Bo");
}

#[test]
fn a_blank_nickname_falls_back_to_the_full_name() {
    assert_eq!(display_name("", "Robert Ortiz"), "Robert Ortiz");
    assert_eq!(display_name("   ", "Robert Ortiz"), "Robert Ortiz");
}

#[test]
fn the_result_is_one_of_the_arguments_not_a_copy() {
    let nickname = String::from("Mo");
    let full_name = String::from("Maureen O'Hara");
    let shown = display_name(&nickname, &full_name);
    assert_eq!(shown.as_ptr(), nickname.as_ptr());
    let shown = display_name("", &full_name);
    assert_eq!(shown.as_ptr(), full_name.as_ptr());
}

#[test]
fn copy_the_result_to_keep_it_longer_than_an_argument() {
    let full_name = String::from("Ada Lovelace");
    let shown;
    {
        let nickname = String::from(" ");
        shown = display_name(&nickname, &full_name).to_string();
    }
    assert_eq!(shown, "Ada Lovelace");
}

#[test]
fn list_entries() {
    assert_eq!(
        list_entry(&contact("Amazing Grace", "Grace Hopper")),
        "Amazing Grace (Grace Hopper)"
    );
    assert_eq!(list_entry(&contact("", "Alan Turing")), "Alan Turing");
    assert_eq!(
        list_entry(&contact("Alan Turing", "Alan Turing")),
        "Alan Turing"
    );
}

#[test]
fn the_nickname_is_shown_as_it_was_typed() {
    // Spaces around a nickname are the person's choice: the result is the argument itself,
    // every byte of it, not a trimmed part of it.
    let nickname = String::from("  Ace ");
    let full_name = String::from("Alice Cooper");
    let shown = display_name(&nickname, &full_name);
    assert_eq!(shown, "  Ace ");
    assert_eq!(shown.as_ptr(), nickname.as_ptr());
    assert_eq!(shown.len(), nickname.len());
    let shown = display_name("    ", &full_name);
    assert_eq!(shown.as_ptr(), full_name.as_ptr());
    assert_eq!(shown.len(), full_name.len());
}
