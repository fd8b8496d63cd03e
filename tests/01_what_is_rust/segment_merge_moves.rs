use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

fn record(key: u64, text: &str) -> Record {
    Record {
        key,
        payload: text.as_bytes().to_vec(),
    }
}

/// A segment of the given keys, each payload naming its key and its segment, in a buffer of
/// `capacity` records (or just enough, if that is fewer).
fn segment(keys: &[u64], tag: &str, capacity: usize) -> Vec<Record> {
    let mut s = Vec::with_capacity(keys.len().max(capacity));
    s.extend(keys.iter().map(|&k| record(k, &format!("{tag}{k}"))));
    s
}

/// What `merge` must give: the records built anew, newer winning.
fn expected(older: &[u64], newer: &[u64]) -> Vec<Record> {
    let keys: BTreeSet<u64> = older.iter().chain(newer).copied().collect();
    let newer: BTreeSet<u64> = newer.iter().copied().collect();
    keys.into_iter()
        .map(|k| {
            let tag = if newer.contains(&k) { "new" } else { "old" };
            record(k, &format!("{tag}{k}"))
        })
        .collect()
}

/// Pairs of sorted key lists: empty either side, disjoint, interleaved, equal, one inside the
/// other, overlaps at either end.
const CASES: &[(&[u64], &[u64])] = &[
    (&[], &[]),
    (&[1, 2, 3], &[]),
    (&[], &[1, 2, 3]),
    (&[1, 2, 3], &[4, 5, 6]),
    (&[4, 5, 6], &[1, 2, 3]),
    (&[1, 3, 5, 7], &[2, 4, 6, 8]),
    (&[2, 4, 6, 8], &[1, 3, 5, 7]),
    (&[1, 2, 3], &[1, 2, 3]),
    (&[1, 2, 3, 4, 5, 6], &[3, 4]),
    (&[3, 4], &[1, 2, 3, 4, 5, 6]),
    (&[1, 5, 9], &[1]),
    (&[1, 5, 9], &[9]),
    (&[1, 5, 9], &[0, 9, 10]),
    (&[7], &[7]),
    (&[10, 20, 30, 40], &[5, 20, 25, 40, 45]),
    (&[0, u64::MAX], &[0, 1, u64::MAX]),
];

/// Every payload's address, by key.
fn addresses(segment: &[Record]) -> BTreeMap<u64, usize> {
    segment
        .iter()
        .map(|r| (r.key, r.payload.as_ptr() as usize))
        .collect()
}

/// The number of keys two segments have between them: the merged segment's length.
fn merged_len(older: &[u64], newer: &[u64]) -> usize {
    older.iter().chain(newer).collect::<BTreeSet<_>>().len()
}

