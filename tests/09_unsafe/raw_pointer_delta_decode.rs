use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

/// The sensor's side: differences, wrapping on overflow.
fn encode(readings: &[i32]) -> Vec<i32> {
    let mut previous = 0;
    readings
        .iter()
        .map(|&r| {
            let delta = r.wrapping_sub(previous);
            previous = r;
            delta
        })
        .collect()
}

#[test]
fn decodes_differences() {
    let mut readings = [100, 3, -2, 0, 7];
    decode_deltas(&mut readings);
    assert_eq!(readings, [100, 103, 101, 101, 108]);
}

#[test]
fn empty_and_single_reading_buffers() {
    let mut empty: [i32; 0] = [];
    decode_deltas(&mut empty);
    let mut one = [-42];
    decode_deltas(&mut one);
    assert_eq!(one, [-42]);
}

#[test]
fn overflow_wraps_around() {
    let mut readings = [i32::MAX, 1, -1];
    decode_deltas(&mut readings);
    assert_eq!(readings, [i32::MAX, i32::MIN, i32::MAX]);
    let mut readings = [i32::MIN, -1];
    decode_deltas(&mut readings);
    assert_eq!(readings, [i32::MIN, i32::MAX]);
}

#[test]
fn only_the_given_part_of_a_buffer_is_touched() {
    let mut buffer = [9, 1, 1, 1, 1, 9];
    decode_deltas(&mut buffer[1..5]);
    assert_eq!(buffer, [9, 1, 2, 3, 4, 9]);
    decode_deltas(&mut buffer[..0]);
    decode_deltas(&mut buffer[6..]);
    assert_eq!(buffer, [9, 1, 2, 3, 4, 9]);
}

#[test]
fn decoding_undoes_encoding() {
    let original: Vec<i32> = (0..2_000)
        .map(|i: i32| i.wrapping_mul(2_654_435_761_u32 as i32))
        .collect();
    let mut buffer = encode(&original);
    decode_deltas(&mut buffer);
    assert_eq!(buffer, original);
}
