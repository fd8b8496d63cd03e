// Question 10: What are generics in Rust?
//
// Generics can be over values too. `Grid<R, C>` is a table of R rows and C columns whose sizes
// are const generic parameters: they are part of the type, known at compile time, and its
// cells are a plain array with no heap allocation. A 2x3 grid and a 3x2 grid are different
// types, so shapes are checked by the compiler: multiplying a 2x3 grid by another 2x3 grid is
// not a run-time error, it does not compile.
//
// `transpose` (rows become columns) does not compile: its return type has the sizes wrong.
// Fix the signature; the body is right.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Grid<const R: usize, const C: usize> {
    cells: [[i64; C]; R],
}

impl<const R: usize, const C: usize> Grid<R, C> {
    fn new(cells: [[i64; C]; R]) -> Self {
        Grid { cells }
    }

    fn rows(&self) -> usize {
        R
    }

    fn cols(&self) -> usize {
        C
    }

    /// One sum per row; the array's length is the number of rows, checked at compile time.
    fn row_sums(&self) -> [i64; R] {
        self.cells.map(|row| row.iter().sum())
    }

    // The sizes swap places: an R x C grid transposes into a C x R grid, and the compiler
    // checks that the array built below has exactly that shape.
    fn transpose(&self) -> Grid<C, R> {
        let mut cells = [[0; R]; C];
        for (r, row) in self.cells.iter().enumerate() {
            for (c, &value) in row.iter().enumerate() {
                cells[c][r] = value;
            }
        }
        Grid { cells }
    }

    /// Matrix product: an R x C grid times a C x K grid is an R x K grid.
    fn multiply<const K: usize>(&self, other: &Grid<C, K>) -> Grid<R, K> {
        let mut cells = [[0; K]; R];
        for (out_row, row) in cells.iter_mut().zip(&self.cells) {
            for (k, out) in out_row.iter_mut().enumerate() {
                *out = row
                    .iter()
                    .zip(&other.cells)
                    .map(|(value, other_row)| value * other_row[k])
                    .sum();
            }
        }
        Grid { cells }
    }
}

fn main() {
    let sales = Grid::new([[3, 0, 2], [1, 4, 1]]);
    println!("{:?}", sales.transpose());
}
