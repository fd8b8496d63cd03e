use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::future::Future;
use ::std::marker::{Send, Unpin};
use ::std::mem::drop;
use ::std::pin::Pin;
use ::std::sync::{Arc, Mutex};
use ::tokio;

use ::std::sync::atomic::{AtomicUsize, Ordering};
use ::std::sync::mpsc;
use ::std::task::{Context, Poll, RawWaker, RawWakerVTable, Wake, Waker};
use ::std::thread;
use ::std::time::Duration;
use tokio::time::{sleep, timeout};

/// How long a test waits for something that takes a free thread microseconds: waiting this
/// long means it is blocked.
const PATIENCE: Duration = Duration::from_secs(4);

#[derive(Debug, PartialEq)]
struct Courier(&'static str);

/// A task's waker that counts what the slot does with it: copies, wakes, copies let go.
struct Probe {
    counts: Arc<Counts>,
    waker: Waker,
}

#[derive(Default)]
struct Counts {
    clones: AtomicUsize,
    wakes: AtomicUsize,
    drops: AtomicUsize,
}

static VTABLE: RawWakerVTable = RawWakerVTable::new(clone_raw, wake_raw, wake_by_ref_raw, drop_raw);

fn counts_of(data: *const ()) -> &'static Counts {
    // SAFETY: `data` comes from `Arc::into_raw` of an `Arc<Counts>` that every waker sharing
    // this data keeps alive (each holds one strong count).
    unsafe { &*data.cast::<Counts>() }
}

unsafe fn clone_raw(data: *const ()) -> RawWaker {
    counts_of(data).clones.fetch_add(1, Ordering::SeqCst);
    // SAFETY: the waker being cloned holds a strong count, so the Arc is alive.
    unsafe { Arc::increment_strong_count(data.cast::<Counts>()) };
    RawWaker::new(data, &VTABLE)
}

unsafe fn wake_raw(data: *const ()) {
    // SAFETY: waking by value consumes the waker, as dropping it does.
    unsafe {
        wake_by_ref_raw(data);
        drop_raw(data);
    }
}

unsafe fn wake_by_ref_raw(data: *const ()) {
    counts_of(data).wakes.fetch_add(1, Ordering::SeqCst);
}

unsafe fn drop_raw(data: *const ()) {
    counts_of(data).drops.fetch_add(1, Ordering::SeqCst);
    // SAFETY: the waker being dropped gives back the strong count it held.
    unsafe { Arc::decrement_strong_count(data.cast::<Counts>()) };
}

impl Probe {
    fn new() -> Self {
        let counts = Arc::new(Counts::default());
        let data = Arc::into_raw(Arc::clone(&counts)).cast::<()>();
        // SAFETY: the vtable's functions keep the contract of `RawWaker` for this data.
        let waker = unsafe { Waker::from_raw(RawWaker::new(data, &VTABLE)) };
        Probe { counts, waker }
    }

    fn poll<T>(&self, reply: &mut Reply<T>) -> Poll<Result<T, Gone>> {
        Pin::new(reply).poll(&mut Context::from_waker(&self.waker))
    }

    fn clones(&self) -> usize {
        self.counts.clones.load(Ordering::SeqCst)
    }

    fn wakes(&self) -> usize {
        self.counts.wakes.load(Ordering::SeqCst)
    }

    /// Copies of this task's waker that someone still keeps.
    fn kept(&self) -> usize {
        self.clones() - self.counts.drops.load(Ordering::SeqCst)
    }
}

/// A handler task that was aborted: it lives only as long as its wakers, and when it is woken
/// or its last waker goes, its executor drops its future (and the reply inside) on the spot.
struct AbortedHandler {
    reply: Mutex<Option<Reply<Courier>>>,
}

impl Wake for AbortedHandler {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let reply = self.reply.lock().unwrap().take();
        drop(reply);
    }
}

/// An aborted handler whose reply was polled once; the only thing keeping it alive is the
/// waker its reply left in the slot.
fn aborted_handler(mut reply: Reply<Courier>) -> ::std::sync::Weak<AbortedHandler> {
    let task = Arc::new(AbortedHandler {
        reply: Mutex::new(None),
    });
    let waker = Waker::from(Arc::clone(&task));
    let first = Pin::new(&mut reply).poll(&mut Context::from_waker(&waker));
    assert!(
        first.is_pending(),
        "nothing was sent, but the reply was ready"
    );
    *task.reply.lock().unwrap() = Some(reply);
    Arc::downgrade(&task)
}

/// A handler on an executor that polls a task the moment it is woken, on the waking thread.
struct PolledOnWake {
    reply: Mutex<Option<Reply<Courier>>>,
    outcome: Mutex<Option<Result<Courier, Gone>>>,
}

impl Wake for PolledOnWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // A wake from inside its own poll only asks for another poll, which this one is.
        let Ok(mut reply) = self.reply.try_lock() else {
            return;
        };
        let waker = Waker::from(Arc::clone(self));
        let Some(pending) = reply.as_mut() else {
            return;
        };
        if let Poll::Ready(outcome) = Pin::new(pending).poll(&mut Context::from_waker(&waker)) {
            *self.outcome.lock().unwrap() = Some(outcome);
            *reply = None;
        }
    }
}

