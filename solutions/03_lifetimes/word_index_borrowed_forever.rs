// Question 3: What are lifetimes in Rust?
//
// A search tool indexes the words of several documents without copying them: the index holds
// `&str` slices of the documents. It skips stop words ("the", "of", ...); each request brings
// its own list, which lives only while that request's index is built. `longest_after_each` adds
// the documents one at a time and records, after each, the longest word indexed so far (the
// earliest one on a tie).
//
// What callers rely on:
//   - a word from `longest` may be kept while more documents are added, after the index is
//     gone, and after the stop list is gone: the words belong to the documents, which outlive
//     both;
//   - nothing is copied, neither the words of the documents nor the stop list;
//   - `longest_after_each` keeps its signature, and `WordIndex::new`, `add`, `longest` and
//     `count` are called as they are here.
// A colleague added lifetimes until the compiler stopped complaining about the index itself;
// now the caller does not compile. Make the code promise what it really does, and keep what
// each function does.

// Two lifetimes, because the index borrows from two places that end at different times: the
// stop list (`'s`, one request) and the documents (`'t`, which outlive it). With one lifetime
// for both, every word would be taken to live only as long as the shorter-lived stop list.
struct WordIndex<'s, 't> {
    stop: &'s [&'s str],
    words: Vec<&'t str>,
}

impl<'s, 't> WordIndex<'s, 't> {
    fn new(stop: &'s [&'s str]) -> Self {
        WordIndex {
            stop,
            words: Vec::new(),
        }
    }

    // Indexes every word of `doc` that is not a stop word; returns how many it added.
    // Only the document must live for `'t`: its words are stored. The index itself is borrowed
    // just for this call. `&'t mut WordIndex<'t>` kept it mutably borrowed for all of `'t`,
    // because `&mut` is invariant: `'t` could not shrink to fit the call.
    fn add(&mut self, doc: &'t str) -> usize {
        let before = self.words.len();
        let stop = self.stop;
        self.words
            .extend(doc.split_whitespace().filter(|word| !stop.contains(word)));
        self.words.len() - before
    }

    // The word points into a document, not into the index: it is valid for `'t` however
    // briefly the index is borrowed, so the index may be changed while the word is kept.
    fn longest(&self) -> Option<&'t str> {
        self.words
            .iter()
            .copied()
            .reduce(|best, word| if word.len() > best.len() { word } else { best })
    }

    fn count(&self, word: &str) -> usize {
        self.words
            .iter()
            .filter(|indexed| **indexed == word)
            .count()
    }
}

fn longest_after_each<'t>(docs: &'t [String], stop: &[&str]) -> Vec<&'t str> {
    let mut index = WordIndex::new(stop);
    let mut longest = Vec::new();
    for doc in docs {
        index.add(doc);
        if let Some(word) = index.longest() {
            longest.push(word);
        }
    }
    longest
}

fn main() {
    let docs = vec![
        "rust has no garbage collector".to_string(),
        "".to_string(),
        "the ownership of borrowing instead".to_string(),
    ];
    println!("{:?}", longest_after_each(&docs, &["the", "of"]));
}
