//! A window onto lines taller than the room a screen has for them (compiler output, a model
//! answer): which lines show from a scroll position, where a key moves the position, and the
//! line that says where the window is. Pure: the screens call it with the terminal's size.

use colored::Colorize;

use super::terminal::{rows, rows_of};

/// What the line under a window says about the keys that scroll it (each screen with a window
/// binds them).
pub const KEYS: &str = "↑/↓ j/k a line, Space/b a page, g/G the ends";

/// A move of a cursor or a scroll position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// Where `at` goes on `step`, within `0..=last`; a page is `page` lines.
pub fn moved(at: usize, step: Move, last: usize, page: usize) -> usize {
    let page = page.max(1);
    match step {
        Move::Up => at.saturating_sub(1),
        Move::Down => at.saturating_add(1),
        Move::PageUp => at.saturating_sub(page),
        Move::PageDown => at.saturating_add(page),
        Move::Top => 0,
        Move::Bottom => last,
    }
    .min(last)
}

/// A screen's body whose head stays while the text under it scrolls (an exercise and its
/// result, a model answer).
pub struct Scrolled {
    pub head: Vec<String>,
    pub text: Vec<String>,
    /// The first line of the text to show.
    pub first: usize,
}

impl Scrolled {
    /// The window onto the text in the rows that the head, a blank line and a key bar of
    /// `key_rows` leave on a terminal of `width` x `height` (one fewer when not all of the text
    /// fits: that row says where the window is).
    pub fn window(&self, key_rows: usize, width: u16, height: u16) -> Window<'_> {
        let columns = usize::from(width.max(1));
        let room = usize::from(height).saturating_sub(rows_of(&self.head, columns) + 1 + key_rows);
        let whole = window(&self.text, self.first, columns, room);
        if whole.is_partial() {
            window(&self.text, self.first, columns, room.saturating_sub(1))
        } else {
            whole
        }
    }

    /// Where the position goes on `step`: no further than where the end of the text shows.
    pub fn moved(&self, step: Move, key_rows: usize, width: u16, height: u16) -> usize {
        let window = self.window(key_rows, width, height);
        moved(window.first, step, window.last_first, window.page())
    }

    /// The head, the window, and when not all of the text shows, where the window is.
    pub fn lines(&self, key_rows: usize, width: u16, height: u16) -> Vec<String> {
        let window = self.window(key_rows, width, height);
        let mut lines = self.head.clone();
        lines.extend_from_slice(window.shown);
        if window.is_partial() {
            let at = window.position(KEYS, width.into());
            lines.push(at.dimmed().to_string());
        }
        lines
    }
}

/// The part of some lines that a screen shows.
#[derive(Debug, PartialEq, Eq)]
pub struct Window<'a> {
    /// The lines shown.
    pub shown: &'a [String],
    /// The index of the first line shown.
    pub first: usize,
    /// The furthest the window can be scrolled: from this line on, the end shows.
    pub last_first: usize,
    /// How many lines there are in all.
    pub total: usize,
}

/// The window onto `lines` that starts at line `first` (or as near it as still fills the room)
/// and fits in `room` rows of `width` columns, a long line taking the rows it wraps onto.
pub fn window(lines: &[String], first: usize, width: usize, room: usize) -> Window<'_> {
    let room = room.max(1);
    // Back from the end, the first line from which the rest fits.
    let mut last_first = lines.len();
    let mut used = 0;
    while let Some(line) = last_first.checked_sub(1).map(|i| &lines[i]) {
        used += rows(line, width);
        if used > room {
            break;
        }
        last_first -= 1;
    }
    let last_first = last_first.min(lines.len().saturating_sub(1));
    let first = first.min(last_first);
    let mut end = first;
    let mut used = 0;
    // At least one line, even one taller than the room.
    while let Some(line) = lines.get(end) {
        used += rows(line, width);
        if used > room && end > first {
            break;
        }
        end += 1;
    }
    Window {
        shown: &lines[first..end],
        first,
        last_first,
        total: lines.len(),
    }
}

