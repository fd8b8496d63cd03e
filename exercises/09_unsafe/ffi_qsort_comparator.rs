// Question 9: What is unsafe Rust? Explain with an example.
//
// Calling C is the most common reason for unsafe Rust. The compiler cannot see C code, so
// an `unsafe extern "C"` block is a promise that the declarations in it match the C ones,
// and calling such a function is unsafe because C has rules of its own that Rust cannot
// check: for `qsort`, `base` must point to `count` elements of `size` bytes each, and
// `compare` must read its two arguments as pointers to such elements.
//
// `sort_by_depth` sorts river gauge readings with the C library's `qsort` (the C library
// is linked into every Rust program on this system; nothing to install). `qsort` calls
// back into Rust to compare two elements, and that is where it goes wrong: this does not
// compile. Read which type the compiler expected for the comparator, and change the
// comparator (not the declaration of `qsort`) to match, and keep sorting with `qsort`.
// Then ask yourself whether a function that dereferences whatever pointers it is given can
// honestly be a safe fn (the hidden tests ask it too). `by_depth` is public: if it is an
// `unsafe fn`, its doc comment says in a `# Safety` section what its callers must promise.

use std::cmp::Ordering;
use std::ffi::{c_int, c_void};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Gauge {
    station: u32,
    depth_mm: i32,
}

unsafe extern "C" {
    /// C: void qsort(void *base, size_t count, size_t size,
    ///               int (*compare)(const void *, const void *));
    fn qsort(
        base: *mut c_void,
        count: usize,
        size: usize,
        compare: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int,
    );
}

// TODO
/// qsort's comparator: negative, zero or positive as `a` is shallower than, as deep as, or
/// deeper than `b`.
pub fn by_depth(a: *const c_void, b: *const c_void) -> c_int {
    // SAFETY: qsort only passes pointers to elements of the array it is sorting (or to
    // copies of them it keeps while merging).
    let (a, b) = unsafe { (&*a.cast::<Gauge>(), &*b.cast::<Gauge>()) };
    match a.depth_mm.cmp(&b.depth_mm) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

/// Sorts by depth, shallowest first. Readings of equal depth may end up in any order.
fn sort_by_depth(readings: &mut [Gauge]) {
    // SAFETY: base and count describe exactly the slice we borrow mutably, and size is the
    // size of its elements; `by_depth` reads its arguments as `Gauge`s, which they are.
    // qsort only moves the elements around (bitwise), which is fine for any Rust type.
    unsafe {
        qsort(
            readings.as_mut_ptr().cast(),
            readings.len(),
            size_of::<Gauge>(),
            by_depth,
        );
    }
}

fn main() {
    let mut readings = [
        Gauge {
            station: 1,
            depth_mm: 1_250,
        },
        Gauge {
            station: 2,
            depth_mm: -40,
        },
        Gauge {
            station: 3,
            depth_mm: 800,
        },
    ];
    sort_by_depth(&mut readings);
    println!("{readings:?}");
}
