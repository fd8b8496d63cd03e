// Question 1: What is Rust, and where is it mostly used?
//
// Firmware on a radio sensor board has no heap. Incoming frames are parked in a fixed pool of
// `N` sixteen-byte buffers that lives in a `static`. Code leases a buffer with `lease_with`,
// which hands the buffer to a `fill` closure and then returns a lease; the lease gives access to
// the buffer through `*lease` and hands the slot back to the pool when it is dropped.
//
// The pool below was written for one thread. The board now has a second context, the radio
// interrupt (modelled in the tests by a second thread), that leases from the same `static` pool
// at any moment, including while the main loop is inside a `fill`. Make the pool keep these
// promises (the tests check each one):
//
// 1. `static POOL: FramePool<N> = FramePool::new();` compiles, and `lease_with`, `available` and
//    `slot` can be used through shared references from any number of threads at once. The
//    signatures of `new`, `lease_with`, `available` and `slot` stay as they are.
// 2. `lease_with` never waits for another lease or another `fill`: while any thread is inside
//    a `fill` or holds leases, another `lease_with` (on any thread, or from inside that `fill`)
//    returns at once, with a lease on a free slot or `None` when none is free.
// 3. No buffer is handed out twice: two live leases never share a slot. `fill` works on the
//    slot's own buffer (not a copy), which it gets with all sixteen bytes zero, and from the
//    moment `fill` starts that slot is taken. What is written stays until the lease drops.
// 4. Dropping a lease returns its slot. If `fill` panics, the panic reaches the caller and the
//    slot it was filling is free again afterwards. A lease that is never dropped (for example
//    passed to `std::mem::forget`) loses its slot for good: the pool may shrink, but that slot
//    is never leased again.
// 5. No heap: `new`, `lease_with`, `available`, `slot` and dropping a lease allocate nothing.
//
// `available` is the number of slots that a `lease_with` could take right now. Solve it in safe
// Rust, with what the standard library offers for sharing between threads: the firmware's
// review forbids `unsafe` outside its drivers.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

pub type Frame = [u8; 16];

struct Slot {
    leased: AtomicBool,
    frame: Mutex<Frame>,
}

pub struct FramePool<const N: usize> {
    slots: [Slot; N],
}

// Fields drop in declaration order: the buffer's lock is released before the claim, so whoever
// claims the slot next finds its lock free.
pub struct FrameLease<'pool> {
    frame: MutexGuard<'pool, Frame>,
    _claim: Claim<'pool>,
    index: usize,
}

// A claimed slot; dropping it (when the lease drops, or when `fill` unwinds) frees the slot.
struct Claim<'pool>(&'pool AtomicBool);

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl<const N: usize> FramePool<N> {
    pub const fn new() -> Self {
        FramePool {
            slots: [const {
                Slot {
                    leased: AtomicBool::new(false),
                    frame: Mutex::new([0; 16]),
                }
            }; N],
        }
    }

    pub fn lease_with(&self, fill: impl FnOnce(&mut Frame)) -> Option<FrameLease<'_>> {
        // Claim a slot in one atomic step before anything else, so no other lease can pick it.
        let index = self.slots.iter().position(|slot| {
            slot.leased
                .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
        })?;
        let slot = &self.slots[index];
        let claim = Claim(&slot.leased);
        // Nobody else holds this lock: the claim is ours. A panic in an earlier `fill` may have
        // poisoned it, and the buffer is zeroed below anyway.
        let frame = slot.frame.lock().unwrap_or_else(PoisonError::into_inner);
        // The lease exists before `fill` runs, so a panic in `fill` drops it and frees the slot.
        let mut lease = FrameLease {
            frame,
            _claim: claim,
            index,
        };
        *lease = [0; 16];
        fill(&mut lease);
        Some(lease)
    }

    pub fn available(&self) -> usize {
        self.slots
            .iter()
            .filter(|slot| !slot.leased.load(Ordering::Relaxed))
            .count()
    }
}

impl<const N: usize> Default for FramePool<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl FrameLease<'_> {
    pub fn slot(&self) -> usize {
        self.index
    }
}

impl Deref for FrameLease<'_> {
    type Target = Frame;

    fn deref(&self) -> &Frame {
        &self.frame
    }
}

impl DerefMut for FrameLease<'_> {
    fn deref_mut(&mut self) -> &mut Frame {
        &mut self.frame
    }
}

fn main() {
    let pool: FramePool<4> = FramePool::new();
    let first = pool
        .lease_with(|frame| frame[0] = 0x7e)
        .expect("a free slot");
    let second = pool
        .lease_with(|frame| frame[..2].copy_from_slice(b"ok"))
        .expect("a free slot");
    println!(
        "slots {} and {}, {} left",
        first.slot(),
        second.slot(),
        pool.available()
    );
    drop(first);
    println!("after one drop: {} left", pool.available());
}
