use super::*;
use std::collections::HashSet;
use std::mem::ManuallyDrop;

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
fn finish<T>(_value: T) {}

fn ids(jobs: &[Job]) -> Vec<u32> {
    jobs.iter().map(|job| job.id).collect()
}

#[test]
fn the_api_is_unchanged() {
    let _: fn(&mut Spooler, usize) -> Batch<'_> = Spooler::take_batch;
    let _: fn(&Spooler) -> usize = Spooler::printed;
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
    assert_eq!((spooler.queued(), spooler.printed()), (vec![15, 16, 23], 2));
    let rest: Vec<Job> = spooler.take_batch(10).collect();
    assert_eq!(ids(&rest), [15, 16, 23]);
    assert_eq!((spooler.queued(), spooler.printed()), (vec![], 5));
    assert_eq!(spooler.take_batch(3).count(), 0);
}

#[test]
fn a_batch_dropped_early_keeps_the_rest_queued() {
    let mut spooler = spooler_with(&[1, 2, 3, 4]);
    let mut batch = spooler.take_batch(3);
    assert_eq!(batch.next().map(|job| job.id), Some(1));
    finish(batch);
    assert_eq!(
        spooler.queued(),
        [2, 3, 4],
        "jobs a dropped batch did not hand out must stay queued, in order"
    );
    assert_eq!(spooler.printed(), 1);
    spooler.submit(5, "doc-5.pdf");
    let next: Vec<Job> = spooler.take_batch(3).collect();
    assert_eq!(ids(&next), [2, 3, 4]);
    assert_eq!((spooler.queued(), spooler.printed()), (vec![5], 4));
}

#[test]
fn a_forgotten_batch_never_prints_a_job_twice() {
    let mut spooler = spooler_with(&[10, 20, 30, 40, 50]);
    let mut batch = spooler.take_batch(3);
    let handed: Vec<u32> = batch.by_ref().take(2).map(|job| job.id).collect();
    assert_eq!(handed, [10, 20]);
    leak(batch);
    assert_eq!(
        spooler.printed(),
        2,
        "a batch that is never dropped still handed out 2 jobs: `printed` must count them"
    );
    let queued = spooler.queued();
    assert!(
        !queued.contains(&10) && !queued.contains(&20),
        "jobs 10 and 20 were handed out by a batch that was then forgotten, yet they are \
         still queued ({queued:?}): its destructor never ran"
    );
    assert!(
        queued.ends_with(&[40, 50]),
        "jobs outside the batch were lost: {queued:?}"
    );
    let after: Vec<u32> = spooler.take_batch(5).map(|job| job.id).collect();
    assert!(after.ends_with(&[40, 50]) && !after.contains(&10) && !after.contains(&20));
    assert_eq!(spooler.printed(), 2 + after.len());
}

#[test]
fn a_batch_kept_in_manually_drop_is_no_different() {
    let mut spooler = spooler_with(&[7, 8, 9]);
    let mut batch = ManuallyDrop::new(spooler.take_batch(2));
    assert_eq!(batch.next().map(|job| job.id), Some(7));
    assert_eq!(batch.next().map(|job| job.id), Some(8));
    assert!(batch.next().is_none(), "the batch's limit is 2");
    // `batch` is never dropped: a `ManuallyDrop` does not run its value's destructor.
    assert_eq!((spooler.queued(), spooler.printed()), (vec![9], 2));
}

#[test]
fn a_forgotten_batch_that_handed_out_nothing_prints_nothing() {
    let mut spooler = spooler_with(&[1, 2]);
    leak(spooler.take_batch(2));
    assert_eq!(spooler.printed(), 0);
    let left: Vec<u32> = spooler.take_batch(2).map(|job| job.id).collect();
    assert_eq!(spooler.printed(), left.len());
    assert!(left == [1, 2] || left.is_empty(), "{left:?}");
}

#[test]
fn a_document_sent_again_prints_again() {
    let mut spooler = spooler_with(&[3]);
    let mut batch = spooler.take_batch(1);
    assert_eq!(batch.next().map(|job| job.id), Some(3));
    leak(batch);
    spooler.submit(3, "doc-3.pdf");
    let again: Vec<u32> = spooler.take_batch(1).map(|job| job.id).collect();
    assert_eq!(again, [3], "job 3 was sent again, so it must print again");
    assert_eq!(spooler.printed(), 2);
}

#[test]
fn a_busy_day_with_a_leaky_driver() {
    let mut spooler = Spooler::default();
    let mut submitted = 0u32;
    let mut handed = Vec::new();
    for round in 0..60usize {
        for _ in 0..round % 4 + 1 {
            submitted += 1;
            spooler.submit(submitted % 9, &format!("job-{submitted}"));
        }
        let mut batch = spooler.take_batch(round % 3 + 1);
        for job in batch.by_ref().take(round % 2 + 1) {
            handed.push(job.document);
        }
        if round % 5 == 2 {
            leak(batch);
        } else {
            finish(batch);
        }
        assert_eq!(spooler.printed(), handed.len(), "round {round}");
    }
    let distinct: HashSet<String> = handed.iter().cloned().collect();
    assert_eq!(
        distinct.len(),
        handed.len(),
        "some jobs were handed out twice"
    );
    let still_queued: HashSet<String> = spooler
        .take_batch(usize::MAX)
        .map(|job| job.document)
        .collect();
    assert!(
        still_queued.is_disjoint(&distinct),
        "jobs that were handed out are still queued"
    );
}
