use super::*;
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

#[tokio::test(start_paused = true)]
async fn entries_can_be_read_while_records_are_running() {
    let log = AuditLog::new(COOLDOWN);
    log.record("first").await;
    let (position, entries) = tokio::join!(log.record("second"), log.entries());
    assert_eq!(position, 2);
    // The reader waited for the record in progress, or came before it: never in between.
    assert!(entries.len() == 1 || entries.len() == 2, "{entries:?}");
}
