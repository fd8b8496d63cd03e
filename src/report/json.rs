//! rustprep's JSON report, version 1: per exercise its name, question, status, duration, points
//! and each hidden test's result; then a summary. Messages are plain text, capped at
//! [`MESSAGE_CAP`](crate::limits::MESSAGE_CAP) characters. The schema is documented in the README; a
//! change that is not backwards compatible bumps `version`.

use serde::Serialize;

use super::{Graded, plain_capped};
use crate::outcome::{MiriCheck, Status, TestStatus};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Report {
    pub version: u32,
    /// The folder that was graded.
    pub source: String,
    pub exercises: Vec<ExerciseReport>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct ExerciseReport {
    pub name: String,
    pub question: u8,
    pub path: String,
    pub status: Status,
    /// Seconds.
    pub duration: f64,
    pub points: Points,
    /// The compiler's errors for a compile error, else a note about the whole run, if any.
    pub message: Option<String>,
    /// The concept rules broken (status `rule_broken`).
    pub rules: Vec<RuleReport>,
    /// For an exercise checked by Miri: `passed`, `failed` (the test `miri` says why), `skipped`
    /// (Miri is not installed) or `unsupported`; else null.
    pub miri: Option<&'static str>,
    pub tests: Vec<TestReport>,
}

#[derive(Serialize)]
pub struct RuleReport {
    /// The rule as info.toml names it (`unsafe_code`, `std::mem::transmute`).
    pub rule: String,
    pub path: String,
    pub line: usize,
    /// Why it matters, in one sentence.
    pub why: String,
}

#[derive(Serialize)]
pub struct Points {
    pub earned: u64,
    pub possible: u64,
}

#[derive(Serialize)]
pub struct TestReport {
    pub name: String,
    pub status: TestStatus,
    pub message: String,
    /// Seconds.
    pub duration: f64,
}

#[derive(Serialize)]
pub struct Summary {
    pub total: usize,
    pub passed: usize,
    pub failed: usize,
    pub points: Points,
}

fn secs(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 1000.0).round() / 1000.0
}

pub fn report(graded: &Graded<'_>) -> Report {
    let exercises: Vec<ExerciseReport> = graded
        .results
        .iter()
        .map(|(e, o)| ExerciseReport {
            name: e.name.clone(),
            question: e.question,
            path: graded.path_of(e),
            status: o.status,
            duration: secs(o.duration),
            points: Points {
                earned: if o.passed() { e.points.into() } else { 0 },
                possible: e.points.into(),
            },
            message: match o.status {
                Status::CompileError => Some(plain_capped(&o.diagnostics)),
                _ => o
                    .note
                    .as_ref()
                    .map(|n| plain_capped(&super::note_text(n, e, &super::command_in_file))),
            },
            rules: o
                .breaches
                .iter()
                .map(|b| RuleReport {
                    rule: b.rule.clone(),
                    path: b.file.clone(),
                    line: b.line,
                    why: super::breach_text(b).1,
                })
                .collect(),
            miri: match o.miri {
                MiriCheck::NotAsked => None,
                MiriCheck::Passed => Some("passed"),
                MiriCheck::Failed => Some("failed"),
                MiriCheck::Skipped => Some("skipped"),
                MiriCheck::Unsupported(_) => Some("unsupported"),
            },
            tests: o
                .tests
                .iter()
                .map(|t| TestReport {
                    name: t.name.clone(),
                    status: t.status.clone(),
                    message: plain_capped(&super::test_message(t)),
                    duration: secs(t.duration),
                })
                .collect(),
        })
        .collect();
    let passed = exercises
        .iter()
        .filter(|e| e.status == Status::Pass)
        .count();
    let (earned, possible) = graded.points();
    Report {
        version: VERSION,
        source: graded.folder(),
        summary: Summary {
            total: exercises.len(),
            passed,
            failed: exercises.len() - passed,
            points: Points { earned, possible },
        },
        exercises,
    }
}

pub fn render(graded: &Graded<'_>) -> anyhow::Result<String> {
    let mut json = serde_json::to_string_pretty(&report(graded))?;
    json.push('\n');
    Ok(json)
}
