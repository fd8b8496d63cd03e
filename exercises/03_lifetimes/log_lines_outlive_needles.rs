// Question 3: What are lifetimes in Rust?
// Lifetime annotations describe relationships, not durations. Giving two parameters the same
// lifetime `'a` as the result tells every caller "the result may borrow from either of them",
// so each of them must stay alive as long as the result is used. If the result really borrows
// from only one of them, that signature is stricter than the body needs, and callers pay for it.
//
// A log viewer finds, for each level the user asks about ("warn", "error", ...), the first log
// line that mentions that level in upper case ("WARN", "ERROR"), or `None`. The lines it returns
// point into the log: nothing is copied. `first_line_with` is correct code, and so is the
// caller `first_mentions`. Yet it does not compile: the compiler believes the returned lines
// might borrow from the upper-cased level, a temporary `String` that dies inside the closure.
//
// Change only the signature of `first_line_with` so that it states what it really borrows from.

// TODO
fn first_line_with<'a>(log: &'a str, needle: &'a str) -> Option<&'a str> {
    log.lines().find(|line| line.contains(needle))
}

fn first_mentions<'a>(log: &'a str, levels: &[&str]) -> Vec<Option<&'a str>> {
    levels
        .iter()
        .map(|level| {
            let needle = level.to_uppercase();
            first_line_with(log, &needle)
        })
        .collect()
}

fn main() {
    let log = "09:00 INFO boot\n09:01 WARN fan slow\n09:02 ERROR disk\n09:03 WARN fan stopped";
    println!("{:?}", first_mentions(log, &["warn", "debug"]));
}
