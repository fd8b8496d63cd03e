use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::convert::AsRef;
use ::std::sync::{Arc, Mutex};
use ::std::thread::{self, ThreadId};

/// The threads that read the files' bytes, in order.
type Readers = Arc<Mutex<Vec<ThreadId>>>;

/// A file whose bytes note the thread that reads them, or panic if the file is broken.
struct Watched {
    data: Option<Vec<u8>>,
    readers: Readers,
}

impl AsRef<[u8]> for Watched {
    fn as_ref(&self) -> &[u8] {
        self.readers.lock().unwrap().push(thread::current().id());
        match &self.data {
            Some(data) => data,
            None => panic!("this file cannot be read (on purpose: a test's broken file)"),
        }
    }
}

fn watched(files: &[(&str, Option<&[u8]>)]) -> (Vec<(String, Watched)>, Readers) {
    let readers = Arc::new(Mutex::new(Vec::new()));
    let files = files
        .iter()
        .map(|&(name, data)| {
            let file = Watched {
                data: data.map(<[u8]>::to_vec),
                readers: Arc::clone(&readers),
            };
            (name.to_owned(), file)
        })
        .collect();
    (files, readers)
}

fn file(name: &str, data: &[u8]) -> (String, Vec<u8>) {
    (name.to_owned(), data.to_vec())
}

#[test]
fn checksums_of_a_few_files() {
    let results = checksum_all(vec![file("b.txt", b"abcdef"), file("a.txt", b"abcde")]);
    assert_eq!(
        results,
        [("a.txt".to_owned(), 0xC8F0), ("b.txt".to_owned(), 0x2057)]
    );
}

#[test]
fn no_files_no_results() {
    assert!(checksum_all(Vec::<(String, Vec<u8>)>::new()).is_empty());
}

#[test]
fn an_empty_file() {
    assert_eq!(
        checksum_all(vec![file("empty", b"")]),
        [("empty".to_owned(), 0)]
    );
}

#[test]
fn many_files_all_arrive() {
    let files: Vec<_> = (0..40)
        .map(|i| (format!("part{i:02}"), vec![i as u8; 100]))
        .collect();
    let results = checksum_all(files);
    assert_eq!(results.len(), 40);
    assert_eq!(results[0].0, "part00");
    assert_eq!(results[39].0, "part39");
    for (name, sum) in &results {
        let i: u8 = name[4..].parse().unwrap();
        assert_eq!(*sum, checksum(&[i; 100]));
    }
}

#[test]
fn the_checksums_are_computed_on_the_workers() {
    let (files, readers) = watched(&[
        ("c.bin", Some(b"\x01\x02\x03".as_slice())),
        ("a.bin", Some(b"abcde".as_slice())),
        ("d.bin", Some(b"".as_slice())),
        ("b.bin", Some(b"abcdef".as_slice())),
    ]);
    let results = checksum_all(files);
    assert_eq!(
        results,
        [
            ("a.bin".to_owned(), 0xC8F0),
            ("b.bin".to_owned(), 0x2057),
            ("c.bin".to_owned(), checksum(&[1, 2, 3])),
            ("d.bin".to_owned(), 0),
        ]
    );
    let me = thread::current().id();
    let readers = readers.lock().unwrap();
    assert!(readers.len() >= 4, "every file's bytes must be read");
    assert!(
        readers.iter().all(|&reader| reader != me),
        "a file was read on the thread that called checksum_all: the checksums belong on the \
         worker threads, the caller only gathers them"
    );
}

#[test]
fn a_worker_that_fails_is_left_out() {
    let (files, _) = watched(&[
        ("a.txt", Some(b"abcde".as_slice())),
        ("broken.txt", None),
        ("b.txt", Some(b"abcdef".as_slice())),
    ]);
    assert_eq!(
        checksum_all(files),
        [("a.txt".to_owned(), 0xC8F0), ("b.txt".to_owned(), 0x2057)],
        "a worker that panicked sends nothing: the other files' checksums must still come back"
    );
}

#[test]
fn only_broken_files() {
    let (files, _) = watched(&[("x", None), ("y", None)]);
    assert!(checksum_all(files).is_empty());
}
