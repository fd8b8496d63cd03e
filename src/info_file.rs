//! The `info.toml` model: what the file may say, and its validation into an [`ExerciseList`].
//!
//! Every problem found is reported with the file, line and column it comes from, and a sentence
//! saying what to do, because the person reading it is usually an instructor editing the file.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::exercise::{Difficulty, Exercise, ExerciseList, Mode, Question, RubricPoint};
use crate::file_kind::Kind;
use crate::limits;
use crate::rules::{self, Check, Layer, PathKind, Rule};

/// The `format_version` this build of rustprep understands.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInfo {
    format_version: Spanned<u32>,
    edition: Option<Spanned<String>>,
    welcome_message: Option<String>,
    final_message: Option<String>,
    /// The kit check wants at least this many wrong fixes per exercise in the corpus.
    #[serde(default)]
    wrong_fixes_per_exercise: usize,
    /// How long compiling one exercise may take when grading.
    compile_timeout_secs: Option<Spanned<u64>>,
    /// Copied into the generated crate's `[dependencies]`; shared by every exercise.
    #[serde(default)]
    dependencies: toml::Table,
    /// Concept rules for every exercise, unless its question or itself changes them.
    #[serde(default)]
    rules: Vec<Spanned<RawRule>>,
    #[serde(default)]
    questions: Vec<RawQuestion>,
    #[serde(default)]
    exercises: Vec<RawExercise>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    lint: Option<Spanned<String>>,
    disallow: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    why: Spanned<String>,
}

/// A question's or an exercise's changes to the rules it inherits: the targets of rules it lifts
/// (`allow`), and its own rules.
type RawLayer<'a> = (&'a [Spanned<String>], &'a [Spanned<RawRule>]);

/// The editions a kit may name; without one, it is the newest.
const EDITIONS: [&str; 4] = ["2015", "2018", "2021", "2024"];

/// Question numbers go from 1 to this (`Q0` reads as no question).
const QUESTION_NUMBERS: std::ops::RangeInclusive<i64> = 1..=255;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    number: Spanned<i64>,
    title: String,
    ask: String,
    answer: String,
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    rules: Vec<Spanned<RawRule>>,
    /// Its exercises are also run under Miri (where it is installed).
    #[serde(default)]
    miri: bool,
    /// The points a strong answer makes.
    #[serde(default)]
    rubric: Vec<Spanned<RubricPoint>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    name: Spanned<String>,
    question: Spanned<i64>,
    path: Spanned<String>,
    mode: Mode,
    /// warm-up, fair (the default) or hard.
    #[serde(default)]
    difficulty: Difficulty,
    hint: String,
    timeout_secs: Option<Spanned<u64>>,
    points: Option<u32>,
    /// Which of the kit's `[dependencies]` this exercise uses.
    dependencies: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    rules: Vec<Spanned<RawRule>>,
    /// Run under Miri too (default: what its question says).
    miri: Option<bool>,
}

/// Kit-wide settings from `info.toml` that are not per exercise.
#[derive(Debug, Clone)]
pub struct KitSettings {
    pub edition: String,
    pub dependencies: toml::Table,
    pub welcome_message: Option<String>,
    pub final_message: Option<String>,
    /// The kit check wants at least this many wrong fixes per exercise (default 0).
    pub wrong_fixes_per_exercise: usize,
    /// How long compiling one exercise may take when grading.
    pub compile_timeout: Duration,
}

/// A problem in `info.toml`, located in the file.
#[derive(Debug, thiserror::Error)]
pub struct InfoError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

impl fmt::Display for InfoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}\n  help: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message,
            self.help
        )
    }
}

/// Turns a byte offset into a 1-based line and column.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

struct Located<'a> {
    file: &'a Path,
    source: &'a str,
}

impl Located<'_> {
    fn error(&self, span: Range<usize>, message: String, help: &str) -> InfoError {
        let (line, column) = line_col(self.source, span.start);
        InfoError {
            file: self.file.to_owned(),
            line,
            column,
            message,
            help: help.to_owned(),
        }
    }
}

