// Question 11: How do you implement inheritance in Rust?
//
// A sound mixer runs each sample through a chain of effects. Effects are of many types, so the
// chain keeps them as trait objects, in boxes, and calls them through the vtable. Some effects
// have state: an echo remembers the samples it has heard, a limiter counts how often it cut the
// signal. Some borrow what they need instead of owning it: every shaper looks its levels up in
// one curve, loaded once and never copied, so a chain lives no longer than what its effects
// borrow (that is its `'a`). Presets come already boxed, and a boxed effect is an effect too: a
// chain takes one like any other.
//
// A chain must be cloneable, deeply: `Chain::variation` makes a copy to try a change on, and
// running samples through the copy must leave the original (its settings and its state) as it
// was. Someone made `Clone` a supertrait of `Effect`, so that every effect can be cloned. Now
// the mixer does not compile at all.
//
// Make every `Chain` the mixer can build cloneable, borrowing effects and presets included, and
// a boxed effect on its own too; a copy is as good as the original for as long as what it
// borrows lives. Writing an effect must stay as easy as it is now: implement `name` and
// `process`, and derive `Clone`; nothing more (the tests bring effects of their own, some of
// which borrow). The chain keeps owning its effects in boxes, a boxed effect stays an effect,
// and the signatures stay.

// `Clone` cannot be a supertrait of a trait used as `dyn`: `clone` returns `Self` by value,
// which needs `Self: Sized`, and one vtable cannot serve every size. What can go in the vtable
// is a method that returns the copy in a box: a box has one size whatever is in it.
//
// The box's type must also say how long the copy may live: a copy of a shaper borrows the same
// curve as the original, so it is valid exactly as long as the original's type is. The method
// is generic over that lifetime, `'a`, for any `'a` the effect's type outlives (a lifetime
// parameter, unlike a type parameter, keeps a method in the vtable). A copy boxed as `'static`
// would exclude every effect that borrows; one tied to `&self` would die with the borrow.
trait CloneEffect {
    fn clone_box<'a>(&self) -> Box<dyn Effect + 'a>
    where
        Self: 'a;
}

// Written once, for every effect that is `Clone`: an effect only derives `Clone` to get it.
impl<T: Effect + Clone> CloneEffect for T {
    fn clone_box<'a>(&self) -> Box<dyn Effect + 'a>
    where
        Self: 'a,
    {
        Box::new(self.clone())
    }
}

// As a supertrait, `CloneEffect` puts `clone_box` in the vtable of every `dyn Effect`.
trait Effect: CloneEffect {
    fn name(&self) -> String;
    /// Takes one sample in, gives one sample out; may update the effect's own state.
    fn process(&mut self, sample: f32) -> f32;
}

impl<'a> Clone for Box<dyn Effect + 'a> {
    fn clone(&self) -> Self {
        // `**self` is the effect inside the box, a `dyn Effect + 'a`; its `clone_box` is found
        // through the vtable, and the copy gets the same `'a`. Not `self.clone_box()`: a boxed
        // effect is an effect too, and `Clone` (this very impl), so the blanket impl gives the
        // box a `clone_box` of its own, and method lookup, which tries `&Box` before it
        // dereferences, would pick it; that one calls this `clone`, which calls it again, until
        // the stack overflows. (`(*self).clone_box()` names the same box.)
        (**self).clone_box()
    }
}

// A preset is handed over already boxed; boxed, it is still an effect.
impl Effect for Box<dyn Effect + '_> {
    fn name(&self) -> String {
        (**self).name()
    }

    fn process(&mut self, sample: f32) -> f32 {
        (**self).process(sample)
    }
}

#[derive(Clone)]
struct Gain {
    factor: f32,
}

impl Effect for Gain {
    fn name(&self) -> String {
        format!("gain x{}", self.factor)
    }

    fn process(&mut self, sample: f32) -> f32 {
        sample * self.factor
    }
}

