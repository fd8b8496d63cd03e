use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::cell::Cell;
use std::mem::drop;
use std::ops::Drop;
use std::rc::Rc;

/// A message that counts, in a shared counter, how many times it is dropped.
#[derive(Debug)]
struct Msg {
    id: u32,
    drops: Rc<Cell<usize>>,
}

impl Drop for Msg {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

fn counter() -> Rc<Cell<usize>> {
    Rc::new(Cell::new(0))
}

fn msg(id: u32, drops: &Rc<Cell<usize>>) -> Msg {
    Msg {
        id,
        drops: Rc::clone(drops),
    }
}

#[test]
fn values_still_on_the_stack_are_dropped_with_it() {
    let drops = counter();
    let mut stack: InlineStack<Msg, 4> = InlineStack::new();
    for id in 0..3 {
        stack.push(msg(id, &drops)).unwrap();
    }
    assert_eq!(drops.get(), 0);
    drop(stack);
    assert_eq!(drops.get(), 3);
}

#[test]
fn a_full_stack_drops_every_value_once() {
    let drops = counter();
    let mut stack: InlineStack<Msg, 3> = InlineStack::new();
    for id in 0..3 {
        stack.push(msg(id, &drops)).unwrap();
    }
    drop(stack);
    assert_eq!(drops.get(), 3);
}

#[test]
fn popped_values_belong_to_the_caller() {
    let drops = counter();
    let mut stack: InlineStack<Msg, 4> = InlineStack::new();
    for id in 0..4 {
        stack.push(msg(id, &drops)).unwrap();
    }
    let top = stack.pop().unwrap();
    assert_eq!(top.id, 3);
    assert_eq!(drops.get(), 0);
    drop(stack);
    assert_eq!(
        drops.get(),
        3,
        "dropping the stack drops the three values still on it, and not the popped one"
    );
    drop(top);
    assert_eq!(drops.get(), 4);
}

#[test]
fn a_value_refused_by_a_full_stack_is_handed_back() {
    let drops = counter();
    let mut stack: InlineStack<Msg, 2> = InlineStack::new();
    stack.push(msg(1, &drops)).unwrap();
    stack.push(msg(2, &drops)).unwrap();
    let refused = stack.push(msg(3, &drops)).unwrap_err();
    assert_eq!(refused.id, 3);
    assert_eq!(drops.get(), 0);
    drop(stack);
    assert_eq!(drops.get(), 2);
    drop(refused);
    assert_eq!(drops.get(), 3);
}

#[test]
fn an_emptied_or_unused_stack_drops_nothing_more() {
    let drops = counter();
    let stack: InlineStack<Msg, 8> = InlineStack::new();
    drop(stack);
    let mut stack: InlineStack<Msg, 8> = InlineStack::new();
    stack.push(msg(1, &drops)).unwrap();
    stack.push(msg(2, &drops)).unwrap();
    while let Some(m) = stack.pop() {
        drop(m);
    }
    assert_eq!(drops.get(), 2);
    drop(stack);
    assert_eq!(drops.get(), 2);
}

#[test]
fn pushes_and_pops_in_any_mix_drop_each_value_once() {
    let drops = counter();
    let mut stack: InlineStack<Msg, 5> = InlineStack::new();
    let mut created = 0;
    for round in 0..40 {
        if round % 3 == 2 {
            // The popped value, if any, is dropped right here.
            stack.pop();
        } else {
            created += 1;
            // A refused value comes back in the `Err` and is dropped right here.
            let _ = stack.push(msg(round, &drops));
        }
        // Every value made so far is either still on the stack or dropped, never both.
        assert_eq!(drops.get() + stack.len(), created, "round {round}");
    }
    assert!(stack.len() > 0);
    drop(stack);
    assert_eq!(drops.get(), created);
}

/// A message whose destructor counts itself and then, if told to, panics.
struct Fragile {
    fails: bool,
    drops: Rc<Cell<usize>>,
}

impl Drop for Fragile {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
        if self.fails {
            panic!("this message's destructor failed");
        }
    }
}

#[test]
fn a_destructor_that_panics_does_not_leak_the_other_values() {
    let drops = counter();
    let mut stack: InlineStack<Fragile, 4> = InlineStack::new();
    for i in 0..3 {
        let value = Fragile {
            fails: i == 1,
            drops: Rc::clone(&drops),
        };
        assert!(stack.push(value).is_ok());
    }
    let dropping = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(stack)));
    assert!(
        dropping.is_err(),
        "the panic must reach the owner of the stack"
    );
    assert_eq!(
        drops.get(),
        3,
        "when one value's destructor panics, the other values must still be dropped, once each"
    );
}

#[test]
fn values_come_back_last_in_first_out() {
    let mut stack: InlineStack<String, 3> = InlineStack::new();
    for word in ["alpha", "beta", "gamma"] {
        stack.push(word.to_string()).unwrap();
    }
    assert_eq!(stack.as_slice(), ["alpha", "beta", "gamma"]);
    assert_eq!(stack.pop().as_deref(), Some("gamma"));
    assert_eq!(stack.as_slice(), ["alpha", "beta"]);
    stack.push("delta".to_string()).unwrap();
    assert_eq!(stack.pop().as_deref(), Some("delta"));
    assert_eq!(stack.pop().as_deref(), Some("beta"));
    assert_eq!(stack.pop().as_deref(), Some("alpha"));
    assert_eq!(stack.pop(), None);
    assert!(stack.as_slice().is_empty());
}

#[test]
fn a_stack_of_capacity_zero_refuses_everything() {
    let drops = counter();
    let mut stack: InlineStack<Msg, 0> = InlineStack::new();
    let refused = stack.push(msg(1, &drops)).unwrap_err();
    assert_eq!(refused.id, 1);
    assert!(stack.pop().is_none());
    drop(stack);
    assert_eq!(drops.get(), 0);
}
