use super::*;

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
