//! The engine seen from outside: the real `rustprep` binary run on small fixture kits (under
//! `tests/fixtures/`), with what a user sees asserted: the lines printed, the exit code (0 all
//! good, 1 an exercise did not pass, 2 a usage or kit error) and the files left on disk.
//!
//! Runs that compile are the slow part, so the kits whose runs only need reading are run once
//! (the `outcomes` and `basics` runs below) and shared by the tests that read them; a test that
//! changes its kit gets a copy of its own.

mod support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use support::{Kit, Output};

// ---------------------------------------------------------------------------------------------
// Every outcome, through one `verify -v` of the `outcomes` kit.

struct OutcomesRun {
    verify: Output,
    /// The kit's absolute path, which no output should show.
    kit_path: String,
    /// Processes still naming the kit's folder once the run is over.
    #[cfg(target_os = "linux")]
    left_behind: Vec<String>,
}

fn outcomes() -> &'static OutcomesRun {
    static RUN: OnceLock<OutcomesRun> = OnceLock::new();
    RUN.get_or_init(|| {
        let kit = Kit::new("outcomes");
        let verify = kit.rustprep(&["verify", "-v"]).output();
        OutcomesRun {
            #[cfg(target_os = "linux")]
            left_behind: kit.processes_left_behind(),
            kit_path: kit.root().display().to_string(),
            verify,
        }
    })
}

/// Fails the test unless `name`'s row in the shared run's table says `expected`; returns what
/// `-v` printed about `name`.
#[track_caller]
fn assert_outcome(name: &str, expected: &str) -> &'static str {
    let run = outcomes();
    assert_eq!(
        run.verify.outcome_of(name).as_deref(),
        Some(expected),
        "outcome of `{name}`\n{:?}",
        run.verify
    );
    run.verify.details_of(name)
}

/// The line of `details` that names the test `test`, trimmed.
#[track_caller]
fn test_line<'a>(details: &'a str, test: &str) -> &'a str {
    details
        .lines()
        .map(str::trim)
        .find(|l| l.split_whitespace().nth(1) == Some(test))
        .unwrap_or_else(|| panic!("no line for the test `{test}` in:\n{details}"))
}

/// `details` says `text`.
#[track_caller]
fn assert_says(details: &str, text: &str) {
    assert!(details.contains(text), "{details}");
}

/// The line of the hidden test `test` in `details` ends with `verdict` ("failed", "crashed" ...).
#[track_caller]
fn assert_test_line_ends(details: &str, test: &str, verdict: &str) {
    assert!(test_line(details, test).ends_with(verdict), "{details}");
}

#[test]
fn verify_prints_a_row_per_exercise_and_exits_1_when_any_fails() {
    let run = outcomes();
    run.verify.assert_code(1);
    let rows = [
        ("passes", "pass"),
        ("assertion_fails", "fail"),
        ("does_not_compile", "compile error"),
        ("renamed_function", "compile error"),
        ("deadlocks", "timeout"),
        ("sleeps_past_its_limit", "timeout"),
        ("waits_past_its_limit", "timeout"),
        ("waits_then_finishes", "pass"),
        ("exits_early", "fail"),
        ("fakes_ok_println", "fail"),
        ("fakes_ok_write_all", "fail"),
        ("overflows_stack", "crash"),
        ("floods_output", "fail"),
        ("run_exits_zero", "pass"),
        ("run_exits_three", "fail"),
    ];
    for (name, outcome) in rows {
        assert_eq!(
            run.verify.outcome_of(name).as_deref(),
            Some(outcome),
            "row of `{name}`\n{:?}",
            run.verify
        );
    }
    assert!(
        run.verify
            .stdout
            .lines()
            .any(|l| l == "3 passed, 12 failed"),
        "{:?}",
        run.verify
    );
}

#[test]
fn passing_exercise_is_pass_and_gets_no_details() {
    let run = outcomes();
    assert_eq!(run.verify.outcome_of("passes").as_deref(), Some("pass"));
    assert!(
        !run.verify.stdout.contains("── passes ──"),
        "-v details only what did not pass\n{:?}",
        run.verify
    );
}

#[test]
fn failing_assertion_is_fail_and_verbose_shows_its_message() {
    let details = assert_outcome("assertion_fails", "fail");
    assert_test_line_ends(details, "doubles_three", "failed");
    assert_says(
        details,
        "assertion `left == right` failed: double(3) should be six",
    );
    assert!(
        details.contains("left: 4") && details.contains("right: 6"),
        "{details}"
    );
}

#[test]
fn compile_error_shows_rustcs_error_with_the_path_relative_to_the_kit() {
    let details = assert_outcome("does_not_compile", "compile error");
    assert_says(details, "error[E0308]: mismatched types");
    assert_says(details, "--> exercises/01_outcomes/does_not_compile.rs:4:5");
    let run = outcomes();
    assert!(
        !run.verify.all().contains(&run.kit_path),
        "the kit's absolute path is shown\n{:?}",
        run.verify
    );
}

#[test]
fn the_learners_own_errors_come_before_those_in_the_hidden_tests() {
    let details = assert_outcome("renamed_function", "compile error");
    let own = details
        .find("--> exercises/01_outcomes/renamed_function.rs")
        .unwrap_or_else(|| panic!("the error in the learner's file is shown\n{details}"));
    let tests = details
        .find("--> tests/01_outcomes/renamed_function.rs")
        .unwrap_or_else(|| panic!("the error in the hidden tests is shown\n{details}"));
    // rustc reports the unknown name (found while resolving names) before the type error.
    assert!(own < tests, "{details}");
    let explain = details
        .find("rustc --explain")
        .unwrap_or_else(|| panic!("rustc's closing note is shown\n{details}"));
    assert!(
        tests < explain,
        "the closing note comes after every error\n{details}"
    );
}

#[test]
fn deadlock_is_reported_as_timeout_naming_the_test() {
    let details = assert_outcome("deadlocks", "timeout");
    assert_test_line_ends(details, "waits_forever", "waits_forever did not finish");
    assert!(
        test_line(details, "quick_one_finishes").starts_with('✓'),
        "the exercise's other test still gives its result\n{details}"
    );
    if cfg!(target_os = "linux") {
        // Every thread waits on a lock or a join, and the copy it started parks for ever:
        // nothing can end any of the waits, and that is seen long before the 2 s limit.
        assert_says(details, "deadlocked: all ");
        assert_says(
            details,
            "none can wake another (stopped before its time limit)",
        );
        assert_says(details, "deadlocked: every thread was waiting");
        assert!(!details.contains("did not finish in 2 s"), "{details}");
    } else {
        assert_says(details, "did not finish in 2 s");
    }
}

