// Question 10: What are generics in Rust?
//
// `most_common` finds the value that occurs most often in a slice: the most frequent level in
// a log, the winning vote, the busiest sensor. It is written once, for every element type `T`,
// and the compiler turns it into a separate copy for each type it is used with.
//
// It does not compile. Inside a generic function `T` can do only what its trait bounds say it
// can, and here it has none. Give `T` the bounds the body needs: read the compiler's errors one
// at a time. Do not change the body.
//
// When several values are equally common, the one that appears first in the slice wins.

use std::collections::HashMap;
use std::hash::Hash;

// Each bound is a capability the body uses: `Eq + Hash` to be a `HashMap` key, `Clone` to hand
// back an owned copy of an element that stays in the slice.
fn most_common<T: Eq + Hash + Clone>(items: &[T]) -> Option<T> {
    let mut counts: HashMap<&T, usize> = HashMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }

    let mut best: Option<(&T, usize)> = None;
    for item in items {
        let count = counts[&item];
        if best.is_none_or(|(_, best_count)| count > best_count) {
            best = Some((item, count));
        }
    }
    best.map(|(item, _)| item).cloned()
}

fn main() {
    let levels = ["info", "warn", "info", "error", "info"];
    println!("{:?}", most_common(&levels));
}
