use super::*;

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
