use super::*;

use std::pin::Pin;
use std::sync::{Mutex, mpsc};

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
