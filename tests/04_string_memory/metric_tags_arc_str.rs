use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::drop;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::{allocations, measure};

#[test]
fn the_signatures_stay() {
    let _: fn(usize) -> TagTable = TagTable::with_room_for;
    let _: fn(&mut TagTable, &str, &str) -> ::std::sync::Arc<str> = TagTable::intern;
    let _: fn(&TagTable) -> usize = TagTable::len;
}

#[test]
fn a_known_tag_allocates_nothing() {
    let mut tags = TagTable::with_room_for(8);
    let first = tags.intern("region", "eu-west");
    for round in 0..3 {
        let (again, count) = allocations(|| tags.intern("region", "eu-west"));
        assert_eq!(
            count, 0,
            "interning a tag the table already knows allocated (round {round})"
        );
        assert_eq!(&*again, "region=eu-west");
    }
    assert_eq!(&*first, "region=eu-west");
    assert_eq!(tags.len(), 1);
}

#[test]
fn a_new_tag_costs_one_allocation_of_its_text() {
    let mut tags = TagTable::with_room_for(16);
    // The samples that hold the tags, so that the table keeps them all.
    let mut samples = Vec::with_capacity(5);
    // The longest tag the protocol allows comes first.
    let long_value = "v".repeat(128 - "trace=".len());
    for (key, value) in [
        ("trace", long_value.as_str()),
        ("host", "web-3"),
        ("host", "db-primary-eu-west-1"),
        ("k", ""),
        ("service", "checkout"),
    ] {
        let tag = format!("{key}={value}");
        let tag = tag.as_str();
        let (handle, usage) = measure(|| tags.intern(key, value));
        assert_eq!(
            usage.allocations, 1,
            "a tag seen for the first time ({tag:?}) must cost exactly one allocation"
        );
        // One block: the two reference counts and the bytes (and no more than alignment).
        let counts = 2 * ::std::mem::size_of::<usize>();
        assert!(
            usage.bytes >= counts + tag.len() && usage.bytes < counts + tag.len() + 8,
            "the allocation for {tag:?} asked for {} bytes",
            usage.bytes
        );
        assert_eq!(&*handle, tag);
        samples.push(handle);
    }
    assert_eq!(tags.len(), 5);
}

#[test]
fn every_handle_to_a_tag_shares_one_buffer() {
    let mut tags = TagTable::with_room_for(8);
    let a = tags.intern("host", "web-3");
    let b = tags.intern("host", "web-4");
    let c = tags.intern(&String::from("host"), &String::from("web-3"));
    assert_eq!((&*a, &*b), ("host=web-3", "host=web-4"));
    // A tag is its text: these two spell the same one.
    let d = tags.intern("path=a", "b");
    let e = tags.intern("path", "a=b");
    assert!(
        ::std::sync::Arc::ptr_eq(&d, &e),
        "\"path=a\" with \"b\", and \"path\" with \"a=b\", got two copies of \"path=a=b\""
    );
    drop((d, e));
    assert!(
        ::std::sync::Arc::ptr_eq(&a, &c),
        "two handles for \"host=web-3\" point at different copies of the text"
    );
    assert!(!::std::sync::Arc::ptr_eq(&a, &b));
    // `a` and `c`, and the table's own handle if it keeps one.
    let owners = ::std::sync::Arc::strong_count(&a);
    assert!(owners >= 2, "only {owners} owners share \"host=web-3\"");
    drop(c);
    assert_eq!(::std::sync::Arc::strong_count(&a), owners - 1);
}

#[test]
fn millions_of_samples_few_tags() {
    let names: Vec<String> = (0..50).map(|i| format!("web-{i}")).collect();
    let mut tags = TagTable::with_room_for(64);
    let mut samples = Vec::with_capacity(5_000);
    let ((), count) = allocations(|| {
        for i in 0..5_000 {
            samples.push(tags.intern("host", &names[(i * 7) % 50]));
        }
    });
    assert_eq!(tags.len(), 50);
    assert_eq!(
        count, 50,
        "5000 samples with 50 distinct tags must allocate once per distinct tag"
    );
    assert_eq!(*samples[4_999], format!("host={}", names[(4_999 * 7) % 50]));
}

#[test]
fn tables_are_independent() {
    let mut first = TagTable::with_room_for(4);
    let mut second = TagTable::with_room_for(4);
    let a = first.intern("env", "prod");
    assert_eq!(second.len(), 0);
    let b = second.intern("env", "prod");
    assert!(!::std::sync::Arc::ptr_eq(&a, &b));
    assert_eq!((first.len(), second.len()), (1, 1));
    assert!(TagTable::with_room_for(1).is_empty());
}

