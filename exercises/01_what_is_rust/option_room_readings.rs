// Question 1: What is Rust, and where is it mostly used?
// Feature: there is no null. A value that may be missing has the type `Option<T>`, and the
// compiler does not let you use it as if it were surely there.
//
// A thermostat keeps a log of temperature readings from the rooms of a house, oldest first.
// `latest_celsius` must give the newest reading of a room, or nothing if that room never
// reported. It does not compile: the result of the search is used as if a reading had certainly
// been found. `spread` (already correct) shows how code builds on an optional answer.
//
// Make `latest_celsius` handle both outcomes of the search.

#[derive(Debug, Clone, PartialEq)]
struct Reading {
    room: String,
    celsius: f64,
}

fn latest_celsius(log: &[Reading], room: &str) -> Option<f64> {
    let newest = log.iter().rev().find(|reading| reading.room == room);
    // TODO: the search may have found nothing.
    Some(newest.celsius)
}

/// How much warmer room `a` is than room `b`, if both have reported.
fn spread(log: &[Reading], a: &str, b: &str) -> Option<f64> {
    // `?` returns `None` from this function as soon as one of the rooms has no reading.
    Some(latest_celsius(log, a)? - latest_celsius(log, b)?)
}

fn main() {
    let log = vec![
        Reading {
            room: "kitchen".into(),
            celsius: 21.5,
        },
        Reading {
            room: "attic".into(),
            celsius: 14.0,
        },
    ];
    println!("{:?}", latest_celsius(&log, "kitchen"));
    println!("{:?}", latest_celsius(&log, "cellar"));
}
