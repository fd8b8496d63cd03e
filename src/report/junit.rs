//! JUnit XML as GitHub and GitLab test reports read it: one test suite per question, one test case
//! per exercise; a `<failure>` when hidden tests failed, an `<error>` for a compile error, a
//! timeout or a crash. Written by quick-junit, so escaping and structure are right; no ANSI.

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::{Graded, plain_capped, text};
use crate::outcome::{Status, TestStatus};

pub fn render(graded: &Graded<'_>) -> anyhow::Result<String> {
    let mut report = Report::new("rustprep");
    for question in graded.kit.list.questions() {
        let in_question: Vec<_> = graded
            .results
            .iter()
            .filter(|(e, _)| e.question == question.number)
            .collect();
        if in_question.is_empty() {
            continue;
        }
        let mut suite = TestSuite::new(format!("Q{} {}", question.number, question.title));
        for (exercise, outcome) in in_question {
            let status = match outcome.status {
                Status::Pass => TestCaseStatus::success(),
                other => {
                    let kind = if matches!(other, Status::Fail | Status::Rule) {
                        NonSuccessKind::Failure
                    } else {
                        NonSuccessKind::Error
                    };
                    let mut status = TestCaseStatus::non_success(kind);
                    status.set_type(other.label());
                    status.set_message(summary(exercise, outcome));
                    status.set_description(plain_capped(&text::details(
                        exercise,
                        &graded.path_of(exercise),
                        outcome,
                    )));
                    status
                }
            };
            let mut case = TestCase::new(exercise.name.clone(), status);
            case.set_classname(graded.path_of(exercise));
            case.set_time(outcome.duration);
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    Ok(report.to_string()?)
}

/// One line for the `message` attribute.
fn summary(exercise: &crate::exercise::Exercise, outcome: &crate::outcome::Outcome) -> String {
    let failed = outcome
        .tests
        .iter()
        .filter(|t| t.status != TestStatus::Passed)
        .count();
    match outcome.status {
        Status::CompileError => "does not compile".to_owned(),
        Status::Timeout => "did not finish within its time limit".to_owned(),
        Status::Crash => "crashed".to_owned(),
        Status::Rule => outcome.breaches.first().map_or_else(
            || "breaks a rule".to_owned(),
            |b| format!("breaks a rule: {}", super::breach_text(b).0),
        ),
        _ if outcome.tests.is_empty() => outcome.note.as_ref().map_or_else(
            || "failed".to_owned(),
            |n| super::note_text(n, exercise, &super::command_in_file),
        ),
        _ => format!("{failed} of {} hidden tests failed", outcome.tests.len()),
    }
}
