use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[tokio::test]
async fn every_subscriber_gets_the_issue_in_order() {
    let outbox = Outbox::default();
    let count = send_newsletter(
        &outbox,
        &["ada@example.org", "linus@example.org", "grace@example.org"],
        7,
    )
    .await;
    assert_eq!(count, 3);
    assert_eq!(
        outbox.sent(),
        [
            "issue #7 -> ada@example.org",
            "issue #7 -> linus@example.org",
            "issue #7 -> grace@example.org",
        ],
        "the outbox must hold one email per subscriber, in list order"
    );
}

#[tokio::test]
async fn no_subscribers_sends_nothing() {
    let outbox = Outbox::default();
    assert_eq!(send_newsletter(&outbox, &[], 1).await, 0);
    assert!(outbox.sent().is_empty());
}

#[tokio::test]
async fn a_subscriber_listed_twice_gets_two_emails() {
    let outbox = Outbox::default();
    assert_eq!(
        send_newsletter(&outbox, &["bo@example.org", "bo@example.org"], 2).await,
        2
    );
    assert_eq!(
        outbox.sent(),
        ["issue #2 -> bo@example.org", "issue #2 -> bo@example.org"]
    );
}

#[tokio::test]
async fn the_newsletter_goes_out_when_its_future_is_awaited() {
    let outbox = Outbox::default();
    // Calling an async fn runs none of its body: it only builds a future.
    let pending = send_newsletter(&outbox, &["kim@example.org"], 3);
    assert!(
        outbox.sent().is_empty(),
        "nothing may be sent before the future is awaited"
    );
    assert_eq!(pending.await, 1);
    assert_eq!(
        outbox.sent(),
        ["issue #3 -> kim@example.org"],
        "awaiting the future must send the email"
    );
}

#[tokio::test]
async fn consecutive_issues_accumulate() {
    let outbox = Outbox::default();
    send_newsletter(&outbox, &["a@example.org"], 1).await;
    send_newsletter(&outbox, &["a@example.org", "b@example.org"], 2).await;
    assert_eq!(
        outbox.sent(),
        [
            "issue #1 -> a@example.org",
            "issue #2 -> a@example.org",
            "issue #2 -> b@example.org"
        ]
    );
}

/// Polls `future` to the end on this thread, outside any runtime, with a waker that does
/// nothing. Returns its output and how many polls answered `Pending` before that.
fn poll_to_the_end<F: ::std::future::Future>(future: F) -> (F::Output, usize) {
    let mut future = ::std::pin::pin!(future);
    let mut cx = ::std::task::Context::from_waker(::std::task::Waker::noop());
    for pending in 0..1000 {
        if let ::std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return (output, pending);
        }
    }
    panic!("the newsletter was still not sent after 1000 polls");
}

#[test]
fn sending_waits_for_the_mail_server() {
    let outbox = Outbox::default();
    let (count, pending) = poll_to_the_end(send_newsletter(
        &outbox,
        &["ida@example.org", "jon@example.org"],
        5,
    ));
    assert_eq!(count, 2);
    assert_eq!(
        outbox.sent(),
        ["issue #5 -> ida@example.org", "issue #5 -> jon@example.org"]
    );
    assert!(
        pending > 0,
        "send_newsletter finished on its first poll, so it never waited for the mail server: \
         the emails must go out through `send_email`'s future, awaited"
    );
}
