use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::future::Future;

use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Returns `Pending` `times` times (waking itself each time), then `Ready(label)`.
struct Stutter {
    times: u32,
    label: &'static str,
}

impl Future for Stutter {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.times == 0 {
            return Poll::Ready(self.label);
        }
        self.times -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn stutter(times: u32, label: &'static str) -> Stutter {
    Stutter { times, label }
}

/// Polls `future` by hand until it is ready, at most 100 times.
fn poll_to_end<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..100 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
    panic!("the future was not ready after 100 polls");
}

#[test]
fn a_ready_future_is_polled_once() {
    assert_eq!(poll_to_end(Metered::new(std::future::ready(7))), (7, 1));
}

#[test]
fn counts_every_poll_of_a_hand_written_future() {
    assert_eq!(poll_to_end(Metered::new(stutter(3, "done"))), ("done", 4));
}

#[test]
fn meters_an_async_block() {
    let job = async {
        let a = stutter(2, "fetch").await;
        let b = stutter(1, "parse").await;
        format!("{a}+{b}")
    };
    assert_eq!(
        poll_to_end(Metered::new(job)),
        ("fetch+parse".to_string(), 4)
    );
}

#[test]
fn meters_an_async_fn_call() {
    async fn checksum(data: Vec<u8>) -> u32 {
        stutter(5, "read").await;
        data.iter().map(|&b| u32::from(b)).sum()
    }
    assert_eq!(poll_to_end(Metered::new(checksum(vec![1, 2, 3]))), (6, 6));
}

#[test]
fn a_metered_future_can_be_metered_again() {
    let twice = Metered::new(Metered::new(stutter(2, "inner")));
    assert_eq!(poll_to_end(twice), (("inner", 3), 3));
}

#[test]
fn can_be_moved_around_before_it_is_polled() {
    let mut waiting = vec![Metered::new(async { stutter(1, "queued").await })];
    let metered = waiting.pop().unwrap();
    let moved_again = Box::new(metered);
    assert_eq!(poll_to_end(*moved_again), ("queued", 2));
}

#[tokio::test(start_paused = true)]
async fn meters_a_tokio_timer_on_a_spawned_task() {
    let task = tokio::spawn(Metered::new(async {
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        String::from("timer fired")
    }));
    let (output, polls) = task.await.expect("the metered task panicked");
    assert_eq!(output, "timer fired");
    assert!(
        polls >= 2,
        "a timer needs at least two polls, counted {polls}"
    );
}
