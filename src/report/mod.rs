//! Outcomes as reports: text for people ([`text`]), and for machines the versioned JSON report
//! ([`json`]), JUnit XML ([`junit`]), GitHub Classroom's result format ([`classroom`]) and the
//! class gradebook ([`gradebook`]); for teachers, the class as an HTML page ([`html`]). Pure
//! functions from graded results to strings.

pub mod classroom;
pub mod gradebook;
pub mod html;
pub mod json;
pub mod junit;
pub mod text;

use clap::ValueEnum;

use crate::exercise::Exercise;
use crate::file_kind::Kind;
use crate::kit::{Kit, Source};
use crate::limits::MESSAGE_CAP;
use crate::outcome::{Breach, BreachCause, Cause, MiriCheck, Note, Outcome, TestResult};

pub use text::{details, status_word};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people.
    Text,
    /// rustprep's JSON report (version 1, see the README).
    Json,
    /// JUnit XML, as GitHub and GitLab test reports read it.
    Junit,
    /// The result JSON of GitHub Classroom's autograding reporter.
    Classroom,
    /// One self-contained HTML page for a teacher: a heat map of students × exercises, pass
    /// rates, each student's verdicts. With --submissions, written beside the gradebook.
    Html,
}

/// The graded exercises of one source, in kit order.
#[derive(Clone)]
pub struct Graded<'a> {
    pub kit: &'a Kit,
    pub source: &'a Source,
    pub results: Vec<(&'a Exercise, &'a Outcome)>,
}

impl Graded<'_> {
    /// An exercise's file in the graded folder, as shown to the user.
    pub fn path_of(&self, exercise: &Exercise) -> String {
        self.kit
            .display_path(&self.kit.file_in(self.source, exercise))
    }

    /// The graded folder, as shown to the user.
    pub fn folder(&self) -> String {
        self.kit.display_path(&self.kit.source_dir(self.source))
    }

    /// Points earned and possible, summed in 64 bits: a kit's points (each up to `u32::MAX`)
    /// cannot overflow them.
    pub fn points(&self) -> (u64, u64) {
        self.results
            .iter()
            .fold((0, 0), |(earned, possible), (e, o)| {
                let points = u64::from(e.points);
                (
                    earned + if o.passed() { points } else { 0 },
                    possible + points,
                )
            })
    }
}

/// One source's report; `now` dates the HTML page.
pub fn render(
    format: Format,
    graded: &Graded<'_>,
    verbose: bool,
    now: std::time::SystemTime,
) -> anyhow::Result<String> {
    Ok(match format {
        Format::Text => text::verify_report(graded, verbose),
        Format::Json => json::render(graded)?,
        Format::Junit => junit::render(graded)?,
        Format::Classroom => classroom::render(graded)?,
        Format::Html => html::render(
            graded.kit,
            &[(crate::escape::text(&graded.folder()), graded.clone())],
            now,
        ),
    })
}

/// A broken rule in two parts: where and what (`exercises/a/b.rs:4 uses \`std::mem::forget\``),
/// and why it matters, in one sentence.
pub fn breach_text(breach: &Breach) -> (String, String) {
    let at = format!("{}:{}", breach.file, breach.line);
    match &breach.cause {
        BreachCause::Rule(why) => {
            let what = if breach.rule.contains("::") && !breach.rule.starts_with("clippy::") {
                format!("uses `{}`", breach.rule)
            } else {
                format!("breaks the rule `{}`", breach.rule)
            };
            (format!("{at} {what}"), why.clone())
        }
        BreachCause::SwitchedOff => (
            format!("{at} switches off the rule `{}`", breach.rule),
            "an exercise's rules cannot be switched off with #[allow] or #[expect]: fix what they point at instead".to_owned(),
        ),
        BreachCause::GraderCfg => (
            format!("{at} tests `cfg(miri)`"),
            "Miri must check the same code the tests run: remove the cfg".to_owned(),
        ),
        BreachCause::NotAlone(error) => (
            format!("{at} does not build without the hidden tests ({error})"),
            "the rules are checked on your file alone, so it must build on its own".to_owned(),
        ),
    }
}

/// Why Miri did not check an exercise, and how to have it.
pub const MIRI_MISSING: &str =
    "Miri is not installed (rustup toolchain install nightly --component miri)";

/// A line about Miri's check, when there is one to say.
/// A run's note as a sentence; `command` names a rustprep command the way the reader would type
/// it (`cargo run -- reset x` on a learner's screen, `rustprep reset x` in a file).
pub fn note_text(note: &Note, exercise: &Exercise, command: &dyn Fn(&str) -> String) -> String {
    match note {
        Note::NotAFile {
            path,
            found,
            restorable,
        } => {
            let what = match found {
                Kind::Missing => format!("{path} is missing"),
                Kind::Folder => format!("{path} is a folder, not a file"),
                Kind::Unreadable => format!("{path} cannot be looked at (permission denied?)"),
                kind => format!(
                    "{path} is {}, not a regular file: it was not read",
                    kind.describe()
                ),
            };
            if *restorable {
                format!(
                    "{what}: `{}` puts back the shipped version",
                    command(&format!("reset {}", exercise.name))
                )
            } else {
                what
            }
        }
        Note::Link { path } => {
            format!("{path} is a symbolic link: a submission is graded from its own files")
        }
        Note::CompileTimedOut { limit_secs } => format!(
            "compiling took longer than {limit_secs} s, the limit for one exercise \
             (compile_timeout_secs in info.toml)"
        ),
        Note::TimedOut { limit_secs } => format!(
            "did not finish in {limit_secs} s: is something waiting on a lock, a channel or itself?"
        ),
        Note::Deadlocked { limit_secs } => format!(
            "deadlocked: every thread was waiting and none could wake another, so it was stopped \
             without waiting for the {limit_secs} s limit: which wait never ends?"
        ),
        Note::NoHiddenTests => "no hidden tests were found for this exercise".to_owned(),
    }
}

