use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::alloc::{GlobalAlloc, Layout, System};
use ::std::cell::Cell;
use ::std::mem::drop;
use ::std::rc::Rc;

// A leak the pool cannot see (a forgotten lease that owned some other allocation) still stays on
// the heap: this allocator keeps, per thread, the bytes allocated minus the bytes freed while a
// closure runs.
::std::thread_local! {
    static TRACKING: Cell<bool> = const { Cell::new(false) };
    static NET_BYTES: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    let _ = TRACKING.try_with(|on| {
        if on.get() {
            NET_BYTES.with(|net| net.set(net.get() + delta));
        }
    });
}

struct NetBytes;

unsafe impl GlobalAlloc for NetBytes {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: NetBytes = NetBytes;

/// The bytes `f` left allocated on this thread's heap when it returned.
fn bytes_left_behind(f: impl FnOnce()) -> isize {
    NET_BYTES.with(|net| net.set(0));
    TRACKING.with(|on| on.set(true));
    f();
    TRACKING.with(|on| on.set(false));
    NET_BYTES.with(Cell::get)
}

#[test]
fn the_connection_goes_back_after_a_report() {
    let pool = Pool::new(2);
    assert_eq!(
        run_report(&pool, "sales").as_deref(),
        Some("connection 2 ran: SELECT * FROM sales")
    );
    assert_eq!(pool.idle_count(), 2);
    assert_eq!(pool.queries_run(), 1);
}

#[test]
fn a_small_pool_serves_many_reports() {
    let pool = Pool::new(2);
    for i in 0..50 {
        assert!(
            run_report(&pool, &format!("day_{i}")).is_some(),
            "report {i} found no free connection"
        );
    }
    assert_eq!(pool.idle_count(), 2);
    assert_eq!(pool.queries_run(), 50);
}

#[test]
fn one_connection_is_reused_every_time() {
    let pool = Pool::new(1);
    for name in ["a", "b", "c"] {
        assert_eq!(
            run_report(&pool, name),
            Some(format!("connection 1 ran: SELECT * FROM {name}"))
        );
    }
    assert_eq!(pool.queries_run(), 3);
}

#[test]
fn no_lease_is_left_holding_the_pool() {
    let pool = Pool::new(3);
    run_report(&pool, "audit");
    run_report(&pool, "audit");
    // Each live lease holds a clone of the `Rc`: only the pool's own must remain.
    assert_eq!(Rc::strong_count(&pool.idle), 1);
}

#[test]
fn an_empty_pool_reports_none() {
    let pool = Pool::new(0);
    assert_eq!(run_report(&pool, "sales"), None);
    let pool = Pool::new(1);
    let held = pool.acquire().expect("one connection is free");
    assert_eq!(run_report(&pool, "sales"), None);
    drop(held);
    assert!(run_report(&pool, "sales").is_some());
}

#[test]
fn a_report_leaves_nothing_on_the_heap() {
    let pool = Pool::new(2);
    let left = bytes_left_behind(|| {
        for i in 0..20 {
            let report = run_report(&pool, &::std::format!("week_{i}"));
            assert!(report.is_some(), "report {i} found no free connection");
        }
    });
    assert_eq!(
        left, 0,
        "20 reports left {left} bytes allocated after their results were dropped: a lease (or \
         something it owned) was leaked instead of dropped"
    );
    assert_eq!(pool.idle_count(), 2);
    assert_eq!(::std::rc::Rc::strong_count(&pool.idle), 1);
}
