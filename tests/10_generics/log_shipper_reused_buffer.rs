use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

/// The byte offset of `part` in `text`, if `part` is a slice of it (and not a copy).
fn offset_in(text: &str, part: &str) -> Option<usize> {
    let start = text.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    (at >= start && at + part.len() <= start + text.len()).then(|| at - start)
}

const LOG: &str = "09:00 INFO boot sequence started\r\n09:01 ERROR disk\n   \n09:02 WARN fan\n09:03 ERROR fan stopped";

#[test]
fn the_functions_keep_their_signatures() {
    let _: for<'b, 't> fn(&'b mut Batch<'t>, usize) -> Vec<&'t str> = headline;
    let _: fn(&mut Batch<'static>, &str) -> usize = count_matching;
    let _: fn(&mut Reader<&'static [u8]>, &mut String) -> usize = ship;
}

#[test]
fn a_reader_reads_its_lines_without_their_breaks() {
    let mut reader = Reader::new(LOG.as_bytes());
    assert_eq!(count_matching(&mut reader, "ERROR"), 2);
    let mut reader = Reader::new(LOG.as_bytes());
    let mut out = String::from("batch 7\n");
    assert_eq!(ship(&mut reader, &mut out), 4);
    assert_eq!(
        out,
        "batch 7\n09:00 INFO boot sequence started\n09:01 ERROR disk\n09:02 WARN fan\n09:03 ERROR fan stopped\n"
    );
    let mut empty = Reader::new(&b""[..]);
    assert_eq!(count_matching(&mut empty, ""), 0);
}

#[test]
fn a_reader_reuses_one_buffer_for_all_its_records() {
    let mut reader = Reader::new(LOG.as_bytes());
    // The first, longest line makes the buffer big enough for every other one.
    assert!(reader.next_record().is_some());
    let (count, allocations) = counting::allocations(|| count_matching(&mut reader, "fan"));
    assert_eq!(count, 2);
    assert_eq!(
        allocations, 0,
        "counting a reader's records allocated {allocations} times: each record was given memory of its own"
    );

    let mut reader = Reader::new(LOG.as_bytes());
    assert!(reader.next_record().is_some());
    let mut out = String::with_capacity(LOG.len());
    let (shipped, allocations) = counting::allocations(|| ship(&mut reader, &mut out));
    assert_eq!(shipped, 3);
    assert_eq!(
        out,
        "09:01 ERROR disk\n09:02 WARN fan\n09:03 ERROR fan stopped\n"
    );
    assert_eq!(
        allocations, 0,
        "shipping a reader's records allocated {allocations} times: each record was given memory of its own"
    );
}

#[test]
fn a_batch_hands_out_slices_of_its_text_that_can_be_kept() {
    let text = String::from(LOG);
    let mut batch = Batch::new(&text);
    let top = headline(&mut batch, 2);
    assert_eq!(
        top,
        ["09:00 INFO boot sequence started", "09:01 ERROR disk"]
    );
    assert_eq!(offset_in(&text, top[1]), Some(34), "the record was copied");
    // The batch goes away; the records it handed out stay.
    let (third, fourth) = {
        let mut batch = batch;
        let third = batch.next_record().expect("a third record");
        let fourth = batch.next_record().expect("a fourth record");
        assert_eq!(count_matching(&mut batch, "ERROR"), 1);
        (third, fourth)
    };
    assert_eq!((third, fourth), ("   ", "09:02 WARN fan"));
    assert_eq!(offset_in(&text, fourth), Some(55), "the record was copied");
    assert_eq!(headline(&mut Batch::new(""), 3), Vec::<&str>::new());
    assert_eq!(headline(&mut Batch::new("one\ntwo"), 5), ["one", "two"]);
}

#[test]
fn generic_code_takes_sources_that_live_a_moment() {
    let mut out = String::new();
    for round in 0..3 {
        let received = format!("job {round} ERROR\njob {round} ok\n\n");
        let mut batch = Batch::new(&received);
        assert_eq!(count_matching(&mut batch, "ERROR"), 1);
        let mut batch = Batch::new(&received);
        assert_eq!(ship(&mut batch, &mut out), 2);
        let bytes = received.clone().into_bytes();
        let mut reader = Reader::new(&bytes[..]);
        assert_eq!(count_matching(&mut reader, "job"), 2);
    }
    assert_eq!(
        out,
        "job 0 ERROR\njob 0 ok\njob 1 ERROR\njob 1 ok\njob 2 ERROR\njob 2 ok\n"
    );
}

#[test]
fn a_reader_over_any_buf_read() {
    let received = String::from("a\nbb\n\nccc\n");
    let mut reader = Reader::new(std::io::BufReader::new(received.as_bytes()));
    let mut out = String::new();
    assert_eq!(ship(&mut reader, &mut out), 3);
    assert_eq!(out, "a\nbb\nccc\n");
    let mut reader = Reader::new(std::io::Cursor::new(received.into_bytes()));
    assert_eq!(count_matching(&mut reader, "c"), 1);
}
