//! The kit check, for whoever writes exercises: every shipped exercise fails, every exercise has
//! its hidden tests, solution and hint, no file lies about without an exercise, and the solutions
//! and hidden tests are rustfmt- and clippy-clean. `verify --solutions` runs it after the
//! solutions (whose passing is checked there), and the kit's own `cargo test` runs each part.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::build_crate::{self, Group};
use crate::compile;
use crate::kit::{Kit, Source};
use crate::miri;
use crate::outcome::{MiriCheck, Outcome};
use crate::rules_build;
use crate::runner::{self, ManyEnd, RunEnd, RunOptions};
use crate::shipped;
use crate::supervise::Cancel;
use crate::wrong_fixes::{self, Case, Verdict};

/// One thing wrong with the kit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub problem: String,
    /// Something the author should know that is no problem (a check that could not run here).
    pub notice: bool,
}

fn finding(problem: String) -> Finding {
    Finding {
        problem,
        notice: false,
    }
}

fn notice(text: String) -> Finding {
    Finding {
        problem: text,
        notice: true,
    }
}

/// Every part of the check, over the exercises at `indices` (the orphan check only when that is
/// the whole kit).
pub fn check(
    kit: &Kit,
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<Vec<Finding>> {
    let mut findings = files_and_hints(kit, indices);
    if indices.len() == kit.list.exercises().len() {
        findings.extend(orphans(kit)?);
    }
    findings.extend(passing_as_shipped(kit, indices, options, cancel)?);
    findings.extend(wrong_fixes(kit, indices, options, cancel)?);
    findings.extend(rule_paths(kit, indices, options, cancel)?);
    if indices.len() == kit.list.exercises().len() {
        findings.extend(crate::answer_code::check(kit)?.into_iter().map(finding));
    }
    findings.extend(rustfmt(kit, indices)?);
    findings.extend(clippy(kit, indices)?);
    Ok(findings)
}

/// Each exercise has hidden tests, a solution and a hint.
pub fn files_and_hints(kit: &Kit, indices: &[usize]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for &i in indices {
        let e = &kit.list.exercises()[i];
        if !kit.hidden_tests(e).is_file() {
            findings.push(finding(format!(
                "{} has no hidden tests at {}",
                e.name,
                kit.display_path(&kit.hidden_tests(e))
            )));
        }
        if !kit.file_in(&Source::Solutions, e).is_file() {
            findings.push(finding(format!("{} has no solution", e.name)));
        }
        if e.hint.trim().is_empty() {
            findings.push(finding(format!("{} has no hint", e.name)));
        }
    }
    findings
}

/// Files in the exercise folders (`NN_topic/`) of exercises/, solutions/ and tests/ that belong to
/// no exercise. (Code that hidden tests share lives outside them, in `tests/exercise_support/`.)
pub fn orphans(kit: &Kit) -> Result<Vec<Finding>> {
    let known: BTreeSet<PathBuf> = kit
        .list
        .exercises()
        .iter()
        .map(|e| e.rel_path.clone())
        .collect();
    let mut findings = Vec::new();
    for top in ["exercises", "solutions", "tests"] {
        let Ok(dirs) = std::fs::read_dir(kit.root.join(top)) else {
            continue;
        };
        for dir in dirs.flatten() {
            let name = dir.file_name().to_string_lossy().into_owned();
            if !dir.path().is_dir() || !name.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let files = std::fs::read_dir(dir.path())
                .with_context(|| format!("failed to read {top}/{name}"))?;
            for file in files.flatten() {
                let rel = Path::new(&name).join(file.file_name());
                if !known.contains(&rel) {
                    findings.push(finding(format!(
                        "{top}/{} belongs to no exercise in info.toml",
                        rel.display()
                    )));
                }
            }
        }
    }
    Ok(findings)
}

/// The exercises that pass as shipped, when each must fail the way its question is about.
pub fn passing_as_shipped(
    kit: &Kit,
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<Vec<Finding>> {
    let end = runner::run(kit, &Source::Shipped, indices, options, cancel, &|_| {})?;
    let RunEnd::Done(results) = end else {
        anyhow::bail!("the run of the shipped exercises was cancelled");
    };
    Ok(passing_in(kit, &results))
}

/// The exercises of a run of the shipped kit that pass.
pub fn passing_in(kit: &Kit, results: &[(usize, Outcome)]) -> Vec<Finding> {
    results
        .iter()
        .filter(|(_, o)| o.passed())
        .map(|(i, o)| {
            let name = &kit.list.exercises()[*i].name;
            if o.miri == MiriCheck::Skipped {
                // Its tests pass by design: only Miri sees what is wrong with it.
                return notice(format!(
                    "{name} was not checked as shipped: only Miri catches what is wrong with it, \
                     and Miri is not installed (rustup toolchain install nightly --component miri)"
                ));
            }
            finding(format!(
                "{name} passes as shipped (as kept in {}; if you changed the exercise, delete \
                 that folder so that rustprep keeps the new version)",
                kit.display_path(&shipped::dir(kit))
            ))
        })
        .collect()
}

/// Every case of the wrong-fix corpus still applies to its shipped exercise and gets the verdict
/// it requires, and every exercise has as many wrong fixes as `info.toml` asks for.
pub fn wrong_fixes(
    kit: &Kit,
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    let root = kit.build_dir().join("wrong-fixes");
    // Each exercise's cases that apply, with their text, numbered in the order of the files.
    let mut applied: Vec<Vec<(usize, usize, Case, String)>> = Vec::new();
    let mut numbered = 0;
    let mut skipped_for_miri = 0;
    for &i in indices {
        let e = &kit.list.exercises()[i];
        let cases = wrong_fixes::load(kit, e)?;
        let wrong = cases.iter().filter(|c| c.verdict != Verdict::Pass).count();
        let wanted = kit.settings.wrong_fixes_per_exercise;
        if wrong < wanted {
            findings.push(finding(format!(
                "{} has {wrong} wrong fixes in {}; at least {wanted} are wanted",
                e.name,
                kit.display_path(&wrong_fixes::file_of(kit, e))
            )));
        }
        let shipped_file = kit.file_in(&Source::Shipped, e);
        let shipped = std::fs::read_to_string(&shipped_file).with_context(|| {
            format!(
                "failed to read {}, the shipped copy of {} (if exercises/ holds the kit's own \
                 files, delete {} and rustprep takes every copy afresh)",
                kit.display_path(&shipped_file),
                e.name,
                kit.display_path(&crate::shipped::dir(kit))
            )
        })?;
        let mut these = Vec::new();
        for case in cases {
            if case.needs_miri && !miri::available() {
                skipped_for_miri += 1;
                continue;
            }
            match wrong_fixes::apply(&shipped, &case) {
                Ok(text) => {
                    these.push((numbered, i, case, text));
                    numbered += 1;
                }
                Err(why) => findings.push(finding(format!(
                    "the wrong fix `{}` of {} no longer applies to the shipped exercise: {why}",
                    case.name, e.name
                ))),
            }
        }
        applied.push(these);
    }
    // The cases in turn, an exercise's first case, then the next exercise's first, and so on: an
    // exercise's wrong fixes tend to wait alike (on the same deadlock's time limit), and taken
    // in a row they held every test slot asleep while the cores stood idle.
    let mut graded = Vec::new();
    let mut sources = Vec::new();
    let mut numbers = Vec::new();
    for (number, i, case, text) in interleaved(applied) {
        let e = &kit.list.exercises()[i];
        sources.push(wrong_fixes::materialize(&root, e, &case, &text)?);
        graded.push((i, case));
        numbers.push(number);
    }
    if skipped_for_miri > 0 {
        findings.push(notice(format!(
            "{skipped_for_miri} wrong fixes that only Miri catches were skipped: Miri is not installed \
             (rustup toolchain install nightly --component miri)"
        )));
    }
    if sources.is_empty() {
        return Ok(findings);
    }
    // The cases are the kit's own, so each exercise's cases may share a crate; but one that does
    // not compile would sink its batch, so those meant not to compile are built one by one.
    let mut per_source = vec![Vec::new(); sources.len()];
    for batch in [false, true] {
        let part: Vec<usize> = (0..graded.len())
            .filter(|&c| (graded[c].1.verdict != Verdict::CompileError) == batch)
            .collect();
        if part.is_empty() {
            continue;
        }
        let part_sources: Vec<Source> = part.iter().map(|&c| sources[c].clone()).collect();
        let mut wanted: Vec<usize> = part.iter().map(|&c| graded[c].0).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let options = RunOptions {
            batch,
            ..options.clone()
        };
        let ManyEnd::Done(outcomes) =
            runner::run_many(kit, &part_sources, &wanted, &options, cancel, &|_| {})?
        else {
            anyhow::bail!("the run of the wrong-fix corpus was cancelled");
        };
        for (c, outcome) in part.into_iter().zip(outcomes) {
            per_source[c] = outcome;
        }
    }
    // Told in the order of the files, an exercise's cases together.
    let mut told: Vec<_> = numbers.iter().zip(graded.iter().zip(per_source)).collect();
    told.sort_by_key(|(number, _)| **number);
    for (_, ((index, case), outcomes)) in told {
        let e = &kit.list.exercises()[*index];
        let Some((_, outcome)) = outcomes.iter().find(|(i, _)| i == index) else {
            continue;
        };
        if !case.accepts(outcome.status) {
            let failed: Vec<&str> = outcome
                .tests
                .iter()
                .filter(|t| t.status != crate::outcome::TestStatus::Passed)
                .map(|t| t.name.as_str())
                .collect();
            findings.push(finding(format!(
                "the {} `{}` of {} gets `{}`, not `{}` ({}){}",
                if case.verdict == Verdict::Pass {
                    "correct fix"
                } else {
                    "wrong fix"
                },
                case.name,
                e.name,
                outcome.status.label(),
                match case.or_verdict {
                    Some(or) => format!(
                        "{}` or `{}",
                        case.verdict.status().label(),
                        or.status().label()
                    ),
                    None => case.verdict.status().label().to_owned(),
                },
                case.why,
                if failed.is_empty() {
                    String::new()
                } else {
                    format!("; failing: {}", failed.join(", "))
                }
            )));
        }
    }
    Ok(findings)
}

/// The items of `lists` taken in turn: the first of each list, then the second of each, and so on.
fn interleaved<T>(lists: Vec<Vec<T>>) -> Vec<T> {
    let mut lists: Vec<std::vec::IntoIter<T>> = lists.into_iter().map(Vec::into_iter).collect();
    let mut all = Vec::new();
    loop {
        let before = all.len();
        all.extend(lists.iter_mut().filter_map(Iterator::next));
        if all.len() == before {
            return all;
        }
    }
}

/// Every path a rule disallows leads to an item: a misspelt path would forbid nothing.
pub fn rule_paths(
    kit: &Kit,
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    for group in [Group::Plain, Group::WithDependencies] {
        let ruled = rules_build::ruled(kit, indices, group);
        if ruled.is_empty() {
            continue;
        }
        let ws = build_crate::prepare_one(kit, &Source::Solutions, group)?;
        match rules_build::check(
            kit,
            &[Source::Solutions],
            &ws,
            &ruled,
            rules_build::CheckSettings {
                jobs: options.jobs,
                limits: None,
                batch: false,
            },
            cancel,
        )? {
            rules_build::CheckEnd::Done(_, config) => {
                findings.extend(config.into_iter().map(|message| {
                    finding(format!(
                        "a rule in info.toml disallows a path that leads to nothing: {message}"
                    ))
                }));
            }
            rules_build::CheckEnd::Cancelled => {
                anyhow::bail!("the check of the rules was cancelled")
            }
        }
    }
    Ok(findings)
}

/// The solutions and hidden tests of the exercises are formatted as `rustfmt` formats them.
pub fn rustfmt(kit: &Kit, indices: &[usize]) -> Result<Vec<Finding>> {
    let mut cmd = Command::new("rustfmt");
    cmd.args(["--check", "--edition", &kit.settings.edition]);
    for &i in indices {
        let e = &kit.list.exercises()[i];
        cmd.arg(kit.file_in(&Source::Solutions, e))
            .arg(kit.hidden_tests(e));
    }
    let out = cmd
        .output()
        .context("failed to run rustfmt (rustup component add rustfmt)")?;
    Ok(if out.status.success() {
        Vec::new()
    } else {
        let diff =
            String::from_utf8_lossy(&out.stdout).replace(&format!("{}/", kit.root.display()), "");
        vec![finding(format!(
            "rustfmt would change these files:\n{}",
            diff.trim_end()
        ))]
    })
}

/// clippy finds nothing (with `-D warnings`) in the solutions and their hidden tests.
pub fn clippy(kit: &Kit, indices: &[usize]) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    for group in [Group::Plain, Group::WithDependencies] {
        let names: Vec<&str> = indices
            .iter()
            .map(|&i| &kit.list.exercises()[i])
            .filter(|e| Group::of(e) == group && build_crate::has_hidden_tests(kit, e))
            .map(|e| e.name.as_str())
            .collect();
        if names.is_empty() {
            continue;
        }
        let ws = build_crate::prepare_one(kit, &Source::Solutions, group)?;
        let mut cmd = compile::cargo(&ws, "clippy");
        cmd.arg("--quiet");
        for name in names {
            cmd.args(["--test", name]);
        }
        let out = cmd
            .args(["--", "-D", "warnings"])
            .output()
            .context("failed to run cargo clippy (rustup component add clippy)")?;
        if !out.status.success() {
            let text = String::from_utf8_lossy(&out.stderr)
                .replace(&format!("{}/", kit.root.display()), "");
            findings.push(finding(format!(
                "clippy finds problems in the solutions:\n{}",
                text.trim_end()
            )));
        }
    }
    Ok(findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_taken_in_turn_to_the_end_of_the_longest() {
        let lists = vec![vec![1, 2, 3], vec![], vec![10], vec![20, 21]];
        assert_eq!(interleaved(lists), vec![1, 10, 20, 2, 21, 3]);
        assert_eq!(interleaved(Vec::<Vec<u8>>::new()), Vec::<u8>::new());
    }
}
