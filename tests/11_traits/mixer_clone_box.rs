use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::cell::Cell;
use ::std::clone::Clone;
use ::std::mem::drop;
use ::std::rc::Rc;

// An effect the mixer has never heard of: it adds a running total, and counts how often it is
// cloned (its `Clone` is written by hand for that; deriving it would do as well).
struct Drift {
    step: f32,
    total: f32,
    clones: Rc<Cell<u32>>,
}

impl Clone for Drift {
    fn clone(&self) -> Self {
        self.clones.set(self.clones.get() + 1);
        Drift {
            step: self.step,
            total: self.total,
            clones: Rc::clone(&self.clones),
        }
    }
}

impl Effect for Drift {
    fn name(&self) -> String {
        format!("drift {} (at {})", self.step, self.total)
    }

    fn process(&mut self, sample: f32) -> f32 {
        self.total += self.step;
        sample + self.total
    }
}

// Another one, derived.
#[derive(Clone)]
struct Invert;

impl Effect for Invert {
    fn name(&self) -> String {
        "invert".to_owned()
    }

    fn process(&mut self, sample: f32) -> f32 {
        -sample
    }
}

fn echo(delay: usize) -> Echo {
    Echo {
        delay,
        heard: Vec::new(),
    }
}

fn limiter(ceiling: f32) -> Limiter {
    Limiter { ceiling, cuts: 0 }
}

#[test]
fn chains_and_boxed_effects_are_cloneable() {
    fn cloneable<T: Clone>() {}
    cloneable::<Chain>();
    cloneable::<Box<dyn Effect>>();
}

#[test]
fn a_cloned_box_is_a_separate_effect() {
    let mut original: Box<dyn Effect> = Box::new(limiter(0.5));
    let mut copy = original.clone();
    assert_eq!(copy.process(0.9), 0.5);
    assert_eq!(copy.process(-0.7), -0.5);
    assert_eq!(copy.name(), "limiter at 0.5 (2 cuts)");
    assert_eq!(
        original.name(),
        "limiter at 0.5 (0 cuts)",
        "the copy's cuts were counted on the original: the clone shares its state"
    );
    assert_eq!(original.process(0.6), 0.5);
    assert_eq!(copy.name(), "limiter at 0.5 (2 cuts)");
}

#[test]
fn a_variation_leaves_the_original_as_it_was() {
    let mut chain = Chain::default().then(Gain { factor: 2.0 }).then(echo(2));
    assert_eq!(chain.run(&[0.125, 0.25]), [0.25, 0.5]);

    let mut louder = chain.variation(limiter(0.75));
    assert_eq!(
        louder.names(),
        ["gain x2", "echo of 2", "limiter at 0.75 (0 cuts)"]
    );
    // The copy starts with the echo's memory of 0.25 and 0.5...
    assert_eq!(louder.run(&[0.5, 0.0, 0.0]), [0.75, 0.25, 0.5]);
    assert_eq!(louder.names()[2], "limiter at 0.75 (1 cuts)");

    // ...and the original goes on as if the copy had never run.
    assert_eq!(chain.names(), ["gain x2", "echo of 2"]);
    assert_eq!(
        chain.run(&[0.0, 0.0, 0.0]),
        [0.125, 0.25, 0.0],
        "the original's echo heard what the variation played: the effects are shared, not copied"
    );
}

#[test]
fn effects_the_mixer_never_heard_of_are_cloned_too() {
    let clones = Rc::new(Cell::new(0));
    let mut chain = Chain::default()
        .then(Drift {
            step: 1.0,
            total: 0.0,
            clones: Rc::clone(&clones),
        })
        .then(Invert);
    assert_eq!(chain.run(&[0.0, 0.0]), [-1.0, -2.0]);

    let mut copy = chain.clone();
    assert_eq!(
        clones.get(),
        1,
        "cloning the chain clones each effect exactly once"
    );
    assert_eq!(copy.run(&[10.0]), [-13.0]);
    assert_eq!(copy.names(), ["drift 1 (at 3)", "invert"]);
    assert_eq!(chain.names(), ["drift 1 (at 2)", "invert"]);

    let _again = copy.variation(Invert).variation(Gain { factor: 0.5 });
    assert_eq!(clones.get(), 3, "each variation clones each effect once");
    assert_eq!(chain.run(&[0.0]), [-3.0]);
}

#[test]
fn a_clone_of_a_clone_is_still_the_same_effect() {
    let first: Box<dyn Effect> = Box::new(echo(1));
    let second = first.clone().clone();
    let mut chain = Chain::default().then(Invert);
    chain.effects.push(second);
    assert_eq!(chain.names(), ["invert", "echo of 1"]);
    assert_eq!(chain.run(&[1.0, 2.0]), [-1.0, -2.5]);
    assert_eq!(first.name(), "echo of 1");
}

// An effect that borrows everything it shares: the gains it steps through, and the counter of
// its reads. A copy reads the same table and counts in the same counter.
#[derive(Clone)]
struct Lookup<'t> {
    gains: &'t [f32],
    at: usize,
    reads: &'t Cell<u32>,
}

impl Effect for Lookup<'_> {
    fn name(&self) -> String {
        format!("lookup at {}", self.at)
    }

    fn process(&mut self, sample: f32) -> f32 {
        self.reads.set(self.reads.get() + 1);
        let gain = self.gains[self.at % self.gains.len()];
        self.at += 1;
        sample * gain
    }
}