impl Window<'_> {
    /// Whether some lines are out of the window.
    pub fn is_partial(&self) -> bool {
        self.shown.len() < self.total
    }

    /// Lines a page up or down moves.
    pub fn page(&self) -> usize {
        self.shown.len().saturating_sub(1).max(1)
    }

    /// Where the window is (`lines 1–30 of 212, ↓ more`), and, where `width` leaves room for
    /// them, the keys that move it.
    pub fn position(&self, keys: &str, width: usize) -> String {
        let end = self.first + self.shown.len();
        let more = match (self.first > 0, end < self.total) {
            (true, true) => ", ↑↓ more",
            (false, true) => ", ↓ more",
            (true, false) => ", ↑ more",
            (false, false) => "",
        };
        let at = format!("lines {}–{end} of {}{more}", self.first + 1, self.total);
        let with_keys = format!("{at} · {keys}");
        if with_keys.chars().count() <= width {
            with_keys
        } else {
            at
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(count: usize) -> Vec<String> {
        (1..=count).map(|n| format!("line {n}")).collect()
    }

    #[test]
    fn the_window_shows_what_fits_from_the_position() {
        let lines = numbered(100);
        let top = window(&lines, 0, 80, 30);
        assert_eq!(top.shown, &lines[..30]);
        assert_eq!(top.last_first, 70);
        assert!(top.is_partial());
        assert_eq!(top.position("j/k", 80), "lines 1–30 of 100, ↓ more · j/k");

        let middle = window(&lines, 40, 80, 30);
        assert_eq!(middle.shown, &lines[40..70]);
        assert_eq!(
            middle.position("j/k", 80),
            "lines 41–70 of 100, ↑↓ more · j/k"
        );
    }

    #[test]
    fn a_position_past_the_end_shows_the_last_room_full() {
        let lines = numbered(100);
        let end = window(&lines, usize::MAX, 80, 30);
        assert_eq!(end.first, 70);
        assert_eq!(end.shown, &lines[70..]);
        assert_eq!(end.position("j/k", 80), "lines 71–100 of 100, ↑ more · j/k");
    }

    #[test]
    fn what_fits_whole_shows_whole_and_does_not_scroll() {
        let lines = numbered(5);
        let all = window(&lines, 3, 80, 30);
        assert_eq!(all.shown, &lines[..]);
        assert_eq!((all.first, all.last_first), (0, 0));
        assert!(!all.is_partial());
    }

    #[test]
    fn a_wrapped_line_takes_the_rows_it_wraps_onto() {
        // Ten columns: the 25-character line takes three rows.
        let lines: Vec<String> = ["a", &"b".repeat(25), "c", "d"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let top = window(&lines, 0, 10, 4);
        assert_eq!(top.shown, &lines[..2]);
        // From the end: d, c, then the long line would make five rows.
        assert_eq!(top.last_first, 2);
    }

    #[test]
    fn a_line_taller_than_the_room_is_still_shown() {
        let lines = vec!["x".repeat(50), "y".to_owned()];
        let top = window(&lines, 0, 10, 2);
        assert_eq!(top.shown, &lines[..1]);
    }

    #[test]
    fn the_keys_are_left_out_when_the_window_is_narrow() {
        let lines = numbered(100);
        let top = window(&lines, 0, 30, 30);
        assert_eq!(
            top.position("j/k ↑/↓ a line", 30),
            "lines 1–30 of 100, ↓ more"
        );
    }

    #[test]
    fn moves_stay_between_the_top_and_the_last_position() {
        assert_eq!(moved(0, Move::Up, 70, 29), 0);
        assert_eq!(moved(0, Move::Down, 70, 29), 1);
        assert_eq!(moved(60, Move::PageDown, 70, 29), 70);
        assert_eq!(moved(40, Move::PageUp, 70, 29), 11);
        assert_eq!(moved(40, Move::Top, 70, 29), 0);
        assert_eq!(moved(4, Move::Bottom, 70, 29), 70);
        assert_eq!(
            moved(90, Move::Up, 70, 29),
            70,
            "a stale position comes back in range"
        );
    }
}
