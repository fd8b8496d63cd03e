use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;

fn basket(lines: &[(&str, u32)]) -> Vec<Line> {
    lines
        .iter()
        .map(|&(product, quantity)| Line {
            product: product.to_string(),
            quantity,
        })
        .collect()
}

#[test]
fn empty_lines_are_removed_and_counted() {
    let mut lines = basket(&[("tea", 2), ("milk", 0), ("bread", 1)]);
    assert_eq!(drop_empty_lines(&mut lines), 1);
    assert_eq!(lines, basket(&[("tea", 2), ("bread", 1)]));
}

#[test]
fn neighbouring_empty_lines_are_all_removed() {
    // Removing by index while walking forward would skip the line after each removal.
    let mut lines = basket(&[
        ("eggs", 0),
        ("jam", 0),
        ("rice", 5),
        ("salt", 0),
        ("oil", 0),
    ]);
    assert_eq!(drop_empty_lines(&mut lines), 4);
    assert_eq!(lines, basket(&[("rice", 5)]));
}

#[test]
fn a_basket_of_only_empty_lines_ends_up_empty() {
    let mut lines = basket(&[("a", 0), ("b", 0), ("c", 0)]);
    assert_eq!(drop_empty_lines(&mut lines), 3);
    assert!(lines.is_empty());
}

#[test]
fn full_lines_stay_in_order() {
    let original = basket(&[("x", 1), ("y", 9), ("z", 3)]);
    let mut lines = original.clone();
    assert_eq!(drop_empty_lines(&mut lines), 0);
    assert_eq!(lines, original);
}

#[test]
fn an_empty_basket_is_fine() {
    let mut lines = Vec::new();
    assert_eq!(drop_empty_lines(&mut lines), 0);
    assert!(lines.is_empty());
}

#[test]
fn removing_lines_copies_no_line() {
    // Removing lines needs no second basket and no copy of any line. A short list of
    // positions to remove is fine; a copy of a product's name (200 bytes here) is not.
    let long = |name: &str| format!("{name}{}", ".".repeat(200 - name.len()));
    let products: Vec<(String, u32)> = [
        ("tea", 0),
        ("jam", 3),
        ("milk", 0),
        ("rice", 1),
        ("salt", 0),
        ("figs", 2),
        ("oats", 0),
        ("kale", 5),
    ]
    .iter()
    .map(|&(name, quantity)| (long(name), quantity))
    .collect();
    let named: Vec<(&str, u32)> = products.iter().map(|(n, q)| (n.as_str(), *q)).collect();
    let mut lines = basket(&named);
    let (removed, usage) = measure(|| drop_empty_lines(&mut lines));
    assert_eq!(removed, 4);
    let kept: Vec<(&str, u32)> = named.iter().copied().filter(|&(_, q)| q > 0).collect();
    assert_eq!(lines, basket(&kept));
    assert!(
        usage.bytes < 200,
        "removing 4 lines asked the heap for {} bytes in {} allocations: something copied \
         the lines or the basket",
        usage.bytes,
        usage.allocations
    );
}
