use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::num::IntErrorKind;

#[test]
fn adds_up_good_lines() {
    assert_eq!(total_litres("120, 98, 143"), Ok(361));
    assert_eq!(total_litres("7"), Ok(7));
    assert_eq!(total_litres(" 0 ,0,  5 "), Ok(5));
    // Each reading fits in a u32; their sum need not.
    assert_eq!(total_litres("4294967295, 4294967295"), Ok(8_589_934_590));
}

#[test]
fn a_typo_is_an_invalid_digit_error() {
    let err = total_litres("120, 9x8").unwrap_err();
    assert_eq!(err.kind(), &IntErrorKind::InvalidDigit);
}

#[test]
fn an_empty_line_is_an_error() {
    let err = total_litres("").unwrap_err();
    assert_eq!(err.kind(), &IntErrorKind::Empty);
}

#[test]
fn a_missing_reading_between_commas_is_an_error() {
    let err = total_litres("5,,6").unwrap_err();
    assert_eq!(err.kind(), &IntErrorKind::Empty);
}

#[test]
fn negative_and_oversized_readings_are_errors() {
    assert_eq!(
        total_litres("10, -3").unwrap_err().kind(),
        &IntErrorKind::InvalidDigit
    );
    assert_eq!(
        total_litres("4294967296").unwrap_err().kind(),
        &IntErrorKind::PosOverflow
    );
}

#[test]
fn the_first_bad_reading_is_the_one_reported() {
    // "x" comes before the empty field at the end: its error is the one returned.
    let err = total_litres("1, x, ").unwrap_err();
    assert_eq!(err.kind(), &IntErrorKind::InvalidDigit);
}
