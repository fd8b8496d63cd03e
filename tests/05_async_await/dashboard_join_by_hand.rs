use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::future::Future;
use ::std::pin::Pin;

use ::std::sync::Arc;
use ::std::sync::atomic::{AtomicUsize, Ordering};
use ::std::task::{Context, Poll, Wake, Waker};
use ::std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{Instant, sleep};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A future that is ready at its `needed`-th poll (waking its task after every other one),
/// counts its polls, and panics if it is polled once it is done.
struct Steps {
    needed: usize,
    polls: Arc<AtomicUsize>,
    label: &'static str,
}

impl Future for Steps {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        let polls = self.polls.fetch_add(1, Ordering::SeqCst) + 1;
        assert!(
            polls <= self.needed,
            "the {} future was polled again after it returned Ready",
            self.label
        );
        if polls == self.needed {
            return Poll::Ready(self.label);
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn steps(needed: usize, label: &'static str) -> (Steps, Arc<AtomicUsize>) {
    let polls = Arc::new(AtomicUsize::new(0));
    let future = Steps {
        needed,
        polls: Arc::clone(&polls),
        label,
    };
    (future, polls)
}

/// Polls `inner`, and fails the test if that takes more than `max` polls: a future that only
/// waits for timers needs a handful, one polled in a busy loop needs thousands (and keeps
/// the paused clock from ever moving on).
struct Budget<F> {
    inner: Pin<Box<F>>,
    polls: usize,
    max: usize,
}

impl<F: Future> Future for Budget<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.polls += 1;
        assert!(
            self.polls <= self.max,
            "join2 was polled {} times without finishing: it asks to be polled again at once \
             instead of waiting for its futures to wake it",
            self.polls
        );
        self.inner.as_mut().poll(cx)
    }
}

fn budget<F: Future>(inner: F, max: usize) -> Budget<F> {
    Budget {
        inner: Box::pin(inner),
        polls: 0,
        max,
    }
}

#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[tokio::test(start_paused = true)]
async fn the_dashboard_takes_as_long_as_the_slower_panel() {
    for (sales, stock) in [(300, 200), (120, 450), (250, 250), (0, 80)] {
        let start = Instant::now();
        let (a, b) = budget(
            join2(
                async {
                    sleep(ms(sales)).await;
                    "sales: 1 204 orders"
                },
                async {
                    sleep(ms(stock)).await;
                    vec![17_u32, 0, 5]
                },
            ),
            100,
        )
        .await;
        let took = start.elapsed();
        assert_eq!((a, b), ("sales: 1 204 orders", vec![17, 0, 5]));
        let slower = ms(sales.max(stock));
        assert!(
            took >= slower && took < slower + ms(5),
            "panels of {sales} ms and {stock} ms took {took:?}: they must load at the same \
             time, in {slower:?}"
        );
    }
}

#[tokio::test]
async fn a_finished_future_is_never_polled_again() {
    for (first, second) in [(1, 6), (6, 1), (3, 3), (2, 9)] {
        let (a, a_polls) = steps(first, "sales");
        let (b, b_polls) = steps(second, "stock");
        assert_eq!(join2(a, b).await, ("sales", "stock"));
        assert_eq!(a_polls.load(Ordering::SeqCst), first);
        assert_eq!(b_polls.load(Ordering::SeqCst), second);
    }
}

#[test]
fn the_first_poll_polls_both_futures() {
    let (a, a_polls) = steps(5, "sales");
    let (b, b_polls) = steps(2, "stock");
    let mut joined = join2(a, b);
    let mut cx = Context::from_waker(Waker::noop());
    assert!(Pin::new(&mut joined).poll(&mut cx).is_pending());
    assert_eq!(
        (
            a_polls.load(Ordering::SeqCst),
            b_polls.load(Ordering::SeqCst)
        ),
        (1, 1),
        "one poll of Join2 must poll each future once"
    );
    // The stock future is done at its second poll, and never polled again after that.
    for poll in 2..=4 {
        assert!(Pin::new(&mut joined).poll(&mut cx).is_pending());
        assert_eq!(a_polls.load(Ordering::SeqCst), poll);
    }
    assert_eq!(b_polls.load(Ordering::SeqCst), 2);
    assert_eq!(
        Pin::new(&mut joined).poll(&mut cx),
        Poll::Ready(("sales", "stock"))
    );
}

#[test]
fn the_second_future_can_wake_the_task() {
    // The stock panel's answer comes first, while the sales panel is still waiting.
    let (sales_tx, sales_rx) = oneshot::channel::<u32>();
    let (stock_tx, stock_rx) = oneshot::channel::<u32>();
    let mut joined = join2(sales_rx, stock_rx);
    let wakes = Arc::new(CountingWaker::default());
    let waker = Waker::from(Arc::clone(&wakes));
    let mut cx = Context::from_waker(&waker);
    assert!(Pin::new(&mut joined).poll(&mut cx).is_pending());
    stock_tx.send(42).unwrap();
    assert_eq!(
        wakes.0.load(Ordering::SeqCst),
        1,
        "the stock panel's answer arrived but nobody woke the task: the stock future was \
         never polled, so it never saw the waker"
    );
    assert!(Pin::new(&mut joined).poll(&mut cx).is_pending());
    sales_tx.send(7).unwrap();
    assert_eq!(wakes.0.load(Ordering::SeqCst), 2);
    match Pin::new(&mut joined).poll(&mut cx) {
        Poll::Ready((Ok(sales), Ok(stock))) => assert_eq!((sales, stock), (7, 42)),
        other => panic!("expected both answers, got {other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn both_run_on_the_calling_task() {
    let metrics = ::tokio::runtime::Handle::current().metrics();
    let before = metrics.num_alive_tasks();
    let local = ::std::rc::Rc::new(5_u32); // Not Send: neither future can be spawned.
    let mut joined = join2(
        async {
            sleep(ms(10)).await;
            *local
        },
        async {
            sleep(ms(20)).await;
            *local * 2
        },
    );
    let first = ::std::future::poll_fn(|cx| Poll::Ready(Pin::new(&mut joined).poll(cx))).await;
    assert!(first.is_pending());
    assert_eq!(
        metrics.num_alive_tasks(),
        before,
        "join2 started Tokio tasks"
    );
    assert_eq!(budget(joined, 100).await, (5, 10));
}