/// Checks everything promised about one merge, with `older` in a buffer of `capacity` records.
fn check(old_keys: &[u64], new_keys: &[u64], capacity: usize) {
    let mut older = segment(old_keys, "old", capacity);
    let mut newer = segment(new_keys, "new", 0);
    let mut spare: Vec<Vec<u8>> = Vec::with_capacity(old_keys.len());
    let (old_buffer, old_capacity) = (older.as_ptr(), older.capacity());
    let (new_buffer, new_capacity) = (newer.as_ptr(), newer.capacity());
    let old_payloads = addresses(&older);
    let new_payloads = addresses(&newer);
    let ((), usage) = measure(|| merge(&mut older, &mut newer, &mut spare));
    let keys = |keys: &[u64]| {
        if keys.len() <= 20 {
            format!("{keys:?}")
        } else {
            format!("of {} keys", keys.len())
        }
    };
    let case = format!(
        "older {} (capacity {old_capacity}) merged with newer {}",
        keys(old_keys),
        keys(new_keys)
    );

    let want = expected(old_keys, new_keys);
    if older != want {
        let at = (0..older.len().max(want.len()))
            .find(|&i| older.get(i) != want.get(i))
            .unwrap_or(0);
        let text = |r: Option<&Record>| {
            r.map(|r| format!("key {} {:?}", r.key, String::from_utf8_lossy(&r.payload)))
        };
        panic!(
            "{case}: wrong records: {} of them, {} expected; record {at} is {:?}, {:?} expected",
            older.len(),
            want.len(),
            text(older.get(at)),
            text(want.get(at))
        );
    }
    assert!(newer.is_empty(), "{case}: `newer` must be left empty");

    // Every payload kept is the buffer it arrived with.
    for r in &older {
        let came_with = new_payloads
            .get(&r.key)
            .or_else(|| old_payloads.get(&r.key))
            .copied();
        if r.payload.capacity() > 0 {
            assert_eq!(
                Some(r.payload.as_ptr() as usize),
                came_with,
                "{case}: the payload of key {} is not the buffer its record arrived with: it \
                 was copied",
                r.key
            );
        }
    }
    // The replaced payloads are in `spare`, as they were.
    let replaced: BTreeSet<usize> = old_payloads
        .iter()
        .filter(|(k, _)| new_payloads.contains_key(k))
        .map(|(_, &at)| at)
        .collect();
    let spared: BTreeSet<usize> = spare.iter().map(|p| p.as_ptr() as usize).collect();
    assert_eq!(
        spare.len(),
        replaced.len(),
        "{case}: `spare` must receive the payload of each of the {} replaced older record(s)",
        replaced.len()
    );
    assert_eq!(
        spared, replaced,
        "{case}: `spare` must receive the payloads of the replaced older records themselves"
    );
    let mut spare_text: Vec<&[u8]> = spare.iter().map(Vec::as_slice).collect();
    spare_text.sort();
    let mut replaced_text: Vec<String> = old_keys
        .iter()
        .filter(|k| new_payloads.contains_key(k))
        .map(|k| format!("old{k}"))
        .collect();
    replaced_text.sort();
    let replaced_text: Vec<&[u8]> = replaced_text.iter().map(|t| t.as_bytes()).collect();
    assert_eq!(
        spare_text, replaced_text,
        "{case}: the payloads in `spare` must be as they were"
    );

    assert_eq!(
        usage.frees, 0,
        "{case}: `merge` freed {} heap block(s); it must free none",
        usage.frees
    );
    assert_eq!(
        (newer.as_ptr(), newer.capacity()),
        (new_buffer, new_capacity),
        "{case}: `newer` must keep its buffer"
    );
    if old_capacity >= want.len() {
        assert_eq!(
            usage.allocations,
            0,
            "{case}: `older` had room for the {} records of the merged segment, yet `merge` \
             allocated",
            want.len()
        );
        assert!(
            older.as_ptr() == old_buffer,
            "{case}: the merged segment must be in `older`'s buffer, the one it was in before"
        );
        assert_eq!(
            older.capacity(),
            old_capacity,
            "{case}: `older`'s buffer must keep its capacity"
        );
    } else {
        assert_eq!(
            usage.allocations,
            1,
            "{case}: `older` had no room for the {} records of the merged segment: `merge` must \
             make exactly one heap allocation",
            want.len()
        );
        let record = std::mem::size_of::<Record>();
        assert!(
            usage.bytes == want.len() * record,
            "{case}: the allocation asked for {} bytes, the room of {} records of {record} bytes; \
             it must ask for exactly the room of the {} merged records",
            usage.bytes,
            usage.bytes as f64 / record as f64,
            want.len()
        );
        assert_eq!(
            older.capacity(),
            older.len(),
            "{case}: after growing, `older`'s capacity must be exactly its length"
        );
    }
}

#[test]
fn the_signatures_stay() {
    let _: fn(&mut Vec<Record>, &mut Vec<Record>, &mut Vec<Vec<u8>>) = merge;
    let _ = Record {
        key: 1,
        payload: Vec::new(),
    };
}

