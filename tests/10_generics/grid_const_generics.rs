use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn transpose_swaps_rows_and_columns() {
    let sales = Grid::new([[3, 0, 2], [1, 4, 1]]);
    let by_column: Grid<3, 2> = sales.transpose();
    assert_eq!(by_column.cells, [[3, 1], [0, 4], [2, 1]]);
    assert_eq!((by_column.rows(), by_column.cols()), (3, 2));
}

#[test]
fn transposing_twice_gives_the_original() {
    let grid = Grid::new([[1, -2, 3, 4], [5, 6, -7, 8], [9, 10, 11, -12]]);
    assert_eq!(grid.transpose().transpose(), grid);
}

#[test]
fn a_single_row_becomes_a_single_column() {
    let row = Grid::new([[7, 8, 9]]);
    let column: Grid<3, 1> = row.transpose();
    assert_eq!(column.cells, [[7], [8], [9]]);
    assert_eq!(column.row_sums(), [7, 8, 9]);
}

#[test]
fn an_empty_grid_keeps_its_shape_swapped() {
    let empty: Grid<0, 4> = Grid::new([]);
    let swapped: Grid<4, 0> = empty.transpose();
    assert_eq!(swapped.cells, [[], [], [], []]);
    assert_eq!(swapped.row_sums(), [0, 0, 0, 0]);
}

#[test]
fn row_sums_of_a_transpose_are_column_sums() {
    let sales = Grid::new([[3, 0, 2], [1, 4, 1]]);
    assert_eq!(sales.row_sums(), [5, 6]);
    assert_eq!(sales.transpose().row_sums(), [4, 4, 3]);
}

#[test]
fn multiply_checks_shapes_at_compile_time() {
    let a = Grid::new([[1, 2, 3], [4, 5, 6]]);
    let b = Grid::new([[7, 8], [9, 10], [11, 12]]);
    let product: Grid<2, 2> = a.multiply(&b);
    assert_eq!(product.cells, [[58, 64], [139, 154]]);

    // A grid times its own transpose always fits.
    let gram: Grid<2, 2> = a.multiply(&a.transpose());
    assert_eq!(gram.cells, [[14, 32], [32, 77]]);

    let identity = Grid::new([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    assert_eq!(a.multiply(&identity), a);
}
