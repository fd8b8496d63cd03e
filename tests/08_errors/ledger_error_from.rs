use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::convert::From;
use std::error::Error;
use std::num::IntErrorKind;

#[test]
fn good_entries_are_applied_in_order() {
    assert_eq!(apply(100, "deposit 250\nwithdraw 40").unwrap(), 310);
    assert_eq!(apply(0, "deposit 5\nwithdraw 5\ndeposit 1").unwrap(), 1);
    assert_eq!(apply(70, "").unwrap(), 70);
}

#[test]
fn a_bad_amount_keeps_its_parse_error() {
    let err = apply(100, "deposit 250\nwithdraw 4O").unwrap_err();
    let LedgerError::BadAmount(cause) = &err else {
        panic!("expected BadAmount, got {err:?}");
    };
    assert_eq!(cause.kind(), &IntErrorKind::InvalidDigit);
    assert_eq!(err.to_string(), "bad amount");
}

#[test]
fn the_parse_error_is_the_source() {
    let err = apply(0, "deposit ").unwrap_err();
    let source = err.source().expect("BadAmount should have a source");
    let cause = source
        .downcast_ref::<ParseIntError>()
        .expect("the source should be the ParseIntError");
    assert_eq!(cause.kind(), &IntErrorKind::Empty);
}

#[test]
fn negative_and_oversized_amounts_are_bad_amounts() {
    for entries in ["deposit -5", "withdraw 4294967296"] {
        match apply(10, entries) {
            Err(LedgerError::BadAmount(_)) => {}
            other => panic!("{entries:?}: expected BadAmount, got {other:?}"),
        }
    }
}

#[test]
fn other_failures_are_still_reported() {
    match apply(100, "withdraw 500\ndeposit x") {
        Err(LedgerError::Overdrawn {
            balance: 100,
            wanted: 500,
        }) => {}
        other => panic!("expected Overdrawn, got {other:?}"),
    }
    match apply(100, "transfer 5") {
        Err(LedgerError::UnknownEntry(line)) => assert_eq!(line, "transfer 5"),
        other => panic!("expected UnknownEntry, got {other:?}"),
    }
    assert!(matches!(
        apply(100, "deposit"),
        Err(LedgerError::UnknownEntry(_))
    ));
}

#[test]
fn a_ledger_error_fits_in_a_box_dyn_error() {
    fn run() -> Result<u64, Box<dyn Error>> {
        Ok(apply(1, "deposit 1x")?)
    }
    let err = run().unwrap_err();
    assert_eq!(err.to_string(), "bad amount");
    assert!(err.downcast_ref::<LedgerError>().is_some());
    assert!(err.source().is_some());
}

/// Converts `cause` with `T`'s `From<ParseIntError>` impl, if it has one, chosen by method
/// resolution: the impl that needs `T: From<ParseIntError>` is found first.
struct Probe<T>(::std::marker::PhantomData<T>);

trait Converts<T> {
    fn convert(&self, cause: ParseIntError) -> Option<T>;
}
impl<T: From<ParseIntError>> Converts<T> for Probe<T> {
    fn convert(&self, cause: ParseIntError) -> Option<T> {
        Some(T::from(cause))
    }
}

trait DoesNotConvert<T> {
    fn convert(&self, _cause: ParseIntError) -> Option<T> {
        None
    }
}
impl<T> DoesNotConvert<T> for &Probe<T> {}

#[test]
fn question_mark_converts_with_a_from_impl() {
    let probe = &Probe::<LedgerError>(::std::marker::PhantomData);
    for (text, kind) in [
        ("12x", IntErrorKind::InvalidDigit),
        ("", IntErrorKind::Empty),
        ("99999999999", IntErrorKind::PosOverflow),
    ] {
        let cause = text.parse::<u32>().unwrap_err();
        let converted = probe.convert(cause).expect(
            "`LedgerError` has no `From<ParseIntError>` impl: that conversion is what `?` calls, \
             so `apply` should need no change",
        );
        match converted {
            LedgerError::BadAmount(cause) => assert_eq!(cause.kind(), &kind),
            other => panic!("a ParseIntError should become BadAmount, got {other:?}"),
        }
    }
}
