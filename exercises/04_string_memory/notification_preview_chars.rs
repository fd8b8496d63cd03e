// Question 4: How is memory allocated for a `String`?
// The heap buffer of a `String` (and the bytes behind a `&str`) always holds valid UTF-8. One
// character takes 1 to 4 bytes, `len()` counts bytes, and every index into a string is a byte
// index. Slicing at an index that falls inside a character panics, because the result would
// not be valid UTF-8.
//
// A phone shows the first `max_chars` characters of each notification. `preview` must return
// that prefix as a slice of the message (the whole message if it is short enough), without
// allocating. As written it mixes up bytes and characters: it cuts too early in messages with
// accented letters or emoji, and panics when the cut lands inside a character.
//
// Find the byte position where the (max_chars + 1)-th character starts, and cut there.
// (A character here is a `char`, one Unicode scalar value. What a reader sees as one symbol can
// be several: 👍🏽 is two `char`s and a flag is two; counting those, grapheme clusters, needs a
// crate such as unicode-segmentation.)

fn preview(message: &str, max_chars: usize) -> &str {
    // TODO
    if message.len() <= max_chars {
        message
    } else {
        &message[..max_chars]
    }
}

fn main() {
    println!("{}", preview("Meeting moved to 3pm", 7));
    println!("{}", preview("Grüße aus Köln", 5));
}