/// `bytes`, read from `file`, as text; a byte that is not UTF-8 is an error at its line.
pub fn decode(file: &Path, bytes: Vec<u8>) -> Result<String, InfoError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let (line, column) = line_col(before, before.len());
        InfoError {
            file: file.to_owned(),
            line,
            column,
            message: format!(
                "byte 0x{:02X} is not UTF-8",
                bytes.get(at).copied().unwrap_or_default()
            ),
            help: "info.toml must be UTF-8 text: save it as UTF-8 (not Latin-1 or UTF-16)"
                .to_owned(),
        }
    })
}

/// Parses and validates `source`, read from `file`. `exercise_kind` says what an exercise file
/// (by its path relative to `exercises/`) is: it must be a regular file to be run or restored.
/// `lint_known` says whether a lint named by a rule exists (`None`: the toolchain could not say).
pub fn parse(
    file: &Path,
    source: &str,
    exercise_kind: &dyn Fn(&Path) -> Kind,
    lint_known: &mut dyn FnMut(&str) -> Option<bool>,
) -> Result<(KitSettings, ExerciseList), InfoError> {
    let at = Located { file, source };
    let raw: RawInfo = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        at.error(
            span,
            e.message().trim().to_owned(),
            "fix the TOML at this place; CONTRIBUTING.md lists the fields and their values",
        )
    })?;

    if *raw.format_version.get_ref() != FORMAT_VERSION {
        return Err(at.error(
            raw.format_version.span(),
            format!(
                "format_version {} is not understood by this rustprep (it reads version {FORMAT_VERSION})",
                raw.format_version.get_ref()
            ),
            "update rustprep (`git pull`), or use a kit written for this version",
        ));
    }

    let edition = match &raw.edition {
        Some(e) if !EDITIONS.contains(&e.get_ref().as_str()) => {
            return Err(at.error(
                e.span(),
                format!("edition `{}` is not a Rust edition", e.get_ref()),
                "use one of 2015, 2018, 2021 and 2024, or remove the field for 2024",
            ));
        }
        Some(e) => e.get_ref().clone(),
        None => EDITIONS[EDITIONS.len() - 1].to_owned(),
    };

    let kit_rules = raw
        .rules
        .iter()
        .map(|r| rule(&at, r, lint_known))
        .collect::<Result<Vec<_>, _>>()?;
    let mut question_rules: HashMap<u8, (Vec<Rule>, bool)> = HashMap::new();
    let mut questions: Vec<Question> = Vec::new();
    for q in raw.questions {
        let number = question_number(&at, &q.number)?;
        if questions.iter().any(|seen| seen.number == number) {
            return Err(at.error(
                q.number.span(),
                format!("question {number} is defined twice"),
                "give each [[questions]] entry its own number",
            ));
        }
        let raw_layer = (&q.allow[..], &q.rules[..]);
        let layer = layer(&at, raw_layer, lint_known)?;
        check_allowed(&at, raw_layer, &kit_rules, &format!("question {number}"))?;
        question_rules.insert(number, (layer.apply(&kit_rules), q.miri));
        if let Some(empty) = q.rubric.iter().find(|p| {
            p.get_ref().point.trim().is_empty()
                || p.get_ref().terms.iter().all(|t| t.trim().is_empty())
        }) {
            return Err(at.error(
                empty.span(),
                format!("question {number}: a rubric point needs its words and at least one term"),
                "write `point = \"...\"` and `terms = [\"...\"]` (the words an answer that makes the point uses)",
            ));
        }
        questions.push(Question {
            number,
            title: q.title,
            ask: q.ask,
            answer: q.answer,
            rubric: q.rubric.into_iter().map(Spanned::into_inner).collect(),
        });
    }

    let mut exercises: Vec<Exercise> = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for e in raw.exercises {
        let name = e.name.get_ref().clone();
        if !is_valid_name(&name) {
            return Err(at.error(
                e.name.span(),
                format!("exercise name `{name}` is not a valid name"),
                "use lowercase letters, digits and underscores, starting with a letter",
            ));
        }
        if let Some(&first) = first_at.get(&name) {
            let line = line_col(source, first).0;
            return Err(at.error(
                e.name.span(),
                format!("exercise name `{name}` is used twice (first at line {line})"),
                "rename one of the two exercises",
            ));
        }
        first_at.insert(name.clone(), e.name.span().start);

        let question = question_number(&at, &e.question)?;
        if !questions.iter().any(|q| q.number == question) {
            return Err(at.error(
                e.question.span(),
                format!("exercise `{name}` names question {question}, which is not defined"),
                "add a [[questions]] entry with that number, or fix the number",
            ));
        }

        let rel_path = PathBuf::from(e.path.get_ref());
        check_path(&at, &e.path, &rel_path)?;
        if let Some(other) = exercises.iter().find(|x| x.rel_path == rel_path) {
            return Err(at.error(
                e.path.span(),
                format!("exercise `{name}` has the same path as `{}`", other.name),
                "give each exercise a file of its own",
            ));
        }
        let problem = match exercise_kind(&rel_path) {
            Kind::File => None,
            Kind::Missing => Some("does not exist".to_owned()),
            Kind::Folder => Some("is a folder, not a file".to_owned()),
            kind => Some(format!("is {}, not a regular file", kind.describe())),
        };
        if let Some(problem) = problem {
            return Err(at.error(
                e.path.span(),
                format!(
                    "exercise `{name}`: the file exercises/{} {problem}",
                    rel_path.display()
                ),
                "create the file, or fix `path` (it is relative to the exercises/ folder)",
            ));
        }

        let timeout = seconds(
            &at,
            e.timeout_secs.as_ref(),
            &format!("exercise `{name}`: timeout_secs"),
            limits::TEST_TIMEOUT,
        )?;

        let used = e
            .dependencies
            .as_ref()
            .map_or(&[][..], |d| d.get_ref().as_slice());
        if let Some(unknown) = used
            .iter()
            .find(|d| !raw.dependencies.contains_key(d.as_str()))
        {
            return Err(at.error(
                e.dependencies.as_ref().map_or(0..0, |d| d.span()),
                format!(
                    "exercise `{name}` uses the crate `{unknown}`, which is not in [dependencies]"
                ),
                "add the crate to the kit's [dependencies] table, or fix the name",
            ));
        }

        let (inherited, question_miri) = &question_rules[&question];
        let raw_layer = (&e.allow[..], &e.rules[..]);
        let own = layer(&at, raw_layer, lint_known)?;
        check_allowed(&at, raw_layer, inherited, &format!("exercise `{name}`"))?;

        exercises.push(Exercise {
            name,
            question,
            rel_path,
            mode: e.mode,
            difficulty: e.difficulty,
            hint: e.hint.trim().to_owned(),
            timeout,
            points: e.points.unwrap_or(limits::POINTS),
            uses_dependencies: !used.is_empty(),
            rules: own.apply(inherited),
            miri: e.miri.unwrap_or(*question_miri),
        });
    }

    let compile_timeout = seconds(
        &at,
        raw.compile_timeout_secs.as_ref(),
        "compile_timeout_secs",
        limits::COMPILE_TIMEOUT,
    )?;
    let settings = KitSettings {
        edition,
        dependencies: raw.dependencies,
        welcome_message: raw.welcome_message,
        final_message: raw.final_message,
        wrong_fixes_per_exercise: raw.wrong_fixes_per_exercise,
        compile_timeout,
    };
    Ok((settings, ExerciseList::new(questions, exercises)))
}

