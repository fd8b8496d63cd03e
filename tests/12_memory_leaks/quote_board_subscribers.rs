use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::cell::{Cell, RefCell};
use std::mem::drop;
use std::rc::Rc;

#[path = "../exercise_support/counting.rs"]
mod counting;
use counting::allocations;

// Pins the signatures the promises are about.
const _: fn() -> Rc<Bus> = Bus::new;
const _: fn(&Bus, SubscriptionId) = Bus::unsubscribe;
const _: fn(&Bus, &str) = Bus::emit;
const _: fn(&Bus) -> usize = Bus::subscriber_count;
const _: fn(&Rc<Bus>, &str) -> Rc<Ticker> = Ticker::attach;

fn counter(bus: &Bus) -> (Rc<Cell<u32>>, SubscriptionId) {
    let calls = Rc::new(Cell::new(0));
    let seen = Rc::clone(&calls);
    let id = bus.subscribe(move |_| seen.set(seen.get() + 1));
    (calls, id)
}

#[test]
fn a_ticker_is_freed_when_its_last_handle_goes() {
    let bus = Bus::new();
    let before = live_tickers();
    let quotes = Ticker::attach(&bus, "close");
    bus.emit("ACME 12.5");
    assert_eq!(quotes.seen(), ["ACME 12.5"]);
    assert_eq!(live_tickers(), before + 1);
    drop(quotes);
    assert_eq!(live_tickers(), before, "the dropped ticker was never freed");
    assert_eq!(
        bus.subscriber_count(),
        0,
        "the bus still holds the freed ticker's entry"
    );
    bus.emit("ACME 12.6");
    assert_eq!(bus.subscriber_count(), 0);
}

#[test]
fn a_ticker_stops_at_its_stop_word_during_emit() {
    let bus = Bus::new();
    let quotes = Ticker::attach(&bus, "close");
    let (calls, _) = counter(&bus);
    bus.emit("ACME 12.5");
    bus.emit("close");
    assert_eq!(
        bus.subscriber_count(),
        1,
        "the stopped ticker is still subscribed"
    );
    bus.emit("ACME 12.7");
    assert_eq!(quotes.seen(), ["ACME 12.5", "close"]);
    assert_eq!(calls.get(), 3, "the other subscriber missed events");
    quotes.stop();
    drop(quotes);
    assert_eq!(live_tickers(), 0);
    assert_eq!(bus.subscriber_count(), 1);
}

#[test]
fn a_callback_may_drop_the_last_handles_of_tickers() {
    let bus = Bus::new();
    let (first, _) = counter(&bus);
    let called = Ticker::attach(&bus, "never");
    let holder = Rc::new(RefCell::new(vec![Rc::clone(&called)]));
    let in_callback = Rc::clone(&holder);
    bus.subscribe(move |event| {
        if event == "drop them" {
            in_callback.borrow_mut().clear();
        }
    });
    let waiting = Ticker::attach(&bus, "never");
    holder.borrow_mut().push(Rc::clone(&waiting));
    let (last, _) = counter(&bus);
    let watched = (Rc::downgrade(&called), Rc::downgrade(&waiting));
    drop((called, waiting));
    let (called, waiting) = watched;
    assert_eq!(live_tickers(), 2);
    assert_eq!(bus.subscriber_count(), 5);
    bus.emit("drop them");
    assert_eq!(
        live_tickers(),
        0,
        "a ticker dropped during emit was never freed"
    );
    assert!(called.upgrade().is_none() && waiting.upgrade().is_none());
    assert_eq!((first.get(), last.get()), (1, 1));
    assert_eq!(
        bus.subscriber_count(),
        3,
        "freed tickers' entries are still on the bus"
    );
    bus.emit("again");
    assert_eq!((first.get(), last.get()), (2, 2));
    assert_eq!(bus.subscriber_count(), 3);
}

#[test]
fn a_removed_callback_may_own_the_last_handle_of_a_ticker() {
    let bus = Bus::new();
    let (first, _) = counter(&bus);
    let ticker = Ticker::attach(&bus, "never");
    let watch = Rc::downgrade(&ticker);
    let own_id = Rc::new(Cell::new(None));
    let target = Rc::clone(&own_id);
    let handle = Rc::downgrade(&bus);
    // Owns the ticker's last handle and unsubscribes itself during an emit: freeing the callback
    // frees the ticker, whose Drop unsubscribes it while the emit still runs.
    let owner = bus.subscribe(move |event| {
        let _owned = &ticker;
        if event == "leave"
            && let Some(id) = target.take()
        {
            handle.upgrade().unwrap().unsubscribe(id);
        }
    });
    own_id.set(Some(owner));
    let (last, _) = counter(&bus);
    assert_eq!(bus.subscriber_count(), 4);
    bus.emit("leave");
    assert!(
        watch.upgrade().is_none(),
        "the ticker outlived the removed callback that owned it"
    );
    assert_eq!(live_tickers(), 0);
    assert_eq!((first.get(), last.get()), (1, 1));
    assert_eq!(
        bus.subscriber_count(),
        2,
        "the freed ticker's entry is still on the bus"
    );
    // One that owns a ticker's last handle, removed by another callback during an emit.
    let ticker = Ticker::attach(&bus, "never");
    let watch = Rc::downgrade(&ticker);
    let victim = bus.subscribe(move |_| {
        let _owned = &ticker;
    });
    let target = Cell::new(Some(victim));
    let handle = Rc::downgrade(&bus);
    bus.subscribe(move |_| {
        if let Some(id) = target.take() {
            handle.upgrade().unwrap().unsubscribe(id);
        }
    });
    bus.emit("again");
    assert!(
        watch.upgrade().is_none(),
        "the ticker outlived the removed callback that owned it"
    );
    assert_eq!(live_tickers(), 0);
    assert_eq!((first.get(), last.get()), (2, 2));
    assert_eq!(bus.subscriber_count(), 3);
}

