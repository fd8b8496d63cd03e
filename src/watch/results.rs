//! What a finished run changes: the progress on disk, the outcome shown, and, with
//! `--auto-next`, the exercise.

use std::sync::Arc;

use super::{App, Check, View};
use crate::outcome::Outcome;
use crate::state::State;

impl App {
    /// Takes the result of a run of the current exercise.
    pub(super) fn record(&mut self, outcome: Outcome) {
        let passed = outcome.passed();
        let name = self.exercise().name.clone();
        let marked = name.clone();
        self.update_state(move |s| s.mark(&marked, passed));
        if let Some(check) = &mut self.check {
            check.set(self.current, outcome.status);
        }
        self.slot.set_outcome(outcome);
        self.scroll = 0;
        if passed && self.options.auto_next {
            if self.all_done() {
                self.view = View::AllDone;
            } else {
                self.next();
                self.notice = Some(format!("✓ {name} passed; on to the next exercise."));
            }
        } else if passed && self.all_done() {
            self.view = View::AllDone;
        }
    }

    /// Takes the result of a check of every exercise: the progress, the verdicts the list shows
    /// and the summary after it, and the current exercise's outcome.
    pub(super) fn record_check(&mut self, results: Vec<(usize, Outcome)>) {
        let kit = Arc::clone(&self.kit);
        let exercises = kit.list.exercises();
        let marks: Vec<(String, bool)> = results
            .iter()
            .map(|(index, outcome)| (exercises[*index].name.clone(), outcome.passed()))
            .collect();
        self.update_state(move |s| {
            for (name, passed) in &marks {
                s.mark(name, *passed);
            }
        });
        let mut check = self
            .check
            .take()
            .unwrap_or_else(|| Check::new(exercises.len()));
        for (index, outcome) in results {
            check.set(index, outcome.status);
            if index == self.current {
                self.slot.set_outcome(outcome);
                self.scroll = 0;
            }
        }
        check.finish();
        self.notice = check.summary();
        self.check = Some(check);
        if self.all_done() && !matches!(self.view, View::List { .. }) {
            self.view = View::AllDone;
        }
    }

    /// Changes the progress here at once, and on disk once the screen shows the change
    /// ([`App::save_progress`]): a save flushes two files to the disk, and the verdict need
    /// not wait for it.
    pub(super) fn update_state(&mut self, change: impl Fn(&mut State) + 'static) {
        change(&mut self.state);
        self.unsaved.push(Box::new(change));
    }

    /// Saves the changes made to the progress since the last save; what other rustprep
    /// commands saved in the meantime comes in too. `true` when the screen must be drawn again.
    pub(super) fn save_progress(&mut self) -> bool {
        if self.unsaved.is_empty() {
            return false;
        }
        let changes = std::mem::take(&mut self.unsaved);
        match State::update(&self.kit, |s| changes.iter().for_each(|change| change(s))) {
            Ok(state) => {
                let changed = state != self.state;
                self.state = state;
                changed
            }
            Err(e) => {
                // Tried again with the next save of the progress.
                self.unsaved = changes;
                self.notice = Some(format!("could not save your progress: {e:#}"));
                true
            }
        }
    }
}