#[test]
fn a_test_that_sleeps_is_stopped_at_its_limit_not_called_a_deadlock() {
    let details = assert_outcome("sleeps_past_its_limit", "timeout");
    assert_test_line_ends(details, "polls_for_ever", "polls_for_ever did not finish");
    assert_says(details, "did not finish in 2 s");
    assert!(!details.contains("deadlocked"), "{details}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_wait_whose_timeout_comes_after_the_limit_is_stopped_as_a_deadlock() {
    let details = assert_outcome("waits_past_its_limit", "timeout");
    assert_says(details, "deadlocked");
    assert!(!details.contains("did not finish in 2 s"), "{details}");
}

#[test]
fn waits_that_end_are_no_deadlock() {
    // A join on a sleeping thread, a timed wait that ends before the limit, a channel whose
    // sender sleeps first: every thread waits for a while, and each test passes.
    let run = outcomes();
    assert_eq!(
        run.verify.outcome_of("waits_then_finishes").as_deref(),
        Some("pass"),
        "{:?}",
        run.verify
    );
}

#[cfg(target_os = "linux")]
#[test]
fn timed_out_test_and_the_process_it_started_are_not_left_behind() {
    let run = outcomes();
    assert_eq!(
        run.verify.outcome_of("deadlocks").as_deref(),
        Some("timeout")
    );
    assert!(
        run.left_behind.is_empty(),
        "still running after verify ended:\n{}",
        run.left_behind.join("\n")
    );
}

#[test]
fn process_exit_in_the_code_is_a_fail_that_never_reported_a_result() {
    let details = assert_outcome("exits_early", "fail");
    assert_test_line_ends(
        details,
        "halves_odd_numbers_down",
        "never reported a result",
    );
}

#[test]
fn fake_ok_lines_printed_with_println_do_not_make_a_pass() {
    let details = assert_outcome("fakes_ok_println", "fail");
    assert_test_line_ends(details, "triples", "failed");
    assert_says(details, "left: 8");
}

#[test]
fn fake_ok_lines_written_straight_to_stdout_do_not_make_a_pass() {
    let details = assert_outcome("fakes_ok_write_all", "fail");
    assert_test_line_ends(details, "triples", "failed");
    assert_says(details, "left: 8");
}

#[test]
fn stack_overflow_is_a_crash() {
    let details = assert_outcome("overflows_stack", "crash");
    assert_test_line_ends(details, "counts_down", "crashed");
    assert_says(details, "stack overflow");
}

#[test]
fn output_flood_is_a_fail_with_the_output_cut_and_the_cut_said() {
    let run = outcomes();
    let details = assert_outcome("floods_output", "fail");
    assert_test_line_ends(details, "sums", "failed");
    // The test printed 50 MiB; a few MiB at most may reach the screen.
    assert!(
        run.verify.stdout.len() < 4 << 20,
        "{} bytes printed",
        run.verify.stdout.len()
    );
    let said: Vec<&str> = details
        .lines()
        .filter(|l| !l.trim_start().starts_with("spam"))
        .collect();
    assert!(
        said.iter().any(|l| l.contains("[output cut:")),
        "the cut is not said; the lines other than the test's own output:\n{}",
        said.join("\n")
    );
}

#[test]
fn run_mode_main_exiting_0_is_a_pass() {
    assert_eq!(
        outcomes().verify.outcome_of("run_exits_zero").as_deref(),
        Some("pass")
    );
}

#[test]
fn run_mode_main_exiting_3_is_a_fail_that_says_the_status() {
    let details = assert_outcome("run_exits_three", "fail");
    assert_test_line_ends(details, "main", "failed");
    assert_says(details, "main exited with status 3");
    assert!(
        details.contains("giving up"),
        "what main printed\n{details}"
    );
}

/// A program may not read another file at compile time either, even when another exercise of
/// the same build fails (cargo then writes no dep-info of its own beside the program).
#[test]
fn a_program_that_reads_a_file_of_the_kit_at_compile_time_does_not_compile() {
    let kit = Kit::new("outcomes");
    kit.write(
        "exercises/01_outcomes/run_exits_zero.rs",
        "fn main() {\n    println!(\"{}\", include_str!(\"../../info.toml\").len());\n}\n",
    );
    let run = kit
        .rustprep(&["verify", "-v", "run_exits_zero", "does_not_compile"])
        .output();
    assert_eq!(
        run.outcome_of("run_exits_zero").as_deref(),
        Some("compile error"),
        "{run:?}"
    );
    assert_says(
        run.details_of("run_exits_zero"),
        "reads info.toml at compile time",
    );
}

#[test]
fn verify_without_a_terminal_prints_no_ansi_escapes_not_even_rustcs() {
    let run = outcomes();
    assert!(
        run.verify.stdout.contains("error[E0308]"),
        "{:?}",
        run.verify
    );
    assert!(
        !run.verify.all().contains('\x1b'),
        "ANSI escapes in:\n{:?}",
        run.verify
    );
}

// ---------------------------------------------------------------------------------------------
// Solutions and submissions, through the `basics` kit.

struct BasicsRun {
    solutions: Output,
    solutions_of_question_2: Output,
    submission: Output,
}

fn basics() -> &'static BasicsRun {
    static RUN: OnceLock<BasicsRun> = OnceLock::new();
    RUN.get_or_init(|| {
        let kit = Kit::new("basics");
        // A submission that solved borrow1 and has no file for the other two exercises.
        let submission = kit.outside().join("submission");
        std::fs::create_dir_all(submission.join("01_borrowing")).unwrap();
        std::fs::write(
            submission.join("01_borrowing/borrow1.rs"),
            kit.read("solutions/01_borrowing/borrow1.rs"),
        )
        .unwrap();
        BasicsRun {
            solutions: kit.rustprep(&["verify", "--solutions"]).output(),
            solutions_of_question_2: kit.rustprep(&["verify", "--solutions", "2"]).output(),
            submission: kit
                .rustprep(&[
                    "verify",
                    "-v",
                    "--exercises",
                    &submission.display().to_string(),
                ])
                .output(),
        }
    })
}

#[test]
fn verify_solutions_passes_when_every_solution_is_right() {
    let run = &basics().solutions;
    run.assert_code(0);
    for name in ["borrow1", "borrow2", "moves1"] {
        assert_eq!(run.outcome_of(name).as_deref(), Some("pass"), "{run:?}");
    }
    assert!(
        run.stdout.lines().any(|l| l == "3 passed, 0 failed"),
        "{run:?}"
    );
    assert!(
        run.stdout
            .contains("Kit check: every shipped exercise fails"),
        "{run:?}"
    );
}

#[test]
fn verify_solutions_also_checks_the_kit_and_says_what_is_wrong() {
    let kit = Kit::new("basics");
    // An exercise shipped already solved, and a stray hidden test file: both kit mistakes.
    kit.write(
        "exercises/02_moves/moves1.rs",
        &kit.read("solutions/02_moves/moves1.rs"),
    );
    kit.write("tests/02_moves/moves2.rs", "use super::*;\n");
    let out = kit.rustprep(&["verify", "--solutions"]).output();
    out.assert_code(1);
    assert_eq!(out.outcome_of("moves1").as_deref(), Some("pass"), "{out:?}");
    assert!(out.stdout.contains("Kit check: 2 problem(s)"), "{out:?}");
    assert!(out.stdout.contains("moves1 passes as shipped"), "{out:?}");
    assert!(
        out.stdout
            .contains("tests/02_moves/moves2.rs belongs to no exercise in info.toml"),
        "{out:?}"
    );
}

#[test]
fn verify_solutions_holds_every_wrong_fix_to_its_verdict() {
    let kit = Kit::new("basics");
    let info = kit.read("info.toml").replacen(
        "[[questions]]",
        "wrong_fixes_per_exercise = 5\n\n\
         [[rules]]\ndisallow = \"std::mem::take\"\nwhy = \"Taking the vector leaves it empty.\"\n\n\
         [[rules]]\ndisallow = \"std::mem::no_such_function\"\nwhy = \"A misspelt path.\"\n\n\
         [[questions]]",
        1,
    );
    kit.write("info.toml", &info);
    let corpus = [
        returning_case(
            "returns_a_new_vector",
            "fail",
            "It loses what was there: the tests catch it.",
            "vec![1]",
        ),
        returning_case(
            "takes_the_vector",
            "rule",
            "Taking the vector out leaves the caller's empty: a rule catches it.",
            "std::mem::take(&mut v)",
        ),
        returning_case(
            "clones_the_vector",
            "fail",
            "Claimed wrong, but it is right: the kit check must say it passes.",
            "v.clone()",
        ),
        corpus_case(
            "gone_stale",
            "fail",
            "Its text is no longer in the exercise.",
            "    v.push(2);",
            "    v.push(3);",
        ),
    ];
    kit.write("tests/wrong_fixes/02_moves/moves1.toml", &corpus.concat());
    let out = kit.rustprep(&["verify", "--solutions", "2"]).output();
    out.assert_code(1);
    let problems = [
        "the wrong fix `clones_the_vector` of moves1 gets `pass`, not `fail`",
        "the wrong fix `gone_stale` of moves1 no longer applies to the shipped exercise: edit 1 finds its text 0 times",
        "a rule in info.toml disallows a path that leads to nothing: `std::mem::no_such_function`",
        "moves1 has 4 wrong fixes in tests/wrong_fixes/02_moves/moves1.toml; at least 5 are wanted",
    ];
    for problem in problems {
        assert!(out.stdout.contains(problem), "{problem}\n{out:?}");
    }
    assert!(out.stdout.contains("Kit check: 4 problem(s)"), "{out:?}");
    for held in ["returns_a_new_vector", "takes_the_vector"] {
        assert!(!out.stdout.contains(held), "{held}\n{out:?}");
    }
}