/// A question's number, from 1 to 255.
fn question_number(at: &Located<'_>, number: &Spanned<i64>) -> Result<u8, InfoError> {
    let n = *number.get_ref();
    match u8::try_from(n) {
        Ok(n) if QUESTION_NUMBERS.contains(&i64::from(n)) => Ok(n),
        _ => Err(at.error(
            number.span(),
            format!("question number {n} is out of range"),
            "number the questions from 1 to 255",
        )),
    }
}

/// A time limit in seconds, from 1 to [`limits::MAX_TIMEOUT_SECS`]; `default` when it is not given.
fn seconds(
    at: &Located<'_>,
    given: Option<&Spanned<u64>>,
    field: &str,
    default: Duration,
) -> Result<Duration, InfoError> {
    match given {
        Some(t) if !(1..=limits::MAX_TIMEOUT_SECS).contains(t.get_ref()) => Err(at.error(
            t.span(),
            format!("{field} must be from 1 to {}", limits::MAX_TIMEOUT_SECS),
            &format!(
                "remove the field to use the default of {} seconds",
                default.as_secs()
            ),
        )),
        Some(t) => Ok(Duration::from_secs(*t.get_ref())),
        None => Ok(default),
    }
}

fn layer(
    at: &Located<'_>,
    (allow, own): RawLayer<'_>,
    lint_known: &mut dyn FnMut(&str) -> Option<bool>,
) -> Result<Layer, InfoError> {
    Ok(Layer {
        allow: allow
            .iter()
            .map(|a| a.get_ref().trim().to_owned())
            .collect(),
        rules: own
            .iter()
            .map(|r| rule(at, r, lint_known))
            .collect::<Result<_, _>>()?,
    })
}

