//! Which lint names exist, so that a rule naming a lint that does not is an error with its line
//! in `info.toml`. The names come from `clippy-driver -W help` (rustc's lints and clippy's), kept
//! in a file under the build folder; the list is asked for again only when a rule names a lint
//! it lacks (a newer toolchain), so a kit that loads on every command pays for it once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::normalize_lint;

pub struct KnownLints {
    cache: PathBuf,
    names: Option<HashSet<String>>,
    /// Set once the list was asked for in this process: it is not asked for twice.
    fresh: bool,
}

impl KnownLints {
    pub fn new(build_dir: &Path) -> Self {
        let cache = build_dir.join("known-lints.txt");
        // The kept list is one normalized name a line: read as it is (a kit loads on every
        // command; parsed as help text, this took a quarter of its loading in a debug build).
        let names = std::fs::read_to_string(&cache)
            .ok()
            .map(|text| text.lines().map(str::to_owned).collect());
        Self {
            cache,
            names,
            fresh: false,
        }
    }

    /// Whether `lint` is a lint of this toolchain. `None` when the toolchain could not be asked
    /// (no clippy-driver, no rustc): the rule is then taken as written, and the check build says.
    pub fn knows(&mut self, lint: &str) -> Option<bool> {
        let lint = normalize_lint(lint);
        if self.names.as_ref().is_some_and(|n| n.contains(&lint)) {
            return Some(true);
        }
        if !self.fresh {
            self.fresh = true;
            if let Some(text) = ask_toolchain() {
                let names = parse_list(&text);
                let mut sorted: Vec<&String> = names.iter().collect();
                sorted.sort();
                let body: String = sorted.iter().map(|n| format!("{n}\n")).collect();
                // A cache that cannot be written only costs the next start the same question.
                let _ = std::fs::create_dir_all(self.cache.parent().unwrap_or(Path::new(".")));
                let _ = crate::atomic_file::write(&self.cache, body.as_bytes());
                self.names = Some(names);
            }
        }
        self.names.as_ref().map(|n| n.contains(&lint))
    }
}

fn ask_toolchain() -> Option<String> {
    ["clippy-driver", "rustc"].iter().find_map(|program| {
        let out = Command::new(program).args(["-W", "help"]).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    })
}

/// The lint names in `-W help` output (the first word of each table row), or in the cache (one
/// per line).
fn parse_list(text: &str) -> HashSet<String> {
    text.lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|word| {
            word.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_:".contains(c))
                && word.chars().any(|c| c.is_ascii_lowercase())
        })
        .map(normalize_lint)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_from_the_help_table() {
        let help = "Lint checks provided by rustc:\n\n    name  default  meaning\n    ----  -------  -------\n\
                    \x20   unsafe-code  allow    usage of `unsafe` code\n\
                    \x20   clippy::wildcard-enum-match-arm  allow  a wildcard\n";
        let names = parse_list(help);
        assert!(names.contains("unsafe_code"));
        assert!(names.contains("clippy::wildcard_enum_match_arm"));
        assert!(!names.contains("----"));
    }

    #[test]
    fn the_kept_list_is_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("known-lints.txt"),
            "clippy::disallowed_methods\nunsafe_code\n",
        )
        .unwrap();
        let mut lints = KnownLints::new(dir.path());
        assert_eq!(lints.knows("unsafe-code"), Some(true));
        assert_eq!(lints.knows("clippy::disallowed-methods"), Some(true));
    }
}
