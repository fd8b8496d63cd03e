use super::*;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Wake, Waker};
use std::time::Duration;

/// A waker that only counts how many times it was used.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Polls `kettle` by hand until it is ready, checking after every `Pending` that the waker
/// was used. Returns the temperature and the number of polls.
fn poll_by_hand(mut kettle: Kettle) -> (u32, usize) {
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(Arc::clone(&counter));
    let mut cx = Context::from_waker(&waker);
    for polls in 1..=1000 {
        let wakes_before = counter.0.load(Ordering::SeqCst);
        match Pin::new(&mut kettle).poll(&mut cx) {
            Poll::Ready(t) => return (t, polls),
            Poll::Pending => assert!(
                counter.0.load(Ordering::SeqCst) > wakes_before,
                "poll {polls} returned Pending without using the waker, so no executor \
                 would ever poll the kettle again"
            ),
        }
    }
    panic!("the kettle did not boil in 1000 polls");
}

#[tokio::test(start_paused = true)]
async fn an_awaited_kettle_boils() {
    // The clock is paused: if the runtime has nothing left to poll, it jumps straight to
    // the timeout instead of waiting for real.
    let boiled = tokio::time::timeout(Duration::from_secs(60), Kettle::new(20, 100, 20))
        .await
        .expect("the kettle was polled once and never again");
    assert_eq!(boiled, 100);
}

#[tokio::test(start_paused = true)]
async fn two_kettles_boil_side_by_side() {
    let both = async { tokio::join!(Kettle::new(15, 90, 25), Kettle::new(60, 100, 7)) };
    let (a, b) = tokio::time::timeout(Duration::from_secs(60), both)
        .await
        .expect("the kettles were polled once and never again");
    assert_eq!((a, b), (90, 100));
}

#[test]
fn every_pending_poll_uses_the_waker() {
    // 20 -> 40 -> 60 -> 80 -> 100: four pending polls, then ready.
    assert_eq!(poll_by_hand(Kettle::new(20, 100, 20)), (100, 5));
}

#[test]
fn the_last_step_stops_at_the_target() {
    // 90 -> 97 -> 100 (not 104).
    assert_eq!(poll_by_hand(Kettle::new(90, 100, 7)), (100, 3));
}

#[test]
fn a_hot_kettle_is_ready_at_once() {
    assert_eq!(poll_by_hand(Kettle::new(100, 100, 10)), (100, 1));
    assert_eq!(poll_by_hand(Kettle::new(120, 100, 10)), (120, 1));
}

#[test]
fn one_poll_heats_by_one_step() {
    let mut kettle = Kettle::new(20, 100, 30);
    let waker = Waker::from(Arc::new(CountingWaker::default()));
    let mut cx = Context::from_waker(&waker);
    assert!(Pin::new(&mut kettle).poll(&mut cx).is_pending());
    assert_eq!(kettle.temperature(), 50);
}