/// A handler polled on waking, that has polled its reply once.
fn polled_on_wake(reply: Reply<Courier>) -> Arc<PolledOnWake> {
    let task = Arc::new(PolledOnWake {
        reply: Mutex::new(Some(reply)),
        outcome: Mutex::new(None),
    });
    task.wake_by_ref();
    assert!(
        task.outcome.lock().unwrap().is_none(),
        "nothing was sent, but the reply was ready"
    );
    task
}

/// Runs `f` on its own thread; fails with `what` if it has not returned within `PATIENCE`.
fn finishes<R: Send + 'static>(what: &str, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(PATIENCE) {
        Ok(result) => result,
        Err(_) => panic!("{what} never returned (blocked for {PATIENCE:?}, or it panicked)"),
    }
}

#[test]
fn the_api_is_unchanged() {
    let _: fn() -> (Responder<Courier>, Reply<Courier>) = reply_slot::<Courier>;
    let _: fn(Responder<Courier>, Courier) -> Result<(), Courier> = Responder::send;
    fn future<F: Future<Output = Result<Courier, Gone>> + Unpin + Send>() {}
    future::<Reply<Courier>>();
    fn to_another_thread<T: Send>() {}
    to_another_thread::<Responder<Courier>>();
}

#[test]
fn an_answer_wakes_the_task_that_waits_now() {
    let (responder, mut reply) = reply_slot();
    let handler = Probe::new();
    let background = Probe::new();
    assert!(handler.poll(&mut reply).is_pending());
    assert!(background.poll(&mut reply).is_pending());
    responder.send(Courier("Ada")).unwrap();
    assert_eq!(
        background.wakes(),
        1,
        "the dispatcher answered, but the background task now waiting for the reply was not \
         woken ({} wakes went to the handler that polled it first)",
        handler.wakes()
    );
    assert_eq!(background.poll(&mut reply), Poll::Ready(Ok(Courier("Ada"))));
}

#[test]
fn a_reply_polled_again_by_the_same_task_keeps_its_copy_of_the_waker() {
    let (responder, mut reply) = reply_slot();
    let monitor = Probe::new();
    for _ in 0..100 {
        assert!(monitor.poll(&mut reply).is_pending());
    }
    assert_eq!(
        monitor.clones(),
        1,
        "the monitor polled one reply 100 times, and the reply copied the monitor's waker {} \
         times",
        monitor.clones()
    );
    assert_eq!(
        monitor.wakes(),
        0,
        "nothing was sent, yet polling the reply woke the monitor: a task woken for nothing is \
         polled again for nothing, and the monitor never rests"
    );
    // A background task takes the reply over, then the monitor gets it back.
    let background = Probe::new();
    for _ in 0..10 {
        assert!(background.poll(&mut reply).is_pending());
    }
    assert_eq!(
        background.clones(),
        1,
        "a background task now waits for the reply, and the slot took {} copies of its waker",
        background.clones()
    );
    assert_eq!(
        monitor.kept(),
        0,
        "another task waits for the reply now, but the slot still keeps the monitor's waker"
    );
    for _ in 0..10 {
        assert!(monitor.poll(&mut reply).is_pending());
    }
    assert_eq!(monitor.clones(), 2);
    assert_eq!((monitor.kept(), background.kept()), (1, 0));
    responder.send(Courier("Bo")).unwrap();
    assert_eq!(
        background.wakes(),
        0,
        "the answer woke a task that no longer waits"
    );
    assert!(monitor.wakes() >= 1, "the answer did not wake the monitor");
    assert_eq!(monitor.poll(&mut reply), Poll::Ready(Ok(Courier("Bo"))));
}

#[tokio::test(start_paused = true)]
async fn a_reply_handed_to_a_background_task_finishes_there() {
    for name in ["Cy", "Dee", "Eli"] {
        let (responder, mut reply) = reply_slot();
        tokio::select! {
            biased;
            _ = sleep(Duration::from_millis(300)) => {}
            early = &mut reply => panic!("nothing was sent, but the reply gave {early:?}"),
        }
        let polled = Arc::new(AtomicUsize::new(0));
        let background = tokio::spawn({
            let polled = Arc::clone(&polled);
            async move {
                polled.fetch_add(1, Ordering::SeqCst);
                reply.await
            }
        });
        while polled.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        responder.send(Courier(name)).unwrap();
        let finished = timeout(Duration::from_secs(60), background).await;
        assert!(
            finished.is_ok(),
            "the dispatcher answered {name}'s order, but the background task waiting for the \
             reply never finished"
        );
        assert_eq!(finished.unwrap().unwrap(), Ok(Courier(name)));
    }
}

