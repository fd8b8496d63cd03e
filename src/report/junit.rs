//! JUnit XML as Jenkins, GitLab and GitHub's test reporters read it: one `<testsuite>` per
//! question, one `<testcase>` per exercise; a `<failure>` when hidden tests failed or a rule is
//! broken, an `<error>` for a compile error, a timeout or a crash, its `type` the exercise's
//! status as the JSON report writes it (`fail`, `rule_broken`, `compile_error`, …). No ANSI.
//!
//! It keeps to Jenkins' `junit-10.xsd` (the schema the xunit plugin validates against; a copy is
//! in `tests/fixtures/schemas/junit-10.xsd` and the grading tests check every golden report with it):
//! `<testsuites>` carries only `name`, `tests`, `failures`, `errors` and `time`, a `<testcase>`
//! only `name`, `classname` and `time`, and times are seconds with at most three decimals.
//!
//! - `classname` is `rustprep.q07_pinning` (from the exercise's question folder), which readers
//!   split at the last dot into a package and a class, so a report groups by question.
//! - A suite's `time` is the sum of its exercises' times, and the report's the sum of its suites'
//!   (exercises run in parallel: this is the work done, not the time on the clock).
//! - A `<failure>` or `<error>` says what went wrong in one line in `message`, and its text starts
//!   with that same line, then the details (compiler output, each test, each rule broken): readers
//!   that show only the first line of the text (GitLab, many GitHub actions) show the cause.

use std::fmt::Write as _;
use std::time::Duration;

use super::{Graded, plain_capped, text};
use crate::escape::{markup as body, markup_attribute as attr};
use crate::exercise::Exercise;
use crate::outcome::{Outcome, Status, TestResult, TestStatus};

/// Characters kept of the one-line `message`.
const SUMMARY_CAP: usize = 300;

pub fn render(graded: &Graded<'_>) -> anyhow::Result<String> {
    let mut suites = String::new();
    let (mut tests, mut failures, mut errors, mut total) = (0, 0, 0, Duration::ZERO);
    for question in graded.kit.list.questions() {
        let in_question: Vec<_> = graded
            .results
            .iter()
            .filter(|(e, _)| e.question == question.number)
            .collect();
        if in_question.is_empty() {
            continue;
        }
        let (mut cases, mut suite_failures, mut suite_errors, mut time) =
            (String::new(), 0, 0, Duration::ZERO);
        for (exercise, outcome) in &in_question {
            time += outcome.duration;
            let _ = write!(
                cases,
                "        <testcase name=\"{}\" classname=\"{}\" time=\"{}\"",
                attr(&exercise.name),
                attr(&classname(exercise)),
                secs(outcome.duration)
            );
            let tag = match outcome.status {
                Status::Pass => {
                    cases.push_str("/>\n");
                    continue;
                }
                Status::Fail | Status::Rule => {
                    suite_failures += 1;
                    "failure"
                }
                Status::CompileError | Status::Timeout | Status::Crash => {
                    suite_errors += 1;
                    "error"
                }
            };
            let message = summary(exercise, outcome);
            let details =
                plain_capped(&text::details(exercise, &graded.path_of(exercise), outcome));
            let _ = write!(
                cases,
                ">\n            <{tag} message=\"{}\" type=\"{}\">{}\n{}</{tag}>\n        </testcase>\n",
                attr(&message),
                attr(outcome.status.code()),
                body(&message),
                body(&details),
            );
        }
        let _ = writeln!(
            suites,
            "    <testsuite name=\"{}\" tests=\"{}\" skipped=\"0\" failures=\"{suite_failures}\" \
             errors=\"{suite_errors}\" time=\"{}\">\n{cases}    </testsuite>",
            attr(&format!("Q{} {}", question.number, question.title)),
            in_question.len(),
            secs(time),
        );
        tests += in_question.len();
        failures += suite_failures;
        errors += suite_errors;
        total += time;
    }
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"rustprep\" \
         tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{}\">\n\
         {suites}</testsuites>\n",
        secs(total)
    ))
}

/// Seconds with three decimals, as the schema's `SUREFIRE_TIME` allows.
fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

/// `rustprep.q07_pinning`: the question folder the exercise's file is in (or the question's
/// number), as one identifier, so that readers split the class name at the last dot into the
/// package `rustprep` and the class `q07_pinning`.
fn classname(exercise: &Exercise) -> String {
    let folder = exercise
        .rel_path
        .parent()
        .and_then(|p| p.components().next())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| format!("{:02}", exercise.question));
    let class: String = folder
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if class.starts_with(|c: char| c.is_ascii_digit()) {
        format!("rustprep.q{class}")
    } else {
        format!("rustprep.{class}")
    }
}

