use super::*;
use std::thread;

// Each hidden test runs in a process of its own, so every test starts from zero.

#[test]
#[allow(unused_unsafe)]
fn the_statistics_are_no_longer_a_static_mut() {
    // Rust 2024 refuses a reference to a `static mut`, even inside `unsafe`, and accepts
    // one to a plain `static` (which only a type that threads may share can be).
    let _statistics = unsafe { &TRAFFIC }; // an error here: TRAFFIC is still a `static mut`
    thread::scope(|s| {
        s.spawn(|| record(5));
        s.spawn(|| record(9));
    });
    assert_eq!(snapshot(), (2, 14, 9));
}

#[test]
fn starts_at_zero() {
    assert_eq!(snapshot(), (0, 0, 0));
}

#[test]
fn counts_responses_from_one_thread() {
    record(100);
    record(300);
    record(50);
    assert_eq!(snapshot(), (3, 450, 300));
}

#[test]
fn an_empty_response_is_still_a_request() {
    record(0);
    record(0);
    assert_eq!(snapshot(), (2, 0, 0));
}

#[test]
fn totals_are_exact_with_many_workers() {
    const WORKERS: u64 = 8;
    const RESPONSES: u64 = 2_000;
    thread::scope(|s| {
        for worker in 0..WORKERS {
            s.spawn(move || {
                for i in 0..RESPONSES {
                    record(worker * 10_000 + i);
                }
            });
        }
    });
    let expected_bytes: u64 = (0..WORKERS)
        .flat_map(|w| (0..RESPONSES).map(move |i| w * 10_000 + i))
        .sum();
    assert_eq!(
        snapshot(),
        (
            WORKERS * RESPONSES,
            expected_bytes,
            (WORKERS - 1) * 10_000 + RESPONSES - 1
        )
    );
}

#[test]
fn workers_and_a_reader_can_run_together() {
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..1_000 {
                    record(7);
                }
            });
        }
        s.spawn(|| {
            let mut last = 0;
            for _ in 0..1_000 {
                let (requests, _, largest) = snapshot();
                assert!(requests >= last, "the request count went backwards");
                assert!(largest == 0 || largest == 7);
                last = requests;
            }
        });
    });
    assert_eq!(snapshot(), (4_000, 28_000, 7));
}
