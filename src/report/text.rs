//! Outcomes as text for people: one exercise in detail (as `run` and `watch` show it) and the
//! table `verify` prints. Pure functions from data to strings; the callers decide where to print.

use std::fmt::Write as _;

use colored::Colorize;

use super::Graded;
use crate::exercise::Exercise;
use crate::outcome::{MiriCheck, Note, Outcome, Status, TestStatus};
use crate::style;

/// Messages longer than this many lines are cut in the terminal view.
const MESSAGE_LINES: usize = 40;
/// Characters shown of one line of a message in the terminal view.
const LINE_CHARS: usize = 300;

pub fn status_word(status: Status) -> colored::ColoredString {
    let label = status.label();
    match status {
        Status::Pass => label.green().bold(),
        Status::Fail => label.red().bold(),
        Status::Rule => label.red().bold(),
        Status::CompileError => label.red().bold(),
        Status::Timeout => label.yellow().bold(),
        Status::Crash => label.magenta().bold(),
    }
}

/// The full story of one run: diagnostics, then each test, then a closing line.
pub fn details(exercise: &Exercise, path: &str, outcome: &Outcome) -> String {
    let mut out = String::new();
    if !outcome.diagnostics.is_empty() {
        out.push_str(&style::ansi(&outcome.diagnostics));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    if let Some(note) = &outcome.note {
        let note = super::note_text(note, exercise, &crate::invocation::command);
        let _ = writeln!(out, "{}", note.yellow());
    }
    for breach in &outcome.breaches {
        let (what, why) = super::breach_text(breach);
        let _ = writeln!(out, "  {} {what}\n      {why}", "✗".red());
    }
    for test in &outcome.tests {
        let (mark, word) = match test.status {
            TestStatus::Passed => ("✓".green(), "".normal()),
            TestStatus::Failed => ("✗".red(), "failed".red()),
            TestStatus::DidNotFinish => ("⏱".yellow(), "did not finish".yellow()),
            TestStatus::Crashed => ("✗".magenta(), "crashed".magenta()),
            TestStatus::NoReport => ("✗".red(), "never reported a result".red()),
        };
        let _ = if test.status == TestStatus::Passed {
            writeln!(out, "  {mark} {}", test.name)
        } else {
            writeln!(out, "  {mark} {} {word}", test.name)
        };
        let message = super::test_message(test);
        if !message.is_empty() {
            for line in cut_lines(&message) {
                // A blank line stays blank: no trailing spaces in reports and files.
                let indent = if line.is_empty() { "" } else { "      " };
                let _ = writeln!(out, "{indent}{line}");
            }
        }
    }
    if let Some(line) = super::miri_text(&outcome.miri) {
        let _ = writeln!(out, "{}", line.yellow());
    }
    let summary = match outcome.status {
        Status::Pass => format!("{} {} passes.", "✓".green(), exercise.name.bold()),
        Status::CompileError => format!("{path} does not compile yet: read the first error above."),
        Status::Fail => format!("{path} is not passing yet: see what failed above."),
        Status::Rule => format!(
            "{path} breaks a rule of this exercise: it gets there without the idea it is about."
        ),
        Status::Timeout => match outcome.note {
            Some(Note::Deadlocked { .. }) => {
                format!("{path}: deadlocked. Something waits for ever.")
            }
            _ => format!(
                "{path}: stopped after {} s. Something never finishes.",
                exercise.timeout.as_secs()
            ),
        },
        Status::Crash => format!("{path}: the program crashed."),
    };
    let _ = writeln!(out, "{summary}");
    out
}

/// At most [`MESSAGE_LINES`] lines of at most [`LINE_CHARS`] characters each.
fn cut_lines(message: &str) -> Vec<String> {
    let lines: Vec<&str> = message.lines().collect();
    let mut kept: Vec<String> = lines
        .iter()
        .take(MESSAGE_LINES)
        .map(|l| match l.char_indices().nth(LINE_CHARS) {
            Some((cut, _)) => format!("{}… [{} more bytes]", &l[..cut], l.len() - cut),
            None => l.to_string(),
        })
        .collect();
    if lines.len() > MESSAGE_LINES {
        kept.push(format!("[{} more lines]", lines.len() - MESSAGE_LINES));
    }
    kept
}

/// What `verify` prints: with `verbose`, the details of every exercise that did not pass; then a
/// table of name / outcome / time, and a closing count.
pub fn verify_report(graded: &Graded<'_>, verbose: bool) -> String {
    let mut out = String::new();
    if verbose {
        for (e, o) in graded.results.iter().filter(|(_, o)| !o.passed()) {
            let _ = writeln!(out, "── {} ──", e.name);
            out.push_str(&details(e, &graded.path_of(e), o));
        }
    }
    let width = graded
        .results
        .iter()
        .map(|(e, _)| e.name.len())
        .max()
        .unwrap_or(4)
        .max(8);
    let _ = writeln!(
        out,
        "{:<width$}  {:<13}  {:>7}",
        "exercise", "outcome", "time"
    );
    for (exercise, outcome) in &graded.results {
        let status = status_word(outcome.status);
        // Pad by the plain label's width: ANSI escapes would throw `{:<13}` off.
        let pad = 13usize.saturating_sub(outcome.status.label().len());
        let _ = writeln!(
            out,
            "{:<width$}  {status}{}  {:>6.2}s",
            exercise.name,
            " ".repeat(pad),
            outcome.duration.as_secs_f64()
        );
    }
    let unchecked = graded
        .results
        .iter()
        .filter(|(_, o)| o.miri == MiriCheck::Skipped)
        .count();
    if unchecked > 0 {
        let _ = writeln!(
            out,
            "{}",
            format!(
                "{unchecked} exercise(s) were not checked for undefined behaviour: {}",
                super::MIRI_MISSING
            )
            .yellow()
        );
    }
    let passed = graded.results.iter().filter(|(_, o)| o.passed()).count();
    let _ = writeln!(
        out,
        "{passed} passed, {} failed",
        graded.results.len() - passed
    );
    out
}
