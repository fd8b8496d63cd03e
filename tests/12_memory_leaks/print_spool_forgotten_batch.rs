use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::collections::HashSet;
use std::iter::Iterator;
use std::mem::ManuallyDrop;
use std::mem::drop;
use std::panic::{AssertUnwindSafe, catch_unwind};

#[path = "../exercise_support/counting.rs"]
mod counting;

fn spooler_with(ids: &[u32]) -> Spooler {
    let mut spooler = Spooler::default();
    for &id in ids {
        spooler.submit(id, &format!("doc-{id}.pdf"));
    }
    spooler
}

/// Leaks `value`, as a leaky printer driver would: its destructor, if it has one, never runs.
fn leak<T>(value: T) {
    std::mem::forget(value);
}

/// Ends `value`'s life here: its destructor, if it has one, runs.
fn drop_it<T>(_value: T) {}

fn ids(jobs: &[Job]) -> Vec<u32> {
    jobs.iter().map(|job| job.id).collect()
}

fn next_id(batch: &mut Batch<'_>) -> Option<u32> {
    batch.next().map(|job| job.id)
}

#[test]
fn the_api_is_unchanged() {
    let _: fn(&mut Spooler, usize) -> Batch<'_> = Spooler::take_batch;
    let _: fn(&Spooler) -> usize = Spooler::printed;
    let _: for<'a> fn(Batch<'a>) = |batch| batch.finish();
    fn jobs<I: Iterator<Item = Job>>(_: &I) {}
    let mut spooler = spooler_with(&[1]);
    jobs(&spooler.take_batch(1));
}

#[test]
fn a_batch_hands_out_the_oldest_jobs() {
    let mut spooler = spooler_with(&[4, 8, 15, 16, 23]);
    let first: Vec<Job> = spooler.take_batch(2).collect();
    assert_eq!(ids(&first), [4, 8]);
    assert_eq!(first[1].document, "doc-8.pdf");
    assert_eq!(
        (spooler.queued(), spooler.printed()),
        (vec![15, 16, 23], 2),
        "a batch asked until it had no more jobs has printed them all"
    );
    let rest: Vec<Job> = spooler.take_batch(10).collect();
    assert_eq!(ids(&rest), [15, 16, 23]);
    assert_eq!((spooler.queued(), spooler.printed()), (vec![], 5));
    assert_eq!(spooler.take_batch(3).count(), 0);
    assert_eq!(spooler.printed(), 5);
}

#[test]
fn a_finished_batch_keeps_the_rest_queued() {
    let mut spooler = spooler_with(&[1, 2, 3, 4]);
    let mut batch = spooler.take_batch(3);
    assert_eq!(next_id(&mut batch), Some(1));
    assert_eq!(next_id(&mut batch), Some(2));
    batch.finish();
    assert_eq!((spooler.queued(), spooler.printed()), (vec![3, 4], 2));
    spooler.submit(5, "doc-5.pdf");
    let next: Vec<Job> = spooler.take_batch(3).collect();
    assert_eq!(ids(&next), [3, 4, 5]);
    assert_eq!((spooler.queued(), spooler.printed()), (vec![], 5));
}

#[test]
fn a_batch_dropped_without_finish_gives_its_job_in_flight_back() {
    let mut spooler = spooler_with(&[1, 2, 3, 4]);
    let mut batch = spooler.take_batch(3);
    assert_eq!(next_id(&mut batch), Some(1));
    drop_it(batch);
    assert_eq!(
        (spooler.queued(), spooler.printed()),
        (vec![1, 2, 3, 4], 0),
        "job 1 was in flight when its batch was dropped without finish: it did not print, so \
         it must be queued again, first, and not counted"
    );
    let mut batch = spooler.take_batch(3);
    assert_eq!(next_id(&mut batch), Some(1));
    assert_eq!(next_id(&mut batch), Some(2));
    drop_it(batch);
    assert_eq!((spooler.queued(), spooler.printed()), (vec![2, 3, 4], 1));
    drop_it(spooler.take_batch(2));
    assert_eq!(
        (spooler.queued(), spooler.printed()),
        (vec![2, 3, 4], 1),
        "a batch that handed out nothing changes nothing"
    );
}

