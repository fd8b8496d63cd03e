//! Outcomes as reports: text for people ([`text`]), and for machines the versioned JSON report
//! ([`json`]), JUnit XML ([`junit`]), GitHub Classroom's result format ([`classroom`]) and the
//! class gradebook ([`gradebook`]). Pure functions from graded results to strings.

pub mod classroom;
pub mod gradebook;
pub mod json;
pub mod junit;
pub mod text;

use clap::ValueEnum;

use crate::exercise::Exercise;
use crate::kit::{Kit, Source};
use crate::outcome::{Breach, BreachCause, MiriCheck, Outcome};

pub use text::{details, status_word};

/// Characters kept of one message in a machine-readable report.
pub const MESSAGE_CAP: usize = 4096;

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
}

/// The graded exercises of one source, in kit order.
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

pub fn render(format: Format, graded: &Graded<'_>, verbose: bool) -> anyhow::Result<String> {
    Ok(match format {
        Format::Text => text::verify_report(graded, verbose),
        Format::Json => json::render(graded)?,
        Format::Junit => junit::render(graded)?,
        Format::Classroom => classroom::render(graded)?,
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
    fn points_add_up_past_u32_without_overflowing() {
        use crate::exercise::{Exercise, ExerciseList, Mode};
        let exercise = |name: &str| Exercise {
            name: name.to_owned(),
            question: 1,
            rel_path: format!("q/{name}.rs").into(),
            mode: Mode::Test,
            difficulty: Default::default(),
            hint: String::new(),
            timeout: std::time::Duration::from_secs(1),
            points: u32::MAX,
            uses_dependencies: false,
            rules: Vec::new(),
            miri: false,
        };
        let (a, b) = (exercise("a"), exercise("b"));
        let kit = Kit {
            root: "/kit".into(),
            settings: crate::info_file::KitSettings {
                edition: "2024".to_owned(),
                dependencies: toml::Table::new(),
                welcome_message: None,
                final_message: None,
                wrong_fixes_per_exercise: 0,
                compile_timeout: crate::info_file::DEFAULT_COMPILE_TIMEOUT,
            },
            list: ExerciseList::new(Vec::new(), vec![a.clone(), b.clone()]),
        };
        let passed = Outcome {
            status: crate::outcome::Status::Pass,
            ..Outcome::missing("")
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
