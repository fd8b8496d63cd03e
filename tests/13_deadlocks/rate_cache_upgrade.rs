use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::sync::Arc;
use std::thread;

fn quotes(currency: &str) -> Option<f64> {
    match currency {
        "EUR" => Some(0.92),
        "JPY" => Some(151.4),
        "GBP" => Some(0.79),
        _ => None,
    }
}

#[test]
fn a_miss_asks_the_source_and_caches() {
    let cache = RateCache::new(quotes);
    assert_eq!(cache.rate("EUR"), Some(0.92));
    assert_eq!(cache.lookups(), 1);
    assert_eq!(cache.cached(), 1);
}

#[test]
fn a_hit_does_not_ask_again() {
    let cache = RateCache::new(quotes);
    for _ in 0..5 {
        assert_eq!(cache.rate("JPY"), Some(151.4));
    }
    assert_eq!(cache.rate("GBP"), Some(0.79));
    assert_eq!(cache.lookups(), 2);
    assert_eq!(cache.cached(), 2);
}

#[test]
fn unknown_currencies_are_not_cached() {
    let cache = RateCache::new(quotes);
    assert_eq!(cache.rate("XYZ"), None);
    assert_eq!(cache.rate("XYZ"), None);
    assert_eq!(cache.lookups(), 2);
    assert_eq!(cache.cached(), 0);
}

#[test]
fn a_hit_only_needs_a_shared_lock() {
    let cache = RateCache::new(quotes);
    assert_eq!(cache.rate("GBP"), Some(0.79));
    // Another reader is inside: a hit must still be answered, as readers do not exclude each
    // other. Taking the write lock for a hit would wait for this reader forever.
    let _reader = cache.rates.read().unwrap();
    let answer = thread::scope(|scope| scope.spawn(|| cache.rate("GBP")).join().unwrap());
    assert_eq!(answer, Some(0.79));
    assert_eq!(cache.lookups(), 1);
}

#[test]
fn readers_on_many_threads() {
    let cache = Arc::new(RateCache::new(quotes));
    let handles: Vec<_> = ["EUR", "JPY", "GBP", "EUR"]
        .into_iter()
        .map(|currency| {
            let cache = Arc::clone(&cache);
            thread::spawn(move || (0..50).all(|_| cache.rate(currency) == quotes(currency)))
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap());
    }
    assert_eq!(cache.cached(), 3);
}
