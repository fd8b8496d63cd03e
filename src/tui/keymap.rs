//! Keys as data, as bacon does: each screen has one table pairing its keys with an action, the
//! footer's label and a line of help. The table drives the dispatch, the footer and the README's
//! key table (a test checks that the README says what the table does).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as a table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// The letter with Ctrl held.
    Ctrl(char),
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    /// Any key that no other binding of the table claims.
    Other,
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Char(c) => !ctrl && event.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Up => event.code == KeyCode::Up,
            Key::Down => event.code == KeyCode::Down,
            Key::PageUp => event.code == KeyCode::PageUp,
            Key::PageDown => event.code == KeyCode::PageDown,
            Key::Home => event.code == KeyCode::Home,
            Key::End => event.code == KeyCode::End,
            Key::Enter => event.code == KeyCode::Enter,
            Key::Esc => event.code == KeyCode::Esc,
            Key::Other => true,
        }
    }

    /// How the README's key table writes it: `h`, Ctrl-C, Enter.
    pub fn written(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_owned(),
            Key::Char(c) => format!("`{c}`"),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Up => "↑".to_owned(),
            Key::Down => "↓".to_owned(),
            Key::PageUp => "PgUp".to_owned(),
            Key::PageDown => "PgDn".to_owned(),
            Key::Home => "Home".to_owned(),
            Key::End => "End".to_owned(),
            Key::Enter => "Enter".to_owned(),
            Key::Esc => "Esc".to_owned(),
            Key::Other => "any other key".to_owned(),
        }
    }
}

/// One line of a screen's table.
#[derive(Clone, Copy)]
pub struct Binding<A: 'static> {
    pub keys: &'static [Key],
    pub action: A,
    /// The footer's words for it (`h hint`); empty: not in the footer.
    pub label: &'static str,
    /// What it does, for the README and help.
    pub help: &'static str,
}

/// A screen's keys. A key is claimed by the first binding that names it, and only when none
/// does by a binding of [`Key::Other`]: so the table's order is the footer's.
pub struct KeyMap<A: 'static>(pub &'static [Binding<A>]);

impl<A: Copy> KeyMap<A> {
    /// The action of the binding that claims `key`.
    pub fn action(&self, key: &KeyEvent) -> Option<A> {
        let named = |b: &&Binding<A>| b.keys.iter().any(|k| *k != Key::Other && k.matches(key));
        let other = |b: &&Binding<A>| b.keys.contains(&Key::Other);
        self.0
            .iter()
            .find(named)
            .or_else(|| self.0.iter().find(other))
            .map(|b| b.action)
    }

    /// The footer: every labelled binding, in table order, on as many lines of `width` columns
    /// as it takes, broken between labels (never inside one).
    pub fn footer(&self, width: u16) -> Vec<String> {
        let width = usize::from(width);
        let mut lines: Vec<String> = Vec::new();
        for label in self.0.iter().map(|b| b.label).filter(|l| !l.is_empty()) {
            match lines.last_mut() {
                Some(line) if line.chars().count() + 3 + label.chars().count() <= width => {
                    line.push_str(" · ");
                    line.push_str(label);
                }
                _ => lines.push(label.to_owned()),
            }
        }
        lines
    }

    /// The bindings as (keys as written, help) rows.
    pub fn rows(&self) -> Vec<(String, &'static str)> {
        self.0
            .iter()
            .map(|b| {
                let keys: Vec<String> = b.keys.iter().map(|k| k.written()).collect();
                (keys.join(", "), b.help)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Act {
        Quit,
        Back,
    }

    static MAP: KeyMap<Act> = KeyMap(&[
        Binding {
            keys: &[Key::Other],
            action: Act::Back,
            label: "any other key: back",
            help: "back",
        },
        Binding {
            keys: &[Key::Char('q'), Key::Ctrl('c')],
            action: Act::Quit,
            label: "q quit",
            help: "quit",
        },
    ]);

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn a_named_key_wins_over_any_other_key() {
        assert_eq!(
            MAP.action(&key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Act::Quit)
        );
        assert_eq!(
            MAP.action(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Act::Quit)
        );
        assert_eq!(
            MAP.action(&key(KeyCode::Char('c'), KeyModifiers::NONE)),
            Some(Act::Back),
            "c without Ctrl is another key"
        );
        assert_eq!(MAP.footer(80), ["any other key: back · q quit"]);
        assert_eq!(MAP.rows()[1], ("`q`, Ctrl-C".to_owned(), "quit"));
    }

    #[test]
    fn a_narrow_footer_breaks_between_labels() {
        assert_eq!(MAP.footer(26), ["any other key: back", "q quit"]);
    }
}
