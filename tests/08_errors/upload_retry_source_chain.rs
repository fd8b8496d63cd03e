use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::error::Error;
use ::std::io;

use ::std::cell::Cell;

fn http(status: u16) -> BoxError {
    Box::new(HttpError { status })
}

fn io_kind(kind: ErrorKind) -> BoxError {
    Box::new(io::Error::new(kind, "socket trouble"))
}

fn upload(file: &str, source: BoxError) -> UploadError {
    UploadError {
        file: file.to_string(),
        source,
    }
}

fn batch(batch: u32, source: UploadError) -> BoxError {
    Box::new(BatchError { batch, source })
}

/// What the streaming body reader does with an error it meets.
fn through_body_reader(err: BoxError) -> BoxError {
    Box::new(io::Error::other(err))
}

fn retried(err: BoxError) -> bool {
    should_retry(err.as_ref())
}

#[test]
fn the_outermost_error_alone() {
    assert!(retried(io_kind(ErrorKind::TimedOut)));
    assert!(retried(io_kind(ErrorKind::ConnectionReset)));
    assert!(!retried(io_kind(ErrorKind::NotFound)));
    assert!(retried(http(503)));
    assert!(retried(http(500)));
    assert!(!retried(http(404)));
    assert!(!retried(http(499)));
    assert!(!retried("the checksum does not match".into()));
}

#[test]
fn a_cause_one_layer_down() {
    assert!(
        retried(Box::new(upload("a.tar", io_kind(ErrorKind::TimedOut)))),
        "an upload that timed out is transient: the timeout is the source of the \
         UploadError"
    );
    assert!(retried(Box::new(upload("b.tar", http(502)))));
    assert!(!retried(Box::new(upload("c.tar", http(403)))));
    assert!(!retried(Box::new(upload(
        "d.tar",
        io_kind(ErrorKind::NotFound)
    ))));
}

#[test]
fn a_cause_two_layers_down() {
    assert!(
        retried(batch(7, upload("e.tar", http(503)))),
        "a 503 two layers down (BatchError, then UploadError) must still be retried"
    );
    assert!(retried(batch(
        8,
        upload("f.tar", io_kind(ErrorKind::ConnectionReset))
    )));
    assert!(!retried(batch(9, upload("g.tar", http(410)))));
}

#[test]
fn errors_wrapped_in_an_io_error() {
    assert!(
        retried(through_body_reader(http(504))),
        "a 504 wrapped in an io::Error by the body reader must be retried: its kind is \
         `Other`, so look at the error it wraps (and check what `io::Error::source` gives)"
    );
    assert!(!retried(through_body_reader(http(404))));
    assert!(retried(batch(
        2,
        upload("h.tar", through_body_reader(http(500)))
    )));
    assert!(!retried(batch(
        2,
        upload("i.tar", through_body_reader(http(400)))
    )));
    // An io::Error wrapping an io::Error that timed out.
    assert!(retried(through_body_reader(io_kind(ErrorKind::TimedOut))));
}

#[test]
fn messages_do_not_decide() {
    // These messages mention timeouts and 5xx statuses, but none of these failures is
    // transient.
    assert!(!retried(Box::new(upload(
        "timed out 503.log",
        io_kind(ErrorKind::PermissionDenied)
    ))));
    assert!(!retried(batch(
        503,
        upload("server 500 report.pdf", http(404))
    )));
    assert!(!retried(
        "connection reset by peer (simulated in a text message)".into()
    ));
    assert!(!retried(Box::new(io::Error::other(
        "operation timed out, says this message"
    ))));
}

/// A layer of the test's own that keeps its cause as `source()` but whose Debug text
/// does not print it.
struct Quiet(BoxError);

impl ::std::fmt::Debug for Quiet {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("Quiet")
    }
}

impl ::std::fmt::Display for Quiet {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("a layer that says little")
    }
}

impl Error for Quiet {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(self.0.as_ref())
    }
}

