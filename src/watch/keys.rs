//! watch's keys, one table per screen (see [`crate::tui::keymap`]): what each key does, the
//! footer's words for it, and the README's key table.

use crate::tui::keymap::{Binding, Key, KeyMap};
use crate::tui::scroll::Move;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Leave the welcome screen.
    Start,
    ToggleHint,
    List,
    Next,
    Run,
    CheckAll,
    Explain,
    /// Move the list's cursor, or scroll.
    Move(Move),
    /// Open the exercise under the cursor.
    Open,
    Back,
    /// Show the model answer after all.
    Show,
    /// Ask to put the exercise back as shipped.
    Reset,
    /// Yes, put it back.
    ConfirmReset,
}

const QUIT: Binding<Action> = Binding {
    keys: &[Key::Char('q'), Key::Ctrl('c')],
    action: Action::Quit,
    label: "q quit",
    help: "quit (anything still running is stopped)",
};

const fn key(keys: &'static [Key], action: Action, help: &'static str) -> Binding<Action> {
    Binding {
        keys,
        action,
        label: "",
        help,
    }
}

/// The keys that scroll what is too long for the window (a line under it names them).
const SCROLL: [Binding<Action>; 6] = [
    key(
        &[Key::Char('j'), Key::Down],
        Action::Move(Move::Down),
        "scroll what is too long for the window (compiler errors, failed tests) a line down",
    ),
    key(
        &[Key::Char('k'), Key::Up],
        Action::Move(Move::Up),
        "a line up",
    ),
    key(
        &[Key::Char(' '), Key::PageDown],
        Action::Move(Move::PageDown),
        "a page down",
    ),
    key(
        &[Key::Char('b'), Key::PageUp],
        Action::Move(Move::PageUp),
        "a page up",
    ),
    key(
        &[Key::Char('g'), Key::Home],
        Action::Move(Move::Top),
        "to the top",
    ),
    key(
        &[Key::Char('G'), Key::End],
        Action::Move(Move::Bottom),
        "to the end",
    ),
];

pub static WELCOME: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Other],
        action: Action::Start,
        label: "Press any key to start",
        help: "start",
    },
    QUIT,
]);

/// The exercise screen (and the one shown when every exercise is done).
pub static EXERCISE: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Char('h')],
        action: Action::ToggleHint,
        label: "h hint",
        help: "show or hide the hint",
    },
    Binding {
        keys: &[Key::Char('l')],
        action: Action::List,
        label: "l list",
        help: "list all exercises by question; arrows and Enter to jump to one",
    },
    Binding {
        keys: &[Key::Char('n')],
        action: Action::Next,
        label: "n next",
        help: "next exercise not yet done",
    },
    Binding {
        keys: &[Key::Char('r')],
        action: Action::Run,
        label: "r re-run",
        help: "run the checks again",
    },
    Binding {
        keys: &[Key::Char('c')],
        action: Action::CheckAll,
        label: "c check all",
        help: "check every exercise: the list shows each one's verdict as it comes, then a summary",
    },
    Binding {
        keys: &[Key::Char('e')],
        action: Action::Explain,
        label: "e explain",
        help: "the question's model answer (asks first if you have not solved the exercise)",
    },
    Binding {
        keys: &[Key::Char('x')],
        action: Action::Reset,
        label: "x reset",
        help: "put the exercise back as shipped, losing your changes to it (asks first)",
    },
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    SCROLL[4],
    SCROLL[5],
    QUIT,
]);

/// Before putting the exercise back as shipped.
pub static RESET_ASK: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Char('y')],
        action: Action::ConfirmReset,
        label: "y put it back",
        help: "put the exercise back as shipped",
    },
    Binding {
        keys: &[Key::Other],
        action: Action::Back,
        label: "any other key: keep my changes",
        help: "back to the exercise",
    },
    QUIT,
]);

pub static LIST: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Move(Move::Up),
        label: "↑/↓ move",
        help: "the one above",
    },
    key(
        &[Key::Down, Key::Char('j')],
        Action::Move(Move::Down),
        "the one below",
    ),
    Binding {
        keys: &[Key::Enter],
        action: Action::Open,
        label: "Enter open",
        help: "open the exercise under the cursor",
    },
    Binding {
        keys: &[Key::Esc, Key::Char('l')],
        action: Action::Back,
        label: "Esc back",
        help: "back to the exercise",
    },
    QUIT,
    key(&[Key::PageUp], Action::Move(Move::PageUp), "ten up"),
    key(&[Key::PageDown], Action::Move(Move::PageDown), "ten down"),
    key(&[Key::Home], Action::Move(Move::Top), "the first"),
    key(&[Key::End], Action::Move(Move::Bottom), "the last"),
]);

/// The model answer, before the learner has said yes to seeing it.
pub static EXPLAIN_ASK: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Char('y')],
        action: Action::Show,
        label: "y show it",
        help: "show the model answer",
    },
    Binding {
        keys: &[Key::Other],
        action: Action::Back,
        label: "any other key: back",
        help: "back to the exercise",
    },
    QUIT,
]);

/// The model answer, shown.
pub static EXPLAIN: KeyMap<Action> = KeyMap(&[
    Binding {
        keys: &[Key::Other],
        action: Action::Back,
        label: "any other key: back",
        help: "back to the exercise",
    },
    QUIT,
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    SCROLL[4],
    SCROLL[5],
]);

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of the README's table under `| key | does |`.
    fn readme_key_table() -> Vec<(String, String)> {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("the README is readable");
        readme
            .lines()
            .skip_while(|l| l.trim() != "| key | does |")
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                let cells: Vec<&str> = l.trim().trim_matches('|').split(" | ").collect();
                (cells[0].trim().to_owned(), cells[1].trim().to_owned())
            })
            .collect()
    }

    #[test]
    fn the_readme_key_table_says_what_the_exercise_screen_does() {
        let ours: Vec<(String, String)> = EXERCISE
            .rows()
            .into_iter()
            .map(|(keys, help)| (keys, help.to_owned()))
            .collect();
        assert_eq!(readme_key_table(), ours);
    }

    #[test]
    fn every_screen_can_be_quit_or_left() {
        for map in [
            &WELCOME,
            &EXERCISE,
            &LIST,
            &EXPLAIN_ASK,
            &EXPLAIN,
            &RESET_ASK,
        ] {
            assert!(
                map.0.iter().any(|b| b.action == Action::Quit),
                "a screen without q: {:?}",
                map.footer(100)
            );
        }
    }
}
