use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::future::Future;
use std::marker::{Send, Sync};
use std::mem::drop;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::time::Instant;

const LATENCY: Duration = Duration::from_millis(400);

/// How long (of paused time, which jumps ahead when every task is waiting) a test waits for a
/// quote before it calls it stuck: a hundred fetches' worth.
const PATIENCE: Duration = Duration::from_secs(40);

/// A market whose prices move with each fetch: `base + 7 * fetch` cents, where `fetch` counts
/// from 1. Also returns the fetch counter.
fn moving_market(bases: &[(&str, u64)]) -> (Market, Arc<AtomicU64>) {
    let fetches = Arc::new(AtomicU64::new(0));
    let bases: Vec<(String, u64)> = bases.iter().map(|&(s, b)| (s.to_owned(), b)).collect();
    let counter = Arc::clone(&fetches);
    let market: Market = Box::new(move || {
        let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
        bases
            .iter()
            .map(|(symbol, base)| (symbol.clone(), base + 7 * n))
            .collect()
    });
    (market, fetches)
}

async fn quote_within(desk: &QuoteDesk, symbol: &str) -> Option<u64> {
    match tokio::time::timeout(PATIENCE, desk.quote(symbol)).await {
        Ok(price) => price,
        Err(_) => panic!(
            "quote({symbol:?}) never returned: {PATIENCE:?} of (paused) time passed with every \
             task idle"
        ),
    }
}

#[tokio::test(start_paused = true)]
async fn the_api_is_unchanged() {
    let _: fn(Market, Duration) -> QuoteDesk = QuoteDesk::open;
    fn shared<T: Send + Sync>(_: &T) {}
    fn sendable<T: Send>(_: &T) {}
    let (market, _) = moving_market(&[]);
    let desk = QuoteDesk::open(market, LATENCY);
    shared(&desk);
    let quoting = desk.quote("ACME");
    sendable(&quoting);
    drop(quoting);
    let caching = desk.cached("ACME");
    sendable(&caching);
}

