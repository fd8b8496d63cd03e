use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::sync::Barrier;
use std::thread;

// Each hidden test runs in a process of its own, so every test starts from zero. Miri runs
// them all in one process, one after another, so there only the last test runs: it is the
// one that looks for races.

#[test]
#[cfg_attr(miri, ignore = "Miri runs every test in one process")]
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
#[cfg_attr(miri, ignore = "Miri runs every test in one process")]
fn starts_at_zero() {
    assert_eq!(snapshot(), (0, 0, 0));
}

#[test]
#[cfg_attr(miri, ignore = "Miri runs every test in one process")]
fn counts_responses_from_one_thread() {
    record(100);
    record(300);
    record(50);
    assert_eq!(snapshot(), (3, 450, 300));
}

#[test]
#[cfg_attr(miri, ignore = "Miri runs every test in one process")]
fn an_empty_response_is_still_a_request() {
    record(0);
    record(0);
    assert_eq!(snapshot(), (2, 0, 0));
}

#[test]
#[cfg_attr(miri, ignore = "Miri runs every test in one process")]
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
#[cfg_attr(miri, ignore = "Miri runs every test in one process")]
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

#[test]
fn no_update_is_lost_when_workers_collide() {
    // The workers start together and send rising sizes, interleaved between them, so nearly
    // every response is the largest so far: each counter is updated by all of them at once.
    // Under Miri, whose scheduler switches threads at random points, fewer are enough.
    const WORKERS: u64 = 4;
    let responses: u64 = if cfg!(miri) { 100 } else { 100_000 };
    let start = Barrier::new(WORKERS as usize);
    thread::scope(|s| {
        for worker in 0..WORKERS {
            let start = &start;
            s.spawn(move || {
                start.wait();
                for i in 0..responses {
                    let size = i * WORKERS + worker;
                    record(size);
                    // The largest response only ever grows, and this one is already in it.
                    let (_, _, largest) = snapshot();
                    assert!(
                        largest >= size,
                        "recorded a response of {size} bytes, then the largest was {largest}: \
                         an update was lost (a load then a store is not one step)"
                    );
                }
            });
        }
    });
    // Every size from 0 to n - 1 was sent exactly once.
    let n = WORKERS * responses;
    assert_eq!(
        snapshot(),
        (n, n * (n - 1) / 2, n - 1),
        "updates were lost: each update must read and write its counter in one step"
    );
}
