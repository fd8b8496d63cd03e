//! The terminal while watch runs: raw mode (single key presses), a hidden cursor, and whole-screen
//! redraws. Dropping the guard restores the terminal, on every way out including a panic.

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
        execute!(out, cursor::Hide)?;
        Ok(Self { out })
    }

    /// Width and height in cells.
    pub fn size(&self) -> (u16, u16) {
        terminal::size().unwrap_or((80, 24))
    }

    /// Replaces the screen with `lines` (which may carry ANSI colour). Lines past the height are
    /// cut, saying how many; the last line (the key bar) always stays.
    pub fn draw(&mut self, lines: &[String]) -> Result<()> {
        let (width, height) = self.size();
        let shown = fit(lines, usize::from(width.max(1)), usize::from(height.max(3)));
        queue!(
            self.out,
            terminal::BeginSynchronizedUpdate,
            cursor::MoveTo(0, 0),
            terminal::Clear(terminal::ClearType::All)
        )?;
        for (i, line) in shown.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b"\r\n")?;
            }
            self.out.write_all(line.as_bytes())?;
        }
        queue!(self.out, terminal::EndSynchronizedUpdate)?;
        self.out.flush()?;
        Ok(())
    }
}

/// The lines that fit in `height` rows of `width` columns, counting the rows a long line wraps
/// onto, so that the top of the screen never scrolls away. When some do not fit, the last line
/// (the key bar) stays, and a line above it says how many were left out.
fn fit(lines: &[String], width: usize, height: usize) -> Vec<Cow<'_, str>> {
    let rows = |line: &str| {
        let columns = strip_ansi_escapes::strip_str(line).chars().count();
        columns.div_ceil(width).max(1)
    };
    if lines.iter().map(|l| rows(l)).sum::<usize>() <= height {
        return lines.iter().map(|l| Cow::from(l.as_str())).collect();
    }
    let Some((last, body)) = lines.split_last() else {
        return Vec::new();
    };
    let room = height.saturating_sub(1 + rows(last));
    let mut used = 0;
    let mut shown: Vec<Cow<'_, str>> = Vec::new();
    for line in body {
        if used + rows(line) > room {
            break;
        }
        used += rows(line);
        shown.push(Cow::from(line.as_str()));
    }
    let hidden = body.len() - shown.len();
    shown.push(format!("… {hidden} more lines (make the window taller)").into());
    shown.push(Cow::from(last.as_str()));
    shown
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = execute!(self.out, cursor::Show);
        let _ = terminal::disable_raw_mode();
        let _ = self.out.write_all(b"\r\n");
        let _ = self.out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn what_fits_is_shown_whole() {
        let all = lines(&["a", "b", "keys"]);
        assert_eq!(fit(&all, 10, 3), vec!["a", "b", "keys"]);
    }

    #[test]
    fn wrapped_lines_count_as_the_rows_they_take() {
        // "aaaaaaaaaaaa" takes two rows of ten columns; with the note and the key bar that is
        // all four rows, so nothing else of the body fits.
        let all = lines(&["aaaaaaaaaaaa", "b", "c", "keys"]);
        assert_eq!(
            fit(&all, 10, 4),
            vec![
                "aaaaaaaaaaaa",
                "… 2 more lines (make the window taller)",
                "keys"
            ]
        );
    }

    #[test]
    fn colour_escapes_take_no_columns() {
        let all = lines(&["\u{1b}[31mred\u{1b}[0m", "keys"]);
        assert_eq!(fit(&all, 3, 2).len(), 2);
    }
}