/// How a report written to a file names a command: as installed, whatever started this run.
pub fn command_in_file(command: &str) -> String {
    format!("rustprep {command}")
}

/// What a test's cause says, as a sentence.
pub fn cause_text(cause: &Cause) -> String {
    match cause {
        Cause::StackOverflow => "crashed: stack overflow".to_owned(),
        Cause::Deadlock { threads } => match threads {
            1 => "deadlocked: its one thread waits for itself (stopped before its time limit)"
                .to_owned(),
            2 => "deadlocked: both of its threads wait, and neither can wake the other (stopped \
                  before its time limit)"
                .to_owned(),
            n => format!(
                "deadlocked: all {n} of its threads wait, and none can wake another (stopped \
                 before its time limit)"
            ),
        },
        Cause::OutOfMemory { limit_bytes } => format!(
            "crashed: out of memory (rustprep limits each test to {})",
            bytes_text(*limit_bytes)
        ),
        Cause::Signal { name } => format!("crashed: killed by {name}"),
        Cause::ExitedEarly { code } => format!(
            "the test process exited (status {}) before the test reported a result: does the \
             code call std::process::exit?",
            code.map_or_else(|| "?".to_owned(), |c| c.to_string())
        ),
        Cause::MainFailed { code } => {
            format!("main exited with status {}", code.unwrap_or(-1))
        }
    }
}

/// `1 GiB`, `512 MiB`.
fn bytes_text(bytes: u64) -> String {
    if bytes >= 1 << 30 && bytes.is_multiple_of(1 << 30) {
        format!("{} GiB", bytes >> 30)
    } else {
        format!("{} MiB", bytes >> 20)
    }
}

/// A test's message as reports show it: its cause first, when it has one.
pub fn test_message(test: &TestResult) -> String {
    match &test.cause {
        Some(cause) if test.message.trim().is_empty() => cause_text(cause),
        Some(cause) => format!(
            "{}\n{}",
            cause_text(cause),
            test.message.trim_start_matches('\n')
        ),
        None => test.message.clone(),
    }
}

pub fn miri_text(check: &MiriCheck) -> Option<String> {
    match check {
        MiriCheck::NotAsked | MiriCheck::Failed => None,
        MiriCheck::Passed => Some("Miri found no undefined behaviour in the tests.".to_owned()),
        MiriCheck::Skipped => Some(format!(
            "Not checked for undefined behaviour: {MIRI_MISSING}."
        )),
        MiriCheck::Unsupported(error) => Some(format!("Miri could not check this code: {error}")),
    }
}

/// `text` without ANSI colour, cut to [`MESSAGE_CAP`] characters, saying how much was cut.
pub fn plain_capped(text: &str) -> String {
    let plain = strip_ansi_escapes::strip_str(text);
    let plain = plain.trim_end();
    match plain.char_indices().nth(MESSAGE_CAP) {
        None => plain.to_owned(),
        Some((cut, _)) => format!("{}\n[cut: {} more bytes]", &plain[..cut], plain.len() - cut),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_names_the_command_as_the_reader_types_it() {
        let exercise = Exercise::for_test("moved_title", 1);
        let learner = Note::NotAFile {
            path: "exercises/q/moved_title.rs".to_owned(),
            found: Kind::Missing,
            restorable: true,
        };
        assert_eq!(
            note_text(&learner, &exercise, &command_in_file),
            "exercises/q/moved_title.rs is missing: `rustprep reset moved_title` puts back \
             the shipped version"
        );
        let fifo = Note::NotAFile {
            path: "ana/02/moved_title.rs".to_owned(),
            found: Kind::Fifo,
            restorable: false,
        };
        assert_eq!(
            note_text(&fifo, &exercise, &|c| format!("cargo run -- {c}")),
            "ana/02/moved_title.rs is a FIFO (named pipe), not a regular file: it was not read"
        );
    }

    #[test]
    fn points_add_up_past_u32_without_overflowing() {
        let exercise = |name: &str| Exercise {
            points: u32::MAX,
            ..Exercise::for_test(name, 1)
        };
        let (a, b) = (exercise("a"), exercise("b"));
        let kit = Kit::for_test(vec![a.clone(), b.clone()]);
        let passed = Outcome {
            status: crate::outcome::Status::Pass,
            ..Outcome::missing(Note::NoHiddenTests)
        };
        let graded = Graded {
            kit: &kit,
            source: &Source::Learner,
            results: vec![(&a, &passed), (&b, &passed)],
        };
        let twice = 2 * u64::from(u32::MAX);
        assert_eq!(graded.points(), (twice, twice));
        let json = json::report(&graded);
        assert_eq!(json.summary.points.possible, twice);
    }

    #[test]
    fn plain_capped_strips_colour_and_cuts_long_messages() {
        assert_eq!(plain_capped("\u{1b}[31merror\u{1b}[0m\n"), "error");
        let long = "é".repeat(MESSAGE_CAP + 10);
        let cut = plain_capped(&long);
        assert!(cut.starts_with(&"é".repeat(MESSAGE_CAP)));
        assert!(
            cut.ends_with("\n[cut: 20 more bytes]"),
            "{}",
            &cut[cut.len() - 30..]
        );
    }
}
