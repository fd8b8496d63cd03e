use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::future::Future;
use ::std::mem::drop;

#[path = "../exercise_support/counting.rs"]
mod counting;

use ::std::marker::{PhantomData, Unpin};
use ::std::pin::{Pin, pin};
use ::std::sync::Arc;
use ::std::sync::atomic::{AtomicUsize, Ordering};
use ::std::task::{Context, Poll, Wake, Waker};

/// A waker that counts how often it is woken.
struct Wakes(AtomicUsize);

impl Wake for Wakes {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn counting_waker() -> (Waker, Arc<Wakes>) {
    let wakes = Arc::new(Wakes(AtomicUsize::new(0)));
    (Waker::from(Arc::clone(&wakes)), wakes)
}

fn poll_with<F: Future>(future: Pin<&mut F>, waker: &Waker) -> Poll<F::Output> {
    future.poll(&mut Context::from_waker(waker))
}

fn poll_once<F: Future>(future: Pin<&mut F>) -> Poll<F::Output> {
    poll_with(future, Waker::noop())
}

#[test]
fn an_announcement_reaches_every_waiting_future_and_wakes_it() {
    let board = Board::new();
    let (waker, wakes) = counting_waker();
    let mut first = pin!(board.wait());
    let mut second = pin!(board.wait());
    assert!(poll_with(first.as_mut(), &waker).is_pending());
    assert!(poll_with(second.as_mut(), &waker).is_pending());
    assert_eq!(board.waiting(), 2);
    board.announce(12);
    assert_eq!(wakes.0.load(Ordering::SeqCst), 2);
    assert_eq!(board.waiting(), 0);
    assert_eq!(poll_once(first), Poll::Ready(12));
    assert_eq!(poll_once(second), Poll::Ready(12));
}

#[test]
fn a_future_polled_again_registers_once_with_its_latest_waker() {
    let board = Board::new();
    let (old, old_wakes) = counting_waker();
    let (new, new_wakes) = counting_waker();
    let mut wait = pin!(board.wait());
    assert!(poll_with(wait.as_mut(), &old).is_pending());
    assert!(poll_with(wait.as_mut(), &new).is_pending());
    assert_eq!(board.waiting(), 1);
    board.announce(7);
    assert_eq!(old_wakes.0.load(Ordering::SeqCst), 0);
    assert_eq!(new_wakes.0.load(Ordering::SeqCst), 1);
    assert_eq!(poll_once(wait), Poll::Ready(7));
}

#[test]
fn a_future_dropped_while_waiting_leaves_the_board() {
    let board = Board::new();
    let mut gave_up = Box::pin(board.wait());
    assert!(poll_once(gave_up.as_mut()).is_pending());
    assert_eq!(board.waiting(), 1);
    drop(gave_up);
    assert_eq!(
        board.waiting(),
        0,
        "a GateWait that was dropped while waiting is still on the board: the next \
         announcement would write into memory that is no longer the future's"
    );
}

#[test]
fn announcing_after_a_passenger_gave_up_reaches_the_others() {
    let board = Board::new();
    let mut stays = Box::pin(board.wait());
    assert!(poll_once(stays.as_mut()).is_pending());
    {
        let mut leaves = Box::pin(board.wait());
        assert!(poll_once(leaves.as_mut()).is_pending());
    }
    let mut late = pin!(board.wait());
    assert!(poll_once(late.as_mut()).is_pending());
    board.announce(31);
    assert_eq!(poll_once(stays.as_mut()), Poll::Ready(31));
    assert_eq!(poll_once(late), Poll::Ready(31));
}

#[test]
fn futures_can_give_up_in_any_order() {
    let board = Board::new();
    let mut waits: ::std::vec::Vec<Pin<Box<GateWait<'_>>>> =
        (0..5).map(|_| Box::pin(board.wait())).collect();
    for wait in &mut waits {
        assert!(poll_once(wait.as_mut()).is_pending());
    }
    // Give up: the fourth, then the first, then the last.
    drop(waits.remove(3));
    drop(waits.remove(0));
    drop(waits.pop());
    assert_eq!(
        board.waiting(),
        2,
        "two of the five futures are still waiting"
    );
    board.announce(4);
    for wait in &mut waits {
        assert_eq!(poll_once(wait.as_mut()), Poll::Ready(4));
    }
}

#[test]
fn dropping_a_future_that_is_not_on_the_board_changes_nothing() {
    let board = Board::new();
    let never_polled = board.wait();
    drop(never_polled);
    let mut early = Box::pin(board.wait());
    assert!(poll_once(early.as_mut()).is_pending());
    board.announce(2);
    // A passenger who came after the announcement waits for the next one.
    let mut next = pin!(board.wait());
    assert!(poll_once(next.as_mut()).is_pending());
    assert_eq!(poll_once(early.as_mut()), Poll::Ready(2));
    drop(early);
    assert_eq!(
        board.waiting(),
        1,
        "dropping a future that was already told its gate must not take another \
         future off the board"
    );
    board.announce(3);
    assert_eq!(poll_once(next), Poll::Ready(3));
}

#[test]
fn waiting_allocates_nothing() {
    let board = Board::new();
    let ((), allocations) = counting::allocations(|| {
        let mut a = pin!(board.wait());
        let mut b = pin!(board.wait());
        let mut c = pin!(board.wait());
        assert!(poll_once(a.as_mut()).is_pending());
        assert!(poll_once(b.as_mut()).is_pending());
        assert!(poll_once(c.as_mut()).is_pending());
        assert_eq!(board.waiting(), 3);
    });
    assert_eq!(
        allocations, 0,
        "the board is intrusive: a waiting future must not allocate"
    );
    assert_eq!(
        board.waiting(),
        0,
        "the three futures were dropped at the end of their block: none may still be \
         waiting on the board"
    );
}

/// Tells at run time whether `T: Unpin`, by method resolution: the impl that needs
/// `T: Unpin` is found first, the fallback one only when it does not apply.
struct Probe<T>(PhantomData<T>);

trait IsUnpin {
    fn is_unpin(&self) -> bool {
        true
    }
}
impl<T: Unpin> IsUnpin for Probe<T> {}

trait NotUnpin {
    fn is_unpin(&self) -> bool {
        false
    }
}
impl<T> NotUnpin for &Probe<T> {}

#[test]
fn a_waiting_future_stays_pinned() {
    let probe = &Probe::<GateWait<'static>>(PhantomData);
    assert!(
        !probe.is_unpin(),
        "the board keeps pointers into waiting futures, so a GateWait must not be Unpin: \
         safe code could move it out of its pin"
    );
    let _: fn(&Board) -> GateWait<'_> = Board::wait;
    let _: fn(&Board, u32) = Board::announce;
}
