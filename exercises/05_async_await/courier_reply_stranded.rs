// Question 5: What are `async` and `await` in Rust?
//
// A delivery app assigns couriers on a dispatcher thread of its own; the order handlers are
// async tasks. A handler gives the dispatcher a `Responder` and awaits the matching `Reply`:
// a one-shot slot written by hand, one `Mutex` of state shared by the two ends. A handler
// races its reply against a timer, and when the timer wins it hands the reply over to a
// background task that finishes the order. The desk's monitor keeps thousands of replies and
// polls them from one task, again and again.
//
// What on-call saw:
// - orders handed to a background task never finished, though the dispatcher had answered;
// - when the dispatcher crashed (dropping every responder it held), its handlers waited forever;
// - once the dispatcher thread hung for good inside `send`, answering an order whose handler
//   had been aborted a moment before (an aborted task lives as long as its wakers do).
//
// What the slot promises:
// - an answer wakes the task that waits for the reply now, whichever task polled it before;
// - a reply polled again by the task that polled it last does not copy that task's waker
//   again: the monitor's profile shows waker copies as its top cost;
// - a responder dropped without answering makes its reply ready with `Err(Gone)` and wakes
//   whoever waits; an answer sent stays the answer;
// - a handler that gives up drops its reply: `send` then hands the courier back, and the slot
//   keeps nothing of the handler;
// - neither `send` nor a responder's drop ever hangs, whatever the task it wakes is doing.
// Keep the signatures and the single `Mutex`; no Tokio channels.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

/// The dispatcher went away without answering.
#[derive(Debug, PartialEq, Eq)]
pub struct Gone;

struct Slot<T> {
    answer: Option<T>,
    waker: Option<Waker>,
    handler_gone: bool,
}

/// The dispatcher's end: answers one order.
pub struct Responder<T> {
    slot: Arc<Mutex<Slot<T>>>,
}

/// The handler's end: a future of the answer.
pub struct Reply<T> {
    slot: Arc<Mutex<Slot<T>>>,
}

pub fn reply_slot<T>() -> (Responder<T>, Reply<T>) {
    let slot = Arc::new(Mutex::new(Slot {
        answer: None,
        waker: None,
        handler_gone: false,
    }));
    let responder = Responder {
        slot: Arc::clone(&slot),
    };
    (responder, Reply { slot })
}

impl<T> Responder<T> {
    /// Answers the order; gives the answer back if the handler has given up.
    pub fn send(self, answer: T) -> Result<(), T> {
        let mut slot = self.slot.lock().unwrap();
        if slot.handler_gone {
            return Err(answer);
        }
        slot.answer = Some(answer);
        if let Some(waker) = slot.waker.take() {
            waker.wake();
        }
        Ok(())
    }
}

impl<T> Future for Reply<T> {
    type Output = Result<T, Gone>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T, Gone>> {
        let mut slot = self.slot.lock().unwrap();
        if let Some(answer) = slot.answer.take() {
            return Poll::Ready(Ok(answer));
        }
        // Waker copies are the monitor's top cost: keep the first one.
        if slot.waker.is_none() {
            slot.waker = Some(cx.waker().clone());
        }
        Poll::Pending
    }
}

impl<T> Drop for Reply<T> {
    fn drop(&mut self) {
        let mut slot = self.slot.lock().unwrap();
        slot.handler_gone = true;
        slot.waker = None;
        slot.answer = None;
    }
}
