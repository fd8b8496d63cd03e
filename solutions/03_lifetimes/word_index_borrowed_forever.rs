// Question 3: What are lifetimes in Rust?
// A struct that holds borrowed data, `WordIndex<'t>`, is itself borrowed by its methods, and
// those two borrows have different lengths: the texts live for `'t`, a call borrows the index
// for as long as the call (or its result) needs. Writing `'t` on `self` welds them together,
// and behind `&mut` a lifetime cannot be shortened to make room, so the index stays borrowed
// for the whole of `'t`.
//
// A search tool indexes the words of several documents without copying them: the index holds
// `&str` slices of the documents. `longest_after_each` adds the documents one at a time and
// records, after each, the longest word indexed so far (the earliest one on a tie).
// A colleague silenced an earlier error by writing `'t` on `self` in two methods. Now
// `longest_after_each` does not compile. Fix the two method signatures so that they promise
// what the methods really do; keep the struct, the bodies and `longest_after_each` as they are.

#[derive(Default)]
struct WordIndex<'t> {
    words: Vec<&'t str>,
}

impl<'t> WordIndex<'t> {
    // Indexes every word of `doc`; returns how many words it added.
    // Only the document must live for `'t`: its words are stored. The index itself is
    // borrowed just for this call. `&'t mut WordIndex<'t>` kept it mutably borrowed for all
    // of `'t`, because `&mut` is invariant: `'t` could not shrink to fit the call.
    fn add(&mut self, doc: &'t str) -> usize {
        let before = self.words.len();
        self.words.extend(doc.split_whitespace());
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