/// An `allow` must lift a rule that is in force where it is written.
fn check_allowed(
    at: &Located<'_>,
    (allow, _): RawLayer<'_>,
    inherited: &[Rule],
    whose: &str,
) -> Result<(), InfoError> {
    for allowed in allow {
        let target = allowed.get_ref().trim();
        if !inherited.iter().any(|r| r.check.target() == target) {
            return Err(at.error(
                allowed.span(),
                format!("{whose} allows `{target}`, which no rule above it sets"),
                "`allow` lifts a kit-wide or question rule by its `lint` or `disallow` value; fix the name or remove it",
            ));
        }
    }
    Ok(())
}

fn rule(
    at: &Located<'_>,
    raw: &Spanned<RawRule>,
    lint_known: &mut dyn FnMut(&str) -> Option<bool>,
) -> Result<Rule, InfoError> {
    let r = raw.get_ref();
    if r.why.get_ref().trim().is_empty() {
        return Err(at.error(
            r.why.span(),
            "a rule's `why` is empty".to_owned(),
            "say in one sentence why the rule matters for this exercise: the learner reads it when the rule is broken",
        ));
    }
    let check = match (&r.lint, &r.disallow) {
        (Some(lint), None) => {
            let name = rules::normalize_lint(lint.get_ref());
            if let Some(kind) = &r.kind {
                return Err(at.error(
                    kind.span(),
                    "`kind` belongs to a `disallow` rule, not a `lint` one".to_owned(),
                    "remove `kind`",
                ));
            }
            if lint_known(&name) == Some(false) {
                return Err(at.error(
                    lint.span(),
                    format!("no lint is named `{name}`"),
                    "use a name that `rustc -W help` or `clippy-driver -W help` lists (clippy's with `clippy::`)",
                ));
            }
            Check::Lint(name)
        }
        (None, Some(path)) => {
            let text = path.get_ref().trim();
            if !rules::is_item_path(text) {
                return Err(at.error(
                    path.span(),
                    format!("`{text}` is not a path to an item"),
                    "write the item's full path, such as `std::mem::transmute` or `std::boxed::Box::leak`",
                ));
            }
            let kind = match &r.kind {
                None => PathKind::Fn,
                Some(kind) => PathKind::parse(kind.get_ref()).ok_or_else(|| {
                    at.error(
                        kind.span(),
                        format!("`kind = \"{}\"` is not a kind of path", kind.get_ref()),
                        "use \"fn\" (the default: functions and methods), \"type\" or \"macro\"",
                    )
                })?,
            };
            Check::Disallow {
                kind,
                path: text.to_owned(),
            }
        }
        _ => {
            return Err(at.error(
                raw.span(),
                "a rule needs one of `lint` and `disallow`, not both or neither".to_owned(),
                "write `lint = \"unsafe_code\"` for a lint, or `disallow = \"std::mem::forget\"` for a path",
            ));
        }
    };
    Ok(Rule {
        check,
        why: r.why.get_ref().trim().to_owned(),
    })
}

