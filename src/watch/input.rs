//! What a key does on the watch screen: the key tables of [`super::keys`] give the action, and
//! this turns it into a change of view, a run, or a reset.

use crossterm::event::KeyEvent;

use super::keys::{self, Action};
use super::{App, Flow, View};
use crate::tui::keymap::KeyMap;
use crate::tui::scroll::{self, Move};

/// Rows a page up or down moves the list's cursor.
const LIST_PAGE: usize = 10;

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
        if let Action::Move(step) = action {
            self.on_move(step);
            return Flow::Continue;
        }
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
            (View::Explain { confirmed, scroll }, Action::Show) => {
                (*confirmed, *scroll) = (true, 0)
            }
            (View::ResetAsk, _) => {
                self.view = View::Exercise;
                self.reset();
            }
            (View::Exercise | View::AllDone, action) => match action {
                Action::ToggleHint => {
                    self.show_hint = !self.show_hint;
                    // The hint is at the top of what scrolls.
                    self.scroll = 0;
                }
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
            _ => {}
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

    /// Moves the list's cursor, or scrolls the text of the screen shown: no further than where
    /// its end shows on the terminal as it is now.
    fn on_move(&mut self, step: Move) {
        let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
        let key_rows = self.keys().footer(width).len();
        let scrolled = self
            .scrolling(width)
            .map(|s| s.moved(step, key_rows, width, height));
        let last = self.kit.list.exercises().len().saturating_sub(1);
        match (&mut self.view, scrolled) {
            (View::List { cursor }, _) => *cursor = scroll::moved(*cursor, step, last, LIST_PAGE),
            (View::Explain { scroll, .. }, Some(to)) => *scroll = to,
            (View::Exercise, Some(to)) => self.scroll = to,
            _ => {}
        }
    }
}
