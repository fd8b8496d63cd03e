//! The rules' check builds of a run, going on beside its test build and tests: one `cargo clippy`
//! per group of exercises with rules, started just after the test build (the verdict waits for
//! that first), and waited for by the first outcome that needs it, which then gets the breaches
//! of its exercise's rules.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::thread::{Scope, ScopedJoinHandle};

use anyhow::{Result, anyhow};

use crate::build_crate::{Group, Workspace};
use crate::exercise::Exercise;
use crate::kit::{Kit, Source};
use crate::outcome::{Breach, BreachCause, Outcome, Status};
use crate::rules::breaches;
use crate::rules_build::{self, CheckEnd, CheckSettings, CheckedMap};
use crate::supervise::Cancel;

type Handle<'scope> = ScopedJoinHandle<'scope, Result<CheckEnd>>;

/// What a check build ended in, kept for every outcome of its group to read.
enum Checked {
    Done(CheckedMap),
    Cancelled,
    Failed(String),
}

pub struct RuleChecks<'scope, 'env> {
    kit: &'env Kit,
    sources: &'env [Source],
    running: Mutex<HashMap<Group, Handle<'scope>>>,
    ended: HashMap<Group, OnceLock<Checked>>,
}

impl<'scope, 'env> RuleChecks<'scope, 'env> {
    /// Starts the check build of each workspace that has exercises with rules among `indices`.
    pub fn start(
        scope: &'scope Scope<'scope, 'env>,
        kit: &'env Kit,
        sources: &'env [Source],
        workspaces: &'env HashMap<Group, Workspace>,
        indices: &[usize],
        settings: CheckSettings,
        cancel: &'env Cancel,
    ) -> Self {
        let mut running = HashMap::new();
        let mut ended = HashMap::new();
        for (group, ws) in workspaces {
            let ruled = rules_build::ruled(kit, indices, *group);
            if ruled.is_empty() {
                continue;
            }
            let handle =
                scope.spawn(move || rules_build::check(kit, sources, ws, &ruled, settings, cancel));
            running.insert(*group, handle);
            ended.insert(*group, OnceLock::new());
        }
        Self {
            kit,
            sources,
            running: Mutex::new(running),
            ended,
        }
    }

    /// Whether [`RuleChecks::complete`] of `outcome` would wait for a check build still going on.
    pub fn would_wait(&self, outcome: &Outcome, exercise: &Exercise) -> bool {
        if !needs_check(outcome) || exercise.rules.is_empty() {
            return false;
        }
        let group = Group::of(exercise);
        self.ended.get(&group).is_some_and(|ended| {
            ended.get().is_none()
                && self
                    .running
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get(&group)
                    .is_some_and(|h| !h.is_finished())
        })
    }

    /// `outcome` (of the file `owner` compiled) with the breaches of `exercise`'s rules; `None`
    /// when the check was cancelled.
    pub fn complete(
        &self,
        mut outcome: Outcome,
        owner: usize,
        exercise: &Exercise,
    ) -> Result<Option<Outcome>> {
        if !needs_check(&outcome) {
            return Ok(Some(outcome));
        }
        let mut found = match self.checked(exercise) {
            Some(Checked::Done(map)) => map
                .get(&(owner, exercise.name.clone()))
                .map_or_else(Vec::new, |e| breaches::breaches(&exercise.rules, e)),
            Some(Checked::Cancelled) => return Ok(None),
            Some(Checked::Failed(e)) => return Err(anyhow!("{e}")),
            None => Vec::new(),
        };
        if found.is_empty() && exercise.miri {
            found.extend(self.grader_cfg(owner, exercise));
        }
        if !found.is_empty() {
            outcome.status = Status::Rule;
            outcome.breaches = found;
        }
        Ok(Some(outcome))
    }

    /// How the check build of `exercise`'s group ended, waiting for it if need be; `None` when
    /// the exercise has no rules.
    fn checked(&self, exercise: &Exercise) -> Option<&Checked> {
        if exercise.rules.is_empty() {
            return None;
        }
        let group = Group::of(exercise);
        let ended = self.ended.get(&group)?;
        Some(ended.get_or_init(|| {
            let handle = self
                .running
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&group);
            match handle.map(|h| h.join()) {
                Some(Ok(Ok(CheckEnd::Done(map, _)))) => Checked::Done(map),
                Some(Ok(Ok(CheckEnd::Cancelled))) => Checked::Cancelled,
                Some(Ok(Err(e))) => Checked::Failed(format!("{e:#}")),
                Some(Err(_)) => Checked::Failed("the rules' check panicked".to_owned()),
                None => Checked::Failed("the rules' check was never started".to_owned()),
            }
        }))
    }

    /// A file checked under Miri must not test `cfg(miri)`: Miri would check other code than
    /// the tests ran.
    fn grader_cfg(&self, owner: usize, exercise: &Exercise) -> Option<Breach> {
        let path = self.kit.file_in(&self.sources[owner], exercise);
        let line = breaches::grader_cfg_line(&std::fs::read_to_string(&path).ok()?)?;
        Some(Breach {
            rule: "cfg(miri)".to_owned(),
            file: self.kit.display_path(&path),
            line,
            cause: BreachCause::GraderCfg,
        })
    }
}

/// Nothing built, nothing to hold to the rules (a compile error, a compile that ran out of time).
fn needs_check(outcome: &Outcome) -> bool {
    !(outcome.status == Status::CompileError
        || (outcome.tests.is_empty() && outcome.status == Status::Timeout))
}
