// Question 8: How do we handle errors in Rust?
//
// A photo-sharing service writes its application code with one catch-all error type,
// `Report`, in the style of the `anyhow` crate: any error converts into a `Report` with
// `?`, context is added on the way up (`.context("resizing avatar")`), and whoever ends
// up with a `Report` can print its whole chain or look for the root cause by type.
//
// The service's plugin API hands errors over as `Box<dyn Error + Send + Sync>`, so a
// function that returns one must be able to use `?` on a `Result<_, Report>` too, and
// the boxed error must keep the whole chain: the context messages, and the original error
// at the bottom for callers that downcast to it.
//
// It does not compile. Work out why from the compiler's explanation, and make it compile
// without losing any of the above: `?` must still turn every error type into a `Report`,
// including error types this file has never heard of, and a `Report` must still go into a
// `Box<dyn Error + Send + Sync>` with `?`. Keep `Report`, `context`, `chain` and
// `root_cause` as they are.

use std::error::Error;
use std::fmt;

type BoxError = Box<dyn Error + Send + Sync>;

/// An error and the context added to it on the way up.
pub struct Report {
    /// The outermost context, whose `source()` chain leads down to the original error.
    inner: BoxError,
}

/// One layer of context around an error.
#[derive(Debug)]
struct Context {
    message: String,
    source: BoxError,
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error for Context {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(self.source.as_ref())
    }
}

impl Report {
    /// Wraps the report in one more layer of context.
    pub fn context(self, message: impl Into<String>) -> Report {
        Report {
            inner: Box::new(Context {
                message: message.into(),
                source: self.inner,
            }),
        }
    }

    /// The outermost error first, then each cause in turn.
    pub fn chain(&self) -> impl Iterator<Item = &(dyn Error + 'static)> {
        let outermost: &(dyn Error + 'static) = self.inner.as_ref();
        std::iter::successors(Some(outermost), |&err| err.source())
    }

    /// The original error, at the bottom of the chain.
    pub fn root_cause(&self) -> &(dyn Error + 'static) {
        self.chain().last().expect("a chain has at least one error")
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.inner, f)
    }
}

/// `{:?}` shows the whole chain, so that `unwrap()` and `main` print all of it.
impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<String> = self.chain().map(|err| err.to_string()).collect();
        f.write_str(&messages.join(": "))
    }
}

// `Report` does not implement `Error`, and cannot: if it did, the blanket `From<E>` below
// would cover `From<Report> for Report`, which the standard library already provides for
// every type (`impl<T> From<T> for T`), and two impls may not overlap. (That is why
// `anyhow::Error` does not implement `Error` either.) Instead, a `Report` turns into a boxed
// error by handing over its chain, whose outermost error is the last context added.
// Because `Report` is local and not an `Error`, this impl cannot overlap the standard
// library's blanket `From<E: Error>` for boxed errors.
impl From<Report> for BoxError {
    fn from(report: Report) -> BoxError {
        report.inner
    }
}

/// So that `?` turns any error into a `Report`.
impl<E: Error + Send + Sync + 'static> From<E> for Report {
    fn from(err: E) -> Report {
        Report {
            inner: Box::new(err),
        }
    }
}

fn parse_width(text: &str) -> Result<u32, Report> {
    Ok(text.trim().parse::<u32>()?)
}

fn resize_avatar(width: &str) -> Result<u32, Report> {
    parse_width(width).map_err(|report| report.context("resizing avatar"))
}

/// The plugin API.
fn plugin_entry(width: &str) -> Result<u32, BoxError> {
    Ok(resize_avatar(width)?)
}

fn main() {
    match plugin_entry("12o") {
        Ok(width) => println!("resized to {width}"),
        Err(err) => println!("plugin failed: {err}"),
    }
}