#[test]
fn a_ticker_dropped_before_its_turn_is_not_called_and_leaves() {
    let bus = Bus::new();
    let holder: Rc<RefCell<Option<Rc<Ticker>>>> = Rc::new(RefCell::new(None));
    let in_callback = Rc::clone(&holder);
    bus.subscribe(move |event| {
        if event == "drop it" {
            in_callback.borrow_mut().take();
        }
    });
    let quotes = Ticker::attach(&bus, "never");
    let watch = Rc::downgrade(&quotes);
    *holder.borrow_mut() = Some(quotes);
    bus.emit("before");
    bus.emit("drop it");
    assert!(
        watch.upgrade().is_none(),
        "the ticker outlived its last handle"
    );
    assert_eq!(live_tickers(), 0);
    assert_eq!(bus.subscriber_count(), 1);
}

#[test]
fn unsubscribing_during_emit_stops_calls_at_once() {
    let bus = Bus::new();
    let victim_calls = Rc::new(Cell::new(0));
    let victim_id = Rc::new(Cell::new(None));
    let target = Rc::clone(&victim_id);
    let handle = Rc::downgrade(&bus);
    // Called first: removes the victim, which comes later in the same emit.
    bus.subscribe(move |event| {
        if event == "remove"
            && let Some(id) = target.take()
        {
            handle.upgrade().unwrap().unsubscribe(id);
        }
    });
    let seen = Rc::clone(&victim_calls);
    victim_id.set(Some(bus.subscribe(move |_| seen.set(seen.get() + 1))));
    let (after, _) = counter(&bus);
    bus.emit("one");
    bus.emit("remove");
    bus.emit("two");
    assert_eq!(
        victim_calls.get(),
        1,
        "a removed subscription was called after its removal"
    );
    assert_eq!(after.get(), 3);
    assert_eq!(bus.subscriber_count(), 2);
}

#[test]
fn subscribing_during_emit_starts_at_the_next_emit() {
    let bus = Bus::new();
    let handle = Rc::downgrade(&bus);
    let added = Rc::new(RefCell::new(Vec::<Rc<Cell<u32>>>::new()));
    let list = Rc::clone(&added);
    bus.subscribe(move |event| {
        if event == "add" {
            let bus = handle.upgrade().unwrap();
            list.borrow_mut().push(counter(&bus).0);
        }
    });
    bus.emit("add");
    assert_eq!(bus.subscriber_count(), 2);
    assert_eq!(
        added.borrow()[0].get(),
        0,
        "a new subscription was called by the emit that added it"
    );
    bus.emit("tick");
    assert_eq!(added.borrow()[0].get(), 1);
    assert_eq!(bus.subscriber_count(), 2);
}

#[test]
fn a_bus_with_thousands_of_tickers_coming_and_going_holds_only_live_ones() {
    let bus = Bus::new();
    let mut keep = Vec::new();
    for round in 0..3000 {
        let ticker = Ticker::attach(&bus, "stop");
        if round % 100 == 0 {
            keep.push(ticker);
        }
        if round % 7 == 0 {
            bus.emit("tick");
        }
        if round % 250 == 0 {
            bus.emit("stop");
        }
        assert!(
            bus.subscriber_count() <= keep.len() + 1,
            "round {round}: {} entries for {} live tickers",
            bus.subscriber_count(),
            live_tickers()
        );
    }
    assert_eq!(live_tickers(), keep.len());
    drop(keep);
    assert_eq!(live_tickers(), 0);
    assert_eq!(bus.subscriber_count(), 0);
}

#[test]
fn emit_makes_no_heap_allocation() {
    let bus = Bus::new();
    let counters: Vec<_> = (0..5).map(|_| counter(&bus).0).collect();
    let quotes = Ticker::attach(&bus, "close");
    quotes.stop();
    let gone = Ticker::attach(&bus, "close");
    drop(gone);
    bus.emit("warm up");
    let (_, made) = allocations(|| {
        for _ in 0..100 {
            bus.emit("tick");
        }
    });
    assert_eq!(
        made, 0,
        "100 emits made {made} heap allocations on this thread, callbacks included, though none \
         of the 5 subscribers that should be left allocates"
    );
    assert!(counters.iter().all(|c| c.get() == 101));
    assert_eq!(bus.subscriber_count(), 5);
}
