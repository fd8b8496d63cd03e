// Question 1: What is Rust, and where is it mostly used?
// Feature: zero-cost abstractions. An iterator chain (`windows`, `map`, `filter`, `max`,
// `count`, ...) compiles to the same loop you would write by hand: no heap, no boxing, no
// intermediate collections. The cost appears only when you ask for it, for example by
// collecting into a `Vec` that nothing needed.
//
// Firmware on a small sensor board summarises its temperature feed (tenths of a degree) and
// must not touch the heap: there is almost none. Three summaries:
//   - `warmest_window`: the largest sum of `width` consecutive readings (`None` if there are
//     fewer than `width` readings, or if `width` is 0);
//   - `spikes`: how many times a reading differs from the one before it by more than `limit`;
//   - `first_above`: the index of the first reading above `limit`, if any.
// The answers are right, but every call allocates, sometimes many times. Make all three
// allocation-free, keeping their signatures.

fn warmest_window(readings: &[i32], width: usize) -> Option<i32> {
    if width == 0 {
        return None;
    }
    let windows: Vec<Vec<i32>> = readings.windows(width).map(|w| w.to_vec()).collect();
    let sums: Vec<i32> = windows.iter().map(|w| w.iter().sum()).collect();
    sums.iter().max().copied()
}

fn spikes(readings: &[i32], limit: i32) -> usize {
    let mut jumps = Vec::new();
    for i in 1..readings.len() {
        jumps.push((readings[i] - readings[i - 1]).abs());
    }
    jumps.into_iter().filter(|jump| *jump > limit).count()
}

fn first_above(readings: &[i32], limit: i32) -> Option<usize> {
    let hits: Vec<usize> = readings
        .iter()
        .enumerate()
        .filter(|(_, reading)| **reading > limit)
        .map(|(i, _)| i)
        .collect();
    hits.first().copied()
}

fn main() {
    let feed = [201, 204, 260, 262, 205, 199, 240];
    println!("warmest 3: {:?}", warmest_window(&feed, 3));
    println!("spikes over 30: {}", spikes(&feed, 30));
    println!("first above 250: {:?}", first_above(&feed, 250));
}
