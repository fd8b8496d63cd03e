//! `rustprep watch` driven as a person drives it: the real binary in a pseudo-terminal of
//! 100x40, keys typed into it, files saved the ways editors save them, and the screen read back
//! as a terminal shows it. The fixture kits are `tests/fixtures/watch_*`.
//!
//! Waits are generous upper bounds (compiling on a busy two-core machine is slow); nothing here
//! asserts how fast anything is.

#![cfg(unix)]

mod watch_support;

use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

#[cfg(target_os = "linux")]
use watch_support::PRIMED;
use watch_support::{Kit, REDRAW, RESULT, Watch};

const COUNT_CHARS: &str = "exercises/01_strings/count_chars.rs";

/// The first exercise of `watch_basic`, fixed.
const COUNT_CHARS_FIXED: &str = "\
// Question 1 (Strings): count the characters of a string, not its bytes.

fn char_count(s: &str) -> usize {
    s.chars().count()
}
";

/// What the screen says about the first exercise as shipped.
const NOT_PASSING: &str = "exercises/01_strings/count_chars.rs is not passing yet";
const PASSES: &str = "✓ count_chars passes.";

/// Starts watch on a fresh copy of `watch_basic` (welcome seen) and waits for the first result.
fn watch_on_the_first_failure<'k>(kit: &'k Kit, args: &[&str]) -> Watch<'k> {
    let mut watch = Watch::start(kit, args);
    watch.wait_for_text(NOT_PASSING, RESULT);
    watch
}

#[test]
fn first_start_shows_the_welcome_then_any_key_shows_the_first_exercise() {
    let kit = Kit::new("watch_basic");
    let mut watch = Watch::start_inside(&kit, &[]);

    let screen = watch.wait_for_text("Welcome to rustprep!", REDRAW);
    for text in [
        "Edit the file shown below and save it: its hidden tests run at once.",
        "Your first exercise is exercises/01_strings/count_chars.rs.",
        "Press any key to start · q quit",
    ] {
        assert!(
            screen.contains(text),
            "the welcome shows {text:?}:\n{screen}"
        );
    }
    assert!(!screen.contains("Question 1"), "{screen}");

    watch.press(" ");
    let screen = watch.wait_for_text(NOT_PASSING, RESULT);
    for text in [
        "Question 1: Strings",
        "Why is the length of a String not its number of characters?",
        "0/3 exercises done",
        "Exercise 1/3: count_chars (fair)  exercises/01_strings/count_chars.rs",
        "✓ counts_ascii",
        "✗ counts_characters_not_bytes failed",
        "left: 6",
        "right: 5",
        "h hint · l list · n next · r re-run · c check all · e explain · x reset · q quit",
    ] {
        assert!(
            screen.contains(text),
            "the exercise shows {text:?}:\n{screen}"
        );
    }
    assert!(!screen.contains("Welcome"), "{screen}");
    let state = kit.read(".rustprep/state.json");
    assert!(state.contains(r#""welcomed": true"#), "{state}");

    // The welcome is for the first start only.
    watch.press("q");
    assert_eq!(watch.wait_exit(REDRAW), 0);
    drop(watch);
    let mut again = Watch::start_inside(&kit, &[]);
    let screen = again.wait_for_text("Exercise 1/3: count_chars", REDRAW);
    assert!(!screen.contains("Welcome"), "{screen}");
}

#[test]
fn saving_a_fix_in_place_shows_the_pass() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);

    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    let screen = watch.wait_for_text(PASSES, RESULT);
    assert!(!screen.contains(NOT_PASSING), "{screen}");
    assert!(screen.contains("1/3 exercises done"), "{screen}");
    assert!(screen.contains("Well done!"), "{screen}");
}

