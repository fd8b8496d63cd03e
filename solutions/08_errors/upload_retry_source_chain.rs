// Question 8: How do we handle errors in Rust?
//
// A backup agent uploads files to object storage, and `run_with_retries` tries a failed
// upload again, up to a limit, when `should_retry` says the failure was transient:
//   - an `io::Error` of kind `TimedOut` or `ConnectionReset`;
//   - an `HttpError` with a 5xx status (the server's fault; a 4xx will fail again).
// Anything else fails the same way every time, so it is not retried.
//
// The errors that reach `should_retry` have been through several layers on their way up,
// each adding context (which file, which batch) and keeping the error below as its
// cause; the streaming body reader also wraps what it meets in an `io::Error`, as
// `io::Error::other` does. `should_retry` only looks at the outermost error, so the agent
// gives up on timeouts and 503s that it should have retried.
//
// Make `should_retry` find a transient failure wherever it is among the causes. Decide by
// the errors' types and fields, not by their messages. Keep the signatures.

use std::error::Error;
use std::fmt;
use std::io::{self, ErrorKind};

type BoxError = Box<dyn Error + Send + Sync>;

#[derive(Debug)]
struct HttpError {
    status: u16,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the server answered {}", self.status)
    }
}

impl Error for HttpError {}

/// Context: which file was being uploaded.
#[derive(Debug)]
struct UploadError {
    file: String,
    source: BoxError,
}

impl fmt::Display for UploadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "uploading {}", self.file)
    }
}

impl Error for UploadError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(self.source.as_ref())
    }
}

/// Context: which backup batch the upload belonged to.
#[derive(Debug)]
struct BatchError {
    batch: u32,
    source: UploadError,
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "backup batch {}", self.batch)
    }
}

impl Error for BatchError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

/// Whether this one error, whatever its causes, is a transient failure.
fn is_transient(err: &(dyn Error + 'static)) -> bool {
    if let Some(io_error) = err.downcast_ref::<io::Error>() {
        return matches!(
            io_error.kind(),
            ErrorKind::TimedOut | ErrorKind::ConnectionReset
        );
    }
    if let Some(http) = err.downcast_ref::<HttpError>() {
        return http.status >= 500;
    }
    false
}

/// The error one layer further down.
fn cause<'a>(err: &'a (dyn Error + 'static)) -> Option<&'a (dyn Error + 'static)> {
    match err.downcast_ref::<io::Error>() {
        // `io::Error::source` skips the error that an `io::Error` wraps and returns that
        // error's own source; `get_ref` is the way to the wrapped error itself.
        Some(io_error) => io_error
            .get_ref()
            .map(|inner| inner as &(dyn Error + 'static)),
        None => err.source(),
    }
}

/// Whether the failure `err` is worth another attempt.
fn should_retry(err: &(dyn Error + 'static)) -> bool {
    // Each layer that adds context keeps the error below it as its `source()`, so the
    // failure that decides is usually not the outermost error: look at every cause.
    std::iter::successors(Some(err), |&err| cause(err)).any(is_transient)
}

/// Calls `upload` until it succeeds, fails for good, or has been tried `max_attempts`
/// times; returns the number of attempts made, or the last error.
fn run_with_retries(
    max_attempts: u32,
    mut upload: impl FnMut() -> Result<(), BoxError>,
) -> Result<u32, BoxError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match upload() {
            Ok(()) => return Ok(attempts),
            Err(err) if attempts < max_attempts && should_retry(err.as_ref()) => continue,
            Err(err) => return Err(err),
        }
    }
}

fn main() {
    let mut failures = vec![BatchError {
        batch: 3,
        source: UploadError {
            file: "photos.tar".to_string(),
            source: Box::new(HttpError { status: 503 }),
        },
    }];
    let outcome = run_with_retries(3, || match failures.pop() {
        Some(err) => Err(err.into()),
        None => Ok(()),
    });
    println!("{outcome:?}");
}
