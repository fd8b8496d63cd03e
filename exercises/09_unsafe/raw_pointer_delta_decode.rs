// Question 9: What is unsafe Rust? Explain with an example.
//
// A vibration sensor compresses its readings by sending differences: the first reading
// as it is, then each reading minus the one before ([100, 103, 101] is sent as
// [100, 3, -2]). `decode_deltas` undoes that in place, walking a raw pointer along the
// buffer. The arithmetic wraps around on overflow, as the sensor's encoder does, so that
// every buffer decodes.
//
// Making a raw pointer is safe Rust: it is only an address. Moving it with `add`, and
// reading or writing through it, are not, because the compiler cannot check that the
// address is inside a live allocation that no reference is using at the same time.
//
// This does not compile. Make it compile without changing what it does, and above your
// change write a `// SAFETY:` comment that says why every access is sound: in unsafe
// code, that argument is the check the compiler can no longer do for you.

fn decode_deltas(readings: &mut [i32]) {
    let len = readings.len();
    let base: *mut i32 = readings.as_mut_ptr();
    for i in 1..len {
        // TODO
        let previous = base.add(i - 1);
        let current = base.add(i);
        *current = (*current).wrapping_add(*previous);
    }
}

fn main() {
    let mut readings = [100, 3, -2, 0, 7];
    decode_deltas(&mut readings);
    println!("{readings:?}");
}
