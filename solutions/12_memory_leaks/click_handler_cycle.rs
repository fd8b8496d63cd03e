// Question 12: What is the possibility of memory leaks in Rust?
//
// A closure that captures an `Rc` by `move` owns one strong reference to its target. Store that
// closure somewhere its target owns, and there is a reference cycle again, one that is much
// harder to spot than two structs pointing at each other: the object owns the closure, and the
// closure owns the object.
//
// A `ClickCounter` widget owns a `Button` and registers a click handler on it that counts the
// clicks in the widget. Counting works, but no `ClickCounter` is ever freed: the live-widget
// count never goes down. Change what the handler captures so that it no longer keeps the
// widget alive. Clicking must still count, and the counting must stay in the handler: a click
// on the button itself (`button.click()`) counts as well as one on the widget.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    // How many `ClickCounter`s exist on this thread right now.
    static LIVE_WIDGETS: Cell<usize> = const { Cell::new(0) };
}

fn live_widgets() -> usize {
    LIVE_WIDGETS.with(Cell::get)
}

struct Button {
    label: String,
    handlers: RefCell<Vec<Box<dyn Fn()>>>,
}

impl Button {
    fn new(label: &str) -> Self {
        Button {
            label: label.to_owned(),
            handlers: RefCell::new(Vec::new()),
        }
    }

    fn on_click(&self, handler: impl Fn() + 'static) {
        self.handlers.borrow_mut().push(Box::new(handler));
    }

    fn click(&self) {
        for handler in self.handlers.borrow().iter() {
            handler();
        }
    }
}

struct ClickCounter {
    button: Button,
    clicks: Cell<u32>,
}

impl ClickCounter {
    fn new(label: &str) -> Rc<ClickCounter> {
        LIVE_WIDGETS.with(|n| n.set(n.get() + 1));
        let widget = Rc::new(ClickCounter {
            button: Button::new(label),
            clicks: Cell::new(0),
        });
        // The handler is owned by the widget (through its button), so it must not own the
        // widget back: it keeps a `Weak` and upgrades it for the moment of each click.
        let counter = Rc::downgrade(&widget);
        widget.button.on_click(move || {
            if let Some(counter) = counter.upgrade() {
                counter.clicks.set(counter.clicks.get() + 1);
            }
        });
        widget
    }

    fn click(&self) {
        self.button.click();
    }

    fn clicks(&self) -> u32 {
        self.clicks.get()
    }

    fn caption(&self) -> String {
        format!("{} ({})", self.button.label, self.clicks())
    }
}

impl Drop for ClickCounter {
    fn drop(&mut self) {
        LIVE_WIDGETS.with(|n| n.set(n.get() - 1));
    }
}

fn main() {
    {
        let like = ClickCounter::new("Like");
        like.click();
        like.click();
        println!("{} ({} widgets)", like.caption(), live_widgets());
    }
    println!("after dropping it: {} widgets", live_widgets());
}
