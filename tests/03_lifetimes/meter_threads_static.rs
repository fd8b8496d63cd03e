use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// A counting allocator for this test binary: it sees only the calling thread's allocations.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;

#[test]
fn adds_up_all_readings() {
    let readings: Vec<u64> = (1..=1_000).collect();
    assert_eq!(total_energy(&readings, 4), 500_500);
}

#[test]
fn the_number_of_workers_does_not_change_the_total() {
    let readings: Vec<u64> = (0..100).map(|i| i * 3 + 1).collect();
    let expected: u64 = readings.iter().sum();
    for workers in [1, 2, 3, 7, 99, 100, 101, 5_000] {
        assert_eq!(
            total_energy(&readings, workers),
            expected,
            "{workers} workers"
        );
    }
}

#[test]
fn zero_workers_means_one() {
    assert_eq!(total_energy(&[5, 6, 7], 0), 18);
}

#[test]
fn no_readings_no_energy() {
    assert_eq!(total_energy(&[], 3), 0);
}

#[test]
fn large_readings_do_not_overflow_a_u32() {
    let readings = vec![3_000_000_000_u64; 8];
    assert_eq!(total_energy(&readings, 3), 24_000_000_000);
}

#[test]
fn the_caller_keeps_its_readings() {
    let mut readings = vec![10, 20, 30];
    assert_eq!(total_energy(&readings, 2), 60);
    readings.push(40);
    assert_eq!(total_energy(&readings, 2), 100);
}

#[test]
fn the_readings_are_not_copied() {
    // 800 kB of readings: copying them for the threads would show up as large allocations on
    // this thread (the allocator only sees the calling thread).
    let readings: Vec<u64> = (0..100_000).collect();
    let (total, usage) = measure(|| total_energy(&readings, 4));
    assert_eq!(total, 4_999_950_000);
    assert!(
        usage.bytes < 100_000,
        "{} bytes allocated to add up {} readings: they were copied",
        usage.bytes,
        readings.len()
    );
}

/// How many allocations starting one scoped thread makes on the thread that starts it (its
/// handle, its result slot, its closure), measured here, where this test runs.
fn allocations_per_started_thread() -> usize {
    // The first thread of a process sets a few things up once: not part of the price.
    ::std::thread::scope(|scope| {
        scope.spawn(|| 0_u64);
    });
    let (_, none) = measure(|| ::std::thread::scope(|_| {}));
    let (_, eight) = measure(|| {
        ::std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| 0_u64);
            }
        })
    });
    let per_thread = eight.allocations.saturating_sub(none.allocations) / 8;
    assert!(per_thread > 0, "starting a thread allocated nothing here");
    per_thread
}

#[test]
fn the_work_is_split_between_the_workers() {
    // 32 workers on 3 200 readings: 32 chunks of 100, each added up on a thread of its own (the
    // calling thread may take one of them). Every thread started costs a few allocations on the
    // calling thread, which the allocator counts; adding up costs none.
    let per_thread = allocations_per_started_thread();
    let readings: Vec<u64> = (0..3_200).map(|i| i % 97).collect();
    let expected: u64 = readings.iter().sum();
    let workers = 32;
    let (total, usage) = measure(|| total_energy(&readings, workers));
    assert_eq!(total, expected);
    assert!(
        usage.allocations >= (workers - 1) * per_thread,
        "{} allocations for {workers} workers, where one thread costs {per_thread}: \
         were fewer than {} threads started?",
        usage.allocations,
        workers - 1
    );
    assert!(
        usage.allocations <= 3 * workers * per_thread + 64,
        "{} allocations for {workers} workers, where one thread costs {per_thread}: \
         were far more than {workers} threads started?",
        usage.allocations
    );
}
