//! The learner's progress: which exercises are done, which one is current, whether the welcome
//! was shown. One small JSON file under `.rustprep/`, written atomically, with a copy of the last
//! good state beside it (`state.json.bak`). A missing file is a fresh start; a corrupt one (a
//! learner's test can write anywhere the learner can) is kept as `state.json.corrupt` and the
//! last good state is brought back from the copy, with a warning; only with no good copy is the
//! progress started afresh. Never a fatal error.

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::kit::Kit;

const STATE_VERSION: u32 = 1;

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    version: u32,
    /// The exercise the learner is on; `None` means the first one not done.
    pub current: Option<String>,
    pub done: BTreeSet<String>,
    /// The welcome screen of `watch` has been shown.
    #[serde(default)]
    pub welcomed: bool,
}

/// The state as loaded, with a warning when the file had to be rebuilt.
pub struct Loaded {
    pub state: State,
    pub warning: Option<String>,
}

pub fn path(kit: &Kit) -> PathBuf {
    kit.state_dir().join("state.json")
}

/// The copy of the last progress saved.
fn backup_path(kit: &Kit) -> PathBuf {
    kit.state_dir().join("state.json.bak")
}

/// The progress in `text`, if it is a progress file of this version; exercises the kit no
/// longer has are forgotten.
fn parse(kit: &Kit, text: &str) -> Option<State> {
    let mut state = serde_json::from_str::<State>(text).ok()?;
    if state.version != STATE_VERSION {
        return None;
    }
    state.done.retain(|name| kit.list.get(name).is_ok());
    state.current = state.current.filter(|name| kit.list.get(name).is_ok());
    Some(state)
}

impl State {
    pub fn load(kit: &Kit) -> Loaded {
        let path = path(kit);
        let fresh = State {
            version: STATE_VERSION,
            ..State::default()
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Loaded {
                    state: fresh,
                    warning: None,
                };
            }
            Err(e) => {
                return Loaded {
                    state: fresh,
                    warning: Some(format!(
                        "could not read {}: {e}; starting afresh",
                        path.display()
                    )),
                };
            }
        };
        if let Some(state) = parse(kit, &text) {
            return Loaded {
                state,
                warning: None,
            };
        }
        // Rewritten now, not at the next save: a command that saves nothing (`list`) would
        // otherwise warn again on every start.
        let shown = kit.display_path(&path);
        // Nothing is lost: the unreadable file is kept beside the new one.
        let corrupt = path.with_extension("json.corrupt");
        let kept = match std::fs::copy(&path, &corrupt) {
            Ok(_) => format!(" (it is kept as {})", kit.display_path(&corrupt)),
            Err(_) => String::new(),
        };
        let last_good = std::fs::read_to_string(backup_path(kit))
            .ok()
            .and_then(|text| parse(kit, &text));
        let (state, warning) = match last_good {
            Some(good) => match good.save(kit) {
                Ok(()) => (
                    good,
                    format!(
                        "the progress file {shown} was unreadable{kept}; the last good progress \
                         was brought back from {}",
                        kit.display_path(&backup_path(kit))
                    ),
                ),
                Err(e) => (
                    good,
                    format!(
                        "the progress file {shown} is unreadable{kept} and could not be \
                         restored ({e:#}); using the last good progress for now"
                    ),
                ),
            },
            None => match fresh.save(kit) {
                Ok(()) => (
                    fresh,
                    format!(
                        "the progress file {shown} was unreadable{kept} and there was no good \
                         copy of it, so it has been reset; run `{}` to mark the exercises you \
                         have solved as done again",
                        crate::invocation::command("verify")
                    ),
                ),
                Err(e) => (
                    fresh,
                    format!(
                        "the progress file {shown} is unreadable{kept} and could not be reset \
                         ({e:#}); starting afresh"
                    ),
                ),
            },
        };
        Loaded {
            state,
            warning: Some(warning),
        }
    }

    /// Saves the progress, and then the same as the last good copy.
    fn save(&self, kit: &Kit) -> Result<()> {
        let mut json = serde_json::to_string_pretty(self)?;
        json.push('\n');
        atomic_file::write(&path(kit), json.as_bytes())?;
        atomic_file::write(&backup_path(kit), json.as_bytes())
    }

    /// Applies `change` to the progress as it is on disk now, and saves it: what another rustprep
    /// command (a `run` beside a `watch`) saved in the meantime is kept. A lock file keeps two
    /// updates from interleaving. A change that changes nothing writes nothing (a save costs two
    /// flushes to the disk). Returns the progress as saved.
    pub fn update(kit: &Kit, change: impl FnOnce(&mut State)) -> Result<State> {
        let lock = kit.lock_file("state.lock")?;
        lock.lock()?;
        let mut state = State::load(kit).state;
        let before = state.clone();
        change(&mut state);
        if state != before {
            state.save(kit)?;
        }
        Ok(state)
    }

    /// The current exercise's index: the one chosen, else the first not done, else the last.
    pub fn current_index(&self, kit: &Kit) -> usize {
        let exercises = kit.list.exercises();
        self.current
            .as_deref()
            .and_then(|name| kit.list.index_of(name).ok())
            .or_else(|| exercises.iter().position(|e| !self.done.contains(&e.name)))
            .unwrap_or(exercises.len().saturating_sub(1))
    }

    /// The first exercise after `from` (wrapping round) that is not done.
    pub fn next_pending(&self, kit: &Kit, from: usize) -> Option<usize> {
        let n = kit.list.exercises().len();
        (1..=n)
            .map(|step| (from + step) % n)
            .find(|&i| !self.done.contains(&kit.list.exercises()[i].name))
    }

    pub fn mark(&mut self, name: &str, passed: bool) {
        if passed {
            self.done.insert(name.to_owned());
        } else {
            self.done.remove(name);
        }
    }
}