/// One corpus case: its name, the verdict it must get, why, and one edit (`find` and `replace`,
/// each a line, written as in a TOML basic string).
fn corpus_case(name: &str, verdict: &str, why: &str, find: &str, replace: &str) -> String {
    format!(
        "[[fix]]\nname = \"{name}\"\nverdict = \"{verdict}\"\nwhy = \"{why}\"\n\
         [[fix.edit]]\nfind = \"{find}\\n\"\nreplace = \"{replace}\\n\"\n\n"
    )
}

/// A case of moves1's corpus that gives back `body` instead of the shipped `Vec::new()`.
fn returning_case(name: &str, verdict: &str, why: &str, body: &str) -> String {
    corpus_case(name, verdict, why, "    Vec::new()", &format!("    {body}"))
}

/// Checks that the kit check of moves1 finds nothing wrong, its corpus included.
fn assert_the_kit_check_of_moves1_passes(kit: &Kit) {
    let out = kit.rustprep(&["verify", "--solutions", "moves1"]).output();
    out.assert_code(0);
    assert!(
        out.stdout
            .contains("Kit check: every shipped exercise fails"),
        "{out:?}"
    );
}

/// Writes `corpus` back with its first case (a wrong fix, named `name`) called correct, and
/// checks that the kit check of moves1 says so.
fn assert_a_corpus_wrong_about_the_first_case_is_told(kit: &Kit, corpus: &[String], name: &str) {
    assert_a_corpus_calling_the_first_case_right_is_told(
        kit,
        &corpus[..2],
        "fail",
        &format!("the correct fix `{name}` of moves1 gets `fail`, not `pass`"),
    );
}

/// Writes `corpus` back with its first case (whose verdict is `was`) called correct, and checks
/// that the kit check of moves1 says `told`.
fn assert_a_corpus_calling_the_first_case_right_is_told(
    kit: &Kit,
    corpus: &[String],
    was: &str,
    told: &str,
) {
    let first = corpus[0].replacen(&format!("verdict = \"{was}\""), "verdict = \"pass\"", 1);
    kit.write(
        "tests/wrong_fixes/02_moves/moves1.toml",
        &[&[first], &corpus[1..]].concat().concat(),
    );
    let out = kit.rustprep(&["verify", "--solutions", "moves1"]).output();
    out.assert_code(1);
    assert!(out.stdout.contains(told), "{out:?}");
    assert!(out.stdout.contains("Kit check: 1 problem(s)"), "{out:?}");
}

/// Gives moves1 the rules `rules` (the entries of a TOML array).
fn give_moves1_rules(kit: &Kit, rules: &str) {
    let info = kit.read("info.toml");
    let hint = "hint = \"Give back what you were given.\"";
    kit.write(
        "info.toml",
        &info.replace(hint, &format!("{hint}\nrules = [{rules}]")),
    );
}

#[test]
fn verify_solutions_grades_one_by_one_the_wrong_fixes_that_cannot_share_a_crate() {
    // The corpus of an exercise is compiled as one crate, a module a case; two cases that each
    // define the same unmangled symbol cannot share one, and must still get their verdicts.
    let kit = Kit::new("basics");
    let case = |name: &str, verdict: &str, body: &str| {
        let replace =
            format!("    {body}\\n}}\\n\\n#[unsafe(no_mangle)]\\nextern \\\"C\\\" fn twin() {{");
        corpus_case(name, verdict, "A twin.", "    Vec::new()", &replace)
    };
    let corpus = [
        case("loses_the_vector", "fail", "vec![1]"),
        case("gives_it_back", "pass", "v"),
        case("gives_back_a_copy", "pass", "v.clone()"),
    ];
    kit.write("tests/wrong_fixes/02_moves/moves1.toml", &corpus.concat());
    assert_the_kit_check_of_moves1_passes(&kit);
    // A corpus that is wrong about one of them is still told so.
    assert_a_corpus_wrong_about_the_first_case_is_told(&kit, &corpus, "loses_the_vector");
}

#[test]
fn verify_solutions_never_batches_a_wrong_fix_that_reaches_through_super() {
    // In a batch's module, `super` is the batch's root; at a crate's root it is an error. A case
    // that uses it at its top level does not compile alone, and must be told so even when the
    // corpus calls it right and its exercise's other cases share a crate.
    let kit = Kit::new("basics");
    let case = |name: &str, verdict: &str, body: &str| {
        let replace = format!("    {body}\\n}}\\n\\nuse super::*;\\n\\nfn unused() {{");
        corpus_case(name, verdict, "Reaches up.", "    Vec::new()", &replace)
    };
    let corpus = [
        case("reaches_up", "compile_error", "v"),
        returning_case("gives_it_back", "pass", "Right.", "v"),
        returning_case("loses_the_vector", "fail", "Lost.", "vec![1]"),
    ];
    kit.write("tests/wrong_fixes/02_moves/moves1.toml", &corpus.concat());
    assert_the_kit_check_of_moves1_passes(&kit);
    assert_a_corpus_calling_the_first_case_right_is_told(
        &kit,
        &corpus,
        "compile_error",
        "the correct fix `reaches_up` of moves1 gets `compile error`, not `pass`",
    );
}

#[test]
fn verify_solutions_batches_wrong_fixes_whose_tests_count_allocations() {
    // A batch crate has one global allocator: the counting allocator of each copy's hidden
    // tests must be that one, and still see what its own copy allocates.
    let kit = Kit::new("basics");
    for file in ["counting.rs", "counting_impl.rs"] {
        let support = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exercise_support");
        let text = std::fs::read_to_string(support.join(file)).unwrap();
        kit.write(&format!("tests/exercise_support/{file}"), &text);
    }
    let tests = kit.read("tests/02_moves/moves1.rs");
    kit.write(
        "tests/02_moves/moves1.rs",
        &format!(
            "{tests}\n#[path = \"../exercise_support/counting.rs\"]\nmod counting;\n\n\
             #[test]\nfn room_to_spare_means_no_allocation() {{\n    \
             let v = Vec::with_capacity(4);\n    \
             let (v, n) = counting::allocations(|| push_one(v));\n    \
             assert_eq!((v, n), (vec![1], 0));\n}}\n"
        ),
    );
    let case =
        |name: &str, verdict: &str, body: &str| returning_case(name, verdict, "Counted.", body);
    let corpus = [
        case("gives_back_a_copy", "fail", "v.clone()"),
        case("gives_it_back", "pass", "v"),
        case("gives_it_back_by_name", "pass", "std::convert::identity(v)"),
    ];
    kit.write("tests/wrong_fixes/02_moves/moves1.toml", &corpus.concat());
    assert_the_kit_check_of_moves1_passes(&kit);
    let batched = glob_one(&kit.path("target/rustprep"), "-batch/gen/moves1.rs");
    assert!(batched.contains("mod counting_shared;"), "{batched}");
    // The copy that allocates is seen to: a corpus that calls it right is told it is wrong.
    assert_a_corpus_wrong_about_the_first_case_is_told(&kit, &corpus, "gives_back_a_copy");
}

