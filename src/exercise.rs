//! The validated exercise list: the questions, the exercises in order, and looking them up by
//! name (with a "did you mean" for names that are close) or by question number.

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

/// How an exercise is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// It compiles and every hidden test passes.
    Test,
    /// It compiles, `main` exits with status 0, and the hidden tests (if any) pass.
    Run,
}

/// How hard an exercise is, as info.toml rates it, from warm-up to what an interviewer asks last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    /// Recognising the concept is enough.
    WarmUp,
    /// The fix needs the concept applied.
    #[default]
    Fair,
    /// The fix needs the concept understood, not recognised.
    Hard,
}

impl Difficulty {
    /// The word `list` and watch show, as written in info.toml.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::WarmUp => "warm-up",
            Difficulty::Fair => "fair",
            Difficulty::Hard => "hard",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Question {
    pub number: u8,
    pub title: String,
    /// The question as an interviewer asks it.
    pub ask: String,
    /// A model answer: what a strong candidate says.
    pub answer: String,
    /// The points a strong answer makes, for the interview's checklist.
    pub rubric: Vec<RubricPoint>,
}

/// One point a strong answer makes, and the words that name it (any one will do).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricPoint {
    pub point: String,
    pub terms: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Exercise {
    pub name: String,
    pub question: u8,
    /// Relative to `exercises/`, `solutions/` and `tests/` alike.
    pub rel_path: PathBuf,
    pub mode: Mode,
    pub difficulty: Difficulty,
    pub hint: String,
    pub timeout: Duration,
    pub points: u32,
    /// It uses the kit's `[dependencies]` (tokio), so it is built in the crate that has them.
    pub uses_dependencies: bool,
    /// The concept rules its learner's file is checked against.
    pub rules: Vec<crate::rules::Rule>,
    /// Its tests are also run under Miri, where Miri is installed.
    pub miri: bool,
}

/// A name on the command line that matches no exercise.
#[derive(Debug, thiserror::Error)]
#[error("no {what} `{given}`{}", suggestion_text(.suggestion))]
pub struct UnknownName {
    /// What was looked for: "exercise", or "exercise or question".
    pub what: &'static str,
    pub given: String,
    pub suggestion: Option<String>,
}

/// A kit whose `info.toml` lists no exercise yet, asked for one.
#[derive(Debug, thiserror::Error)]
#[error(
    "this kit has no exercises yet: add one to info.toml (or with `rustprep new NAME --question N`)"
)]
pub struct NoExercises;

fn suggestion_text(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

#[derive(Debug, Clone)]
pub struct ExerciseList {
    questions: Vec<Question>,
    exercises: Vec<Exercise>,
}

impl ExerciseList {
    pub fn new(questions: Vec<Question>, exercises: Vec<Exercise>) -> Self {
        Self {
            questions,
            exercises,
        }
    }

    /// An error when there is no exercise at all, for the commands that need one.
    pub fn require_any(&self) -> Result<(), NoExercises> {
        if self.exercises.is_empty() {
            Err(NoExercises)
        } else {
            Ok(())
        }
    }

    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn question(&self, number: u8) -> Option<&Question> {
        self.questions.iter().find(|q| q.number == number)
    }

    /// The exercise named `name`, or whose file `name` is (`exercises/02_ownership/x.rs`, as a
    /// shell completes it).
    pub fn index_of(&self, name: &str) -> Result<usize, UnknownName> {
        let bare = std::path::Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|_| name.ends_with(".rs"))
            .unwrap_or(name);
        self.exercises
            .iter()
            .position(|e| e.name == bare)
            .ok_or_else(|| UnknownName {
                what: "exercise",
                given: name.to_owned(),
                suggestion: self.closest(bare),
            })
    }

    pub fn get(&self, name: &str) -> Result<&Exercise, UnknownName> {
        self.index_of(name).map(|i| &self.exercises[i])
    }

    /// Resolves command-line selectors (exercise names, or question numbers such as `7` or `q7`)
    /// to exercise indices in kit order, without duplicates. No selectors means every exercise.
    pub fn select(&self, selectors: &[String]) -> Result<Vec<usize>, UnknownName> {
        if selectors.is_empty() {
            return Ok((0..self.exercises.len()).collect());
        }
        let mut picked = vec![false; self.exercises.len()];
        for sel in selectors {
            let number = sel
                .strip_prefix(['q', 'Q'])
                .unwrap_or(sel)
                .parse::<u8>()
                .ok();
            match number.filter(|n| self.question(*n).is_some()) {
                Some(n) => {
                    for (i, e) in self.exercises.iter().enumerate() {
                        picked[i] |= e.question == n;
                    }
                }
                None => {
                    let index = self.index_of(sel).map_err(|e| UnknownName {
                        what: "exercise or question",
                        ..e
                    })?;
                    picked[index] = true;
                }
            }
        }
        Ok((0..picked.len()).filter(|&i| picked[i]).collect())
    }

    /// The exercise name closest to `given`, if one is close enough to be a likely typo, or else
    /// the first that contains it (`lock_order` for `transfer_lock_order`).
    fn closest(&self, given: &str) -> Option<String> {
        self.exercises
            .iter()
            .map(|e| (strsim::jaro_winkler(given, &e.name), &e.name))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, name)| name.clone())
            .or_else(|| {
                let part = given.to_lowercase();
                (part.len() >= 3)
                    .then(|| self.exercises.iter().find(|e| e.name.contains(&part)))
                    .flatten()
                    .map(|e| e.name.clone())
            })
    }
}

