use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::marker::{Send, Sync};
use std::ops::Drop;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::Duration;

/// How long a test waits for something that takes a free thread microseconds: waiting this
/// long means it is blocked.
const PATIENCE: Duration = Duration::from_secs(4);

/// A log that subscribers write to, shared with the test.
type Log = Arc<std::sync::Mutex<Vec<String>>>;

fn logger(log: &Log, name: &'static str) -> impl Fn(&str) + Send + Sync + 'static {
    let log = Arc::clone(log);
    move |alarm| log.lock().unwrap().push(format!("{name}: {alarm}"))
}

fn entries(log: &Log) -> Vec<String> {
    log.lock().unwrap().clone()
}

/// A subscriber's device: counts how often it was closed (dropped).
struct Drops(Arc<AtomicUsize>);

impl Drop for Drops {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Runs `f` on its own thread; fails with `what` if it has not returned within `PATIENCE`,
/// or if it panicked (a subscriber's own check, or the bus), saying which.
fn finishes<R: Send + 'static>(what: &str, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(PATIENCE) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what} never returned (blocked for {PATIENCE:?})")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let payload = worker
                .join()
                .expect_err("the thread ended without sending a result, so it panicked");
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("(a panic without a message)");
            panic!("{what} did not hang, but it panicked: {message}")
        }
    }
}

#[test]
fn the_api_is_unchanged() {
    let _: fn(&AlarmBus, u64) -> bool = AlarmBus::unsubscribe;
    let _: fn(&AlarmBus, &str) -> usize = AlarmBus::publish;
    fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<AlarmBus>();
}

#[test]
fn every_subscriber_hears_every_alarm_in_order() {
    let bus = AlarmBus::default();
    let log = Log::default();
    for name in ["siren", "pager", "logger"] {
        bus.subscribe(logger(&log, name));
    }
    assert_eq!(bus.publish("smoke in 12"), 3);
    assert_eq!(bus.publish("heat in 7"), 3);
    assert_eq!(
        entries(&log),
        [
            "siren: smoke in 12",
            "pager: smoke in 12",
            "logger: smoke in 12",
            "siren: heat in 7",
            "pager: heat in 7",
            "logger: heat in 7",
        ]
    );
}

#[test]
fn unsubscribing_frees_the_subscriber() {
    let bus = AlarmBus::default();
    let drops = Arc::new(AtomicUsize::new(0));
    let guard = Drops(Arc::clone(&drops));
    let pager = bus.subscribe(move |_| {
        let _ = &guard;
    });
    let siren = bus.subscribe(|_| {});
    assert_eq!(bus.publish("test"), 2);
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    assert!(bus.unsubscribe(pager));
    assert_eq!(
        drops.load(Ordering::SeqCst),
        1,
        "an unsubscribed subscriber should be dropped at once"
    );
    assert!(!bus.unsubscribe(pager), "pager was already unsubscribed");
    assert_eq!((bus.subscriber_count(), bus.publish("test")), (1, 1));
    assert!(bus.unsubscribe(siren));
    assert_eq!(bus.publish("nobody listens"), 0);
}

#[test]
fn a_one_shot_subscriber_unsubscribes_itself() {
    let bus = Arc::new(AlarmBus::default());
    let log = Log::default();
    let drops = Arc::new(AtomicUsize::new(0));
    bus.subscribe(logger(&log, "siren"));
    let own_id = Arc::new(OnceLock::new());
    let id = bus.subscribe({
        let (bus, own_id, log) = (Arc::downgrade(&bus), Arc::clone(&own_id), Arc::clone(&log));
        let device = Drops(Arc::clone(&drops));
        move |alarm| {
            let _ = &device;
            log.lock().unwrap().push(format!("pager: {alarm}"));
            if let (Some(bus), Some(&id)) = (bus.upgrade(), own_id.get()) {
                assert!(
                    bus.unsubscribe(id),
                    "a subscriber that unsubscribes itself during a publish is still \
                     subscribed, so unsubscribe must find it and return true"
                );
            }
        }
    });
    own_id.set(id).unwrap();
    bus.subscribe(logger(&log, "logger"));
    let first = {
        let bus = Arc::clone(&bus);
        finishes(
            "a publish whose subscriber unsubscribes itself",
            move || bus.publish("fire"),
        )
    };
    assert_eq!(first, 3, "siren, pager and logger hear the fire");
    assert_eq!(
        drops.load(Ordering::SeqCst),
        1,
        "the pager unsubscribed itself: once its call has returned it must be dropped"
    );
    assert_eq!(bus.publish("all clear"), 2);
    assert_eq!(
        entries(&log),
        [
            "siren: fire",
            "pager: fire",
            "logger: fire",
            "siren: all clear",
            "logger: all clear"
        ]
    );
}