#[test]
fn a_fix_that_breaks_a_rule_is_shown_as_such_and_not_done() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);

    // The right count, through `unsafe` that the kit's rules forbid.
    kit.save_in_place(
        COUNT_CHARS,
        &COUNT_CHARS_FIXED.replace(
            "s.chars().count()",
            "unsafe { std::str::from_utf8_unchecked(s.as_bytes()) }.chars().count()",
        ),
    );
    let screen = watch.wait_for_text("breaks a rule of this exercise", RESULT);
    assert!(
        screen.contains("count_chars.rs:4 breaks the rule `unsafe_code`"),
        "{screen}"
    );
    assert!(
        screen.contains("Counting needs no unsafe code."),
        "{screen}"
    );
    assert!(screen.contains("0/3 exercises done"), "{screen}");

    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    let screen = watch.wait_for_text(PASSES, RESULT);
    assert!(screen.contains("1/3 exercises done"), "{screen}");
}

#[test]
fn saving_by_renaming_a_temporary_file_over_the_exercise_shows_the_pass() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);

    kit.save_by_rename(COUNT_CHARS, COUNT_CHARS_FIXED);
    let screen = watch.wait_for_text(PASSES, RESULT);
    assert!(screen.contains("1/3 exercises done"), "{screen}");

    // The file is a new one now (a new inode): its next save is seen too.
    kit.save_by_rename(
        COUNT_CHARS,
        &COUNT_CHARS_FIXED.replace(".chars()", ".bytes()"),
    );
    let screen = watch.wait_for_text(NOT_PASSING, RESULT);
    assert!(screen.contains("0/3 exercises done"), "{screen}");
}

/// A kit whose path goes through a symbolic link (as every temporary folder on macOS does):
/// some native watchers report the real paths, and saves must still be recognised.
#[test]
fn a_save_is_picked_up_in_a_kit_reached_through_a_symbolic_link() {
    let kit = Kit::welcomed("watch_basic");
    let link = kit.outside().join("link");
    std::os::unix::fs::symlink(kit.root(), &link).unwrap();
    let mut watch = Watch::start_via(&kit, &link, &[]);
    watch.wait_for_text(NOT_PASSING, RESULT);

    std::fs::write(link.join(COUNT_CHARS), COUNT_CHARS_FIXED).unwrap();
    watch.wait_for_text(PASSES, RESULT);
}

/// rust-analyzer builds the exercises (through `exercises/Cargo.toml`) in `exercises/target/`,
/// writing there for as long as its build lasts: a save meanwhile is still picked up.
#[test]
fn a_save_is_picked_up_while_an_editor_builds_in_exercises_target() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);

    let _editor = watch_support::BusyWriter::start(kit.path("exercises/target/debug/.fingerprint"));
    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    watch.wait_for_text(PASSES, RESULT);
}

/// Many saves, each checked to its end, leave watch with the threads and descriptors it had:
/// runs, their pipes and their file watches are all let go.
#[cfg(target_os = "linux")]
#[test]
fn many_saves_leak_no_thread_and_no_descriptor() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);
    let broken = COUNT_CHARS_FIXED.replace("s.chars().count()", "s.len()");
    let save_and_wait = |watch: &mut Watch<'_>, pass: bool| {
        kit.save_in_place(COUNT_CHARS, if pass { COUNT_CHARS_FIXED } else { &broken });
        watch.wait_for_text(if pass { PASSES } else { NOT_PASSING }, RESULT);
    };
    save_and_wait(&mut watch, true);
    save_and_wait(&mut watch, false);
    // Once a result is on screen its run's thread is on its way out: counts settle.
    let settled = |watch: &Watch<'_>, most: Option<(usize, usize)>| {
        let give_up = Instant::now() + Duration::from_secs(5);
        loop {
            let now = watch.threads_and_descriptors();
            let done = most.is_none_or(|(t, f)| now.0 <= t && now.1 <= f);
            if done || Instant::now() >= give_up {
                break now;
            }
            thread::sleep(Duration::from_millis(50));
        }
    };
    thread::sleep(Duration::from_millis(500));
    let before = settled(&watch, None);
    for round in 0..10 {
        save_and_wait(&mut watch, round % 2 == 0);
    }
    let after = settled(&watch, Some(before));
    assert!(
        after.0 <= before.0 && after.1 <= before.1,
        "threads and descriptors before 10 saves {before:?}, after {after:?}"
    );
}