/// An exercise for unit tests: `q{question}/{name}.rs`, one point, a one-second limit, no rules.
#[cfg(test)]
impl Exercise {
    pub(crate) fn for_test(name: &str, question: u8) -> Self {
        Exercise {
            name: name.to_owned(),
            question,
            rel_path: PathBuf::from(format!("q{question}/{name}.rs")),
            mode: Mode::Test,
            difficulty: Difficulty::default(),
            hint: String::new(),
            timeout: Duration::from_secs(1),
            points: 1,
            uses_dependencies: false,
            rules: Vec::new(),
            miri: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> ExerciseList {
        let ex = Exercise::for_test;
        let q = |number| Question {
            number,
            title: String::new(),
            ask: String::new(),
            answer: String::new(),
            rubric: Vec::new(),
        };
        ExerciseList::new(
            vec![q(1), q(2)],
            vec![ex("moves1", 1), ex("borrow1", 2), ex("borrow2", 2)],
        )
    }

    #[test]
    fn unknown_name_suggests_the_closest() {
        let err = list().get("borow1").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("borrow1"));
        assert_eq!(
            err.to_string(),
            "no exercise `borow1`; did you mean `borrow1`?"
        );
    }

    #[test]
    fn a_far_name_gets_no_suggestion() {
        assert_eq!(list().get("zzzzzz").unwrap_err().suggestion, None);
    }

    #[test]
    fn select_takes_names_and_question_numbers_in_kit_order() {
        let l = list();
        assert_eq!(l.select(&[]).unwrap(), vec![0, 1, 2]);
        assert_eq!(l.select(&["q2".into()]).unwrap(), vec![1, 2]);
        assert_eq!(
            l.select(&["borrow2".into(), "1".into()]).unwrap(),
            vec![0, 2]
        );
        assert!(l.select(&["9".into()]).is_err());
        assert_eq!(l.select(&["Q2".into()]).unwrap(), vec![1, 2]);
        assert_eq!(
            l.select(&["nope".into()]).unwrap_err().to_string(),
            "no exercise or question `nope`"
        );
    }

    #[test]
    fn a_path_to_the_file_names_its_exercise() {
        assert_eq!(list().index_of("exercises/x/borrow2.rs").unwrap(), 2);
        assert_eq!(list().index_of("borrow2.rs").unwrap(), 2);
    }

    #[test]
    fn part_of_a_name_suggests_the_name() {
        assert_eq!(
            list().get("oves").unwrap_err().suggestion.as_deref(),
            Some("moves1")
        );
    }
}