#[test]
fn handles_go_to_other_threads() {
    let mut tags = TagTable::with_room_for(4);
    let tag = tags.intern("zone", "b");
    let copy = ::std::sync::Arc::clone(&tag);
    let seen = ::std::thread::spawn(move || copy.len()).join().unwrap();
    assert_eq!(seen, 6);
}

/// The size of the block behind an `Arc<str>` of `text`: two counts, then the bytes.
fn block_of(text: &str) -> usize {
    2 * ::std::mem::size_of::<usize>() + text.len()
}

#[test]
fn a_tag_no_sample_holds_is_freed_by_the_next_new_tag() {
    let mut tags = TagTable::with_room_for(8);
    let gone = tags.intern("host", "web-gone-17");
    let kept = tags.intern("host", "web-4");
    let kept_again = tags.intern("host", "web-4");
    assert_eq!(tags.len(), 2);
    // The last sample labelled with the gone host's tag is dropped.
    drop(gone);
    let (fresh, usage) = measure(|| tags.intern("host", "web-5"));
    assert_eq!(
        usage.allocations, 1,
        "a tag seen for the first time must cost exactly one allocation"
    );
    assert!(
        usage.frees >= 1 && usage.freed_bytes >= block_of("host=web-gone-17"),
        "no sample holds \"host=web-gone-17\" any more, but its memory was still allocated \
         after the table was asked for a new tag (freed: {} blocks, {} bytes)",
        usage.frees,
        usage.freed_bytes
    );
    assert_eq!(tags.len(), 2, "the table still keeps a tag nobody holds");
    assert_eq!(&*fresh, "host=web-5");
    // A tag that samples still hold stays shared.
    assert!(::std::sync::Arc::ptr_eq(&kept, &kept_again));
    let (again, count) = allocations(|| tags.intern("host", "web-4"));
    assert_eq!(count, 0, "a tag still in use was dropped by the table");
    assert!(
        ::std::sync::Arc::ptr_eq(&kept, &again),
        "a tag still held by samples got a second copy"
    );
}

#[test]
fn a_tag_comes_back_after_it_was_let_go() {
    let mut tags = TagTable::with_room_for(4);
    drop(tags.intern("host", "web-9"));
    drop(tags.intern("host", "web-10"));
    assert!(
        tags.len() <= 1,
        "the table keeps {} unused tags",
        tags.len()
    );
    let (back, usage) = measure(|| tags.intern("host", "web-9"));
    assert_eq!(usage.allocations, 1);
    assert_eq!(&*back, "host=web-9");
    assert_eq!(tags.len(), 1, "only \"host=web-9\" is in use");
}

#[test]
fn hosts_come_and_go_by_the_thousand() {
    let mut tags = TagTable::with_room_for(16);
    let region = tags.intern("region", "eu-west");
    let mut live: Vec<::std::sync::Arc<str>> = Vec::with_capacity(8);
    let names: Vec<String> = (0..2_000).map(|i| format!("web-{i}")).collect();
    let mut freed = 0;
    let ((), usage) = measure(|| {
        for (i, name) in names.iter().enumerate() {
            // Eight hosts at a time; the oldest goes away as a new one starts.
            if live.len() == 8 {
                live.remove(0);
            }
            live.push(tags.intern("host", name));
            let again = tags.intern("host", name);
            assert!(::std::sync::Arc::ptr_eq(live.last().unwrap(), &again));
            assert!(
                tags.len() <= 10,
                "after {} hosts the table keeps {} tags, with 9 in use",
                i + 1,
                tags.len()
            );
        }
        freed = tags.len();
    });
    assert_eq!(
        usage.allocations, 2_000,
        "2000 new tags must cost 2000 allocations"
    );
    assert!(freed <= 10);
    assert!(::std::sync::Arc::ptr_eq(
        &region,
        &tags.intern("region", "eu-west")
    ));
}

#[test]
fn a_known_tag_allocates_nothing_whatever_came_before() {
    let mut tags = TagTable::with_room_for(8);
    let value = "x".repeat(128 - "span=".len());
    let long = tags.intern("span", &value);
    let short = tags.intern("k", "v");
    for round in 0..3 {
        let ((a, b), count) = allocations(|| (tags.intern("k", "v"), tags.intern("span", &value)));
        assert_eq!(
            count, 0,
            "interning tags the table already knows allocated (round {round})"
        );
        assert!(::std::sync::Arc::ptr_eq(&a, &short) && ::std::sync::Arc::ptr_eq(&b, &long));
    }
    // A new tag after them still costs its text alone.
    let (_fresh, count) = allocations(|| tags.intern("span", "short"));
    assert_eq!(
        count, 1,
        "a tag seen for the first time must cost exactly one allocation"
    );
}
