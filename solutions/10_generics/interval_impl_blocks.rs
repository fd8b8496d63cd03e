// Question 10: What are generics in Rust?
//
// `Interval<T>` is a closed range from `low` to `high` of anything that can be compared:
// numbers, letters, words, dates written as (year, month, day) tuples. A generic struct gets
// its methods from `impl` blocks: a generic block gives methods to every `Interval<T>` its
// bounds allow, and a block for one concrete type gives methods to that type only. Here
// `length` and `midpoint` only make sense for `f64`, so they have a block of their own.
//
// The first `impl` block, meant for every comparable `T`, does not compile. Fix its first line
// so that it declares its type parameter with the bound its methods need. The struct and the
// `f64` block are right as they are.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Interval<T> {
    low: T,
    high: T,
}

// `impl<T: PartialOrd>` declares `T` for this block, and these methods exist only for the
// `T`s that can be compared (`<=` and `<` come from `PartialOrd`).
impl<T: PartialOrd> Interval<T> {
    /// Builds the interval between `a` and `b`, given in either order.
    fn new(a: T, b: T) -> Self {
        if a <= b {
            Interval { low: a, high: b }
        } else {
            Interval { low: b, high: a }
        }
    }

    fn low(&self) -> &T {
        &self.low
    }

    fn high(&self) -> &T {
        &self.high
    }

    fn contains(&self, value: &T) -> bool {
        self.low <= *value && *value <= self.high
    }

    /// Whether the two intervals share at least one point.
    fn overlaps(&self, other: &Interval<T>) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    /// The value itself when it is inside, otherwise the nearest end. This one method also
    /// needs `Clone`, so it asks for it in a `where` clause of its own.
    fn clamp(&self, value: T) -> T
    where
        T: Clone,
    {
        if value < self.low {
            self.low.clone()
        } else if value > self.high {
            self.high.clone()
        } else {
            value
        }
    }
}

impl Interval<f64> {
    fn length(&self) -> f64 {
        self.high - self.low
    }

    fn midpoint(&self) -> f64 {
        (self.low + self.high) / 2.0
    }
}

fn main() {
    let opening_hours = Interval::new(9, 17);
    println!("open at 12: {}", opening_hours.contains(&12));
    println!("{:?}", Interval::new(0.5, 2.0).length());
}
