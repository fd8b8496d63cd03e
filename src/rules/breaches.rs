//! From what the check build of a learner's file reported to the rules it broke: each error of a
//! ruled lint becomes a [`Breach`] naming the rule and the line, an `#[allow]` of a forbidden lint
//! is a breach of its own, and only the first of a kind per line is kept, so a learner reads a
//! short list instead of clippy's output.

use super::{Check, Rule};
use crate::outcome::{Breach, BreachCause};

/// One error the check build reported, as the compiler gave it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CheckDiagnostic {
    /// The lint (`unsafe_code`, `clippy::disallowed_methods`) or error code (`E0453`).
    pub code: Option<String>,
    pub message: String,
    /// Where its primary span is, shown as the learner sees the path; empty when it has none.
    pub file: String,
    pub line: usize,
}

/// The breaches of `rules` among `errors`. An error that is no rule's (the file does not build
/// without the hidden tests) is a breach too, when nothing else is: a file must build alone for
/// its rules to be checked at all.
pub fn breaches(rules: &[Rule], errors: &[CheckDiagnostic]) -> Vec<Breach> {
    let mut found: Vec<Breach> = Vec::new();
    let mut other: Option<&CheckDiagnostic> = None;
    for error in errors {
        let cause = match error.code.as_deref() {
            Some("E0453") => Some((switched_off_lint(&error.message), BreachCause::SwitchedOff)),
            Some(code) => rule_for(rules, code, &error.message).map(|r| {
                (
                    r.check.target().to_owned(),
                    BreachCause::Rule(r.why.clone()),
                )
            }),
            None => None,
        };
        match cause {
            Some((rule, cause)) => {
                let breach = Breach {
                    rule,
                    file: error.file.clone(),
                    line: error.line,
                    cause,
                };
                if !found
                    .iter()
                    .any(|b| b.rule == breach.rule && b.line == breach.line)
                {
                    found.push(breach);
                }
            }
            None if is_build_error(error) => {
                other.get_or_insert(error);
            }
            None => {}
        }
    }
    if found.is_empty()
        && let Some(error) = other
    {
        found.push(Breach {
            rule: "builds alone".to_owned(),
            file: error.file.clone(),
            line: error.line,
            cause: BreachCause::NotAlone(error.message.clone()),
        });
    }
    found
}

/// An error of the compiler's own (not a lint's: a path that another exercise built alongside
/// disallows, or one of clippy's deny-by-default lints, is no rule of this one), other than its
/// closing tally.
fn is_build_error(error: &CheckDiagnostic) -> bool {
    match error.code.as_deref() {
        Some(code) => code.starts_with('E'),
        None => !error.message.starts_with("aborting due to"),
    }
}

fn rule_for<'r>(rules: &'r [Rule], code: &str, message: &str) -> Option<&'r Rule> {
    rules.iter().find(|r| match &r.check {
        Check::Lint(name) => name == code,
        Check::Disallow { kind, path } => {
            kind.lint() == code && quoted(message).is_some_and(|q| q == path)
        }
    })
}

/// The first text between backticks: clippy names the disallowed path that way.
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

/// `allow(unsafe_code) incompatible with previous forbid` names `unsafe_code`.
fn switched_off_lint(message: &str) -> String {
    message
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map_or_else(|| message.to_owned(), |(lint, _)| lint.to_owned())
}

/// The first line of `source` that tests a cfg the grader sets for itself (`miri`), so that code
/// checked under Miri and code run by the tests could differ. Line comments are skipped.
pub fn grader_cfg_line(source: &str) -> Option<usize> {
    source.lines().enumerate().find_map(|(i, line)| {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("cfg") {
            let after = &rest[at + 3..];
            let after = after
                .strip_prefix("_attr")
                .or_else(|| after.strip_prefix('!'))
                .unwrap_or(after)
                .trim_start();
            if after.starts_with('(') && words(after).any(|w| w == "miri") {
                return Some(i + 1);
            }
            rest = &rest[at + 3..];
        }
        None
    })
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PathKind;

    fn error(code: &str, message: &str, line: usize) -> CheckDiagnostic {
        CheckDiagnostic {
            code: Some(code.to_owned()),
            message: message.to_owned(),
            file: "exercises/a/b.rs".to_owned(),
            line,
        }
    }

    fn rules() -> Vec<Rule> {
        vec![
            Rule {
                check: Check::Lint("unsafe_code".into()),
                why: "no unsafe".into(),
            },
            Rule {
                check: Check::Disallow {
                    kind: PathKind::Fn,
                    path: "std::mem::transmute".into(),
                },
                why: "no transmute".into(),
            },
        ]
    }

    #[test]
    fn each_ruled_error_names_its_rule_and_line() {
        let found = breaches(
            &rules(),
            &[
                error("unsafe_code", "usage of an `unsafe` block", 4),
                error(
                    "clippy::disallowed_methods",
                    "use of a disallowed method `std::mem::transmute`",
                    4,
                ),
                error("unsafe_code", "usage of an `unsafe` block", 4),
            ],
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].rule, "unsafe_code");
        assert_eq!(found[0].cause, BreachCause::Rule("no unsafe".into()));
        assert_eq!(found[1].rule, "std::mem::transmute");
        assert_eq!(found[1].line, 4);
    }

    #[test]
    fn a_path_of_another_exercise_is_no_breach() {
        let found = breaches(
            &rules(),
            &[error(
                "clippy::disallowed_methods",
                "use of a disallowed method `std::thread::sleep`",
                2,
            )],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_allow_of_a_forbidden_lint_is_a_breach() {
        let found = breaches(
            &rules(),
            &[error(
                "E0453",
                "allow(unsafe_code) incompatible with previous forbid",
                3,
            )],
        );
        assert_eq!(found[0].rule, "unsafe_code");
        assert_eq!(found[0].cause, BreachCause::SwitchedOff);
    }

    #[test]
    fn lints_that_are_no_rule_and_the_closing_tally_are_no_breach() {
        let found = breaches(
            &rules(),
            &[
                error(
                    "clippy::while_immutable_condition",
                    "variables in the condition are not mutated in the loop body",
                    17,
                ),
                CheckDiagnostic {
                    code: None,
                    message: "aborting due to 1 previous error".into(),
                    file: String::new(),
                    line: 0,
                },
            ],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_file_that_does_not_build_alone_is_a_breach_only_without_others() {
        let alone = [error("E0433", "failed to resolve: hidden_tests", 9)];
        assert_eq!(
            breaches(&rules(), &alone)[0].cause,
            BreachCause::NotAlone("failed to resolve: hidden_tests".into())
        );
        let both = [
            alone[0].clone(),
            error("unsafe_code", "usage of an `unsafe` block", 4),
        ];
        assert_eq!(breaches(&rules(), &both).len(), 1);
    }

    #[test]
    fn cfg_miri_is_found_outside_comments() {
        assert_eq!(
            grader_cfg_line("fn a() {}\n#[cfg(not(miri))]\nfn b() {}"),
            Some(2)
        );
        assert_eq!(grader_cfg_line("let x = cfg!(miri);"), Some(1));
        assert_eq!(grader_cfg_line("#[cfg_attr(miri, ignore)]"), Some(1));
        assert_eq!(
            grader_cfg_line("// cfg(miri) is how Miri is told apart"),
            None
        );
        assert_eq!(grader_cfg_line("#[cfg(test)]\nfn miri() {}"), None);
    }
}
