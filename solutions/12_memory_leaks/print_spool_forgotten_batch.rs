// Question 12: What is the possibility of memory leaks in Rust?
//
// Leaking is safe: `std::mem::forget`, an `Rc` cycle or a `ManuallyDrop` can each make sure a
// value's destructor never runs, without one line of `unsafe`. So no code may count on a
// destructor for its correctness. `Vec::drain` shows the way: it shortens the vector as soon
// as the drain starts, so a drain that is leaked loses elements (a leak, which is safe) but
// never shows an element twice. That trade is called leak amplification.
//
// A printer takes jobs from the `Spooler` in batches. `Batch` hands out the oldest jobs one
// by one; when the batch is dropped, the jobs it handed out leave the queue and are counted as
// printed, and the ones it did not hand out stay queued, in order. But a printer driver that
// forgets its batch (a leak somewhere in it) makes every job of that batch print again. Make
// it impossible for a job to be handed out twice, and for `printed` to miss one, whether or not
// a batch's destructor ever runs. A batch that is dropped must still leave the jobs it did not
// hand out queued; those of a batch that is leaked may be lost. Keep `take_batch` returning a
// `Batch` that borrows the spooler, and `Batch` an iterator of `Job`s.

use std::collections::VecDeque;

#[derive(Clone, Debug)]
struct Job {
    id: u32,
    document: String,
}

#[derive(Default)]
struct Spooler {
    queue: VecDeque<Job>,
    printed: usize,
}

/// Up to `limit` of the oldest jobs, handed out one at a time.
struct Batch<'a> {
    spooler: &'a mut Spooler,
    limit: usize,
    handed_out: usize,
}

impl Spooler {
    fn submit(&mut self, id: u32, document: &str) {
        self.queue.push_back(Job {
            id,
            document: document.to_owned(),
        });
    }

    fn take_batch(&mut self, limit: usize) -> Batch<'_> {
        Batch {
            spooler: self,
            limit,
            handed_out: 0,
        }
    }

    /// The ids of the queued jobs, oldest first.
    fn queued(&self) -> Vec<u32> {
        self.queue.iter().map(|job| job.id).collect()
    }

    /// How many jobs have been handed out to the printer in all.
    fn printed(&self) -> usize {
        self.printed
    }
}

impl Iterator for Batch<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if self.handed_out == self.limit {
            return None;
        }
        // The job leaves the queue, and is counted, the moment it is handed out: the spooler
        // is right after every step, so nothing is left for a destructor to do, and a batch
        // that is never dropped cannot make a job print twice.
        let job = self.spooler.queue.pop_front()?;
        self.spooler.printed += 1;
        self.handed_out += 1;
        Some(job)
    }
}

fn main() {
    let mut spooler = Spooler::default();
    for (id, document) in [(1, "invoice.pdf"), (2, "menu.pdf"), (3, "map.png")] {
        spooler.submit(id, document);
    }
    let first: Vec<u32> = spooler.take_batch(2).map(|job| job.id).collect();
    println!("printed {first:?}; still queued {:?}", spooler.queued());
}
