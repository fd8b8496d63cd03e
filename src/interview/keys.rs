//! The interview's keys, one table per phase (see [`crate::tui::keymap`]).

use crate::tui::keymap::{Binding, Key, KeyMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// End the interview (the scorecard keeps what was done).
    Quit,
    /// From the written answer on to the exercise.
    ToExercise,
    ToggleHint,
    Run,
    Skip,
}

const QUIT: Binding<Action> = Binding {
    keys: &[Key::Char('q'), Key::Ctrl('c')],
    action: Action::Quit,
    label: "q end the interview",
    help: "end the interview; the scorecard keeps what was done",
};

/// While the candidate writes the answer they would give out loud.
pub static ANSWER: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Enter],
        action: Action::ToExercise,
        label: "Enter: on to the exercise",
        help: "on to the exercise",
    },
    QUIT,
]);

/// While the candidate fixes the exercise.
pub static EXERCISE: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Char('h')],
        action: Action::ToggleHint,
        label: "h hint",
        help: "show or hide the hint (the scorecard notes it was used)",
    },
    Binding {
        keys: &[Key::Char('r')],
        action: Action::Run,
        label: "r re-run",
        help: "run the checks again",
    },
    Binding {
        keys: &[Key::Char('s')],
        action: Action::Skip,
        label: "s skip",
        help: "give up this question and go on to the next",
    },
    QUIT,
]);
