// Question 7: What is pinning in Rust, and why is it important?
//
// An airport app tells passengers their boarding gate. Each passenger's task awaits
// `board.wait()`; when the gate is known, `board.announce(gate)` writes it into every
// waiting future and wakes its task. Like tokio's `Notify`, the board is intrusive: it
// allocates nothing per waiter. It only keeps a pointer to a slot inside each waiting
// future, registered on the future's first poll.
//
// That pointer is sound only because of what `Pin` promises about a value once it is
// pinned (and a future is pinned before its first poll): it stays at the same address
// until it is dropped. A `GateWait` is not `Unpin`, so nobody can take it out of its pin.
//
// Passengers give up, though: a task whose `select!` took the other branch, or that was
// aborted, drops its `GateWait` while it is still waiting on the board. After that, the
// next announcement is undefined behaviour (Miri says so). Find out why, and fix it so
// that any waiting future can be dropped at any time. Keep the board intrusive, and keep
// the public API as it is.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::ptr;
use std::task::{Context, Poll, Waker};

/// Where `announce` writes the gate: inside each waiting future.
type Slot = Cell<Option<u32>>;

struct Board {
    /// The slot of every waiting `GateWait`, and the waker of the task that awaits it.
    waiting: RefCell<Vec<(*const Slot, Waker)>>,
}

impl Board {
    fn new() -> Self {
        Board {
            waiting: RefCell::new(Vec::with_capacity(64)),
        }
    }

    /// How many futures are waiting for the announcement.
    fn waiting(&self) -> usize {
        self.waiting.borrow().len()
    }

    fn wait(&self) -> GateWait<'_> {
        GateWait {
            board: self,
            gate: Cell::new(None),
            _pinned: PhantomPinned,
        }
    }

    /// Tells every waiting future the gate, and wakes its task.
    fn announce(&self, gate: u32) {
        for (slot, waker) in self.waiting.borrow_mut().drain(..) {
            // SAFETY: each slot lives inside a `GateWait` that was pinned when it registered
            // and has not been dropped since (its `Drop` takes the slot off the board).
            // Pinned, it cannot have moved, and its memory cannot have been freed or reused
            // before that drop ran.
            unsafe { (*slot).set(Some(gate)) };
            waker.wake();
        }
    }
}

struct GateWait<'a> {
    board: &'a Board,
    gate: Slot,
    _pinned: PhantomPinned,
}

impl GateWait<'_> {
    /// Where this future is registered on the board, if it is.
    fn position(&self) -> Option<usize> {
        let slot: *const Slot = &self.gate;
        let waiting = self.board.waiting.borrow();
        waiting.iter().position(|&(other, _)| ptr::eq(other, slot))
    }
}

impl Future for GateWait<'_> {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // Only shared access is needed: the future stays pinned, in place.
        let this = self.into_ref().get_ref();
        if let Some(gate) = this.gate.get() {
            return Poll::Ready(gate);
        }
        let registered = this.position();
        let mut waiting = this.board.waiting.borrow_mut();
        match registered {
            Some(at) => waiting[at].1.clone_from(cx.waker()),
            None => waiting.push((&this.gate, cx.waker().clone())),
        }
        Poll::Pending
    }
}

// Pinning promises more than "it will not move": the memory of a pinned value stays valid
// until its destructor has run, even if the value is never polled again (a `select!` that
// took another branch simply drops it). So `drop` is the one place where a future can
// still take its slot off the board in time, and it is at the address it registered
// from. (Safe code cannot skip the destructor of a pinned value and then free or reuse its
// memory: forgetting a `Pin<Box<_>>` leaks the memory too.)
impl Drop for GateWait<'_> {
    fn drop(&mut self) {
        if let Some(at) = self.position() {
            self.board.waiting.borrow_mut().remove(at);
        }
    }
}
