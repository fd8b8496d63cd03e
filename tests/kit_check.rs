//! The kit check: the kit in this repository is sound. Every exercise as shipped fails, every
//! solution passes against the same hidden tests, every exercise has hidden tests and a hint,
//! no file lies about without an exercise, and the solutions are rustfmt- and clippy-clean.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use rustprep::build_crate::{self, Group};
use rustprep::kit::{Kit, Source};
use rustprep::runner::{self, RunEnd, RunOptions};
use rustprep::shipped;
use rustprep::supervise::Cancel;

fn kit() -> Kit {
    let kit = Kit::open(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the kit's info.toml loads");
    shipped::ensure(&kit).expect("the shipped copies can be kept");
    kit
}

/// Runs every exercise from `source`; returns (name, passed, status) in kit order.
fn run_all(kit: &Kit, source: &Source) -> Vec<(String, bool, String)> {
    let all: Vec<usize> = (0..kit.list.exercises().len()).collect();
    let end = runner::run(
        kit,
        source,
        &all,
        &RunOptions::default(),
        &Cancel::default(),
        &|_| {},
    )
    .expect("the runner works");
    let RunEnd::Done(results) = end else {
        panic!("nothing cancelled this run");
    };
    results
        .into_iter()
        .map(|(i, o)| {
            (
                kit.list.exercises()[i].name.clone(),
                o.passed(),
                o.status.label().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_kit_has_exercises_for_all_thirteen_questions() {
    let kit = kit();
    let asked: BTreeSet<u8> = kit.list.exercises().iter().map(|e| e.question).collect();
    assert_eq!(asked, (1..=13).collect(), "every question has exercises");
    for q in kit.list.questions() {
        let words = q.answer.split_whitespace().count();
        assert!(
            words <= 330,
            "question {}'s model answer has {words} words",
            q.number
        );
        assert!(
            q.answer.contains("```rust"),
            "question {}'s model answer shows code",
            q.number
        );
    }
}

#[test]
fn every_exercise_has_hidden_tests_a_solution_and_a_hint() {
    let kit = kit();
    for e in kit.list.exercises() {
        assert!(kit.hidden_tests(e).is_file(), "{} has hidden tests", e.name);
        assert!(
            kit.file_in(&Source::Solutions, e).is_file(),
            "{} has a solution",
            e.name
        );
        assert!(!e.hint.trim().is_empty(), "{} has a hint", e.name);
    }
}

#[test]
fn no_exercise_solution_or_test_file_is_an_orphan() {
    let kit = kit();
    let known: BTreeSet<PathBuf> = kit
        .list
        .exercises()
        .iter()
        .map(|e| e.rel_path.clone())
        .collect();
    for top in ["exercises", "solutions", "tests"] {
        for dir in std::fs::read_dir(kit.root.join(top)).unwrap().flatten() {
            let name = dir.file_name().to_string_lossy().into_owned();
            // Exercise folders are `NN_topic`; rustprep's own tests and fixtures live beside them.
            if !dir.path().is_dir() || !name.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
                // Code the hidden tests of a question share lives in its `support/` folder.
                if top == "tests" && file.file_name() == "support" && file.path().is_dir() {
                    continue;
                }
                let rel = Path::new(&name).join(file.file_name());
                assert!(
                    known.contains(&rel),
                    "{top}/{} belongs to no exercise in info.toml",
                    rel.display()
                );
            }
        }
    }
}

#[test]
fn every_shipped_exercise_fails() {
    let kit = kit();
    let passing: Vec<String> = run_all(&kit, &Source::Shipped)
        .into_iter()
        .filter(|(_, passed, _)| *passed)
        .map(|(name, ..)| name)
        .collect();
    assert!(
        passing.is_empty(),
        "these exercises pass as shipped: {passing:?}"
    );
}

#[test]
fn every_solution_passes() {
    let kit = kit();
    let failing: Vec<String> = run_all(&kit, &Source::Solutions)
        .into_iter()
        .filter(|(_, passed, _)| !passed)
        .map(|(name, _, status)| format!("{name} ({status})"))
        .collect();
    assert!(
        failing.is_empty(),
        "these solutions do not pass: {failing:?}"
    );
}

#[test]
fn solutions_and_hidden_tests_are_rustfmt_clean() {
    let kit = kit();
    let mut cmd = Command::new("rustfmt");
    cmd.args(["--check", "--edition", &kit.settings.edition]);
    for e in kit.list.exercises() {
        cmd.arg(kit.file_in(&Source::Solutions, e))
            .arg(kit.hidden_tests(e));
    }
    let out = cmd.output().expect("rustfmt runs");
    assert!(
        out.status.success(),
        "rustfmt --check:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn solutions_and_hidden_tests_are_clippy_clean() {
    let kit = kit();
    for group in [Group::Plain, Group::WithDependencies] {
        let ws = build_crate::prepare_one(&kit, &Source::Solutions, group).unwrap();
        let out = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["clippy", "--quiet", "--tests", "--manifest-path"])
            .arg(&ws.manifest)
            .args(["--", "-D", "warnings"])
            .env("CARGO_TARGET_DIR", &ws.target_dir)
            .output()
            .expect("cargo clippy runs");
        assert!(
            out.status.success(),
            "clippy on the solutions ({group:?}):\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_editor_manifest_matches_info_toml() {
    let kit = kit();
    let committed =
        std::fs::read_to_string(rustprep::editor::manifest_path(&kit)).unwrap_or_default();
    assert!(
        committed == rustprep::editor::manifest(&kit).unwrap(),
        "exercises/Cargo.toml is out of date: any rustprep command (`cargo run -- list`) rewrites it"
    );
}