/// Lowercase letters, digits and underscores, starting with a letter.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// An exercise path must be a relative `.rs` path that stays inside `exercises/`, and must not be
/// named `main.rs`, which cargo would take as one of rustprep's own test targets under `tests/`.
fn check_path(at: &Located<'_>, spanned: &Spanned<String>, path: &Path) -> Result<(), InfoError> {
    use std::path::Component;
    let inside = path.components().all(|c| matches!(c, Component::Normal(_)));
    let problem = if !inside || path.as_os_str().is_empty() {
        Some("must be a relative path inside exercises/, without `..`")
    } else if path.extension().is_none_or(|ext| ext != "rs") {
        Some("must name a `.rs` file")
    } else if path
        .file_name()
        .is_some_and(|f| f == "main.rs" || f == "mod.rs")
    {
        Some("must not be named main.rs or mod.rs (cargo gives those names a meaning of their own)")
    } else if path.components().count() != 2 {
        Some("must be FOLDER/FILE.rs, one folder deep (for example `02_ownership/moves.rs`)")
    } else {
        None
    };
    match problem {
        Some(p) => Err(at.error(
            spanned.span(),
            format!("path `{}` {p}", path.display()),
            "paths are relative to exercises/; the solution and hidden tests use the same path",
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let s = "a = 1\nbb = 2\n";
        assert_eq!(line_col(s, 0), (1, 1));
        assert_eq!(line_col(s, 6), (2, 1));
        assert_eq!(line_col(s, 9), (2, 4));
    }

    /// The rows of the README's table of questions: number, title, folder.
    fn readme_question_table() -> Vec<(String, String, String)> {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("the README is readable");
        readme
            .lines()
            .skip_while(|l| l.trim() != "| # | question | exercises |")
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                let cells: Vec<&str> = l.trim().trim_matches('|').split(" | ").collect();
                let cell = |i: usize| cells[i].trim().trim_matches('`').to_owned();
                (cell(0), cell(1), cell(2))
            })
            .collect()
    }

    #[test]
    fn the_readme_lists_the_kits_questions_with_their_numbers_and_folders() {
        let file = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/info.toml"));
        let source = std::fs::read_to_string(file).expect("info.toml is readable");
        let (_, list) = parse(file, &source, &|_| Kind::File, &mut |_| Some(true))
            .expect("the kit's info.toml parses");
        let ours: Vec<(String, String, String)> = list
            .questions()
            .iter()
            .map(|q| {
                let first = list.exercises().iter().find(|e| e.question == q.number);
                let folder = first
                    .and_then(|e| e.rel_path.parent())
                    .map(|f| format!("exercises/{}/", f.display()))
                    .unwrap_or_default();
                (q.number.to_string(), q.title.clone(), folder)
            })
            .collect();
        assert_eq!(readme_question_table(), ours);
    }

    #[test]
    fn names_must_be_identifiers() {
        assert!(is_valid_name("moves1"));
        assert!(is_valid_name("a_b_2"));
        assert!(!is_valid_name("1moves"));
        assert!(!is_valid_name("Moves"));
        assert!(!is_valid_name("a-b"));
        assert!(!is_valid_name(""));
    }
}