#[test]
fn a_driver_that_panics_gives_its_job_back() {
    let mut spooler = spooler_with(&[1, 2, 3, 4]);
    let jammed = catch_unwind(AssertUnwindSafe(|| {
        for job in spooler.take_batch(3) {
            if job.id == 2 {
                panic!("paper jam while printing job 2");
            }
        }
    }));
    assert!(jammed.is_err());
    assert_eq!(
        (spooler.queued(), spooler.printed()),
        (vec![2, 3, 4], 1),
        "the driver panicked while printing job 2: job 1 printed, job 2 must be queued again"
    );
}

#[test]
fn a_forgotten_batch_never_prints_a_job_twice() {
    let mut spooler = spooler_with(&[10, 20, 30, 40, 50]);
    let mut batch = spooler.take_batch(3);
    assert_eq!(next_id(&mut batch), Some(10));
    assert_eq!(next_id(&mut batch), Some(20));
    leak(batch);
    let queued = spooler.queued();
    assert!(
        !queued.contains(&10) && !queued.contains(&20),
        "jobs 10 and 20 were handed out by a batch that was then forgotten (20 still in \
         flight), yet they are still queued: {queued:?}"
    );
    assert_eq!(
        queued,
        [30, 40, 50],
        "a forgotten batch must not take jobs it never handed out with it"
    );
    assert_eq!(
        spooler.printed(),
        2,
        "a forgotten batch handed out 2 jobs: `printed` must count them both"
    );
    let after: Vec<u32> = spooler.take_batch(5).map(|job| job.id).collect();
    assert_eq!(after, [30, 40, 50]);
    assert_eq!(spooler.printed(), 5);
}

#[test]
fn a_batch_taken_after_a_forgotten_one_never_gives_its_job_back() {
    let mut spooler = spooler_with(&[10, 20, 30, 40, 50]);
    let mut batch = spooler.take_batch(3);
    assert_eq!(next_id(&mut batch), Some(10));
    assert_eq!(next_id(&mut batch), Some(20));
    leak(batch);
    drop_it(spooler.take_batch(2));
    assert_eq!(
        (spooler.queued(), spooler.printed()),
        (vec![30, 40, 50], 2),
        "job 20 was in flight in a batch that was forgotten, so it printed; a later batch that \
         handed out nothing was then dropped, and must change nothing"
    );
    let mut batch = spooler.take_batch(2);
    assert_eq!(next_id(&mut batch), Some(30));
    drop_it(batch);
    assert_eq!((spooler.queued(), spooler.printed()), (vec![30, 40, 50], 2));
    let mut batch = spooler.take_batch(2);
    assert_eq!(next_id(&mut batch), Some(30));
    leak(batch);
    spooler.take_batch(1).finish();
    assert_eq!((spooler.queued(), spooler.printed()), (vec![40, 50], 3));
}

