// Question 8: How do we handle errors in Rust?
//
// A water utility receives each household's meter readings for a day as one line of
// comma-separated litres, such as "120, 98, 143". `total_litres` adds them up for the
// billing run.
//
// The signature already promises a `Result`, but the body breaks that promise: a single
// typo in one household's line ("120, 9x8") panics and stops the whole billing run,
// where the caller expected an `Err` it could log before moving on to the next house.
//
// Make every bad reading come back as the `ParseIntError` from parsing it (the first bad
// one, as soon as it is seen) without changing the signature.

use std::num::ParseIntError;

fn total_litres(line: &str) -> Result<u64, ParseIntError> {
    let mut total = 0;
    for field in line.split(',') {
        // `?` returns the `Err` to our caller at once; on `Ok` it unwraps the value.
        let litres: u32 = field.trim().parse()?;
        total += u64::from(litres);
    }
    Ok(total)
}

fn main() {
    for line in ["120, 98, 143", "120, 9x8", ""] {
        match total_litres(line) {
            Ok(total) => println!("{line:?}: {total} litres"),
            Err(err) => println!("{line:?}: skipped ({err})"),
        }
    }
}
