//! The terminal while a full-screen command runs: the alternate screen (so that redraws never reach
//! the scrollback, and what the terminal showed before is back afterwards), raw mode (single key
//! presses), a hidden cursor, and whole-screen redraws. Dropping the guard restores the terminal,
//! on every way out including a panic.

use std::borrow::Cow;
use std::io::{Stdout, Write, stdout};

use anyhow::Result;
use crossterm::{cursor, execute, queue, terminal};

pub struct Terminal {
    out: Stdout,
}

impl Terminal {
    pub fn enter() -> Result<Self> {
        terminal::enable_raw_mode()?;
        let mut out = stdout();
        // Clearing the main screen pushes what it showed into the scrollback in tmux (its
        // scroll-on-clear option, on by default) and other terminals: a copy at every redraw.
        // The alternate screen has no scrollback.
        execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
        Ok(Self { out })
    }

    /// Width and height in cells.
    pub fn size(&self) -> (u16, u16) {
        terminal::size().unwrap_or((80, 24))
    }

    /// Replaces the screen with `frame` (which may carry ANSI colour). Body lines past the height
    /// are cut, saying how many; the key bar always stays. The frame goes to the terminal whole (in
    /// two writes: `Stdout` writes up to the last line break at once and the rest at the flush),
    /// not a line at a time as it flushes lines written one by one.
    pub fn draw(&mut self, frame: &Frame) -> Result<()> {
        let (width, height) = self.size();
        let shown = fit(frame, usize::from(width.max(1)), usize::from(height.max(3)));
        let mut bytes = Vec::with_capacity(shown.iter().map(|l| l.len() + 2).sum::<usize>() + 32);
        queue!(
            bytes,
            terminal::BeginSynchronizedUpdate,
            cursor::MoveTo(0, 0),
            terminal::Clear(terminal::ClearType::All)
        )?;
        for (i, line) in shown.iter().enumerate() {
            if i > 0 {
                bytes.extend_from_slice(b"\r\n");
            }
            bytes.extend_from_slice(line.as_bytes());
        }
        queue!(bytes, terminal::EndSynchronizedUpdate)?;
        self.out.write_all(&bytes)?;
        self.out.flush()?;
        Ok(())
    }
}

/// What a full-screen command shows: its body, then the key bar (one line, or more in a narrow
/// window), which stays at the bottom however much of the body is cut. Every line is one line
/// of text (it may wrap onto more rows).
#[derive(Debug, Default)]
pub struct Frame {
    pub body: Vec<String>,
    pub keys: Vec<String>,
}

/// How many rows of `width` columns `line` takes (colour escapes take none).
pub fn rows(line: &str, width: usize) -> usize {
    let columns = strip_ansi_escapes::strip_str(line).chars().count();
    columns.div_ceil(width.max(1)).max(1)
}

/// The rows a set of lines takes.
pub fn rows_of(lines: &[String], width: usize) -> usize {
    lines.iter().map(|l| rows(l, width)).sum()
}

/// The lines that fit in `height` rows of `width` columns, counting the rows a long line wraps
/// onto, so that the top of the screen never scrolls away. When some do not fit, the key bar
/// stays, and a line above it says how many were left out.
fn fit(frame: &Frame, width: usize, height: usize) -> Vec<Cow<'_, str>> {
    let all = || frame.body.iter().chain(&frame.keys);
    if rows_of(&frame.body, width) + rows_of(&frame.keys, width) <= height {
        return all().map(|l| Cow::from(l.as_str())).collect();
    }
    let room = height.saturating_sub(1 + rows_of(&frame.keys, width));
    let mut used = 0;
    let mut shown: Vec<Cow<'_, str>> = Vec::new();
    for line in &frame.body {
        if used + rows(line, width) > room {
            break;
        }
        used += rows(line, width);
        shown.push(Cow::from(line.as_str()));
    }
    let hidden = frame.body.len() - shown.len();
    // One row, however narrow the window: a second would push the top off the screen.
    let note = format!("… {hidden} more lines (make the window taller)");
    let note = if note.chars().count() <= width {
        note
    } else {
        format!("… {hidden} more")
    };
    shown.push(note.into());
    shown.extend(frame.keys.iter().map(|l| Cow::from(l.as_str())));
    shown
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = execute!(self.out, cursor::Show, terminal::LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &[&str], keys: &str) -> Frame {
        Frame {
            body: body.iter().map(|t| t.to_string()).collect(),
            keys: vec![keys.to_owned()],
        }
    }

    #[test]
    fn what_fits_is_shown_whole() {
        assert_eq!(
            fit(&frame(&["a", "b"], "keys"), 10, 3),
            vec!["a", "b", "keys"]
        );
    }

    #[test]
    fn wrapped_lines_count_as_the_rows_they_take() {
        // "aaaaaaaaaaaa" takes two rows of ten columns; with the note and the key bar that is
        // all four rows, so nothing else of the body fits.
        let all = frame(&["aaaaaaaaaaaa", "b", "c"], "keys");
        assert_eq!(fit(&all, 10, 4), vec!["aaaaaaaaaaaa", "… 2 more", "keys"]);
    }

    #[test]
    fn a_key_bar_of_two_lines_stays_whole() {
        let mut all = frame(&["a", "b", "c"], "h hint");
        all.keys.push("q quit".to_owned());
        assert_eq!(fit(&all, 10, 4), vec!["a", "… 2 more", "h hint", "q quit"]);
    }

    #[test]
    fn the_note_is_short_where_the_window_is_narrow() {
        let all = frame(&["a", "b", "c", "d"], "keys");
        assert_eq!(
            fit(&all, 80, 3),
            vec!["a", "… 3 more lines (make the window taller)", "keys"]
        );
        assert_eq!(fit(&all, 12, 3), vec!["a", "… 3 more", "keys"]);
    }

    #[test]
    fn colour_escapes_take_no_columns() {
        assert_eq!(rows("\u{1b}[31mred\u{1b}[0m", 3), 1);
    }
}
