//! What the watch screen shows, as lines of text: built from the app's state, never changing it.

use colored::Colorize;

use super::{Activity, App, View, WarmUp};
use crate::outcome::Status;
use crate::progress;
use crate::report;
use crate::tui::reflow::{labelled, reflow};

impl App {
    pub(super) fn screen(&self, width: u16, height: u16) -> Vec<String> {
        let mut lines = Vec::new();
        match &self.view {
            View::Welcome => self.welcome(&mut lines, width),
            View::Exercise => self.exercise_view(&mut lines, width),
            View::List { cursor } => self.list_view(&mut lines, *cursor, height),
            View::Explain { confirmed, scroll } => {
                self.explain(&mut lines, *confirmed, *scroll, width)
            }
            View::AllDone => self.all_done_view(&mut lines, width),
            View::ResetAsk => {
                self.header(&mut lines, width);
                let file = self
                    .kit
                    .display_path(&self.kit.exercise_file(self.exercise()));
                lines.extend(reflow(
                    &format!("Put {file} back as it was shipped? Your changes to it are lost."),
                    width.into(),
                ));
            }
        }
        lines.push(String::new());
        lines.push(self.footer());
        // Every entry must be one screen line: raw mode needs "\r\n" between them.
        lines
            .iter()
            .flat_map(|l| l.split('\n').map(str::to_owned).collect::<Vec<_>>())
            .collect()
    }

    fn footer(&self) -> String {
        self.keys().footer().dimmed().to_string()
    }

    fn welcome(&self, lines: &mut Vec<String>, width: u16) {
        lines.push("Welcome to rustprep!".bold().to_string());
        if let Some(message) = &self.kit.settings.welcome_message {
            lines.extend(reflow(message.trim(), width.into()));
        }
        lines.push(String::new());
        lines.push(format!(
            "Your first exercise is {}.",
            self.kit
                .display_path(&self.kit.exercise_file(self.exercise()))
                .bold()
        ));
    }

    fn header(&self, lines: &mut Vec<String>, width: u16) {
        let exercise = self.exercise();
        if let Some(q) = self.kit.list.question(exercise.question) {
            lines.push(
                format!("Question {}: {}", q.number, q.title)
                    .bold()
                    .to_string(),
            );
            let ask = reflow(q.ask.trim(), width.into());
            lines.extend(ask.iter().map(|l| l.dimmed().to_string()));
        }
        lines.push(progress::bar_line(
            self.done_count(),
            self.kit.list.exercises().len(),
            width,
        ));
        lines.push(String::new());
        let position = self.current + 1;
        let total = self.kit.list.exercises().len();
        lines.push(format!(
            "Exercise {position}/{total}: {} ({})  {}",
            exercise.name.bold(),
            exercise.difficulty.label(),
            self.kit
                .display_path(&self.kit.exercise_file(exercise))
                .cyan()
        ));
        lines.push(String::new());
    }