#[test]
fn verify_solutions_never_takes_a_batch_built_for_another_set_of_wrong_fixes() {
    // Each set of sources has a batch crate of its own, and all build into one target folder:
    // the test binary built for one set must never be run for another's modules. (cargo names
    // a build by its crate's name and path within its workspace, the same in every workspace,
    // and finds a build fresh whose files are older than it, as the first set's stub is.)
    let kit = Kit::new("basics");
    let case =
        |name: &str, verdict: &str, body: &str| returning_case(name, verdict, "Batched.", body);
    let first = [
        case("gives_it_back", "pass", "v"),
        case("gives_it_back_by_name", "pass", "std::convert::identity(v)"),
        case("loses_the_vector", "fail", "vec![1]"),
    ];
    let second = [
        case("loses_the_vector", "fail", "vec![1]"),
        case("gives_it_back", "pass", "v"),
    ];
    for corpus in [&first[..], &second[..], &first[..]] {
        kit.write("tests/wrong_fixes/02_moves/moves1.toml", &corpus.concat());
        assert_the_kit_check_of_moves1_passes(&kit);
    }
}

#[test]
fn verify_solutions_checks_the_rules_of_wrong_fixes_together_and_tells_each_its_own() {
    // The corpus of an exercise is checked against its rules as one crate, a module a case:
    // a forbidden lint that fires before type checking (unsafe_code) in one case must not hide
    // a lint that fires after it (clippy::unwrap_used) in another, and each case gets its own.
    let kit = Kit::new("basics");
    give_moves1_rules(
        &kit,
        "{ lint = \"unsafe_code\", why = \"No unsafe here.\" }, \
         { lint = \"clippy::unwrap_used\", why = \"No unwrap here.\" }",
    );
    let case =
        |name: &str, verdict: &str, body: &str| returning_case(name, verdict, "Ruled.", body);
    let corpus = [
        case("unwraps_a_copy", "rule", "Some(v).unwrap()"),
        case("gives_it_back", "pass", "v"),
        case(
            "copies_unsafely",
            "rule",
            "unsafe { std::mem::transmute::<Vec<u32>, Vec<u32>>(v) }",
        ),
        case("gives_it_back_by_name", "pass", "std::convert::identity(v)"),
    ];
    kit.write("tests/wrong_fixes/02_moves/moves1.toml", &corpus.concat());
    assert_the_kit_check_of_moves1_passes(&kit);
    let batched = glob_one(&kit.path("target/rustprep"), "/gen/moves1-rules-batch.rs");
    assert_eq!(batched.matches("pub mod s").count(), 4, "{batched}");
    // And what it found was taken: no case was checked again alone.
    assert_eq!(rules_checks_of_cases(&kit), 1, "only the batch was checked");
    // Each breach is its own case's: a corpus that calls one of them right is told.
    assert_a_corpus_calling_the_first_case_right_is_told(
        &kit,
        &corpus,
        "rule",
        "the correct fix `unwraps_a_copy` of moves1 gets `rule broken`, not `pass`",
    );
}

#[test]
fn verify_solutions_checks_alone_the_rules_of_wrong_fixes_that_cannot_share_a_crate() {
    // Two cases that export a macro of the same name do not compile as one crate: each is
    // checked alone, and a breach in one is still found.
    let kit = Kit::new("basics");
    give_moves1_rules(
        &kit,
        "{ lint = \"clippy::unwrap_used\", why = \"No unwrap here.\" }",
    );
    let case = |name: &str, verdict: &str, body: &str| {
        let replace = format!(
            "    {body}\\n}}\\n\\n#[macro_export]\\nmacro_rules! twin {{\\n    () => {{}};\\n}}\\n\\nfn unused() {{"
        );
        corpus_case(name, verdict, "A twin.", "    Vec::new()", &replace)
    };
    let corpus = [
        case("unwraps_a_copy", "rule", "Some(v).unwrap()"),
        case("gives_it_back", "pass", "v"),
    ];
    kit.write("tests/wrong_fixes/02_moves/moves1.toml", &corpus.concat());
    assert_the_kit_check_of_moves1_passes(&kit);
    assert_eq!(
        rules_checks_of_cases(&kit),
        3,
        "the batch, then each case alone"
    );
    assert_a_corpus_calling_the_first_case_right_is_told(
        &kit,
        &corpus,
        "rule",
        "the correct fix `unwraps_a_copy` of moves1 gets `rule broken`, not `pass`",
    );
}

/// How many rules' checks kept a record of reading a case of the corpus: one for a batch, one
/// for each case checked alone.
fn rules_checks_of_cases(kit: &Kit) -> usize {
    let build = kit.path("target/rustprep");
    std::fs::read_dir(&build)
        .unwrap()
        .filter_map(|entry| std::fs::read_dir(entry.ok()?.path().join("rules-cache")).ok())
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .filter(|record| record.contains("wrong-fixes"))
        .count()
}

/// The file at `<a folder of dir><suffix>`: exactly one must exist.
fn glob_one(dir: &Path, suffix: &str) -> String {
    let found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            file.is_file().then_some(file)
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?} under {}", dir.display());
    std::fs::read_to_string(&found[0]).unwrap()
}

#[test]
fn verify_selects_the_exercises_of_a_question_by_its_number() {
    let run = &basics().solutions_of_question_2;
    run.assert_code(0);
    assert_eq!(run.outcome_of("moves1").as_deref(), Some("pass"), "{run:?}");
    assert_eq!(run.outcome_of("borrow1"), None, "{run:?}");
    assert_eq!(run.outcome_of("borrow2"), None, "{run:?}");
}

