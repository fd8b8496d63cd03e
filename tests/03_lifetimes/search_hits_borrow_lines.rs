use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

const RECIPE: &str =
    "Preheat the oven.\n  Whisk two eggs with sugar. \nFold in the flour\nBake until golden\n";

fn is_inside(part: &str, whole: &str) -> bool {
    let start = whole.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    at >= start && at + part.len() <= start + whole.len()
}

#[test]
fn finds_lines_and_numbers_them_from_one() {
    let hits = search(RECIPE, "the");
    let found: Vec<(usize, &str)> = hits.iter().map(|h| (h.line_number, h.text)).collect();
    assert_eq!(
        found,
        vec![(1, "Preheat the oven."), (3, "Fold in the flour")]
    );
}

#[test]
fn lines_are_trimmed() {
    let hits = search(RECIPE, "eggs");
    assert_eq!(
        hits,
        vec![Hit {
            line_number: 2,
            text: "Whisk two eggs with sugar.",
        }]
    );
}

#[test]
fn hits_point_into_the_document() {
    let document = String::from("alpha\n beta \ngamma beta");
    let hits = search(&document, "beta");
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        assert!(is_inside(hit.text, &document), "{hit:?} was copied");
    }
}

#[test]
fn no_hits() {
    assert!(search(RECIPE, "salt").is_empty());
    assert!(search("", "x").is_empty());
}

#[test]
fn hits_outlive_the_word_searched_for() {
    // The hits point into the document only, so the word may be gone before they are read.
    let document = String::from("red apple\ngreen pear\n  red cherry");
    let hits = {
        let word = String::from("red");
        search(&document, &word)
    };
    let found: Vec<(usize, &str)> = hits.iter().map(|h| (h.line_number, h.text)).collect();
    assert_eq!(found, vec![(1, "red apple"), (3, "red cherry")]);
}
