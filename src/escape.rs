//! Text from outside made safe where it is shown.
//!
//! - Names (a student's folder name), to print and to tell apart ([`name`], [`text`]): control
//!   characters, invisible ones, spaces at either end and bytes that are not UTF-8 are written as
//!   escapes, so that a name cannot move the cursor or recolour a terminal, and two names that
//!   would look the same on screen (`bob` and `bob` with a zero-width space) read differently.
//!   The escaping is one-to-one (a backslash is written `\\`), so distinct names stay distinct.
//! - Any text (names, compiler output, test messages) in XML or HTML ([`markup`],
//!   [`markup_attribute`]): it can open no tag, entity or attribute, and a character XML 1.0
//!   forbids becomes U+FFFD, so one stray control character cannot make a report unreadable.

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

/// `text` as the character data of an XML or HTML element.
pub fn markup(text: &str) -> String {
    escape_markup(text, false)
}

/// `text` as an attribute value in double quotes (white space kept as written: a parser would
/// read a bare tab or line end as a space).
pub fn markup_attribute(text: &str) -> String {
    escape_markup(text, true)
}

fn escape_markup(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(allowed_in_xml) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            // Kept as written: a parser would read a bare CR as a line end.
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// `c` if XML 1.0 allows it in a document, else U+FFFD: output may hold any control character.
fn allowed_in_xml(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
        _ => c,
    }
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

    #[test]
    fn markup_opens_nothing_and_control_characters_never_reach_it() {
        assert_eq!(
            markup("a\u{0}b\u{1b}[31m<&>\r\n\""),
            "a\u{fffd}b\u{fffd}[31m&lt;&amp;&gt;&#13;\n\""
        );
        assert_eq!(
            markup_attribute("\"it's\"\t\n<"),
            "&quot;it's&quot;&#9;&#10;&lt;"
        );
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
