use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// What the pager expects: the text rebuilt character by character, columns counted in chars,
/// without the '\r' of "\r\n".
fn reference(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\r' => {}
            '\t' => {
                let spaces = width - column % width;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// Log text of every shape: tabs at and between stops, runs of tabs, multi-byte characters
/// before, between and after tabs, several lines, and none at all.
const TEXTS: &[&str] = &[
    "",
    "no tabs here",
    "\t",
    "\t\t\t",
    "a\tb",
    "abcd\te",
    "abcdefgh\ti",
    "level\tcode\tmessage\nWARN\t503\tretrying\nINFO\t200\tdéjà vu",
    "é\tx",
    "🦀🦀\t|",
    "Grüße\taus\tKöln\t",
    "日本語\tテキスト\t\tend",
    "\n\t\n\t\t\n",
    "x\t\ny\t\nzz\t",
    "mixed 🦀é\t\tß\t😀😀😀\ttail",
    "trailing tab\t",
    "level\tcode\r\nWARN\t503\r\nINFO\t200\r\n",
    "é\t\r\n🦀\tz\r\n\r\n",
    "\t\r\n",
    "a\tb\r\nc\r\nd\r\ne\r\nf\r\ng\r\nh\r\ni\r\nj\r\n",
    "lines\r\nwithout\r\ntabs\r\n",
    "x\r\n\t\ty\r\n",
];

fn room_for(text: &str, capacity: usize) -> String {
    let mut s = String::with_capacity(capacity);
    s.push_str(text);
    s
}

#[test]
fn the_signature_stays() {
    let _: fn(&mut String, usize) = expand_tabs;
}

#[test]
fn a_tab_reaches_the_next_stop() {
    let cases = [
        ("a\tb", 4, "a   b"),
        ("\t", 4, "    "),
        ("abcd\te", 4, "abcd    e"),
        ("abc\td", 4, "abc d"),
        ("a\t\tb", 4, "a       b"),
        ("a\tb", 1, "a b"),
        ("ab\tc", 2, "ab  c"),
        ("abcdefgh\ti", 8, "abcdefgh        i"),
        ("no tabs", 8, "no tabs"),
        ("", 3, ""),
    ];
    for (text, width, expected) in cases {
        let mut s = String::from(text);
        expand_tabs(&mut s, width);
        assert_eq!(s, expected, "{text:?} with tab stops every {width}");
    }
}

#[test]
fn a_column_is_a_character_not_a_byte() {
    let cases = [
        ("é\tx", 4, "é   x"),
        ("🦀🦀\t|", 4, "🦀🦀  |"),
        ("Köln\t1", 8, "Köln    1"),
        ("日本語\t!", 4, "日本語 !"),
        ("😀😀😀😀\t!", 4, "😀😀😀😀    !"),
    ];
    for (text, width, expected) in cases {
        let mut s = room_for(text, 64);
        expand_tabs(&mut s, width);
        assert_eq!(s, expected, "{text:?} with tab stops every {width}");
    }
}

#[test]
fn windows_line_endings_become_new_lines() {
    let mut s = String::from("a\tb\r\nab\tc\r\n\r\n\tdéjà\r\n");
    expand_tabs(&mut s, 4);
    assert_eq!(
        s, "a   b\nab  c\n\n    déjà\n",
        "every \"\\r\\n\" must become \"\\n\" (tab stops every 4)"
    );
    let mut s = room_for("no tabs\r\nat all\r\n", 64);
    expand_tabs(&mut s, 8);
    assert_eq!(
        s, "no tabs\nat all\n",
        "every \"\\r\\n\" must become \"\\n\", in text without tabs too"
    );
}

#[test]
fn a_new_line_starts_at_column_zero() {
    let mut s = String::from("abc\tx\n\ty\nabcdé\tz");
    expand_tabs(&mut s, 4);
    assert_eq!(
        s, "abc x\n    y\nabcdé   z",
        "after each \"\\n\" the column must start again at 0 (tab stops every 4)"
    );
}

#[test]
fn every_text_and_every_width() {
    for text in TEXTS {
        for width in 1..=8 {
            let expected = reference(text, width);
            let mut tight = String::from(*text);
            expand_tabs(&mut tight, width);
            assert_eq!(tight, expected, "{text:?} with tab stops every {width}");
            let mut roomy = room_for(text, 512);
            expand_tabs(&mut roomy, width);
            assert_eq!(
                roomy, expected,
                "{text:?} with tab stops every {width}, with room"
            );
        }
    }
}

#[test]
fn with_room_nothing_is_allocated_and_the_buffer_stays() {
    for text in TEXTS {
        for width in [1, 4, 8] {
            let expected = reference(text, width);
            let mut s = room_for(text, 512);
            let (buffer, capacity) = (s.as_ptr(), s.capacity());
            let ((), usage) = measure(|| expand_tabs(&mut s, width));
            assert_eq!(s, expected, "{text:?} with tab stops every {width}");
            assert_eq!(
                usage.allocations, 0,
                "{text:?} (tab stops every {width}) in a buffer of 512 bytes: with room, expanding \
                 must not allocate"
            );
            assert!(
                s.as_ptr() == buffer,
                "{text:?} (tab stops every {width}): the text ended up in another buffer, a new \
                 one or an empty one; it must stay in the buffer it was in"
            );
            assert_eq!(
                s.capacity(),
                capacity,
                "{text:?} (tab stops every {width}): the buffer must keep its size"
            );

            // Expanding again finds no tab: still nothing, in the same buffer.
            let ((), usage) = measure(|| expand_tabs(&mut s, width));
            assert_eq!(
                s, expected,
                "{text:?} (tab stops every {width}): expanding again must change nothing"
            );
            assert_eq!(
                usage.allocations, 0,
                "{text:?} (tab stops every {width}): expanding again must not allocate"
            );
            assert_eq!(
                s.as_ptr(),
                buffer,
                "{text:?} (tab stops every {width}): expanding again must keep the buffer"
            );
        }
    }
}

#[test]
fn room_to_the_byte_is_room_enough() {
    for text in TEXTS {
        for width in [2, 8] {
            let expected = reference(text, width);
            // Exactly the finished length, or the text's own where line endings make it shorter.
            let mut s = room_for(text, expected.len().max(text.len()).max(1));
            let (buffer, capacity) = (s.as_ptr(), s.capacity());
            let ((), usage) = measure(|| expand_tabs(&mut s, width));
            assert_eq!(
                s, expected,
                "{text:?} with tab stops every {width}, in a buffer of {capacity} bytes"
            );
            assert_eq!(
                usage.allocations,
                0,
                "{text:?} (tab stops every {width}) in a buffer of {capacity} bytes: there was \
                 room for the {} bytes of the finished text, yet it allocated",
                expected.len()
            );
            assert!(
                s.as_ptr() == buffer,
                "{text:?} (tab stops every {width}): the text ended up in another buffer, a new \
                 one or an empty one; it must stay in the buffer it was in"
            );
            assert_eq!(
                s.capacity(),
                capacity,
                "{text:?} (tab stops every {width}): the buffer must keep its size"
            );
        }
    }
}

#[test]
fn without_room_one_allocation_of_exactly_the_text() {
    for text in TEXTS {
        for width in [2, 4, 8] {
            let expected = reference(text, width);
            // No room to spare (a `String::from` has capacity == length), and a byte short.
            for capacity in [text.len(), expected.len().saturating_sub(1)] {
                if capacity >= expected.len() || capacity < text.len() {
                    continue;
                }
                let mut s = room_for(text, capacity);
                let ((), usage) = measure(|| expand_tabs(&mut s, width));
                assert_eq!(s, expected, "{text:?} with tab stops every {width}");
                assert_eq!(
                    usage.allocations, 1,
                    "{text:?} (tab stops every {width}) in a buffer of {capacity} bytes: \
                     expanding must take exactly one heap allocation"
                );
                assert_eq!(
                    usage.bytes,
                    expected.len(),
                    "{text:?} (tab stops every {width}): the allocation must ask for exactly \
                     the {} bytes of the expanded text",
                    expected.len()
                );
                assert_eq!(
                    s.capacity(),
                    s.len(),
                    "{text:?} (tab stops every {width}): after growing, the capacity must be \
                     exactly the length"
                );
            }
        }
    }
}

#[test]
fn many_tabs_still_grow_once() {
    let text = "k\tv\t".repeat(100);
    let expected = reference(&text, 8);
    let mut s = String::from(text.as_str());
    let ((), usage) = measure(|| expand_tabs(&mut s, 8));
    assert!(s == expected, "200 tabs with tab stops every 8: wrong text");
    assert_eq!(
        usage.allocations, 1,
        "200 tabs in a buffer with no room to spare: expanding them must take exactly one heap \
         allocation"
    );
    assert_eq!(
        usage.bytes,
        expected.len(),
        "200 tabs: the allocation must ask for exactly the {} bytes of the expanded text",
        expected.len()
    );
    assert_eq!(
        s.capacity(),
        s.len(),
        "200 tabs: after growing, the capacity must be exactly the length"
    );
}

#[test]
fn shorter_in_the_end_is_room_enough() {
    // Every text here ends up no longer than it started: one tab, many line endings.
    let texts = [
        "a\tb\r\nc\r\nd\r\ne\r\nf\r\ng\r\nh\r\ni\r\nj\r\n".to_string(),
        format!("\t{}", "log line\r\n".repeat(20)),
        format!("🦀\t|\r\n{}", "é\r\n".repeat(6)),
    ];
    for text in &texts {
        let expected = reference(text, 8);
        assert!(expected.len() <= text.len());
        let mut s = String::from(text.as_str());
        let (buffer, capacity) = (s.as_ptr(), s.capacity());
        let ((), usage) = measure(|| expand_tabs(&mut s, 8));
        assert_eq!(&s, &expected, "{text:?} with tab stops every 8");
        assert_eq!(
            usage.allocations,
            0,
            "{text:?} ends up {} bytes long in a buffer of {capacity}: there was room for it, \
             yet it allocated",
            expected.len()
        );
        assert_eq!(
            s.as_ptr(),
            buffer,
            "{text:?}: the text must stay in the buffer it was in"
        );
        assert_eq!(
            s.capacity(),
            capacity,
            "{text:?}: the buffer must keep its size"
        );
    }
}

#[test]
fn text_without_tabs_is_left_alone_even_without_room() {
    for text in ["", "plain", "naïve façade 🦀\nsecond line"] {
        let mut s = String::from(text);
        let (buffer, capacity) = (s.as_ptr(), s.capacity());
        let ((), usage) = measure(|| expand_tabs(&mut s, 4));
        assert_eq!(s, text, "{text:?} has no tab: it must stay as it is");
        assert_eq!(
            usage.allocations, 0,
            "{text:?} has no tab, yet expanding it allocated"
        );
        assert_eq!(
            s.as_ptr(),
            buffer,
            "{text:?} has no tab: it must stay in the buffer it was in"
        );
        assert_eq!(
            s.capacity(),
            capacity,
            "{text:?} has no tab: the buffer must keep its size"
        );
    }
}

#[test]
fn a_long_text_takes_linear_time() {
    // 1.1 MiB: 131,072 lines, each of seven tabs and a "\r\n". The yardstick is this file's
    // `reference`, which builds the expanded text once, a character at a time, into a new
    // `String`: timed here, on this machine and under its present load. An edit in linear time
    // takes about as long (a fraction of the limit below); an edit that moves the rest of the
    // text for each tab or line ending moves hundreds of gigabytes, a hundred times as long.
    const LINES: usize = 1 << 17;
    const TIMES_THE_YARDSTICK: u32 = 20;
    let line = "\t\t\t\t\t\t\t\r\n";
    let width = 2;
    let expected = reference(line, width).repeat(LINES);
    let mut text = line.repeat(LINES);
    let yardstick = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(reference(std::hint::black_box(&text), width));
            start.elapsed()
        })
        .min()
        .expect("three runs");
    // At most 4 s, well inside the test's own time limit: on a loaded machine, where the
    // yardstick is slow too, a quadratic edit still fails here with this message.
    let limit =
        (yardstick * TIMES_THE_YARDSTICK).clamp(Duration::from_millis(200), Duration::from_secs(4));
    let (done, finished) = mpsc::channel();
    // On a thread of its own, so that a slow edit fails the test with a message rather than
    // running into its time limit.
    thread::spawn(move || {
        expand_tabs(&mut text, width);
        let _ = done.send(text);
    });
    match finished.recv_timeout(limit) {
        Ok(text) => {
            if text != expected {
                let at = text.bytes().zip(expected.bytes()).position(|(a, b)| a != b);
                panic!(
                    "{LINES} lines of seven tabs and \"\\r\\n\" (tab stops every {width}): the \
                     expanded text is {} bytes long, {} expected, and differs from byte {} on",
                    text.len(),
                    expected.len(),
                    at.unwrap_or(text.len().min(expected.len()))
                );
            }
        }
        Err(RecvTimeoutError::Timeout) => panic!(
            "expanding {LINES} lines of seven tabs and \"\\r\\n\" ({} bytes) took more than \
             {limit:?}, {TIMES_THE_YARDSTICK} times as long as building the expanded text anew \
             ({yardstick:?}): the time must grow in proportion to the text's length",
            LINES * line.len()
        ),
        Err(RecvTimeoutError::Disconnected) => {
            panic!("expand_tabs panicked on {LINES} lines of seven tabs and \"\\r\\n\"")
        }
    }
}