#[test]
fn a_burst_of_saves_ends_on_the_result_of_the_last_one() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);

    // Broken four different ways, then right, as an editor's auto-save might write them.
    let body = |expr: &str| COUNT_CHARS_FIXED.replace("s.chars().count()", expr);
    let versions = [
        body("s.len("),
        body("s.len()"),
        body("s.split(' ').count()"),
        body("todo!()"),
        COUNT_CHARS_FIXED.to_owned(),
    ];
    for version in &versions {
        kit.save_in_place(COUNT_CHARS, version);
        thread::sleep(Duration::from_millis(10));
    }

    watch.wait_for_text(PASSES, RESULT);
    // Nothing older comes after it: no other run starts, and no other result replaces it.
    let watch_until = Instant::now() + Duration::from_secs(4);
    while Instant::now() < watch_until {
        let screen = watch.screen();
        assert!(screen.contains(PASSES), "the pass was replaced:\n{screen}");
        for older in ["⟳", "is not passing yet", "does not compile yet"] {
            assert!(
                !screen.contains(older),
                "after the pass, {older:?}:\n{screen}"
            );
        }
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn n_moves_to_the_next_pending_exercise() {
    let kit = Kit::new("watch_basic");
    kit.write(
        ".rustprep/state.json",
        r#"{"version":1,"current":null,"done":["first_word"],"welcomed":true}"#,
    );
    let mut watch = Watch::start(&kit, &[]);
    let screen = watch.wait_for_text("Exercise 1/3: count_chars", REDRAW);
    assert!(screen.contains("1/3 exercises done"), "{screen}");

    // first_word is done, so the next pending one is the third.
    watch.press("n");
    let screen = watch.wait_for_text("Exercise 3/3: total_len", REDRAW);
    assert!(screen.contains("Question 2: Moves"), "{screen}");
    assert!(!screen.contains("count_chars"), "{screen}");
    let screen = watch.wait_for_text("total_len.rs does not compile yet", RESULT);
    assert!(
        screen.contains("borrow of moved value: `words`"),
        "{screen}"
    );
    assert!(
        kit.read(".rustprep/state.json")
            .contains(r#""current": "total_len""#)
    );

    // From the last one it goes round to the first.
    watch.press("n");
    watch.wait_for_text(NOT_PASSING, RESULT);
}

#[test]
fn solving_the_last_exercise_shows_the_final_message_and_where_the_solutions_are() {
    let kit = Kit::new("watch_basic");
    kit.write(
        ".rustprep/state.json",
        r#"{"version":1,"current":null,"done":["first_word","total_len"],"welcomed":true}"#,
    );
    let mut watch = Watch::start(&kit, &[]);
    watch.wait_for_text(NOT_PASSING, RESULT);
    kit.save_by_rename(COUNT_CHARS, COUNT_CHARS_FIXED);
    let screen = watch.wait_for_text("All exercises pass!", RESULT);
    assert!(screen.contains("3/3 exercises done"), "{screen}");
    assert!(
        screen.contains("Every exercise of the small kit passes."),
        "the kit's final message:\n{screen}"
    );
    assert!(
        screen.contains("The reference solutions are in solutions/."),
        "{screen}"
    );
}

#[test]
fn a_second_watch_in_the_same_kit_says_that_another_is_running() {
    let kit = Kit::welcomed("watch_basic");
    let _first = watch_on_the_first_failure(&kit, &[]);
    let mut second = Watch::start(&kit, &[]);
    second.wait_for_text("Another watch is running in this kit", REDRAW);
}

#[test]
fn a_result_too_long_for_the_window_scrolls() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);
    // Thirty type errors: some two hundred lines, five times what the window holds.
    let errors: String = (0..30)
        .map(|i| format!("const C{i}: u32 = \"{i}\";\n"))
        .collect();
    kit.save_in_place(COUNT_CHARS, &format!("{COUNT_CHARS_FIXED}{errors}"));
    let top = watch.wait_for_screen(
        "the first lines of the errors and where they are",
        |s| s.contains("lines 1–") && s.contains("↓ more"),
        RESULT,
    );
    let closing = "count_chars.rs does not compile yet: read the first error above.";
    assert!(top.contains("error[E0308]"), "{top}");
    assert!(!top.contains(closing), "the end is below:\n{top}");
    assert!(
        top.contains("Exercise 1/3: count_chars"),
        "the exercise stays at the top:\n{top}"
    );

    watch.press("j");
    watch.wait_for_text("lines 2–", REDRAW);
    watch.press("\x1b[B");
    watch.wait_for_text("lines 3–", REDRAW);
    watch.press("k");
    watch.wait_for_text("lines 2–", REDRAW);

    watch.press("G");
    let end = watch.wait_for_text(closing, REDRAW);
    assert!(end.contains("↑ more"), "{end}");
    assert!(!end.contains("↓ more"), "{end}");
    assert!(
        end.contains("Exercise 1/3: count_chars"),
        "the exercise stays at the top:\n{end}"
    );

    watch.press("g");
    watch.wait_for_text("lines 1–", REDRAW);
    watch.press(" ");
    let paged = watch.wait_for_screen(
        "a page further down",
        |s| s.contains("↑↓ more") && !s.contains("lines 1–"),
        REDRAW,
    );
    assert!(!paged.contains("lines 2–"), "a page, not a line:\n{paged}");
}

