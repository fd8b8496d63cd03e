use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn new_orders_the_ends() {
    let hours = Interval::new(17, 9);
    assert_eq!((*hours.low(), *hours.high()), (9, 17));
    let same = Interval::new(4u8, 4);
    assert_eq!((*same.low(), *same.high()), (4, 4));
}

#[test]
fn contains_includes_both_ends() {
    let hours = Interval::new(9, 17);
    assert!(hours.contains(&9));
    assert!(hours.contains(&12));
    assert!(hours.contains(&17));
    assert!(!hours.contains(&8));
    assert!(!hours.contains(&18));
}

#[test]
fn works_for_letters_words_and_dates() {
    let shelf = Interval::new('m', 'c');
    assert!(shelf.contains(&'h'));
    assert!(!shelf.contains(&'z'));

    let index_page = Interval::new("apple", "cherry");
    assert!(index_page.contains(&"banana"));
    assert!(!index_page.contains(&"date"));

    let spring = Interval::new((2024, 3, 20), (2024, 6, 20));
    assert!(spring.contains(&(2024, 4, 1)));
    assert!(!spring.contains(&(2024, 6, 21)));
}

#[test]
fn overlaps_when_sharing_a_point() {
    let morning = Interval::new(8, 12);
    assert!(morning.overlaps(&Interval::new(11, 14)));
    assert!(morning.overlaps(&Interval::new(12, 13)));
    assert!(morning.overlaps(&Interval::new(9, 10)));
    assert!(Interval::new(9, 10).overlaps(&morning));
    assert!(!morning.overlaps(&Interval::new(13, 18)));
    assert!(!Interval::new(13, 18).overlaps(&morning));
}

#[test]
fn clamp_moves_outside_values_to_the_nearest_end() {
    let volume = Interval::new(0, 10);
    assert_eq!(volume.clamp(-4), 0);
    assert_eq!(volume.clamp(7), 7);
    assert_eq!(volume.clamp(11), 10);

    let names = Interval::new(String::from("kim"), String::from("lee"));
    assert_eq!(names.clamp(String::from("ada")), "kim");
    assert_eq!(names.clamp(String::from("kit")), "kit");
    assert_eq!(names.clamp(String::from("zoe")), "lee");
}

#[test]
fn comparing_is_all_the_generic_block_asks_for() {
    // Only ordered: not `Clone`, `Copy`, `Debug` or even `Eq`.
    #[derive(PartialEq, PartialOrd)]
    struct Release {
        major: u32,
        minor: u32,
    }
    let release = |major, minor| Release { major, minor };
    let supported = Interval::new(release(2, 4), release(1, 9));
    assert!(supported.low() == &release(1, 9));
    assert!(supported.contains(&release(2, 0)));
    assert!(supported.contains(&release(2, 4)));
    assert!(!supported.contains(&release(2, 5)));
    assert!(supported.overlaps(&Interval::new(release(0, 1), release(1, 9))));
    assert!(!supported.overlaps(&Interval::new(release(3, 0), release(4, 0))));
}

#[test]
fn floats_get_length_and_midpoint() {
    let band = Interval::new(4.5, 1.5);
    assert_eq!(band.length(), 3.0);
    assert_eq!(band.midpoint(), 3.0);
    assert!(band.contains(&2.25));
    assert_eq!(Interval::new(-2.0, -2.0).length(), 0.0);
}

#[test]
fn works_for_words_borrowed_from_a_local_string() {
    // The words borrow from `text`, which lives only as long as this test.
    let text = ::std::string::String::from("pear fig apple plum kiwi");
    let words: ::std::vec::Vec<&str> = text.split(' ').collect();
    let range = Interval::new(words[0], words[1]);
    assert_eq!((*range.low(), *range.high()), ("fig", "pear"));
    assert!(range.contains(&words[4]));
    assert!(!range.contains(&words[2]));
    assert!(!range.contains(&words[3]));
    assert!(range.overlaps(&Interval::new(words[2], words[4])));
    assert!(!range.overlaps(&Interval::new(words[3], words[3])));
    assert_eq!(range.clamp(words[3]), "pear");
}
