use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

#[test]
fn messages_come_out_in_order() {
    let mut outbox = Outbox::with_room_for(4);
    assert_eq!(outbox.enqueue("first".to_string()), 1);
    assert_eq!(outbox.enqueue("second".to_string()), 2);
    assert_eq!(outbox.send_next().as_deref(), Some("first"));
    assert_eq!(outbox.send_next().as_deref(), Some("second"));
    assert_eq!(outbox.send_next(), None);
}

#[test]
fn queued_bytes_follow_the_queue() {
    let mut outbox = Outbox::with_room_for(4);
    outbox.enqueue("héllo".to_string());
    outbox.enqueue("abc".to_string());
    assert_eq!(outbox.queued_bytes, 9);
    outbox.send_next();
    assert_eq!(outbox.queued_bytes, 3);
    outbox.send_next();
    assert_eq!(outbox.queued_bytes, 0);
}

#[test]
fn queueing_allocates_nothing() {
    let mut outbox = Outbox::with_room_for(4);
    let messages: Vec<String> = (0..4).map(|i| format!("message number {i}")).collect();
    let (len, count) = allocations(|| {
        let mut len = 0;
        for message in messages {
            len = outbox.enqueue(message);
        }
        len
    });
    assert_eq!(len, 4);
    assert_eq!(count, 0, "allocations while queueing 4 messages");
}

#[test]
fn a_message_leaves_in_the_buffer_it_came_in() {
    let mut outbox = Outbox::with_room_for(2);
    let body = "x".repeat(1 << 20);
    let buffer = body.as_ptr();
    outbox.enqueue(body);
    outbox.enqueue("small".to_string());
    let sent = outbox.send_next().unwrap();
    assert_eq!(sent.len(), 1 << 20);
    assert!(
        std::ptr::eq(sent.as_ptr(), buffer),
        "the message was copied"
    );
}

#[test]
fn an_empty_message_is_queued_too() {
    let mut outbox = Outbox::with_room_for(1);
    assert_eq!(outbox.enqueue(String::new()), 1);
    assert_eq!(outbox.queued_bytes, 0);
    assert_eq!(outbox.send_next().as_deref(), Some(""));
}
