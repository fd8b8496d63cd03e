use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::iter::Iterator;

#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

fn queue(assignees: &[Option<&str>]) -> Queue {
    Queue {
        tickets: assignees
            .iter()
            .enumerate()
            .map(|(i, assignee)| Ticket {
                id: i as u32 + 1,
                subject: format!("ticket {}", i + 1),
                assignee: assignee.map(str::to_string),
            })
            .collect(),
    }
}

fn assignees(queue: &Queue) -> Vec<Option<&str>> {
    queue
        .tickets
        .iter()
        .map(|ticket| ticket.assignee.as_deref())
        .collect()
}

#[test]
fn signatures_are_kept() {
    fn yields_mutable_tickets<'q, I: Iterator<Item = &'q mut Ticket>>(_: &I) {}
    let _: fn(&mut Queue) -> Unassigned<'_> = Queue::unassigned;
    let _: fn(&mut Queue, &[&str]) -> usize = dispatch;
    let mut q = queue(&[None]);
    yields_mutable_tickets(&q.unassigned());
}

#[test]
fn dispatch_fills_the_gaps_in_order() {
    let mut q = queue(&[Some("ana"), None, None, Some("cy"), None]);
    assert_eq!(dispatch(&mut q, &["bo", "di"]), 2);
    assert_eq!(
        assignees(&q),
        [Some("ana"), Some("bo"), Some("di"), Some("cy"), None]
    );
    assert_eq!(dispatch(&mut q, &["ed", "flo", "gus"]), 1);
    assert_eq!(
        assignees(&q),
        [Some("ana"), Some("bo"), Some("di"), Some("cy"), Some("ed")]
    );
    assert_eq!(dispatch(&mut q, &["hal"]), 0);
}

#[test]
fn only_unassigned_tickets_are_visited() {
    let mut q = queue(&[None, Some("ana"), None, Some("bo"), Some("cy"), None]);
    let ids: Vec<u32> = q.unassigned().map(|ticket| ticket.id).collect();
    assert_eq!(ids, [1, 3, 6]);
    let mut all_taken = queue(&[Some("ana"), Some("bo")]);
    assert_eq!(all_taken.unassigned().count(), 0);
    let mut empty = queue(&[]);
    assert!(empty.unassigned().next().is_none());
}

#[test]
fn several_tickets_can_be_held_at_once() {
    let mut q = queue(&[Some("ana"), None, None, None]);
    let (first, second, third) = {
        let mut unassigned = q.unassigned();
        let first = unassigned.next().expect("ticket 2 is unassigned");
        let second = unassigned.next().expect("ticket 3 is unassigned");
        ::std::mem::swap(&mut first.subject, &mut second.subject);
        let third = unassigned.next().expect("ticket 4 is unassigned");
        assert!(unassigned.next().is_none());
        assert!(
            unassigned.next().is_none(),
            "the iterator came back to life after None"
        );
        (first, second, third)
    };
    // The iterator is gone; the tickets it lent are still ours.
    first.assignee = Some("bo".to_string());
    third.assignee = Some("cy".to_string());
    assert_eq!((first.id, second.id, third.id), (2, 3, 4));
    assert_eq!(q.tickets[1].subject, "ticket 3");
    assert_eq!(q.tickets[2].subject, "ticket 2");
    assert_eq!(assignees(&q), [Some("ana"), Some("bo"), None, Some("cy")]);
}

#[test]
fn a_ticket_outlives_the_iterator() {
    let mut q = queue(&[Some("ana"), None]);
    let ticket = q.unassigned().next().expect("ticket 2 is unassigned");
    ticket.subject.push_str(" (urgent)");
    assert_eq!(q.tickets[1].subject, "ticket 2 (urgent)");
}

#[test]
fn walking_the_queue_allocates_nothing() {
    let mut q = queue(&[None, Some("ana"), None, None, Some("bo"), None]);
    let (count, n) = allocations(|| q.unassigned().count());
    assert_eq!(count, 4);
    assert_eq!(n, 0, "walking the queue allocated {n} times");
    let (sum, n) = allocations(|| {
        let mut sum = 0;
        for ticket in q.unassigned() {
            ticket.id += 100;
            sum += ticket.id;
        }
        sum
    });
    assert_eq!(sum, 101 + 103 + 104 + 106);
    assert_eq!(n, 0, "walking the queue allocated {n} times");
}

#[test]
fn a_ticket_assigned_during_the_walk_is_not_visited_again() {
    let mut q = queue(&[None, None, Some("ana"), None]);
    let mut visited = Vec::new();
    for ticket in q.unassigned() {
        ticket.assignee = Some(format!("agent {}", ticket.id));
        visited.push(ticket.id);
    }
    assert_eq!(visited, [1, 2, 4]);
    assert_eq!(q.unassigned().count(), 0);
}
