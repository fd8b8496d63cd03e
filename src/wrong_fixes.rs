//! The wrong-fix corpus: for each exercise, fixes a lazy, confused or cheating learner would try
//! (and correct alternatives), each with the verdict the kit must give it. A case is a list of
//! find-and-replace edits made to the shipped exercise, kept in
//! `tests/wrong_fixes/<folder>/<exercise>.toml`. This module loads the cases and turns each into
//! a folder holding the edited file, for the kit check to grade; an edit that no longer applies
//! is reported, never skipped.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::atomic_file;
use crate::exercise::Exercise;
use crate::kit::{Kit, Source};
use crate::outcome::Status;

/// Where the corpus lives, under the kit root.
pub const DIR: &str = "tests/wrong_fixes";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(default)]
    fix: Vec<Case>,
}

/// One fix and the verdict it must get.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub verdict: Verdict,
    /// A second verdict the case may get instead, for a wrong fix whose verdict is a race its
    /// own code starts: threads spawned until memory runs out fail a test, or abort the process
    /// when the panic's message finds no memory left; a deadlock the tests cannot force may
    /// still happen by chance. Never `pass`, and only beside a wrong one.
    #[serde(default)]
    pub or_verdict: Option<Verdict>,
    /// Why it is wrong (or, for `pass`, why it is right), in one sentence.
    pub why: String,
    /// Only Miri catches it (undefined behaviour that gives the right output): skipped, and
    /// said so, where Miri is not installed.
    #[serde(default)]
    pub needs_miri: bool,
    #[serde(default)]
    pub edit: Vec<Edit>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    pub find: String,
    pub replace: String,
}

/// The verdicts a case may require: an exercise's statuses, as the JSON report spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Fail,
    Rule,
    CompileError,
    Timeout,
    Crash,
}

impl Case {
    /// Whether grading the case as `status` is what the corpus asks of it.
    pub fn accepts(&self, status: Status) -> bool {
        self.verdict.status() == status || self.or_verdict.is_some_and(|v| v.status() == status)
    }

    /// A second verdict beside `pass`, or `pass` as the second: no fix is both right and wrong.
    fn mixes_right_and_wrong(&self) -> bool {
        self.or_verdict.is_some()
            && (self.verdict == Verdict::Pass || self.or_verdict == Some(Verdict::Pass))
    }
}

impl Verdict {
    pub fn status(self) -> Status {
        match self {
            Verdict::Pass => Status::Pass,
            Verdict::Fail => Status::Fail,
            Verdict::Rule => Status::Rule,
            Verdict::CompileError => Status::CompileError,
            Verdict::Timeout => Status::Timeout,
            Verdict::Crash => Status::Crash,
        }
    }
}

/// The corpus file of an exercise.
pub fn file_of(kit: &Kit, exercise: &Exercise) -> PathBuf {
    kit.root
        .join(DIR)
        .join(exercise.rel_path.with_extension("toml"))
}

/// The cases of an exercise (none when it has no corpus file).
pub fn load(kit: &Kit, exercise: &Exercise) -> Result<Vec<Case>> {
    let path = file_of(kit, exercise);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(e).with_context(|| format!("failed to read {}", kit.display_path(&path)));
        }
    };
    let file: CaseFile = toml::from_str(&text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        let line = text[..at.min(text.len())].matches('\n').count() + 1;
        anyhow::anyhow!("{}:{line}: {}", kit.display_path(&path), e.message().trim())
    })?;
    if let Some(case) = file.fix.iter().find(|c| c.mixes_right_and_wrong()) {
        anyhow::bail!(
            "{}: the case `{}` has an `or_verdict`, and one of its verdicts is `pass`: a fix is \
             either right or wrong",
            kit.display_path(&path),
            case.name
        );
    }
    Ok(file.fix)
}

/// `shipped` with the case's edits made; `Err` says which edit does not apply (its `find` text
/// is not in the file exactly once).
pub fn apply(shipped: &str, case: &Case) -> Result<String, String> {
    let mut text = shipped.to_owned();
    for (n, edit) in case.edit.iter().enumerate() {
        match text.matches(&edit.find).count() {
            1 => text = text.replacen(&edit.find, &edit.replace, 1),
            count => {
                return Err(format!(
                    "edit {} finds its text {count} times, not once: {:?}",
                    n + 1,
                    edit.find.lines().next().unwrap_or("")
                ));
            }
        }
    }
    if case.edit.is_empty() {
        return Err("it has no edit".to_owned());
    }
    Ok(text)
}

/// Writes the case's edited file into a folder of its own under `root`, laid out like
/// `exercises/`, and returns that folder as a source to grade.
pub fn materialize(root: &Path, exercise: &Exercise, case: &Case, text: &str) -> Result<Source> {
    let dir = root.join(&exercise.name).join(&case.name);
    atomic_file::write_derived_if_changed(&dir.join(&exercise.rel_path), text.as_bytes())?;
    Ok(Source::Folder(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(edits: &[(&str, &str)]) -> Case {
        Case {
            name: "c".into(),
            verdict: Verdict::Fail,
            or_verdict: None,
            why: String::new(),
            needs_miri: false,
            edit: edits
                .iter()
                .map(|(f, r)| Edit {
                    find: (*f).into(),
                    replace: (*r).into(),
                })
                .collect(),
        }
    }

    #[test]
    fn edits_apply_in_order() {
        let c = case(&[("a", "b"), ("bb", "c")]);
        assert_eq!(apply("ab", &c).unwrap(), "c");
    }

    #[test]
    fn an_edit_must_find_its_text_exactly_once() {
        assert!(
            apply("xyz", &case(&[("a", "b")]))
                .unwrap_err()
                .contains("0 times")
        );
        assert!(
            apply("aa", &case(&[("a", "b")]))
                .unwrap_err()
                .contains("2 times")
        );
        assert!(apply("aa", &case(&[])).is_err());
    }

    #[test]
    fn a_second_verdict_is_accepted_but_never_beside_pass() {
        let mut c = case(&[]);
        assert!(c.accepts(Status::Fail) && !c.accepts(Status::Crash));
        c.or_verdict = Some(Verdict::Crash);
        assert!(c.accepts(Status::Fail) && c.accepts(Status::Crash));
        assert!(!c.accepts(Status::Pass) && !c.mixes_right_and_wrong());
        c.or_verdict = Some(Verdict::Pass);
        assert!(c.mixes_right_and_wrong());
        c.verdict = Verdict::Pass;
        c.or_verdict = Some(Verdict::Fail);
        assert!(c.mixes_right_and_wrong());
    }
}
