use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::marker::Send;
use ::tokio;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use ::std::future::Future;
use ::std::pin::pin;
use ::std::task::{Context, Poll, Waker};
use tokio::time::Instant;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn expected_price(sku: &str) -> u32 {
    sku.bytes().map(u32::from).sum::<u32>() * 7 % 10_000 + 99
}

fn assert_send<T: Send>(_: &T) {}

#[test]
fn the_signatures_stay() {
    let _: fn(Duration) -> PriceCache = PriceCache::new;
    let _: fn(&PriceCache) -> usize = PriceCache::fetches;
    let cache = PriceCache::new(ms(1));
    let lookup = cache.price("SKU-1");
    assert_send(&lookup);
    let _: &dyn Future<Output = u32> = &lookup;
}

#[tokio::test(start_paused = true)]
async fn a_miss_asks_the_service_once_then_the_cache_answers() {
    let cache = PriceCache::new(ms(250));
    let start = Instant::now();
    assert_eq!(cache.price("TEA-GREEN").await, expected_price("TEA-GREEN"));
    assert_eq!(start.elapsed(), ms(250));
    let start = Instant::now();
    assert_eq!(cache.price("TEA-GREEN").await, expected_price("TEA-GREEN"));
    assert_eq!(
        start.elapsed(),
        ms(0),
        "a cached price must not wait for the service"
    );
    assert_eq!(cache.fetches(), 1);
    assert_eq!(cache.price("TEA-BLACK").await, expected_price("TEA-BLACK"));
    assert_eq!(cache.fetches(), 2);
}

#[tokio::test(start_paused = true)]
async fn warm_up_looks_everything_up_at_once() {
    let cache = Arc::new(PriceCache::new(ms(400)));
    let skus = ["MUG-01", "MUG-02", "PLATE-7", "BOWL-3", "SPOON", "FORK"];
    let start = Instant::now();
    let prices = warm_up(Arc::clone(&cache), &skus).await;
    let took = start.elapsed();
    let expected: Vec<u32> = skus.iter().map(|sku| expected_price(sku)).collect();
    assert_eq!(prices, expected);
    assert!(
        took < ms(405),
        "six lookups of 400 ms each took {took:?}: they must run at the same time"
    );
    assert_eq!(cache.fetches(), 6);
    // Everything is cached now.
    assert_eq!(warm_up(Arc::clone(&cache), &skus[..3]).await, expected[..3]);
    assert_eq!(cache.fetches(), 6);
}

#[tokio::test(start_paused = true)]
async fn a_slow_answer_does_not_hold_up_other_lookups() {
    let cache = Arc::new(PriceCache::new(ms(1_000)));
    assert_eq!(cache.price("CACHED").await, expected_price("CACHED"));
    let slow = {
        let cache = Arc::clone(&cache);
        tokio::spawn(async move { cache.price("SLOW").await })
    };
    // Let the slow lookup start and reach the pricing service.
    while cache.fetches() < 2 {
        tokio::task::yield_now().await;
    }
    assert!(
        cache.prices.try_lock().is_ok(),
        "the price map is locked while the pricing service answers"
    );
    let start = Instant::now();
    assert_eq!(cache.price("CACHED").await, expected_price("CACHED"));
    assert_eq!(
        start.elapsed(),
        ms(0),
        "a cache hit waited for another product's fetch"
    );
    assert_eq!(slow.await.unwrap(), expected_price("SLOW"));
}

