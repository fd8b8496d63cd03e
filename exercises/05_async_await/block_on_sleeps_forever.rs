// Question 5: What are `async` and `await` in Rust?
//
// An async runtime is, at its heart, an executor: it polls a future, and when the future
// says `Pending` it waits until the future's `Waker` is used, then polls again.
// `block_on` below is a complete executor for one future on the current thread: it parks
// the thread while the future is pending. It works for futures that are ready at once, but
// any future that has to wait leaves the thread parked for good.
//
// Find out why and fix `block_on`. Keep parking the thread: no busy loop.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// A waker that rouses one particular thread from `thread::park`.
struct Unparker {
    sleeper: Thread,
}

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.sleeper.unpark();
    }
}

/// Runs `future` to completion on the current thread and returns its output.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    // This loop polls the future again by itself, so the future's waker has nothing to do.
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        // Nothing to do until the future is woken: sleep instead of burning the CPU.
        thread::park();
    }
}