/// Adds what it heard `delay` samples ago, at half volume.
#[derive(Clone)]
struct Echo {
    delay: usize,
    heard: Vec<f32>,
}

impl Effect for Echo {
    fn name(&self) -> String {
        format!("echo of {}", self.delay)
    }

    fn process(&mut self, sample: f32) -> f32 {
        let back = self.heard.len().checked_sub(self.delay);
        let out = sample + back.map_or(0.0, |at| self.heard[at] * 0.5);
        self.heard.push(sample);
        out
    }
}

/// Cuts the signal at `ceiling`, and counts the cuts.
#[derive(Clone)]
struct Limiter {
    ceiling: f32,
    cuts: u32,
}

impl Effect for Limiter {
    fn name(&self) -> String {
        format!("limiter at {} ({} cuts)", self.ceiling, self.cuts)
    }

    fn process(&mut self, sample: f32) -> f32 {
        if sample.abs() > self.ceiling {
            self.cuts += 1;
            return self.ceiling.copysign(sample);
        }
        sample
    }
}

/// Maps each sample, from -1 to 1, to the level at its place along a curve it borrows. Counts
/// the samples it shaped.
#[derive(Clone)]
struct Shaper<'c> {
    curve: &'c [f32],
    shaped: u32,
}

impl Effect for Shaper<'_> {
    fn name(&self) -> String {
        format!("shaper of {} ({} shaped)", self.curve.len(), self.shaped)
    }

    fn process(&mut self, sample: f32) -> f32 {
        self.shaped += 1;
        let last = self.curve.len() - 1;
        let place = (sample.clamp(-1.0, 1.0) + 1.0) / 2.0 * last as f32;
        self.curve[place.round() as usize]
    }
}

/// The presets of the mixer's menu, by name.
fn preset(name: &str) -> Option<Box<dyn Effect>> {
    match name {
        "double" => Some(Box::new(Gain { factor: 2.0 })),
        "slap" => Some(Box::new(Echo {
            delay: 2,
            heard: Vec::new(),
        })),
        "safe" => Some(Box::new(Limiter {
            ceiling: 0.9,
            cuts: 0,
        })),
        _ => None,
    }
}

#[derive(Clone, Default)]
struct Chain<'a> {
    effects: Vec<Box<dyn Effect + 'a>>,
}

impl<'a> Chain<'a> {
    fn then(mut self, effect: impl Effect + 'a) -> Self {
        self.effects.push(Box::new(effect));
        self
    }

    fn run(&mut self, samples: &[f32]) -> Vec<f32> {
        samples
            .iter()
            .map(|&sample| {
                self.effects
                    .iter_mut()
                    .fold(sample, |sample, effect| effect.process(sample))
            })
            .collect()
    }

    fn names(&self) -> Vec<String> {
        self.effects.iter().map(|effect| effect.name()).collect()
    }

    /// A copy of the chain with one more effect at the end; `self` is left as it was.
    fn variation(&self, extra: impl Effect + 'a) -> Chain<'a> {
        self.clone().then(extra)
    }
}

fn main() {
    let mut chain = Chain::default().then(Gain { factor: 2.0 }).then(Echo {
        delay: 1,
        heard: Vec::new(),
    });
    println!("{:?}", chain.run(&[0.25, 0.5, 0.0]));
    let mut louder = chain.variation(Limiter {
        ceiling: 0.8,
        cuts: 0,
    });
    println!("{:?} {:?}", louder.run(&[0.5]), louder.names());

    let curve = vec![-0.5, 0.0, 0.5];
    let soft = Shaper {
        curve: &curve,
        shaped: 0,
    };
    let mut shaped = chain.variation(soft).then(preset("safe").unwrap());
    println!("{:?} {:?}", shaped.run(&[0.1, 0.9]), shaped.names());
    let mut again = shaped.clone();
    println!("{:?} {:?}", again.run(&[0.1, 0.9]), again.names());
}
