use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::future::Future;
use std::mem::drop;
use std::task::{Context, Poll, Waker};
use std::thread;

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// A future that needs `polls` polls: it wakes itself and yields `polls - 1` times.
struct Yield {
    left: u32,
}

impl Future for Yield {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.left == 0 {
            return Poll::Ready("done yielding");
        }
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

struct Slot<T> {
    value: Option<T>,
    waker: Option<Waker>,
}

/// A value delivered by a courier thread, which only sets off once the parcel has been
/// polled and found empty, so the executor really has to wait for it.
struct Parcel<T> {
    slot: Arc<Mutex<Slot<T>>>,
    polled: Option<mpsc::Sender<()>>,
}

impl<T> Future for Parcel<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.slot.lock().unwrap();
        if let Some(value) = slot.value.take() {
            return Poll::Ready(value);
        }
        slot.waker = Some(cx.waker().clone());
        drop(slot);
        if let Some(polled) = self.polled.take() {
            polled.send(()).unwrap();
        }
        Poll::Pending
    }
}

fn courier<T: Send + 'static>(value: T) -> Parcel<T> {
    let slot = Arc::new(Mutex::new(Slot {
        value: None,
        waker: None,
    }));
    let (polled, wait_for_poll) = mpsc::channel();
    let theirs = Arc::clone(&slot);
    thread::spawn(move || {
        wait_for_poll.recv().unwrap();
        let mut slot = theirs.lock().unwrap();
        slot.value = Some(value);
        let waker = slot
            .waker
            .take()
            .expect("the parcel was polled, so it has a waker");
        drop(slot);
        waker.wake();
    });
    Parcel {
        slot,
        polled: Some(polled),
    }
}

/// A future that is woken once, by a helper thread that first gives the executor up to
/// 50 ms to show whether it sleeps until then or polls again regardless. Its output is the
/// number of polls that found it not yet woken, after the first one.
struct Doorbell {
    rung: Arc<AtomicBool>,
    hand_over: Option<mpsc::Sender<Waker>>,
    report_idle: mpsc::Sender<()>,
    idle_polls: u32,
}

impl Future for Doorbell {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.rung.load(Ordering::SeqCst) {
            return Poll::Ready(self.idle_polls);
        }
        match self.hand_over.take() {
            Some(helper) => helper.send(cx.waker().clone()).unwrap(),
            None => {
                self.idle_polls += 1;
                // The helper may be gone already; then there is no one left to tell.
                let _ = self.report_idle.send(());
            }
        }
        Poll::Pending
    }
}

/// Up to this many extra polls are forgiven: a stray unpark is possible, a loop is not.
const FORGIVEN_POLLS: u32 = 3;

fn doorbell() -> Doorbell {
    let rung = Arc::new(AtomicBool::new(false));
    let (hand_over, waker) = mpsc::channel::<Waker>();
    let (report_idle, idle) = mpsc::channel::<()>();
    let theirs = Arc::clone(&rung);
    thread::spawn(move || {
        let waker = waker.recv().unwrap();
        // Ring at the deadline, or as soon as the executor has clearly not waited.
        let deadline = Instant::now() + Duration::from_millis(50);
        let mut idle_polls = 0;
        while idle_polls <= FORGIVEN_POLLS {
            let left = deadline.saturating_duration_since(Instant::now());
            if idle.recv_timeout(left).is_err() {
                break;
            }
            idle_polls += 1;
        }
        theirs.store(true, Ordering::SeqCst);
        waker.wake();
    });
    Doorbell {
        rung,
        hand_over: Some(hand_over),
        report_idle,
        idle_polls: 0,
    }
}

#[test]
fn a_ready_future_returns_its_output() {
    assert_eq!(block_on(async { 6 * 7 }), 42);
    assert_eq!(block_on(std::future::ready("at once")), "at once");
}

#[test]
fn an_async_fn_without_waiting_runs_to_the_end() {
    async fn total(prices: &[u32]) -> u32 {
        prices.iter().sum()
    }
    let prices = vec![250, 120, 80];
    assert_eq!(
        block_on(async { total(&prices).await + total(&[50]).await }),
        500
    );
}

#[test]
fn a_future_that_wakes_itself_is_polled_again() {
    // Hangs if the waker does not lead back to the parked thread.
    assert_eq!(block_on(Yield { left: 3 }), "done yielding");
}

#[test]
fn a_future_woken_from_another_thread_completes() {
    // Hangs if the waker does not lead back to the parked thread.
    let parcels = async {
        let first = courier(String::from("books")).await;
        let second = Yield { left: 2 }.await;
        let third = courier(3_u8).await;
        format!("{first}, {second}, {third}")
    };
    assert_eq!(block_on(parcels), "books, done yielding, 3");
}

#[test]
fn block_on_sleeps_until_the_future_is_woken() {
    // Hangs if the waker does not lead back to the parked thread.
    let idle_polls = block_on(doorbell());
    assert!(
        idle_polls <= FORGIVEN_POLLS,
        "the future was polled {idle_polls} more times before anyone woke it: block_on must \
         sleep until the waker is used, not poll in a loop"
    );
}
