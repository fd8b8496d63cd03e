//! Names from outside (a student's folder name) made safe to print and to tell apart: control
//! characters, invisible ones, spaces at either end and bytes that are not UTF-8 are written as
//! escapes, so that a name cannot move the cursor or recolour a terminal, and two names that
//! would look the same on screen (`bob` and `bob` with a zero-width space) read differently.
//!
//! The escaping is one-to-one (a backslash is written `\\`), so distinct names stay distinct.

use std::ffi::OsStr;
use std::fmt::Write as _;

/// `raw` as text: printable characters as they are, everything else escaped (`\n`, `\t`, `\r`,
/// `\u{1b}`, `\u{200b}`, `\xE9` for a byte that is not UTF-8, `\\`).
pub fn name(raw: &OsStr) -> String {
    let mut out = String::new();
    for chunk in raw.as_encoded_bytes().utf8_chunks() {
        let valid = chunk.valid();
        let last = valid.chars().count().saturating_sub(1);
        for (i, c) in valid.chars().enumerate() {
            // Spaces at the ends are invisible; so are they once the chunk is joined to others,
            // but only the name's own ends matter to a reader.
            let at_end = (i == 0 && out.is_empty()) || (i == last && chunk.invalid().is_empty());
            push_char(&mut out, c, at_end);
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
    out
}

/// `text` with its control and invisible characters escaped, for printing a name that is already
/// text.
pub fn text(text: &str) -> String {
    name(OsStr::new(text))
}

fn push_char(out: &mut String, c: char, at_end: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        ' ' if at_end => out.push_str("\\u{20}"),
        c if c.is_control() || c.is_whitespace() && c != ' ' || invisible(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// Characters that take no room on screen or reorder what follows them: format characters
/// (zero-width spaces and joiners, bidirectional controls, the byte order mark, the soft hyphen)
/// and the Unicode tag characters.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{115f}'..='\u{1160}'
        | '\u{17b4}'..='\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e0fff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_unchanged() {
        for n in ["alice", "José Núñez", "bob smith", "李雷", "o'brien"] {
            assert_eq!(text(n), n);
        }
    }

    #[test]
    fn control_and_invisible_characters_are_escaped() {
        assert_eq!(text("eve\u{1b}[31m"), "eve\\u{1b}[31m");
        assert_eq!(text("a\nb\tc\rd"), "a\\nb\\tc\\rd");
        assert_eq!(text("bob\u{200b}"), "bob\\u{200b}");
        assert_eq!(text("\u{202e}gpj.exe"), "\\u{202e}gpj.exe");
        assert_eq!(text(" bob "), "\\u{20}bob\\u{20}");
        assert_eq!(text("a\u{a0}b"), "a\\u{a0}b");
    }

    #[test]
    fn a_backslash_is_doubled_so_that_escapes_cannot_be_forged() {
        assert_eq!(text("bob\\n"), "bob\\\\n");
        assert_ne!(text("bob\\n"), text("bob\n"));
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_written_in_hex_and_stay_distinct() {
        use std::os::unix::ffi::OsStrExt;
        let e9 = name(OsStr::from_bytes(b"caf\xe9"));
        let ff = name(OsStr::from_bytes(b"caf\xff"));
        assert_eq!(e9, "caf\\xE9");
        assert_eq!(ff, "caf\\xFF");
        assert_ne!(
            name(OsStr::from_bytes(b"caf\xe9")),
            name(OsStr::new("caf\\xE9"))
        );
    }
}