#[test]
fn c_checks_every_exercise_and_lists_each_verdict_then_a_summary() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);
    watch.press("c");
    let summary = "Checked all 3 exercises: 0 pass, 1 does not compile, 2 fail.";
    let screen = watch.wait_for_text(summary, RESULT);
    for row in [
        " › ✗ count_chars  fail (current)",
        "   ✗ first_word  fail",
        "   ✗ total_len  compile error",
    ] {
        assert!(screen.contains(row), "the list shows {row:?}:\n{screen}");
    }
    let (list_end, summary_at) = (screen.find("total_len"), screen.find(summary));
    assert!(
        list_end < summary_at,
        "the summary comes after the list:\n{screen}"
    );

    // A save shows its own result, and the list keeps up with it.
    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    watch.wait_for_text(PASSES, RESULT);
    watch.press("l");
    let screen = watch.wait_for_text(" › ✓ count_chars (current)", REDRAW);
    assert!(
        screen.contains("Checked all 3 exercises: 1 passes, 1 does not compile, 1 fails."),
        "{screen}"
    );

    // Enter opens the exercise under the cursor.
    watch.press("j");
    watch.press("\r");
    watch.wait_for_text("Exercise 2/3: first_word", REDRAW);
}

#[test]
fn hint_fills_the_terminals_width_and_a_pipe_gets_it_as_written() {
    let kit = Kit::welcomed("watch_basic");
    let mut hint = Watch::command(&kit, &["hint", "first_word"]);
    assert_eq!(hint.wait_exit(REDRAW), 0);
    let screen = hint.wait_for_text("Hint for first_word", REDRAW);
    assert!(
        screen.contains("The first word ends at the first space."),
        "filled to the terminal's width:\n{screen}"
    );

    let piped = kit.rustprep(&["hint", "first_word"]).output();
    assert!(
        piped
            .stdout
            .contains("The first word ends\nat the first space."),
        "{piped:?}"
    );
}

#[test]
fn h_shows_and_hides_the_hint() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);
    let hint = "Hint: Count the characters, not the bytes.";
    assert!(!watch.screen().contains(hint));

    watch.press("h");
    let screen = watch.wait_for_text(hint, REDRAW);
    assert!(screen.contains(NOT_PASSING), "the result stays: {screen}");

    watch.press("h");
    watch.wait_for_screen("the hint gone", |s| !s.contains(hint), REDRAW);
}

