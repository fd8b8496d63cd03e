use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::marker::Sync;
use std::mem::drop;

#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Barrier;
use std::thread;

fn lease_pinned<'p>(pool: &'p FramePool<3>, fill: fn(&mut Frame)) -> Option<FrameLease<'p>> {
    pool.lease_with(fill)
}

fn shared_across_threads<T: Sync>(_: &T) {}

#[test]
fn signatures_are_kept() {
    static POOL: FramePool<3> = FramePool::new();
    shared_across_threads(&POOL);
    let _: fn() -> FramePool<3> = FramePool::<3>::new;
    let _: fn(&FramePool<3>) -> usize = FramePool::<3>::available;
    let _: fn(&FrameLease<'static>) -> usize = FrameLease::slot;
    let lease = lease_pinned(&POOL, |frame| frame[0] = 1).expect("a free slot");
    let _: &Frame = &lease;
    assert_eq!(lease[0], 1);
}

#[test]
fn leases_take_distinct_slots_until_the_pool_is_empty() {
    static POOL: FramePool<4> = FramePool::new();
    assert_eq!(POOL.available(), 4);
    let mut leases = Vec::new();
    for n in 0..4u8 {
        let mut lease = POOL
            .lease_with(|frame| {
                assert_eq!(*frame, [0; 16], "fill must get a zeroed buffer");
                frame[0] = n;
            })
            .expect("a free slot");
        lease[15] = n + 100;
        leases.push(lease);
        assert_eq!(POOL.available(), 3 - n as usize);
    }
    let slots: HashSet<usize> = leases.iter().map(|lease| lease.slot()).collect();
    assert_eq!(slots.len(), 4, "two live leases share a slot");
    assert!(slots.iter().all(|&slot| slot < 4), "slot out of range");
    assert!(
        POOL.lease_with(|_| {}).is_none(),
        "a fifth lease from a pool of four"
    );
    for (n, lease) in leases.iter().enumerate() {
        assert_eq!(lease[0], n as u8);
        assert_eq!(lease[15], n as u8 + 100);
    }
    let freed = leases.remove(1).slot();
    assert_eq!(POOL.available(), 1);
    let again = POOL
        .lease_with(|frame| assert_eq!(*frame, [0; 16], "a reused buffer must be zeroed"))
        .expect("the dropped lease's slot");
    assert_eq!(again.slot(), freed);
    drop(again);
    drop(leases);
    assert_eq!(POOL.available(), 4);
}

#[test]
fn fill_may_lease_from_the_same_pool() {
    static POOL: FramePool<2> = FramePool::new();
    let mut inner_slot = None;
    let outer = POOL
        .lease_with(|frame| {
            frame[0] = 1;
            let inner = POOL
                .lease_with(|frame| frame[0] = 2)
                .expect("the second slot is free");
            assert_eq!(inner[0], 2);
            inner_slot = Some(inner.slot());
            assert!(
                POOL.lease_with(|_| {}).is_none(),
                "both slots are taken while the inner lease lives"
            );
        })
        .expect("a free slot");
    assert_eq!(outer[0], 1);
    assert_ne!(
        Some(outer.slot()),
        inner_slot,
        "inner and outer lease share a slot"
    );
    assert_eq!(POOL.available(), 1);
    drop(outer);
    assert_eq!(POOL.available(), 2);
}

#[test]
fn the_other_thread_leases_while_main_is_inside_fill() {
    static POOL: FramePool<2> = FramePool::new();
    let in_fill = Barrier::new(2);
    let other_leased = Barrier::new(2);
    let main_leased = Barrier::new(2);
    thread::scope(|scope| {
        let other = scope.spawn(|| {
            in_fill.wait();
            let lease = POOL.lease_with(|frame| {
                assert_eq!(*frame, [0; 16], "fill must get a zeroed buffer");
                frame[0] = 2;
            });
            let none_left = POOL.lease_with(|_| {}).is_none();
            // Keep to the barriers whatever happened, so a wrong answer fails instead of hanging.
            other_leased.wait();
            main_leased.wait();
            let mut lease = lease.expect("one slot is free while main fills the other");
            assert!(
                none_left,
                "no slot is free: main fills one, this thread holds the other"
            );
            lease[1] = 22;
            assert_eq!(lease[..2], [2, 22], "main's lease wrote into this buffer");
            lease.slot()
        });
        let mut lease = POOL
            .lease_with(|frame| {
                frame[0] = 1;
                in_fill.wait();
                other_leased.wait();
                frame[1] = 11;
            })
            .expect("a free slot");
        assert_eq!(
            lease[..2],
            [1, 11],
            "the other lease wrote into this buffer"
        );
        lease[2] = 111;
        main_leased.wait();
        let other_slot = other.join().expect("the other thread's checks");
        assert_ne!(lease.slot(), other_slot, "two live leases share a slot");
        assert_eq!(POOL.available(), 1);
        assert_eq!(lease[..3], [1, 11, 111]);
    });
    assert_eq!(POOL.available(), 2);
}

#[test]
fn fill_works_on_the_slot_it_has_taken() {
    static POOL: FramePool<3> = FramePool::new();
    let held = POOL.lease_with(|_| {}).expect("a free slot");
    for _ in 0..2 {
        let mut seen = None;
        let lease = POOL
            .lease_with(|frame| {
                seen = Some((frame.as_ptr() as usize, POOL.available()));
                frame[0] = 4;
            })
            .expect("a free slot");
        let (address, available) = seen.expect("fill was called");
        assert_eq!(
            available, 1,
            "while fill runs, its slot must already be taken"
        );
        assert_eq!(
            address,
            lease.as_ptr() as usize,
            "fill must work on the leased buffer itself, not on a copy"
        );
        assert_eq!(lease[0], 4);
    }
    drop(held);
    assert_eq!(POOL.available(), 3);
}

#[test]
fn a_full_pool_says_none_at_once_to_the_other_thread() {
    static POOL: FramePool<2> = FramePool::new();
    let held = Barrier::new(2);
    let checked = Barrier::new(2);
    thread::scope(|scope| {
        scope.spawn(|| {
            let first = POOL.lease_with(|_| {}).expect("a free slot");
            let second = POOL.lease_with(|_| {}).expect("a free slot");
            held.wait();
            checked.wait();
            drop((first, second));
        });
        held.wait();
        assert!(POOL.lease_with(|_| {}).is_none());
        assert_eq!(POOL.available(), 0);
        checked.wait();
    });
    assert_eq!(POOL.available(), 2);
    let lease = POOL
        .lease_with(|frame| frame[3] = 3)
        .expect("slots came back");
    assert_eq!(lease[3], 3);
}

#[test]
fn a_panic_in_fill_reaches_the_caller_and_frees_the_slot() {
    static POOL: FramePool<2> = FramePool::new();
    let held = POOL.lease_with(|frame| frame[0] = 5).expect("a free slot");
    for round in 0..2 {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            POOL.lease_with(|frame| {
                frame[0] = 9;
                panic!("fill failed");
            })
            .map(|lease| lease.slot())
        }));
        let payload = outcome.expect_err("the panic in fill must reach the caller");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"fill failed"));
        assert_eq!(POOL.available(), 1, "round {round}: the slot was not freed");
    }
    let lease = POOL
        .lease_with(|frame| assert_eq!(*frame, [0; 16], "fill must get a zeroed buffer"))
        .expect("the slot the panicking fill had");
    assert_ne!(lease.slot(), held.slot());
    assert_eq!(lease[..], [0; 16]);
    assert_eq!(held[0], 5);
}

