//! The results that GitHub Classroom's `autograding-grading-reporter` action reads (the format
//! `autograding-command-grader` writes), one per *runner*: a JSON object whose keys are the runner
//! names (`q01`, `q02`, …) and whose values are each runner's result.
//!
//! The reporter reads each runner's result from one environment variable, `<RUNNER>_RESULTS`,
//! base64-encoded, and Linux allows one environment variable at most 128 KiB: the whole kit in one
//! result (104 exercises, most failing on a first push, compiler output included) is far over
//! that, and the reporter never starts. So the kit is reported as one runner per question, and each
//! runner's result is kept under [`RUNNER_JSON_BYTES`] (its base64 form under 4/3 of that) however
//! many of its exercises fail and however long their messages: each message is cut to
//! [`MESSAGE_BYTES`], and to a share of what the runner has left when the question has many
//! exercises.
//!
//! What the reporter does with a result (its `src/console-results.js` and
//! `src/helpers/test-helpers.js`), and what follows here:
//! - It prints a test's `message` only when the test's status is `error`: for `fail` it prints the
//!   name alone. So every exercise that does not pass is reported as `error`, its message opening
//!   with the exercise's name and verdict, so that the log shows why.
//! - It prints `test_code` under every test: the command that grades that exercise again, as it
//!   can be typed in a clone of the kit (`cargo run --quiet -- verify …`).
//! - Its log scores a runner as `passed / tests × max_score`, counting tests, while the points it
//!   sends to Classroom are the sum of the tests' own `score`. The two agree only when every test
//!   of a runner is worth the same, so a question whose exercises carry different points gets one
//!   runner per points value; and a runner is split further (into runners of 64, 32, …, 1
//!   exercises) when that division, in floating point, would not come out whole for every number
//!   of passes.

use serde::{Serialize, Serializer};

use super::{Graded, text};
use crate::exercise::Exercise;
use crate::kit::Source;
use crate::outcome::Outcome;

/// Bytes of one runner's result, as compact JSON, at most (its base64 form: 64 KiB).
pub const RUNNER_JSON_BYTES: usize = 48 * 1024;
/// Bytes of one exercise's message, JSON-escaped, at most.
pub const MESSAGE_BYTES: usize = 4096;
/// Exercises of one runner, at most.
const RUNNER_EXERCISES: usize = 64;

#[derive(Serialize)]
pub struct Result {
    version: u32,
    status: &'static str,
    max_score: u64,
    tests: Vec<Test>,
}

#[derive(Serialize)]
struct Test {
    name: String,
    status: &'static str,
    score: u32,
    message: String,
    test_code: String,
    filename: String,
    line_no: u32,
    /// Milliseconds.
    duration: u128,
}

/// The runners' results in kit order, as a JSON object keyed by runner name.
pub struct Runners(pub Vec<(String, Result)>);

impl Serialize for Runners {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, result)| (name, result)))
    }
}

impl Result {
    /// What the workflow puts in `<RUNNER>_RESULTS`: the compact JSON, base64-encoded (as
    /// `jq -c … | base64 -w0` writes it).
    pub fn encoded(&self) -> anyhow::Result<String> {
        Ok(base64(serde_json::to_string(self)?.as_bytes()))
    }
}

pub fn render(graded: &Graded<'_>) -> anyhow::Result<String> {
    let mut json = serde_json::to_string_pretty(&runners(graded))?;
    json.push('\n');
    Ok(json)
}

/// Every runner's result.
pub fn runners(graded: &Graded<'_>) -> Runners {
    Runners(
        split(&graded.results)
            .into_iter()
            .map(|(name, results)| (name, result(graded, &results)))
            .collect(),
    )
}

type Entry<'a> = (&'a Exercise, &'a Outcome);

