// Question 1: What is Rust, and where is it mostly used?
// Feature: no exceptions. A function that can fail returns `Result<T, E>`: the error is an
// ordinary value in its signature, and the caller decides what to do with it.
//
// An API gateway reads rate limits such as "120/min" from its configuration. `parse_limit` gives
// the right answer for good input, but on bad input it panics and takes the whole gateway down,
// which is what an uncaught exception does. The tests expect a `LimitError` for every kind of bad
// input instead. The match on the unit already shows how to report one.
//
// Make `parse_limit` return errors instead of panicking.

#[derive(Debug, PartialEq)]
enum LimitError {
    /// There is no '/' between the count and the unit.
    MissingSlash,
    /// The count is not a whole number from 0 to u32::MAX; holds the text that was found.
    BadCount(String),
    /// The unit is not "s", "min" or "h"; holds the text that was found.
    UnknownUnit(String),
}

#[derive(Debug, PartialEq)]
struct RateLimit {
    requests: u32,
    per_seconds: u32,
}

fn parse_limit(text: &str) -> Result<RateLimit, LimitError> {
    // `?` hands the error back to the caller, as `return Err(...)` would.
    let (count, unit) = text
        .trim()
        .split_once('/')
        .ok_or(LimitError::MissingSlash)?;
    let requests: u32 = count
        .parse()
        .map_err(|_| LimitError::BadCount(count.to_string()))?;
    let per_seconds = match unit {
        "s" => 1,
        "min" => 60,
        "h" => 3_600,
        other => return Err(LimitError::UnknownUnit(other.to_string())),
    };
    Ok(RateLimit {
        requests,
        per_seconds,
    })
}

/// Parses every line, or returns the first error.
fn parse_all(lines: &[&str]) -> Result<Vec<RateLimit>, LimitError> {
    // Collecting an iterator of `Result`s into a `Result<Vec<_>, _>` stops at the first `Err`.
    lines.iter().map(|line| parse_limit(line)).collect()
}

fn main() {
    for text in ["120/min", "5 per second"] {
        match parse_limit(text) {
            Ok(limit) => println!("{text}: {limit:?}"),
            Err(error) => println!("{text}: rejected ({error:?})"),
        }
    }
}
