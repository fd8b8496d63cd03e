use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn a_typical_week() {
    let week = [4_200, 9_800, 12_050, 7_999, 8_000, 15_300, 3_100];
    assert_eq!(
        weekly_summary(&week, 8_000),
        Summary {
            total_steps: 60_449,
            days_at_goal: 4,
        }
    );
}

#[test]
fn reaching_the_goal_exactly_counts() {
    let summary = weekly_summary(&[10_000, 9_999, 10_001], 10_000);
    assert_eq!(summary.days_at_goal, 2);
    assert_eq!(summary.total_steps, 30_000);
}

#[test]
fn an_empty_log_has_nothing() {
    assert_eq!(
        weekly_summary(&[], 5_000),
        Summary {
            total_steps: 0,
            days_at_goal: 0,
        }
    );
}

#[test]
fn the_total_does_not_overflow_a_u32() {
    // Three days of a broken pedometer: each number fits in a u32, their sum does not.
    let summary = weekly_summary(&[4_000_000_000, 4_000_000_000, 4_000_000_000], 1);
    assert_eq!(summary.total_steps, 12_000_000_000);
    assert_eq!(summary.days_at_goal, 3);
}

#[test]
fn a_goal_of_zero_is_reached_every_day() {
    assert_eq!(weekly_summary(&[0, 0, 7], 0).days_at_goal, 3);
}

#[test]
fn every_call_starts_from_nothing() {
    // Two weeks, summed one after the other and then again in the other order: each summary
    // must describe its own week only.
    let first = [12_000, 3_000, 8_500];
    let second = [1, 2, 3, 4];
    for _ in 0..2 {
        let a = weekly_summary(&first, 8_000);
        let b = weekly_summary(&second, 3);
        assert_eq!((a.total_steps, a.days_at_goal), (23_500, 2));
        assert_eq!((b.total_steps, b.days_at_goal), (10, 2));
    }
    let b = weekly_summary(&second, 5);
    assert_eq!((b.total_steps, b.days_at_goal), (10, 0));
}

#[test]
fn the_function_keeps_its_signature() {
    let _: fn(&[u32], u32) -> Summary = weekly_summary;
}
