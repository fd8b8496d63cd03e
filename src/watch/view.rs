//! What the watch screen shows, as lines of text: built from the app's state and the terminal's
//! size, never changing either.

use colored::Colorize;

use super::{Activity, App, View, WarmUp};
use crate::kit::Source;
use crate::outcome::Status;
use crate::progress;
use crate::report;
use crate::tui::reflow::{labelled, reflow, wrap_each};
use crate::tui::scroll::Scrolled;
use crate::tui::terminal::Frame;

impl App {
    pub(super) fn screen(&self, width: u16, height: u16) -> Frame {
        let keys: Vec<String> = self
            .keys()
            .footer(width)
            .iter()
            .map(|l| l.dimmed().to_string())
            .collect();
        let text = match &self.view {
            View::Welcome => self.welcome(width),
            View::List { cursor } => self.list_view(*cursor, width, height),
            View::Explain {
                confirmed: false, ..
            } => self.explain_ask(width),
            View::AllDone => self.all_done_view(width),
            View::ResetAsk => {
                let mut lines = self.header(width);
                let file = self
                    .kit
                    .display_path(&self.kit.exercise_file(self.exercise()));
                lines.push(format!(
                    "Put {file} back as it was shipped? Your changes to it are lost."
                ));
                lines
            }
            View::Exercise | View::Explain { .. } => Vec::new(),
        };
        // A screen that scrolls fits its lines to the window itself; another is wrapped here.
        let mut body = match self.scrolling(width) {
            Some(scrolled) => scrolled.lines(keys.len(), width, height),
            None => wrap_each(&text, width.into()),
        };
        body.push(String::new());
        Frame { body, keys }
    }

    /// The screen shown, when it is one whose head stays while the text under it scrolls: the
    /// exercise and its result, the model answer.
    pub(super) fn scrolling(&self, width: u16) -> Option<Scrolled> {
        match &self.view {
            View::Exercise => {
                let (head, text) = self.exercise_parts(width);
                Some(Scrolled {
                    head,
                    text,
                    first: self.scroll,
                })
            }
            View::Explain {
                confirmed: true,
                scroll,
            } => {
                let (head, text) = self.answer_parts(width)?;
                Some(Scrolled {
                    head,
                    text,
                    first: *scroll,
                })
            }
            _ => None,
        }
    }

    fn welcome(&self, width: u16) -> Vec<String> {
        let mut lines = vec!["Welcome to rustprep!".bold().to_string()];
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
        lines
    }

    fn header(&self, width: u16) -> Vec<String> {
        let mut lines = Vec::new();
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
        let title = format!(
            "Exercise {position}/{total}: {} ({})",
            exercise.name,
            exercise.difficulty.label(),
        );
        let path = self.kit.display_path(&self.kit.exercise_file(exercise));
        let bold = |line: &str| line.replacen(&exercise.name, &exercise.name.bold().to_string(), 1);
        // The file on a line of its own when the window is too narrow for both.
        if title.chars().count() + 2 + path.chars().count() <= usize::from(width) {
            lines.push(format!("{}  {}", bold(&title), path.cyan()));
        } else {
            lines.extend(reflow(&title, width.into()).iter().map(|l| bold(l)));
            lines.push(path.cyan().to_string());
        }
        lines.push(String::new());
        lines
    }

    /// The exercise screen in two parts: what stays at the top (the exercise, what is going on,
    /// notices), and what scrolls: the hint and the last run's result, which may run to pages.
    fn exercise_parts(&self, width: u16) -> (Vec<String>, Vec<String>) {
        let mut lines = self.header(width);
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
            Activity::Checking => lines.extend(
                self.check
                    .as_ref()
                    .and_then(|check| check.progress(true, width)),
            ),
            Activity::Idle if self.slot.outcome().is_none() && self.options.manual => {
                lines.push("Manual mode: press r to check this exercise.".to_owned())
            }
            Activity::Idle => {}
        }
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
            let solution = self.kit.file_in(&Source::Solutions, exercise);
            lines.push(format!(
                "A reference solution to compare yours with: {}",
                self.kit.display_path(&solution).cyan()
            ));
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
        // The hint scrolls with the result: in a small window it would leave no room for it.
        let mut below = Vec::new();
        if self.show_hint {
            below = labelled("Hint:", &exercise.hint, width.into(), |l| {
                l.bold().cyan().to_string()
            });
            below.push(String::new());
        }
        if let Some(outcome) = self.slot.outcome() {
            let path = self.kit.display_path(&self.kit.exercise_file(exercise));
            let details = report::details(exercise, &path, outcome);
            below.extend(details.lines().map(str::to_owned));
        }
        (wrap_each(&lines, width.into()), below)
    }

    /// The question and its model answer, apart: the answer scrolls.
    fn answer_parts(&self, width: u16) -> Option<(Vec<String>, Vec<String>)> {
        let question = self.kit.list.question(self.exercise().question)?;
        let mut head = vec![
            format!("Question {}: {}", question.number, question.title)
                .bold()
                .to_string(),
        ];
        head.extend(reflow(question.ask.trim(), width.into()));
        head.push(String::new());
        head.push("A model answer".bold().to_string());
        Some((head, reflow(question.answer.trim(), width.into())))
    }

    fn explain_ask(&self, width: u16) -> Vec<String> {
        let Some((mut lines, _)) = self.answer_parts(width) else {
            return Vec::new();
        };
        lines.pop();
        lines.extend(reflow(
            &format!(
                "You have not solved {} yet, and the model answer may give its fix away. Show it anyway?",
                self.exercise().name
            ),
            width.into(),
        ));
        lines
    }

    fn all_done_view(&self, width: u16) -> Vec<String> {
        let mut lines = vec![
            progress::bar_line(self.done_count(), self.kit.list.exercises().len(), width),
            String::new(),
            "🎉 All exercises pass!".green().bold().to_string(),
        ];
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
        lines
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
