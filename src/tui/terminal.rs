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
        let (_, height) = self.size();
        let height = usize::from(height.max(3));
        let mut shown: Vec<Cow<'_, str>> = lines.iter().map(|l| Cow::from(l.as_str())).collect();
        if shown.len() > height {
            let last = shown.pop().unwrap_or_default();
            let hidden = shown.len() - (height - 2);
            shown.truncate(height - 2);
            shown.push(format!("… {hidden} more lines (make the window taller)").into());
            shown.push(last);
        }
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

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = execute!(self.out, cursor::Show);
        let _ = terminal::disable_raw_mode();
        let _ = self.out.write_all(b"\r\n");
        let _ = self.out.flush();
    }
}
