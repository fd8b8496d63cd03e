//! What the interview screen shows, as lines of text built from the interviewer's state and the
//! terminal's size.

use colored::Colorize;

use super::{Ending, Interviewer, Phase, answer_file, record};
use crate::report;
use crate::tui::reflow::{labelled, reflow, wrap_each};
use crate::tui::scroll::Scrolled;
use crate::tui::terminal::Frame;

impl Interviewer {
    pub(super) fn screen(&self, width: u16, height: u16) -> Frame {
        let keys: Vec<String> = self
            .keys()
            .footer(width)
            .iter()
            .map(|l| l.dimmed().to_string())
            .collect();
        let mut body = self.scrolled(width).lines(keys.len(), width, height);
        body.push(String::new());
        Frame { body, keys }
    }

    /// The screen but its key bar: what stays at the top, and the last run's result, which may
    /// run to pages and scrolls.
    pub(super) fn scrolled(&self, width: u16) -> Scrolled {
        let mut lines = Vec::new();
        let item = &self.items[self.current.min(self.items.len() - 1)];
        let exercise = &self.kit.list.exercises()[item.exercise];
        let clock = match self.phase {
            Phase::Answer | Phase::Exercise => {
                let left = record::clock(self.remaining().as_secs());
                format!("⏱ {left} left").yellow().bold()
            }
            Phase::Over(Ending::Solved { seconds }) => {
                format!("✓ solved in {}", record::clock(seconds))
                    .green()
                    .bold()
            }
            Phase::Over(Ending::TimeUp) => "⏱ time's up".yellow().bold(),
            Phase::Over(Ending::Skipped) => "skipped".yellow().bold(),
        };
        lines.push(format!(
            "{}  {clock}",
            format!(
                "Mock interview: question {} of {}",
                self.current + 1,
                self.items.len()
            )
            .bold(),
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
        let path = self.scratch.join(&exercise.rel_path);
        let shown = self.kit.display_path(&path);
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
            }
            Phase::Over(ending) => lines.extend(self.verdict(ending, width)),
        }
        if let Some(notice) = &self.notice {
            lines.push(String::new());
            lines.push(notice.yellow().to_string());
        }
        let text = match (self.phase, self.slot.outcome()) {
            (Phase::Exercise | Phase::Over(_), Some(outcome)) => {
                let details = report::details(exercise, &shown, outcome);
                details.lines().map(str::to_owned).collect()
            }
            _ => Vec::new(),
        };
        Scrolled {
            head: wrap_each(&lines, width.into()),
            text,
            first: self.scroll,
        }
    }

    /// How the question ended, and what Enter does next.
    fn verdict(&self, ending: Ending, width: u16) -> Vec<String> {
        let said = match ending {
            Ending::Solved { seconds } => format!("✓ Solved in {}.", record::clock(seconds))
                .green()
                .bold(),
            Ending::TimeUp if self.slot.outcome().is_some() => {
                "⏱ Time's up: the exercise is not solved. Its last result is below."
                    .yellow()
                    .bold()
            }
            Ending::TimeUp => "⏱ Time's up: the exercise is not solved.".yellow().bold(),
            Ending::Skipped => "Skipped: the question counts as not solved."
                .yellow()
                .bold(),
        };
        let next = if self.current + 1 < self.items.len() {
            "the next question (its clock starts then)"
        } else {
            "the scorecard"
        };
        let mut lines = vec![said.to_string()];
        lines.extend(reflow(&format!("Press Enter for {next}."), width.into()));
        lines.push(String::new());
        lines
    }
}
