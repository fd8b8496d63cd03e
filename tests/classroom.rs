//! GitHub Classroom on a student's first push, with the kit in this repository: the exercises as
//! shipped (every one of them fails, most with the compiler's errors) graded as the workflow in
//! `docs/classroom-autograding.yml` grades them, `verify --exercises <copy> --format classroom`,
//! and each runner's result encoded as the workflow hands it to the grading reporter (`jq -c`,
//! then `base64 -w0`, into one environment variable). Linux allows one environment variable at
//! most 128 KiB (MAX_ARG_STRLEN): every runner must stay under 100 KiB.
//!
//! It compiles the whole kit once (104 exercises): a few minutes on a loaded two-core machine.

#[path = "common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use serde_json::{Map, Value};

/// What one runner's encoded result may take, at most.
const RUNNER_LIMIT: usize = 100 * 1024;

/// How long `base64 -w0` makes `bytes`: four characters for every three bytes, padded.
fn base64_len(bytes: usize) -> usize {
    bytes.div_ceil(3) * 4
}

#[test]
fn every_runner_of_the_shipped_kit_failing_fits_in_one_environment_variable() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let submission = tmp.path().join("exercises");
    // The exercises as shipped (rustprep keeps a copy from its first start), not the learner's
    // working copies, which may be solved by now.
    let listed = Command::new(env!("CARGO_BIN_EXE_rustprep"))
        .arg("--kit")
        .arg(root)
        .arg("list")
        .output()
        .unwrap();
    assert!(listed.status.success(), "{listed:?}");
    common::copy_dir(&root.join(".rustprep/shipped"), &submission);
    let report = tmp.path().join("classroom.json");
    let output = Command::new(env!("CARGO_BIN_EXE_rustprep"))
        .arg("--kit")
        .arg(root)
        .args(["--color", "never", "verify", "--exercises"])
        .arg(&submission)
        .args(["--format", "classroom", "--output"])
        .arg(&report)
        .env_remove("RUSTPREP_KIT")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = std::fs::read_to_string(&report).unwrap();
    let runners: Map<String, Value> = serde_json::from_str(&text).unwrap();

    let info: toml::Table = std::fs::read_to_string(root.join("info.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let exercises = info["exercises"].as_array().unwrap();
    assert!(exercises.len() >= 104, "{}", exercises.len());
    let mut questions: Vec<i64> = exercises
        .iter()
        .map(|e| e["question"].as_integer().unwrap())
        .collect();
    questions.dedup();
    let names: Vec<String> = runners.keys().cloned().collect();
    let want: Vec<String> = questions.iter().map(|q| format!("q{q:02}")).collect();
    assert_eq!(names, want, "one runner per question");

    let mut graded = 0;
    let mut sizes = Vec::new();
    for (name, result) in &runners {
        // What the workflow puts in `<RUNNER>_RESULTS`.
        let encoded = base64_len(serde_json::to_string(result).unwrap().len());
        sizes.push(format!("{name} {encoded} B"));
        assert!(
            encoded < RUNNER_LIMIT,
            "runner {name}: {encoded} bytes encoded"
        );
        for test in result["tests"].as_array().unwrap() {
            graded += 1;
            let exercise = test["name"].as_str().unwrap();
            assert_eq!(test["status"], "error", "{exercise}: shipped, it fails");
            assert_eq!(test["score"], 0, "{exercise}");
            let message = test["message"].as_str().unwrap();
            assert!(
                message.starts_with(&format!("❌ {exercise} — ")) && message.lines().count() > 1,
                "{exercise}: the message says why: {message:?}"
            );
        }
    }
    assert_eq!(graded, exercises.len(), "every exercise in a runner");
    eprintln!(
        "encoded runners: {}; the whole report: {} B",
        sizes.join(", "),
        text.len()
    );
}