#[test]
fn newer_records_win_and_the_keys_stay_sorted() {
    let mut older = vec![record(1, "a"), record(3, "b"), record(5, "c")];
    let mut newer = vec![record(2, "x"), record(3, "y"), record(9, "z")];
    let mut spare = Vec::new();
    merge(&mut older, &mut newer, &mut spare);
    assert_eq!(
        older,
        vec![
            record(1, "a"),
            record(2, "x"),
            record(3, "y"),
            record(5, "c"),
            record(9, "z")
        ]
    );
    assert!(newer.is_empty(), "`newer` must be left empty");
    assert_eq!(
        spare,
        vec![b"b".to_vec()],
        "the replaced payload goes to `spare`"
    );
}

#[test]
fn with_room_nothing_is_allocated_or_freed() {
    for (old_keys, new_keys) in CASES {
        let both = old_keys.len() + new_keys.len();
        for capacity in [both, both + 5] {
            check(old_keys, new_keys, capacity);
        }
    }
}

#[test]
fn room_for_the_merged_records_is_room_enough() {
    // Where keys are shared, the merged segment is shorter than the two together.
    for (old_keys, new_keys) in CASES {
        check(old_keys, new_keys, merged_len(old_keys, new_keys));
    }
}

#[test]
fn without_room_one_exact_allocation_and_nothing_freed() {
    for (old_keys, new_keys) in CASES {
        let merged = merged_len(old_keys, new_keys);
        for capacity in [old_keys.len(), merged.saturating_sub(1)] {
            if capacity >= old_keys.len() && capacity < merged {
                check(old_keys, new_keys, capacity);
            }
        }
    }
}

#[test]
fn longer_segments_every_way() {
    // 1,500 and 1,200 records: runs of keys in one segment only, and keys in both.
    let older: Vec<u64> = (0..1500).map(|i| i * 2 + i / 100).collect();
    let newer: Vec<u64> = (0..1200).map(|i| i * 3 + 1).collect();
    let merged = merged_len(&older, &newer);
    for capacity in [0, merged - 1, merged, older.len() + newer.len()] {
        check(&older, &newer, capacity);
        check(&newer, &older, capacity);
    }
}

#[test]
fn merging_again_into_the_same_buffers() {
    // A compactor folds batch after batch into one segment, reusing `newer` and `spare`.
    let mut older: Vec<Record> = Vec::with_capacity(64);
    let mut newer: Vec<Record> = Vec::with_capacity(16);
    let mut spare: Vec<Vec<u8>> = Vec::with_capacity(64);
    let buffer = older.as_ptr();
    let batches: [&[u64]; 4] = [&[2, 4, 6, 8], &[1, 4, 9], &[0, 2, 4, 6, 8, 10], &[11]];
    let mut all = BTreeSet::new();
    for (n, batch) in batches.iter().enumerate() {
        newer.extend(batch.iter().map(|&k| record(k, &format!("b{n}k{k}"))));
        let replaced = batch.iter().filter(|k| all.contains(*k)).count();
        let spare_before = spare.len();
        let ((), usage) = measure(|| merge(&mut older, &mut newer, &mut spare));
        all.extend(batch.iter().copied());
        assert_eq!(
            (usage.allocations, usage.frees),
            (0, 0),
            "batch {n}: with room, a merge allocates and frees nothing"
        );
        assert!(
            older.as_ptr() == buffer,
            "batch {n}: the segment must stay in its buffer"
        );
        assert!(newer.is_empty(), "batch {n}: `newer` must be left empty");
        assert_eq!(
            spare.len() - spare_before,
            replaced,
            "batch {n}: replaced payloads go to `spare`"
        );
        let keys: Vec<u64> = older.iter().map(|r| r.key).collect();
        assert_eq!(
            keys,
            all.iter().copied().collect::<Vec<_>>(),
            "batch {n}: keys"
        );
    }
    let last_of = |k: u64| {
        (0..batches.len())
            .rev()
            .find(|&n| batches[n].contains(&k))
            .map(|n| format!("b{n}k{k}").into_bytes())
    };
    for r in &older {
        assert_eq!(
            Some(r.payload.clone()),
            last_of(r.key),
            "key {}: the newest must win",
            r.key
        );
    }
}

