use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::cell::Cell;
use std::mem::drop;
// Named here, not only through `super::*`: a type of the file's own called `Rc` cannot stand in
// for the standard one in the counts below.
use std::rc::Rc;

#[test]
fn clicks_are_counted() {
    let like = ClickCounter::new("Like");
    assert_eq!(like.caption(), "Like (0)");
    like.click();
    like.click();
    like.click();
    assert_eq!(like.clicks(), 3);
    assert_eq!(like.caption(), "Like (3)");
}

#[test]
fn the_handler_does_not_own_the_widget() {
    let like = ClickCounter::new("Like");
    assert_eq!(
        Rc::strong_count(&like),
        1,
        "only `like` should own the widget"
    );
    like.click();
    assert_eq!(Rc::strong_count(&like), 1);
    assert_eq!(like.clicks(), 1);
}

#[test]
fn dropping_a_widget_frees_it() {
    let before = live_widgets();
    let like = ClickCounter::new("Like");
    like.click();
    assert_eq!(live_widgets(), before + 1);
    // The test's own look at the widget: it needs no counter of the file's.
    let watch = Rc::downgrade(&like);
    drop(like);
    assert!(watch.upgrade().is_none(), "the widget was leaked");
    assert_eq!(live_widgets(), before, "the widget was leaked");
}

#[test]
fn many_widgets_come_and_go() {
    let before = live_widgets();
    for i in 0..100 {
        let w = ClickCounter::new(&format!("item {i}"));
        for _ in 0..i % 3 {
            w.click();
        }
        assert_eq!(w.clicks(), i % 3);
    }
    assert_eq!(live_widgets(), before);
}

#[test]
fn widgets_count_their_own_clicks() {
    let up = ClickCounter::new("Up");
    let down = ClickCounter::new("Down");
    up.click();
    down.click();
    up.click();
    assert_eq!((up.clicks(), down.clicks()), (2, 1));
    let shared = Rc::clone(&up);
    drop(up);
    shared.click();
    assert_eq!(shared.caption(), "Up (3)");
}

#[test]
fn other_handlers_on_the_button_still_run() {
    let log = Rc::new(Cell::new(0));
    let widget = ClickCounter::new("Save");
    let seen = Rc::clone(&log);
    widget.button.on_click(move || seen.set(seen.get() + 10));
    widget.click();
    assert_eq!((widget.clicks(), log.get()), (1, 10));
}

#[test]
fn clicking_the_button_itself_counts() {
    let like = ClickCounter::new("Like");
    like.button.click();
    like.button.click();
    assert_eq!(
        like.clicks(),
        2,
        "a click on the widget's button must be counted by the handler registered on it"
    );
    like.click();
    assert_eq!(like.clicks(), 3);
    assert_eq!(Rc::strong_count(&like), 1);
}
