// Question 12: What is the possibility of memory leaks in Rust?
//
// A printer takes jobs from the `Spooler` in batches: `take_batch(limit)` lends it up to
// `limit` of the oldest jobs, which it asks for one at a time. It asks for the next job only
// once the one before has printed, and calls `finish` when the last one has. A driver that
// gives up halfway (an error, an early return, a panic) drops the batch without `finish`: the
// job it was printing did not print, so it goes back to the front of the queue.
//
// The print room's complaint: a driver with a reference cycle in it never drops its batches,
// and every job of such a batch printed again with the next one (the payroll, 200 times).
// Drivers are not ours to fix, and forgetting a value is safe Rust. Jobs are scans of hundreds
// of megabytes, so what a forgotten batch loses must not grow with them.
//
// What must hold whether a batch is finished, dropped, or never dropped at all:
// - no job is handed out twice, unless it was given back;
// - `printed()` counts the jobs handed out and not given back;
// - the jobs a batch has not handed out stay queued, in order;
// - no memory is lost but a forgotten batch's own few bytes: every copy of a job that the
//   spooler or a batch keeps is freed, at the latest with the spooler.
// As now, a batch dropped without `finish` gives its job in flight back (to the front, not
// counted), and a finished one gives nothing back. A batch that is never dropped never gives
// its job in flight back: that job counts as printed. Keep the signatures of `take_batch` (a
// `Batch` that borrows the spooler) and `finish`, and `Batch` an iterator of `Job`s.

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
    /// Whether the job handed out last has printed (or none was handed out).
    last_printed: bool,
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
            last_printed: true,
        }
    }

    /// The ids of the queued jobs, oldest first.
    fn queued(&self) -> Vec<u32> {
        self.queue.iter().map(|job| job.id).collect()
    }

    /// How many jobs have printed in all.
    fn printed(&self) -> usize {
        self.printed
    }
}

impl Iterator for Batch<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        // Asking for the next job means that the one before has printed.
        self.last_printed = true;
        if self.handed_out == self.limit {
            return None;
        }
        let job = self.spooler.queue.get(self.handed_out)?.clone();
        self.handed_out += 1;
        self.last_printed = false;
        Some(job)
    }
}

impl Batch<'_> {
    /// The printer is done with the batch: the job it printed last has printed too.
    fn finish(mut self) {
        self.last_printed = true;
    }
}

impl Drop for Batch<'_> {
    // The jobs that printed leave the queue now; one that did not print stays at the front.
    fn drop(&mut self) {
        let done = if self.last_printed {
            self.handed_out
        } else {
            self.handed_out - 1
        };
        self.spooler.queue.drain(..done);
        self.spooler.printed += done;
    }
}

fn main() {
    let mut spooler = Spooler::default();
    for (id, document) in [(1, "invoice.pdf"), (2, "menu.pdf"), (3, "map.png")] {
        spooler.submit(id, document);
    }
    let mut batch = spooler.take_batch(2);
    for job in batch.by_ref() {
        println!("printing {} ({})", job.id, job.document);
    }
    batch.finish();
    println!(
        "{} printed; still queued {:?}",
        spooler.printed(),
        spooler.queued()
    );
}
