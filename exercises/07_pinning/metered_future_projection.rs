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
    inner: F,
    polls: u32,
}

impl<F: Future> Metered<F> {
    pub fn new(inner: F) -> Self {
        Metered { inner, polls: 0 }
    }
}

impl<F: Future> Future for Metered<F> {
    type Output = (F::Output, u32);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.polls += 1;
        match self.inner.poll(cx) {
            Poll::Ready(output) => Poll::Ready((output, self.polls)),
            Poll::Pending => Poll::Pending,
        }
    }
}
