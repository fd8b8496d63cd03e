// Question 4: How is memory allocated for a `String`?
// `Arc<str>` is a pointer and a length (two words) to one heap allocation that holds the
// reference counts followed by the bytes of the text. Cloning an `Arc<str>` copies the
// pointer and bumps a count: the text is never copied. It suits text that is written once and
// then shared by many owners, which never change it.
//
// A metrics agent labels millions of samples with tags such as "host=web-3" or
// "region=eu-west". `TagTable::intern` hands out a read-only handle for a tag, and all samples
// with the same tag must share one copy of its text. The hidden tests count heap allocations:
// interning a tag the table already knows must allocate nothing, and a tag seen for the first
// time must cost one allocation, no more (the table is created with room for the tags it will
// hold at once).
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

    /// A shared handle to `tag`'s text.
    pub fn intern(&mut self, tag: &str) -> Arc<str> {
        if !self.known.contains(tag) {
            self.known.insert(tag.to_string());
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
    let samples = ["host=web-3", "host=web-4", "host=web-3", "host=web-3"];
    let handles: Vec<Arc<str>> = samples.iter().map(|tag| tags.intern(tag)).collect();
    println!("{} samples, {} distinct tags", handles.len(), tags.len());
}
