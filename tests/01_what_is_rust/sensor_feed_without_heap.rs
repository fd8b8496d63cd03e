use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

const FEED: [i32; 7] = [201, 204, 260, 262, 205, 199, 240];

#[test]
fn signatures_are_kept() {
    let _: fn(&[i32], usize) -> Option<i32> = warmest_window;
    let _: fn(&[i32], i32) -> usize = spikes;
    let _: fn(&[i32], i32) -> Option<usize> = first_above;
}

#[test]
fn warmest_window_sums() {
    assert_eq!(warmest_window(&FEED, 3), Some(727));
    assert_eq!(warmest_window(&FEED, 1), Some(262));
    assert_eq!(warmest_window(&FEED, 7), Some(1571));
    assert_eq!(warmest_window(&[-5, -2, -9], 2), Some(-7));
}

#[test]
fn warmest_window_without_enough_readings() {
    assert_eq!(warmest_window(&FEED, 8), None);
    assert_eq!(warmest_window(&FEED, 0), None);
    assert_eq!(warmest_window(&[], 1), None);
}

#[test]
fn spikes_are_counted() {
    assert_eq!(spikes(&FEED, 30), 3);
    assert_eq!(spikes(&FEED, 55), 2);
    assert_eq!(spikes(&FEED, 56), 1);
    assert_eq!(spikes(&FEED, 57), 0);
    assert_eq!(spikes(&[10, 20, 10, 20], 9), 3);
    assert_eq!(
        spikes(&[10, 20], 10),
        0,
        "a jump equal to the limit is not a spike"
    );
    assert_eq!(spikes(&[5], 0), 0);
    assert_eq!(spikes(&[], 0), 0);
}

#[test]
fn first_above_finds_the_earliest() {
    assert_eq!(first_above(&FEED, 250), Some(2));
    assert_eq!(first_above(&FEED, 200), Some(0));
    assert_eq!(first_above(&FEED, 261), Some(3));
    assert_eq!(first_above(&FEED, 262), None);
    assert_eq!(first_above(&[], 0), None);
}

#[test]
fn no_summary_touches_the_heap() {
    // The first calls on this thread are measured, so a buffer kept from an earlier call
    // cannot hide an allocation.
    let long: Vec<i32> = (0..5_000).map(|i| (i * 37) % 311).collect();
    let (window, n) = allocations(|| warmest_window(&long, 50));
    assert!(window.is_some());
    assert_eq!(n, 0, "warmest_window allocated {n} times");
    let (count, n) = allocations(|| spikes(&long, 100));
    assert!(count > 0);
    assert_eq!(n, 0, "spikes allocated {n} times");
    let (index, n) = allocations(|| first_above(&long, 305));
    assert!(index.is_some());
    assert_eq!(n, 0, "first_above allocated {n} times");
    for width in [1, 3, 4_999] {
        let (_, n) = allocations(|| warmest_window(&long, width));
        assert_eq!(n, 0, "warmest_window(width {width}) allocated {n} times");
    }
}

#[test]
fn large_feeds_agree_with_a_plain_loop() {
    let long: Vec<i32> = (0..2_000).map(|i| ((i * 7919) % 1000) - 300).collect();
    let mut best = i32::MIN;
    for start in 0..=long.len() - 25 {
        best = best.max(long[start..start + 25].iter().sum());
    }
    assert_eq!(warmest_window(&long, 25), Some(best));
    let mut jumps = 0;
    for i in 1..long.len() {
        if (long[i] - long[i - 1]).abs() > 400 {
            jumps += 1;
        }
    }
    assert_eq!(spikes(&long, 400), jumps);
}
