use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::mem::drop;
use ::std::ops::Drop;

#[path = "../exercise_support/counting.rs"]
mod counting;

use ::std::cell::Cell;
use ::std::rc::Rc;

/// A print job that counts, in a shared counter, how many times it is dropped.
#[derive(Debug)]
struct Job {
    id: u32,
    pages: u32,
    drops: Rc<Cell<usize>>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

fn job(id: u32, drops: &Rc<Cell<usize>>) -> Job {
    Job {
        id,
        pages: 1,
        drops: Rc::clone(drops),
    }
}

fn ids(spool: &mut Spool<Job>) -> ::std::vec::Vec<u32> {
    ::std::iter::from_fn(|| spool.pop_front().map(|j| j.id)).collect()
}

#[test]
fn jobs_come_out_in_the_order_they_went_in() {
    let drops = Rc::new(Cell::new(0));
    let mut spool = Spool::new();
    for id in [7, 3, 9] {
        spool.push_back(job(id, &drops));
    }
    assert_eq!(spool.len(), 3);
    assert_eq!(ids(&mut spool), [7, 3, 9]);
    assert_eq!(spool.len(), 0);
    assert!(spool.pop_front().is_none());
}

#[test]
fn pushes_after_pops_keep_the_order() {
    // Each step after the first pop goes through a node that was moved, or through
    // `tail` after the list was emptied and refilled.
    let drops = Rc::new(Cell::new(0));
    let mut spool = Spool::new();
    spool.push_back(job(1, &drops));
    spool.push_back(job(2, &drops));
    assert_eq!(spool.pop_front().map(|j| j.id), Some(1));
    spool.push_back(job(3, &drops));
    assert_eq!(spool.pop_front().map(|j| j.id), Some(2));
    assert_eq!(spool.pop_front().map(|j| j.id), Some(3));
    assert!(spool.pop_front().is_none());
    spool.push_back(job(4, &drops));
    spool.push_back(job(5, &drops));
    assert_eq!(ids(&mut spool), [4, 5]);
    assert_eq!(drops.get(), 5);
}

#[test]
fn back_mut_amends_the_newest_job() {
    let drops = Rc::new(Cell::new(0));
    let mut spool: Spool<Job> = Spool::new();
    assert!(spool.back_mut().is_none());
    spool.push_back(job(1, &drops));
    spool.back_mut().expect("one job queued").pages += 4;
    spool.push_back(job(2, &drops));
    spool.push_back(job(3, &drops));
    spool.back_mut().expect("three jobs queued").pages = 9;
    assert_eq!(spool.pop_front().map(|j| (j.id, j.pages)), Some((1, 5)));
    assert_eq!(spool.back_mut().map(|j| j.id), Some(3));
    spool.pop_front();
    spool.back_mut().expect("one job left").pages += 1;
    assert_eq!(spool.pop_front().map(|j| (j.id, j.pages)), Some((3, 10)));
    assert!(spool.back_mut().is_none());
}

#[test]
fn every_job_is_dropped_once_by_its_owner() {
    let drops = Rc::new(Cell::new(0));
    let mut spool = Spool::new();
    for id in 0..6 {
        spool.push_back(job(id, &drops));
    }
    let first = spool.pop_front().expect("six jobs queued");
    assert_eq!(
        drops.get(),
        0,
        "popping hands the job over, it does not drop it"
    );
    drop(first);
    assert_eq!(drops.get(), 1);
    drop(spool);
    assert_eq!(
        drops.get(),
        6,
        "the jobs still queued must be dropped with the spool, each exactly once"
    );
}

#[test]
fn an_emptied_spool_drops_nothing_more() {
    let drops = Rc::new(Cell::new(0));
    let mut spool = Spool::new();
    spool.push_back(job(1, &drops));
    spool.push_back(job(2, &drops));
    while spool.pop_front().is_some() {}
    assert_eq!(drops.get(), 2);
    drop(spool);
    assert_eq!(drops.get(), 2);
    let unused: Spool<Job> = Spool::new();
    drop(unused);
    assert_eq!(drops.get(), 2);
}

#[test]
fn a_mix_of_pushes_and_pops_loses_and_duplicates_nothing() {
    let drops = Rc::new(Cell::new(0));
    let mut spool: Spool<Job> = Spool::new();
    let mut expected = ::std::collections::VecDeque::new();
    let mut next_id = 0;
    for round in 0u32..30 {
        if round % 4 == 3 || round % 7 == 6 {
            assert_eq!(spool.pop_front().map(|j| j.id), expected.pop_front());
        } else {
            spool.push_back(job(next_id, &drops));
            expected.push_back(next_id);
            next_id += 1;
        }
        assert_eq!(spool.len(), expected.len(), "round {round}");
        assert_eq!(spool.back_mut().map(|j| j.id), expected.back().copied());
    }
    drop(spool);
    assert_eq!(drops.get(), next_id as usize);
}

#[test]
fn each_job_is_one_node_on_the_heap() {
    let mut spool = Spool::new();
    let ((), allocations) = counting::allocations(|| {
        for pages in 0u64..20 {
            spool.push_back(pages);
        }
    });
    assert_eq!(
        allocations, 20,
        "a linked spool allocates one node per job pushed, no more, no less"
    );
    assert_eq!(spool.pop_front(), Some(0));
    let (_, allocations) = counting::allocations(|| spool.pop_front());
    assert_eq!(allocations, 0, "taking a job allocates nothing");
}

#[test]
fn works_for_any_job_type() {
    let mut spool = Spool::new();
    spool.push_back(String::from("poster.pdf"));
    spool.push_back(String::from("memo.txt"));
    spool.back_mut().expect("two jobs").push_str(" (duplex)");
    assert_eq!(spool.pop_front().as_deref(), Some("poster.pdf"));
    assert_eq!(spool.pop_front().as_deref(), Some("memo.txt (duplex)"));
    let mut empty: Spool<()> = Spool::new();
    empty.push_back(());
    assert_eq!(empty.len(), 1);
}

/// Pushes `job`, and returns the address and size of the one node it allocated.
fn push_node(spool: &mut Spool<u64>, job: u64) -> (usize, usize) {
    let ((), allocations) = counting::allocations(|| spool.push_back(job));
    assert_eq!(allocations, 1, "a push allocates one node");
    counting::last_allocation().expect("a push allocates its node")
}

/// The offset of the word of `node` (address, size) that holds the address `next`, if
/// the node is two words, a `u64` job and a link.
fn offset_of_link(node: (usize, usize), next: usize) -> Option<usize> {
    let word = ::std::mem::size_of::<usize>();
    if word != 8 || node.1 != 2 * word {
        return None;
    }
    [0, word].into_iter().find(|&offset| {
        // SAFETY: the word lies inside the node's allocation, which is live, aligned for a
        // pointer, and initialised (a job and a link of one word each leave no padding).
        unsafe { ((node.0 + offset) as *const usize).read() == next }
    })
}

// A walk from the front takes no more time than a jump to the back in a test this small,
// and timing is no test anyway; what tells them apart is the way they go. This test cuts
// the chain after the first node, behind the spool's back: walked from the front, the
// list then seems to end at job 1, while the pointer to the last node still leads to job 4.
#[test]
#[cfg_attr(
    miri,
    ignore = "the test writes into the nodes behind the spool's back, which the aliasing rules do not allow"
)]
fn push_back_and_back_mut_go_straight_to_the_last_node() {
    let mut spool: Spool<u64> = Spool::new();
    let nodes: ::std::vec::Vec<(usize, usize)> =
        (1..=4).map(|job| push_node(&mut spool, job)).collect();
    // Where in a node the link to the next one is: the word that holds the second node's
    // address. A node of another shape has nothing here to cut.
    let Some(link) = offset_of_link(nodes[0], nodes[1].0) else {
        return;
    };
    let link_of = |node: (usize, usize)| (node.0 + link) as *mut usize;
    // SAFETY (all the reads and writes below): `link_of` gives a word inside a live node,
    // the spool is not borrowed meanwhile, and every link is put back as it was (or as
    // the spool meant it to be) before the spool is used again as a whole.
    let second = unsafe { link_of(nodes[0]).read() };
    unsafe { link_of(nodes[0]).write(0) };

    let back = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| {
        spool.back_mut().map(|job| *job)
    }));
    let pushed = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| {
        spool.push_back(5);
    }));

    // Mend the chain: whatever `push_back` hung after the first node belongs after the last.
    let hung_after_first = unsafe { link_of(nodes[0]).read() };
    unsafe { link_of(nodes[0]).write(second) };
    if hung_after_first != 0 {
        unsafe { link_of(nodes[3]).write(hung_after_first) };
    }

    assert!(
        matches!(back, Ok(Some(4))),
        "back_mut must go straight to the newest job through the raw pointer to the last node \
         (constant time); it found {back:?} instead of job 4, so it walked the list from the \
         front"
    );
    assert!(
        pushed.is_ok() && hung_after_first == 0,
        "push_back must add the job after the last node through the raw pointer to it \
         (constant time), not walk the list from the front to find the end"
    );
    let jobs: ::std::vec::Vec<u64> = ::std::iter::from_fn(|| spool.pop_front()).collect();
    assert_eq!(jobs, [1, 2, 3, 4, 5]);
}
