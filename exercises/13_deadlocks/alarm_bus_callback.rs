// Question 13: Explain deadlocks concerning Rust.
//
// A lock held while calling code you do not control is a deadlock waiting to happen. The
// callback may ask for the same lock (a `std::sync::Mutex` is not re-entrant), or it may wait
// for another thread that needs that lock: either way the thread holding the lock waits for
// something that can only happen once the lock is released.
//
// `AlarmBus` passes each alarm of a building to every subscriber: a siren, a pager, a logger.
// Subscribers may subscribe and unsubscribe (themselves or others) from inside their own
// callback, and other threads may subscribe, unsubscribe and publish while a publish is under
// way, but as written any of these hangs. Make `publish` safe to call into: while it calls
// subscribers, nobody may be kept waiting for the subscriber list. `publish` calls every
// subscriber that was subscribed when it started, once each, in the order they subscribed,
// and returns how many it called; a subscriber added during a publish gets the next alarm.
// Keep the signatures of `subscribe`, `unsubscribe` and `publish`. (As shipped the tests hang
// or fail: rustprep stops them.)

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// What a subscriber is given: the alarm's text.
type Subscriber = Box<dyn Fn(&str) + Send + Sync>;

#[derive(Default)]
struct AlarmBus {
    // TODO: `publish` keeps this locked while it calls the subscribers.
    subscribers: Mutex<Vec<(u64, Subscriber)>>,
    next_id: AtomicU64,
}

impl AlarmBus {
    /// Adds `subscriber` and returns its id, for `unsubscribe`.
    fn subscribe(&self, subscriber: impl Fn(&str) + Send + Sync + 'static) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.subscribers
            .lock()
            .unwrap()
            .push((id, Box::new(subscriber)));
        id
    }

    /// Removes the subscriber `id`; says whether it was subscribed.
    fn unsubscribe(&self, id: u64) -> bool {
        let mut subscribers = self.subscribers.lock().unwrap();
        let before = subscribers.len();
        subscribers.retain(|(sid, _)| *sid != id);
        subscribers.len() < before
    }

    /// Calls every current subscriber with `alarm`; returns how many were called.
    fn publish(&self, alarm: &str) -> usize {
        let subscribers = self.subscribers.lock().unwrap();
        for (_, subscriber) in subscribers.iter() {
            subscriber(alarm);
        }
        subscribers.len()
    }

    fn subscriber_count(&self) -> usize {
        self.subscribers.lock().unwrap().len()
    }
}

fn main() {
    let bus = AlarmBus::default();
    bus.subscribe(|alarm| println!("siren: {alarm}"));
    let pager = bus.subscribe(|alarm| println!("pager: {alarm}"));
    println!("{} called", bus.publish("smoke in room 12"));
    bus.unsubscribe(pager);
    println!("{} called", bus.publish("smoke in room 14"));
}
