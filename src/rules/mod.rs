//! Concept rules: what a learner's file may not use, because it reaches the right output without
//! the idea its exercise teaches (`unsafe` to silence the borrow checker, `catch_unwind` around a
//! panic, a sleep instead of a condvar). Rules come from `info.toml`, kit-wide with per-question
//! and per-exercise changes, and are checked on the learner's file alone (never on the hidden
//! tests) by a check build through clippy, run beside the test build.
//!
//! This module owns the rules' model and how an exercise's rules are put together; the check
//! build's crate-level attributes and clippy configuration; and ([`breaches`]) how what the
//! check build reported becomes typed breaches.

pub mod breaches;
pub mod known_lints;

use std::fmt::Write as _;

use serde::Serialize;

/// What a rule forbids.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// A compiler or clippy lint, at the level `forbid` (`unsafe_code`, `clippy::wildcard_enum_match_arm`).
    Lint(String),
    /// A path no code of the learner's may name (clippy's `disallowed-methods`, `-types`, `-macros`).
    Disallow { kind: PathKind, path: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathKind {
    Fn,
    Type,
    Macro,
}

impl PathKind {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "fn" => Some(Self::Fn),
            "type" => Some(Self::Type),
            "macro" => Some(Self::Macro),
            _ => None,
        }
    }

    /// The clippy lint that reports a use of a disallowed path of this kind.
    fn lint(self) -> &'static str {
        match self {
            Self::Fn => "clippy::disallowed_methods",
            Self::Type => "clippy::disallowed_types",
            Self::Macro => "clippy::disallowed_macros",
        }
    }

    /// Its list in `clippy.toml`.
    fn config_key(self) -> &'static str {
        match self {
            Self::Fn => "disallowed-methods",
            Self::Type => "disallowed-types",
            Self::Macro => "disallowed-macros",
        }
    }

    const ALL: [PathKind; 3] = [Self::Fn, Self::Type, Self::Macro];
}

impl Check {
    /// What the rule is about, as written in `info.toml` and named in verdicts and `allow` lists.
    pub fn target(&self) -> &str {
        match self {
            Check::Lint(name) => name,
            Check::Disallow { path, .. } => path,
        }
    }

    /// The lint that reports a breach.
    fn lint(&self) -> &str {
        match self {
            Check::Lint(name) => name,
            Check::Disallow { kind, .. } => kind.lint(),
        }
    }
}

/// One rule: what it forbids, and why, in one sentence a learner understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub check: Check,
    pub why: String,
}

/// One level's changes to the rules it inherits (a question's, an exercise's).
#[derive(Debug, Clone, Default)]
pub struct Layer {
    /// Targets of inherited rules lifted at this level.
    pub allow: Vec<String>,
    /// Rules added at this level; one with the same target as an inherited rule replaces it.
    pub rules: Vec<Rule>,
}

impl Layer {
    /// `inherited` with this layer's changes made.
    pub fn apply(&self, inherited: &[Rule]) -> Vec<Rule> {
        let mut rules: Vec<Rule> = inherited
            .iter()
            .filter(|r| !self.allow.iter().any(|a| a == r.check.target()))
            .filter(|r| {
                !self
                    .rules
                    .iter()
                    .any(|own| own.check.target() == r.check.target())
            })
            .cloned()
            .collect();
        rules.extend(self.rules.iter().cloned());
        rules
    }
}

/// A lint name as rustc spells it in attributes: `clippy::wildcard_enum_match_arm`, with
/// underscores (rustc's `-W help` lists them with hyphens).
pub fn normalize_lint(name: &str) -> String {
    name.trim().replace('-', "_")
}

/// Whether `path` is shaped like a Rust path to an item (`std::mem::transmute`).
pub fn is_item_path(path: &str) -> bool {
    let mut parts = path.split("::");
    let ident = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || c == '_')
    };
    parts.clone().count() >= 2 && parts.all(ident)
}

