// Question 9: What is unsafe Rust? Explain with an example.
//
// `Heightmap` stores terrain heights row by row in one Vec. The renderer's hot loops call
// `elevation_unchecked`, an `unsafe fn`: it skips the bounds check, and the `# Safety`
// section of its documentation is the contract every caller must keep. Everyone else
// calls `elevation`, a safe method, with coordinates that come from the mouse pointer
// and so can be anything at all.
//
// A safe function that calls an unsafe one takes over its contract: whatever a caller
// passes, the contract must hold, or safe code can cause undefined behaviour. `elevation`
// checks something before the call, but not the contract, and its SAFETY comment argues
// the wrong thing. Fix `elevation` (and its comment); leave `elevation_unchecked` as it
// is. In debug builds, `elevation_unchecked` checks its contract with `debug_assert!`
// and panics instead of going on: that is how the hidden tests see a broken contract.

struct Heightmap {
    cols: usize,
    rows: usize,
    /// Row by row; always exactly `cols * rows` cells.
    cells: Vec<u8>,
}

impl Heightmap {
    fn new(cols: usize, rows: usize, cells: Vec<u8>) -> Heightmap {
        // `checked_mul`: a product that wrapped around could let a huge map pass for a small one.
        assert!(
            cols.checked_mul(rows) == Some(cells.len()),
            "a {cols}x{rows} map needs {cols} * {rows} cells, not {}",
            cells.len()
        );
        Heightmap { cols, rows, cells }
    }

    /// The height at column `x` of row `y`, without a bounds check.
    ///
    /// # Safety
    ///
    /// The caller must make sure that `x < self.cols` and `y < self.rows`.
    unsafe fn elevation_unchecked(&self, x: usize, y: usize) -> u8 {
        debug_assert!(
            x < self.cols && y < self.rows,
            "elevation_unchecked({x}, {y}) on a {}x{} map",
            self.cols,
            self.rows
        );
        // SAFETY: the caller promises x < cols and y < rows, so the index is at most
        // (rows - 1) * cols + cols - 1 = rows * cols - 1 < cells.len() (`new` checked that
        // cells.len() is exactly rows * cols), and it cannot overflow.
        unsafe { *self.cells.get_unchecked(y * self.cols + x) }
    }

    /// The height at column `x` of row `y`, or `None` when that point is off the map.
    fn elevation(&self, x: usize, y: usize) -> Option<u8> {
        // Check the contract itself, not the flat index: (cols, 0) is inside `cells` (it is
        // the start of row 1), yet it is off the map, and `y * cols + x` can overflow.
        if x >= self.cols || y >= self.rows {
            return None;
        }
        // SAFETY: we have just checked x < cols and y < rows, which is exactly the contract
        // of `elevation_unchecked`.
        Some(unsafe { self.elevation_unchecked(x, y) })
    }
}

fn main() {
    let map = Heightmap::new(3, 2, vec![10, 11, 12, 20, 21, 22]);
    for (x, y) in [(2, 1), (3, 0), (0, 2)] {
        println!("({x}, {y}): {:?}", map.elevation(x, y));
    }
}
