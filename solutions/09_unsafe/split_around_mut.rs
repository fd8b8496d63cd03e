// Question 9: What is unsafe Rust? Explain with an example.
//
// A playlist editor lets the user edit the current track together with the tracks before
// and after it, so `split_around_mut` hands out all three at once, mutably. The pieces
// never overlap, but the borrow checker sees three `&mut` borrows of one slice and
// cannot tell that they are disjoint, so this does not compile.
//
// This is what unsafe Rust is for: you know something the compiler cannot check. Build
// the three pieces from the slice's raw pointer, as the standard library does inside its
// own `split_at_mut`: std::slice::from_raw_parts_mut makes a slice from a pointer and a
// length. First make sure `index` is in bounds, so that your reasoning is true for every
// input, then write that reasoning down in a `// SAFETY:` comment.

/// (everything before `index`, the item at `index`, everything after it).
///
/// Panics if `index >= items.len()`.
fn split_around_mut<T>(items: &mut [T], index: usize) -> (&mut [T], &mut T, &mut [T]) {
    let len = items.len();
    // Without this check the reasoning below would be false for some inputs, and a safe
    // function must be sound for every input.
    assert!(
        index < len,
        "index {index} out of range for a slice of length {len}"
    );
    let ptr = items.as_mut_ptr();
    // SAFETY: index < len, so [0, index), [index] and [index + 1, len) are in bounds and
    // disjoint, and together cover the slice exactly: no two of the returned references
    // alias. They live no longer than the `&mut` borrow of `items` they come from, which
    // keeps everyone else away meanwhile.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, index),
            &mut *ptr.add(index),
            std::slice::from_raw_parts_mut(ptr.add(index + 1), len - index - 1),
        )
    }
}

fn main() {
    let mut playlist = vec!["intro", "verse", "chorus", "outro"];
    let (before, current, after) = split_around_mut(&mut playlist, 1);
    std::mem::swap(current, &mut after[0]);
    before[0] = "count-in";
    println!("{playlist:?}");
}
