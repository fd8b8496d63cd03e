// Question 7: What is pinning in Rust, and why is it important?
//
// `Metered` wraps another future and counts how many times it is polled, to track down
// futures that get woken far more often than they should. Its output is the inner
// future's output together with the number of polls. `poll` has to poll the inner future,
// and the file does not compile.
//
// Give `poll` a pinned inner future to poll, without `unsafe`. `Metered` must keep
// working for every future, including async blocks and async fn calls, which are not
// `Unpin`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub struct Metered<F> {
    // Polling needs `Pin<&mut F>`, and from `Pin<&mut Metered<F>>` safe code cannot get one
    // to a plain field: that would let a pinned `F` be moved. So the inner future is pinned
    // on its own, on the heap, once. `Pin<Box<F>>` is `Unpin`, so `Metered` is too, and its
    // fields can be reached through `Pin<&mut Self>` as usual. (Without a box, pinning has
    // to be projected with `unsafe` code, or with a crate like `pin-project`.)
    inner: Pin<Box<F>>,
    polls: u32,
}

impl<F: Future> Metered<F> {
    pub fn new(inner: F) -> Self {
        Metered {
            inner: Box::pin(inner),
            polls: 0,
        }
    }
}

impl<F: Future> Future for Metered<F> {
    type Output = (F::Output, u32);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.polls += 1;
        match self.inner.as_mut().poll(cx) {
            Poll::Ready(output) => Poll::Ready((output, self.polls)),
            Poll::Pending => Poll::Pending,
        }
    }
}