/// How many heap blocks a spooler of four jobs leaves unfreed, once it is dropped, when one
/// batch of it ends as `end` says (the printer drops every job it got). Four, because a
/// `VecDeque` of jobs makes room for four at its first allocation: nothing is reallocated, and
/// a reallocation counts as an allocation with no free.
fn blocks_lost(handed: usize, end: impl FnOnce(Batch<'_>)) -> isize {
    let ((), usage) = counting::measure(|| {
        let mut spooler = Spooler::default();
        for id in 1..=4 {
            spooler.submit(id, "scan-of-a-contract.tiff");
        }
        let mut batch = spooler.take_batch(3);
        for _ in 0..handed {
            drop(batch.next().expect("four jobs are queued"));
        }
        end(batch);
        drop(spooler);
    });
    usage.allocations as isize - usage.frees as isize
}

#[test]
fn no_memory_is_lost_however_a_batch_ends() {
    let finish = |batch: Batch<'_>| batch.finish();
    for (handed, ending, lost) in [
        (
            2,
            "forgotten with job 2 in flight",
            blocks_lost(2, |batch| leak(batch)),
        ),
        (
            3,
            "forgotten once its last job printed",
            blocks_lost(3, |mut batch| {
                assert!(batch.next().is_none(), "the batch's limit is 3");
                leak(batch);
            }),
        ),
        (1, "finished", blocks_lost(1, finish)),
        (
            2,
            "dropped with job 2 in flight",
            blocks_lost(2, |batch| drop_it(batch)),
        ),
        (
            0,
            "forgotten before it handed out anything",
            blocks_lost(0, |batch| leak(batch)),
        ),
    ] {
        assert_eq!(
            lost, 0,
            "a spooler of four jobs, whose batch handed out {handed} and was {ending}, left \
             {lost} heap block(s) unfreed when it was dropped itself: lost for good, and in the \
             print room each is a scan of hundreds of megabytes"
        );
    }
}

#[test]
fn a_batch_kept_in_manually_drop_is_no_different() {
    let mut spooler = spooler_with(&[7, 8, 9]);
    let mut batch = ManuallyDrop::new(spooler.take_batch(2));
    assert_eq!(next_id(&mut batch), Some(7));
    assert_eq!(next_id(&mut batch), Some(8));
    assert!(batch.next().is_none(), "the batch's limit is 2");
    // `batch` is never dropped: a `ManuallyDrop` does not run its value's destructor.
    assert_eq!((spooler.queued(), spooler.printed()), (vec![9], 2));
}

#[test]
fn a_forgotten_batch_that_handed_out_nothing_changes_nothing() {
    let mut spooler = spooler_with(&[1, 2]);
    leak(spooler.take_batch(2));
    assert_eq!((spooler.queued(), spooler.printed()), (vec![1, 2], 0));
}

#[test]
fn a_document_sent_again_prints_again() {
    let mut spooler = spooler_with(&[3]);
    let mut batch = spooler.take_batch(1);
    assert_eq!(next_id(&mut batch), Some(3));
    leak(batch);
    spooler.submit(3, "doc-3.pdf");
    let again: Vec<u32> = spooler.take_batch(1).map(|job| job.id).collect();
    assert_eq!(again, [3], "job 3 was sent again, so it must print again");
    assert_eq!(spooler.printed(), 2);
}

#[test]
fn a_busy_day_with_a_careless_driver() {
    let mut spooler = Spooler::default();
    let mut submitted = 0u32;
    let mut printed: Vec<String> = Vec::new();
    let mut sent: Vec<String> = Vec::new();
    for round in 0..80usize {
        for _ in 0..round % 4 + 1 {
            submitted += 1;
            let document = format!("job-{submitted}");
            spooler.submit(submitted % 9, &document);
            sent.push(document);
        }
        let mut batch = spooler.take_batch(round % 3 + 1);
        let wanted = round % 2 + 1;
        let handed: Vec<String> = batch
            .by_ref()
            .take(wanted)
            .map(|job| job.document)
            .collect();
        // The driver asked past the last job it got (and heard there was none) only if it got
        // fewer than it wanted: then that job has printed too.
        let last_in_flight = handed.len() == wanted;
        let given_back = match round % 4 {
            0 => {
                batch.finish();
                false
            }
            1 => {
                leak(batch);
                false
            }
            _ => {
                drop_it(batch);
                last_in_flight
            }
        };
        let done = handed.len() - usize::from(given_back);
        printed.extend(handed.into_iter().take(done));
        assert_eq!(spooler.printed(), printed.len(), "round {round}");
    }
    let distinct: HashSet<&String> = printed.iter().collect();
    assert_eq!(distinct.len(), printed.len(), "some jobs printed twice");
    let still_queued: Vec<String> = spooler
        .take_batch(usize::MAX)
        .map(|job| job.document)
        .collect();
    assert!(
        still_queued
            .iter()
            .all(|document| !distinct.contains(document)),
        "jobs that printed are still queued"
    );
    assert_eq!(
        printed.len() + still_queued.len(),
        sent.len(),
        "every job sent has printed or is still queued"
    );
}
