use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

fn warehouse(units: &[u32]) -> Warehouse {
    Warehouse {
        bins: units
            .iter()
            .enumerate()
            .map(|(i, &units)| Bin {
                label: format!("bin {i}"),
                units,
            })
            .collect(),
    }
}

fn units(warehouse: &Warehouse) -> Vec<u32> {
    warehouse.bins.iter().map(|bin| bin.units).collect()
}

#[test]
fn signatures_are_kept() {
    let _: fn(&mut Warehouse, usize, usize) -> (&mut Bin, &mut Bin) = Warehouse::two_bins_mut;
    let _: fn(&mut Warehouse, usize, usize, u32) -> Result<(), TransferError> = Warehouse::transfer;
}

#[test]
fn the_bins_come_back_in_the_order_asked() {
    let mut w = warehouse(&[10, 20, 30, 40, 50]);
    for (a, b) in [(0, 4), (4, 0), (1, 2), (2, 1), (3, 0)] {
        let (first, second) = w.two_bins_mut(a, b);
        assert_eq!(
            (first.label.as_str(), second.label.as_str()),
            (format!("bin {a}").as_str(), format!("bin {b}").as_str()),
            "two_bins_mut({a}, {b}) lent the wrong bins"
        );
    }
}

#[test]
fn the_bins_lent_are_the_ones_in_the_warehouse() {
    let mut w = warehouse(&[1, 2, 3, 4]);
    let base = w.bins.as_ptr();
    let ((first, second), n) = allocations(|| {
        let (first, second) = w.two_bins_mut(3, 1);
        (first as *const Bin, second as *const Bin)
    });
    assert_eq!(n, 0, "lending two bins allocated {n} times");
    assert_eq!(first, base.wrapping_add(3), "bin 3 was not lent in place");
    assert_eq!(second, base.wrapping_add(1), "bin 1 was not lent in place");
    let (first, second) = w.two_bins_mut(0, 2);
    first.units += 100;
    second.label.push_str(" (cold)");
    assert_eq!(units(&w), [101, 2, 3, 4]);
    assert_eq!(w.bins[2].label, "bin 2 (cold)");
}

#[test]
fn transfers_in_both_directions() {
    let mut w = warehouse(&[10, 10, 10]);
    assert_eq!(w.transfer(2, 0, 4), Ok(()));
    assert_eq!(units(&w), [14, 10, 6]);
    assert_eq!(w.transfer(0, 1, 14), Ok(()));
    assert_eq!(units(&w), [0, 24, 6]);
    assert_eq!(w.transfer(1, 2, 0), Ok(()));
    assert_eq!(units(&w), [0, 24, 6]);
}

#[test]
fn refused_transfers_change_nothing() {
    let mut w = warehouse(&[5, 7]);
    assert_eq!(
        w.transfer(1, 0, 8),
        Err(TransferError::NotEnough { available: 7 })
    );
    assert_eq!(w.transfer(0, 0, 1), Err(TransferError::SameBin));
    assert_eq!(units(&w), [5, 7]);
}

#[test]
#[should_panic]
fn the_same_bin_cannot_be_lent_twice() {
    let mut w = warehouse(&[1, 2, 3]);
    let _ = w.two_bins_mut(1, 1);
}

#[test]
#[should_panic]
fn a_missing_bin_panics() {
    let mut w = warehouse(&[1, 2, 3]);
    let _ = w.two_bins_mut(0, 3);
}
