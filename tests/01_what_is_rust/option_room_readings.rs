use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn reading(room: &str, celsius: f64) -> Reading {
    Reading {
        room: room.to_string(),
        celsius,
    }
}

fn house() -> Vec<Reading> {
    vec![
        reading("kitchen", 19.0),
        reading("attic", 12.5),
        reading("kitchen", 21.5),
        reading("bedroom", 18.0),
        reading("attic", 13.0),
    ]
}

#[test]
fn the_newest_reading_wins() {
    assert_eq!(latest_celsius(&house(), "kitchen"), Some(21.5));
    assert_eq!(latest_celsius(&house(), "attic"), Some(13.0));
}

#[test]
fn a_room_with_a_single_reading() {
    assert_eq!(latest_celsius(&house(), "bedroom"), Some(18.0));
}

#[test]
fn a_room_that_never_reported_has_no_temperature() {
    assert_eq!(latest_celsius(&house(), "cellar"), None);
    assert_eq!(latest_celsius(&house(), "Kitchen"), None);
}

#[test]
fn an_empty_log_has_no_temperatures() {
    assert_eq!(latest_celsius(&[], "kitchen"), None);
}

#[test]
fn a_reading_of_zero_degrees_is_a_reading() {
    let log = [reading("garage", 0.0)];
    assert_eq!(latest_celsius(&log, "garage"), Some(0.0));
}

#[test]
fn spread_needs_both_rooms() {
    assert_eq!(spread(&house(), "kitchen", "attic"), Some(8.5));
    assert_eq!(spread(&house(), "kitchen", "cellar"), None);
    assert_eq!(spread(&house(), "cellar", "kitchen"), None);
}
