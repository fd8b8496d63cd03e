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

pub struct TagTable {
    known: HashSet<String>,
}

impl TagTable {
    pub fn with_room_for(expected: usize) -> Self {
        TagTable {
            known: HashSet::with_capacity(expected),
        }
    }

    /// A shared handle to the text of the tag `key=value`.
    pub fn intern(&mut self, key: &str, value: &str) -> Arc<str> {
        let tag = format!("{key}={value}");
        if !self.known.contains(&tag) {
            self.known.insert(tag.clone());
        }
        Arc::from(tag)
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
