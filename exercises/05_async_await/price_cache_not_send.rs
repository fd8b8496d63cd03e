// Question 5: What are `async` and `await` in Rust?
//
// An async fn returns a future, and between two polls that future stores every value that is
// still alive at the `.await` where it paused. `tokio::spawn` may move a task to another
// thread between polls, so a spawned future must be `Send`, and so must each of those values.
//
// A shop looks up prices through a cache kept in a `std::sync::Mutex<HashMap>`: a hit is
// answered from the map; a miss asks the slow pricing service, then stores its answer.
// `warm_up` looks up many products at once, each on its own Tokio task, and the file does not
// compile. What the shop needs from `price`:
//   - the pricing service bills every request: lookups of one product that overlap ask it
//     once, and all of them get that answer;
//   - a slow answer must not hold up lookups of other products, and nothing waits for the map
//     while the service is answering;
//   - a lookup may be cancelled at any `.await` (its task aborted, a timeout): the other
//     lookups of that product must still get their price;
//   - a cache hit must not allocate.
// Keep the map in `prices` behind std's `Mutex` (no async lock, here or anywhere else), the
// signatures of `new`, `price`, `fetches` and `warm_up`, and the spawned tasks.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct PriceCache {
    prices: Mutex<HashMap<String, u32>>,
    fetches: AtomicUsize,
    service_delay: Duration,
}

impl PriceCache {
    pub fn new(service_delay: Duration) -> Self {
        PriceCache {
            prices: Mutex::new(HashMap::new()),
            fetches: AtomicUsize::new(0),
            service_delay,
        }
    }

    /// How many times the pricing service has been asked.
    pub fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }

    /// The slow pricing service.
    async fn fetch(&self, sku: &str) -> u32 {
        self.fetches.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(self.service_delay).await;
        sku.bytes().map(u32::from).sum::<u32>() * 7 % 10_000 + 99
    }

    /// The price of `sku` in cents, from the cache when it is there.
    pub async fn price(&self, sku: &str) -> u32 {
        // The map stays locked until the service has answered, so that two lookups of one
        // product can never both ask it.
        let mut prices = self.prices.lock().unwrap();
        if let Some(&cents) = prices.get(sku) {
            return cents;
        }
        let cents = self.fetch(sku).await;
        prices.insert(sku.to_string(), cents);
        cents
    }
}

/// Looks up every product at once, one task each; the prices come back in the order of `skus`.
pub async fn warm_up(cache: Arc<PriceCache>, skus: &[&str]) -> Vec<u32> {
    let lookups: Vec<_> = skus
        .iter()
        .map(|sku| {
            let cache = Arc::clone(&cache);
            let sku = sku.to_string();
            tokio::spawn(async move { cache.price(&sku).await })
        })
        .collect();
    let mut prices = Vec::with_capacity(lookups.len());
    for lookup in lookups {
        prices.push(lookup.await.expect("a lookup panicked"));
    }
    prices
}