#[test]
fn a_responder_dropped_without_answering_wakes_its_handler_with_gone() {
    let (responder, mut reply) = reply_slot::<Courier>();
    let handler = Probe::new();
    assert!(handler.poll(&mut reply).is_pending());
    drop(responder);
    assert_eq!(
        handler.wakes(),
        1,
        "the dispatcher went away without answering, and the handler waiting for it was not \
         woken"
    );
    assert_eq!(handler.poll(&mut reply), Poll::Ready(Err(Gone)));
    assert_eq!(
        handler.kept(),
        0,
        "the slot still keeps the handler's waker"
    );

    // Gone before the handler even looked.
    let (responder, mut reply) = reply_slot::<Courier>();
    drop(responder);
    assert_eq!(Probe::new().poll(&mut reply), Poll::Ready(Err(Gone)));
}

#[test]
fn an_answer_sent_stays_the_answer() {
    let (responder, mut reply) = reply_slot();
    let handler = Probe::new();
    assert!(handler.poll(&mut reply).is_pending());
    assert_eq!(responder.send(Courier("Fay")), Ok(()));
    assert!(
        handler.wakes() >= 1,
        "the answer came, but nobody woke the handler"
    );
    assert_eq!(
        handler.poll(&mut reply),
        Poll::Ready(Ok(Courier("Fay"))),
        "the dispatcher answered Fay, and the handler must get Fay"
    );

    // Answered before the handler even looked.
    let (responder, mut reply) = reply_slot();
    assert_eq!(responder.send(Courier("Gus")), Ok(()));
    assert_eq!(
        Probe::new().poll(&mut reply),
        Poll::Ready(Ok(Courier("Gus"))),
        "the dispatcher answered Gus, and the handler must get Gus"
    );
}

#[test]
fn a_handler_that_gives_up_gets_its_courier_sent_back() {
    let (responder, mut reply) = reply_slot();
    let handler = Probe::new();
    assert!(handler.poll(&mut reply).is_pending());
    drop(reply);
    assert_eq!(
        handler.kept(),
        0,
        "the handler gave up, but the slot still keeps its waker (and with it, its task)"
    );
    assert_eq!(responder.send(Courier("Hal")), Err(Courier("Hal")));
    assert_eq!(handler.wakes(), 0);
}

#[test]
fn send_returns_when_the_handler_it_wakes_was_aborted() {
    let (responder, reply) = reply_slot();
    let handler = aborted_handler(reply);
    let sent = finishes("`send` to an aborted handler", move || {
        responder.send(Courier("Ivy"))
    });
    assert_eq!(sent, Ok(()));
    assert_eq!(
        handler.strong_count(),
        0,
        "the aborted handler is still alive after the answer: it was never woken"
    );
}

#[test]
fn a_responder_dropped_on_an_aborted_handler_returns() {
    let (responder, reply) = reply_slot();
    let handler = aborted_handler(reply);
    finishes("dropping the responder of an aborted handler", move || {
        drop(responder)
    });
    assert_eq!(
        handler.strong_count(),
        0,
        "the dispatcher went away, but the aborted handler waiting for it is still alive: it \
         was never woken"
    );
}

#[test]
fn a_handler_polled_the_moment_it_is_woken_gets_its_answer() {
    let (responder, reply) = reply_slot();
    let handler = polled_on_wake(reply);
    let sent = finishes("`send` to a handler polled on waking", move || {
        responder.send(Courier("Jo"))
    });
    assert_eq!(sent, Ok(()));
    assert_eq!(
        handler.outcome.lock().unwrap().take(),
        Some(Ok(Courier("Jo"))),
        "the answer was sent and the handler was woken and polled at once, but it did not get \
         the answer, and nobody woke it again"
    );

    let (responder, reply) = reply_slot();
    let handler = polled_on_wake(reply);
    finishes(
        "dropping the responder of a handler polled on waking",
        move || drop(responder),
    );
    assert_eq!(
        handler.outcome.lock().unwrap().take(),
        Some(Err(Gone)),
        "the dispatcher went away and the handler was woken and polled at once, but its reply \
         was not ready, and nobody woke it again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_from_the_dispatcher_thread_reach_their_handlers() {
    let (orders, desk) = mpsc::channel::<(usize, Responder<usize>)>();
    // Answers orders in turn; crashes (dropping the responders it holds) at order 300.
    let dispatcher = thread::spawn(move || {
        let mut held = Vec::new();
        for (order, responder) in desk {
            if order >= 300 {
                held.push(responder);
                if held.len() == 50 {
                    return;
                }
            } else if let Err(back) = responder.send(order * 10) {
                panic!("order {order}'s handler gave up, but none does here: {back}");
            }
        }
    });
    let mut handlers = Vec::new();
    for order in 0..350 {
        let (responder, reply) = reply_slot();
        orders.send((order, responder)).unwrap();
        handlers.push(tokio::spawn(async move {
            tokio::task::yield_now().await;
            timeout(PATIENCE, reply).await
        }));
    }
    for (order, handler) in handlers.into_iter().enumerate() {
        let answer = handler.await.unwrap().unwrap_or_else(|_| {
            panic!("order {order}'s handler still waits for the dispatcher after {PATIENCE:?}")
        });
        let expected = if order < 300 {
            Ok(order * 10)
        } else {
            Err(Gone)
        };
        assert_eq!(answer, expected, "order {order}");
    }
    dispatcher.join().unwrap();
}
