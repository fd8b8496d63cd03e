use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::cell::Cell;

// In this test binary, `qsort` is this stand-in, not the C library's: the exercise's
// `extern` declaration links to it. It records its calls and sorts in place (a heapsort),
// calling the comparator it is given exactly as C's `qsort` would: with pointers to two
// elements of the array.
thread_local! {
    static QSORT_CALLS: Cell<usize> = const { Cell::new(0) };
    static QSORT_BASE: Cell<usize> = const { Cell::new(0) };
}

/// The same signature as the C library's `qsort`, and the same symbol.
///
/// # Safety
///
/// `base` points to `count` elements of `size` bytes each, and `compare` may be called with
/// pointers to any two of them.
#[unsafe(no_mangle)]
unsafe extern "C" fn qsort(
    base: *mut c_void,
    count: usize,
    size: usize,
    compare: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int,
) {
    QSORT_CALLS.with(|calls| calls.set(calls.get() + 1));
    QSORT_BASE.with(|at| at.set(base as usize));
    let base = base.cast::<u8>();
    let at = |i: usize| base.wrapping_add(i * size);
    // SAFETY: i and j are below count, so both point to elements of the array.
    let less = |i: usize, j: usize| unsafe { compare(at(i).cast(), at(j).cast()) } < 0;
    let swap = |i: usize, j: usize| {
        if i != j {
            // SAFETY: two different elements of the array, `size` bytes each.
            unsafe { std::ptr::swap_nonoverlapping(at(i), at(j), size) }
        }
    };
    let sift_down = |mut root: usize, end: usize| {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && less(child, child + 1) {
                child += 1;
            }
            if !less(root, child) {
                break;
            }
            swap(root, child);
            root = child;
        }
    };
    for start in (0..count / 2).rev() {
        sift_down(start, count);
    }
    for end in (1..count).rev() {
        swap(0, end);
        sift_down(0, end);
    }
}

fn qsort_calls() -> usize {
    QSORT_CALLS.with(Cell::get)
}

fn g(station: u32, depth_mm: i32) -> Gauge {
    Gauge { station, depth_mm }
}

fn depths(readings: &[Gauge]) -> Vec<i32> {
    readings.iter().map(|r| r.depth_mm).collect()
}

#[test]
fn sorts_shallowest_first() {
    let mut readings = [g(1, 1_250), g(2, -40), g(3, 800)];
    sort_by_depth(&mut readings);
    assert_eq!(readings, [g(2, -40), g(3, 800), g(1, 1_250)]);
}

#[test]
fn empty_and_single_reading_lists() {
    let mut none: [Gauge; 0] = [];
    sort_by_depth(&mut none);
    let mut one = [g(9, 3)];
    sort_by_depth(&mut one);
    assert_eq!(one, [g(9, 3)]);
}

#[test]
fn extreme_depths_compare_correctly() {
    let mut readings = [g(1, i32::MAX), g(2, 0), g(3, i32::MIN), g(4, -1), g(5, 1)];
    sort_by_depth(&mut readings);
    assert_eq!(depths(&readings), [i32::MIN, -1, 0, 1, i32::MAX]);
    assert_eq!(readings[0].station, 3);
    assert_eq!(readings[4].station, 1);
}

#[test]
fn equal_depths_keep_every_reading() {
    let mut readings = [g(1, 5), g(2, 3), g(3, 5), g(4, 3), g(5, 5)];
    sort_by_depth(&mut readings);
    assert_eq!(depths(&readings), [3, 3, 5, 5, 5]);
    let mut stations: Vec<u32> = readings.iter().map(|r| r.station).collect();
    stations.sort();
    assert_eq!(stations, [1, 2, 3, 4, 5]);
}

#[test]
fn agrees_with_rusts_own_sort_on_many_readings() {
    let mut seed: u32 = 12_345;
    let mut readings: Vec<Gauge> = (0..2_000)
        .map(|station| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            g(station, (seed >> 8) as i32 - (1 << 23))
        })
        .collect();
    let mut expected = readings.clone();
    expected.sort_by_key(|r| (r.depth_mm, r.station));
    sort_by_depth(&mut readings);
    assert_eq!(depths(&readings), depths(&expected));
    readings.sort_by_key(|r| (r.depth_mm, r.station));
    assert_eq!(readings, expected);
}

#[test]
fn sorts_only_the_slice_it_is_given() {
    let mut readings = [g(1, 9), g(2, 8), g(3, 7), g(4, 6), g(5, 5)];
    sort_by_depth(&mut readings[1..4]);
    assert_eq!(depths(&readings), [9, 6, 7, 8, 5]);
}

// `by_depth` trusts whatever pointers it gets, so only an `unsafe fn` is honest about it:
// as a safe fn, it would let safe code hand it dangling pointers. If it is safe, the
// `unsafe` block below is unnecessary, and this test makes that an error.
#[test]
#[deny(unused_unsafe)]
fn the_comparator_says_which_is_deeper() {
    let shallow = g(1, -3);
    let deep = g(2, 40);
    let also_deep = g(3, 40);
    let p = |r: &Gauge| std::ptr::from_ref(r).cast::<c_void>();
    // SAFETY: both pointers come from live `Gauge`s that nothing writes to.
    let cmp = |a, b| unsafe { by_depth(p(a), p(b)) }; // error? by_depth must be an unsafe fn
    let (lt, gt, eq) = (
        cmp(&shallow, &deep),
        cmp(&deep, &shallow),
        cmp(&deep, &also_deep),
    );
    assert!(lt < 0 && gt > 0 && eq == 0, "got {lt}, {gt}, {eq}");
}

#[test]
fn the_sorting_is_done_by_qsort() {
    let mut readings: Vec<Gauge> = (0..50).map(|i| g(i, (i as i32 * 37) % 11 - 5)).collect();
    let before = qsort_calls();
    sort_by_depth(&mut readings[5..45]);
    assert_eq!(
        qsort_calls() - before,
        1,
        "`sort_by_depth` must sort with one call to the C library's `qsort`"
    );
    assert_eq!(
        QSORT_BASE.with(Cell::get),
        readings[5..].as_ptr() as usize,
        "qsort must sort the slice in place"
    );
    let sorted = depths(&readings[5..45]);
    assert!(sorted.windows(2).all(|w| w[0] <= w[1]), "{sorted:?}");
}
