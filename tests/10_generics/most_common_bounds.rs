use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::cmp::{Eq, PartialEq};

#[test]
fn finds_the_most_common_string_slice() {
    let levels = ["warn", "info", "error", "info", "warn", "info"];
    assert_eq!(most_common(&levels), Some("info"));
}

#[test]
fn works_for_numbers() {
    let votes: Vec<u8> = vec![3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    assert_eq!(most_common(&votes), Some(5));
    let temperatures = [-3i64, -3, 7, 7, 7, -3, -3];
    assert_eq!(most_common(&temperatures), Some(-3));
}

#[test]
fn works_for_owned_strings_and_returns_an_owned_copy() {
    let readers = vec![
        String::from("ada"),
        String::from("linus"),
        String::from("grace"),
        String::from("linus"),
    ];
    let winner: Option<String> = most_common(&readers);
    assert_eq!(winner.as_deref(), Some("linus"));
    assert_eq!(readers.len(), 4, "the input must be left as it was");
}

#[test]
fn works_for_a_type_defined_elsewhere() {
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    struct Station {
        zone: char,
        number: u16,
    }
    let seen = [
        Station {
            zone: 'b',
            number: 2,
        },
        Station {
            zone: 'a',
            number: 7,
        },
        Station {
            zone: 'a',
            number: 7,
        },
    ];
    assert_eq!(
        most_common(&seen),
        Some(Station {
            zone: 'a',
            number: 7
        })
    );
}

#[test]
fn a_tie_goes_to_the_value_seen_first() {
    assert_eq!(most_common(&[3, 1, 1, 3, 2]), Some(3));
    let letters: Vec<char> = "mississippi".chars().collect();
    // 'i' and 's' both appear four times; 'i' comes first.
    assert_eq!(most_common(&letters), Some('i'));
}

#[test]
fn single_and_empty_slices() {
    assert_eq!(most_common(&[42u32]), Some(42));
    let empty: [bool; 0] = [];
    assert_eq!(most_common(&empty), None);
}

// A key that counts, on this thread, how often two keys are compared for equality.
::std::thread_local! {
    static EQ_CALLS: ::std::cell::Cell<usize> = const { ::std::cell::Cell::new(0) };
}

// Hashable and comparable for equality, but neither ordered nor `Debug`.
#[derive(Clone)]
struct Counted(u32);

impl PartialEq for Counted {
    fn eq(&self, other: &Self) -> bool {
        EQ_CALLS.with(|calls| calls.set(calls.get() + 1));
        self.0 == other.0
    }
}

impl Eq for Counted {}

impl ::std::hash::Hash for Counted {
    fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

#[test]
fn counting_uses_the_hash_map_not_a_comparison_of_every_pair() {
    for (distinct, winner) in [(3000u32, 1717u32), (1200, 3)] {
        let mut items: Vec<Counted> = (0..distinct).map(Counted).collect();
        items.push(Counted(winner));
        items.push(Counted(winner));
        EQ_CALLS.with(|calls| calls.set(0));
        let found = most_common(&items).map(|value| value.0);
        let comparisons = EQ_CALLS.with(|calls| calls.get());
        assert_eq!(found, Some(winner));
        assert!(
            comparisons <= 10 * items.len(),
            "{comparisons} equality checks for {} items: the body must count with the \
             `HashMap` (a few checks per item), not compare every item with every other",
            items.len()
        );
    }
}

#[test]
fn a_tie_among_many_values_goes_to_the_first_one_every_time() {
    // 40 different values, each seen twice: the first of them must win, however the
    // `HashMap` happens to order its keys.
    let values: ::std::vec::Vec<u16> = (0..40).map(|i| i * 37 % 101).collect();
    for start in 0..values.len() {
        let mut items: ::std::vec::Vec<u16> = values[start..]
            .iter()
            .chain(&values[..start])
            .copied()
            .collect();
        let second_round: ::std::vec::Vec<u16> = items.iter().rev().copied().collect();
        items.extend(second_round);
        assert_eq!(
            most_common(&items),
            Some(values[start]),
            "{items:?}: every value appears twice, so the one seen first wins"
        );
    }
}
