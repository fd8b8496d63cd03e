use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn limit(requests: u32, per_seconds: u32) -> RateLimit {
    RateLimit {
        requests,
        per_seconds,
    }
}

#[test]
fn good_limits_parse() {
    assert_eq!(parse_limit("120/min"), Ok(limit(120, 60)));
    assert_eq!(parse_limit("5/s"), Ok(limit(5, 1)));
    assert_eq!(parse_limit("  10000/h \n"), Ok(limit(10_000, 3_600)));
    assert_eq!(parse_limit("0/s"), Ok(limit(0, 1)));
}

#[test]
fn a_missing_slash_is_an_error() {
    assert_eq!(parse_limit("120 per min"), Err(LimitError::MissingSlash));
    assert_eq!(parse_limit(""), Err(LimitError::MissingSlash));
}

#[test]
fn a_count_that_is_not_a_number_is_an_error() {
    assert_eq!(
        parse_limit("lots/min"),
        Err(LimitError::BadCount("lots".to_string()))
    );
    assert_eq!(parse_limit("/s"), Err(LimitError::BadCount(String::new())));
}

#[test]
fn a_negative_or_huge_count_is_an_error() {
    assert_eq!(
        parse_limit("-3/s"),
        Err(LimitError::BadCount("-3".to_string()))
    );
    assert_eq!(
        parse_limit("99999999999/h"),
        Err(LimitError::BadCount("99999999999".to_string()))
    );
}

#[test]
fn an_unknown_unit_is_an_error() {
    assert_eq!(
        parse_limit("4/day"),
        Err(LimitError::UnknownUnit("day".to_string()))
    );
}

#[test]
fn parse_all_reports_the_first_bad_line() {
    assert_eq!(
        parse_all(&["1/s", "60/min"]),
        Ok(vec![limit(1, 1), limit(60, 60)])
    );
    assert_eq!(
        parse_all(&["1/s", "many/s", "1 per s"]),
        Err(LimitError::BadCount("many".to_string()))
    );
    assert_eq!(parse_all(&[]), Ok(vec![]));
}
