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

/// Wakes the thread that waits for the future by unparking it.
struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs `future` to completion on the current thread and returns its output.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    // The waker is how the future tells the executor "poll me again". It must lead back to
    // this thread, or nobody ends the `park` below. If the future wakes itself before it
    // returns `Pending`, the unpark is remembered and `park` returns at once.
    let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            // Sleep until the future is woken: no need to burn the CPU.
            Poll::Pending => thread::park(),
        }
    }
}
