//! The learner's loop without cargo: one exercise's tests compiled by starting rustc directly,
//! with the flags cargo gives it, into a folder of its own beside cargo's. Cargo's start,
//! fingerprinting and locking are about a quarter of what an edit of a small exercise costs to
//! compile (bench/edit_to_verdict.py); the learner waits for every one.
//!
//! Cargo stays for everything else: it fetches and builds the kit's dependencies, builds
//! classes, grading (with its limits) and programs (`mode = "run"`), and the editors' crate.
//! After each of its builds, the libraries it built are written down ([`crate::libraries`]), so
//! the direct compile can hand them to rustc with `--extern`; when they are missing or were built
//! by another compiler, the caller falls back to cargo, which builds them again. Nothing here
//! prints.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};

use crate::build_crate::{self, BuildCrate, Workspace};
use crate::compile::{self, CompileEnd, Compiled, CompiledMap, Diagnostic};
use crate::libraries;
use crate::supervise::{Cancel, Ending, Limits};

/// The direct builds' own folder in the target directory.
const DIRECT_DIR: &str = "rustprep-direct";

/// Where the command of the last direct compile in the kit at `kit_root` is kept, for the next
/// command to start early ([`crate::primed::prime_kept`]).
pub fn kept_compile(kit_root: &Path) -> std::path::PathBuf {
    crate::layout::build_dir(kit_root).join("last-direct-compile.json")
}

/// Compiles the hidden tests of `exercise`, a member of `ws` (its file `learner_file`, its
/// tests `hidden_tests`; its crate depends on `crates`, named as the code names them), straight
/// with rustc. `None` when it cannot here: no toolchain found, a library not yet built by
/// cargo, or one rustc refuses (built by another compiler); the caller then builds with cargo.
pub fn compile(
    ws: &Workspace,
    member: &BuildCrate,
    exercise: &str,
    [learner_file, hidden_tests]: [&Path; 2],
    crates: &[String],
    kit_root: &Path,
    cancel: &Cancel,
) -> Result<Option<CompileEnd>> {
    let Some(toolchain) = crate::toolchain::get() else {
        return Ok(None);
    };
    let Some(libraries) = libraries::library_args(&ws.target_dir, crates) else {
        return Ok(None);
    };
    let out_dir = ws.target_dir.join(DIRECT_DIR);
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("failed to create {}", out_dir.display()))?;
    let stub = build_crate::stub_path(&member.dir, exercise);
    let mut cmd = Command::new(&toolchain.rustc);
    cmd.current_dir(ws.manifest.parent().unwrap_or(Path::new(".")))
        .args(["--crate-name", exercise, "--edition", &ws.edition])
        .arg(&stub)
        .args(["--test", "--emit=dep-info,link", "-C", "embed-bitcode=no"])
        .args(["--error-format=json", "--json=diagnostic-rendered-ansi"])
        .args([
            "--check-cfg",
            "cfg(docsrs,test)",
            "--check-cfg",
            "cfg(feature,values())",
        ])
        .args(["-C", "strip=debuginfo"])
        .arg("--out-dir")
        .arg(&out_dir)
        .arg("-C")
        .arg(format!(
            "incremental={}",
            out_dir.join("incremental").display()
        ))
        .args(compile::CFG_CLIPPY)
        .args(crate::shared_std::rustflags(&[learner_file, hidden_tests]))
        .args(libraries);
    // What cargo tells every compiler it starts, for code that reads it with `env!`.
    cmd.env("CARGO_CRATE_NAME", exercise)
        .env("CARGO_PKG_NAME", format!("rp_{}", member.crate_id))
        .env("CARGO_PKG_VERSION", "0.0.0")
        .env("CARGO_MANIFEST_DIR", &member.dir)
        .env("CARGO_MANIFEST_PATH", member.manifest());
    let limits = Limits::build();
    // In watch, rustc was started already, waiting for this stub ([`crate::primed`]).
    let finished = crate::primed::run(&mut cmd, &stub, &kept_compile(kit_root), &limits, cancel)
        .context("failed to run rustc")?;
    let status = match finished.ending {
        Ending::Cancelled => return Ok(Some(CompileEnd::Cancelled)),
        Ending::TimedOut { .. } => anyhow::bail!(
            "rustc did not finish in {} minutes",
            crate::limits::BUILD_TIMEOUT.as_secs() / 60
        ),
        Ending::Exited(status) => status,
    };
    let root_prefix = format!("{}/", kit_root.display());
    let mut compiled = Compiled::default();
    for line in finished.stderr.text().lines() {
        let Ok(diag) = serde_json::from_str::<Diagnostic>(line) else {
            continue;
        };
        let code = diag.code.as_ref().map(|c| c.code.as_str());
        if code.is_some_and(libraries::is_stale_library) {
            return Ok(None);
        }
        compile::take_diagnostic(&mut compiled, diag, &root_prefix);
    }
    let exe = out_dir.join(format!("{exercise}{}", std::env::consts::EXE_SUFFIX));
    if status.success() && exe.is_file() {
        compiled.tests_kept = Some(exe.with_extension("tests"));
        compiled.test_exe = Some(exe);
    } else if !compiled.has_errors {
        compiled.has_errors = true;
        compiled.diagnostics.push_str(&format!(
            "error: the compiler ended ({status}) without a message for this exercise:\n{}\n",
            strip_ansi_escapes::strip_str(finished.stderr.text()).trim_end()
        ));
    }
    compiled.finish();
    let mut map = CompiledMap::new();
    map.insert((member.source, exercise.to_owned()), compiled);
    Ok(Some(CompileEnd::Done(map)))
}
