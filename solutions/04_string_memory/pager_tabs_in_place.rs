// Question 4: How is memory allocated for a `String`?
// A `String` owns one heap buffer: `capacity()` bytes of it are reserved, the first `len()` of
// them hold the text (UTF-8, so one character takes 1 to 4 bytes). The text can change inside
// that buffer, longer or shorter, for as long as it fits; only growing past the capacity makes
// the `String` ask the heap for a bigger block.
//
// A terminal pager shows log text on a fixed grid of columns, so before it draws a screenful it
// turns every tab into spaces. `expand_tabs` does that to the text it is given:
// - Tab stops are every `width` columns (`width` is 1 to 8). A tab becomes as many spaces as it
//   takes to reach the next tab stop: at least one, at most `width`.
// - Every character takes one column, whatever its size in bytes ("é" and "🦀" included), and a
//   '\n' starts a new line at column 0.
// - Some logs come from Windows machines: every "\r\n" line ending becomes "\n". (The text
//   has no other '\r'.)
//
// The pager reuses the same few `String`s for every screenful, so they usually have plenty of
// room. The hidden tests count what `expand_tabs` asks of the heap:
// - When the text's buffer already has room for the finished text, `expand_tabs` must make no
//   heap allocation at all, and the text must stay in that same buffer.
// - When it has not, `expand_tabs` must make exactly one heap allocation, asking for exactly
//   the bytes of the finished text: afterwards the capacity is the length.
// As written, it does not compile.
//
// Keep the signature of `expand_tabs`.

/// Spaces to cut a tab's replacement from, so that no replacement needs a buffer of its own.
const SPACES: &str = "        ";

/// Replaces every tab in `text` with spaces up to the next tab stop, and "\r\n" with "\n".
pub fn expand_tabs(text: &mut String, width: usize) {
    assert!(
        (1..=8).contains(&width),
        "tab stops are 1 to 8 columns apart"
    );
    // Line endings first: the text only gets shorter, inside its own buffer. Growing before
    // shrinking could need more room than the finished text, and the buffer cannot stretch
    // past its capacity even for a moment: it would be reallocated.
    text.retain(|c| c != '\r');
    // Then, reading only: how many bytes the tabs will add.
    let mut growth = 0;
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = width - column % width;
                growth += spaces - 1;
                column += spaces;
            }
            '\n' => column = 0,
            _ => column += 1,
        }
    }
    // Grows the buffer once, to exactly the finished length, if it is short of room; else a no-op.
    text.reserve_exact(growth);
    // Then the tabs, in place: each borrow of `text` for reading ends before the next edit.
    let mut at = 0;
    let mut column = 0;
    while let Some(c) = text[at..].chars().next() {
        match c {
            '\t' => {
                let spaces = width - column % width;
                text.replace_range(at..at + 1, &SPACES[..spaces]);
                column += spaces;
                at += spaces;
            }
            '\n' => {
                column = 0;
                at += 1;
            }
            _ => {
                column += 1;
                at += c.len_utf8();
            }
        }
    }
}

fn main() {
    let mut screen = String::with_capacity(256);
    screen.push_str("level\tcode\tmessage\r\nWARN\t503\tretrying\r\nINFO\t200\tdéjà vu");
    expand_tabs(&mut screen, 8);
    println!("{screen}");
}
