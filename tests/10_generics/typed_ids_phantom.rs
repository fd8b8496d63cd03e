use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::cmp::{Eq, PartialEq};
use std::collections::HashSet;
use std::marker::Copy;

#[test]
fn ids_are_copied_like_numbers() {
    let mut library = Library::default();
    let book = library.add_book("Dune");
    let copy = book;
    // Both are still usable: nothing was moved.
    assert_eq!(book, copy);
    assert_eq!(book.raw(), copy.raw());
    let member = library.add_member("Noor");
    let also = member;
    assert_eq!(member, also);
}

#[test]
fn ids_compare_by_number_within_a_kind() {
    assert_eq!(Id::<Book>::new(7), Id::<Book>::new(7));
    assert_ne!(Id::<Member>::new(7), Id::<Member>::new(8));
}

#[test]
fn ids_are_hashable_and_cost_nothing_extra() {
    let mut seen: HashSet<Id<Member>> = HashSet::new();
    assert!(seen.insert(Id::new(1)));
    assert!(seen.insert(Id::new(2)));
    assert!(!seen.insert(Id::new(1)));
    assert_eq!(seen.len(), 2);
    assert_eq!(std::mem::size_of::<Id<Book>>(), std::mem::size_of::<u32>());
}

#[test]
fn lending_and_giving_back() {
    let mut library = Library::default();
    let dune = library.add_book("Dune");
    let emma = library.add_book("Emma");
    let noor = library.add_member("Noor");
    let ilya = library.add_member("Ilya");

    assert_eq!(library.borrower(dune), None);
    assert_eq!(library.lend(dune, noor), Ok(()));
    assert_eq!(library.borrower(dune), Some("Noor"));
    assert!(
        library.lend(dune, ilya).is_err(),
        "a lent book cannot be lent again"
    );
    assert_eq!(library.lend(emma, ilya), Ok(()));

    assert_eq!(library.give_back(dune), Some(noor));
    assert_eq!(library.give_back(dune), None);
    assert_eq!(library.lend(dune, ilya), Ok(()));
    assert_eq!(library.books_lent_to(ilya), ["Dune", "Emma"]);
    assert!(library.books_lent_to(noor).is_empty());
}

#[test]
fn unknown_ids_are_refused() {
    let mut library = Library::default();
    let book = library.add_book("Kindred");
    let member = library.add_member("Sol");
    assert!(library.lend(Id::new(99), member).is_err());
    assert!(library.lend(book, Id::new(99)).is_err());
    assert_eq!(library.borrower(book), None);
}

#[test]
fn every_id_is_new() {
    let mut library = Library::default();
    let mut ids = HashSet::new();
    for i in 0..5 {
        ids.insert(library.add_book(&format!("Volume {i}")).raw());
        ids.insert(library.add_member(&format!("Reader {i}")).raw());
    }
    assert_eq!(ids.len(), 10);
}

// A kind the library has never heard of, with no derives at all.
struct Shelf;

#[test]
fn ids_of_any_kind_are_copied_compared_and_hashed() {
    fn copy_eq_hash<K: Copy + Eq + ::std::hash::Hash>() {}
    copy_eq_hash::<Id<Shelf>>();
    copy_eq_hash::<Id<::std::cell::Cell<::std::string::String>>>();

    let first = Id::<Shelf>::new(3);
    let copy = first;
    assert!(first == copy, "a copy equals its original");
    assert!(first != Id::<Shelf>::new(4));
    assert_eq!(copy.raw(), 3);

    let mut places: ::std::collections::HashMap<Id<Shelf>, &str> =
        ::std::collections::HashMap::new();
    places.insert(first, "by the window");
    places.insert(Id::new(4), "in the basement");
    places.insert(Id::new(3), "near the door");
    assert_eq!(places.len(), 2);
    assert_eq!(places[&copy], "near the door");
}

// Tells at run time whether `A: PartialEq<B>`: when it holds, `Probe::comparable` (through
// `&Probe`) is found first; when it does not, method lookup falls back to the `&&Probe` one.
struct Probe<A, B>(::std::marker::PhantomData<(A, B)>);

trait Comparable {
    fn comparable(&self) -> bool {
        true
    }
}

impl<A: PartialEq<B>, B> Comparable for Probe<A, B> {}

trait NotComparable {
    fn comparable(&self) -> bool {
        false
    }
}

impl<A, B> NotComparable for &Probe<A, B> {}

#[test]
fn a_book_id_cannot_be_compared_with_a_member_id() {
    let same_kind: &Probe<Id<Book>, Id<Book>> = &Probe(::std::marker::PhantomData);
    assert!(
        same_kind.comparable(),
        "`Id<Book> == Id<Book>` must compile"
    );
    let other_kind: &Probe<Id<Book>, Id<Member>> = &Probe(::std::marker::PhantomData);
    assert!(
        !other_kind.comparable(),
        "`Id<Book> == Id<Member>` compiles: an id must only be comparable with an id of its own kind"
    );
}