/// What went wrong, in one line: the first error, broken rule or failing test, and its cause.
fn summary(exercise: &Exercise, outcome: &Outcome) -> String {
    let note = outcome
        .note
        .as_ref()
        .map(|n| super::note_text(n, exercise, &super::command_in_file));
    let line = match outcome.status {
        Status::Pass => "passes".to_owned(),
        Status::CompileError => {
            let plain = strip_ansi_escapes::strip_str(&outcome.diagnostics);
            match plain.lines().find(|l| l.starts_with("error")) {
                Some(first) => format!("does not compile: {first}"),
                None => note.unwrap_or_else(|| "does not compile".to_owned()),
            }
        }
        Status::Rule => match outcome.breaches.as_slice() {
            [] => "breaks a rule".to_owned(),
            [one] => format!("breaks a rule: {}", super::breach_text(one).0),
            [first, rest @ ..] => format!(
                "breaks {} rules: {} (and {} more)",
                rest.len() + 1,
                super::breach_text(first).0,
                rest.len()
            ),
        },
        Status::Fail | Status::Timeout | Status::Crash => {
            let bad: Vec<&TestResult> = outcome
                .tests
                .iter()
                .filter(|t| t.status != TestStatus::Passed)
                .collect();
            match bad.first() {
                None => note.unwrap_or_else(|| outcome.status.label().to_owned()),
                Some(test) => {
                    let word = match test.status {
                        TestStatus::Passed => "passed",
                        TestStatus::Failed => "failed",
                        TestStatus::DidNotFinish => "did not finish",
                        TestStatus::Crashed => "crashed",
                        TestStatus::NoReport => "never reported a result",
                    };
                    let cause = match (&test.status, note) {
                        (TestStatus::DidNotFinish, Some(note)) => Some(note),
                        _ => key_line(&super::test_message(test)),
                    };
                    let mut line = match cause {
                        // "did not finish in 2 s: …", "crashed: stack overflow".
                        Some(cause) if cause.starts_with(word) => {
                            format!("{} {cause}", test.name)
                        }
                        Some(cause) => format!("{} {word}: {cause}", test.name),
                        None => format!("{} {word}", test.name),
                    };
                    if outcome.tests.len() > 1 {
                        let _ = write!(
                            line,
                            " ({} of {} hidden tests did not pass)",
                            bad.len(),
                            outcome.tests.len()
                        );
                    }
                    line
                }
            }
        }
    };
    one_line(&line)
}

/// The line of a test's message that says why it failed: the panic's message (the line after
/// libtest's `thread '…' panicked at …:`), else its first line that says anything.
fn key_line(message: &str) -> Option<String> {
    let plain = strip_ansi_escapes::strip_str(message);
    let lines: Vec<&str> = plain.lines().map(str::trim).collect();
    let after_panic = lines
        .iter()
        .position(|l| l.starts_with("thread '") && l.contains("' panicked at "))
        .and_then(|at| lines[at + 1..].iter().find(|l| !l.is_empty()));
    after_panic
        .or_else(|| lines.iter().find(|l| !l.is_empty()))
        .map(|l| (*l).to_owned())
}

/// `text` on one line (runs of white space as one space), at most [`SUMMARY_CAP`] characters.
fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(SUMMARY_CAP) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise(rel_path: &str, question: u8) -> Exercise {
        Exercise {
            rel_path: rel_path.into(),
            ..Exercise::for_test("x", question)
        }
    }

    #[test]
    fn classname_is_the_question_folder_after_one_dot() {
        assert_eq!(
            classname(&exercise("07_pinning/pin_a_future.rs", 7)),
            "rustprep.q07_pinning"
        );
        assert_eq!(
            classname(&exercise("my.question/x.rs", 3)),
            "rustprep.my_question"
        );
        assert_eq!(classname(&exercise("x.rs", 3)), "rustprep.q03");
    }

    #[test]
    fn the_key_line_is_the_panic_message_after_what_the_test_printed() {
        let message = "shouting \"hi\"\n\nthread 'hidden_tests::shouts' panicked at t.rs:5:5:\n\
                       assertion `left == right` failed\n  left: 1";
        assert_eq!(
            key_line(message).as_deref(),
            Some("assertion `left == right` failed")
        );
        assert_eq!(
            key_line("\ncrashed: stack overflow\nmore").as_deref(),
            Some("crashed: stack overflow")
        );
        assert_eq!(key_line(""), None);
    }

    #[test]
    fn a_summary_is_one_line_and_capped() {
        assert_eq!(one_line("a\n  b\tc "), "a b c");
        assert_eq!(one_line(&"é".repeat(400)).chars().count(), SUMMARY_CAP + 1);
    }
}