#[tokio::test(start_paused = true)]
async fn a_miss_asks_the_feed_once_then_hits() {
    let (market, fetches) = moving_market(&[("ACME", 1000), ("INIT", 250)]);
    let desk = QuoteDesk::open(market, LATENCY);
    let start = Instant::now();
    assert_eq!(quote_within(&desk, "INIT").await, Some(257));
    assert_eq!(start.elapsed(), LATENCY, "a miss takes one fetch");
    assert_eq!(desk.cached("INIT").await, Some(257));
    let start = Instant::now();
    assert_eq!(quote_within(&desk, "INIT").await, Some(257));
    assert_eq!(
        start.elapsed(),
        Duration::ZERO,
        "a hit does not wait for the feed"
    );
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    assert_eq!(quote_within(&desk, "ACME").await, Some(1014));
    assert_eq!(fetches.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn an_unknown_symbol_is_not_cached() {
    let (market, fetches) = moving_market(&[("ACME", 1000)]);
    let desk = QuoteDesk::open(market, LATENCY);
    assert_eq!(quote_within(&desk, "NOPE").await, None);
    assert_eq!(quote_within(&desk, "NOPE").await, None);
    assert_eq!(desk.cached("NOPE").await, None);
    assert_eq!(fetches.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn a_miss_refreshes_the_cache_before_it_returns() {
    let (market, _) = moving_market(&[("ACME", 1000), ("INIT", 250), ("ORBT", 40)]);
    let desk = QuoteDesk::open(market, LATENCY);
    assert_eq!(quote_within(&desk, "ACME").await, Some(1007));
    assert_eq!(quote_within(&desk, "INIT").await, Some(264));
    assert_eq!(
        desk.cached("ACME").await,
        Some(1014),
        "when a quote from the feed returns, the feed has refreshed the cache with the same \
         fetch"
    );
    assert_eq!(quote_within(&desk, "ORBT").await, Some(61));
    assert_eq!(
        (desk.cached("ACME").await, desk.cached("INIT").await),
        (Some(1021), Some(271))
    );
}

#[tokio::test(start_paused = true)]
async fn a_slow_asker_never_puts_an_old_price_in_the_cache() {
    let (market, fetches) = moving_market(&[("ACME", 1000), ("INIT", 250), ("ORBT", 40)]);
    let desk = QuoteDesk::open(market, LATENCY);
    // The asker of ACME is polled once (it sends its request), and then not again until the
    // feed has answered it and fetched at least once more, for others: a task slow to be run
    // again.
    let mut slow = Box::pin(desk.quote("ACME"));
    let first = std::future::poll_fn(|cx| ::std::task::Poll::Ready(slow.as_mut().poll(cx))).await;
    assert!(
        first.is_pending(),
        "ACME was not cached: its quote must wait for the feed"
    );
    assert!(quote_within(&desk, "INIT").await.is_some());
    assert!(quote_within(&desk, "ORBT").await.is_some());
    let made = fetches.load(Ordering::SeqCst);
    assert!(
        made >= 2,
        "INIT and ORBT were asked for one after the other"
    );
    let price = tokio::time::timeout(PATIENCE, slow)
        .await
        .expect("quote(\"ACME\") never returned");
    assert_eq!(
        price,
        Some(1007),
        "ACME's quote gets the price of the fetch it asked for"
    );
    let latest = 1000 + 7 * made;
    assert_eq!(
        desk.cached("ACME").await,
        Some(latest),
        "the feed had made fetch {made} (ACME at {latest}) before the slow asker of ACME ran \
         again: from then on the cache must hold ACME at {latest} (None: the price a miss got \
         was not cached; 1007: a price from fetch 1 was written after a later fetch)"
    );
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        made,
        "ACME was already fetched for"
    );
    assert_eq!(quote_within(&desk, "ACME").await, Some(latest));
    assert_eq!(quote_within(&desk, "NOPE").await, None);
    assert_eq!(desk.cached("ACME").await, Some(latest + 7));
}

#[tokio::test(start_paused = true)]
async fn askers_of_one_symbol_at_once_share_its_fetch() {
    let (market, fetches) = moving_market(&[("ACME", 1000), ("INIT", 250)]);
    let desk = QuoteDesk::open(market, LATENCY);
    let (a, b, c, d) = tokio::join!(
        quote_within(&desk, "ACME"),
        quote_within(&desk, "ACME"),
        quote_within(&desk, "INIT"),
        quote_within(&desk, "ACME"),
    );
    let made = fetches.load(Ordering::SeqCst);
    assert!(
        made <= 2,
        "three quotes of ACME and one of INIT, asked at the same time, cost {made} fetches: the \
         market bills each one, and a symbol is fetched once however many ask for it at once"
    );
    for (price, base) in [(a, 1000), (b, 1000), (c, 250), (d, 1000)] {
        let price = price.expect("every symbol asked for is known");
        assert!(
            price > base && (price - base) % 7 == 0 && (price - base) / 7 <= made,
            "{price} is no price the market gave"
        );
    }
    assert_eq!(
        (desk.cached("ACME").await, desk.cached("INIT").await),
        (Some(1000 + 7 * made), Some(250 + 7 * made))
    );
    assert_eq!(quote_within(&desk, "ACME").await, Some(1000 + 7 * made));
    assert_eq!(fetches.load(Ordering::SeqCst), made);
}

#[tokio::test(start_paused = true)]
async fn an_asker_that_gives_up_leaves_the_others_their_fetch() {
    let (market, fetches) = moving_market(&[("ACME", 1000), ("INIT", 250)]);
    let desk = Arc::new(QuoteDesk::open(market, LATENCY));
    let impatient = tokio::spawn({
        let desk = Arc::clone(&desk);
        async move {
            tokio::time::timeout(LATENCY * 3 / 4, desk.quote("ACME"))
                .await
                .ok()
        }
    });
    // The second asker comes while the fetch for the first is under way; the first gives up
    // before that fetch ends.
    tokio::time::sleep(LATENCY / 2).await;
    let patient = tokio::spawn({
        let desk = Arc::clone(&desk);
        async move { quote_within(&desk, "ACME").await }
    });
    assert_eq!(impatient.await.unwrap(), None, "no fetch ends this early");
    let price = patient.await.unwrap();
    let made = fetches.load(Ordering::SeqCst);
    assert_eq!(
        made, 1,
        "ACME was asked for twice while one fetch was under way, and the first asker gave up \
         before it ended: that fetch still got ACME's price, but the market was billed {made} \
         fetches"
    );
    assert_eq!(
        price,
        Some(1007),
        "the second asker gets the price of the one fetch"
    );
    assert_eq!(desk.cached("ACME").await, Some(1007));
    assert_eq!(quote_within(&desk, "INIT").await, Some(264));
    assert_eq!(desk.cached("ACME").await, Some(1014));
}

#[tokio::test(start_paused = true)]
async fn hits_are_answered_while_a_fetch_is_under_way() {
    let (market, fetches) = moving_market(&[("ACME", 1000), ("INIT", 250)]);
    let desk = Arc::new(QuoteDesk::open(market, LATENCY));
    assert_eq!(quote_within(&desk, "ACME").await, Some(1007));
    let miss = tokio::spawn({
        let desk = Arc::clone(&desk);
        async move { quote_within(&desk, "INIT").await }
    });
    // Let the miss reach the feed (no time passes while tasks are ready to run).
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    let start = Instant::now();
    let hit = tokio::time::timeout(LATENCY / 2, desk.quote("ACME")).await;
    assert_eq!(
        hit.ok(),
        Some(Some(1007)),
        "a hit had to wait while another quote was waiting for the feed"
    );
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(miss.await.unwrap(), Some(264));
    assert_eq!(fetches.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn concurrent_misses_all_return() {
    let (market, fetches) = moving_market(&[("ACME", 1000), ("INIT", 250), ("ORBT", 40)]);
    let desk = QuoteDesk::open(market, LATENCY);
    let (a, b, c) = tokio::join!(
        quote_within(&desk, "ACME"),
        quote_within(&desk, "INIT"),
        quote_within(&desk, "ORBT"),
    );
    let made = fetches.load(Ordering::SeqCst);
    assert!((1..=3).contains(&made), "three misses cost {made} fetches");
    for (price, base) in [(a, 1000), (b, 250), (c, 40)] {
        let price = price.expect("every symbol is known");
        assert!(
            price > base && (price - base) % 7 == 0 && (price - base) / 7 <= made,
            "{price} is no price the market gave"
        );
    }
    for (symbol, base) in [("ACME", 1000), ("INIT", 250), ("ORBT", 40)] {
        assert_eq!(
            desk.cached(symbol).await,
            Some(base + 7 * made),
            "{symbol} is cached, refreshed by the last fetch"
        );
    }
}

/// Code to run at the very moment a future is woken, inside whichever task wakes it.
type AtWake = Arc<dyn Fn() + Send + Sync>;

/// A waker that runs `at_wake`, then wakes the task that polled `Watched`.
struct Probe {
    task: ::std::task::Waker,
    at_wake: AtWake,
}

impl ::std::task::Wake for Probe {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        (self.at_wake)();
        self.task.wake_by_ref();
    }
}

/// A future that polls `inner` with a `Probe`, so that `at_wake` runs each time `inner` is
/// woken: for a quote, when the feed's answer arrives, before the asker runs again.
struct Watched<F> {
    inner: ::std::pin::Pin<Box<F>>,
    at_wake: AtWake,
}

impl<F: Future> Future for Watched<F> {
    type Output = F::Output;

    fn poll(
        self: ::std::pin::Pin<&mut Self>,
        cx: &mut ::std::task::Context<'_>,
    ) -> ::std::task::Poll<F::Output> {
        let this = self.get_mut();
        let probe = ::std::task::Waker::from(Arc::new(Probe {
            task: cx.waker().clone(),
            at_wake: Arc::clone(&this.at_wake),
        }));
        this.inner
            .as_mut()
            .poll(&mut ::std::task::Context::from_waker(&probe))
    }
}

#[tokio::test(start_paused = true)]
async fn the_feed_refreshes_the_cache_before_it_answers() {
    let (market, fetches) = moving_market(&[("ACME", 1000), ("INIT", 250)]);
    let desk = Arc::new(QuoteDesk::open(market, LATENCY));
    assert_eq!(quote_within(&desk, "ACME").await, Some(1007));
    // Each time the miss below is woken (by the feed's answer), look at the cache at that
    // very moment, and note which fetch the market has made last. If the cache is locked
    // then, nobody can see it either, and there is nothing to note.
    let seen = Arc::new(::std::sync::Mutex::new(Vec::new()));
    let at_wake: AtWake = Arc::new({
        let (desk, fetches, seen) = (Arc::clone(&desk), Arc::clone(&fetches), Arc::clone(&seen));
        move || {
            let fetch = fetches.load(Ordering::SeqCst);
            let mut cached = ::std::pin::pin!(desk.cached("ACME"));
            let mut cx = ::std::task::Context::from_waker(::std::task::Waker::noop());
            if let ::std::task::Poll::Ready(price) = cached.as_mut().poll(&mut cx) {
                seen.lock().unwrap().push((fetch, price));
            }
        }
    });
    let miss = Watched {
        inner: Box::pin(desk.quote("INIT")),
        at_wake,
    };
    let price = tokio::time::timeout(PATIENCE, miss)
        .await
        .expect("quote(\"INIT\") never returned");
    assert_eq!(price, Some(264));
    for &(fetch, acme) in seen.lock().unwrap().iter() {
        assert_eq!(
            acme,
            Some(1000 + 7 * fetch),
            "when the asker of INIT was woken, the market had made fetch {fetch}, but the \
             cache still held ACME from an older fetch: the feed answered before it refreshed \
             the cache. Keep the feed's order: refresh, then answer"
        );
    }
}
