// Question 12: What is the possibility of memory leaks in Rust?
//
// A trading screen has one long-lived `Bus` that broadcasts price events, and many short-lived
// `Ticker` panels that subscribe to it. Each panel keeps the events it was shown and stops
// listening by itself when it sees its stop word. Panels come and go all day; the bus never does.
//
// Make the code keep these promises (the `Bus` and `Ticker` methods keep their signatures):
//   1. A `Ticker` is freed as soon as the last handle to it outside the bus is dropped, even if
//      the bus never emits again (`live_tickers()` counts the ones not yet freed).
//   2. While `emit` runs, a callback may unsubscribe (itself or another subscription), subscribe
//      new callbacks, and drop the last handle to any `Ticker` without a panic. A subscription
//      removed during an emit is never called after its removal; one added during an emit is
//      first called by the next emit. A callback never calls `emit` itself: nested emits are not
//      promised.
//   3. `subscriber_count()` is the number of subscriptions the bus can still call: once no emit
//      is running, it counts no entry for a `Ticker` that has been freed or for an id that was
//      unsubscribed. A bus that sees thousands of tickers come and go holds only the live ones.
//   4. `emit` itself makes no heap allocation when no subscription is added or removed during it
//      (the callbacks' own allocations are theirs).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

thread_local! {
    // How many `Ticker`s exist on this thread right now.
    static LIVE_TICKERS: Cell<usize> = const { Cell::new(0) };
}

fn live_tickers() -> usize {
    LIVE_TICKERS.with(Cell::get)
}

type SubscriptionId = u64;
type Callback = Box<dyn FnMut(&str)>;

struct Bus {
    next_id: Cell<SubscriptionId>,
    subscribers: RefCell<Vec<(SubscriptionId, Callback)>>,
    emitting: Cell<bool>,
    // Ids unsubscribed while an emit held the list.
    removed: RefCell<Vec<SubscriptionId>>,
}

impl Bus {
    fn new() -> Rc<Bus> {
        Rc::new(Bus {
            next_id: Cell::new(0),
            subscribers: RefCell::new(Vec::new()),
            emitting: Cell::new(false),
            removed: RefCell::new(Vec::new()),
        })
    }

    fn subscribe(&self, callback: impl FnMut(&str) + 'static) -> SubscriptionId {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.subscribers.borrow_mut().push((id, Box::new(callback)));
        id
    }

    fn unsubscribe(&self, id: SubscriptionId) {
        let mut subscribers = self.subscribers.borrow_mut();
        let found = subscribers.iter().position(|(other, _)| *other == id);
        let entry = found.map(|at| subscribers.remove(at));
        // Dropping the callback may unsubscribe others: not while the list is borrowed.
        drop(subscribers);
        if entry.is_none() && self.emitting.get() {
            // It may be in the list that `emit` is running.
            self.removed.borrow_mut().push(id);
        }
    }

    fn emit(&self, event: &str) {
        // Run the callbacks without holding the borrow, so that they may use the bus.
        let mut running = std::mem::take(&mut *self.subscribers.borrow_mut());
        let was_emitting = self.emitting.replace(true);
        for (id, callback) in running.iter_mut() {
            if !self.removed.borrow().contains(id) {
                callback(event);
            }
        }
        // Dropping a removed callback may unsubscribe more of them.
        loop {
            let removed = std::mem::take(&mut *self.removed.borrow_mut());
            if removed.is_empty() {
                break;
            }
            running.retain(|(id, _)| !removed.contains(id));
        }
        self.emitting.set(was_emitting);
        let mut subscribers = self.subscribers.borrow_mut();
        running.append(&mut subscribers);
        *subscribers = running;
    }

    fn subscriber_count(&self) -> usize {
        self.subscribers.borrow().len()
    }
}

struct Ticker {
    bus: Rc<Bus>,
    id: Cell<Option<SubscriptionId>>,
    stop_word: String,
    seen: RefCell<Vec<String>>,
}

impl Ticker {
    fn attach(bus: &Rc<Bus>, stop_word: &str) -> Rc<Ticker> {
        LIVE_TICKERS.with(|n| n.set(n.get() + 1));
        let ticker = Rc::new(Ticker {
            bus: Rc::clone(bus),
            id: Cell::new(None),
            stop_word: stop_word.to_owned(),
            seen: RefCell::new(Vec::new()),
        });
        let me: Weak<Ticker> = Rc::downgrade(&ticker);
        let id = bus.subscribe(move |event| {
            if let Some(me) = me.upgrade() {
                me.on_event(event);
            }
        });
        ticker.id.set(Some(id));
        ticker
    }

    fn on_event(&self, event: &str) {
        self.seen.borrow_mut().push(event.to_owned());
        if event == self.stop_word {
            self.stop();
        }
    }

    /// Stops listening; the ticker keeps what it has seen.
    fn stop(&self) {
        if let Some(id) = self.id.take() {
            self.bus.unsubscribe(id);
        }
    }

    fn seen(&self) -> Vec<String> {
        self.seen.borrow().clone()
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        LIVE_TICKERS.with(|n| n.set(n.get() - 1));
        self.stop();
    }
}

fn main() {
    let bus = Bus::new();
    let quotes = Ticker::attach(&bus, "close");
    bus.emit("ACME 12.5");
    bus.emit("close");
    bus.emit("ACME 12.7");
    println!("{:?}", quotes.seen());
    drop(quotes);
    println!(
        "{} tickers, {} subscribers",
        live_tickers(),
        bus.subscriber_count()
    );
}
