//! The interview's keys, one table per phase (see [`crate::tui::keymap`]).

use crate::tui::keymap::{Binding, Key, KeyMap};
use crate::tui::scroll::Move;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// End the interview (the scorecard keeps what was done).
    Quit,
    /// From the written answer on to the exercise.
    ToExercise,
    ToggleHint,
    Run,
    Skip,
    /// Scroll the result.
    Move(Move),
    /// From a question's verdict on to the next question (or the scorecard).
    Next,
}

const QUIT: Binding<Action> = Binding {
    keys: &[Key::Char('q'), Key::Ctrl('c')],
    action: Action::Quit,
    label: "q end the interview",
    help: "end the interview; the scorecard keeps what was done",
};

const fn scroll(keys: &'static [Key], step: Move, help: &'static str) -> Binding<Action> {
    Binding {
        keys,
        action: Action::Move(step),
        label: "",
        help,
    }
}

/// The keys that scroll a result too long for the window, as watch has them.
const SCROLL: [Binding<Action>; 6] = [
    scroll(&[Key::Char('j'), Key::Down], Move::Down, "a line down"),
    scroll(&[Key::Char('k'), Key::Up], Move::Up, "a line up"),
    scroll(
        &[Key::Char(' '), Key::PageDown],
        Move::PageDown,
        "a page down",
    ),
    scroll(&[Key::Char('b'), Key::PageUp], Move::PageUp, "a page up"),
    scroll(&[Key::Char('g'), Key::Home], Move::Top, "to the top"),
    scroll(&[Key::Char('G'), Key::End], Move::Bottom, "to the end"),
];

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
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    SCROLL[4],
    SCROLL[5],
]);

/// Once a question is over (solved, out of time or skipped), before the next.
pub static OVER: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Enter],
        action: Action::Next,
        label: "Enter: go on",
        help: "on to the next question, or the scorecard after the last",
    },
    QUIT,
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    SCROLL[4],
    SCROLL[5],
]);
