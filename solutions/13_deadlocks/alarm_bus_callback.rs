// Question 13: Explain deadlocks concerning Rust.
//
// `AlarmBus` passes each alarm of a building to its subscribers: a siren, a pager, a logger.
// From the night shift's log, with this bus:
// - the fire panel froze for good when the smoke subscriber raised a follow-up "evacuate";
// - so did a one-shot subscriber that unsubscribes itself after its first alarm;
// - a pager whose radio link announces "pager offline" when it is closed froze the desk that
//   unsubscribed it;
// - while the logger was slowly writing one alarm, the front desk could not subscribe anyone.
//
// What the bus promises, and must go on promising:
// - `publish` calls each subscriber that was subscribed when it started, once, in the order
//   they subscribed, and returns how many it called. A subscriber added during a publish hears
//   the next alarm, not this one.
// - Once `unsubscribe(id)` has returned, that subscriber is not called again, not even by a
//   publish already under way on another thread (a call that has already begun may finish).
// - A subscriber owns its device: unsubscribing it closes the device (drops the subscriber)
//   before `unsubscribe` returns, unless the subscriber is running at that moment; then it is
//   closed as soon as that call returns.
// - Anyone may subscribe, unsubscribe or publish at any time: from inside a subscriber, from
//   a device being closed, or from another thread while subscribers run. Nobody waits for a
//   subscriber of another thread's publish to finish.
// Keep the signatures of `subscribe`, `unsubscribe` and `publish`. (As shipped the tests hang
// or fail: rustprep stops them.)

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

/// What a subscriber is given: the alarm's text. The list holds the only lasting handle to
/// each subscriber (`Arc`), so that removing it from the list is what closes it.
type Subscriber = Arc<dyn Fn(&str) + Send + Sync>;

#[derive(Default)]
struct AlarmBus {
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
            .push((id, Arc::new(subscriber)));
        id
    }

    /// Removes the subscriber `id`; says whether it was subscribed.
    fn unsubscribe(&self, id: u64) -> bool {
        let removed = {
            let mut subscribers = self.subscribers.lock().unwrap();
            let at = subscribers.iter().position(|(sid, _)| *sid == id);
            at.map(|at| subscribers.remove(at))
        };
        // Dropped here, with the list unlocked: closing a subscriber's device runs code of its
        // own, which may use the bus.
        removed.is_some()
    }

    /// Calls every current subscriber with `alarm`; returns how many were called.
    fn publish(&self, alarm: &str) -> usize {
        // Handles that do not own the subscribers, taken under a short lock: the calls run with
        // the list unlocked, and a subscriber unsubscribed meanwhile is gone, not kept alive.
        let subscribers: Vec<Weak<_>> = self
            .subscribers
            .lock()
            .unwrap()
            .iter()
            .map(|(_, subscriber)| Arc::downgrade(subscriber))
            .collect();
        let mut called = 0;
        for subscriber in subscribers {
            // Still subscribed: hold it for this call only.
            if let Some(subscriber) = subscriber.upgrade() {
                subscriber(alarm);
                called += 1;
            }
        }
        called
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