#[test]
fn a_subscriber_added_during_a_publish_gets_the_next_alarm() {
    let bus = Arc::new(AlarmBus::default());
    let log = Log::default();
    bus.subscribe({
        let (bus, log) = (Arc::downgrade(&bus), Arc::clone(&log));
        move |alarm| {
            log.lock().unwrap().push(format!("desk: {alarm}"));
            if alarm == "guard on duty"
                && let Some(bus) = bus.upgrade()
            {
                bus.subscribe(logger(&log, "guard"));
            }
        }
    });
    let called = {
        let bus = Arc::clone(&bus);
        finishes("a publish whose subscriber subscribes another", move || {
            bus.publish("guard on duty")
        })
    };
    assert_eq!(
        called, 1,
        "the new subscriber must not hear the alarm in progress"
    );
    assert_eq!(bus.publish("door 3 open"), 2);
    assert_eq!(
        entries(&log),
        [
            "desk: guard on duty",
            "desk: door 3 open",
            "guard: door 3 open"
        ]
    );
}

#[test]
fn a_subscriber_can_raise_a_follow_up_alarm() {
    let bus = Arc::new(AlarmBus::default());
    let log = Log::default();
    bus.subscribe(logger(&log, "siren"));
    bus.subscribe({
        let bus = Arc::downgrade(&bus);
        move |alarm| {
            if alarm == "fire"
                && let Some(bus) = bus.upgrade()
            {
                assert_eq!(
                    bus.publish("evacuate"),
                    3,
                    "a publish made by a subscriber reaches all three subscribers"
                );
            }
        }
    });
    bus.subscribe(logger(&log, "pager"));
    let called = {
        let bus = Arc::clone(&bus);
        finishes("a publish whose subscriber publishes", move || {
            bus.publish("fire")
        })
    };
    assert_eq!(called, 3);
    assert_eq!(
        entries(&log),
        [
            "siren: fire",
            "siren: evacuate",
            "pager: evacuate",
            "pager: fire"
        ]
    );
}

#[test]
fn a_subscriber_unsubscribed_during_a_publish_misses_the_rest_of_it() {
    let bus = Arc::new(AlarmBus::default());
    let log = Log::default();
    let night_shift = Arc::new(OnceLock::new());
    let drops = Arc::new(AtomicUsize::new(0));
    bus.subscribe({
        let (bus, night_shift) = (Arc::downgrade(&bus), Arc::clone(&night_shift));
        let drops = Arc::clone(&drops);
        move |alarm| {
            if alarm == "morning"
                && let (Some(bus), Some(&id)) = (bus.upgrade(), night_shift.get())
            {
                assert!(bus.unsubscribe(id), "the night shift was subscribed");
                assert_eq!(
                    drops.load(Ordering::SeqCst),
                    1,
                    "unsubscribe returned, but the night shift's pager was not closed"
                );
            }
        }
    });
    night_shift
        .set(bus.subscribe({
            let log = Arc::clone(&log);
            let device = Drops(Arc::clone(&drops));
            move |alarm| {
                let _ = &device;
                log.lock().unwrap().push(format!("night: {alarm}"));
            }
        }))
        .unwrap();
    bus.subscribe(logger(&log, "day"));
    let called = {
        let bus = Arc::clone(&bus);
        finishes(
            "a publish whose subscriber unsubscribes another",
            move || bus.publish("morning"),
        )
    };
    assert_eq!(
        entries(&log),
        ["day: morning"],
        "the night shift was unsubscribed before its turn came: it must not be called"
    );
    assert_eq!(called, 2, "publish returns how many subscribers it called");
    assert_eq!(bus.publish("noon"), 2);
}

