//! Compiling exercises: one `cargo build` over the chosen targets of a generated crate, its JSON
//! messages sorted back to the exercise each one belongs to. Nothing here prints.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::build_crate::BuildCrate;
use crate::supervise::{self, Cancel, Ending, Limits};

/// What one exercise's compilation gave.
#[derive(Debug, Default, Clone)]
pub struct Compiled {
    /// The test binary, when the test target built.
    pub test_exe: Option<PathBuf>,
    /// The program, when the `run` target built.
    pub bin_exe: Option<PathBuf>,
    /// rustc's rendered diagnostics (ANSI colour), errors and warnings, in order.
    pub diagnostics: String,
    pub has_errors: bool,
}

/// Which targets of the crate to build for an exercise.
#[derive(Debug, Clone)]
pub struct Wanted {
    pub exercise: String,
    pub test: bool,
    pub bin: Option<String>,
}

pub enum CompileEnd {
    Done(HashMap<String, Compiled>),
    Cancelled,
}

/// A cold build of the shared dependencies (tokio and its tree) can take minutes on two cores.
const BUILD_TIMEOUT: Duration = Duration::from_secs(20 * 60);
/// cargo's JSON messages for a whole kit, dependencies included, stay far below this.
const BUILD_OUTPUT_CAP: usize = 64 << 20;

/// `cargo build` for a generated crate, in its group's target directory.
fn cargo_build(bc: &BuildCrate, jobs: usize) -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.arg("build")
        .arg("--manifest-path")
        .arg(&bc.manifest)
        .args(["--jobs", &jobs.max(1).to_string()])
        .env("CARGO_TARGET_DIR", &bc.target_dir)
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TERM_PROGRESS_WHEN", "never");
    cmd
}

/// Builds the crate's dependencies (through its empty library) so that the first exercise
/// needing them does not wait for a cold build. Returns `false` when cancelled.
pub fn warm_up(bc: &BuildCrate, jobs: usize, cancel: &Cancel) -> Result<bool> {
    let mut cmd = cargo_build(bc, jobs);
    cmd.arg("--lib");
    let limits = Limits {
        timeout: BUILD_TIMEOUT,
        ..Limits::default()
    };
    let finished = supervise::run(&mut cmd, &limits, cancel).context("failed to run cargo")?;
    match finished.ending {
        Ending::Cancelled => Ok(false),
        Ending::Exited(status) if status.success() => Ok(true),
        _ => bail!(
            "building the kit's dependencies failed:\n{}",
            strip_ansi_escapes::strip_str(finished.stderr.text()).trim_end()
        ),
    }
}

pub fn compile(
    bc: &BuildCrate,
    wanted: &[Wanted],
    jobs: usize,
    kit_root: &std::path::Path,
    cancel: &Cancel,
) -> Result<CompileEnd> {
    let mut cmd = cargo_build(bc, jobs);
    cmd.args([
        "--message-format",
        "json-diagnostic-rendered-ansi",
        "--keep-going",
    ]);
    for w in wanted {
        if w.test {
            cmd.args(["--test", &w.exercise]);
        }
        if let Some(bin) = &w.bin {
            cmd.args(["--bin", bin]);
        }
    }
    let limits = Limits {
        timeout: BUILD_TIMEOUT,
        output_cap: BUILD_OUTPUT_CAP,
        ..Limits::default()
    };
    let finished = supervise::run(&mut cmd, &limits, cancel).context("failed to run cargo")?;
    match finished.ending {
        Ending::Cancelled => return Ok(CompileEnd::Cancelled),
        Ending::TimedOut => bail!(
            "cargo build did not finish in {} minutes",
            BUILD_TIMEOUT.as_secs() / 60
        ),
        Ending::Exited(_) => {}
    }

    let by_bin: HashMap<&str, &str> = wanted
        .iter()
        .filter_map(|w| w.bin.as_deref().map(|b| (b, w.exercise.as_str())))
        .collect();
    let mut results: HashMap<String, Compiled> = wanted
        .iter()
        .map(|w| (w.exercise.clone(), Compiled::default()))
        .collect();
    let root_prefix = format!("{}/", kit_root.display());
    for line in finished.stdout.text().lines() {
        let Ok(msg) = serde_json::from_str::<Message>(line) else {
            continue;
        };
        let Some(target) = msg.target.as_ref() else {
            continue;
        };
        if !msg
            .package_id
            .as_deref()
            .is_some_and(|p| p.contains(&bc.package))
        {
            continue;
        }
        let exercise = by_bin
            .get(target.name.as_str())
            .copied()
            .unwrap_or(&target.name);
        let Some(entry) = results.get_mut(exercise) else {
            continue;
        };
        match msg.reason.as_str() {
            "compiler-message" => {
                if let Some(diag) = msg.message.filter(Diagnostic::worth_showing) {
                    entry.has_errors |= diag.level == "error";
                    entry
                        .diagnostics
                        .push_str(&diag.rendered.unwrap_or_default().replace(&root_prefix, ""));
                }
            }
            "compiler-artifact" => {
                let is_test = msg.profile.as_ref().is_some_and(|p| p.test);
                if is_test {
                    entry.test_exe = msg.executable;
                } else if target.kind.iter().any(|k| k == "bin") {
                    entry.bin_exe = msg.executable;
                }
            }
            _ => {}
        }
    }

    // A target that produced neither a binary nor an error means cargo itself failed (a
    // dependency could not be fetched, a lock could not be taken): that is not the learner's.
    let unexplained = wanted.iter().any(|w| {
        let c = &results[&w.exercise];
        !c.has_errors
            && ((w.test && c.test_exe.is_none()) || (w.bin.is_some() && c.bin_exe.is_none()))
    });
    if unexplained {
        let stderr = strip_ansi_escapes::strip_str(finished.stderr.text());
        bail!("cargo build failed:\n{}", stderr.trim_end());
    }
    Ok(CompileEnd::Done(results))
}

#[derive(Deserialize)]
struct Message {
    reason: String,
    package_id: Option<String>,
    target: Option<Target>,
    message: Option<Diagnostic>,
    profile: Option<Profile>,
    executable: Option<PathBuf>,
}

#[derive(Deserialize)]
struct Target {
    name: String,
    #[serde(default)]
    kind: Vec<String>,
}

#[derive(Deserialize)]
struct Profile {
    test: bool,
}

#[derive(Deserialize)]
struct Diagnostic {
    message: String,
    level: String,
    rendered: Option<String>,
}

impl Diagnostic {
    /// rustc's closing tallies ("aborting due to 2 previous errors", "3 warnings emitted") say
    /// nothing the diagnostics above them did not.
    fn worth_showing(&self) -> bool {
        !(self.message.starts_with("aborting due to")
            || (self.message.ends_with(" emitted") && self.message.contains("warning")))
    }
}