#[test]
fn l_lists_the_exercises_and_enter_opens_the_one_picked() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);

    watch.press("l");
    let screen = watch.wait_for_text("↑/↓ move · Enter open · Esc back", REDRAW);
    for row in [
        "Exercises",
        "Q1 Strings",
        " › · count_chars (current)",
        "   · first_word",
        "Q2 Moves",
        "   · total_len",
    ] {
        assert!(screen.contains(row), "the list shows {row:?}:\n{screen}");
    }

    // Esc goes back to the exercise as it was.
    watch.press("\x1b");
    watch.wait_for_text(NOT_PASSING, REDRAW);

    // Arrows and j/k move the cursor.
    watch.press("l");
    watch.wait_for_text(" › · count_chars (current)", REDRAW);
    watch.press("\x1b[B");
    watch.wait_for_text(" › · first_word", REDRAW);
    watch.press("j");
    watch.wait_for_text(" › · total_len", REDRAW);
    watch.press("k");
    watch.wait_for_text(" › · first_word", REDRAW);
    watch.press("j");
    watch.wait_for_text(" › · total_len", REDRAW);

    watch.press("\r");
    let screen = watch.wait_for_text("Exercise 3/3: total_len", REDRAW);
    assert!(screen.contains("Question 2: Moves"), "{screen}");
    watch.wait_for_text("total_len.rs does not compile yet", RESULT);

    watch.press("l");
    watch.wait_for_text(" › · total_len (current)", REDRAW);
}

#[test]
fn e_asks_before_showing_the_model_answer_until_the_exercise_is_done() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);
    let answer = "len() counts the UTF-8 bytes; chars().count() counts the characters.";

    watch.press("e");
    let screen = watch.wait_for_text("You have not solved count_chars yet", REDRAW);
    assert!(screen.contains("Show it anyway?"), "{screen}");
    assert!(
        screen.contains("y show it · any other key: back"),
        "{screen}"
    );
    assert!(!screen.contains(answer), "{screen}");

    // Any key but y goes back without showing it.
    watch.press("n");
    let screen = watch.wait_for_text(NOT_PASSING, REDRAW);
    assert!(!screen.contains(answer), "{screen}");
    assert!(
        screen.contains("Exercise 1/3: count_chars"),
        "n was only the answer: {screen}"
    );

    watch.press("e");
    watch.wait_for_text("Show it anyway?", REDRAW);
    watch.press("y");
    let screen = watch.wait_for_text(answer, REDRAW);
    assert!(screen.contains("A model answer"), "{screen}");
    watch.press("\x1b");
    watch.wait_for_text(NOT_PASSING, REDRAW);

    // Once the exercise is done, e shows the answer at once.
    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    watch.wait_for_text(PASSES, RESULT);
    watch.press("e");
    let screen = watch.wait_for_text(answer, REDRAW);
    assert!(!screen.contains("Show it anyway?"), "{screen}");
}

/// Nothing the watch started is still running.
#[cfg(target_os = "linux")]
fn assert_no_process_left(watch: &Watch<'_>) {
    let left = watch.processes_left();
    assert!(
        left.is_empty(),
        "processes left behind:\n{}",
        left.join("\n")
    );
}

/// Checks that watch, once ended, left the terminal as it found it and no process behind.
#[cfg(target_os = "linux")]
fn assert_ended_cleanly(watch: &mut Watch<'_>, farewell: &str) {
    assert_eq!(watch.wait_exit(REDRAW), 0, "watch exits with status 0");
    watch.wait_for_text(farewell, REDRAW);
    assert_eq!(
        watch.modes(),
        watch.modes_at_start(),
        "the terminal's modes are restored"
    );
    assert!(watch.modes().cooked());
    assert!(!watch.cursor_hidden(), "the cursor is shown again");
    assert!(
        !watch.on_alternate_screen(),
        "the terminal is back on its main screen"
    );
    let screen = watch.screen();
    assert!(
        !screen.contains("q quit"),
        "nothing of watch's screen is left on the main one:\n{screen}"
    );
    assert_no_process_left(watch);
}

