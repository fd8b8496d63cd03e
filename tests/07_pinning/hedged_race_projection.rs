use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::future::Future;
use ::std::mem::drop;
use ::std::ops::Drop;

#[path = "../exercise_support/counting.rs"]
mod counting;

use ::std::cell::Cell;
use ::std::marker::{PhantomData, PhantomPinned, Unpin};
use ::std::pin::{Pin, pin};
use ::std::rc::Rc;
use ::std::task::{Context, Poll, Waker};

/// What a test request went through.
#[derive(Default)]
struct Log {
    polls: Cell<u32>,
    dropped: Cell<bool>,
    moved_while_pinned: Cell<bool>,
}

/// A request that answers after `pending` polls. Like an async fn's future it is not
/// `Unpin`; it remembers where it was first polled, and notes whether it was moved later,
/// which `Pin` forbids until it is dropped.
struct Request {
    pending: u32,
    answer: u32,
    log: Rc<Log>,
    pinned_at: Option<usize>,
    _pinned: PhantomPinned,
}

impl Request {
    fn check_place(&mut self) {
        let here = self as *const Request as usize;
        match self.pinned_at {
            None => self.pinned_at = Some(here),
            Some(at) if at != here => self.log.moved_while_pinned.set(true),
            Some(_) => {}
        }
    }
}

