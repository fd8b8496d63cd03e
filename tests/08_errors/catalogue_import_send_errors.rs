use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::io;
use ::std::marker::{Send, Sync};

use ::std::collections::{HashMap, HashSet};
use ::std::sync::Mutex;
use ::std::thread::ThreadId;

/// Supplier files served from memory; records which threads fetched them.
struct Suppliers {
    files: HashMap<&'static str, &'static str>,
    fetched_on: Mutex<HashSet<ThreadId>>,
}

impl Suppliers {
    fn new(files: &[(&'static str, &'static str)]) -> Suppliers {
        Suppliers {
            files: files.iter().copied().collect(),
            fetched_on: Mutex::new(HashSet::new()),
        }
    }

    fn fetch(&self, name: &str) -> io::Result<String> {
        self.fetched_on
            .lock()
            .unwrap()
            .insert(::std::thread::current().id());
        self.files
            .get(name)
            .map(|text| text.to_string())
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("no file {name}")))
    }

    fn import(&self, names: &[&str]) -> Result<Vec<Product>, ImportError> {
        import_all(names, &|name: &str| self.fetch(name))
    }
}

fn assert_send_sync<T: Send + Sync + 'static>() {}

#[test]
fn imports_every_file_in_order() {
    let suppliers = Suppliers::new(&[
        ("acme.csv", "A-1,1299\nA-2, 450"),
        ("globex.csv", "G-7,99"),
        ("initech.csv", ""),
    ]);
    let products = suppliers
        .import(&["globex.csv", "acme.csv", "initech.csv"])
        .expect("all three files are fine");
    let got: Vec<(&str, u32)> = products
        .iter()
        .map(|p| (p.sku.as_str(), p.price_cents))
        .collect();
    assert_eq!(got, [("G-7", 99), ("A-1", 1299), ("A-2", 450)]);
}

#[test]
fn each_file_is_imported_on_its_own_thread() {
    let suppliers = Suppliers::new(&[("a.csv", "A,1"), ("b.csv", "B,2"), ("c.csv", "C,3")]);
    let products = suppliers.import(&["a.csv", "b.csv", "c.csv"]).unwrap();
    assert_eq!(products.len(), 3);
    let threads = suppliers.fetched_on.lock().unwrap();
    assert_eq!(
        threads.len(),
        3,
        "the three files must be fetched and parsed by three worker threads, in parallel"
    );
    assert!(
        !threads.contains(&::std::thread::current().id()),
        "the caller's thread must not do the workers' job"
    );
}

#[test]
fn a_bad_price_comes_back_as_a_row_error() {
    let suppliers = Suppliers::new(&[("acme.csv", "A-1,1299"), ("globex.csv", "G-1,5\nG-7,12.99")]);
    let err = suppliers
        .import(&["acme.csv", "globex.csv"])
        .expect_err("12.99 is not a whole number of cents");
    let row = err
        .downcast_ref::<RowError>()
        .expect("a bad price must come back as a RowError that callers can downcast to");
    assert_eq!((&*row.file, row.line), ("globex.csv", 2));
    assert_eq!(
        row.source.kind(),
        &::std::num::IntErrorKind::InvalidDigit,
        "the RowError keeps the parse error"
    );
    assert_eq!(err.to_string(), "globex.csv line 2: bad price");
    assert!(
        err.source()
            .is_some_and(|cause| cause.is::<ParseIntError>())
    );
}

#[test]
fn a_missing_file_comes_back_as_the_io_error() {
    let suppliers = Suppliers::new(&[("acme.csv", "A-1,1")]);
    let err = suppliers
        .import(&["acme.csv", "umbrella.csv"])
        .expect_err("no such supplier file");
    let io_error = err
        .downcast_ref::<io::Error>()
        .expect("a failed fetch must come back as its io::Error");
    assert_eq!(io_error.kind(), io::ErrorKind::NotFound);
}

#[test]
fn a_malformed_line_comes_back_as_a_message() {
    let suppliers = Suppliers::new(&[("hooli.csv", "H-1,3\nH-2 300")]);
    let err = suppliers.import(&["hooli.csv"]).expect_err("no comma");
    assert_eq!(err.to_string(), "hooli.csv line 2: expected SKU,PRICE");
    assert!(!err.is::<RowError>() && !err.is::<io::Error>());
}

#[test]
fn the_first_failing_file_in_order_wins() {
    let suppliers = Suppliers::new(&[
        ("one.csv", "X,1"),
        ("two.csv", "Y,oops"),
        ("three.csv", "Z,-5"),
    ]);
    for (names, expected) in [
        (["one.csv", "two.csv", "three.csv"], "two.csv"),
        (["three.csv", "two.csv", "one.csv"], "three.csv"),
    ] {
        let err = suppliers.import(&names).expect_err("two files are bad");
        let row = err.downcast_ref::<RowError>().expect("a RowError");
        assert_eq!(&*row.file, expected);
    }
}

#[test]
fn import_errors_can_be_handed_to_another_thread() {
    assert_send_sync::<ImportError>();
    let suppliers = Suppliers::new(&[("acme.csv", "A-1,x")]);
    let err = suppliers.import(&["acme.csv"]).expect_err("x is no price");
    let logger = ::std::thread::spawn(move || {
        err.downcast_ref::<RowError>()
            .map(|row| format!("{} / {}", row.file, row.line))
    });
    assert_eq!(logger.join().unwrap().as_deref(), Some("acme.csv / 1"));
}
