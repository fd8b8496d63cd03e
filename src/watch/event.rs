//! Everything the watch loop reacts to, from whichever thread it comes: keys, saves, and the
//! background jobs finishing. The loop owns all state; the other threads only send these.

use crossterm::event::KeyEvent;

use crate::runner::RunEnd;
use crate::tui::files::Change;
use crate::tui::keys::Input;
use crate::tui::signals::Stop;

pub enum Event {
    Key(KeyEvent),
    Resize,
    /// The file of the exercise at this index was written (after debouncing).
    Saved(usize),
    /// Native file events could not be used; the watcher fell back to polling.
    WatcherNote(String),
    /// A run of one exercise ended. Only the newest generation is shown.
    RunDone {
        generation: u64,
        result: anyhow::Result<RunEnd>,
    },
    /// Checking all exercises made progress.
    CheckProgress {
        done: usize,
        total: usize,
    },
    CheckDone {
        generation: u64,
        result: anyhow::Result<RunEnd>,
    },
    /// The background build of the kit's dependencies ended.
    WarmUpDone(anyhow::Result<bool>),
    /// A signal asks watch to end (its terminal was closed, or it was killed politely).
    Quit,
}

impl From<Input> for Event {
    fn from(input: Input) -> Self {
        match input {
            Input::Key(key) => Event::Key(key),
            Input::Resize => Event::Resize,
        }
    }
}

impl From<Change> for Event {
    fn from(change: Change) -> Self {
        match change {
            Change::Saved(index) => Event::Saved(index),
            Change::Note(note) => Event::WatcherNote(note),
        }
    }
}

impl From<Stop> for Event {
    fn from(_: Stop) -> Self {
        Event::Quit
    }
}
