// The counting allocator that hidden tests mount to check how a solution uses the heap. It counts
// the heap allocations (and reallocations) made on the current thread while `measure` runs its
// closure, how many bytes they asked for, and the blocks it freed, so the test harness's own
// allocations on other threads never count, and the most it held at once; `last_allocation` tells
// where the latest of them is.
// A test file mounts it once with `#[path = "../exercise_support/counting.rs"] mod counting;`,
// which also makes it that test binary's global allocator.

// In a batch (the kit check compiles many copies of one exercise as one crate, a module each),
// the crate has one allocator, at its root, and every copy's `counting` names that one.

// Each test binary uses part of it; `feature = "rustprep_batch"` is declared only in batches.
#![allow(dead_code, unexpected_cfgs)]

#[cfg(not(feature = "rustprep_batch"))]
include!("counting_impl.rs");

#[cfg(feature = "rustprep_batch")]
pub use crate::counting_shared::*;
