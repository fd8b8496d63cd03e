//! The kit check on the kit in this repository: every exercise as shipped fails, every solution
//! passes against the same hidden tests, every exercise has hidden tests, a solution and a hint,
//! no file lies about without an exercise, and the solutions and hidden tests are rustfmt- and
//! clippy-clean. Each part is its own test, so a failure says which.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use rustprep::kit::{Kit, Source};
use rustprep::kit_check::{self, Finding};
use rustprep::outcome::{MiriCheck, Outcome};
use rustprep::runner::{self, RunEnd, RunOptions};
use rustprep::shipped;
use rustprep::supervise::Cancel;

fn kit() -> Kit {
    // Test processes start as rustprep's own start them: through its launcher.
    #[cfg(unix)]
    rustprep::launch::use_helper(env!("CARGO_BIN_EXE_rustprep").into());
    let kit = Kit::open(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the kit's info.toml loads");
    shipped::ensure(&kit).expect("the shipped copies can be kept");
    kit
}

fn all(kit: &Kit) -> Vec<usize> {
    (0..kit.list.exercises().len()).collect()
}

#[track_caller]
fn assert_none(findings: Vec<Finding>) {
    let problems: Vec<String> = findings
        .into_iter()
        .filter(|f| !f.notice)
        .map(|f| f.problem)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
fn every_question_goes_from_warm_up_to_at_least_two_hard_exercises() {
    use rustprep::exercise::Difficulty;
    let kit = kit();
    for q in kit.list.questions() {
        let ours: Vec<_> = kit
            .list
            .exercises()
            .iter()
            .filter(|e| e.question == q.number)
            .collect();
        assert!(
            ours.len() >= 8,
            "question {} has {} exercises",
            q.number,
            ours.len()
        );
        let hard = ours
            .iter()
            .filter(|e| e.difficulty == Difficulty::Hard)
            .count();
        assert!(hard >= 2, "question {} has {hard} hard exercises", q.number);
        assert!(
            ours.windows(2).all(|w| w[0].difficulty <= w[1].difficulty),
            "question {}'s exercises are not in order from warm-up to hard",
            q.number
        );
    }
}

#[test]
fn every_question_has_a_rubric_that_its_model_answer_meets() {
    use rustprep::interview::rubric;
    let kit = kit();
    for q in kit.list.questions() {
        assert!(
            (5..=8).contains(&q.rubric.len()),
            "question {} has {} rubric points (5 to 8)",
            q.number,
            q.rubric.len()
        );
        let missed: Vec<&str> = rubric::check(&q.rubric, &q.answer)
            .into_iter()
            .filter(|(_, named)| !named)
            .map(|(p, _)| p.point.as_str())
            .collect();
        assert!(
            missed.is_empty(),
            "question {}'s model answer misses its own rubric points: {missed:?}",
            q.number
        );
    }
}

#[test]
fn every_exercise_has_hidden_tests_a_solution_and_a_hint() {
    let kit = kit();
    assert_none(kit_check::files_and_hints(&kit, &all(&kit)));
}

#[test]
fn no_exercise_solution_or_test_file_is_an_orphan() {
    assert_none(kit_check::orphans(&kit()).unwrap());
}

/// The shipped kit, graded once for the tests that look at it (the first to ask runs it; the
/// other waits for it).
fn shipped_results(kit: &Kit) -> &'static [(usize, Outcome)] {
    static RESULTS: OnceLock<Vec<(usize, Outcome)>> = OnceLock::new();
    RESULTS.get_or_init(|| {
        let end = runner::run(
            kit,
            &Source::Shipped,
            &all(kit),
            &RunOptions::default(),
            &Cancel::default(),
            &|_| {},
        )
        .unwrap();
        let RunEnd::Done(results) = end else {
            panic!("the run was cancelled")
        };
        results
    })
}

#[test]
fn every_shipped_exercise_fails() {
    let kit = kit();
    assert_none(kit_check::passing_in(&kit, shipped_results(&kit)));
}

/// GitHub Classroom on a student's first push: the shipped kit, every exercise failing (most with
/// the compiler's errors), reported as the workflow in docs/classroom-autograding.yml hands it to
/// the grading reporter, one runner per question, each base64-encoded into one environment
/// variable. Linux allows one variable at most 128 KiB (MAX_ARG_STRLEN): each must stay under
/// 100 KiB.
#[test]
fn every_classroom_runner_of_the_shipped_kit_fits_in_one_environment_variable() {
    const RUNNER_LIMIT: usize = 100 * 1024;
    let kit = kit();
    let results = shipped_results(&kit);
    let exercises = kit.list.exercises();
    let graded = rustprep::report::Graded {
        kit: &kit,
        source: &Source::Shipped,
        results: results.iter().map(|(i, o)| (&exercises[*i], o)).collect(),
    };
    let runners = rustprep::report::classroom::runners(&graded);
    let names: Vec<&str> = runners.0.iter().map(|(name, _)| name.as_str()).collect();
    let want: Vec<String> = kit
        .list
        .questions()
        .iter()
        .map(|q| format!("q{:02}", q.number))
        .collect();
    assert_eq!(names, want, "one runner per question");
    // Where Miri is missing, what only Miri catches passes, and says so (see
    // every_shipped_exercise_fails).
    let unchecked: Vec<&str> = results
        .iter()
        .filter(|(_, o)| o.miri == MiriCheck::Skipped)
        .map(|(i, _)| exercises[*i].name.as_str())
        .collect();
    let mut reported = 0;
    for (name, result) in &runners.0 {
        let encoded = result.encoded().unwrap();
        assert!(
            encoded.len() < RUNNER_LIMIT,
            "runner {name}: {} bytes encoded",
            encoded.len()
        );
        let json: serde_json::Value = serde_json::to_value(result).unwrap();
        for test in json["tests"].as_array().unwrap() {
            reported += 1;
            let exercise = test["name"].as_str().unwrap();
            if unchecked.contains(&exercise) {
                continue;
            }
            assert_eq!(test["status"], "error", "{exercise}: shipped, it fails");
            let message = test["message"].as_str().unwrap();
            assert!(
                message.starts_with(&format!("❌ {exercise} — ")) && message.lines().count() > 1,
                "{exercise}: the message says why: {message:?}"
            );
        }
    }
    assert_eq!(reported, exercises.len(), "every exercise in a runner");
}

// libtest starts tests in the order of their names, as many at once as there are cores: the
// corpus, by far the longest, is named to start first, so that the others run beside it.
#[test]
fn corpus_every_wrong_fix_gets_its_verdict() {
    let kit = kit();
    let findings =
        kit_check::wrong_fixes(&kit, &all(&kit), &RunOptions::default(), &Cancel::default());
    assert_none(findings.unwrap());
}

#[test]
fn every_path_a_rule_disallows_leads_to_an_item() {
    let kit = kit();
    let findings =
        kit_check::rule_paths(&kit, &all(&kit), &RunOptions::default(), &Cancel::default());
    assert_none(findings.unwrap());
}

#[test]
fn every_model_answer_example_compiles() {
    let problems = rustprep::answer_code::check(&kit()).expect("cargo runs");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_solution_passes() {
    let kit = kit();
    let end = runner::run(
        &kit,
        &Source::Solutions,
        &all(&kit),
        &RunOptions::default(),
        &Cancel::default(),
        &|_| {},
    )
    .expect("the runner works");
    let RunEnd::Done(results) = end else {
        panic!("nothing cancelled this run");
    };
    let failing: Vec<String> = results
        .iter()
        .filter(|(_, o)| !o.passed())
        .map(|(i, o)| {
            let exercise = &kit.list.exercises()[*i];
            rustprep::report::details(exercise, &exercise.name, o)
        })
        .collect();
    assert!(
        failing.is_empty(),
        "these solutions do not pass:\n{}",
        failing.join("\n")
    );
}

#[test]
fn solutions_and_hidden_tests_are_rustfmt_clean() {
    let kit = kit();
    assert_none(kit_check::rustfmt(&kit, &all(&kit)).unwrap());
}

#[test]
fn solutions_and_hidden_tests_are_clippy_clean() {
    let kit = kit();
    assert_none(kit_check::clippy(&kit, &all(&kit)).unwrap());
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
