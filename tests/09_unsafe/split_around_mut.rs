use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::size_of;

#[test]
fn splits_around_the_middle() {
    let mut v = [1, 2, 3, 4, 5];
    let (before, current, after) = split_around_mut(&mut v, 2);
    assert_eq!(before, &[1, 2]);
    assert_eq!(*current, 3);
    assert_eq!(after, &[4, 5]);
}

#[test]
fn all_three_pieces_can_be_written_at_once() {
    let mut v = [1, 2, 3, 4, 5];
    let (before, current, after) = split_around_mut(&mut v, 2);
    before[1] *= 10;
    *current += after[0];
    after[1] = before[0];
    assert_eq!(v, [1, 20, 7, 4, 1]);
}

#[test]
fn first_and_last_items_give_an_empty_side() {
    let mut v = [7, 8, 9];
    let (before, current, after) = split_around_mut(&mut v, 0);
    assert!(before.is_empty());
    assert_eq!((*current, after.len()), (7, 2));
    let (before, current, after) = split_around_mut(&mut v, 2);
    assert_eq!((before.len(), *current), (2, 9));
    assert!(after.is_empty());
    let mut one = [42];
    let (before, current, after) = split_around_mut(&mut one, 0);
    assert!(before.is_empty() && after.is_empty());
    *current = 43;
    assert_eq!(one, [43]);
}

#[test]
fn the_pieces_are_disjoint_and_in_place() {
    let mut v = [0u64; 6];
    let start = v.as_ptr() as usize;
    let size = size_of::<u64>();
    let (before, current, after) = split_around_mut(&mut v, 4);
    assert_eq!(before.as_ptr() as usize, start);
    assert_eq!(before.len(), 4);
    assert_eq!(current as *mut u64 as usize, start + 4 * size);
    assert_eq!(after.as_ptr() as usize, start + 5 * size);
    assert_eq!(after.len(), 1);
}

#[test]
fn owned_values_move_between_pieces() {
    let mut tracks: Vec<String> = ["intro", "verse", "chorus", "outro"]
        .map(String::from)
        .to_vec();
    let (before, current, after) = split_around_mut(&mut tracks, 1);
    std::mem::swap(current, &mut after[0]);
    std::mem::swap(&mut before[0], &mut after[1]);
    current.push_str(" (long)");
    assert_eq!(tracks, ["outro", "chorus (long)", "verse", "intro"]);
}

#[test]
fn zero_sized_items_split_by_count() {
    let mut units = [(); 5];
    let (before, _, after) = split_around_mut(&mut units, 1);
    assert_eq!((before.len(), after.len()), (1, 3));
}

#[test]
#[should_panic]
fn an_index_equal_to_the_length_panics() {
    let mut v = [1, 2, 3];
    split_around_mut(&mut v, 3);
}

#[test]
#[should_panic]
fn an_empty_slice_has_no_index_to_split_around() {
    let mut v: [u8; 0] = [];
    split_around_mut(&mut v, 0);
}

#[test]
#[should_panic]
fn a_huge_index_panics() {
    let mut v = [1, 2, 3];
    split_around_mut(&mut v, usize::MAX);
}