/// The yardstick: the same merge, record by record, into a new `Vec`.
fn merged_anew(older: Vec<Record>, newer: Vec<Record>) -> Vec<Record> {
    let mut out = Vec::with_capacity(older.len() + newer.len());
    let mut older = older.into_iter().peekable();
    let mut newer = newer.into_iter().peekable();
    loop {
        match (older.peek(), newer.peek()) {
            (Some(o), Some(n)) if o.key < n.key => out.extend(older.next()),
            (Some(o), Some(n)) if o.key == n.key => {
                older.next();
                out.extend(newer.next());
            }
            (_, Some(_)) => out.extend(newer.next()),
            (Some(_), None) => out.extend(older.next()),
            (None, None) => return out,
        }
    }
}

#[test]
fn two_long_segments_take_linear_time() {
    // 131,072 records each: older has the keys 0, 2, 4, 6, 8, ..., newer 0, 3, 4, 7, 8, ...,
    // so the two interleave all along and half the newer records replace an older one.
    // Payloads are empty, so building them costs nothing. A merge in linear time takes about
    // as long as the yardstick; one that shifts the rest of a segment for each record moves
    // hundreds of gigabytes.
    const RECORDS: u64 = 1 << 17;
    const TIMES_THE_YARDSTICK: u32 = 20;
    let make = |keys: &dyn Fn(u64) -> u64| -> Vec<Record> {
        (0..RECORDS)
            .map(|i| Record {
                key: keys(i),
                payload: Vec::new(),
            })
            .collect()
    };
    let older_key = |i: u64| i * 2;
    let newer_key = |i: u64| i * 2 + (i & 1);
    let expected_len = {
        let a: BTreeSet<u64> = (0..RECORDS).map(older_key).collect();
        let b: BTreeSet<u64> = (0..RECORDS).map(newer_key).collect();
        a.union(&b).count()
    };
    let yardstick = (0..3)
        .map(|_| {
            let (o, n) = (make(&older_key), make(&newer_key));
            let start = Instant::now();
            std::hint::black_box(merged_anew(std::hint::black_box(o), n));
            start.elapsed()
        })
        .min()
        .expect("three runs");
    // At most 4 s, well inside the test's own time limit: on a loaded machine, where the
    // yardstick is slow too, a quadratic edit still fails here with this message.
    let limit =
        (yardstick * TIMES_THE_YARDSTICK).clamp(Duration::from_millis(200), Duration::from_secs(4));
    let mut older = make(&older_key);
    older.reserve_exact(RECORDS as usize);
    let mut newer = make(&newer_key);
    let (done, finished) = mpsc::channel();
    // On a thread of its own, so that a slow merge fails the test with a message rather than
    // running into its time limit.
    thread::spawn(move || {
        let mut spare = Vec::with_capacity(RECORDS as usize);
        merge(&mut older, &mut newer, &mut spare);
        let _ = done.send(older);
    });
    match finished.recv_timeout(limit) {
        Ok(older) => {
            assert_eq!(
                older.len(),
                expected_len,
                "two long segments: wrong number of records"
            );
            assert!(
                older.windows(2).all(|w| w[0].key < w[1].key),
                "two long segments: the keys must be in increasing order, each once"
            );
        }
        Err(RecvTimeoutError::Timeout) => panic!(
            "merging two segments of {RECORDS} records took more than {limit:?}, \
             {TIMES_THE_YARDSTICK} times as long as building the merged segment anew \
             ({yardstick:?}): the time must grow in proportion to the segments' length"
        ),
        Err(RecvTimeoutError::Disconnected) => panic!("merge panicked on two long segments"),
    }
}