    fn exercise_view(&self, lines: &mut Vec<String>, width: u16) {
        self.header(lines, width);
        let exercise = self.exercise();
        match &self.activity {
            Activity::Running { again } => lines.push(
                if *again {
                    "⟳ Checking again…"
                } else if self.slot.is_stale() {
                    "⟳ Checking your latest save… (the result below is from the one before)"
                } else {
                    "⟳ Compiling and running the hidden tests…"
                }
                .yellow()
                .to_string(),
            ),
            Activity::Checking { done, total } => lines.push(progress::labelled_bar(
                "⟳ Checking all exercises",
                "checked",
                *done,
                *total,
                width,
            )),
            Activity::Idle if self.slot.outcome().is_none() && self.options.manual => {
                lines.push("Manual mode: press r to check this exercise.".to_owned())
            }
            Activity::Idle => {}
        }
        // Short things first; the outcome's details (rustc's errors can run to pages) come last,
        // where cutting them to the window's height hides nothing else.
        if self
            .slot
            .outcome()
            .is_some_and(|o| o.status == Status::Pass)
        {
            lines.push(format!(
                "{} Press {} for the next exercise, or {} to read the model answer.",
                "Well done!".green().bold(),
                "n".bold(),
                "e".bold()
            ));
        }
        if self.show_hint {
            lines.extend(labelled("Hint:", &exercise.hint, width.into(), |l| {
                l.bold().cyan().to_string()
            }));
            lines.push(String::new());
        }
        match &self.warm_up {
            WarmUp::Building(_) => lines.push(
                "(building the kit's dependencies, such as tokio, in the background)"
                    .dimmed()
                    .to_string(),
            ),
            WarmUp::Failed(e) => lines.push(
                format!("building the dependencies failed: {e}")
                    .red()
                    .to_string(),
            ),
            WarmUp::NotNeeded | WarmUp::Ready => {}
        }
        if let Some(notice) = &self.notice {
            lines.push(notice.yellow().to_string());
        }
        if let Some(outcome) = self.slot.outcome() {
            let path = self.kit.display_path(&self.kit.exercise_file(exercise));
            lines.push(report::details(exercise, &path, outcome));
        }
    }

    fn list_view(&self, lines: &mut Vec<String>, cursor: usize, height: u16) {
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
                let mark = if self.state.done.contains(&e.name) {
                    "✓".green()
                } else {
                    "·".normal()
                };
                let pointer = if i == cursor { "›" } else { " " };
                let current = if i == self.current {
                    " (current)".dimmed().to_string()
                } else {
                    String::new()
                };
                let name = if i == cursor {
                    e.name.reversed()
                } else {
                    e.name.normal()
                };
                if i == cursor {
                    cursor_row = rows.len();
                }
                rows.push(format!(" {pointer} {mark} {name}{current}"));
            }
        }
        // Keep the cursor on screen: show a window of rows around it.
        let room = usize::from(height).saturating_sub(4).max(3);
        let start = cursor_row
            .saturating_sub(room / 2)
            .min(rows.len().saturating_sub(room));
        lines.extend(rows.into_iter().skip(start).take(room));
    }

    fn explain(&self, lines: &mut Vec<String>, confirmed: bool, scroll: usize, width: u16) {
        let exercise = self.exercise();
        let Some(question) = self.kit.list.question(exercise.question) else {
            return;
        };
        lines.push(
            format!("Question {}: {}", question.number, question.title)
                .bold()
                .to_string(),
        );
        lines.extend(reflow(question.ask.trim(), width.into()));
        lines.push(String::new());
        if confirmed {
            let answer = reflow(question.answer.trim(), width.into());
            let first = scroll.min(answer.len().saturating_sub(1));
            let heading = if first == 0 {
                "A model answer".to_owned()
            } else {
                format!("A model answer (from line {})", first + 1)
            };
            lines.push(heading.bold().to_string());
            lines.extend(answer.into_iter().skip(first));
        } else {
            lines.push(format!(
                "You have not solved {} yet, and the model answer may give its fix away. Show it anyway?",
                exercise.name.bold()
            ));
        }
    }

    fn all_done_view(&self, lines: &mut Vec<String>, width: u16) {
        lines.push(progress::bar_line(
            self.done_count(),
            self.kit.list.exercises().len(),
            width,
        ));
        lines.push(String::new());
        lines.push("🎉 All exercises pass!".green().bold().to_string());
        if let Some(message) = &self.kit.settings.final_message {
            lines.extend(reflow(message.trim(), width.into()));
        }
        lines.push(format!(
            "The reference solutions are in {}/.",
            self.kit
                .display_path(&crate::layout::solutions_dir(&self.kit.root))
                .bold()
        ));
        if let Some(notice) = &self.notice {
            lines.push(notice.yellow().to_string());
        }
    }

    fn done_count(&self) -> usize {
        self.kit
            .list
            .exercises()
            .iter()
            .filter(|e| self.state.done.contains(&e.name))
            .count()
    }
}
