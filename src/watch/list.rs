//! The list of exercises by question (`l`, and `c` as it checks them): a window of rows around
//! the cursor, each exercise's verdict once `c` has one, and the check's summary after the list.

use colored::Colorize;

use super::{Activity, App};
use crate::outcome::Status;
use crate::report;
use crate::tui::reflow::reflow;
use crate::tui::terminal::rows_of;

impl App {
    /// Every exercise by question, a window of them around the cursor; with a check going on or
    /// done, how far it got, each exercise's verdict, and the summary after the list.
    pub(super) fn list_view(&self, cursor: usize, width: u16, height: u16) -> Vec<String> {
        let check = self.check.as_ref();
        let mut lines: Vec<String> = check
            .and_then(|c| c.progress(matches!(self.activity, Activity::Checking), width))
            .into_iter()
            .collect();
        lines.push("Exercises".bold().to_string());
        let mut rows: Vec<String> = Vec::new();
        let mut cursor_row = 0;
        for question in self.kit.list.questions() {
            rows.push(
                format!("Q{} {}", question.number, question.title)
                    .bold()
                    .to_string(),
            );
            for (i, e) in self.kit.list.exercises().iter().enumerate() {
                if e.question != question.number {
                    continue;
                }
                let verdict = check.and_then(|c| c.status(i));
                let mark = match verdict {
                    Some(Status::Pass) => "✓".green(),
                    Some(_) => "✗".red(),
                    None if self.state.done.contains(&e.name) => "✓".green(),
                    None => "·".normal(),
                };
                let pointer = if i == cursor { "›" } else { " " };
                // A row is one line: a row that wrapped would push the cursor's off the screen.
                // So a name too long for the window is cut, and the verdict and "(current)"
                // each come only where there is room for them.
                let room = usize::from(width).saturating_sub(5);
                let name: String = if e.name.chars().count() > room {
                    let kept: String = e.name.chars().take(room.saturating_sub(1)).collect();
                    format!("{kept}…")
                } else {
                    e.name.clone()
                };
                let mut room = room.saturating_sub(name.chars().count());
                let name = if i == cursor {
                    name.reversed()
                } else {
                    name.normal()
                };
                let mut row = format!(" {pointer} {mark} {name}");
                let said = verdict.filter(|s| *s != Status::Pass).map(|status| {
                    (
                        format!("  {}", report::status_word(status)),
                        2 + status.label().chars().count(),
                    )
                });
                let current = (i == self.current)
                    .then(|| (" (current)".dimmed().to_string(), " (current)".len()));
                for (extra, columns) in [said, current].into_iter().flatten() {
                    if columns <= room {
                        row.push_str(&extra);
                        room -= columns;
                    }
                }
                if i == cursor {
                    cursor_row = rows.len();
                }
                rows.push(row);
            }
        }
        let after: Vec<String> = check
            .and_then(|c| c.summary())
            .map(|summary| reflow(&summary, width.into()))
            .unwrap_or_default();
        // Keep the cursor on screen: show a window of rows around it.
        let columns = usize::from(width.max(1));
        let keys = self.keys().footer(width).len();
        let room = usize::from(height)
            .saturating_sub(rows_of(&lines, columns) + rows_of(&after, columns) + 1 + keys)
            .max(3);
        let start = cursor_row
            .saturating_sub(room / 2)
            .min(rows.len().saturating_sub(room));
        lines.extend(rows.into_iter().skip(start).take(room));
        lines.extend(after);
        lines
    }
}
