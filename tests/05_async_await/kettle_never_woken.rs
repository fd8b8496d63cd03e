use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::pin::Pin;

use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

/// How long a test waits for a kettle that was promised a wake-up. A correct kettle wakes
/// its task at once, from `poll` or from another thread; this only bounds a wait for a
/// wake-up that never comes.
const WAKE_WAIT: Duration = Duration::from_secs(4);

/// A waker that counts how many times it was used, from any thread.
#[derive(Default)]
struct CountingWaker {
    wakes: Mutex<usize>,
    woken: Condvar,
}

impl CountingWaker {
    fn wakes(&self) -> usize {
        *self.wakes.lock().unwrap()
    }

    /// Waits until the waker has been used more than `seen` times; `false` if it never is.
    fn wait_for_more_than(&self, seen: usize) -> bool {
        let wakes = self.wakes.lock().unwrap();
        let (wakes, _) = self
            .woken
            .wait_timeout_while(wakes, WAKE_WAIT, |wakes| *wakes <= seen)
            .unwrap();
        *wakes > seen
    }
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        *self.wakes.lock().unwrap() += 1;
        self.woken.notify_all();
    }
}

/// Polls `kettle` by hand until it is ready, as an executor would: after every `Pending`,
/// it polls again only once the waker has been used (at once or from another thread).
/// Returns the temperature and the number of polls.
fn poll_by_hand(mut kettle: Kettle) -> (u32, usize) {
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(Arc::clone(&counter));
    let mut cx = Context::from_waker(&waker);
    for polls in 1..=1000 {
        let wakes_before = counter.wakes();
        match Pin::new(&mut kettle).poll(&mut cx) {
            Poll::Ready(t) => return (t, polls),
            Poll::Pending => assert!(
                counter.wait_for_more_than(wakes_before),
                "poll {polls} returned Pending and the waker was never used, so no executor \
                 would ever poll the kettle again"
            ),
        }
    }
    panic!("the kettle did not boil in 1000 polls");
}

#[tokio::test]
async fn an_awaited_kettle_boils() {
    // The waker may be used from another thread, so the clock runs for real here: the
    // timeout only stops a kettle that is never polled again.
    let boiled = tokio::time::timeout(WAKE_WAIT, Kettle::new(20, 100, 20))
        .await
        .expect("the kettle was polled once and never again");
    assert_eq!(boiled, 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_kettles_boil_side_by_side() {
    let both = async { tokio::join!(Kettle::new(15, 90, 25), Kettle::new(60, 100, 7)) };
    let (a, b) = tokio::time::timeout(WAKE_WAIT, both)
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
    let mut cx = Context::from_waker(Waker::noop());
    assert!(Pin::new(&mut kettle).poll(&mut cx).is_pending());
    assert_eq!(kettle.temperature(), 50);
}
