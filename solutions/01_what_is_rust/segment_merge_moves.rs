// Question 1: What is Rust, and where is it mostly used?
// Rust is used where C++ was, for its speed: databases, storage engines, search indexes. Part of
// that speed is move semantics by default. Assigning or passing a `Vec` moves three words and
// leaves its heap buffer where it is; a copy of the bytes happens only where the code asks for
// one, and the compiler refuses to let a value be used after it has been moved away.
//
// A storage engine keeps each segment of its log as a `Vec<Record>`, sorted by `key`, each key
// at most once in a segment. Compaction folds a newer segment into an older one with `merge`,
// which makes these promises (the hidden tests check each one):
// 1. Afterwards `older` holds every key of either segment exactly once, in increasing order of
//    key. Where both segments have a key, the newer record (its payload) is the one kept.
//    `newer` is left empty.
// 2. No payload is copied: every payload in `older` afterwards is the very heap buffer its
//    record arrived with (the tests compare addresses). The payload of each older record that
//    a newer one replaced is pushed onto `spare`, as it is, for the writer to reuse (in any
//    order; the tests give `spare` room enough for them).
// 3. Memory: `merge` frees no heap block, so `newer` keeps its buffer for the next batch.
//    When `older`'s capacity is at least the length of the merged segment (the number of keys
//    the two segments have between them), `merge` makes no heap allocation at all, and the
//    merged segment is in `older`'s buffer, the one it was in before, which keeps its capacity.
//    When it is smaller, `merge` makes exactly one heap allocation (growing `older`'s buffer
//    counts as one, and the block a growth leaves behind is not counted as freed), asking for
//    exactly the room of the merged segment's records: afterwards `older`'s capacity is its
//    length.
// 4. Linear time: a hidden test merges two segments of 131,072 records each, whose keys
//    interleave all along (half the newer keys are in the older segment too), in the
//    unoptimized test build, and fails if that takes longer than 20 times a yardstick timed
//    beside it (the same merge, built record by record into a new `Vec`), and longer than
//    0.2 s. Done in linear time, it takes about as long as the yardstick.
// As written, it does not compile.
//
// Keep the signature of `merge` and the fields of `Record`.

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub key: u64,
    pub payload: Vec<u8>,
}

/// Folds `newer` into `older`: one sorted segment, newer records winning, `newer` left empty.
pub fn merge(older: &mut Vec<Record>, newer: &mut Vec<Record>, spare: &mut Vec<Vec<u8>>) {
    // How long the merged segment will be: one pass over the keys, before anything moves.
    let mut shared = 0;
    let mut old_keys = older.iter().map(|r| r.key).peekable();
    for key in newer.iter().map(|r| r.key) {
        while old_keys.next_if(|&k| k < key).is_some() {}
        if old_keys.next_if_eq(&key).is_some() {
            shared += 1;
        }
    }
    let (old_len, merged_len) = (older.len(), older.len() + newer.len() - shared);
    older.reserve_exact(merged_len - old_len);
    // The room is at the back of the buffer, so fill it from the back, largest key first:
    // each slot written is free by then, and no record is moved more than twice.
    older.resize_with(merged_len, Record::default);
    let mut unread = old_len; // older[..unread]: older records not placed yet
    let mut free = merged_len; // older[unread..free]: placeholders, free to overwrite
    while let Some(record) = newer.pop() {
        while unread > 0 && older[unread - 1].key > record.key {
            unread -= 1;
            free -= 1;
            older.swap(unread, free);
        }
        if unread > 0 && older[unread - 1].key == record.key {
            // The record it replaces leaves a free slot behind, and its payload goes to spare.
            unread -= 1;
            spare.push(std::mem::take(&mut older[unread].payload));
        }
        free -= 1;
        older[free] = record;
    }
}

fn main() {
    let record = |key, text: &str| Record {
        key,
        payload: text.as_bytes().to_vec(),
    };
    let mut older = Vec::with_capacity(8);
    older.extend([record(1, "one"), record(3, "three"), record(5, "five")]);
    let mut newer = vec![record(2, "two"), record(3, "THREE"), record(9, "nine")];
    let mut spare = Vec::with_capacity(8);
    merge(&mut older, &mut newer, &mut spare);
    for r in &older {
        println!("{} {}", r.key, String::from_utf8_lossy(&r.payload));
    }
    println!("{} spare buffer(s)", spare.len());
}
