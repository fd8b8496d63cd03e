//! What `c` finds out: every exercise's verdict as its run ends, the line that says how far the
//! check has got, and the summary the list ends with.

use colored::Colorize;

use crate::outcome::Status;
use crate::progress;
use crate::tui::jobs::CheckStep;

pub(super) struct Check {
    /// By exercise index; `None`: not checked yet.
    statuses: Vec<Option<Status>>,
    /// Every exercise is being compiled, in one build: no verdict comes before that ends.
    compiling: bool,
    /// The check reached its end (else it is going on, or a run of one exercise stopped it).
    finished: bool,
}

impl Check {
    pub(super) fn new(exercises: usize) -> Self {
        Self {
            statuses: vec![None; exercises],
            compiling: false,
            finished: false,
        }
    }

    pub(super) fn step(&mut self, step: CheckStep) {
        match step {
            CheckStep::Compiling => self.compiling = true,
            CheckStep::Finished { index, status } => self.set(index, status),
        }
    }

    /// The exercise at `index` has this verdict now (from the check, or a later run of it).
    pub(super) fn set(&mut self, index: usize, status: Status) {
        self.compiling = false;
        if let Some(slot) = self.statuses.get_mut(index) {
            *slot = Some(status);
        }
    }

    pub(super) fn finish(&mut self) {
        self.finished = true;
    }

    pub(super) fn status(&self, index: usize) -> Option<Status> {
        self.statuses.get(index).copied().flatten()
    }

    fn checked(&self) -> usize {
        self.statuses.iter().flatten().count()
    }

    /// How far the check has got, while it is `going` on or when it stopped short; `None` once
    /// it has reached the end.
    pub(super) fn progress(&self, going: bool, width: u16) -> Option<String> {
        let total = self.statuses.len();
        if going && self.compiling {
            Some(
                format!("⟳ Compiling all {total} exercises…")
                    .yellow()
                    .to_string(),
            )
        } else if going {
            Some(progress::labelled_bar(
                "⟳ Checking all exercises",
                "checked",
                self.checked(),
                total,
                width,
            ))
        } else if !self.finished {
            Some(
                format!(
                    "The check stopped at {}/{total} (a save or a run of one exercise stops \
                     it). Press c to check them all again.",
                    self.checked()
                )
                .yellow()
                .to_string(),
            )
        } else {
            None
        }
    }

    /// What the check found, in a sentence: `Checked all 12 exercises: 3 pass, 8 do not
    /// compile, 1 fails.` `None` before it has reached the end.
    pub(super) fn summary(&self) -> Option<String> {
        if !self.finished {
            return None;
        }
        let count = |status: Status| self.statuses.iter().filter(|s| **s == Some(status)).count();
        let said: Vec<String> = [
            (Status::Pass, "pass", "passes"),
            (Status::CompileError, "do not compile", "does not compile"),
            (Status::Fail, "fail", "fails"),
            (Status::Rule, "break a rule", "breaks a rule"),
            (Status::Timeout, "time out", "times out"),
            (Status::Crash, "crash", "crashes"),
        ]
        .into_iter()
        .filter_map(|(status, many, one)| match count(status) {
            0 if status != Status::Pass => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        })
        .collect();
        Some(format!(
            "Checked all {} exercises: {}.",
            self.statuses.len(),
            said.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(statuses: &[Status]) -> Check {
        let mut check = Check::new(statuses.len());
        check.step(CheckStep::Compiling);
        for (index, status) in statuses.iter().enumerate() {
            check.step(CheckStep::Finished {
                index,
                status: *status,
            });
        }
        check.finish();
        check
    }

    #[test]
    fn the_summary_counts_each_verdict_it_met() {
        let check = finished(&[
            Status::Pass,
            Status::CompileError,
            Status::CompileError,
            Status::Fail,
        ]);
        assert_eq!(
            check.summary().as_deref(),
            Some("Checked all 4 exercises: 1 passes, 2 do not compile, 1 fails.")
        );
        let none_pass = finished(&[Status::Timeout]);
        assert_eq!(
            none_pass.summary().as_deref(),
            Some("Checked all 1 exercises: 0 pass, 1 times out.")
        );
    }

    #[test]
    fn the_progress_says_compiling_then_counts_verdicts_then_goes() {
        colored::control::set_override(false);
        let mut check = Check::new(4);
        check.step(CheckStep::Compiling);
        assert_eq!(
            check.progress(true, 80).as_deref(),
            Some("⟳ Compiling all 4 exercises…")
        );
        check.step(CheckStep::Finished {
            index: 0,
            status: Status::Pass,
        });
        let line = check.progress(true, 80).unwrap_or_default();
        assert!(line.ends_with("1/4 checked"), "{line}");
        assert!(check.summary().is_none());
        assert!(
            check
                .progress(false, 80)
                .is_some_and(|l| l.contains("stopped at 1/4")),
            "a check that was stopped says so"
        );
        check.finish();
        assert_eq!(check.progress(false, 80), None);
    }
}
