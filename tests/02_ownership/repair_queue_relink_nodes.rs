use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

fn job(id: u32, priority: u8) -> Job {
    Job {
        id,
        priority,
        note: format!("job {id}"),
    }
}

fn queue(jobs: &[(u32, u8)]) -> RepairQueue {
    let mut queue = RepairQueue::default();
    for &(id, priority) in jobs {
        queue.insert(job(id, priority));
    }
    queue
}

// The address of every node, head first.
fn node_addresses(queue: &RepairQueue) -> Vec<*const Node> {
    let mut addresses = Vec::new();
    let mut link = &queue.head;
    while let Some(node) = link {
        addresses.push(&**node as *const Node);
        link = &node.next;
    }
    addresses
}

#[test]
fn signatures_are_kept() {
    let _: fn(&mut RepairQueue, Job) = RepairQueue::insert;
    let _: fn(&mut RepairQueue, u32) -> Option<Job> = RepairQueue::remove;
}

#[test]
fn higher_priority_first_and_arrival_order_among_equals() {
    let queue = queue(&[(1, 2), (2, 5), (3, 2), (4, 9), (5, 5), (6, 0)]);
    assert_eq!(queue.ids(), [4, 2, 5, 1, 3, 6]);
    assert_eq!(queue.len, 6);
    let empty = RepairQueue::default();
    assert!(empty.ids().is_empty());
}

#[test]
fn inserting_at_the_front_middle_and_back() {
    let mut q = queue(&[(1, 5)]);
    q.insert(job(2, 7));
    assert_eq!(q.ids(), [2, 1], "a more urgent job goes to the front");
    q.insert(job(3, 6));
    assert_eq!(q.ids(), [2, 3, 1]);
    q.insert(job(4, 1));
    assert_eq!(q.ids(), [2, 3, 1, 4], "a less urgent job goes to the back");
    q.insert(job(5, 7));
    assert_eq!(
        q.ids(),
        [2, 5, 3, 1, 4],
        "equal priority goes after the earlier job"
    );
}

#[test]
fn remove_from_the_front_middle_and_back() {
    let mut q = queue(&[(1, 9), (2, 8), (3, 7), (4, 6), (5, 5)]);
    assert_eq!(q.remove(3).map(|job| job.id), Some(3));
    assert_eq!(q.ids(), [1, 2, 4, 5]);
    assert_eq!(q.remove(1).map(|job| job.id), Some(1));
    assert_eq!(q.ids(), [2, 4, 5]);
    assert_eq!(q.remove(5).map(|job| job.id), Some(5));
    assert_eq!(q.ids(), [2, 4]);
    assert_eq!(q.len, 2);
    assert!(q.remove(5).is_none(), "a job can be removed only once");
    assert!(q.remove(77).is_none());
    assert_eq!(q.ids(), [2, 4]);
    assert_eq!(q.len, 2);
    assert_eq!(q.remove(4).map(|job| job.id), Some(4));
    assert_eq!(q.remove(2).map(|job| job.id), Some(2));
    assert!(q.remove(2).is_none());
    assert_eq!(q.len, 0);
    assert!(q.head.is_none());
}

#[test]
fn the_removed_job_is_the_one_that_was_inserted() {
    let mut q = queue(&[(1, 3), (2, 3)]);
    let note = String::from("replace the fan belt");
    let note_buffer = note.as_ptr();
    q.insert(Job {
        id: 9,
        priority: 3,
        note,
    });
    let removed = q.remove(9).expect("job 9 was inserted");
    assert_eq!((removed.id, removed.priority), (9, 3));
    assert_eq!(removed.note, "replace the fan belt");
    assert_eq!(
        removed.note.as_ptr(),
        note_buffer,
        "the job came back as a copy, not the job that was inserted"
    );
    assert_eq!(q.ids(), [1, 2]);
}

#[test]
fn insert_allocates_only_its_own_node() {
    let mut q = queue(&[(1, 9), (2, 5), (3, 1)]);
    let before = node_addresses(&q);
    let new = job(4, 5);
    let ((), n) = allocations(|| q.insert(new));
    assert_eq!(
        n, 1,
        "insert allocated {n} times: it needs one new node and nothing else"
    );
    let after = node_addresses(&q);
    assert_eq!(q.ids(), [1, 2, 4, 3]);
    assert_eq!(
        [after[0], after[1], after[3]],
        [before[0], before[1], before[2]],
        "the existing nodes were rebuilt instead of relinked"
    );
}

#[test]
fn remove_allocates_nothing_and_keeps_the_other_nodes() {
    let mut q = queue(&[(1, 9), (2, 5), (3, 4), (4, 1)]);
    let before = node_addresses(&q);
    let (removed, n) = allocations(|| q.remove(2));
    assert_eq!(removed.map(|job| job.id), Some(2));
    assert_eq!(
        n, 0,
        "remove allocated {n} times: unlinking a node needs no memory"
    );
    assert_eq!(
        node_addresses(&q),
        [before[0], before[2], before[3]],
        "the remaining nodes were rebuilt instead of relinked"
    );
    let (missing, n) = allocations(|| q.remove(42));
    assert!(missing.is_none());
    assert_eq!(n, 0, "looking for a missing job allocated {n} times");
}

#[test]
fn long_queues() {
    let mut q = RepairQueue::default();
    for id in 0..3_000 {
        q.insert(job(id, 1));
    }
    q.insert(job(99_999, 0));
    assert_eq!(q.remove(2_999).map(|job| job.id), Some(2_999));
    assert_eq!(q.remove(99_999).map(|job| job.id), Some(99_999));
    assert_eq!(q.len, 2_999);
    assert_eq!(q.pop().map(|job| job.id), Some(0));
}