/// The crate-level attributes of an exercise's check build: every lint its rules need, at
/// `forbid`, so that an `#[allow]` in the learner's file is itself an error.
pub fn crate_attributes(rules: &[Rule]) -> String {
    let mut lints: Vec<&str> = rules.iter().map(|r| r.check.lint()).collect();
    lints.sort_unstable();
    lints.dedup();
    let mut text = String::new();
    if !lints.is_empty() {
        let _ = writeln!(text, "#![forbid({})]", lints.join(", "));
    }
    text
}

/// The `clippy.toml` of a check build: every disallowed path of `rules` (the rules of all the
/// exercises built together; each exercise keeps only the breaches of its own rules).
pub fn clippy_config<'a>(rules: impl IntoIterator<Item = &'a Rule>) -> String {
    let mut by_kind: [Vec<&str>; 3] = Default::default();
    for rule in rules {
        if let Check::Disallow { kind, path } = &rule.check {
            let list = &mut by_kind[PathKind::ALL.iter().position(|k| k == kind).unwrap_or(0)];
            if !list.contains(&path.as_str()) {
                list.push(path);
            }
        }
    }
    let mut text = String::from("# Generated by rustprep from info.toml's rules.\n");
    for (kind, paths) in PathKind::ALL.iter().zip(&mut by_kind) {
        paths.sort_unstable();
        let entries: Vec<String> = paths
            .iter()
            .map(|p| format!("  {{ path = {} }},\n", toml::Value::from(*p)))
            .collect();
        let _ = writeln!(text, "{} = [\n{}]", kind.config_key(), entries.concat());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(name: &str) -> Rule {
        Rule {
            check: Check::Lint(name.to_owned()),
            why: format!("no {name}"),
        }
    }

    fn disallow(path: &str) -> Rule {
        Rule {
            check: Check::Disallow {
                kind: PathKind::Fn,
                path: path.to_owned(),
            },
            why: format!("no {path}"),
        }
    }

    #[test]
    fn a_layer_lifts_adds_and_replaces() {
        let kit = vec![lint("unsafe_code"), disallow("std::mem::forget")];
        let question = Layer {
            allow: vec!["unsafe_code".into()],
            rules: vec![lint("clippy::undocumented_unsafe_blocks")],
        };
        let exercise = Layer {
            allow: vec![],
            rules: vec![Rule {
                why: "here".into(),
                ..disallow("std::mem::forget")
            }],
        };
        let rules = exercise.apply(&question.apply(&kit));
        let targets: Vec<&str> = rules.iter().map(|r| r.check.target()).collect();
        assert_eq!(
            targets,
            ["clippy::undocumented_unsafe_blocks", "std::mem::forget"]
        );
        assert_eq!(rules[1].why, "here");
    }

    #[test]
    fn attributes_forbid_each_lint_once() {
        let rules = [
            lint("unsafe_code"),
            disallow("std::mem::forget"),
            disallow("std::thread::sleep"),
        ];
        assert_eq!(
            crate_attributes(&rules),
            "#![forbid(clippy::disallowed_methods, unsafe_code)]\n"
        );
        assert_eq!(crate_attributes(&[]), "");
    }

    #[test]
    fn the_config_lists_each_path_once_by_kind() {
        let ty = Rule {
            check: Check::Disallow {
                kind: PathKind::Type,
                path: "std::cell::RefCell".into(),
            },
            why: String::new(),
        };
        let rules = [
            disallow("std::mem::forget"),
            disallow("std::mem::forget"),
            ty,
        ];
        let config: toml::Table = clippy_config(&rules).parse().unwrap();
        assert_eq!(config["disallowed-methods"].as_array().unwrap().len(), 1);
        assert_eq!(
            config["disallowed-types"][0]["path"].as_str(),
            Some("std::cell::RefCell")
        );
        assert!(config["disallowed-macros"].as_array().unwrap().is_empty());
    }

    #[test]
    fn item_paths_need_two_segments() {
        assert!(is_item_path("std::mem::transmute"));
        assert!(is_item_path("std::boxed::Box::leak"));
        assert!(!is_item_path("transmute"));
        assert!(!is_item_path("std::mem::"));
        assert!(!is_item_path("std mem"));
    }
}
