use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

const LOG: &str = "09:00 INFO boot\n09:01 WARN fan slow\n09:02 ERROR disk\n09:03 WARN fan stopped";

#[test]
fn finds_the_first_line_of_each_level() {
    assert_eq!(
        first_mentions(LOG, &["warn", "error", "info"]),
        vec![
            Some("09:01 WARN fan slow"),
            Some("09:02 ERROR disk"),
            Some("09:00 INFO boot"),
        ]
    );
}

#[test]
fn a_level_that_never_occurs_gives_none() {
    assert_eq!(
        first_mentions(LOG, &["debug", "Warn"]),
        vec![None, Some("09:01 WARN fan slow")]
    );
}

#[test]
fn no_levels_no_answers() {
    assert!(first_mentions(LOG, &[]).is_empty());
    assert_eq!(first_mentions("", &["info"]), vec![None]);
}

#[test]
fn the_lines_point_into_the_log() {
    let log = String::from("a INFO x\nb ERROR y");
    let found = first_mentions(&log, &["error"]);
    let line = found[0].unwrap();
    assert_eq!(line.as_ptr(), log[9..].as_ptr());
}

#[test]
fn the_answers_outlive_the_list_of_levels() {
    let log = String::from("INFO up\nERROR down");
    let answers = {
        let asked: Vec<String> = vec!["error".to_string(), "info".to_string()];
        let levels: Vec<&str> = asked.iter().map(String::as_str).collect();
        first_mentions(&log, &levels)
    };
    assert_eq!(answers, vec![Some("ERROR down"), Some("INFO up")]);
}

#[test]
fn first_line_with_only_needs_the_needle_during_the_call() {
    let log = String::from("x\nneedle here\ny");
    let line = {
        let needle = String::from("needle");
        first_line_with(&log, &needle)
    };
    assert_eq!(line, Some("needle here"));
}