#[test]
fn verify_exercises_dir_grades_the_folder_and_a_missing_file_is_a_failed_exercise() {
    let run = &basics().submission;
    run.assert_code(1);
    assert_eq!(
        run.outcome_of("borrow1").as_deref(),
        Some("pass"),
        "{run:?}"
    );
    assert_eq!(
        run.outcome_of("borrow2").as_deref(),
        Some("fail"),
        "{run:?}"
    );
    assert_eq!(run.outcome_of("moves1").as_deref(), Some("fail"), "{run:?}");
    assert!(!run.stderr.contains("error"), "not an error\n{run:?}");
    assert!(
        run.details_of("borrow2")
            .contains("01_borrowing/borrow2.rs is missing"),
        "{run:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// A malformed info.toml: exit 2, `info.toml:LINE:COL: message` and a `help:` line.

/// Runs `list` on the kit `situation` (from outside it, with `--kit`) and checks the error is
/// located at the line of the fixture's info.toml holding the `nth` `needle`, naming the file by
/// its path; returns the located message.
#[track_caller]
fn info_error(situation: &str, needle: &str, nth: usize) -> String {
    let kit = Kit::new(situation);
    let out = kit.rustprep(&["list"]).output();
    out.assert_code(2);
    let line = kit.info_line(needle, nth);
    // rustprep runs in the folder outside the kit, so it names the file relative to there.
    let shown = kit.path("info.toml");
    let shown = shown
        .strip_prefix(kit.outside())
        .expect("the kit is inside that folder");
    let prefix = format!("error: {}:{line}:", shown.display());
    let located = out
        .stderr
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no `{prefix}COL:` line\n{out:?}"));
    let rest = &located[prefix.len()..];
    let (column, message) = rest
        .split_once(':')
        .unwrap_or_else(|| panic!("no column in `{located}`"));
    assert!(
        column.parse::<usize>().is_ok_and(|c| c >= 1),
        "column in `{located}`"
    );
    assert!(
        out.stderr
            .lines()
            .any(|l| l.trim_start().starts_with("help: ") && l.len() > "help: ".len() + 2),
        "no help line\n{out:?}"
    );
    assert!(out.stdout.is_empty(), "{out:?}");
    message.trim().to_owned()
}

#[test]
fn info_toml_syntax_error_names_its_line() {
    info_error("info_syntax_error", "hint = \"unclosed", 1);
}

#[test]
fn info_toml_unknown_key_names_its_line_and_the_key() {
    let message = info_error("info_unknown_key", "timeout = 5", 1);
    assert!(message.contains("`timeout`"), "{message}");
}

#[test]
fn info_toml_rule_naming_an_unknown_lint_names_its_line() {
    let message = info_error("info_rule_unknown_lint", "lint = \"unsafe_cod\"", 1);
    assert!(
        message.contains("no lint is named `unsafe_cod`"),
        "{message}"
    );
}

#[test]
fn info_toml_rule_with_a_lint_and_a_path_names_its_line() {
    let message = info_error("info_rule_malformed", "[[rules]]", 1);
    assert!(
        message.contains("one of `lint` and `disallow`"),
        "{message}"
    );
}

#[test]
fn info_toml_allow_of_a_rule_nobody_set_names_its_line() {
    let message = info_error("info_rule_stray_allow", "allow = [", 1);
    assert!(
        message.contains("allows `std::mem::forget`, which no rule above it sets"),
        "{message}"
    );
}

#[test]
fn info_toml_duplicate_exercise_name_names_both_lines() {
    let kit = Kit::new("info_duplicate_name");
    let first = kit.info_line("name = \"one\"", 1);
    let message = info_error("info_duplicate_name", "name = \"one\"", 2);
    assert!(message.contains("`one`"), "{message}");
    assert!(
        message.contains(&format!("first at line {first}")),
        "{message}"
    );
}

#[test]
fn info_toml_missing_exercise_file_names_the_path_line() {
    let message = info_error("info_missing_file", "path = \"01_basics/two.rs\"", 1);
    assert!(message.contains("exercises/01_basics/two.rs"), "{message}");
}

#[test]
fn info_toml_undefined_question_number_names_its_line() {
    let message = info_error("info_unknown_question", "question = 9", 1);
    assert!(message.contains("question 9"), "{message}");
}

#[test]
fn info_toml_unsupported_format_version_names_its_line() {
    let message = info_error("info_format_version", "format_version = 99", 1);
    assert!(message.contains("format_version 99"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Names on the command line.

#[track_caller]
fn assert_unknown_name_suggestion(args: &[&str]) {
    let kit = Kit::new("basics");
    let shipped = kit.read("exercises/01_borrowing/borrow1.rs");
    let out = kit.rustprep(args).output();
    out.assert_code(2);
    assert!(
        out.stderr.contains("`borow1`; did you mean `borrow1`?"),
        "{out:?}"
    );
    assert_eq!(kit.read("exercises/01_borrowing/borrow1.rs"), shipped);
}

#[test]
fn run_with_an_unknown_name_suggests_the_closest() {
    assert_unknown_name_suggestion(&["run", "borow1"]);
}

#[test]
fn hint_with_an_unknown_name_suggests_the_closest() {
    assert_unknown_name_suggestion(&["hint", "borow1"]);
}

#[test]
fn reset_with_an_unknown_name_suggests_the_closest() {
    assert_unknown_name_suggestion(&["reset", "borow1", "--yes"]);
}

#[test]
fn verify_with_an_unknown_name_suggests_the_closest() {
    assert_unknown_name_suggestion(&["verify", "borow1"]);
}

// ---------------------------------------------------------------------------------------------
// Progress.

/// `list`'s line for the exercise `name`.
#[track_caller]
fn list_line<'a>(list: &'a Output, name: &str) -> &'a str {
    list.stdout
        .lines()
        .find(|l| l.split_whitespace().any(|w| w == name))
        .unwrap_or_else(|| panic!("`{name}` is not listed\n{list:?}"))
}

fn is_current(line: &str) -> bool {
    line.trim_start().starts_with('→')
}

fn is_done(line: &str) -> bool {
    line.split_whitespace().any(|w| w == "✓")
}

// The learner's loop: `run` of one exercise compiles it straight with rustc, with no cargo.
#[test]
fn run_of_one_exercise_needs_no_cargo() {
    let kit = Kit::new("basics");
    let no_cargo = "/nonexistent/cargo";
    let failing = kit
        .rustprep(&["run", "borrow1"])
        .env("CARGO", no_cargo)
        .output();
    failing.assert_code(1);
    assert!(failing.stdout.contains("failed"), "{failing:?}");
    kit.write(
        "exercises/01_borrowing/borrow1.rs",
        "fn char_count(s: &str) -> usize {\n    s.chars().count()\n}\n\nfn broken( {}\n",
    );
    let broken = kit
        .rustprep(&["run", "borrow1"])
        .env("CARGO", no_cargo)
        .output();
    broken.assert_code(1);
    assert!(
        broken.all().contains("error") && broken.all().contains("borrow1.rs"),
        "rustc's error, naming the file\n{broken:?}"
    );
    kit.write(
        "exercises/01_borrowing/borrow1.rs",
        &kit.read("solutions/01_borrowing/borrow1.rs"),
    );
    let passing = kit
        .rustprep(&["run", "borrow1"])
        .env("CARGO", no_cargo)
        .output();
    passing.assert_code(0);
    assert!(passing.stdout.contains("borrow1 passes"), "{passing:?}");
}

// The learner's loop links std however it likes, but a test's own allocator must still see
// every allocation: a copy made inside std counts.
#[test]
fn run_sees_every_allocation_a_copy_makes() {
    let kit = Kit::new("allocations");
    let copying = kit.rustprep(&["run", "label"]).output();
    copying.assert_code(1);
    assert!(
        copying.stdout.contains("building the label allocated"),
        "the copy is counted\n{copying:?}"
    );
    kit.write(
        "exercises/01_heap/label.rs",
        &kit.read("solutions/01_heap/label.rs"),
    );
    kit.rustprep(&["run", "label"]).output().assert_code(0);
}

#[test]
fn run_marks_an_exercise_done_only_when_it_passes() {
    let kit = Kit::new("basics");
    let failing = kit.rustprep(&["run", "borrow1"]).output();
    failing.assert_code(1);
    let list = kit.rustprep(&["list"]).output();
    list.assert_code(0);
    assert!(!is_done(list_line(&list, "borrow1")), "{list:?}");
    assert!(list.stdout.contains("0/3 exercises done"), "{list:?}");

    kit.write(
        "exercises/01_borrowing/borrow1.rs",
        &kit.read("solutions/01_borrowing/borrow1.rs"),
    );
    let passing = kit.rustprep(&["run", "borrow1"]).output();
    passing.assert_code(0);
    assert!(passing.stdout.contains("borrow1 passes"), "{passing:?}");

    let list = kit.rustprep(&["list"]).output();
    list.assert_code(0);
    assert!(is_done(list_line(&list, "borrow1")), "{list:?}");
    assert!(!is_done(list_line(&list, "borrow2")), "{list:?}");
    assert!(
        list.stdout.contains("1/3 exercises done"),
        "the progress line counts it\n{list:?}"
    );
    assert!(
        is_current(list_line(&list, "borrow2")),
        "the next one is current\n{list:?}"
    );
}

#[test]
fn corrupt_state_file_gives_a_warning_and_is_rebuilt() {
    let kit = Kit::new("basics");
    kit.write(".rustprep/state.json", "{ this is not json");
    let first = kit.rustprep(&["list"]).output();
    first.assert_code(0);
    assert!(
        first
            .stderr
            .lines()
            .any(|l| l.starts_with("warning:") && l.contains(".rustprep/state.json")),
        "{first:?}"
    );
    assert!(first.stdout.contains("0/3 exercises done"), "{first:?}");

    let rebuilt = kit.read(".rustprep/state.json");
    assert!(
        serde_json::from_str::<serde_json::Value>(&rebuilt).is_ok(),
        "the file is still not JSON: {rebuilt}"
    );
    assert_eq!(
        kit.read(".rustprep/state.json.corrupt"),
        "{ this is not json",
        "the unreadable file is kept"
    );
    let second = kit.rustprep(&["list"]).output();
    second.assert_code(0);
    assert!(
        !second.stderr.contains("warning"),
        "warned again: the file was not rebuilt\n{second:?}"
    );
}

/// A learner's test can write anywhere the learner can, the progress file too: the last good
/// progress comes back from `state.json.bak`, and the damaged file is kept.
#[test]
fn a_corrupted_progress_file_comes_back_from_the_last_good_copy() {
    let kit = Kit::new("basics");
    kit.write(
        "exercises/01_borrowing/borrow1.rs",
        &kit.read("solutions/01_borrowing/borrow1.rs"),
    );
    kit.rustprep(&["run", "borrow1"]).output().assert_code(0);
    let good = kit.read(".rustprep/state.json");
    assert_eq!(kit.read(".rustprep/state.json.bak"), good);

    kit.write(
        ".rustprep/state.json",
        "{\"version\": 1, \"done\": [\"moves",
    );
    let list = kit.rustprep(&["list"]).output();
    list.assert_code(0);
    assert!(
        list.stderr
            .contains("the last good progress was brought back from .rustprep/state.json.bak"),
        "{list:?}"
    );
    assert!(list.stdout.contains("1/3 exercises done"), "{list:?}");
    assert!(is_done(list_line(&list, "borrow1")), "{list:?}");
    assert_eq!(kit.read(".rustprep/state.json"), good);
    assert_eq!(
        kit.read(".rustprep/state.json.corrupt"),
        "{\"version\": 1, \"done\": [\"moves"
    );
    let again = kit.rustprep(&["list"]).output();
    assert!(!again.stderr.contains("warning"), "{again:?}");
}

#[test]
fn hint_does_not_change_the_current_exercise() {
    let kit = Kit::new("basics");
    let hint = kit.rustprep(&["hint", "moves1"]).output();
    hint.assert_code(0);
    assert!(
        hint.stdout.contains("Give back what you were given."),
        "{hint:?}"
    );

    let list = kit.rustprep(&["list"]).output();
    assert!(is_current(list_line(&list, "borrow1")), "{list:?}");
    assert!(!is_current(list_line(&list, "moves1")), "{list:?}");
    let current_hint = kit.rustprep(&["hint"]).output();
    current_hint.assert_code(0);
    assert!(
        current_hint.stdout.contains("Hint for borrow1"),
        "{current_hint:?}"
    );
}

#[test]
fn list_finds_the_kit_from_a_folder_inside_it() {
    let kit = Kit::new("basics");
    let list = kit
        .rustprep_in("exercises/01_borrowing", &["list"])
        .output();
    list.assert_code(0);
    assert!(list.stdout.contains("Q2 Moves"), "{list:?}");
    assert!(
        list_line(&list, "moves1").contains("exercises/02_moves/moves1.rs"),
        "{list:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Reset.

const BORROW1: &str = "exercises/01_borrowing/borrow1.rs";
const EDITED: &str = "// my attempt\nfn char_count(s: &str) -> usize {\n    0\n}\n";

#[test]
fn reset_yes_restores_the_shipped_content_after_an_edit() {
    let kit = Kit::new("basics");
    kit.rustprep(&["list"]).output().assert_code(0);
    kit.write(BORROW1, EDITED);
    let out = kit.rustprep(&["reset", "borrow1", "--yes"]).output();
    out.assert_code(0);
    assert_eq!(kit.read(BORROW1), kit.fixture_file(BORROW1));
}

#[test]
fn explain_prints_the_whole_model_answer_and_warns_before_the_exercise_is_done() {
    let kit = Kit::new("basics");
    let out = kit.rustprep(&["explain", "borrow1"]).output();
    out.assert_code(0);
    let answer = kit.fixture_file("info.toml");
    let answer = answer
        .lines()
        .find_map(|l| l.strip_prefix("answer = \""))
        .and_then(|a| a.strip_suffix('"'))
        .expect("the fixture's first answer");
    assert!(out.stdout.contains(answer), "{out:?}");
    assert!(
        out.stdout.contains("You have not solved borrow1 yet"),
        "{out:?}"
    );
}

#[test]
fn a_deleted_exercise_file_is_reported_and_reset_brings_it_back() {
    let kit = Kit::new("basics");
    kit.rustprep(&["list"]).output().assert_code(0);
    std::fs::remove_file(kit.path(BORROW1)).unwrap();

    let out = kit.rustprep(&["run", "borrow1"]).output();
    out.assert_code(1);
    assert!(
        out.stdout
            .contains("reset borrow1` puts back the shipped version"),
        "{out:?}"
    );
    // A report written to a file names the command as installed, however this run started.
    let json = kit
        .rustprep(&["verify", "borrow1", "--format", "json"])
        .env("CARGO_MANIFEST_DIR", "/somewhere")
        .output();
    assert!(
        json.stdout
            .contains("`rustprep reset borrow1` puts back the shipped version")
            && !json.stdout.contains("cargo run"),
        "{json:?}"
    );
    let text = kit
        .rustprep(&["run", "borrow1"])
        .env("CARGO_MANIFEST_DIR", "/somewhere")
        .output();
    assert!(
        text.stdout.contains("`cargo run -- reset borrow1`"),
        "on screen, the command is the one that started this run: {text:?}"
    );
    kit.rustprep(&["reset", "borrow1", "--yes"])
        .output()
        .assert_code(0);
    assert_eq!(kit.read(BORROW1), kit.fixture_file(BORROW1));
}

#[test]
fn reset_refuses_when_the_shipped_copy_is_gone_and_keeps_the_edit() {
    let kit = Kit::new("basics");
    kit.rustprep(&["list"]).output().assert_code(0);
    kit.write(BORROW1, EDITED);
    std::fs::remove_file(kit.path(".rustprep/shipped/01_borrowing/borrow1.rs")).unwrap();
    let out = kit.rustprep(&["reset", "borrow1", "--yes"]).output();
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("the shipped copy of `borrow1` is missing"),
        "{out:?}"
    );
    assert_eq!(
        kit.read(BORROW1),
        EDITED,
        "the edit is not passed off as shipped"
    );
    assert!(
        !kit.path(".rustprep/shipped/01_borrowing/borrow1.rs")
            .exists(),
        "the edit was not taken as the shipped copy"
    );
}

#[test]
fn reset_refuses_a_shipped_copy_changed_after_it_was_taken() {
    let kit = Kit::new("basics");
    kit.rustprep(&["list"]).output().assert_code(0);
    kit.write(BORROW1, EDITED);
    // What a learner's test could do: make the "shipped" copy the answer.
    kit.write(
        ".rustprep/shipped/01_borrowing/borrow1.rs",
        &kit.read("solutions/01_borrowing/borrow1.rs"),
    );
    let out = kit.rustprep(&["reset", "borrow1", "--yes"]).output();
    out.assert_code(2);
    assert!(
        out.stderr.contains("was changed after it was taken"),
        "{out:?}"
    );
    assert_eq!(kit.read(BORROW1), EDITED);
}

#[test]
fn reset_without_yes_and_without_a_terminal_refuses_and_leaves_the_file() {
    let kit = Kit::new("basics");
    kit.rustprep(&["list"]).output().assert_code(0);
    kit.write(BORROW1, EDITED);
    let out = kit.rustprep(&["reset", "borrow1"]).output();
    out.assert_code(2);
    assert!(out.stderr.contains("--yes"), "{out:?}");
    assert_eq!(kit.read(BORROW1), EDITED);
}

// ---------------------------------------------------------------------------------------------
// Bad input: a clear error, never a panic or a wait for ever.

/// The `basics` kit with its info.toml changed by `edit`.
fn kit_with_info(edit: impl FnOnce(String) -> Vec<u8>) -> Kit {
    let kit = Kit::new("basics");
    let info = edit(kit.read("info.toml"));
    std::fs::write(kit.path("info.toml"), info).unwrap();
    kit
}

/// Runs `list` and returns the error line that names `info.toml:LINE:`.
#[track_caller]
fn info_error_at(kit: &Kit, line: usize) -> String {
    let out = kit.rustprep(&["list"]).output();
    out.assert_code(2);
    let prefix = format!("error: kit/info.toml:{line}:");
    out.stderr
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no `{prefix}` line\n{out:?}"))
        .to_owned()
}

#[test]
fn a_kit_with_no_exercises_is_an_error_for_every_command_that_needs_one() {
    let kit = kit_with_info(|info| {
        let cut = info.find("[[exercises]]").unwrap();
        info.as_bytes()[..cut].to_vec()
    });
    for args in [
        &["run"][..],
        &["hint"],
        &["explain"],
        &["verify"],
        &["verify", "--solutions"],
        &["watch"],
    ] {
        let out = kit.rustprep(args).output();
        out.assert_code(2);
        assert!(out.stderr.contains("has no exercises yet"), "{out:?}");
        assert!(!out.stderr.contains("panicked"), "{out:?}");
    }
    kit.rustprep(&["list"]).output().assert_code(0);
}

#[test]
fn bytes_that_are_not_utf8_in_info_toml_name_their_line() {
    let kit = kit_with_info(|info| {
        let mut bytes = info
            .replacen("Count the characters", "Count the \u{1}", 1)
            .into_bytes();
        let at = bytes.iter().position(|&b| b == 1).unwrap();
        bytes[at] = 0xE9;
        bytes
    });
    let line = kit.info_line("Count the characters", 1);
    let error = info_error_at(&kit, line);
    assert!(error.contains("byte 0xE9 is not UTF-8"), "{error}");
}

#[test]
fn an_edition_that_does_not_exist_names_its_line() {
    let kit = kit_with_info(|info| {
        info.replacen(
            "format_version = 1",
            "format_version = 1\nedition = \"2023\"",
            1,
        )
        .into_bytes()
    });
    let error = info_error_at(&kit, kit.info_line("format_version", 1) + 1);
    assert!(
        error.contains("edition `2023` is not a Rust edition"),
        "{error}"
    );
}

#[test]
fn question_number_zero_or_past_255_names_its_line() {
    for number in ["0", "256", "-1"] {
        let kit = kit_with_info(|info| {
            info.replacen("number = 2", &format!("number = {number}"), 1)
                .into_bytes()
        });
        let error = info_error_at(&kit, kit.info_line("number = 2", 1));
        assert!(
            error.contains(&format!("question number {number} is out of range")),
            "{error}"
        );
    }
}

#[test]
fn an_exercise_path_that_is_a_folder_is_reported_as_a_folder() {
    let kit = Kit::new("basics");
    std::fs::remove_file(kit.path(BORROW1)).unwrap();
    std::fs::create_dir(kit.path(BORROW1)).unwrap();
    let error = info_error_at(&kit, kit.info_line("path = \"01_borrowing/borrow1.rs\"", 1));
    assert!(error.contains("is a folder, not a file"), "{error}");
}

/// A FIFO where a submission's file should be: opening it to read would wait for a writer that
/// never comes. It fails its exercise at once, saying what it is; a folder is said to be one.
#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_in_a_submission_fails_its_exercise_at_once() {
    let kit = Kit::new("basics");
    let submission = kit.outside().join("submission");
    std::fs::create_dir_all(submission.join("01_borrowing")).unwrap();
    std::fs::create_dir_all(submission.join("02_moves/moves1.rs")).unwrap();
    mkfifo(&submission.join("01_borrowing/borrow1.rs"));
    std::fs::write(
        submission.join("01_borrowing/borrow2.rs"),
        kit.read("solutions/01_borrowing/borrow2.rs"),
    )
    .unwrap();
    let out = kit
        .rustprep(&["verify", "-v", "--exercises", submission.to_str().unwrap()])
        .output();
    out.assert_code(1);
    assert_eq!(
        out.outcome_of("borrow1").as_deref(),
        Some("fail"),
        "{out:?}"
    );
    assert_eq!(
        out.outcome_of("borrow2").as_deref(),
        Some("pass"),
        "{out:?}"
    );
    assert!(
        out.details_of("borrow1")
            .contains("borrow1.rs is a FIFO (named pipe), not a regular file: it was not read"),
        "{out:?}"
    );
    assert!(
        out.details_of("moves1")
            .contains("moves1.rs is a folder, not a file"),
        "{out:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_learners_file_fails_run_at_once_and_reset_writes_nothing_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let kit = Kit::new("basics");
    kit.rustprep(&["list"]).output().assert_code(0);
    std::fs::remove_file(kit.path(BORROW1)).unwrap();
    mkfifo(&kit.path(BORROW1));
    let out = kit.rustprep(&["run", "borrow1"]).output();
    out.assert_code(1);
    assert!(
        out.stdout
            .contains("is a FIFO (named pipe), not a regular file"),
        "{out:?}"
    );
    // Written through, a FIFO nobody reads is refused: reset says so and leaves it be.
    let reset = kit.rustprep(&["reset", "borrow1", "--yes"]).output();
    reset.assert_code(2);
    assert!(
        reset.stderr.contains("is a FIFO that nobody is reading"),
        "{reset:?}"
    );
    let kind = std::fs::symlink_metadata(kit.path(BORROW1))
        .unwrap()
        .file_type();
    assert!(kind.is_fifo());
    std::fs::remove_file(kit.path(BORROW1)).unwrap();
    kit.rustprep(&["reset", "borrow1", "--yes"])
        .output()
        .assert_code(0);
    assert_eq!(kit.read(BORROW1), kit.fixture_file(BORROW1));
}

// ---------------------------------------------------------------------------------------------
// Where `--output` writes: only a regular file is ever replaced.

/// `verify --solutions borrow1 --format json --output PATH`: one exercise, quickly graded.
fn verify_into(kit: &Kit, path: &std::path::Path) -> Output {
    kit.rustprep(&[
        "verify",
        "--solutions",
        "borrow1",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ])
    .output()
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

#[test]
fn output_to_a_folder_is_an_error_before_anything_is_graded() {
    let kit = Kit::new("basics");
    let folder = kit.outside().join("reports");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("old.json"), "kept").unwrap();
    let out = verify_into(&kit, &folder);
    out.assert_code(2);
    assert!(
        out.stderr.contains("is a folder, not a file"),
        "the error says what is wrong\n{out:?}"
    );
    assert!(folder.is_dir(), "the folder is still a folder");
    assert_eq!(
        std::fs::read_to_string(folder.join("old.json")).unwrap(),
        "kept"
    );
    assert!(
        !kit.path("target/rustprep/solutions").exists(),
        "nothing was built: the error came before the grading\n{out:?}"
    );
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let kit = Kit::new("basics");
    let target = kit.outside().join("real/report.json");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "old").unwrap();
    let link = kit.outside().join("report.json");
    std::os::unix::fs::symlink("real/report.json", &link).unwrap();
    let out = verify_into(&kit, &link);
    out.assert_code(0);
    assert!(
        std::fs::symlink_metadata(&link).unwrap().is_symlink(),
        "the link is still a link\n{out:?}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(report["summary"]["passed"], 1, "{report:#}");
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_is_written_through_to_its_reader() {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let kit = Kit::new("basics");
    let fifo = kit.outside().join("report.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = verify_into(&kit, &fifo);
    if !reader.is_finished() {
        // Nothing was written: end the reader's wait (a writer that opens and closes).
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo);
    }
    let read = String::from_utf8(reader.join().unwrap()).unwrap();
    out.assert_code(0);
    assert!(read.contains("\"passed\": 1"), "{read}\n{out:?}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_nobody_reads_is_refused_and_does_not_hang() {
    use std::os::unix::fs::FileTypeExt;
    let kit = Kit::new("basics");
    let fifo = kit.outside().join("report.fifo");
    mkfifo(&fifo);
    let out = verify_into(&kit, &fifo);
    out.assert_code(2);
    assert!(out.stderr.contains("nobody is reading"), "{out:?}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

/// As root (in a container, in CI) a rename over `/dev/null` succeeds and leaves a regular file
/// where the device was; rustprep writes through it instead.
#[cfg(unix)]
#[test]
fn output_to_dev_null_leaves_it_a_character_device() {
    use std::os::unix::fs::FileTypeExt;
    let kit = Kit::new("basics");
    let out = verify_into(&kit, std::path::Path::new("/dev/null"));
    out.assert_code(0);
    let kind = std::fs::symlink_metadata("/dev/null").unwrap().file_type();
    assert!(
        kind.is_char_device(),
        "/dev/null is no longer a device\n{out:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Colour.

fn has_ansi(out: &Output) -> bool {
    out.all().contains('\x1b')
}

#[test]
fn without_a_terminal_there_is_no_colour() {
    let kit = Kit::new("basics");
    let out = kit.rustprep(&["list"]).output();
    out.assert_code(0);
    assert!(out.stdout.contains("Q1 Borrowing"), "{out:?}");
    assert!(!has_ansi(&out), "{out:?}");
}

#[test]
fn color_always_colours_even_without_a_terminal() {
    let kit = Kit::new("basics");
    let out = kit.rustprep(&["--color", "always", "list"]).output();
    out.assert_code(0);
    assert!(has_ansi(&out), "{out:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn on_a_terminal_there_is_colour() {
    let kit = Kit::new("basics");
    let out = kit.rustprep(&["list"]).on_a_terminal().output();
    out.assert_code(0);
    assert!(out.stdout.contains("Q1 Borrowing"), "{out:?}");
    assert!(has_ansi(&out), "{out:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    let kit = Kit::new("basics");
    let out = kit
        .rustprep(&["list"])
        .on_a_terminal()
        .env("NO_COLOR", "1")
        .output();
    out.assert_code(0);
    assert!(out.stdout.contains("Q1 Borrowing"), "{out:?}");
    assert!(!has_ansi(&out), "{out:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn color_never_turns_colour_off_on_a_terminal() {
    let kit = Kit::new("basics");
    let out = kit
        .rustprep(&["--color", "never", "list"])
        .on_a_terminal()
        .output();
    out.assert_code(0);
    assert!(out.stdout.contains("Q1 Borrowing"), "{out:?}");
    assert!(!has_ansi(&out), "{out:?}");
}

// ---------------------------------------------------------------------------------------------
// Interrupting a run.

/// Ctrl-C reaches rustprep but not the tests (each runs in a process group of its own): rustprep
/// must stop them itself before it exits, or a hanging test would run for ever.
#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_during_verify_stops_every_test_and_exits_130() {
    use std::time::{Duration, Instant};

    let kit = Kit::new("watch_deadlock");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rustprep"))
        .arg("--kit")
        .arg(kit.root())
        .arg("verify")
        .current_dir(kit.outside())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("rustprep starts");
    // Wait until the deadlocked test is running (its limit is 30 s: it surely still is).
    let started = Instant::now();
    while support::processes_mentioning("hidden_tests::adds_what_every_thread_sent").is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "the test never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // SAFETY: a plain system call on our own child's id.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let status = child.wait().expect("rustprep ends");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    let left = kit.processes_left_behind();
    assert!(
        left.is_empty(),
        "processes left behind:\n{}",
        left.join("\n")
    );
}

#[test]
fn a_fix_saved_with_an_older_modification_time_is_still_compiled_afresh() {
    // A backup put back with `cp -p`, or two saves in one tick of a coarse clock: the file's
    // contents change but its time does not move forward. The verdict must be the new file's.
    let kit = Kit::new("basics");
    let path = kit.path(BORROW1);
    let shipped_time = std::fs::metadata(&path).unwrap().modified().unwrap();
    kit.rustprep(&["run", "borrow1"]).output().assert_code(1);
    kit.write(BORROW1, &kit.read("solutions/01_borrowing/borrow1.rs"));
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(shipped_time))
        .unwrap();
    let out = kit.rustprep(&["run", "borrow1"]).output();
    out.assert_code(0);
}

#[cfg(unix)]
#[test]
fn without_proc_the_leak_checks_still_see_processes() {
    // Where there is no /proc (macOS), processes are found through `ps`: a check for processes
    // left behind must be able to find one there too.
    let token = format!("rustprep-ps-check-{}", std::process::id());
    let mut child = std::process::Command::new("sh")
        .args(["-c", &format!("sleep 60; : {token}")])
        .spawn()
        .unwrap();
    let found = support::ps_mentioning(&token);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        found.iter().any(|(pid, _)| *pid == child.id()),
        "ps did not show the child: {found:?}"
    );
}

#[test]
fn with_no_command_rustprep_starts_watch() {
    let kit = Kit::new("basics");
    let out = kit.rustprep(&[]).output();
    out.assert_code(2);
    assert!(
        out.stderr.contains("watch needs a terminal"),
        "no command is watch, as in rustlings: {out:?}"
    );
}

#[test]
fn completions_and_the_manual_page_need_no_kit() {
    let kit = Kit::new("basics");
    let nowhere = support::Invocation::new(
        vec!["completions".into(), "bash".into()],
        kit.outside().to_owned(),
    );
    let bash = nowhere.output();
    bash.assert_code(0);
    assert!(
        bash.stdout.contains("_rustprep()") && bash.stdout.contains("verify"),
        "{bash:?}"
    );
    let man = support::Invocation::new(vec!["man".into()], kit.outside().to_owned()).output();
    man.assert_code(0);
    assert!(
        man.stdout.contains(".TH rustprep 1") && man.stdout.contains("watch"),
        "{man:?}"
    );
}

#[test]
fn clap_s_own_errors_follow_the_colour_choice() {
    let kit = Kit::new("basics");
    let coloured = kit
        .rustprep(&["--color", "always", "verify", "--bogus"])
        .output();
    coloured.assert_code(2);
    assert!(coloured.stderr.contains('\u{1b}'), "{coloured:?}");
    let plain = kit
        .rustprep(&["--color=never", "verify", "--bogus"])
        .output();
    assert!(!plain.stderr.contains('\u{1b}'), "{plain:?}");
    let forced = kit
        .rustprep(&["verify", "--bogus"])
        .env("CLICOLOR_FORCE", "1")
        .output();
    assert!(
        forced.stderr.contains('\u{1b}'),
        "CLICOLOR_FORCE colours a pipe: {forced:?}"
    );
}
