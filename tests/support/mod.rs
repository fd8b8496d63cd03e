//! Helpers for the engine's integration tests: a fixture kit from `tests/fixtures/` copied into a
//! fresh temporary folder, and the real `rustprep` binary run there the way a user runs it, with
//! no terminal unless a test asks for one, and what it printed and returned collected.
//!
//! All of that is shared with the other support modules (`tests/common/`); what is here reads
//! what the engine's commands print and the fixture kits they ran on.

#[path = "../common/mod.rs"]
mod common;

#[cfg(target_os = "linux")]
pub use common::processes_mentioning;
#[cfg(unix)]
pub use common::ps_mentioning;
pub use common::{Invocation, Kit, Output};

impl Kit {
    /// The 1-based number of the line of the fixture's `info.toml` that contains `needle`, its
    /// `nth` occurrence counting from 1.
    pub fn info_line(&self, needle: &str, nth: usize) -> usize {
        self.fixture_file("info.toml")
            .lines()
            .enumerate()
            .filter(|(_, line)| line.contains(needle))
            .nth(nth - 1)
            .map(|(i, _)| i + 1)
            .unwrap_or_else(|| panic!("`{needle}` is not {nth} times in info.toml"))
    }

    /// The processes whose command line names this kit's folder, once the ones that are on their
    /// way out have had a few seconds to go. Empty when nothing was left behind.
    #[cfg(target_os = "linux")]
    pub fn processes_left_behind(&self) -> Vec<String> {
        let needle = format!("{}/", self.outside().display());
        common::once_settled(common::LEFT_BEHIND_GRACE, || {
            common::processes_mentioning(&needle)
                .into_iter()
                .map(|(_, line)| line)
                .collect()
        })
    }
}

impl Output {
    /// The outcome column of `name`'s row in verify's table, `None` when there is no such row.
    pub fn outcome_of(&self, name: &str) -> Option<String> {
        let table = self
            .stdout
            .lines()
            .skip_while(|l| {
                l.split_whitespace().collect::<Vec<_>>() != ["exercise", "outcome", "time"]
            })
            .skip(1);
        for line in table {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let [first, middle @ .., time] = words.as_slice() {
                let is_time = time
                    .strip_suffix('s')
                    .is_some_and(|t| t.parse::<f64>().is_ok());
                if *first == name && is_time {
                    return Some(middle.join(" "));
                }
            }
        }
        None
    }

    /// What `verify -v` printed about `name`: from its `── name ──` heading to the next heading
    /// or the table. Panics when there is none.
    #[track_caller]
    pub fn details_of(&self, name: &str) -> &str {
        let heading = format!("── {name} ──\n");
        let start = self
            .stdout
            .find(&heading)
            .unwrap_or_else(|| panic!("no details for `{name}`\n{self:?}"))
            + heading.len();
        let rest = &self.stdout[start..];
        let end = [rest.find("\n── "), rest.find("\nexercise ")]
            .into_iter()
            .flatten()
            .min()
            .map_or(rest.len(), |at| at + 1);
        &rest[..end]
    }
}
