//! The run slot a full-screen command (watch, interview) shares: at most one job at a time, the
//! generation that tells its result from an older one's, the last outcome and whether it is
//! stale. A job cancelled for a newer one is handed to a reaper thread, which waits for its
//! processes to go, so the screen never blocks on a job that is ending.

use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

use std::sync::mpsc::Receiver;

use super::jobs::Job;
use super::terminal::{Frame, Terminal};
use super::{Ui, keyboard};
use crate::outcome::Outcome;

/// Whether a full-screen command goes on after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// A full-screen command's state, as the shared loop drives it.
pub trait Screen {
    type Event: From<Ui> + Send + 'static;
    /// What the screen shows now, for a terminal of this size.
    fn frame(&self, width: u16, height: u16) -> Frame;
    fn handle(&mut self, event: Self::Event) -> Flow;
    /// Work an event left that the person need not wait for, done once its frame is on the
    /// screen; `true` when it changed what the screen shows. (The loop's caller finishes what
    /// the last event left, however the loop ends.)
    fn settle(&mut self) -> bool {
        false
    }
}

/// The loop watch and interview share: takes the terminal (given back however the loop ends),
/// starts reading keys into `tx`, and draws, settles, waits for an event and hands it over until
/// the screen says quit or every sender is gone.
pub fn run<S: Screen>(
    screen: &mut S,
    tx: std::sync::mpsc::Sender<S::Event>,
    events: &Receiver<S::Event>,
) -> anyhow::Result<()> {
    let mut term = Terminal::enter()?;
    keyboard::spawn(tx);
    loop {
        let (width, height) = term.size();
        let drawn = term.draw(&screen.frame(width, height));
        let changed = screen.settle();
        drawn?;
        if changed {
            continue;
        }
        let Ok(event) = events.recv() else {
            return Ok(());
        };
        if screen.handle(event) == Flow::Quit {
            return Ok(());
        }
    }
}

/// Waits, off the screen's thread, for the jobs handed to it to end.
struct Reaper {
    tx: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl Reaper {
    fn new() -> Self {
        let (tx, rx) = mpsc::channel::<Job>();
        let thread = thread::spawn(move || {
            for job in rx {
                job.stop();
            }
        });
        Self {
            tx: Some(tx),
            thread: Some(thread),
        }
    }

    /// Cancels `job` now and waits for it elsewhere.
    fn reap(&self, job: Job) {
        job.cancel();
        if let Some(tx) = &self.tx {
            // The reaper only ends when this sender is dropped, so the send cannot fail; were
            // it to, the job is stopped when dropped here.
            let _ = tx.send(job);
        }
    }
}

impl Drop for Reaper {
    /// Waits until every job handed over has ended: nothing a run started outlives the command.
    fn drop(&mut self) {
        self.tx.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub struct RunSlot {
    job: Option<Job>,
    /// Increases with every job started or cancelled; results carry the one they were started
    /// under, and older ones are ignored.
    generation: u64,
    outcome: Option<Outcome>,
    /// A newer run is going than the one `outcome` came from.
    stale: bool,
    reaper: Reaper,
}

impl Default for RunSlot {
    fn default() -> Self {
        Self {
            job: None,
            generation: 0,
            outcome: None,
            stale: false,
            reaper: Reaper::new(),
        }
    }
}

impl RunSlot {
    /// Starts the job `start` makes for the next generation, cancelling the one in the slot.
    pub fn start(&mut self, start: impl FnOnce(u64) -> Job) {
        self.cancel();
        self.stale = self.outcome.is_some();
        self.job = Some(start(self.generation));
    }

    /// Cancels the job in the slot, if any: its result, when it comes, is ignored.
    pub fn cancel(&mut self) {
        self.generation += 1;
        if let Some(job) = self.job.take() {
            self.reaper.reap(job);
        }
    }

    /// Whether `generation` is the job's in the slot (its progress counts).
    pub fn is_current(&self, generation: u64) -> bool {
        generation == self.generation && self.job.is_some()
    }

    /// Whether a result of `generation` is the slot's job's; if so the slot is free again.
    pub fn accept(&mut self, generation: u64) -> bool {
        if generation != self.generation || self.job.is_none() {
            return false;
        }
        if let Some(job) = self.job.take() {
            // It has reported: it is ending on its own.
            self.reaper.reap(job);
        }
        true
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// The last outcome, and whether a newer run is going.
    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    pub fn is_stale(&self) -> bool {
        self.stale
    }

    pub fn set_outcome(&mut self, outcome: Outcome) {
        self.outcome = Some(outcome);
        self.stale = false;
    }

    /// Forgets the outcome (another exercise is shown).
    pub fn clear(&mut self) {
        self.outcome = None;
        self.stale = false;
    }
}

impl Drop for RunSlot {
    fn drop(&mut self) {
        self.cancel();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;

    /// A job that runs until cancelled, then ends only once `release` says so (as processes
    /// take their time to die).
    fn lingering(release: mpsc::Receiver<()>, ended: Arc<AtomicBool>) -> Job {
        Job::spawn(
            move |cancel| {
                while !cancel.is_cancelled() {
                    thread::yield_now();
                }
                let _ = release.recv();
                ended.store(true, Ordering::SeqCst);
            },
            |_| {},
        )
    }

    #[test]
    fn a_newer_job_does_not_wait_for_the_older_to_end_and_the_older_result_is_ignored() {
        let mut slot = RunSlot::default();
        let first_ended = Arc::new(AtomicBool::new(false));
        let (release, released) = mpsc::channel();
        let mut first = 0;
        slot.start(|generation| {
            first = generation;
            lingering(released, Arc::clone(&first_ended))
        });
        let mut second = 0;
        // Were the first job waited for here, this would never return.
        slot.start(|generation| {
            second = generation;
            Job::spawn(|_| {}, |_| {})
        });
        assert!(!first_ended.load(Ordering::SeqCst));
        assert!(!slot.accept(first), "the first job's result counted");
        assert!(slot.accept(second));
        assert!(!slot.is_running());
        release.send(()).unwrap();
        drop(slot);
        assert!(
            first_ended.load(Ordering::SeqCst),
            "the slot was dropped before the job handed to the reaper ended"
        );
    }
}