#[tokio::test]
async fn a_cache_hit_does_not_allocate() {
    let cache = PriceCache::new(ms(0));
    assert_eq!(cache.price("LAMP-XL").await, expected_price("LAMP-XL"));
    for round in 0..3 {
        let (poll, count) = counting::allocations(|| {
            let mut lookup = pin!(cache.price("LAMP-XL"));
            lookup
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
        });
        assert_eq!(poll, Poll::Ready(expected_price("LAMP-XL")));
        assert_eq!(count, 0, "a cache hit allocated (round {round})");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_multi_threaded_runtime() {
    let cache = Arc::new(PriceCache::new(ms(0)));
    let skus: Vec<String> = (0..40).map(|i| format!("BOLT-{i}")).collect();
    let names: Vec<&str> = skus.iter().map(String::as_str).collect();
    let first = warm_up(Arc::clone(&cache), &names).await;
    let again = warm_up(Arc::clone(&cache), &names).await;
    let expected: Vec<u32> = names.iter().map(|sku| expected_price(sku)).collect();
    assert_eq!(first, expected);
    assert_eq!(again, expected);
    assert_eq!(cache.fetches(), 40);
    // Twenty lookups of one new product, on two threads: one of them asks the service.
    let cache = Arc::new(PriceCache::new(ms(50)));
    let nuts = warm_up(Arc::clone(&cache), &["NUT-M6"; 20]).await;
    assert_eq!(nuts, vec![expected_price("NUT-M6"); 20]);
    assert_eq!(cache.fetches(), 1, "20 overlapping lookups of one product");
}

fn spawn_lookup(cache: &Arc<PriceCache>, sku: &'static str) -> tokio::task::JoinHandle<u32> {
    let cache = Arc::clone(cache);
    tokio::spawn(async move { cache.price(sku).await })
}

#[tokio::test(start_paused = true)]
async fn overlapping_lookups_of_one_product_ask_the_service_once() {
    let cache = Arc::new(PriceCache::new(ms(300)));
    let start = Instant::now();
    let lookups: Vec<_> = (0..5).map(|_| spawn_lookup(&cache, "KETTLE")).collect();
    for lookup in lookups {
        assert_eq!(lookup.await.unwrap(), expected_price("KETTLE"));
    }
    assert_eq!(
        cache.fetches(),
        1,
        "five lookups of one product at the same time asked the pricing service {} times",
        cache.fetches()
    );
    assert_eq!(start.elapsed(), ms(300));
    assert_eq!(cache.price("KETTLE").await, expected_price("KETTLE"));
    assert_eq!(cache.fetches(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_lookup_that_comes_late_shares_the_fetch_under_way() {
    let cache = Arc::new(PriceCache::new(ms(1_000)));
    let start = Instant::now();
    let first = spawn_lookup(&cache, "TOASTER");
    tokio::time::sleep(ms(600)).await;
    let late = spawn_lookup(&cache, "TOASTER");
    assert_eq!(late.await.unwrap(), expected_price("TOASTER"));
    assert_eq!(
        start.elapsed(),
        ms(1_000),
        "a lookup made while the service was answering for the same product did not get that answer"
    );
    assert_eq!(first.await.unwrap(), expected_price("TOASTER"));
    assert_eq!(cache.fetches(), 1);
}

#[tokio::test(start_paused = true)]
async fn lookups_waiting_for_one_product_hold_up_nothing_else() {
    let cache = Arc::new(PriceCache::new(ms(1_000)));
    assert_eq!(cache.price("CACHED").await, expected_price("CACHED"));
    let waiting: Vec<_> = (0..3).map(|_| spawn_lookup(&cache, "SLOW")).collect();
    while cache.fetches() < 2 {
        tokio::task::yield_now().await;
    }
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    assert!(
        cache.prices.try_lock().is_ok(),
        "the price map is locked while lookups wait for the pricing service"
    );
    let start = Instant::now();
    assert_eq!(cache.price("CACHED").await, expected_price("CACHED"));
    assert_eq!(
        start.elapsed(),
        ms(0),
        "a cache hit waited for another product"
    );
    assert_eq!(cache.price("OTHER").await, expected_price("OTHER"));
    assert_eq!(
        start.elapsed(),
        ms(1_000),
        "a new product waited for another product's fetch"
    );
    for lookup in waiting {
        assert_eq!(lookup.await.unwrap(), expected_price("SLOW"));
    }
    assert_eq!(cache.fetches(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_cancelled_lookup_leaves_no_one_stranded() {
    let cache = Arc::new(PriceCache::new(ms(500)));
    let first = spawn_lookup(&cache, "LAMP");
    while cache.fetches() < 1 {
        tokio::task::yield_now().await;
    }
    let second = spawn_lookup(&cache, "LAMP");
    tokio::time::sleep(ms(100)).await;
    // The lookup that asked the service is cancelled before the answer comes.
    first.abort();
    assert!(first.await.unwrap_err().is_cancelled());
    let got = tokio::time::timeout(ms(10_000), second)
        .await
        .expect("a lookup of LAMP never got its price after another lookup of LAMP was cancelled")
        .expect("a lookup of LAMP failed after another lookup of LAMP was cancelled");
    assert_eq!(got, expected_price("LAMP"));
    assert_eq!(
        cache.fetches(),
        2,
        "the cancelled lookup's answer never came, so the service is asked again"
    );
    // A timeout around a lookup cancels it too.
    assert!(
        tokio::time::timeout(ms(200), cache.price("DESK"))
            .await
            .is_err()
    );
    assert_eq!(cache.price("DESK").await, expected_price("DESK"));
    assert_eq!(cache.price("LAMP").await, expected_price("LAMP"));
    assert_eq!(cache.fetches(), 4);
}
