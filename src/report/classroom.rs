//! The result format that GitHub Classroom's `autograding-grading-reporter` action reads (the
//! one `autograding-command-grader` writes): one entry per exercise, scored with its points, so
//! that a single workflow step carries the whole kit's grade.

use serde::Serialize;

use super::{Graded, plain_capped, text};
use crate::kit::Source;
use crate::outcome::Status;

#[derive(Serialize)]
struct Result {
    version: u32,
    status: &'static str,
    max_score: u64,
    tests: Vec<Test>,
}

#[derive(Serialize)]
struct Test {
    name: String,
    status: &'static str,
    score: u32,
    message: String,
    test_code: String,
    filename: String,
    line_no: u32,
    /// Milliseconds.
    duration: u128,
}

/// The command that runs this check again, on the same files.
fn reproduce(graded: &Graded<'_>, name: &str) -> String {
    match graded.source {
        Source::Learner => format!("rustprep verify {name}"),
        Source::Solutions => format!("rustprep verify --solutions {name}"),
        Source::Shipped | Source::Folder(_) => {
            format!("rustprep verify --exercises {} {name}", graded.folder())
        }
    }
}

pub fn render(graded: &Graded<'_>) -> anyhow::Result<String> {
    let tests: Vec<Test> = graded
        .results
        .iter()
        .map(|(e, o)| Test {
            name: e.name.clone(),
            status: match o.status {
                Status::Pass => "pass",
                Status::Fail | Status::Rule => "fail",
                Status::CompileError | Status::Timeout | Status::Crash => "error",
            },
            score: if o.passed() { e.points } else { 0 },
            message: if o.passed() {
                String::new()
            } else {
                plain_capped(&text::details(e, &graded.path_of(e), o))
            },
            test_code: reproduce(graded, &e.name),
            filename: graded.path_of(e),
            line_no: 0,
            duration: o.duration.as_millis(),
        })
        .collect();
    let all_pass = tests.iter().all(|t| t.status == "pass");
    let result = Result {
        version: 1,
        status: if all_pass { "pass" } else { "fail" },
        max_score: graded.points().1,
        tests,
    };
    let mut json = serde_json::to_string_pretty(&result)?;
    json.push('\n');
    Ok(json)
}
