// Question 5: What are `async` and `await` in Rust?
//
// A newsletter service hands every subscriber to `send_email`, an async fn, and
// `send_newsletter` reports how many emails went out. The count is right, yet the
// outbox stays empty: not one email is ever sent.
//
// Make `send_newsletter` really send every email, in the order of the list.
// Leave `send_email` and `Outbox` as they are.

use std::sync::Mutex;

#[derive(Default)]
pub struct Outbox {
    sent: Mutex<Vec<String>>,
}

impl Outbox {
    /// Every message sent so far, oldest first.
    pub fn sent(&self) -> Vec<String> {
        self.sent.lock().unwrap().clone()
    }
}

async fn send_email(outbox: &Outbox, subscriber: &str, issue: u32) {
    // A real client would wait for the mail server here.
    tokio::task::yield_now().await;
    outbox
        .sent
        .lock()
        .unwrap()
        .push(format!("issue #{issue} -> {subscriber}"));
}

/// Sends issue `issue` to every subscriber and returns how many emails were sent.
pub async fn send_newsletter(outbox: &Outbox, subscribers: &[&str], issue: u32) -> usize {
    let mut sent = 0;
    for subscriber in subscribers {
        // Calling an async fn only builds a future; its body runs when the future is awaited.
        send_email(outbox, subscriber, issue).await;
        sent += 1;
    }
    sent
}
