// Question 5: What are `async` and `await` in Rust?
//
// Concurrency in async Rust needs no threads: one task can poll several futures in turn, and
// each of them, when it cannot go on, arranges with the task's `Waker` to have the task polled
// again. That is all that `join!` does, and `Join2` below does it by hand for two futures.
//
// A dashboard loads its sales panel and its stock panel through `join2`, and should be ready
// when the slower of the two is. It takes the sum of both instead: `Join2` makes no progress on
// the second future until the first one is done.
//
// Fix `Join2::poll` so that both futures make progress at the same time. Keep it a future that
// polls the two futures itself: no spawned tasks and no `join!`. A future must never be polled
// again once it has returned `Ready` (an async block panics if it is).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub struct Join2<A: Future, B: Future> {
    a: Pin<Box<A>>,
    b: Pin<Box<B>>,
    a_out: Option<A::Output>,
    b_out: Option<B::Output>,
}

// The two futures are pinned in their boxes and the outputs are never pinned, so a `Join2`
// may move between polls whatever `A` and `B` are.
impl<A: Future, B: Future> Unpin for Join2<A, B> {}

/// A future that runs `a` and `b` at the same time and gives both outputs.
pub fn join2<A: Future, B: Future>(a: A, b: B) -> Join2<A, B> {
    Join2 {
        a: Box::pin(a),
        b: Box::pin(b),
        a_out: None,
        b_out: None,
    }
}

impl<A: Future, B: Future> Future for Join2<A, B> {
    type Output = (A::Output, B::Output);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if this.a_out.is_none() {
            match this.a.as_mut().poll(cx) {
                Poll::Ready(out) => this.a_out = Some(out),
                Poll::Pending => return Poll::Pending,
            }
        }
        if this.b_out.is_none() {
            match this.b.as_mut().poll(cx) {
                Poll::Ready(out) => this.b_out = Some(out),
                Poll::Pending => return Poll::Pending,
            }
        }
        let a = this.a_out.take().expect("a is done");
        let b = this.b_out.take().expect("b is done");
        Poll::Ready((a, b))
    }
}
