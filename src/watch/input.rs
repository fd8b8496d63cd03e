//! What a key does on the watch screen: the key tables of [`super::keys`] give the action, and
//! this turns it into a change of view, a run, or a reset.

use crossterm::event::KeyEvent;

use super::keys::{self, Action};
use super::{App, Flow, View};
use crate::tui::keymap::KeyMap;

impl App {
    /// The keys of the screen shown now.
    pub(super) fn keys(&self) -> &'static KeyMap<Action> {
        match self.view {
            View::Welcome => &keys::WELCOME,
            View::List { .. } => &keys::LIST,
            View::Explain {
                confirmed: false, ..
            } => &keys::EXPLAIN_ASK,
            View::Explain {
                confirmed: true, ..
            } => &keys::EXPLAIN,
            View::Exercise | View::AllDone => &keys::EXERCISE,
            View::ResetAsk => &keys::RESET_ASK,
        }
    }

    pub(super) fn on_key(&mut self, key: KeyEvent) -> Flow {
        let Some(action) = self.keys().action(&key) else {
            return Flow::Continue;
        };
        if action == Action::Quit {
            return Flow::Quit;
        }
        // Scrolling the model answer stops at its last line, as the screen shows it now.
        let last_line = self.answer_lines().saturating_sub(1);
        let last = self.kit.list.exercises().len().saturating_sub(1);
        match (&mut self.view, action) {
            (View::Welcome, _) => {
                self.update_state(|s| s.welcomed = true);
                self.view = View::Exercise;
            }
            (_, Action::Back) => self.view = View::Exercise,
            (View::List { cursor }, Action::Open) => {
                let picked = *cursor;
                self.view = View::Exercise;
                self.switch_to(picked);
                self.start_run();
            }
            (View::List { cursor }, moved) => *cursor = Self::moved(*cursor, moved, last),
            (View::Explain { confirmed, scroll }, Action::Show) => {
                (*confirmed, *scroll) = (true, 0)
            }
            (View::Explain { scroll, .. }, moved) => {
                *scroll = Self::moved(*scroll, moved, last_line);
            }
            (View::ResetAsk, _) => {
                self.view = View::Exercise;
                self.reset();
            }
            (View::Exercise | View::AllDone, action) => match action {
                Action::ToggleHint => self.show_hint = !self.show_hint,
                Action::List => {
                    self.view = View::List {
                        cursor: self.current,
                    }
                }
                Action::Next => self.next(),
                Action::Run => {
                    self.start_run();
                    self.activity = super::Activity::Running { again: true };
                }
                Action::CheckAll => self.start_check(),
                Action::Reset => self.view = View::ResetAsk,
                Action::Explain => {
                    let done = self.state.done.contains(&self.exercise().name);
                    self.view = View::Explain {
                        confirmed: done,
                        scroll: 0,
                    };
                }
                _ => {}
            },
        }
        Flow::Continue
    }

    /// Puts the current exercise back as shipped and checks it again.
    pub(super) fn reset(&mut self) {
        let exercise = self.exercise().clone();
        self.notice = Some(match crate::shipped::restore(&self.kit, &exercise) {
            Ok(()) => {
                self.restored = true;
                format!("{} is back as it was shipped.", exercise.name)
            }
            Err(e) => format!("error: {e:#}"),
        });
        self.start_run();
    }

    /// A cursor or scroll position after a move, within 0..=last.
    pub(super) fn moved(at: usize, action: Action, last: usize) -> usize {
        match action {
            Action::Up => at.saturating_sub(1),
            Action::Down => (at + 1).min(last),
            Action::PageUp => at.saturating_sub(10),
            Action::PageDown => (at + 10).min(last),
            Action::Home => 0,
            Action::End => last,
            _ => at,
        }
    }

    /// How many lines the current question's model answer takes on the terminal as it is.
    pub(super) fn answer_lines(&self) -> usize {
        let width = crossterm::terminal::size().map_or(80, |(w, _)| w);
        self.kit
            .list
            .question(self.exercise().question)
            .map_or(0, |q| {
                crate::tui::reflow::reflow(q.answer.trim(), width.into()).len()
            })
    }
}
