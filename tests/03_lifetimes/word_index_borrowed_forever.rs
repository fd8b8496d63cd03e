use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::drop;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

fn docs(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| text.to_string()).collect()
}

/// A stop list as a request builds it: owned words, and the list of slices of them.
fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| word.to_string()).collect()
}

fn slices(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

#[test]
fn longest_after_each_keeps_its_signature() {
    let _: for<'t, 'a, 'b> fn(&'t [String], &'a [&'b str]) -> Vec<&'t str> = longest_after_each;
}

#[test]
fn the_longest_word_after_each_document() {
    let texts = docs(&[
        "rust has no garbage collector",
        "",
        "ownership and borrowing instead",
        "lifetimes",
        "zero cost abstractions everywhere",
    ]);
    assert_eq!(
        longest_after_each(&texts, &[]),
        [
            "collector",
            "collector",
            "collector",
            "collector",
            "abstractions"
        ],
        "a word of the same length found later does not replace the earlier one"
    );
}

#[test]
fn stop_words_are_never_indexed() {
    let texts = docs(&["the collection of garbage", "of", "a thoroughly tiny list"]);
    assert_eq!(
        longest_after_each(&texts, &["collection", "thoroughly", "of"]),
        ["garbage", "garbage", "garbage"]
    );
    let mut index = WordIndex::new(&["the", "a"]);
    assert_eq!(index.add(&texts[0]), 3);
    assert_eq!(index.add(&texts[2]), 3);
    assert_eq!((index.count("the"), index.count("a")), (0, 0));
    assert_eq!(index.count("of"), 1);
}

#[test]
fn empty_documents_record_nothing_until_a_word_arrives() {
    let texts = docs(&["", "   ", "the", "a bb", "cc"]);
    assert_eq!(longest_after_each(&texts, &["the"]), ["bb", "bb"]);
    assert!(longest_after_each(&[], &["the"]).is_empty());
}

#[test]
fn the_words_point_into_the_documents() {
    let texts = docs(&["alpha beta", "gamma epsilon"]);
    let longest = longest_after_each(&texts, &["beta"]);
    assert_eq!(longest, ["alpha", "epsilon"]);
    assert_eq!(
        longest[0].as_ptr(),
        texts[0].as_ptr(),
        "the word was copied"
    );
    assert_eq!(
        longest[1].as_ptr(),
        texts[1][6..].as_ptr(),
        "the word was copied"
    );
}

#[test]
fn the_words_outlive_the_stop_list() {
    let texts = docs(&["the art of the possible", "a map"]);
    let longest = {
        let stop = owned(&["the", "of", "a", "possible"]);
        longest_after_each(&texts, &slices(&stop))
    };
    assert_eq!(longest, ["art", "art"]);
    assert_eq!(
        longest[0].as_ptr(),
        texts[0][4..].as_ptr(),
        "the word was copied"
    );
}

#[test]
fn the_words_outlive_the_index_and_its_stop_list() {
    let text = String::from("the size of the index");
    let word = {
        let stop = owned(&["the", "of", "index"]);
        let stop = slices(&stop);
        let mut index = WordIndex::new(&stop);
        assert_eq!(index.add(&text), 1);
        index.longest()
    };
    assert_eq!(word, Some("size"));
}

#[test]
fn the_stop_list_is_not_copied() {
    let stop = owned(&["the", "of", "and"]);
    let stop = slices(&stop);
    let (index, count) = counting::allocations(|| WordIndex::new(&stop));
    assert_eq!(count, 0, "making an index copied its stop list");
    drop(index);
}

#[test]
fn a_word_can_be_kept_while_the_index_grows() {
    let first = String::from("short words only");
    let second = String::from("considerably longer");
    let mut index = WordIndex::new(&[]);
    assert_eq!(index.add(&first), 3);
    let kept = index.longest().expect("three words are indexed");
    assert_eq!(index.add(&second), 2);
    assert_eq!(index.add(&first), 3);
    assert_eq!(kept, "short");
    assert_eq!(index.longest(), Some("considerably"));
    assert_eq!(index.count("words"), 2);
}

#[test]
fn a_kept_word_survives_the_index_being_replaced() {
    let texts = docs(&["one three", "seventeen", "two"]);
    let stop = ["one"];
    let mut index = WordIndex::new(&stop);
    index.add(&texts[0]);
    let first = index.longest();
    index = WordIndex::new(&stop);
    index.add(&texts[2]);
    let second = index.longest();
    index.add(&texts[1]);
    let third = index.longest();
    drop(index);
    assert_eq!(
        (first, second, third),
        (Some("three"), Some("two"), Some("seventeen"))
    );
}

#[test]
fn ties_go_to_the_earliest_word() {
    let mut index = WordIndex::new(&["pig"]);
    index.add("dog cat");
    index.add("cow pig");
    assert_eq!(index.longest(), Some("dog"));
    assert_eq!(index.count("cow"), 1);
    assert_eq!(index.count("bird"), 0);
}
