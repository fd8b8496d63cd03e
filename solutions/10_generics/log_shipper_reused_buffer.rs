// Question 10: What are generics in Rust?
//
// A log shipper reads records, one per line (without its line break), from two kinds of source
// through one trait, `Records`: a `Reader` over any `BufRead` (a file, a socket), and a `Batch`
// of records already in memory, split out of one text. Generic code works with any source:
// `count_matching` counts the records that contain a word, and `ship` appends the records that
// are not blank to the outgoing buffer, trimmed, one per line.
//
// What must stay true:
//   - a reader keeps one line buffer for all of its records: once that buffer is big enough,
//     reading records, counting them or shipping them allocates nothing;
//   - a batch hands out slices of its text, which the caller may keep while it reads more, as
//     `headline` does;
//   - the generic functions take every source, whatever it reads from, for as short a time as
//     it lives: a batch of text received a moment ago, a reader over a borrowed buffer;
//   - the functions keep their names, parameters, results and what they do; `Records` keeps its
//     name and its method.
// The hidden tests find that a reader allocates for every record it reads. Fix that, and keep
// every promise.

use std::io::BufRead;

trait Records {
    /// A record may borrow the source it was read from, for as long as the caller keeps it.
    type Record<'a>: AsRef<str>
    where
        Self: 'a;

    /// The next record, or `None` at the end of the source (or when it cannot be read).
    fn next_record(&mut self) -> Option<Self::Record<'_>>;
}

struct Reader<R> {
    input: R,
    line: String,
}

impl<R: BufRead> Reader<R> {
    fn new(input: R) -> Self {
        Reader {
            input,
            line: String::new(),
        }
    }
}

impl<R: BufRead> Records for Reader<R> {
    type Record<'a>
        = &'a str
    where
        Self: 'a;

    fn next_record(&mut self) -> Option<&str> {
        self.line.clear();
        match self.input.read_line(&mut self.line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(self.line.trim_end_matches(['\n', '\r'])),
        }
    }
}

struct Batch<'t> {
    lines: std::str::Lines<'t>,
}

impl<'t> Batch<'t> {
    fn new(text: &'t str) -> Self {
        Batch {
            lines: text.lines(),
        }
    }
}

impl<'t> Records for Batch<'t> {
    // A batch's records borrow its text, not the batch: they may be kept while it reads on.
    type Record<'a>
        = &'t str
    where
        Self: 'a;

    fn next_record(&mut self) -> Option<&'t str> {
        self.lines.next()
    }
}

/// How many of the remaining records contain `word`.
fn count_matching<S>(source: &mut S, word: &str) -> usize
where
    S: Records,
{
    let mut count = 0;
    while let Some(record) = source.next_record() {
        if record.as_ref().contains(word) {
            count += 1;
        }
    }
    count
}

/// Appends every remaining record that is not blank to `out`, trimmed, one per line; returns
/// how many it appended.
fn ship<S>(source: &mut S, out: &mut String) -> usize
where
    S: Records,
{
    let mut shipped = 0;
    while let Some(record) = source.next_record() {
        let text = record.as_ref().trim();
        if !text.is_empty() {
            out.push_str(text);
            out.push('\n');
            shipped += 1;
        }
    }
    shipped
}

/// The first `n` records of a batch (fewer if it has fewer), for the summary at the top of a
/// report.
fn headline<'t>(batch: &mut Batch<'t>, n: usize) -> Vec<&'t str> {
    let mut kept = Vec::with_capacity(n);
    while kept.len() < n {
        match batch.next_record() {
            Some(record) => kept.push(record),
            None => break,
        }
    }
    kept
}

fn main() {
    let received = String::from("09:00 INFO boot\n09:01 ERROR disk\n\n09:02 ERROR fan");
    let mut batch = Batch::new(&received);
    println!("{:?}", headline(&mut batch, 1));
    println!("{} errors after it", count_matching(&mut batch, "ERROR"));
    let mut reader = Reader::new(received.as_bytes());
    let mut out = String::new();
    let shipped = ship(&mut reader, &mut out);
    println!("{shipped} shipped:\n{out}");
}