// Generic over the chain's lifetime, as the mixer's own code is.
fn copy_of<'a>(chain: &Chain<'a>) -> Chain<'a> {
    chain.clone()
}

#[test]
fn chains_of_effects_that_borrow_are_cloned_too() {
    let gains = vec![1.0, 0.5, 0.25];
    let reads = Cell::new(0);
    let mut chain = Chain::default()
        .then(Lookup {
            gains: &gains,
            at: 0,
            reads: &reads,
        })
        .then(limiter(0.75));
    assert_eq!(chain.run(&[1.0, 1.0]), [0.75, 0.5]);

    let mut copy = copy_of(&chain);
    assert_eq!(copy.run(&[1.0]), [0.25]);
    assert_eq!(copy.names(), ["lookup at 3", "limiter at 0.75 (1 cuts)"]);
    assert_eq!(
        chain.names(),
        ["lookup at 2", "limiter at 0.75 (1 cuts)"],
        "the copy's state was the original's: the effects are shared, not copied"
    );
    assert_eq!(
        reads.get(),
        3,
        "both read through the same borrowed counter"
    );

    let mut shaped = chain.variation(Shaper {
        curve: &gains,
        shaped: 0,
    });
    assert_eq!(shaped.run(&[1.0]), [0.5]);
    assert_eq!(
        shaped.names(),
        [
            "lookup at 3",
            "limiter at 0.75 (1 cuts)",
            "shaper of 3 (1 shaped)"
        ]
    );
    assert_eq!(chain.names()[0], "lookup at 2");
    assert_eq!(reads.get(), 4);
}

#[test]
fn a_copy_outlives_its_original_but_not_what_it_borrows() {
    let curve = vec![-1.0, 0.0, 1.0];
    let mut copy = {
        let original: Box<dyn Effect + '_> = Box::new(Shaper {
            curve: &curve,
            shaped: 0,
        });
        let copy = original.clone();
        drop(original);
        copy
    };
    assert_eq!(copy.process(0.9), 1.0);
    assert_eq!(copy.process(-0.2), 0.0);
    assert_eq!(copy.name(), "shaper of 3 (2 shaped)");

    let kept = {
        let chain = Chain::default().then(Shaper {
            curve: &curve,
            shaped: 5,
        });
        chain.variation(Invert)
    };
    assert_eq!(kept.names(), ["shaper of 3 (5 shaped)", "invert"]);
}

#[test]
fn presets_go_into_chains_and_are_copied_with_them() {
    assert!(preset("none").is_none());
    let mut chain = Chain::default()
        .then(preset("double").unwrap())
        .then(preset("slap").unwrap());
    assert_eq!(chain.names(), ["gain x2", "echo of 2"]);
    assert_eq!(chain.run(&[0.25, 0.0]), [0.5, 0.0]);

    let mut louder = chain.variation(preset("safe").unwrap());
    assert_eq!(louder.run(&[0.5, 0.0]), [0.9, 0.0]);
    assert_eq!(
        louder.names(),
        ["gain x2", "echo of 2", "limiter at 0.9 (1 cuts)"]
    );
    assert_eq!(
        chain.run(&[0.0, 0.0]),
        [0.25, 0.0],
        "the original's echo heard what the variation played: a preset in it was shared"
    );
    assert_eq!(chain.names(), ["gain x2", "echo of 2"]);
}

#[test]
fn a_boxed_effect_is_an_effect_and_copies_like_one() {
    fn twice<E: Effect>(effect: &mut E, sample: f32) -> f32 {
        let once = effect.process(sample);
        effect.process(once)
    }
    let clones = Rc::new(Cell::new(0));
    let drift: Box<dyn Effect> = Box::new(Drift {
        step: 0.5,
        total: 0.0,
        clones: Rc::clone(&clones),
    });
    let mut boxed_again: Box<dyn Effect> = Box::new(drift.clone());
    assert_eq!(clones.get(), 1);
    assert_eq!(twice(&mut boxed_again, 1.0), 2.5);
    assert_eq!(boxed_again.name(), "drift 0.5 (at 1)");
    let mut copy = boxed_again.clone();
    assert_eq!(clones.get(), 2, "a copy clones the effect inside once");
    assert_eq!(copy.process(0.0), 1.5);
    assert_eq!(boxed_again.name(), "drift 0.5 (at 1)");
    assert_eq!(drift.name(), "drift 0.5 (at 0)");

    let chain = Chain::default().then(drift).then(boxed_again);
    let _copy = chain.clone();
    assert_eq!(
        clones.get(),
        4,
        "cloning the chain clones each effect exactly once"
    );
}

#[test]
fn a_boxed_effect_that_borrows_is_an_effect_too() {
    let gains = [2.0, 3.0];
    let reads = Cell::new(0);
    let lookup: Box<dyn Effect + '_> = Box::new(Lookup {
        gains: &gains,
        at: 0,
        reads: &reads,
    });
    let mut chain = Chain::default().then(lookup.clone()).then(Invert);
    assert_eq!(chain.run(&[1.0]), [-2.0]);
    let mut copy = copy_of(&chain);
    assert_eq!(copy.run(&[1.0]), [-3.0]);
    assert_eq!(chain.names(), ["lookup at 1", "invert"]);
    assert_eq!(lookup.name(), "lookup at 0");
    assert_eq!(reads.get(), 2);
}
