// Question 4: How is memory allocated for a `String`?
// A `&str` is a borrowed view into bytes that live somewhere else: a pointer and a length, no
// buffer of its own. Slicing, `trim` and `split_once` produce such views without allocating;
// `to_string()` allocates a fresh heap buffer and copies the bytes into it.
//
// A service reads its configuration line by line. `split_setting` turns "key = value" into the
// key and the value with the whitespace around each removed; it returns `None` for blank lines,
// comments (starting with '#', possibly after spaces), lines without '=' and lines with an empty
// key. Only the first '=' separates: the value may contain more. Configuration files can be
// large, so the hidden tests check that splitting a line allocates nothing at all and that
// the key and the value point into the line itself. As written, both are copied.
//
// Return views into the line instead of new strings.

// Both halves borrow from `line` (lifetime elision ties them to it): no heap allocation.
fn split_setting(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    if line.starts_with('#') {
        return None;
    }
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    if key.is_empty() {
        return None;
    }
    Some((key, value.trim()))
}

fn main() {
    for line in ["port = 8080", "# a comment", "url=https://example.org/?a=1"] {
        println!("{line:?} -> {:?}", split_setting(line));
    }
}
