//! What running an exercise ended in: plain data that the runner produces and every report,
//! the watch screen and the progress file consume.

use std::time::Duration;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    /// It built and may even pass its tests, but breaks one of its concept rules.
    #[serde(rename = "rule_broken")]
    Rule,
    CompileError,
    Timeout,
    Crash,
}

impl Status {
    /// The status as every machine-readable report writes it: the JSON report's `status`, the
    /// JUnit report's `type` (docs/report.schema.json lists them).
    pub fn code(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Rule => "rule_broken",
            Status::CompileError => "compile_error",
            Status::Timeout => "timeout",
            Status::Crash => "crash",
        }
    }

    /// The status in words, for people.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Rule => "rule broken",
            Status::CompileError => "compile error",
            Status::Timeout => "timeout",
            Status::Crash => "crash",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TestStatus {
    Passed,
    Failed,
    /// Still running when the time limit came.
    DidNotFinish,
    /// Ended by a signal (stack overflow, abort, segfault ...).
    Crashed,
    /// Ended without libtest reporting its result: `process::exit` from the code under test.
    NoReport,
}

/// One hidden test, or the `main` of a `run` exercise (named `main`).
#[derive(Debug, Clone, Serialize)]
pub struct TestResult {
    /// The test's name without the hidden module's prefix.
    pub name: String,
    pub status: TestStatus,
    /// Why it ended as it did, beyond its status, when there is more to say (a crash, an early
    /// exit); each report words it.
    pub cause: Option<Cause>,
    /// The assertion message and what the test printed; empty for a pass.
    pub message: String,
    /// Bytes of output past the cap that were not kept.
    pub output_dropped: u64,
    #[serde(serialize_with = "as_secs")]
    pub duration: Duration,
}

/// Why a test (or `main`) ended the way its status says, as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    StackOverflow,
    /// Stopped before its time limit: all its threads (this many) were stuck in waits nothing
    /// could end.
    Deadlock {
        threads: usize,
    },
    /// An allocation failed under the test's data-memory limit, in bytes.
    OutOfMemory {
        limit_bytes: u64,
    },
    /// Killed by this signal (SIGSEGV, SIGKILL ...).
    Signal {
        name: String,
    },
    /// The test's process exited with this status before libtest reported a result
    /// (`process::exit` in the code under test, most likely).
    ExitedEarly {
        code: Option<i32>,
    },
    /// A `run` exercise's `main` exited with this status.
    MainFailed {
        code: Option<i32>,
    },
}

impl TestResult {
    /// Paths in the message made relative to the kit root, as the learner sees them.
    pub fn relative_to(mut self, root: &std::path::Path) -> Self {
        self.message = self.message.replace(&format!("{}/", root.display()), "");
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub status: Status,
    /// rustc's diagnostics (ANSI colour), errors or warnings; may be empty.
    pub diagnostics: String,
    pub tests: Vec<TestResult>,
    /// The concept rules the learner's file breaks (then the status is [`Status::Rule`]).
    pub breaches: Vec<Breach>,
    /// Whether Miri checked the tests for undefined behaviour.
    pub miri: MiriCheck,
    /// What there is to say about the whole run beyond its tests (a missing file, a limit hit).
    pub note: Option<Note>,
    #[serde(serialize_with = "as_secs")]
    pub duration: Duration,
}

impl Outcome {
    /// The same outcome, with paths into the folder `from` shown as paths into `to`.
    pub fn with_folder_renamed(mut self, from: &str, to: &str) -> Self {
        let (from, to) = (format!("{from}/"), format!("{to}/"));
        self.diagnostics = self.diagnostics.replace(&from, &to);
        for test in &mut self.tests {
            test.message = test.message.replace(&from, &to);
        }
        for breach in &mut self.breaches {
            if let Some(rest) = breach.file.strip_prefix(&from) {
                breach.file = format!("{to}{rest}");
            }
        }
        self
    }

    pub fn passed(&self) -> bool {
        self.status == Status::Pass
    }

    /// The outcome for an exercise whose file cannot be graded (a submission lacking it, a file
    /// the learner deleted), with `note` saying why.
    pub fn missing(note: Note) -> Self {
        Self {
            status: Status::Fail,
            diagnostics: String::new(),
            tests: Vec::new(),
            breaches: Vec::new(),
            miri: MiriCheck::NotAsked,
            note: Some(note),
            duration: Duration::ZERO,
        }
    }

    /// The exercise's status from its tests' statuses: a timeout outranks a crash, which
    /// outranks a failure.
    pub fn status_of(tests: &[TestResult]) -> Status {
        let any = |s: TestStatus| tests.iter().any(|t| t.status == s);
        if any(TestStatus::DidNotFinish) {
            Status::Timeout
        } else if any(TestStatus::Crashed) {
            Status::Crash
        } else if tests.is_empty() || any(TestStatus::Failed) || any(TestStatus::NoReport) {
            Status::Fail
        } else {
            Status::Pass
        }
    }
}

/// Something about a whole run beyond its tests, as data: each report and screen words it
/// (and names the commands) itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// The file to grade is not a regular file: `found` says what is there instead. `restorable`:
    /// it is the learner's own copy, which `reset` puts back as shipped.
    NotAFile {
        path: String,
        found: crate::file_kind::Kind,
        restorable: bool,
    },
    /// A submission's file is a symbolic link, and a submission is graded from its own files.
    Link { path: String },
    /// Compiling the exercise took longer than its limit, in seconds.
    CompileTimedOut { limit_secs: u64 },
    /// A test (or `main`) was still running at the exercise's time limit, in seconds.
    TimedOut { limit_secs: u64 },
    /// Every test that did not finish was stopped deadlocked, before the limit (in seconds).
    Deadlocked { limit_secs: u64 },
    /// The exercise has no hidden tests.
    NoHiddenTests,
}

/// What Miri said of an exercise marked for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MiriCheck {
    /// Not marked for Miri, or its tests did not pass (nothing to check).
    #[default]
    NotAsked,
    /// No undefined behaviour in the hidden tests.
    Passed,
    /// Undefined behaviour: the test named `miri` says which.
    Failed,
    /// Miri is not installed here: nothing was checked.
    Skipped,
    /// Miri cannot run this code (a foreign call, a timeout); its first error.
    Unsupported(String),
}

/// One concept rule broken: which, where in the learner's file, and why it matters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breach {
    /// The rule's target as `info.toml` writes it (`unsafe_code`, `std::mem::transmute`).
    pub rule: String,
    /// The file, as the learner sees its path.
    pub file: String,
    pub line: usize,
    pub cause: BreachCause,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachCause {
    /// The rule's own reason, from `info.toml`.
    Rule(String),
    /// An `#[allow]` (or `#[expect]`) of a lint the rules forbid.
    SwitchedOff,
    /// The file tests a cfg the grader sets for itself (`cfg(miri)`).
    GraderCfg,
    /// The file does not build without the hidden tests (the compiler's message), so its rules
    /// could not be checked.
    NotAlone(String),
}

fn as_secs<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((d.as_secs_f64() * 1000.0).round() / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_status_is_the_code() {
        for status in [
            Status::Pass,
            Status::Fail,
            Status::Rule,
            Status::CompileError,
            Status::Timeout,
            Status::Crash,
        ] {
            assert_eq!(serde_json::to_value(status).unwrap(), status.code());
        }
    }
}
