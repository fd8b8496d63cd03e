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

struct WordIndex<'t> {
    stop: &'t [&'t str],
    words: Vec<&'t str>,
}

impl<'t> WordIndex<'t> {
    fn new(stop: &'t [&'t str]) -> Self {
        WordIndex {
            stop,
            words: Vec::new(),
        }
    }

    // Indexes every word of `doc` that is not a stop word; returns how many it added.
    fn add(&'t mut self, doc: &'t str) -> usize {
        let before = self.words.len();
        let stop = self.stop;
        self.words
            .extend(doc.split_whitespace().filter(|word| !stop.contains(word)));
        self.words.len() - before
    }

    fn longest(&'t self) -> Option<&'t str> {
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
