//! Undefined behaviour, checked by Miri: an exercise marked `miri` in `info.toml` whose tests pass
//! is run again under `cargo +nightly miri test` when a nightly toolchain with Miri is installed.
//! Undefined behaviour is a failed check named after Miri's error; without Miri the check is
//! skipped and the outcome says so. Nothing here prints.

use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::build_crate::{BuildCrate, Group, Workspace};
use crate::compile;
use crate::exercise::Exercise;
use crate::outcome::{MiriCheck, Outcome, Status, TestResult, TestStatus};
use crate::supervise::{self, Cancel, Ending, Limits};

/// The name of the check in an outcome's tests.
pub const CHECK_NAME: &str = "miri";

/// Whether `cargo +nightly miri` works here; asked once per process.
pub fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        nightly_cargo()
            .args(["miri", "--version"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// rustup's `cargo +nightly`, whatever toolchain rustprep itself was started with.
fn nightly_cargo() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("+nightly");
    for var in ["CARGO", "RUSTC", "RUSTUP_TOOLCHAIN", "RUSTC_WRAPPER"] {
        cmd.env_remove(var);
    }
    cmd
}

/// Whether Miri is to check an exercise with this outcome: one checked under Miri that passed
/// its tests.
pub fn wanted(outcome: &Outcome, exercise: &Exercise) -> bool {
    exercise.miri && outcome.status == Status::Pass
}

/// `outcome` (whose tests passed) with Miri's verdict on the same tests; `None` when cancelled.
pub fn complete(
    mut outcome: Outcome,
    ws: &Workspace,
    member: &BuildCrate,
    exercise: &Exercise,
    cancel: &Cancel,
) -> Result<Option<Outcome>> {
    if !wanted(&outcome, exercise) {
        return Ok(Some(outcome));
    }
    if !available() {
        outcome.miri = MiriCheck::Skipped;
        return Ok(Some(outcome));
    }
    let mut cmd = nightly_cargo();
    compile::set_build_env(&mut cmd, ws);
    cmd.args(["miri", "test", "--manifest-path"])
        .arg(member.manifest())
        .args(["--test", &exercise.name])
        .env(
            "CARGO_TARGET_DIR",
            ws.target_dir.with_file_name(match ws.group {
                Group::Plain => "target-miri-plain",
                Group::WithDependencies => "target-miri-deps",
            }),
        );
    let limits = Limits {
        timeout: crate::limits::MIRI_TIMEOUT,
        memory: None,
        ..Limits::default()
    };
    let finished = supervise::run(&mut cmd, &limits, cancel).context("failed to run Miri")?;
    let stderr = strip_ansi_escapes::strip_str(finished.stderr.text());
    outcome.miri = match finished.ending {
        Ending::Cancelled => return Ok(None),
        Ending::Exited(status) if status.success() => MiriCheck::Passed,
        Ending::Exited(_) if stderr.contains("unsupported operation") => {
            MiriCheck::Unsupported(first_error(&stderr))
        }
        Ending::Exited(_) => {
            outcome.status = Status::Fail;
            outcome.tests.push(TestResult {
                name: CHECK_NAME.to_owned(),
                status: TestStatus::Failed,
                cause: None,
                message: error_report(&stderr),
                output_dropped: 0,
                duration: Duration::ZERO,
            });
            MiriCheck::Failed
        }
        Ending::TimedOut { .. } => MiriCheck::Unsupported(format!(
            "Miri did not finish in {} minutes",
            crate::limits::MIRI_TIMEOUT.as_secs() / 60
        )),
    };
    Ok(Some(outcome))
}

/// Miri's first error line (`error: Undefined Behavior: ...`).
fn first_error(stderr: &str) -> String {
    stderr
        .lines()
        .find(|l| l.starts_with("error"))
        .unwrap_or("Miri failed")
        .to_owned()
}

/// Miri's first error with the lines that locate it, up to the next blank line after them.
fn error_report(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("error: Undefined Behavior"))
        .or_else(|| lines.iter().position(|l| l.starts_with("error")))
        .unwrap_or(0);
    let end = (start + 1..lines.len())
        .find(|&i| lines[i].trim().is_empty())
        .unwrap_or(lines.len())
        .min(start + 20);
    lines[start..end].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_the_undefined_behaviour_and_where() {
        let stderr = "   Compiling x\nerror: Undefined Behavior: out-of-bounds pointer use\n  --> exercises/09_unsafe/a.rs:12:5\n   |\n12 |     *p\n\nnote: some note\n";
        let report = error_report(stderr);
        assert!(report.starts_with("error: Undefined Behavior: out-of-bounds"));
        assert!(report.contains("a.rs:12:5"));
        assert!(!report.contains("some note"));
        assert_eq!(
            first_error(stderr),
            "error: Undefined Behavior: out-of-bounds pointer use"
        );
    }
}
