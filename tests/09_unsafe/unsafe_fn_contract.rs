use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn map() -> Heightmap {
    // 3 columns, 2 rows.
    Heightmap::new(3, 2, vec![10, 11, 12, 20, 21, 22])
}

#[test]
fn points_on_the_map_have_their_height() {
    let m = map();
    assert_eq!(m.elevation(0, 0), Some(10));
    assert_eq!(m.elevation(2, 0), Some(12));
    assert_eq!(m.elevation(0, 1), Some(20));
    assert_eq!(m.elevation(1, 1), Some(21));
    assert_eq!(m.elevation(2, 1), Some(22));
}

#[test]
fn a_row_past_the_bottom_is_off_the_map() {
    let m = map();
    assert_eq!(m.elevation(0, 2), None);
    assert_eq!(m.elevation(2, 7), None);
}

#[test]
fn a_column_past_the_right_edge_is_off_the_map() {
    // (3, 0) would be cell 3, the first cell of row 1: inside the Vec, but not on the map.
    let m = map();
    assert_eq!(m.elevation(3, 0), None);
    assert_eq!(m.elevation(5, 0), None);
    assert_eq!(m.elevation(4, 1), None);
}

#[test]
fn huge_coordinates_are_off_the_map() {
    let m = map();
    assert_eq!(m.elevation(usize::MAX, 0), None);
    assert_eq!(m.elevation(0, usize::MAX), None);
    assert_eq!(m.elevation(usize::MAX, usize::MAX), None);
    assert_eq!(m.elevation(1, usize::MAX / 3 + 1), None);
}

#[test]
fn an_empty_map_has_no_points() {
    assert_eq!(Heightmap::new(0, 0, vec![]).elevation(0, 0), None);
    let no_columns = Heightmap::new(0, 4, vec![]);
    assert_eq!(no_columns.elevation(0, 0), None);
    assert_eq!(no_columns.elevation(0, 3), None);
}

#[test]
fn a_single_row_map() {
    let m = Heightmap::new(4, 1, vec![1, 2, 3, 4]);
    assert_eq!(m.elevation(3, 0), Some(4));
    assert_eq!(m.elevation(4, 0), None);
    assert_eq!(m.elevation(0, 1), None);
}