#[test]
fn unsubscribing_stops_a_publish_already_under_way_on_another_thread() {
    let bus = Arc::new(AlarmBus::default());
    let log = Log::default();
    let (inside_tx, inside_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let desk_drops = Arc::new(AtomicUsize::new(0));
    let pager_drops = Arc::new(AtomicUsize::new(0));
    let desk = bus.subscribe({
        let inside_tx = std::sync::Mutex::new(inside_tx);
        let go_rx = std::sync::Mutex::new(go_rx);
        let device = Drops(Arc::clone(&desk_drops));
        move |alarm| {
            let _ = &device;
            if alarm == "fire" {
                inside_tx.lock().unwrap().send(()).unwrap();
                // The test unsubscribes now; this subscriber waits until it has (or, if
                // unsubscribe hangs, until the test has given up on it).
                let _ = go_rx.lock().unwrap().recv_timeout(2 * PATIENCE);
            }
        }
    });
    let pager = bus.subscribe({
        let log = Arc::clone(&log);
        let device = Drops(Arc::clone(&pager_drops));
        move |alarm| {
            let _ = &device;
            log.lock().unwrap().push(format!("pager: {alarm}"));
        }
    });
    bus.subscribe(logger(&log, "logger"));
    let publisher = thread::spawn({
        let bus = Arc::clone(&bus);
        move || bus.publish("fire")
    });
    inside_rx
        .recv_timeout(PATIENCE)
        .expect("the first subscriber was never called");
    // The publish on the other thread is now inside the desk's call, before the pager's turn.
    let removed = {
        let bus = Arc::clone(&bus);
        finishes(
            "unsubscribe, while another thread's publish was in a subscriber,",
            move || (bus.unsubscribe(pager), bus.unsubscribe(desk)),
        )
    };
    assert_eq!(removed, (true, true));
    assert_eq!(
        pager_drops.load(Ordering::SeqCst),
        1,
        "unsubscribe(pager) returned while another thread was publishing, but the pager was \
         not closed (dropped)"
    );
    let _ = go_tx.send(());
    let called = publisher.join().expect("the publishing thread panicked");
    assert_eq!(
        entries(&log),
        ["logger: fire"],
        "the pager was unsubscribed before the publish reached it, so it must not hear it"
    );
    assert_eq!(called, 2, "the publish called the desk and the logger");
    assert_eq!(
        desk_drops.load(Ordering::SeqCst),
        1,
        "the desk, unsubscribed while it ran, must be closed once its call has returned"
    );
    assert_eq!(bus.subscriber_count(), 1);
}

#[test]
fn a_device_may_announce_its_own_closing() {
    /// A pager's radio link: when it is closed, it says so on the bus.
    struct Radio(std::sync::Weak<AlarmBus>);
    impl Drop for Radio {
        fn drop(&mut self) {
            if let Some(bus) = self.0.upgrade() {
                bus.publish("pager offline");
            }
        }
    }
    let bus = Arc::new(AlarmBus::default());
    let log = Log::default();
    bus.subscribe(logger(&log, "siren"));
    let pager = bus.subscribe({
        let radio = Radio(Arc::downgrade(&bus));
        move |_| {
            let _ = &radio;
        }
    });
    let removed = {
        let bus = Arc::clone(&bus);
        finishes(
            "unsubscribing a pager whose radio announces its closing",
            move || bus.unsubscribe(pager),
        )
    };
    assert!(removed);
    assert_eq!(entries(&log), ["siren: pager offline"]);
    assert_eq!(bus.publish("fire"), 1);
}

#[test]
fn another_thread_can_subscribe_while_a_subscriber_runs() {
    let bus = AlarmBus::default();
    let log = Log::default();
    let (inside_tx, inside_rx) = mpsc::channel();
    let (subscribed_tx, subscribed_rx) = mpsc::channel();
    let subscribed_meanwhile = Arc::new(AtomicUsize::new(0));
    bus.subscribe({
        let subscribed_meanwhile = Arc::clone(&subscribed_meanwhile);
        let inside_tx = std::sync::Mutex::new(inside_tx);
        let subscribed_rx = std::sync::Mutex::new(subscribed_rx);
        move |alarm| {
            if alarm != "flood in basement" {
                return;
            }
            inside_tx.lock().unwrap().send(()).unwrap();
            // The other thread subscribes now; this subscriber waits until it has.
            if subscribed_rx.lock().unwrap().recv_timeout(PATIENCE).is_ok() {
                subscribed_meanwhile.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    thread::scope(|scope| {
        let (bus, log) = (&bus, &log);
        scope.spawn(move || {
            inside_rx.recv().unwrap();
            bus.subscribe(logger(log, "late"));
            subscribed_tx.send(()).unwrap();
        });
        assert_eq!(bus.publish("flood in basement"), 1);
    });
    assert_eq!(
        subscribed_meanwhile.load(Ordering::SeqCst),
        1,
        "a subscriber waited for another thread's subscribe, which could not finish while \
         that subscriber ran"
    );
    assert_eq!(bus.publish("basement dry"), 2);
    assert_eq!(entries(&log), ["late: basement dry"]);
}

#[test]
fn publishes_from_two_threads_reach_every_subscriber() {
    let bus = AlarmBus::default();
    let log = Log::default();
    let (inside_tx, inside_rx) = mpsc::channel();
    let (second_tx, second_rx) = mpsc::channel::<usize>();
    let second_called = Arc::new(OnceLock::new());
    bus.subscribe({
        let second_called = Arc::clone(&second_called);
        let inside_tx = std::sync::Mutex::new(inside_tx);
        let second_rx = std::sync::Mutex::new(second_rx);
        move |alarm| {
            if alarm == "first" {
                inside_tx.lock().unwrap().send(()).unwrap();
                // The other thread publishes now; this subscriber waits until it is done.
                if let Ok(n) = second_rx.lock().unwrap().recv_timeout(PATIENCE) {
                    second_called.set(n).unwrap();
                }
            }
        }
    });
    bus.subscribe(logger(&log, "logger"));
    thread::scope(|scope| {
        let bus = &bus;
        scope.spawn(move || {
            inside_rx.recv().unwrap();
            second_tx.send(bus.publish("second")).unwrap();
        });
        assert_eq!(bus.publish("first"), 2);
    });
    assert_eq!(
        second_called.get(),
        Some(&2),
        "a publish on another thread, made while a subscriber was running, should finish \
         and call both subscribers (None: it never finished while the first was running)"
    );
    let mut heard = entries(&log);
    heard.sort();
    assert_eq!(heard, ["logger: first", "logger: second"]);
    assert_eq!(bus.subscriber_count(), 2);
}
