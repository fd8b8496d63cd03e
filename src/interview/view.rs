//! What the interview screen shows, as lines of text built from the interviewer's state.

use colored::Colorize;

use super::{Interviewer, Phase, answer_file, record};
use crate::report;
use crate::tui::reflow::{labelled, reflow};

impl Interviewer {
    pub(super) fn screen(&self, width: u16) -> Vec<String> {
        let mut lines = Vec::new();
        let item = &self.items[self.current.min(self.items.len() - 1)];
        let exercise = &self.kit.list.exercises()[item.exercise];
        let left = record::clock(self.remaining().as_secs());
        lines.push(format!(
            "{}  {}",
            format!(
                "Mock interview: question {} of {}",
                self.current + 1,
                self.items.len()
            )
            .bold(),
            format!("⏱ {left} left").yellow().bold()
        ));
        lines.push(String::new());
        if let Some(q) = self.kit.list.question(item.question) {
            lines.push(
                format!("Question {}: {}", q.number, q.title)
                    .bold()
                    .to_string(),
            );
            lines.extend(reflow(&format!("“{}”", q.ask.trim()), width.into()));
        }
        lines.push(String::new());
        match self.phase {
            Phase::Answer => {
                lines.push(
                    "Step 1 of 2: answer as you would out loud."
                        .bold()
                        .to_string(),
                );
                lines.push("Write your answer in this file (it is kept):".to_owned());
                let answer = answer_file(&self.session, item.question);
                lines.push(format!("  {}", self.kit.display_path(&answer).cyan()));
                lines.push(format!("then press {} for the exercise.", "Enter".bold()));
            }
            Phase::Exercise => {
                let path = self.scratch.join(&exercise.rel_path);
                let shown = self.kit.display_path(&path);
                lines.push("Step 2 of 2: prove it in code.".bold().to_string());
                lines.push(
                    "Fix this fresh copy and save it (your practice files are untouched):"
                        .to_owned(),
                );
                lines.push(format!("  {}", shown.cyan()));
                lines.push(String::new());
                if self.slot.is_running() {
                    lines.push(
                        "⟳ Compiling and running the hidden tests…"
                            .yellow()
                            .to_string(),
                    );
                }
                if self.show_hint {
                    lines.extend(labelled("Hint:", &exercise.hint, width.into(), |l| {
                        l.bold().cyan().to_string()
                    }));
                }
                // Last, so that cutting long compiler output to the window hides nothing else.
                if let Some(outcome) = self.slot.outcome() {
                    lines.push(report::details(exercise, &shown, outcome));
                }
            }
        }
        if let Some(notice) = &self.notice {
            lines.push(String::new());
            lines.push(notice.yellow().to_string());
        }
        lines.push(String::new());
        lines.push(self.keys().footer().dimmed().to_string());
        lines
            .iter()
            .flat_map(|l| l.split('\n').map(str::to_owned).collect::<Vec<_>>())
            .collect()
    }
}
