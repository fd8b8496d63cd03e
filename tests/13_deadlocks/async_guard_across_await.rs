use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::cell::Cell;
use std::future::{Future, poll_fn};
use std::pin::pin;
use tokio::time::Instant;

const COOLDOWN: Duration = Duration::from_millis(50);

#[tokio::test(start_paused = true)]
async fn a_single_record() {
    let log = AuditLog::new(COOLDOWN);
    let start = Instant::now();
    assert_eq!(log.record("login ana").await, 1);
    assert_eq!(start.elapsed(), COOLDOWN);
    assert_eq!(log.entries().await, ["login ana"]);
}

#[tokio::test(start_paused = true)]
async fn two_concurrent_records_both_finish() {
    let log = AuditLog::new(COOLDOWN);
    let (a, b) = tokio::join!(log.record("login ana"), log.record("login bo"));
    let mut positions = [a, b];
    positions.sort();
    assert_eq!(positions, [1, 2]);
    let mut entries = log.entries().await;
    entries.sort();
    assert_eq!(entries, ["login ana", "login bo"]);
}

#[tokio::test(start_paused = true)]
async fn concurrent_records_are_spaced_by_the_cooldown() {
    let log = AuditLog::new(COOLDOWN);
    let start = Instant::now();
    tokio::join!(log.record("a"), log.record("b"), log.record("c"));
    assert_eq!(start.elapsed(), COOLDOWN * 3);
    assert_eq!(log.entries().await.len(), 3);
}

/// Runs `future`, counting in `polls` how many times it is polled.
async fn counting_polls<F: Future>(future: F, polls: &Cell<u32>) -> F::Output {
    let mut future = pin!(future);
    poll_fn(|cx| {
        polls.set(polls.get() + 1);
        future.as_mut().poll(cx)
    })
    .await
}

#[tokio::test(start_paused = true)]
async fn a_waiting_record_sleeps_until_the_lock_is_free() {
    let log = AuditLog::new(COOLDOWN * 4);
    let polls = Cell::new(0);
    tokio::join!(
        log.record("first"),
        counting_polls(log.record("second"), &polls)
    );
    // A task that waits for an async lock is woken when the lock is released, not again and
    // again to check whether it is free yet: a handful of polls, whatever the cooldown.
    assert!(
        polls.get() <= 8,
        "the second record was polled {} times while it waited for the lock",
        polls.get()
    );
}

#[tokio::test(start_paused = true)]
async fn entries_can_be_read_while_records_are_running() {
    let log = AuditLog::new(COOLDOWN);
    log.record("first").await;
    let (position, entries) = tokio::join!(log.record("second"), log.entries());
    assert_eq!(position, 2);
    // The reader waited for the record in progress, or came before it: never in between.
    assert!(entries.len() == 1 || entries.len() == 2, "{entries:?}");
}
