use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::error::Error;
use ::std::marker::{Send, Sync};

use ::std::num::ParseIntError;

/// An error type the exercise file has never heard of.
#[derive(Debug)]
struct QuotaExceeded {
    used_mb: u32,
}

impl fmt::Display for QuotaExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "storage quota exceeded ({} MB used)", self.used_mb)
    }
}

impl Error for QuotaExceeded {}

fn store_photo(used_mb: u32) -> Result<(), Report> {
    if used_mb > 100 {
        Err(QuotaExceeded { used_mb })?;
    }
    Ok(())
}

fn read_album(path: &str) -> Result<String, Report> {
    Ok(::std::fs::read_to_string(path)?)
}

fn messages(report: &Report) -> ::std::vec::Vec<String> {
    report.chain().map(|err| err.to_string()).collect()
}

fn boxed_messages(err: &BoxError) -> ::std::vec::Vec<String> {
    let outermost: &(dyn Error + 'static) = err.as_ref();
    ::std::iter::successors(Some(outermost), |&err| err.source())
        .map(|err| err.to_string())
        .collect()
}

#[test]
fn question_mark_turns_any_error_into_a_report() {
    let report = parse_width("wide").expect_err("not a number");
    assert!(report.root_cause().is::<ParseIntError>());
    let report = store_photo(140).expect_err("over quota");
    let quota = report
        .root_cause()
        .downcast_ref::<QuotaExceeded>()
        .expect("the original error is kept, with its type");
    assert_eq!(quota.used_mb, 140);
    assert!(store_photo(60).is_ok());
    let report = read_album("/no/such/dir/album.json").expect_err("no such file");
    assert!(report.root_cause().is::<::std::io::Error>());
    assert_eq!(parse_width(" 640 ").ok(), Some(640));
}

#[test]
fn context_is_added_on_the_way_up() {
    let report = resize_avatar("12o").expect_err("not a number");
    let parse_message = "12o".parse::<u32>().unwrap_err().to_string();
    assert_eq!(
        messages(&report),
        ["resizing avatar".to_string(), parse_message.clone()]
    );
    let report = report.context("handling upload 881");
    assert_eq!(report.to_string(), "handling upload 881");
    assert_eq!(
        format!("{report:?}"),
        format!("handling upload 881: resizing avatar: {parse_message}")
    );
    assert!(report.root_cause().is::<ParseIntError>());
}

#[test]
fn a_report_goes_into_a_boxed_error_with_its_whole_chain() {
    let err = plugin_entry("3x").expect_err("not a number");
    let parse_message = "3x".parse::<u32>().unwrap_err().to_string();
    assert_eq!(
        boxed_messages(&err),
        ["resizing avatar".to_string(), parse_message],
        "the boxed error must show the context first, then each cause, once each"
    );
    let outermost: &(dyn Error + 'static) = err.as_ref();
    let root = ::std::iter::successors(Some(outermost), |&err| err.source())
        .last()
        .expect("at least one error");
    assert!(
        root.is::<ParseIntError>(),
        "the original error must still be at the bottom of the boxed chain, with its type"
    );
    assert_eq!(plugin_entry("96").ok(), Some(96));
}

#[test]
fn a_report_without_context_boxes_to_the_original_error() {
    fn plugin_store(used_mb: u32) -> Result<(), BoxError> {
        store_photo(used_mb)?;
        Ok(())
    }
    let err = plugin_store(250).expect_err("over quota");
    assert_eq!(
        boxed_messages(&err),
        ["storage quota exceeded (250 MB used)"]
    );
    assert_eq!(
        err.downcast_ref::<QuotaExceeded>()
            .map(|quota| quota.used_mb),
        Some(250),
        "with no context added, the boxed error is the original error itself, and callers \
         downcast it to its type"
    );
    assert!(plugin_store(1).is_ok());
}

#[test]
fn reports_cross_threads() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<Report>();
    let worker = ::std::thread::spawn(|| resize_avatar("-4"));
    let report = worker
        .join()
        .expect("the worker panicked")
        .expect_err("a negative width");
    assert_eq!(report.to_string(), "resizing avatar");
}

#[test]
fn the_signatures_are_unchanged() {
    let _: fn(Report, &str) -> Report = |report, message| report.context(message);
    let _: fn(&str) -> Result<u32, BoxError> = plugin_entry;
    let _: fn(&str) -> Result<u32, Report> = resize_avatar;
}
