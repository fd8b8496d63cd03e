//! A limit on the learner's processes running at once across a whole run, as cargo-nextest's
//! test-threads: every hidden test (and `main`) of every exercise takes a slot before it starts,
//! so a busy machine queues tests instead of timing them out. A test's time limit starts when it
//! has its slot.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::supervise::Cancel;

#[derive(Debug)]
pub struct ProcessSlots {
    count: usize,
    free: Mutex<usize>,
    freed: Condvar,
}

/// A slot held; given back when dropped.
pub struct Slot<'a>(&'a ProcessSlots);

impl ProcessSlots {
    /// `count` slots (at least one).
    pub fn new(count: usize) -> Self {
        Self {
            count: count.max(1),
            free: Mutex::new(count.max(1)),
            freed: Condvar::new(),
        }
    }

    /// How many slots there are in all.
    pub fn count(&self) -> usize {
        self.count
    }

    fn free(&self) -> MutexGuard<'_, usize> {
        self.free.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits for a free slot; `None` if the run is cancelled first.
    pub fn acquire(&self, cancel: &Cancel) -> Option<Slot<'_>> {
        // How often a waiter looks at the cancel switch, which wakes nobody.
        const LOOK: Duration = Duration::from_millis(50);
        let mut free = self.free();
        loop {
            if cancel.is_cancelled() {
                return None;
            }
            if *free > 0 {
                *free -= 1;
                return Some(Slot(self));
            }
            free = self
                .freed
                .wait_timeout(free, LOOK)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        *self.0.free() += 1;
        self.0.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn never_more_than_the_count_hold_a_slot_at_once() {
        let slots = ProcessSlots::new(2);
        let (holding, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let cancel = Cancel::default();
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    let _slot = slots.acquire(&cancel).expect("not cancelled");
                    let now = holding.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::yield_now();
                    holding.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) <= 2);
        assert_eq!(*slots.free(), 2, "every slot was given back");
    }

    #[test]
    fn a_cancelled_run_stops_waiting() {
        let slots = ProcessSlots::new(1);
        let cancel = Cancel::default();
        let _held = slots.acquire(&cancel).expect("a free slot");
        cancel.cancel();
        assert!(slots.acquire(&cancel).is_none());
    }
}
