// The counting allocator itself: mounted through counting.rs (see there), never by a test file.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
    static FREES: Cell<usize> = const { Cell::new(0) };
    static FREED_BYTES: Cell<usize> = const { Cell::new(0) };
    static LAST: Cell<Option<(usize, usize)>> = const { Cell::new(None) };
    // Bytes allocated and not yet freed since `measure` began (blocks freed that were allocated
    // before it make this negative), and the highest it reached.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

struct Counting;

/// Moves the bytes held by `change`, and the peak with them.
fn note_live(change: isize) {
    LIVE.with(|live| {
        let now = live.get() + change;
        live.set(now);
        PEAK.with(|peak| peak.set(peak.get().max(now)));
    });
}

/// An allocation of `bytes`, or a reallocation from `old_bytes` to `bytes`.
fn note(ptr: *mut u8, bytes: usize, old_bytes: usize) {
    let _ = ACTIVE.try_with(|active| {
        if active.get() {
            COUNT.with(|count| count.set(count.get() + 1));
            BYTES.with(|total| total.set(total.get() + bytes));
            LAST.with(|last| last.set(Some((ptr as usize, bytes))));
            note_live(bytes as isize - old_bytes as isize);
        }
    });
}

fn note_free(bytes: usize) {
    let _ = ACTIVE.try_with(|active| {
        if active.get() {
            FREES.with(|count| count.set(count.get() + 1));
            FREED_BYTES.with(|total| total.set(total.get() + bytes));
            note_live(-(bytes as isize));
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        note(ptr, layout.size(), 0);
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note_free(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_ptr = unsafe { System.realloc(ptr, layout, new_size) };
        if !new_ptr.is_null() {
            note(new_ptr, new_size, layout.size());
        }
        new_ptr
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What a closure asked of the heap on the current thread.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// Allocations and reallocations.
    pub allocations: usize,
    /// Bytes those allocations asked for (a reallocation counts its new size).
    pub bytes: usize,
    /// Blocks freed (a reallocation frees none).
    pub frees: usize,
    /// Bytes of the blocks freed.
    pub freed_bytes: usize,
    /// The most bytes that allocations made by the closure held at one moment (a reallocation
    /// counts the change in size; blocks allocated before the closure do not count).
    pub peak: usize,
}

/// Runs `f`, and returns its result with the heap allocations it made on this thread.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Usage) {
    COUNT.with(|count| count.set(0));
    BYTES.with(|total| total.set(0));
    FREES.with(|count| count.set(0));
    FREED_BYTES.with(|total| total.set(0));
    LAST.with(|last| last.set(None));
    LIVE.with(|live| live.set(0));
    PEAK.with(|peak| peak.set(0));
    ACTIVE.with(|active| active.set(true));
    let result = f();
    ACTIVE.with(|active| active.set(false));
    let usage = Usage {
        allocations: COUNT.with(Cell::get),
        bytes: BYTES.with(Cell::get),
        frees: FREES.with(Cell::get),
        freed_bytes: FREED_BYTES.with(Cell::get),
        peak: PEAK.with(Cell::get).max(0) as usize,
    };
    (result, usage)
}

/// Runs `f`, and returns its result with the number of heap allocations it made on this thread.
pub fn allocations<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let (result, usage) = measure(f);
    (result, usage.allocations)
}

/// The address and size of the latest allocation (or reallocation) made on this thread by the
/// closure of the latest `measure` or `allocations`, if it made any.
pub fn last_allocation() -> Option<(usize, usize)> {
    LAST.with(Cell::get)
}
