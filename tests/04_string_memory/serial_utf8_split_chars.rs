use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

/// A report that mixes 1-, 2-, 3- and 4-byte characters.
const REPORT: &str = "Kraków 🌧 12°C, wind ↗ 5 m/s\n";

/// The text that `bytes` spell out completely: everything before a character cut off at
/// the end (the stream here is valid UTF-8).
fn complete_prefix(bytes: &[u8]) -> &str {
    match ::std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => ::std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap(),
    }
}

/// Feeds `stream` in chunks of the given sizes (cycled) and returns every push's text
/// followed by the text of `finish`.
fn decode_in_chunks(stream: &[u8], sizes: &[usize]) -> Vec<String> {
    let mut decoder = SerialDecoder::new();
    let mut out = Vec::new();
    let mut at = 0;
    for &size in sizes.iter().cycle() {
        if at == stream.len() {
            break;
        }
        let end = (at + size).min(stream.len());
        out.push(decoder.push(&stream[at..end]));
        at = end;
    }
    out.push(decoder.finish());
    out
}

#[test]
fn whole_characters_pass_straight_through() {
    let mut decoder = SerialDecoder::new();
    assert_eq!(decoder.push(REPORT.as_bytes()), REPORT);
    assert_eq!(decoder.push(b"ok"), "ok");
    assert_eq!(decoder.finish(), "");
    assert_eq!(decoder.bytes_received(), REPORT.len() + 2);
}

#[test]
fn a_character_split_between_two_chunks() {
    let mut decoder = SerialDecoder::new();
    // '°' is C2 B0.
    assert_eq!(
        decoder.push(b"21\xC2"),
        "21",
        "the cut '°' must wait for its second byte"
    );
    assert_eq!(decoder.push(b"\xB0C"), "°C");
    assert_eq!(decoder.finish(), "");
}

#[test]
fn a_four_byte_character_one_byte_at_a_time() {
    let mut decoder = SerialDecoder::new();
    let rain = "🌧".as_bytes();
    assert_eq!(decoder.push(&rain[..1]), "");
    assert_eq!(decoder.push(&rain[1..2]), "");
    assert_eq!(decoder.push(&rain[2..3]), "");
    assert_eq!(decoder.push(&rain[3..]), "🌧");
    assert_eq!(decoder.finish(), "");
}

#[test]
fn every_cut_point_gives_the_text_at_once() {
    let bytes = REPORT.as_bytes();
    for cut in 0..=bytes.len() {
        let mut decoder = SerialDecoder::new();
        let first = decoder.push(&bytes[..cut]);
        assert_eq!(
            first,
            complete_prefix(&bytes[..cut]),
            "after the first {cut} bytes, push must return every complete character so far \
             (no more, no less)"
        );
        let second = decoder.push(&bytes[cut..]);
        assert_eq!(format!("{first}{second}"), REPORT, "cut after {cut} bytes");
        assert_eq!(decoder.finish(), "", "cut after {cut} bytes");
    }
}

#[test]
fn byte_by_byte_each_character_comes_out_when_complete() {
    let pieces = decode_in_chunks(REPORT.as_bytes(), &[1]);
    let shown: Vec<&str> = pieces
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let expected: Vec<String> = REPORT.chars().map(String::from).collect();
    assert_eq!(shown, expected);
}

#[test]
fn line_noise_becomes_replacement_characters_at_once() {
    let mut decoder = SerialDecoder::new();
    assert_eq!(decoder.push(b"ok \xFF\xFE ok"), "ok \u{FFFD}\u{FFFD} ok");
    // A stray continuation byte can never become a character: no need to wait.
    assert_eq!(decoder.push(b"A\x80"), "A\u{FFFD}");
    assert_eq!(
        decoder.push(b"B"),
        "B",
        "text after line noise must not be held back"
    );
    // A lead byte followed by a byte that cannot continue it.
    assert_eq!(decoder.push(b"\xC3"), "");
    assert_eq!(decoder.push(b"(x"), "\u{FFFD}(x");
    assert_eq!(decoder.finish(), "");
}

#[test]
fn a_character_cut_off_for_good_is_one_replacement_character() {
    let mut decoder = SerialDecoder::new();
    // '↗' is E2 86 97: its last byte never comes.
    assert_eq!(decoder.push(b"wind \xE2\x86"), "wind ");
    assert_eq!(decoder.finish(), "\u{FFFD}");
    // The decoder starts afresh after `finish`.
    assert_eq!(decoder.push(b"calm"), "calm");
    assert_eq!(decoder.finish(), "");
    assert_eq!(decoder.push(b"\xC2"), "");
    assert_eq!(decoder.push(b"\xB0"), "°");
}

#[test]
fn any_chunking_matches_from_utf8_lossy_on_the_whole_stream() {
    let mut stream = Vec::new();
    for round in 0..6_u8 {
        stream.extend_from_slice(REPORT.as_bytes());
        // Line noise of several kinds: a stray continuation byte, an impossible byte, a
        // character that is cut off, an overlong encoding.
        let noise: &[u8] = match round % 4 {
            0 => b"\x80",
            1 => b"\xFF",
            2 => b"\xF0\x9F\x8C",
            _ => b"\xE0\x80\xAF",
        };
        stream.extend_from_slice(noise);
    }
    let expected = String::from_utf8_lossy(&stream).into_owned();
    let mut seed = 7_u32;
    for _ in 0..40 {
        let sizes: Vec<usize> = (0..9)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                1 + (seed >> 16) as usize % 7
            })
            .collect();
        let shown: String = decode_in_chunks(&stream, &sizes).concat();
        assert_eq!(shown, expected, "chunk sizes {sizes:?}");
    }
}

/// Pushes `chunk` and checks what the push asked of the heap: on a clean line, one allocation
/// at most, of no more than the chunk's length plus the 3 bytes a cut character can carry.
fn push_counted(decoder: &mut SerialDecoder, chunk: &[u8], what: &str) -> String {
    let (text, usage) = counting::measure(|| decoder.push(chunk));
    assert!(
        usage.allocations <= 1,
        "{what}: a push of {} clean bytes made {} heap allocations (reallocations count too); \
         it may make one",
        chunk.len(),
        usage.allocations
    );
    assert!(
        usage.bytes <= chunk.len() + 3,
        "{what}: a push of {} clean bytes asked the heap for {} bytes",
        chunk.len(),
        usage.bytes
    );
    text
}

#[test]
fn a_clean_push_allocates_once_at_most() {
    let bytes = REPORT.as_bytes();
    for cut in 0..=bytes.len() {
        let mut decoder = SerialDecoder::new();
        let what = format!("report cut after {cut} bytes");
        let first = push_counted(&mut decoder, &bytes[..cut], &what);
        let second = push_counted(&mut decoder, &bytes[cut..], &what);
        assert_eq!(format!("{first}{second}"), REPORT, "{what}");
    }
}

#[test]
fn long_chunks_and_single_bytes_stay_within_one_allocation() {
    let stream = REPORT.repeat(40);
    let bytes = stream.as_bytes();
    let mut decoder = SerialDecoder::new();
    let mut shown = String::new();
    // Chunks of 997 bytes cut characters of every width somewhere.
    for chunk in bytes.chunks(997) {
        shown += &push_counted(&mut decoder, chunk, "a 997-byte chunk");
    }
    assert_eq!(decoder.finish(), "");
    assert_eq!(shown, stream);
    let mut shown = String::new();
    for byte in REPORT.as_bytes() {
        shown += &push_counted(&mut decoder, ::std::slice::from_ref(byte), "one byte");
    }
    assert_eq!(shown, REPORT);
}
