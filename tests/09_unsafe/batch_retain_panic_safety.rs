use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::mem::drop;
use ::std::ops::Drop;

use ::std::cell::{Cell, RefCell};
use ::std::panic::{AssertUnwindSafe, catch_unwind};
use ::std::rc::Rc;

/// A reading that counts, in a shared counter, how many times it is dropped.
#[derive(Debug)]
struct Reading {
    id: u32,
    /// Owns memory, so a double drop is a double free under Miri.
    label: String,
    drops: Rc<Cell<usize>>,
}

impl Drop for Reading {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

fn batch_of<const N: usize>(ids: &[u32], drops: &Rc<Cell<usize>>) -> Batch<Reading, N> {
    let mut batch = Batch::new();
    for &id in ids {
        let reading = Reading {
            id,
            label: format!("sensor-{id}"),
            drops: Rc::clone(drops),
        };
        assert!(batch.push(reading).is_ok(), "the test batch is too small");
    }
    batch
}

fn ids<const N: usize>(batch: &Batch<Reading, N>) -> ::std::vec::Vec<u32> {
    batch.as_slice().iter().map(|r| r.id).collect()
}

#[test]
fn keeps_the_accepted_readings_in_order_and_drops_the_rest_at_once() {
    let drops = Rc::new(Cell::new(0));
    let mut batch: Batch<Reading, 8> = batch_of(&[4, 9, 2, 7, 6, 1], &drops);
    batch.retain(|r| r.id % 2 == 0);
    assert_eq!(ids(&batch), [4, 2, 6]);
    assert_eq!(
        drops.get(),
        3,
        "the rejected readings are dropped by `retain`"
    );
    batch.retain(|r| r.id > 3);
    assert_eq!(ids(&batch), [4, 6]);
    assert_eq!(drops.get(), 4);
    assert!(
        batch
            .as_slice()
            .iter()
            .all(|r| r.label == format!("sensor-{}", r.id))
    );
    drop(batch);
    assert_eq!(drops.get(), 6);
}

#[test]
fn keep_all_keep_none_and_empty() {
    let drops = Rc::new(Cell::new(0));
    let mut batch: Batch<Reading, 4> = batch_of(&[1, 2, 3, 4], &drops);
    batch.retain(|_| true);
    assert_eq!(ids(&batch), [1, 2, 3, 4]);
    assert_eq!(drops.get(), 0);
    batch.retain(|_| false);
    assert!(ids(&batch).is_empty());
    assert_eq!(drops.get(), 4);
    batch.retain(|_| panic!("an empty batch has nothing to judge"));
    assert!(
        batch
            .push(Reading {
                id: 5,
                label: String::new(),
                drops: Rc::clone(&drops)
            })
            .is_ok()
    );
    assert_eq!(ids(&batch), [5]);
    drop(batch);
    assert_eq!(drops.get(), 5);
}

#[test]
fn the_filter_sees_every_reading_once_in_order() {
    let drops = Rc::new(Cell::new(0));
    let mut batch: Batch<Reading, 6> = batch_of(&[30, 10, 50, 20, 40], &drops);
    let mut seen = ::std::vec::Vec::new();
    batch.retain(|r| {
        seen.push(r.id);
        r.id >= 30
    });
    assert_eq!(seen, [30, 10, 50, 20, 40]);
    assert_eq!(ids(&batch), [30, 50, 40]);
}

/// Runs `retain` with a filter that judges by `verdicts` (true = keep) and panics on the
/// reading at position `panic_at`; checks the panic reached the caller and what is left.
fn retain_with_panic(all: &[u32], verdicts: &[bool], panic_at: usize) {
    let drops = Rc::new(Cell::new(0));
    let mut batch: Batch<Reading, 8> = batch_of(all, &drops);
    let judged = RefCell::new(0);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        batch.retain(|_| {
            let n = *judged.borrow();
            if n == panic_at {
                panic!("the filter failed on reading {n}");
            }
            *judged.borrow_mut() += 1;
            verdicts[n]
        });
    }));
    assert!(
        outcome.is_err(),
        "the filter's panic must reach the caller of `retain`"
    );
    let left = ids(&batch);
    let accepted: ::std::vec::Vec<u32> = (0..panic_at)
        .filter(|&i| verdicts[i])
        .map(|i| all[i])
        .collect();
    let unjudged = &all[panic_at..];
    let rejected: ::std::vec::Vec<u32> = (0..panic_at)
        .filter(|&i| !verdicts[i])
        .map(|i| all[i])
        .collect();
    // Rejected readings may or may not still be there; the others must, in order.
    let left_without_rejected: ::std::vec::Vec<u32> = left
        .iter()
        .copied()
        .filter(|id| !rejected.contains(id))
        .collect();
    let expected: ::std::vec::Vec<u32> = accepted.iter().chain(unjudged).copied().collect();
    assert_eq!(
        left_without_rejected, expected,
        "after the filter panicked on reading {panic_at}, the batch must still hold the \
         accepted readings and the unjudged ones, in order (it holds {left:?})"
    );
    let mut unique = left.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        left.len(),
        "a reading is in the batch twice: {left:?}"
    );
    assert_eq!(
        drops.get() + left.len(),
        all.len(),
        "after the panic, {} readings were dropped and {} are in the batch, out of {}: \
         every reading must be in exactly one of the two",
        drops.get(),
        left.len(),
        all.len()
    );
    drop(batch);
    assert_eq!(
        drops.get(),
        all.len(),
        "every reading must be dropped exactly once in the end"
    );
}

#[test]
fn a_filter_that_panics_halfway_leaves_a_sound_batch() {
    retain_with_panic(
        &[11, 12, 13, 14, 15, 16],
        &[true, false, true, false, true, true],
        4,
    );
}

#[test]
fn a_filter_that_panics_after_rejecting_leaves_a_sound_batch() {
    retain_with_panic(&[21, 22, 23, 24, 25], &[false, false, true, true, false], 3);
}

#[test]
fn a_filter_that_panics_at_once_or_at_the_end_leaves_a_sound_batch() {
    retain_with_panic(&[31, 32, 33], &[true, true, true], 0);
    retain_with_panic(&[41, 42, 43, 44], &[false, true, false, true], 3);
    retain_with_panic(&[51, 52, 53, 54, 55, 56, 57, 58], &[true; 8], 7);
}

#[test]
fn the_batch_can_be_used_after_a_panic() {
    let drops = Rc::new(Cell::new(0));
    let mut batch: Batch<Reading, 4> = batch_of(&[1, 2, 3], &drops);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        batch.retain(|r| {
            if r.id == 2 {
                panic!("bad reading")
            } else {
                true
            }
        });
    }));
    assert!(outcome.is_err());
    batch.retain(|r| r.id != 2);
    assert_eq!(ids(&batch), [1, 3]);
    assert!(
        batch
            .push(Reading {
                id: 4,
                label: String::new(),
                drops: Rc::clone(&drops)
            })
            .is_ok()
    );
    assert_eq!(ids(&batch), [1, 3, 4]);
    drop(batch);
    assert_eq!(drops.get(), 4);
}

#[test]
fn the_signatures_are_unchanged() {
    let _: fn(&mut Batch<u8, 3>, u8) -> Result<(), u8> = Batch::push;
    let mut plain: Batch<u64, 5> = Batch::new();
    for n in [5, 8, 13] {
        assert_eq!(plain.push(n), Ok(()));
    }
    plain.retain(|n| n % 2 == 1);
    assert_eq!(plain.as_slice(), [5, 13]);
}