/// Starts watch on `watch_deadlock` and waits until its hidden test hangs (its limit is 30 s:
/// it is surely still running when the test acts).
#[cfg(target_os = "linux")]
fn watch_while_the_test_hangs(kit: &Kit) -> Watch<'_> {
    let mut watch = Watch::start(kit, &[]);
    watch.wait_for_text("Exercise 1/1: sum_sent", REDRAW);
    assert!(
        !watch.modes().cooked(),
        "watch reads single keys (raw mode)"
    );
    assert!(watch.cursor_hidden());
    assert!(
        watch.on_alternate_screen(),
        "watch draws on the alternate screen, so its redraws never reach the scrollback"
    );
    watch.wait_for_process("hidden_tests::adds_what_every_thread_sent", RESULT);
    let screen = watch.screen();
    assert!(
        screen.contains("⟳ Compiling and running the hidden tests…"),
        "{screen}"
    );
    watch
}

#[cfg(target_os = "linux")]
#[test]
fn q_quits_cleanly_and_stops_the_running_test() {
    let kit = Kit::welcomed("watch_deadlock");
    let mut watch = watch_while_the_test_hangs(&kit);
    watch.press("q");
    assert_ended_cleanly(
        &mut watch,
        "0/1 exercises done. Run `cargo run -- watch` to carry on.",
    );
}

/// Closing the terminal window hangs up watch's terminal, and the system sends it SIGHUP.
#[cfg(target_os = "linux")]
#[test]
fn closing_the_terminal_stops_the_running_test() {
    let kit = Kit::welcomed("watch_deadlock");
    let mut watch = watch_while_the_test_hangs(&kit);
    watch.signal(libc::SIGHUP);
    watch.wait_end(REDRAW);
    assert_no_process_left(&watch);
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_quits_cleanly_and_stops_the_build() {
    let kit = Kit::welcomed("watch_slow_build");
    let mut watch = Watch::start(&kit, &[]);
    watch.wait_for_text("Exercise 1/1: slow_const", REDRAW);
    // Its constant takes minutes to compute: rustc is surely still running.
    watch.wait_for_process("--crate-name slow_const", RESULT);
    // `r` with no new save says so, and starts the build over.
    watch.press("r");
    watch.wait_for_text("⟳ Checking again…", REDRAW);
    watch.wait_for_process("--crate-name slow_const", RESULT);
    watch.press("\x03");
    assert_ended_cleanly(&mut watch, "0/1 exercises done. Run");
}

#[cfg(target_os = "linux")]
#[test]
fn a_save_while_a_test_hangs_stops_it_and_shows_the_new_result() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);

    let hangs = COUNT_CHARS_FIXED.replace(
        "s.chars().count()",
        "std::thread::sleep(std::time::Duration::from_secs(3600));\n    s.len()",
    );
    kit.save_in_place(COUNT_CHARS, &hangs);
    watch.wait_for_process("hidden_tests::counts_ascii", RESULT);
    watch.wait_for_text(
        "⟳ Checking your latest save… (the result below is from the one before)",
        REDRAW,
    );

    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    watch.wait_for_text(PASSES, RESULT);
    let left = watch.run_processes_left();
    assert!(
        left.is_empty(),
        "the hanging run goes on:\n{}",
        left.join("\n")
    );
}

