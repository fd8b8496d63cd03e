//! `rustprep interview` driven as a candidate would: in a real pseudo-terminal, with a fixed
//! seed, writing the answer file, saving a fix to the fresh copy of the exercise, and reading the
//! scorecard and the files it leaves under `answers/`.
#![cfg(unix)]

mod watch_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use watch_support::{Kit, REDRAW, RESULT, WELCOMED, Watch};

const COUNT_CHARS: &str = "01_strings/count_chars.rs";
const COUNT_CHARS_FIXED: &str = "\
// Question 1 (Strings): count the characters of a string, not its bytes.

fn char_count(s: &str) -> usize {
    s.chars().count()
}
";

fn kit() -> Kit {
    let kit = Kit::new("watch_basic");
    kit.write(".rustprep/state.json", WELCOMED);
    kit
}

/// The one folder an interview made under `answers/`.
fn session(kit: &Kit) -> PathBuf {
    let mut sessions: Vec<PathBuf> = std::fs::read_dir(kit.path("answers"))
        .expect("answers/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(sessions.len(), 1, "one interview, one folder: {sessions:?}");
    sessions.remove(0)
}

/// The fresh copy of an exercise that the interview hands out.
fn scratch_copy(kit: &Kit, rel: &str) -> PathBuf {
    let dir = kit.path(".rustprep/interview");
    let session = std::fs::read_dir(&dir)
        .expect("the scratch folder exists")
        .next()
        .expect("one session")
        .unwrap()
        .path();
    session.join(rel)
}

fn save(path: &Path, contents: &str) {
    let tmp = path.with_extension("rs.tmp");
    std::fs::write(&tmp, contents).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn the_candidate_answers_fixes_a_fresh_copy_and_gets_a_scorecard() {
    let kit = kit();
    // first_word is done, so the exercise drawn for question 1 is the one not done yet.
    kit.write(
        ".rustprep/state.json",
        r#"{"version":1,"current":null,"done":["first_word"],"welcomed":true}"#,
    );
    let practice_before = kit.read(&format!("exercises/{COUNT_CHARS}"));
    let mut interview = Watch::command(
        &kit,
        &[
            "interview",
            "--question",
            "1",
            "--seed",
            "1",
            "--minutes",
            "30",
        ],
    );

    let screen = interview.wait_for_text("Step 1 of 2", REDRAW);
    assert!(
        screen.contains("Mock interview: question 1 of 1"),
        "{screen}"
    );
    assert!(
        screen.contains("Why is the length of a String not its number of characters?"),
        "{screen}"
    );
    let answer = session(&kit).join("q01.md");
    assert!(
        screen.contains("q01.md"),
        "the screen names the answer file:\n{screen}"
    );
    let mut text = std::fs::read_to_string(&answer).unwrap();
    text.push_str("len() counts bytes; chars() walks the characters.\n");
    std::fs::write(&answer, text).unwrap();

    interview.press("\r");
    let screen = interview.wait_for_text("Step 2 of 2", REDRAW);
    let copy = scratch_copy(&kit, COUNT_CHARS);
    assert!(screen.contains("count_chars.rs"), "{screen}");
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        practice_before,
        "a fresh copy"
    );
    interview.wait_for_text("is not passing yet", RESULT);

    // The pass is shown, and the interview waits for the candidate to go on.
    save(&copy, COUNT_CHARS_FIXED);
    let screen = interview.wait_for_text("✓ Solved in", RESULT);
    for text in [
        "✓ count_chars passes.",
        "Press Enter for the scorecard.",
        "Enter: go on · q end the interview",
    ] {
        assert!(
            screen.contains(text),
            "the verdict shows {text:?}:\n{screen}"
        );
    }
    assert!(!screen.contains("left"), "the clock has stopped:\n{screen}");
    interview.press("\r");
    assert_eq!(interview.wait_exit(RESULT), 0);
    let screen = interview.screen();
    assert!(screen.contains("1 of 1 exercises solved"), "{screen}");
    assert!(screen.contains("scorecard.md"), "{screen}");

    assert_eq!(
        kit.read(&format!("exercises/{COUNT_CHARS}")),
        practice_before,
        "practice file untouched"
    );
    let card = std::fs::read_to_string(session(&kit).join("scorecard.md")).unwrap();
    assert!(
        card.contains("| 1 | Strings | `count_chars` | yes |"),
        "{card}"
    );
    assert!(
        card.contains("--seed 1 --questions 1 --minutes 30 --question 1"),
        "the command that repeats the interview keeps its question: {card}"
    );
    assert!(
        card.contains("### Your answer\n\nlen() counts bytes; chars() walks the characters."),
        "{card}"
    );
    assert!(
        card.contains("### Model answer\n\nlen() counts the UTF-8 bytes"),
        "{card}"
    );
    assert!(
        card.contains(
            "### Checklist: 2 of 3 points\n\nWhat a strong answer says, matched on key words"
        ) && card.contains("- [x] len() counts bytes\n- [x] chars() counts Unicode scalar values\n- [ ] UTF-8 takes one to four bytes a character"),
        "the checklist shows what the answer covered and what it missed:\n{card}"
    );
    let history: serde_json::Value =
        serde_json::from_str(&kit.read("answers/history.json")).unwrap();
    assert_eq!(history.as_array().map(Vec::len), Some(1), "{history}");
    assert_eq!(history[0]["seed"], 1);
    assert_eq!(history[0]["results"][0]["solved"], true);
    assert_eq!(history[0]["results"][0]["rubric"]["covered"], 2);
    assert_eq!(history[0]["results"][0]["rubric"]["of"], 3);
    let table = kit.rustprep(&["interview", "--history"]).output();
    assert!(
        table.stdout.contains("checklist") && table.stdout.contains("2/3"),
        "the history shows the checklist's coverage: {table:?}"
    );
}

#[test]
fn when_time_runs_out_the_question_ends_unsolved() {
    let kit = kit();
    // Three seconds for the question.
    let mut interview = Watch::command(
        &kit,
        &[
            "interview",
            "--question",
            "2",
            "--seed",
            "1",
            "--minutes",
            "0.05",
        ],
    );
    interview.wait_for_text("Step 1 of 2", REDRAW);
    let screen = interview.wait_for_text("⏱ Time's up: the exercise is not solved.", RESULT);
    assert!(
        screen.contains("Press Enter for the scorecard."),
        "{screen}"
    );
    interview.press("\r");
    assert_eq!(interview.wait_exit(REDRAW), 0);
    let card = std::fs::read_to_string(session(&kit).join("scorecard.md")).unwrap();
    assert!(card.contains("| 2 | Moves | `total_len` | no |"), "{card}");
    assert!(card.contains("0 of 1 exercises solved"), "{card}");
    assert!(card.contains("(no answer written)"), "{card}");
}

#[test]
fn a_skipped_question_says_so_and_enter_goes_on_to_the_next() {
    let kit = kit();
    let mut interview = Watch::command(&kit, &["interview", "--questions", "2", "--seed", "7"]);
    interview.wait_for_text("Mock interview: question 1 of 2", REDRAW);
    interview.press("\r");
    interview.wait_for_text("Step 2 of 2", REDRAW);
    interview.press("s");
    let screen = interview.wait_for_text("Skipped: the question counts as not solved.", REDRAW);
    assert!(
        screen.contains("Press Enter for the next question (its clock starts then)."),
        "{screen}"
    );
    assert!(
        screen.contains("Mock interview: question 1 of 2"),
        "{screen}"
    );
    interview.press("\r");
    interview.wait_for_text("Mock interview: question 2 of 2", REDRAW);
    interview.press("q");
    assert_eq!(interview.wait_exit(REDRAW), 0);
    let card = std::fs::read_to_string(session(&kit).join("scorecard.md")).unwrap();
    assert!(card.contains("0 of 1 exercises solved"), "{card}");
}

#[test]
fn q_ends_the_interview_early_and_keeps_what_was_written() {
    let kit = kit();
    let mut interview = Watch::command(&kit, &["interview", "--questions", "2", "--seed", "7"]);
    interview.wait_for_text("Step 1 of 2", REDRAW);
    interview.press("q");
    assert_eq!(interview.wait_exit(REDRAW), 0);
    let session = session(&kit);
    assert!(session.join("scorecard.md").is_file());
    let answers = std::fs::read_dir(&session).unwrap().count();
    assert_eq!(answers, 3, "two answer files and the scorecard are kept");
    assert!(
        !kit.path("answers/history.json").exists(),
        "an interview with no question finished is not history"
    );
}

#[test]
fn the_same_seed_asks_the_same_questions_in_the_same_order() {
    let first_question = |seed: &str| {
        let kit = kit();
        let mut interview =
            Watch::command(&kit, &["interview", "--questions", "2", "--seed", seed]);
        let screen = interview.wait_for_text("Step 1 of 2", REDRAW);
        interview.press("q");
        interview.wait_exit(REDRAW);
        screen
            .lines()
            .find(|l| l.starts_with("Question "))
            .unwrap_or_default()
            .to_owned()
    };
    let a = first_question("11");
    assert!(!a.is_empty());
    assert_eq!(a, first_question("11"), "the same seed");
    let others: Vec<String> = ["1", "2", "3", "4", "5", "6"]
        .iter()
        .map(|s| first_question(s))
        .collect();
    assert!(
        others.iter().any(|q| q != &a),
        "other seeds draw otherwise: {a} / {others:?}"
    );
}

#[test]
fn history_works_without_a_terminal_and_the_interview_does_not() {
    let kit = kit();
    let rustprep = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rustprep"))
            .arg("--kit")
            .arg(kit.root())
            .args(args)
            .env_remove("NO_COLOR")
            .output()
            .unwrap()
    };
    let history = rustprep(&["interview", "--history"]);
    assert_eq!(history.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&history.stdout).contains("No interviews yet"));

    let interview = rustprep(&["interview"]);
    assert_eq!(interview.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&interview.stderr);
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("--history"),
        "{stderr}"
    );
}
