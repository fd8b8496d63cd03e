// Question 3: What are lifetimes in Rust?
//
// A search tool indexes the words of several documents without copying them: the index holds
// `&str` slices of the documents. `longest_after_each` adds the documents one at a time and
// records, after each, the longest word indexed so far (the earliest one on a tie). Callers
// also keep words they got from `longest` while they go on adding documents, and after the
// index itself is gone: the words belong to the documents, which outlive the index.
//
// A colleague silenced an earlier error by adding lifetimes to two method signatures. Now
// `longest_after_each` does not compile. Make the two signatures promise what the methods
// really do; keep the struct, the bodies and `longest_after_each` as they are.

#[derive(Default)]
struct WordIndex<'t> {
    words: Vec<&'t str>,
}

impl<'t> WordIndex<'t> {
    // Indexes every word of `doc`; returns how many words it added.
    fn add(&'t mut self, doc: &'t str) -> usize {
        let before = self.words.len();
        self.words.extend(doc.split_whitespace());
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

fn longest_after_each(docs: &[String]) -> Vec<&str> {
    let mut index = WordIndex::default();
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
        "ownership and borrowing instead".to_string(),
    ];
    println!("{:?}", longest_after_each(&docs));
}