/// The exercises grouped into runners: by question, then by points, then in sizes the reporter
/// scores exactly; named `q07`, or `q07part1`, `q07part2`, … when a question needs more than one.
fn split<'a>(results: &[Entry<'a>]) -> Vec<(String, Vec<Entry<'a>>)> {
    let mut groups: Vec<(u8, u32, Vec<Entry<'a>>)> = Vec::new();
    for &(e, o) in results {
        match groups
            .iter_mut()
            .find(|(q, p, _)| *q == e.question && *p == e.points)
        {
            Some((.., members)) => members.push((e, o)),
            None => groups.push((e.question, e.points, vec![(e, o)])),
        }
    }
    groups.sort_by_key(|(q, ..)| *q);
    let mut runners: Vec<(u8, Vec<Entry<'a>>)> = Vec::new();
    for (question, points, members) in groups {
        let mut rest = members.as_slice();
        for size in sizes(members.len(), points) {
            let (runner, tail) = rest.split_at(size);
            runners.push((question, runner.to_vec()));
            rest = tail;
        }
    }
    let of = |question: u8, runners: &[(u8, Vec<Entry<'a>>)]| {
        runners.iter().filter(|(q, _)| *q == question).count()
    };
    runners
        .iter()
        .enumerate()
        .map(|(i, (question, members))| {
            let name = if of(*question, &runners) == 1 {
                format!("q{question:02}")
            } else {
                format!("q{question:02}part{}", of(*question, &runners[..i]) + 1)
            };
            (name, members.clone())
        })
        .collect()
}

/// The sizes of the runners `count` exercises of `points` each are split into: all in one when
/// the reporter scores that exactly, else powers of two (which it always does).
fn sizes(count: usize, points: u32) -> Vec<usize> {
    if count <= RUNNER_EXERCISES && scored_exactly(count, points) {
        return vec![count];
    }
    let mut sizes = vec![RUNNER_EXERCISES; count / RUNNER_EXERCISES];
    let rest = count % RUNNER_EXERCISES;
    sizes.extend(
        (0..usize::BITS)
            .rev()
            .map(|bit| 1 << bit)
            .filter(|size| rest & size != 0),
    );
    sizes
}

/// Whether the reporter's log, which scores a runner as `passed / tests × max_score` in floating
/// point, comes to exactly `passed × points` for every number of tests passed.
pub fn scored_exactly(tests: usize, points: u32) -> bool {
    let n = tests as f64;
    let max = n * f64::from(points);
    (0..=tests).all(|k| (k as f64 / n) * max == k as f64 * f64::from(points))
}

fn result(graded: &Graded<'_>, results: &[Entry<'_>]) -> Result {
    let head = |e: &Exercise, o: &Outcome| format!("❌ {} — {}", e.name, o.status.label());
    let mut result = Result {
        version: 1,
        status: if results.iter().all(|(_, o)| o.passed()) {
            "pass"
        } else {
            "fail"
        },
        max_score: results.iter().map(|(e, _)| u64::from(e.points)).sum(),
        tests: results
            .iter()
            .map(|(e, o)| Test {
                name: e.name.clone(),
                // The reporter prints the message of an `error` only: see the module's comment.
                status: if o.passed() { "pass" } else { "error" },
                score: if o.passed() { e.points } else { 0 },
                message: if o.passed() {
                    String::new()
                } else {
                    head(e, o)
                },
                test_code: reproduce(graded, &e.name),
                filename: graded.path_of(e),
                line_no: 0,
                duration: o.duration.as_millis(),
            })
            .collect(),
    };
    // What is left once everything but the details is written, shared among the exercises that
    // did not pass.
    let fixed = serde_json::to_string(&result).map_or(RUNNER_JSON_BYTES, |s| s.len());
    let failing = results.iter().filter(|(_, o)| !o.passed()).count().max(1);
    let share = (RUNNER_JSON_BYTES.saturating_sub(fixed) / failing).min(MESSAGE_BYTES);
    for (test, (e, o)) in result.tests.iter_mut().zip(results) {
        if o.passed() {
            continue;
        }
        // Within the share: the head (counted in `fixed`), a newline (2 bytes escaped), the
        // details.
        let room = share.saturating_sub(2);
        let details = fit(&text::details(e, &test.filename, o), room);
        if !details.is_empty() {
            test.message = format!("{}\n{details}", test.message);
        }
    }
    result
}

/// The command that grades this exercise again, on the same files, in a clone of the kit.
fn reproduce(graded: &Graded<'_>, name: &str) -> String {
    let verify = "cargo run --quiet -- verify --verbose";
    match graded.source {
        Source::Learner => format!("{verify} {name}"),
        Source::Solutions => format!("{verify} --solutions {name}"),
        Source::Shipped | Source::Folder(_) => {
            format!(
                "{verify} --exercises {} {name}",
                shell_word(&graded.folder())
            )
        }
    }
}

/// `word` as one shell word: as it is when it is plain, else in single quotes.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:,@".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Bytes `c` takes in a JSON string, for text that [`plain`] made.
fn escaped_char_len(c: char) -> usize {
    match c {
        '"' | '\\' | '\n' | '\t' => 2,
        c => c.len_utf8(),
    }
}

fn escaped_len(text: &str) -> usize {
    text.chars().map(escaped_char_len).sum()
}

/// `text` without colour, and with every other control character (which JSON writers escape in
/// different lengths) written `�`.
fn plain(text: &str) -> String {
    strip_ansi_escapes::strip_str(text)
        .trim_end()
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// [`plain`] `text`, cut so that it takes at most `max` bytes in a JSON string, saying how much
/// was cut; empty when not even that fits.
fn fit(text: &str, max: usize) -> String {
    let text = plain(text);
    if escaped_len(&text) <= max {
        return text;
    }
    let marker = |rest: usize| format!("\n[cut: {rest} more bytes]");
    // The marker's length for the largest count it can say.
    let room = max.saturating_sub(escaped_len(&marker(text.len())));
    if room == 0 {
        return String::new();
    }
    let (mut used, mut cut) = (0, 0);
    for (at, c) in text.char_indices() {
        if used + escaped_char_len(c) > room {
            break;
        }
        used += escaped_char_len(c);
        cut = at + c.len_utf8();
    }
    format!("{}{}", &text[..cut], marker(text.len() - cut))
}

/// Standard base64, padded (as `base64 -w0` writes it).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::Exercise;
    use crate::kit::Kit;
    use crate::outcome::{Status, TestResult, TestStatus};
    use std::time::Duration;

    fn exercise(name: &str, question: u8, points: u32) -> Exercise {
        Exercise {
            points,
            ..Exercise::for_test(name, question)
        }
    }

    fn kit(exercises: Vec<Exercise>) -> Kit {
        Kit::for_test(exercises)
    }

    /// A failure as long and as awkward to encode as a message can be: twenty kilobytes of compiler
    /// output full of quotes, backslashes, control characters, colour and four-byte characters,
    /// and as many failed tests.
    fn worst_failure() -> Outcome {
        let noise = "\u{1b}[31me\"r\\r\u{1}o\u{7f}r\u{1b}[0m 🦀\n".repeat(700);
        Outcome {
            status: Status::CompileError,
            diagnostics: noise.clone(),
            tests: (0..10)
                .map(|i| TestResult {
                    name: format!("test_{i}"),
                    status: TestStatus::Failed,
                    cause: None,
                    message: noise.clone(),
                    output_dropped: 0,
                    duration: Duration::ZERO,
                })
                .collect(),
            breaches: Vec::new(),
            miri: crate::outcome::MiriCheck::NotAsked,
            note: None,
            duration: Duration::from_secs(3),
        }
    }

    #[test]
    fn base64_is_the_standard_padded_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(&[0xfb, 0xff, 0xfe]), "+//+");
    }

    #[test]
    fn fit_keeps_a_short_text_and_cuts_a_long_one_within_its_bytes() {
        assert_eq!(fit("\u{1b}[31mno\u{0}pe\u{1b}[0m\n\n", 100), "nope");
        let controls: String = ('\u{0}'..='\u{9f}').collect();
        let kept = fit(&controls, 1000);
        assert!(
            kept.chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t'),
            "{kept:?}"
        );
        let long = "\"é\\".repeat(1000);
        let cut = fit(&long, 500);
        assert!(escaped_len(&cut) <= 500, "{}", escaped_len(&cut));
        assert!(escaped_len(&cut) > 450, "{}", escaped_len(&cut));
        let json = serde_json::to_string(&cut).unwrap();
        assert!(json.len() - 2 <= 500);
        assert!(cut.starts_with("\"é\\\"é\\"));
        assert!(cut.ends_with(" more bytes]"), "{cut}");
        assert_eq!(fit(&long, 10), "");
    }

    #[test]
    fn runners_are_split_where_the_reporter_would_not_score_exactly() {
        assert!(scored_exactly(8, 1));
        // The reporter's log: 7 / 10 × 90 = 62.99999999999999, not 63.
        assert!(!scored_exactly(10, 9));
        assert_eq!(sizes(8, 1), vec![8]);
        assert_eq!(sizes(10, 9), vec![8, 2]);
        assert_eq!(sizes(11, 5), vec![8, 2, 1]);
        assert_eq!(sizes(130, 1), vec![64, 64, 2]);
        for size in sizes(13 * 64 + 11, 12_345) {
            assert!(scored_exactly(size, 12_345), "{size}");
        }
    }

    #[test]
    fn one_runner_per_question_and_points_each_named_for_its_question() {
        let exercises = vec![
            exercise("a", 1, 1),
            exercise("b", 1, 1),
            exercise("c", 2, 1),
            exercise("d", 2, 3),
            exercise("e", 2, 1),
        ];
        let kit = kit(exercises.clone());
        let outcome = worst_failure();
        let graded = Graded {
            kit: &kit,
            source: &Source::Learner,
            results: exercises.iter().map(|e| (e, &outcome)).collect(),
        };
        let runners = runners(&graded);
        let names: Vec<(&str, Vec<&str>)> = runners
            .0
            .iter()
            .map(|(n, r)| {
                (
                    n.as_str(),
                    r.tests.iter().map(|t| t.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![
                ("q01", vec!["a", "b"]),
                ("q02part1", vec!["c", "e"]),
                ("q02part2", vec!["d"]),
            ]
        );
        let test = &runners.0[2].1.tests[0];
        assert_eq!(test.status, "error");
        assert!(
            test.message.starts_with("❌ d — compile error\ne\"r\\r"),
            "{}",
            test.message
        );
        assert_eq!(test.test_code, "cargo run --quiet -- verify --verbose d");
        assert_eq!(runners.0[2].1.max_score, 3);
    }

    #[test]
    fn every_runner_stays_small_with_every_exercise_failing_at_length() {
        // Thirteen questions of 40 exercises each, weighted unevenly, every one failing with
        // twenty kilobytes of output.
        let exercises: Vec<Exercise> = (1..=13u8)
            .flat_map(|q| {
                (0..40).map(move |i| exercise(&format!("exercise_{q}_{i:02}"), q, 1 + i % 3))
            })
            .collect();
        let kit = kit(exercises.clone());
        let outcome = worst_failure();
        let graded = Graded {
            kit: &kit,
            source: &Source::Folder("/home/runner/work/class/a student's repo/exercises".into()),
            results: exercises.iter().map(|e| (e, &outcome)).collect(),
        };
        let runners = runners(&graded);
        for (name, result) in &runners.0 {
            let json = serde_json::to_string(result).unwrap();
            assert!(
                json.len() <= RUNNER_JSON_BYTES,
                "{name}: {} bytes",
                json.len()
            );
            assert!(result.encoded().unwrap().len() < 100 * 1024, "{name}");
            for test in &result.tests {
                assert!(
                    test.message.len() > 200,
                    "{name}: {}: {}",
                    test.name,
                    test.message
                );
                assert_eq!(
                    test.test_code,
                    format!(
                        "cargo run --quiet -- verify --verbose --exercises \
                         '/home/runner/work/class/a student'\\''s repo/exercises' {}",
                        test.name
                    )
                );
            }
        }
    }
}
