//! The pieces a full-screen command (`watch`, `interview`) is built from: the terminal guard
//! ([`terminal`]), the keyboard ([`keyboard`]) and file saves ([`files`]), which feed the
//! command's own event type through a channel, so one loop owns all the command's state; and for
//! its screens, key tables ([`keymap`]), text filled to the width ([`reflow`]) and windows onto
//! text too long for the window ([`scroll`]).

pub mod files;
pub mod jobs;
pub mod keyboard;
pub mod keymap;
pub mod reflow;
pub mod scroll;
pub mod session;
pub mod signals;
pub mod terminal;

use crossterm::event::KeyEvent;

/// What the keyboard, the file watcher and signals report to a full-screen command.
pub enum Ui {
    Key(KeyEvent),
    Resize,
    /// The file at this index of the watched paths was written (after debouncing).
    Saved(usize),
    /// Native file events could not be used; the watcher fell back to polling.
    Note(String),
    /// A signal asks the command to end (its terminal was closed, or it was killed politely).
    Stop,
}