/// After a verdict the compiler of the next save is already loaded, waiting for its crate's
/// root; the save is compiled by it (rustc read its root from the FIFO), and quitting stops it.
#[cfg(target_os = "linux")]
#[test]
fn the_compiler_of_the_next_save_is_started_ahead_and_compiles_it() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);
    watch.wait_for_process(PRIMED, RESULT);

    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    watch.wait_for_text(PASSES, RESULT);
    let read = std::fs::read_to_string(
        kit.path("target/rustprep/target-plain/rustprep-direct/count_chars.d"),
    )
    .expect("rustc wrote what it read");
    assert!(read.contains(PRIMED), "{read}");
    // And the next one waits again.
    watch.wait_for_process(PRIMED, RESULT);
    watch.press("q");
    assert_ended_cleanly(&mut watch, "1/3 exercises done.");
}

#[test]
fn without_a_terminal_watch_exits_2_and_points_to_run_and_verify() {
    let kit = Kit::welcomed("watch_basic");
    let out = Command::new(env!("CARGO_BIN_EXE_rustprep"))
        .arg("--kit")
        .arg(kit.root())
        .arg("watch")
        .env_remove("RUSTPREP_KIT")
        // As an installed binary: not started by `cargo run`, so it names `rustprep` commands.
        .env_remove("CARGO_MANIFEST_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("rustprep runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for text in ["needs a terminal", "rustprep run", "rustprep verify"] {
        assert!(stderr.contains(text), "it says {text:?}:\n{stderr}");
    }
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn poll_mode_picks_up_a_save() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &["--poll"]);

    kit.save_in_place(COUNT_CHARS, COUNT_CHARS_FIXED);
    let screen = watch.wait_for_text(PASSES, RESULT);
    assert!(screen.contains("1/3 exercises done"), "{screen}");
}

/// notify's polling compares modification times in whole seconds: a second save in the same
/// second as the one the poller last saw must still be seen.
#[test]
fn poll_mode_picks_up_a_second_save_within_the_same_second() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &["--poll"]);

    // Two saves that a clock cannot tell apart: the same size, and the second given the first's
    // modification time, as happens when both land in one tick of a coarse clock. Only the
    // contents differ.
    let broken = COUNT_CHARS_FIXED.replace("s.chars().count()", "s.chars().count() ^ 1");
    let fixed = COUNT_CHARS_FIXED.replace("s.chars().count()", "s.chars().count()    ");
    assert_eq!(broken.len(), fixed.len());
    kit.save_in_place(COUNT_CHARS, &broken);
    watch.wait_for_text("✗ counts_ascii failed", RESULT);
    let path = kit.path(COUNT_CHARS);
    let first_save = std::fs::metadata(&path).unwrap().modified().unwrap();
    kit.save_in_place(COUNT_CHARS, &fixed);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(first_save))
        .unwrap();

    let screen = watch.wait_for_text(PASSES, RESULT);
    assert!(screen.contains("1/3 exercises done"), "{screen}");
}

#[test]
fn x_asks_then_puts_the_exercise_back_as_shipped() {
    let kit = Kit::welcomed("watch_basic");
    let mut watch = watch_on_the_first_failure(&kit, &[]);
    let shipped = kit.read(COUNT_CHARS);
    // An edit whose verdict tells it apart from the shipped file's.
    let edited = format!("{shipped}\nfn half_written(\n");
    kit.save_in_place(COUNT_CHARS, &edited);
    watch.wait_for_text("count_chars.rs does not compile yet", RESULT);

    // Any key but y keeps the learner's changes.
    watch.press("x");
    let screen = watch.wait_for_text(
        "back as it was shipped? Your changes to it are lost.",
        REDRAW,
    );
    assert!(screen.contains("y put it back"), "{screen}");
    watch.press("n");
    watch.wait_for_text("x reset", REDRAW);
    assert_eq!(kit.read(COUNT_CHARS), edited, "n kept the changes");

    watch.press("x");
    watch.wait_for_text("Your changes to it are lost.", REDRAW);
    watch.press("y");
    watch.wait_for_text("count_chars is back as it was shipped.", REDRAW);
    assert_eq!(kit.read(COUNT_CHARS), shipped);
    watch.wait_for_text(NOT_PASSING, RESULT);
}