impl Future for Request {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // SAFETY: only fields are updated; the request is not moved.
        let this = unsafe { self.get_unchecked_mut() };
        this.check_place();
        this.log.polls.set(this.log.polls.get() + 1);
        if this.pending == 0 {
            return Poll::Ready(this.answer);
        }
        this.pending -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

impl Drop for Request {
    fn drop(&mut self) {
        if self.pinned_at.is_some() {
            self.check_place();
        }
        self.log.dropped.set(true);
    }
}

fn request(pending: u32, answer: u32) -> (Request, Rc<Log>) {
    let log = Rc::new(Log::default());
    let request = Request {
        pending,
        answer,
        log: Rc::clone(&log),
        pinned_at: None,
        _pinned: PhantomPinned,
    };
    (request, log)
}

fn poll_once<F: Future>(future: Pin<&mut F>) -> Poll<F::Output> {
    future.poll(&mut Context::from_waker(Waker::noop()))
}

fn outcome<T>(winner: Winner<T>) -> (&'static str, T) {
    match winner {
        Winner::Primary(answer) => ("primary", answer),
        Winner::Backup(answer) => ("backup", answer),
    }
}

fn assert_never_moved(log: &Log, which: &str) {
    assert!(
        !log.moved_while_pinned.get(),
        "the {which} request was moved after it had been polled (pinned): a pinned future \
         may only be dropped where it is"
    );
}

#[test]
fn the_primary_answers_first_and_the_backup_is_cancelled_at_once() {
    let (primary, primary_log) = request(2, 10);
    let (backup, backup_log) = request(5, 20);
    let mut race = pin!(Race::new(primary, backup));
    assert!(poll_once(race.as_mut()).is_pending());
    assert!(poll_once(race.as_mut()).is_pending());
    let Poll::Ready(winner) = poll_once(race.as_mut()) else {
        panic!("the primary answers on the third poll, so the race is decided then");
    };
    assert_eq!(outcome(winner), ("primary", 10));
    assert_eq!(primary_log.polls.get(), 3);
    assert_eq!(
        backup_log.polls.get(),
        2,
        "the primary is polled first: once it answers, the backup is not polled again"
    );
    assert!(
        backup_log.dropped.get(),
        "the losing request must be cancelled (dropped) as soon as the race is decided, \
         while the Race itself still exists"
    );
    assert_never_moved(&primary_log, "primary");
    assert_never_moved(&backup_log, "backup");
}

#[test]
fn the_backup_can_win_and_then_the_primary_is_cancelled() {
    let (primary, primary_log) = request(4, 31);
    let (backup, backup_log) = request(1, 47);
    let mut race = pin!(Race::new(primary, backup));
    assert!(poll_once(race.as_mut()).is_pending());
    let Poll::Ready(winner) = poll_once(race.as_mut()) else {
        panic!("the backup answers on the second poll, so the race is decided then");
    };
    assert_eq!(outcome(winner), ("backup", 47));
    assert_eq!((primary_log.polls.get(), backup_log.polls.get()), (2, 2));
    assert!(
        primary_log.dropped.get(),
        "the losing request must be cancelled (dropped) as soon as the race is decided"
    );
    assert_never_moved(&primary_log, "primary");
    assert_never_moved(&backup_log, "backup");
}

#[test]
fn the_primary_wins_a_tie() {
    let (primary, _) = request(0, 5);
    let (backup, backup_log) = request(0, 6);
    let race = pin!(Race::new(primary, backup));
    let Poll::Ready(winner) = poll_once(race) else {
        panic!("both requests are ready at once");
    };
    assert_eq!(outcome(winner), ("primary", 5));
    assert_eq!(backup_log.polls.get(), 0);
    assert!(backup_log.dropped.get());
}

#[test]
fn dropping_an_undecided_race_drops_both_requests_in_place() {
    let (primary, primary_log) = request(9, 1);
    let (backup, backup_log) = request(9, 2);
    let mut race = Box::pin(Race::new(primary, backup));
    assert!(poll_once(race.as_mut()).is_pending());
    assert!(!primary_log.dropped.get() && !backup_log.dropped.get());
    drop(race);
    assert!(primary_log.dropped.get() && backup_log.dropped.get());
    assert_never_moved(&primary_log, "primary");
    assert_never_moved(&backup_log, "backup");
}

#[test]
fn a_race_allocates_nothing() {
    let (primary, primary_log) = request(3, 70);
    let (backup, backup_log) = request(6, 80);
    let (answer, allocations) = counting::allocations(|| {
        let mut race = pin!(Race::new(primary, backup));
        loop {
            if let Poll::Ready(winner) = poll_once(race.as_mut()) {
                break outcome(winner);
            }
        }
    });
    assert_eq!(answer, ("primary", 70));
    assert_eq!(
        allocations, 0,
        "a race must keep both requests inline, not on the heap"
    );
    assert_never_moved(&primary_log, "primary");
    assert_never_moved(&backup_log, "backup");
}

#[test]
fn races_async_blocks_and_async_fns() {
    let (slow, _) = request(4, 1);
    let (fast, _) = request(1, 2);
    let primary = async move { slow.await * 100 };
    let backup = async move { fast.await * 1000 };
    let mut race = pin!(Race::new(primary, backup));
    let answer = loop {
        if let Poll::Ready(winner) = poll_once(race.as_mut()) {
            break outcome(winner);
        }
    };
    assert_eq!(answer, ("backup", 2000));
    let mut read = pin!(fastest_replica("user:42"));
    assert_eq!(
        poll_once(read.as_mut()),
        Poll::Ready(String::from("user:42@eu-west"))
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
fn a_race_is_unpin_only_when_both_requests_are() {
    type Answer = ::std::future::Ready<u32>;
    let both_unpin = &Probe::<Race<Answer, Answer>>(PhantomData);
    assert!(both_unpin.is_unpin());
    let primary_pinned = &Probe::<Race<Request, Answer>>(PhantomData);
    assert!(
        !primary_pinned.is_unpin(),
        "a Race holding a request that is not Unpin must not be Unpin: otherwise safe code \
         could move the pinned request with it"
    );
    let backup_pinned = &Probe::<Race<Answer, Request>>(PhantomData);
    assert!(!backup_pinned.is_unpin());
}

#[test]
#[should_panic(expected = "polled again")]
fn a_decided_race_must_not_be_polled_again() {
    let (primary, _) = request(0, 1);
    let (backup, _) = request(0, 2);
    let mut race = pin!(Race::new(primary, backup));
    assert!(poll_once(race.as_mut()).is_ready());
    let _ = poll_once(race.as_mut());
}

#[test]
fn the_signatures_are_unchanged() {
    let _: fn(Request, Request) -> Race<Request, Request> = Race::new;
}
