// Question 5: What are `async` and `await` in Rust?
//
// A print shop takes orders at the counter and prints them later, on another task,
// long after the counter has forgotten the order. So `prepare_job` must return a future
// that owns everything it needs (that is what `+ Send + 'static` asks for).
//
// As shipped the file does not compile. Read the compiler's explanation, then fix
// `prepare_job` with the smallest change, without cloning anything more than it already does.

use std::future::Future;

#[derive(Debug, PartialEq)]
pub struct Receipt {
    pub title: String,
    pub copies: u32,
    /// Sheets of paper used: every copy is printed on both sides of each sheet.
    pub sheets: u32,
}

/// Builds the print job now; the printing happens when the returned future is awaited.
pub fn prepare_job(
    title: &str,
    copies: u32,
    pages: u32,
) -> impl Future<Output = Receipt> + Send + 'static {
    let title = title.trim().to_string();
    async {
        // Waiting for the printer to be free.
        tokio::task::yield_now().await;
        Receipt {
            sheets: copies * pages.div_ceil(2),
            title,
            copies,
        }
    }
}