/// A failure that is not transient, but whose Debug text reads like one that is.
struct Impostor;

impl ::std::fmt::Debug for Impostor {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(
            "Impostor { kind: TimedOut, then: ConnectionReset, was: HttpError { status: 503 } }",
        )
    }
}

impl ::std::fmt::Display for Impostor {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("the bucket policy forbids this upload")
    }
}

impl Error for Impostor {}

#[test]
fn debug_text_does_not_decide() {
    // Debug text (`{:?}`) is text too: it prints file names and messages, and a type
    // may write what it likes there. None of these failures is transient.
    assert!(
        !retried(Box::new(Impostor)),
        "an error of another type is not transient, whatever its Debug text says"
    );
    assert!(
        !retried(batch(
            5,
            upload(
                "kind: TimedOut, ConnectionReset, HttpError { status: 503 }.log",
                io_kind(ErrorKind::PermissionDenied)
            )
        )),
        "a permission error is not transient, even when the file name spells a timeout"
    );
    assert!(!retried(Box::new(io::Error::new(
        ErrorKind::PermissionDenied,
        "TimedOut, ConnectionReset, status: 503"
    ))));
    assert!(!retried(Box::new(upload(
        "m.tar",
        Box::new(Quiet(Box::new(Impostor)))
    ))));
    // And these are transient, though their Debug text does not show it: the layer
    // in between keeps its cause as `source()` without printing it.
    assert!(
        retried(Box::new(Quiet(http(503)))),
        "a 503 below a layer whose Debug text does not print it must still be retried: \
         follow source()"
    );
    assert!(retried(batch(
        6,
        upload("n.tar", Box::new(Quiet(io_kind(ErrorKind::TimedOut))))
    )));
    assert!(retried(through_body_reader(Box::new(Quiet(http(502))))));
    assert!(retried(Box::new(Quiet(through_body_reader(io_kind(
        ErrorKind::ConnectionReset
    ))))));
}

/// An upload that fails with the errors in `failures`, in order, then succeeds.
fn flaky_upload(
    failures: ::std::vec::Vec<BoxError>,
) -> (
    impl FnMut() -> Result<(), BoxError>,
    ::std::rc::Rc<Cell<u32>>,
) {
    let calls = ::std::rc::Rc::new(Cell::new(0));
    let counter = ::std::rc::Rc::clone(&calls);
    let mut failures = failures.into_iter();
    let upload = move || {
        counter.set(counter.get() + 1);
        match failures.next() {
            Some(err) => Err(err),
            None => Ok(()),
        }
    };
    (upload, calls)
}

#[test]
fn run_with_retries_retries_transient_failures_only() {
    let (attempt, calls) = flaky_upload(vec![
        batch(1, upload("j.tar", io_kind(ErrorKind::TimedOut))),
        batch(1, upload("j.tar", through_body_reader(http(503)))),
    ]);
    let outcome = run_with_retries(5, attempt);
    assert_eq!(
        outcome.ok(),
        Some(3),
        "two transient failures, then success"
    );
    assert_eq!(calls.get(), 3);

    let (attempt, calls) = flaky_upload(vec![
        batch(4, upload("k.tar", http(502))),
        batch(4, upload("k.tar", http(404))),
    ]);
    let err = run_with_retries(5, attempt).expect_err("a 404 fails for good");
    assert_eq!(calls.get(), 2, "a 404 must not be retried");
    let top = err
        .downcast_ref::<BatchError>()
        .expect("the error that ended the retries comes back unchanged");
    assert_eq!(top.batch, 4);

    let (attempt, calls) = flaky_upload((0..6).map(|_| http(500)).collect());
    assert!(run_with_retries(4, attempt).is_err());
    assert_eq!(calls.get(), 4, "at most `max_attempts` attempts");
}

#[test]
fn the_signatures_are_unchanged() {
    let _: fn(&(dyn Error + 'static)) -> bool = should_retry;
}
