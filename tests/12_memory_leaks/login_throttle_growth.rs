use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn three_attempts_per_minute() {
    let mut throttle = LoginThrottle::default();
    assert!(throttle.attempt("mo", 0));
    assert!(throttle.attempt("mo", 10));
    assert!(throttle.attempt("mo", 20));
    assert!(!throttle.attempt("mo", 30));
    assert!(!throttle.attempt("mo", 59));
    // At 60 the attempt made at 0 leaves the window.
    assert!(throttle.attempt("mo", 60));
    assert!(!throttle.attempt("mo", 61));
}

#[test]
fn users_are_throttled_separately() {
    let mut throttle = LoginThrottle::default();
    for t in 0..3 {
        assert!(throttle.attempt("ana", t));
    }
    assert!(!throttle.attempt("ana", 3));
    assert!(throttle.attempt("bo", 3));
}

#[test]
fn old_attempts_are_forgotten() {
    let mut throttle = LoginThrottle::default();
    throttle.attempt("mo", 0);
    throttle.attempt("mo", 10);
    throttle.attempt("mo", 20);
    assert!(throttle.attempt("mo", 65));
    // Only 10, 20 and 65 can still matter.
    assert_eq!(throttle.stored_attempts(), 3);
    assert!(throttle.attempt("mo", 200));
    assert_eq!(throttle.stored_attempts(), 1);
}

#[test]
fn users_who_went_quiet_are_forgotten() {
    let mut throttle = LoginThrottle::default();
    for n in 0..1000 {
        assert!(throttle.attempt(&format!("user{n}"), n / 100));
    }
    assert_eq!(throttle.tracked_users(), 1000);
    assert!(throttle.attempt("late", 300));
    assert_eq!(
        throttle.tracked_users(),
        1,
        "only `late` has a recent attempt"
    );
    assert_eq!(throttle.stored_attempts(), 1);
}

#[test]
fn refused_attempts_take_no_space() {
    let mut throttle = LoginThrottle::default();
    for t in 0..50 {
        throttle.attempt("bot", t);
    }
    assert_eq!(throttle.stored_attempts(), 3);
}

#[test]
fn memory_stays_bounded_over_a_long_run() {
    let mut throttle = LoginThrottle::default();
    // An hour of traffic: every second a new visitor, and a regular who keeps trying.
    for now in 0..3_600 {
        throttle.attempt(&format!("visitor{now}"), now);
        throttle.attempt("regular", now);
    }
    // Only the last minute's visitors, and the regular's last allowed attempts, remain.
    assert!(
        throttle.tracked_users() <= 61,
        "{}",
        throttle.tracked_users()
    );
    assert!(
        throttle.stored_attempts() <= 64,
        "{}",
        throttle.stored_attempts()
    );
}