#[test]
fn a_forgotten_lease_loses_its_slot_for_good() {
    static POOL: FramePool<3> = FramePool::new();
    let lost = POOL
        .lease_with(|frame| frame.fill(0xaa))
        .expect("a free slot");
    let lost_slot = lost.slot();
    std::mem::forget(lost);
    assert_eq!(POOL.available(), 2);
    for round in 0..3 {
        let first = POOL.lease_with(|_| {}).expect("a free slot");
        let second = POOL.lease_with(|_| {}).expect("a free slot");
        assert!(
            POOL.lease_with(|_| {}).is_none(),
            "round {round}: the forgotten slot was leased again"
        );
        assert_ne!(first.slot(), lost_slot, "round {round}");
        assert_ne!(second.slot(), lost_slot, "round {round}");
        assert_eq!(POOL.available(), 0);
        drop((first, second));
        assert_eq!(POOL.available(), 2, "round {round}");
    }
}

#[test]
fn leasing_uses_no_heap() {
    let ((), count) = allocations(|| {
        let pool: FramePool<4> = FramePool::new();
        for _ in 0..2 {
            let mut first = pool.lease_with(|frame| frame[0] = 1).expect("a free slot");
            let second = pool.lease_with(|frame| frame[0] = 2).expect("a free slot");
            first[1] = 7;
            assert_eq!(pool.available(), 2);
            assert_ne!(first.slot(), second.slot());
            drop(first);
            drop(second);
        }
        assert_eq!(pool.available(), 4);
    });
    assert_eq!(count, 0, "the pool used the heap");
}

#[test]
fn two_threads_hammering_never_share_a_buffer() {
    static POOL: FramePool<2> = FramePool::new();
    let start = Barrier::new(2);
    thread::scope(|scope| {
        for id in 1..=2u8 {
            let start = &start;
            scope.spawn(move || {
                start.wait();
                for round in 0..20_000u32 {
                    let mut lease = POOL
                        .lease_with(|frame| {
                            assert_eq!(*frame, [0; 16], "fill must get a zeroed buffer");
                            frame.fill(id);
                        })
                        .expect("each thread holds at most one of two slots");
                    lease[0] = round as u8;
                    assert!(
                        lease[1..].iter().all(|&byte| byte == id),
                        "thread {id}: another lease wrote into this buffer"
                    );
                    assert_eq!(lease[0], round as u8);
                }
            });
        }
    });
    assert_eq!(POOL.available(), 2);
}
