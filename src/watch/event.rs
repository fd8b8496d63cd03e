//! Everything the watch loop reacts to, from whichever thread it comes: keys, saves, and the
//! background jobs finishing. The loop owns all state; the other threads only send these.

use crate::runner::RunEnd;
use crate::tui::Ui;
use crate::tui::jobs::CheckStep;

pub enum Event {
    /// A key, a resize, a save (of the exercise at that index), a watcher note, or a signal.
    Ui(Ui),
    /// A run of one exercise ended. Only the newest generation is shown.
    RunDone {
        generation: u64,
        result: anyhow::Result<RunEnd>,
    },
    /// Checking all exercises made progress.
    CheckProgress { generation: u64, step: CheckStep },
    CheckDone {
        generation: u64,
        result: anyhow::Result<RunEnd>,
    },
    /// The background build of the kit's dependencies ended.
    WarmUpDone(anyhow::Result<bool>),
}

impl From<Ui> for Event {
    fn from(ui: Ui) -> Self {
        Event::Ui(ui)
    }
}
