//! Verdicts: what one test process's ending and output mean for its test. A test passes only
//! when its own process exits with status 0 *and* libtest reported it passed; anything else is a
//! failure, a crash, a timeout, or a test that never reported its result, each with the message
//! the learner needs (the panic, the signal, what was printed), cleaned of what varies between
//! runs.

use crate::build_crate::HIDDEN_MODULE;
use crate::outcome::{Cause, TestResult, TestStatus};
use crate::supervise::{self, Ending, Finished};

/// libtest's exit status when a test failed.
const LIBTEST_FAILED: i32 = 101;

/// Judges one test from its process's ending and output. `None` when it was cancelled.
pub fn judge_test(full_name: &str, finished: &Finished) -> Option<TestResult> {
    let stdout = finished.stdout.text();
    let stderr = finished.stderr.text();
    let reported = |verdict: &str| {
        stdout
            .lines()
            .any(|l| l == format!("test {full_name} ... {verdict}"))
    };
    // The learner's code can write to the same stdout, so a status line may be broken up; the
    // closing summary comes after every test has ended.
    let summary = |verdict: &str| {
        stdout
            .lines()
            .any(|l| l.starts_with(&format!("test result: {verdict}")))
    };
    let (status, cause, message) = match &finished.ending {
        Ending::Cancelled => return None,
        Ending::TimedOut { deadlocked } => (
            TestStatus::DidNotFinish,
            deadlocked.map(|threads| Cause::Deadlock { threads }),
            join(&failure_block(full_name, &stdout), &stderr),
        ),
        Ending::Exited(exit) => {
            if let Some(signal) = supervise::signal_of(exit) {
                let cause = if stderr.contains("has overflowed its stack") {
                    Cause::StackOverflow
                } else if stderr.contains("memory allocation of") {
                    Cause::OutOfMemory {
                        limit_bytes: crate::limits::TEST_MEMORY,
                    }
                } else {
                    Cause::Signal { name: signal }
                };
                (TestStatus::Crashed, Some(cause), stderr.clone())
            } else if reported("FAILED")
                || summary("FAILED.")
                || exit.code() == Some(LIBTEST_FAILED)
            {
                (
                    TestStatus::Failed,
                    None,
                    join(&failure_block(full_name, &stdout), &stderr),
                )
            } else if exit.success() && summary("ok. 1 passed") {
                (TestStatus::Passed, None, String::new())
            } else {
                (
                    TestStatus::NoReport,
                    Some(Cause::ExitedEarly { code: exit.code() }),
                    join(&stdout, &stderr),
                )
            }
        }
    };
    Some(TestResult {
        name: full_name
            .split_once(&format!("{HIDDEN_MODULE}::"))
            .map_or(full_name, |(_, name)| name)
            .to_owned(),
        status,
        cause,
        message: with_drop_note(message, finished),
        output_dropped: finished.stdout.dropped + finished.stderr.dropped,
        duration: finished.elapsed,
    })
}

/// Judges the `main` of a `run` exercise.
pub fn judge_main(finished: &Finished) -> TestResult {
    let output = join(&finished.stdout.text(), &finished.stderr.text());
    let (status, cause, message) = match &finished.ending {
        Ending::TimedOut { deadlocked } => (
            TestStatus::DidNotFinish,
            deadlocked.map(|threads| Cause::Deadlock { threads }),
            output,
        ),
        Ending::Cancelled => (TestStatus::DidNotFinish, None, output),
        Ending::Exited(exit) => match (supervise::signal_of(exit), exit.code()) {
            (Some(name), _) => (TestStatus::Crashed, Some(Cause::Signal { name }), output),
            (None, Some(0)) => (TestStatus::Passed, None, String::new()),
            (None, code) => (TestStatus::Failed, Some(Cause::MainFailed { code }), output),
        },
    };
    TestResult {
        name: "main".to_owned(),
        status,
        cause,
        message: with_drop_note(message, finished),
        output_dropped: finished.stdout.dropped + finished.stderr.dropped,
        duration: finished.elapsed,
    }
}

/// libtest's report of one failed test: what it printed and its panic message.
fn failure_block(full_name: &str, stdout: &str) -> String {
    let header = format!("---- {full_name} stdout ----\n");
    match stdout.rfind(&header) {
        Some(at) => {
            let body = &stdout[at + header.len()..];
            let end = body.find("\n\nfailures:\n").unwrap_or(body.len());
            body[..end]
                .lines()
                .filter(|l| !l.starts_with("note: run with `RUST_BACKTRACE=1`"))
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_owned()
        }
        None => String::new(),
    }
}

/// Panic messages name the thread with its id, `thread 'x' (1234) panicked`; the id differs on
/// every run and means nothing to the learner.
fn without_thread_ids(message: &str) -> String {
    message
        .lines()
        .map(|line| {
            let Some(start) = line.find("' (") else {
                return line.to_owned();
            };
            let rest = &line[start + 3..];
            match rest.find(") ") {
                Some(end) if end > 0 && rest[..end].bytes().all(|b| b.is_ascii_digit()) => {
                    format!("{}'{}", &line[..start], &rest[end + 1..])
                }
                _ => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Two pieces of text, one after the other, without blank lines at their ends.
fn join(a: &str, b: &str) -> String {
    let trim = |s: &'_ str| s.trim_start_matches(['\n', '\r']).trim_end().to_owned();
    match (trim(a).as_str(), trim(b).as_str()) {
        ("", b) => b.to_owned(),
        (a, "") => a.to_owned(),
        (a, b) => format!("{a}\n{b}"),
    }
}

/// The message as shown: thread ids out, and the cut said when output was cut.
fn with_drop_note(message: String, finished: &Finished) -> String {
    let message = without_thread_ids(&message);
    let dropped = finished.stdout.dropped + finished.stderr.dropped;
    if dropped == 0 {
        message
    } else {
        // First, not last: the screen shows only the first lines of a long message, and output
        // that had to be cut always makes a long one.
        join(
            &format!("[output cut: {dropped} more bytes were printed and not kept]"),
            &message,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_block_takes_the_panic_message_only() {
        let out = "running 1 test\ntest hidden_tests::a ... FAILED\n\nfailures:\n\n\
                   ---- hidden_tests::a stdout ----\nprinted\n\nthread 'x' panicked at t.rs:1:1:\nboom\n\n\
                   failures:\n    hidden_tests::a\n\ntest result: FAILED. 0 passed; 1 failed\n";
        assert_eq!(
            failure_block("hidden_tests::a", out),
            "printed\n\nthread 'x' panicked at t.rs:1:1:\nboom"
        );
    }

    #[test]
    fn thread_ids_are_taken_out_of_panic_messages() {
        assert_eq!(
            without_thread_ids("thread 'hidden_tests::a' (4818) panicked at t.rs:5:5:\nboom"),
            "thread 'hidden_tests::a' panicked at t.rs:5:5:\nboom"
        );
        assert_eq!(without_thread_ids("a 'b' (c) d"), "a 'b' (c) d");
    }

    #[test]
    fn join_skips_empty_parts() {
        assert_eq!(join("", "b\n"), "b");
        assert_eq!(
            join("crashed", "\nthread 'x' overflowed"),
            "crashed\nthread 'x' overflowed"
        );
        assert_eq!(join("a\n", ""), "a");
        assert_eq!(join("a", "b"), "a\nb");
    }
}
