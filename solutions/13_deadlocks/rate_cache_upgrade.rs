// Question 13: Explain deadlocks concerning Rust.
//
// Temporaries created in a `match` scrutinee live until the end of the whole `match`. When the
// temporary is a lock guard, the lock is held in every arm. And an `RwLock` cannot be
// upgraded: a thread that asks for the write lock while it still holds a read lock waits for
// every reader to leave, itself included, so it never gets it (the standard library leaves what
// happens unspecified: it may wait for ever or panic).
//
// `RateCache::rate` answers from the cache, or asks the source on a miss and caches the
// answer. Hits work; the first miss never returns. Make sure the read lock is released before
// the write lock is requested, and keep hits on the read lock, which any number of threads can
// hold at once. (As shipped the tests hang until rustprep stops them.)

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicUsize, Ordering};

struct RateCache {
    rates: RwLock<HashMap<String, f64>>,
    /// Where rates come from on a miss (a remote service, in real life).
    source: fn(&str) -> Option<f64>,
    lookups: AtomicUsize,
}

impl RateCache {
    fn new(source: fn(&str) -> Option<f64>) -> Self {
        RateCache {
            rates: RwLock::new(HashMap::new()),
            source,
            lookups: AtomicUsize::new(0),
        }
    }

    /// The exchange rate for `currency`, if the source knows it.
    fn rate(&self, currency: &str) -> Option<f64> {
        // The read guard is a temporary of this `let` statement: it is dropped at the `;`, so
        // the read lock is already released when the write lock is requested below.
        let cached = self.rates.read().unwrap().get(currency).copied();
        if cached.is_some() {
            return cached;
        }
        self.lookups.fetch_add(1, Ordering::Relaxed);
        let rate = (self.source)(currency)?;
        self.rates
            .write()
            .unwrap()
            .insert(currency.to_owned(), rate);
        Some(rate)
    }

    /// How many times the source has been asked.
    fn lookups(&self) -> usize {
        self.lookups.load(Ordering::Relaxed)
    }

    fn cached(&self) -> usize {
        self.rates.read().unwrap().len()
    }
}

fn main() {
    fn fixed(currency: &str) -> Option<f64> {
        (currency == "EUR").then_some(0.92)
    }
    let cache = RateCache::new(fixed);
    println!("{:?} {:?}", cache.rate("EUR"), cache.rate("EUR"));
}
