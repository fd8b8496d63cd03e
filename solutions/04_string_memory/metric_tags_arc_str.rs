// Question 4: How is memory allocated for a `String`?
// `Arc<str>` is a pointer and a length (two words) to one heap allocation that holds the
// reference counts followed by the bytes of the text. Cloning an `Arc<str>` copies the
// pointer and bumps a count: the text is never copied. It suits text that is written once and
// then shared by many owners, which never change it.
//
// A metrics agent labels millions of samples with tags such as "host=web-3" or
// "region=eu-west". Its parser hands each tag over as a key and a value; `TagTable::intern`
// returns a read-only handle to the tag's text, `key=value`, and all samples with the same tag
// must share one copy of it. A tag is at most 128 bytes long, `=` included (the wire protocol's
// limit). `with_room_for` may allocate whatever the table needs up front; after it, the hidden
// tests count heap allocations: interning a tag the table already knows must allocate nothing,
// and a tag seen for the first time must cost one allocation, its shared text, no more.
//
// The fleet autoscales: hosts come and go by the thousand, and the agent ran out of memory
// after a week with the tags of hosts long gone. Once no sample holds a tag any more, the table
// must let its memory go, at the latest when it is next asked for a tag it does not know;
// `len` counts the tags it keeps. A tag a sample still holds must stay shared.
//
// Keep the signatures of `with_room_for`, `intern` and `len`.

use std::collections::HashSet;
use std::sync::Arc;

/// The longest tag the wire protocol allows, `=` included.
const MAX_TAG: usize = 128;

pub struct TagTable {
    // The table keeps one handle per tag, and every handle it gives out is a clone of it.
    known: HashSet<Arc<str>>,
    /// Where `key=value` is spelled out to be looked up. Clearing a `String` keeps its buffer,
    /// and this one was given room for the longest tag: after `with_room_for`, spelling a tag
    /// out never asks the heap for anything.
    spelled: String,
}

impl TagTable {
    pub fn with_room_for(expected: usize) -> Self {
        TagTable {
            known: HashSet::with_capacity(expected),
            spelled: String::with_capacity(MAX_TAG),
        }
    }

    /// A shared handle to the text of the tag `key=value`.
    pub fn intern(&mut self, key: &str, value: &str) -> Arc<str> {
        self.spelled.clear();
        self.spelled.push_str(key);
        self.spelled.push('=');
        self.spelled.push_str(value);
        // `Arc<str>` borrows as `str`, so the set is searched with the spelled-out text itself.
        if let Some(shared) = self.known.get(self.spelled.as_str()) {
            return Arc::clone(shared);
        }
        // Before a new tag moves in, the tags nobody else holds move out: when the table's own
        // handle is the only one left, dropping it frees the counts and the text, which live in
        // the same block. (A `Weak` in the table would not do that alone: the block stays
        // allocated while a `Weak` points at it, even once the text is unreachable.)
        self.known.retain(|known| Arc::strong_count(known) > 1);
        // The one allocation: counts and bytes together, copied from the spelled-out text.
        // (Moving a `String` into an `Arc<str>` would not save it: the `Arc` needs room for
        // the counts in front of the bytes, so it allocates a new block and copies anyway.)
        let shared: Arc<str> = Arc::from(self.spelled.as_str());
        self.known.insert(Arc::clone(&shared));
        shared
    }

    /// How many distinct tags the table keeps.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }
}

fn main() {
    let mut tags = TagTable::with_room_for(16);
    let samples = [("host", "web-3"), ("host", "web-4"), ("host", "web-3")];
    let handles: Vec<Arc<str>> = samples
        .iter()
        .map(|(key, value)| tags.intern(key, value))
        .collect();
    println!("{} samples, {} distinct tags", handles.len(), tags.len());
}
