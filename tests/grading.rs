//! Grading seen from outside, as an instructor uses it: the real `rustprep` binary grading
//! submissions against the fixture kits under `tests/fixtures/grading/`, with no terminal.
//!
//! - Golden reports: each submission in `submissions/<case>/` is graded in every format
//!   (`verify --exercises DIR --format F --output FILE`) and the files compared byte for byte with
//!   `expected/<case>.{json,xml,classroom.json,txt}`, once durations and the temporary folder's
//!   path are normalized. Before that, what each report says is checked against what the
//!   submission deserves, so that a golden file can never record a wrong grade. After a deliberate
//!   change to a report, `RUSTPREP_BLESS=1 cargo test --test grading` writes the expected files
//!   anew: read every one that changed before committing it.
//! - Schema checks: the JSON report, the JUnit XML and the Classroom result against what the
//!   README documents, for every case.
//! - The class gradebook (`verify --submissions`), tampering submissions that try to get a
//!   failure graded as a pass or to outlive the run, and `rustprep new`.
//!
//! Nothing here asserts how long anything takes: only outcomes, outputs and exit codes.

mod grading_support;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use grading_support::{Output, Scene, assert_golden};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// The golden kit: `tests/fixtures/grading/kit/`.

/// The kit's exercises in order: name, question, points.
const KIT: [(&str, u64, u64); 4] = [
    ("add_one", 1, 1),
    ("shout", 1, 2),
    ("transfer", 2, 3),
    ("countdown", 2, 1),
];

/// The kit's questions as the JUnit report names its suites.
const SUITES: [&str; 2] = ["Q1 Basics", "Q2 Running code"];

/// Each question's JUnit `classname`: its folder, after one dot.
const CLASSNAMES: [&str; 2] = ["rustprep.q01_basics", "rustprep.q02_running"];

const CASES: [&str; 7] = [
    "all_pass",
    "partial",
    "compile_error",
    "timeout",
    "crash",
    "printed_output",
    "rule_broken",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Junit,
    Classroom,
    Text,
}

impl Format {
    const ALL: [Format; 4] = [Format::Json, Format::Junit, Format::Classroom, Format::Text];

    fn arg(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Junit => "junit",
            Format::Classroom => "classroom",
            Format::Text => "text",
        }
    }

    /// The expected file's extension.
    fn ext(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Junit => "xml",
            Format::Classroom => "classroom.json",
            Format::Text => "txt",
        }
    }

    fn normalize(self, text: &str) -> String {
        match self {
            Format::Json | Format::Classroom => grading_support::normalize_json(text),
            Format::Junit => grading_support::normalize_junit(text),
            Format::Text => grading_support::normalize_text(text),
        }
    }
}

/// One report as `verify --output` wrote it.
struct Report {
    format: Format,
    output: Output,
    /// The file as written.
    raw: String,
    /// The temporary folder's path written `<tmp>`.
    no_tmp: String,
    /// And the durations zeroed: what the expected file holds.
    normalized: String,
}

/// One submission graded in every format, from one copy of the kit.
struct CaseRun {
    reports: Vec<Report>,
    /// The same reports asked for with `--color always` (the compile error case only, whose
    /// compiler diagnostics come in colour).
    in_colour: Vec<Report>,
    /// The JSON report, parsed, with the temporary folder's path written `<tmp>`.
    json: Value,
    left_behind: Vec<String>,
}

impl CaseRun {
    fn report(&self, format: Format) -> &Report {
        self.reports.iter().find(|r| r.format == format).unwrap()
    }

    #[track_caller]
    fn exercise(&self, name: &str) -> &Value {
        find_exercise(&self.json, name)
    }
}

/// An exercise's entry in a JSON report.
#[track_caller]
fn find_exercise<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["exercises"]
        .as_array()
        .and_then(|all| all.iter().find(|e| e["name"] == name))
        .unwrap_or_else(|| panic!("no exercise `{name}` in {json:#}"))
}

/// The outcome column of `name`'s row in the table verify printed.
fn row_outcome(stdout: &str, name: &str) -> Option<String> {
    stdout.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [first, outcome @ .., _time] if *first == name => Some(outcome.join(" ")),
            _ => None,
        }
    })
}

fn case_run(case: &str) -> &'static CaseRun {
    static RUNS: [OnceLock<CaseRun>; CASES.len()] = [const { OnceLock::new() }; CASES.len()];
    let index = CASES.iter().position(|c| *c == case).unwrap();
    RUNS[index].get_or_init(|| grade_case(case))
}

fn grade_case(case: &str) -> CaseRun {
    let scene = Scene::new("kit");
    let rel = format!("submissions/{case}");
    let submission = scene.copy_in(&rel, &rel);
    let grade = |format: Format, extra: &[&str]| {
        let file = scene.path(&format!("reports/{case}-{}.{}", extra.len(), format.ext()));
        let mut args = vec![
            "verify",
            "--exercises",
            submission.to_str().unwrap(),
            "--format",
            format.arg(),
            "--output",
            file.to_str().unwrap(),
        ];
        args.extend(extra);
        let output = scene.rustprep(&args);
        let raw = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("no report at {}: {e}\n{output:?}", file.display()));
        let no_tmp = scene.without_tmp(&raw);
        Report {
            format,
            normalized: format.normalize(&no_tmp),
            output,
            raw,
            no_tmp,
        }
    };
    let reports: Vec<Report> = Format::ALL.iter().map(|&f| grade(f, &[])).collect();
    let in_colour = if case == "compile_error" {
        Format::ALL
            .iter()
            .map(|&f| grade(f, &["--color", "always"]))
            .collect()
    } else {
        Vec::new()
    };
    let json_text = &reports.iter().find(|r| r.format == Format::Json).unwrap();
    let json = serde_json::from_str(&json_text.no_tmp)
        .unwrap_or_else(|e| panic!("the JSON report of `{case}` does not parse: {e}"));
    CaseRun {
        left_behind: scene.processes_left_behind(),
        reports,
        in_colour,
        json,
    }
}

// ---------------------------------------------------------------------------------------------
// What each case deserves, independent of the golden files.

/// One exercise's expected grade: its status, each test's status in order, and pieces of text
/// its messages (the exercise's and its tests') must contain.
struct Deserved {
    exercise: &'static str,
    status: &'static str,
    tests: &'static [(&'static str, &'static str)],
    says: &'static [&'static str],
}

const ADD_ONE_PASSES: Deserved = Deserved {
    exercise: "add_one",
    status: "pass",
    tests: &[("adds_one", "passed"), ("adds_one_to_a_negative", "passed")],
    says: &[],
};
const SHOUT_PASSES: Deserved = Deserved {
    exercise: "shout",
    status: "pass",
    tests: &[("shouts_a_word", "passed"), ("shouts_nothing", "passed")],
    says: &[],
};
const TRANSFER_PASSES: Deserved = Deserved {
    exercise: "transfer",
    status: "pass",
    tests: &[
        ("counts_the_total", "passed"),
        ("shuffles_without_losing_money", "passed"),
    ],
    says: &[],
};
const COUNTDOWN_PASSES: Deserved = Deserved {
    exercise: "countdown",
    status: "pass",
    tests: &[
        ("counts_three_steps", "passed"),
        ("zero_takes_no_steps", "passed"),
    ],
    says: &[],
};

fn deserved(case: &str) -> [Deserved; 4] {
    match case {
        "all_pass" => [
            ADD_ONE_PASSES,
            SHOUT_PASSES,
            TRANSFER_PASSES,
            COUNTDOWN_PASSES,
        ],
        "partial" => [
            Deserved {
                exercise: "add_one",
                status: "fail",
                tests: &[("adds_one", "passed"), ("adds_one_to_a_negative", "failed")],
                says: &[
                    "panicked at tests/01_basics/add_one.rs:10:5",
                    "left: 6",
                    "right: -4",
                ],
            },
            SHOUT_PASSES,
            TRANSFER_PASSES,
            Deserved {
                exercise: "countdown",
                status: "fail",
                tests: &[
                    ("counts_three_steps", "failed"),
                    ("zero_takes_no_steps", "failed"),
                ],
                says: &["left: 4", "right: 3", "left: 1", "right: 0"],
            },
        ],
        "compile_error" => [
            ADD_ONE_PASSES,
            Deserved {
                exercise: "shout",
                status: "compile_error",
                tests: &[],
                says: &[
                    "error[E0308]: mismatched types",
                    "<tmp>/submissions/compile_error/01_basics/shout.rs:6:5",
                ],
            },
            TRANSFER_PASSES,
            COUNTDOWN_PASSES,
        ],
        "timeout" => [
            ADD_ONE_PASSES,
            SHOUT_PASSES,
            Deserved {
                exercise: "transfer",
                status: "timeout",
                tests: &[
                    ("counts_the_total", "passed"),
                    ("shuffles_without_losing_money", "did_not_finish"),
                ],
                says: &["did not finish in 2 s"],
            },
            COUNTDOWN_PASSES,
        ],
        "crash" => [
            ADD_ONE_PASSES,
            SHOUT_PASSES,
            TRANSFER_PASSES,
            Deserved {
                exercise: "countdown",
                status: "crash",
                tests: &[
                    ("counts_three_steps", "crashed"),
                    ("zero_takes_no_steps", "passed"),
                ],
                says: &[
                    "crashed: stack overflow",
                    "thread 'hidden_tests::counts_three_steps' has overflowed its stack",
                ],
            },
        ],
        // add_one passes its tests, but through `unsafe` and `transmute`, which the kit's rules
        // forbid; the rule and the line are named, and the tests' own results are kept.
        "rule_broken" => [
            Deserved {
                exercise: "add_one",
                status: "rule_broken",
                tests: &[("adds_one", "passed"), ("adds_one_to_a_negative", "passed")],
                says: &[
                    "rule unsafe_code at <tmp>/submissions/rule_broken/01_basics/add_one.rs:5:",
                    "rule std::mem::transmute at <tmp>/submissions/rule_broken/01_basics/add_one.rs:5:",
                    "solve it without `unsafe`",
                ],
            },
            SHOUT_PASSES,
            TRANSFER_PASSES,
            COUNTDOWN_PASSES,
        ],
        "printed_output" => [
            ADD_ONE_PASSES,
            Deserved {
                exercise: "shout",
                status: "fail",
                tests: &[("shouts_a_word", "failed"), ("shouts_nothing", "failed")],
                says: &[
                    "shouting \"hi\"\nupper case: \"HI\"\na note on stderr",
                    "shouting \"\"\nupper case: \"\"\na note on stderr",
                    "left: \"HI\"\n right: \"HI!\"",
                ],
            },
            TRANSFER_PASSES,
            COUNTDOWN_PASSES,
        ],
        other => panic!("no such case `{other}`"),
    }
}

/// Everything an exercise's JSON entry says in words: its message and its tests' messages.
fn all_messages(exercise: &Value) -> String {
    let mut text = exercise["message"].as_str().unwrap_or_default().to_owned();
    for rule in exercise["rules"].as_array().into_iter().flatten() {
        text.push_str(&format!(
            "\nrule {} at {}:{}: {}",
            rule["rule"].as_str().unwrap_or_default(),
            rule["path"].as_str().unwrap_or_default(),
            rule["line"],
            rule["why"].as_str().unwrap_or_default()
        ));
    }
    for test in exercise["tests"].as_array().into_iter().flatten() {
        text.push('\n');
        text.push_str(test["message"].as_str().unwrap_or_default());
    }
    text
}

#[track_caller]
fn assert_graded_as_deserved(case: &str, run: &CaseRun) {
    for want in deserved(case) {
        let got = run.exercise(want.exercise);
        assert_eq!(
            got["status"], want.status,
            "`{case}`: status of `{}`\n{got:#}",
            want.exercise
        );
        let tests: Vec<(&str, &str)> = got["tests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["name"].as_str().unwrap(), t["status"].as_str().unwrap()))
            .collect();
        assert_eq!(
            tests, want.tests,
            "`{case}`: tests of `{}`\n{got:#}",
            want.exercise
        );
        let messages = all_messages(got);
        for piece in want.says {
            assert!(
                messages.contains(piece),
                "`{case}`: `{}` should say {piece:?}\n{got:#}",
                want.exercise
            );
        }
    }
}

fn golden(case: &str) {
    let run = case_run(case);
    assert_graded_as_deserved(case, run);
    let code = if case == "all_pass" { 0 } else { 1 };
    for report in &run.reports {
        report.output.assert_code(code);
        assert_eq!(
            report.output.stdout, "",
            "with --output the report goes to the file only\n{:?}",
            report.output
        );
        assert_golden(
            &format!("{case}.{}", report.format.ext()),
            &report.normalized,
        );
    }
    assert!(
        run.left_behind.is_empty(),
        "`{case}` left processes running: {:#?}",
        run.left_behind
    );
}

#[test]
fn golden_all_pass() {
    golden("all_pass");
}

#[test]
fn golden_partial() {
    golden("partial");
}

#[test]
fn golden_compile_error() {
    golden("compile_error");
}

#[test]
fn golden_timeout() {
    golden("timeout");
}

#[test]
fn golden_crash() {
    golden("crash");
}

#[test]
fn golden_printed_output() {
    golden("printed_output");
}

#[test]
fn golden_rule_broken() {
    golden("rule_broken");
}

// ---------------------------------------------------------------------------------------------
// Schema checks, over every case.

const EXERCISE_STATUSES: [&str; 6] = [
    "pass",
    "fail",
    "rule_broken",
    "compile_error",
    "timeout",
    "crash",
];
const TEST_STATUSES: [&str; 5] = ["passed", "failed", "did_not_finish", "crashed", "no_report"];

#[track_caller]
fn non_negative_number(value: &Value, what: &str) -> f64 {
    let n = value
        .as_f64()
        .unwrap_or_else(|| panic!("{what} should be a number, is {value}"));
    assert!(n >= 0.0, "{what} should not be negative: {n}");
    n
}

#[track_caller]
fn count(value: &Value, what: &str) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("{what} should be a whole number, is {value}"))
}

/// Checks one JSON report against the README's schema, version 1.
fn check_json_schema(case: &str, json: &Value) {
    assert_eq!(json["version"], 1, "`{case}`: version");
    let source = json["source"].as_str().expect("source is a string");
    assert_eq!(
        source,
        format!("<tmp>/submissions/{case}"),
        "`{case}`: source"
    );
    let exercises = json["exercises"].as_array().expect("exercises is an array");
    let names: Vec<&str> = exercises
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    let kit_names: Vec<&str> = KIT.iter().map(|(n, ..)| *n).collect();
    assert_eq!(names, kit_names, "`{case}`: every exercise, in kit order");

    let (mut passed, mut earned_sum, mut possible_sum) = (0, 0, 0);
    for (e, (name, question, points)) in exercises.iter().zip(KIT) {
        let at = format!("`{case}`: exercise `{name}`");
        assert_eq!(e["question"], question, "{at}: question");
        let path = e["path"].as_str().expect("path is a string");
        assert!(
            path.starts_with(source) && path.ends_with(".rs") && path.contains(name),
            "{at}: path {path}"
        );
        let status = e["status"].as_str().expect("status is a string");
        assert!(EXERCISE_STATUSES.contains(&status), "{at}: status {status}");
        non_negative_number(&e["duration"], &format!("{at}: duration"));
        let earned = count(&e["points"]["earned"], &format!("{at}: points.earned"));
        let possible = count(&e["points"]["possible"], &format!("{at}: points.possible"));
        assert_eq!(possible, points, "{at}: points.possible");
        assert_eq!(
            earned,
            if status == "pass" { possible } else { 0 },
            "{at}: points.earned"
        );
        let message = &e["message"];
        assert!(
            message.is_null() || message.is_string(),
            "{at}: message is null or a string"
        );
        if let Some(text) = message.as_str() {
            assert!(
                text.chars().count() <= 4096 || text.contains("\n[cut: "),
                "{at}: message longer than 4096 characters, uncut"
            );
        }

        let tests = e["tests"].as_array().expect("tests is an array");
        let mut seen = Vec::new();
        for t in tests {
            let test_name = t["name"].as_str().expect("a test's name is a string");
            let test_status = t["status"].as_str().expect("a test's status is a string");
            assert!(
                TEST_STATUSES.contains(&test_status),
                "{at}: test `{test_name}` status {test_status}"
            );
            // Empty for a pass; a failure, a crash or a missing report always says something.
            // A test stopped at the time limit may have printed something, or nothing.
            let test_message = t["message"].as_str().expect("a test's message is a string");
            match test_status {
                "passed" => assert_eq!(test_message, "", "{at}: test `{test_name}`"),
                "did_not_finish" => {}
                _ => assert!(
                    !test_message.is_empty(),
                    "{at}: test `{test_name}` ({test_status}) has no message"
                ),
            }
            non_negative_number(
                &t["duration"],
                &format!("{at}: test `{test_name}` duration"),
            );
            seen.push(test_status);
        }
        let any = |s: &str| seen.contains(&s);
        // The exercise's status follows from its tests' (a timeout outranks a crash, which
        // outranks a failure), except a compile error, which has no tests but a message, and a
        // broken rule, which names the rules whatever the tests said.
        let follows = match status {
            "rule_broken" => e["rules"].as_array().is_some_and(|r| {
                !r.is_empty()
                    && r.iter().all(|rule| {
                        rule["rule"].is_string()
                            && rule["path"].is_string()
                            && count(&rule["line"], &format!("{at}: rule line")) > 0
                            && rule["why"].as_str().is_some_and(|w| !w.is_empty())
                    })
            }),
            "compile_error" => tests.is_empty() && message.as_str().is_some_and(|m| !m.is_empty()),
            "timeout" => any("did_not_finish"),
            "crash" => any("crashed") && !any("did_not_finish"),
            "fail" => {
                (any("failed") || any("no_report") || tests.is_empty())
                    && !any("crashed")
                    && !any("did_not_finish")
            }
            "pass" => !tests.is_empty() && seen.iter().all(|s| *s == "passed"),
            _ => false,
        };
        assert!(follows, "{at}: status {status} with tests {seen:?}");
        passed += usize::from(status == "pass");
        earned_sum += earned;
        possible_sum += possible;
    }

    let summary = &json["summary"];
    assert_eq!(summary["total"], exercises.len(), "`{case}`: summary.total");
    assert_eq!(summary["passed"], passed, "`{case}`: summary.passed");
    assert_eq!(
        summary["failed"],
        exercises.len() - passed,
        "`{case}`: summary.failed"
    );
    assert_eq!(summary["points"]["earned"], earned_sum, "`{case}`: earned");
    assert_eq!(
        summary["points"]["possible"], possible_sum,
        "`{case}`: possible"
    );
}

#[test]
fn json_report_follows_the_documented_schema() {
    for case in CASES {
        check_json_schema(case, &case_run(case).json);
    }
}

/// docs/report.schema.json, parsed.
fn report_schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// `schema` with `additionalProperties: false` on every object it describes (`"type":
/// "object"`), so that a field the report has and the schema does not document is an error.
/// The schema as shipped allows them (fields may be added within a version).
fn closed(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.get("type") == Some(&Value::from("object")) {
                map.entry("additionalProperties")
                    .or_insert(Value::Bool(false));
            }
            map.values_mut().for_each(closed);
        }
        Value::Array(items) => items.iter_mut().for_each(closed),
        _ => {}
    }
}

/// What `validator` finds wrong with `json`, one line each.
fn schema_errors(validator: &jsonschema::Validator, json: &Value) -> Vec<String> {
    validator
        .iter_errors(json)
        .map(|e| format!("at {}: {e}", e.instance_path()))
        .collect()
}

/// Every case's JSON report, as written and as the golden file holds it, against the schema
/// shipped in docs/ (with the `jsonschema` crate, draft 2020-12), and against the same schema
/// closed to fields it does not document.
#[test]
fn json_report_follows_docs_report_schema_json() {
    let schema = report_schema();
    let shipped = jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|e| panic!("docs/report.schema.json is not a valid schema: {e}"));
    let mut strict = schema.clone();
    closed(&mut strict);
    let strict = jsonschema::draft202012::new(&strict).unwrap();
    let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/grading/expected");
    for case in CASES {
        let written: Value =
            serde_json::from_str(&case_run(case).report(Format::Json).raw).unwrap();
        let golden: Value = serde_json::from_str(
            &std::fs::read_to_string(expected.join(format!("{case}.json"))).unwrap(),
        )
        .unwrap();
        for (which, json) in [("as written", &written), ("golden", &golden)] {
            for (how, validator) in [("the schema", &shipped), ("the closed schema", &strict)] {
                let errors = schema_errors(validator, json);
                assert!(
                    errors.is_empty(),
                    "`{case}`'s JSON report ({which}) does not follow {how}:\n{}",
                    errors.join("\n")
                );
            }
        }
    }
}

/// The schema is not a formality: reports that say what no report may are rejected.
#[test]
fn the_report_schema_rejects_reports_that_contradict_themselves() {
    let validator = jsonschema::draft202012::new(&report_schema()).unwrap();
    let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/grading/expected");
    let golden = |case: &str| -> Value {
        serde_json::from_str(
            &std::fs::read_to_string(expected.join(format!("{case}.json"))).unwrap(),
        )
        .unwrap()
    };
    type Change = fn(&mut Value);
    let wrong: [(&str, &str, Change); 9] = [
        ("partial", "a status in words for people", |j| {
            j["exercises"][0]["status"] = "rule broken".into()
        }),
        ("partial", "a pass with a failed test", |j| {
            j["exercises"][0]["status"] = "pass".into()
        }),
        ("rule_broken", "a broken rule that names none", |j| {
            j["exercises"][0]["rules"] = Value::Array(Vec::new())
        }),
        ("compile_error", "a compile error with no message", |j| {
            j["exercises"][1]["message"] = Value::Null
        }),
        ("timeout", "a timeout whose tests all finished", |j| {
            j["exercises"][2]["tests"][1]["status"] = "failed".into()
        }),
        ("crash", "a crash with no crashed test", |j| {
            j["exercises"][3]["tests"][0]["status"] = "failed".into()
        }),
        ("all_pass", "a passed test with a message", |j| {
            j["exercises"][0]["tests"][0]["message"] = "hm".into()
        }),
        ("all_pass", "another version", |j| j["version"] = 2.into()),
        ("all_pass", "no summary", |j| {
            j.as_object_mut().unwrap().remove("summary");
        }),
    ];
    for (case, what, change) in wrong {
        let mut json = golden(case);
        assert!(
            schema_errors(&validator, &json).is_empty(),
            "`{case}` as is"
        );
        change(&mut json);
        assert!(
            !schema_errors(&validator, &json).is_empty(),
            "the schema accepts {what}: {json:#}"
        );
    }
}

/// The JUnit element that marks an exercise with this status, and its `type` (the JSON status).
fn junit_marker(status: &str) -> Option<(&'static str, &'static str)> {
    match status {
        "pass" => None,
        "fail" => Some(("failure", "fail")),
        "rule_broken" => Some(("failure", "rule_broken")),
        "compile_error" => Some(("error", "compile_error")),
        "timeout" => Some(("error", "timeout")),
        "crash" => Some(("error", "crash")),
        other => panic!("unknown status {other}"),
    }
}

fn check_junit(case: &str, run: &CaseRun) {
    let xml = &run.report(Format::Junit).raw;
    let doc = roxmltree::Document::parse(xml)
        .unwrap_or_else(|e| panic!("`{case}`: the JUnit report is not well-formed XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites", "`{case}`: root");
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    let suite_names: Vec<&str> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert_eq!(suite_names, SUITES, "`{case}`: one suite per question");

    let attr = |node: &roxmltree::Node, name: &str| -> u64 {
        node.attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("`{case}`: no whole number {name}= on <{:?}>", node))
    };
    // Seconds, with at most three decimals (junit-10.xsd's SUREFIRE_TIME).
    let time = |node: &roxmltree::Node| -> f64 {
        let text = node.attribute("time").unwrap_or_default();
        let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals <= 3, "`{case}`: time={text:?} on <{node:?}>");
        text.parse()
            .ok()
            .filter(|t: &f64| *t >= 0.0)
            .unwrap_or_else(|| panic!("`{case}`: no time= in seconds on <{node:?}>"))
    };
    // Jenkins' schema allows no `skipped` on <testsuites>.
    let root_attrs: Vec<&str> = root.attributes().map(|a| a.name()).collect();
    assert_eq!(
        root_attrs,
        ["name", "tests", "failures", "errors", "time"],
        "`{case}`: <testsuites>"
    );
    let (mut failures, mut errors, mut cases, mut total_time) = (0, 0, 0, 0.0);
    for ((suite, question), want_classname) in suites.iter().zip(1..).zip(CLASSNAMES) {
        assert_eq!(suite.tag_name().name(), "testsuite");
        let testcases: Vec<_> = suite.children().filter(|n| n.is_element()).collect();
        let names: Vec<&str> = testcases
            .iter()
            .filter_map(|c| c.attribute("name"))
            .collect();
        let in_question: Vec<&str> = KIT
            .iter()
            .filter(|(_, q, _)| *q == question)
            .map(|(n, ..)| *n)
            .collect();
        assert_eq!(
            names, in_question,
            "`{case}`: test cases of {suite_names:?}"
        );
        let (mut suite_failures, mut suite_errors, mut suite_time) = (0, 0, 0.0);
        for testcase in &testcases {
            assert_eq!(testcase.tag_name().name(), "testcase");
            let name = testcase.attribute("name").unwrap();
            let exercise = run.exercise(name);
            let status = exercise["status"].as_str().unwrap();
            assert_eq!(
                testcase.attribute("classname"),
                Some(want_classname),
                "`{case}`: classname of `{name}` is its question, after one dot"
            );
            suite_time += time(testcase);
            let children: Vec<_> = testcase.children().filter(|n| n.is_element()).collect();
            match junit_marker(status) {
                None => assert!(
                    children.is_empty(),
                    "`{case}`: passing `{name}` has {children:?}"
                ),
                Some((tag, kind)) => {
                    assert_eq!(
                        children.len(),
                        1,
                        "`{case}`: `{name}` ({status}) has one marker"
                    );
                    let marker = children[0];
                    assert_eq!(
                        marker.tag_name().name(),
                        tag,
                        "`{case}`: `{name}` ({status})"
                    );
                    assert_eq!(marker.attribute("type"), Some(kind), "`{case}`: `{name}`");
                    let message = marker.attribute("message").unwrap_or_default();
                    assert!(
                        !message.is_empty() && !message.contains('\n'),
                        "`{case}`: `{name}` has a one-line message=: {message:?}"
                    );
                    // The details as text, the message first, and the details end by naming
                    // the file.
                    let text = marker.text().unwrap_or_default();
                    assert_eq!(
                        text.lines().next(),
                        Some(message),
                        "`{case}`: `{name}`'s text starts with its message"
                    );
                    assert!(
                        text.contains(&format!("{name}.rs")),
                        "`{case}`: `{name}` has its details as text: {text:?}"
                    );
                    if tag == "failure" {
                        suite_failures += 1;
                    } else {
                        suite_errors += 1;
                    }
                }
            }
        }
        assert_eq!(attr(suite, "tests"), testcases.len() as u64, "`{case}`");
        assert_eq!(attr(suite, "failures"), suite_failures, "`{case}`");
        assert_eq!(attr(suite, "errors"), suite_errors, "`{case}`");
        // A suite's time is its cases' (each rounded to a millisecond, so allow for that).
        let rounding = 0.0005 * (testcases.len() as f64 + 1.0);
        assert!(
            (time(suite) - suite_time).abs() <= rounding,
            "`{case}`: a suite's time is its cases': {} vs {suite_time}",
            time(suite)
        );
        failures += suite_failures;
        errors += suite_errors;
        cases += testcases.len() as u64;
        total_time += suite_time;
    }
    assert!(
        (time(&root) - total_time).abs() <= 0.0005 * (cases as f64 + 1.0),
        "`{case}`: the report's time is its suites': {} vs {total_time}",
        time(&root)
    );
    assert_eq!(
        cases,
        KIT.len() as u64,
        "`{case}`: one test case per exercise"
    );
    assert_eq!(attr(&root, "tests"), cases, "`{case}`");
    assert_eq!(attr(&root, "failures"), failures, "`{case}`");
    assert_eq!(attr(&root, "errors"), errors, "`{case}`");
}

#[test]
fn junit_report_is_well_formed_with_a_suite_per_question_and_a_case_per_exercise() {
    for case in CASES {
        check_junit(case, case_run(case));
    }
}

/// Every case's JUnit report, as written and as its golden file holds it, against Jenkins' junit-10.xsd
/// (`tests/fixtures/schemas/`) with xmllint, as a Jenkins reader would check them.
#[test]
fn junit_report_passes_jenkins_junit_10_xsd() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let xsd = fixtures.join("schemas/junit-10.xsd");
    if std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "SKIPPED junit_report_passes_jenkins_junit_10_xsd: xmllint is not installed \
             (Debian: apt-get install libxml2-utils); the JUnit reports were not checked \
             against junit-10.xsd"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<std::path::PathBuf> = CASES
        .iter()
        .map(|case| {
            let file = dir.path().join(format!("{case}.xml"));
            std::fs::write(&file, &case_run(case).report(Format::Junit).raw).unwrap();
            file
        })
        .collect();
    // The golden files too, with the temporary folder (written `<tmp>`, which is no XML) put
    // back as a path.
    files.extend(CASES.iter().map(|case| {
        let golden = fixtures.join(format!("grading/expected/{case}.xml"));
        let file = dir.path().join(format!("{case}.golden.xml"));
        let text = std::fs::read_to_string(&golden).unwrap();
        std::fs::write(&file, text.replace("<tmp>", "/tmp/grading")).unwrap();
        file
    }));
    for file in &files {
        let out = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&xsd)
            .arg(file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{} does not pass junit-10.xsd:\n{}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The runners the fixture kit is reported as: one per question and points value (the grading
/// reporter's log scores a runner by the share of its tests passed), named for the question.
const RUNNERS: [(&str, &[&str]); 4] = [
    ("q01part1", &["add_one"]),
    ("q01part2", &["shout"]),
    ("q02part1", &["transfer"]),
    ("q02part2", &["countdown"]),
];

/// The score the grading reporter's log gives a runner (`getTestScore` in its
/// `src/helpers/test-helpers.js`): the share of its tests passed times its `max_score`, in
/// floating point as JavaScript computes it.
fn reporter_log_score(result: &Value) -> f64 {
    let tests = result["tests"].as_array().unwrap();
    let passed = tests.iter().filter(|t| t["status"] == "pass").count();
    (passed as f64 / tests.len() as f64) * result["max_score"].as_f64().unwrap()
}

fn check_classroom(case: &str, run: &CaseRun) {
    let runners: serde_json::Map<String, Value> =
        serde_json::from_str(&run.report(Format::Classroom).no_tmp)
            .unwrap_or_else(|e| panic!("`{case}`: the Classroom results do not parse: {e}"));
    let names: Vec<&str> = runners.keys().map(String::as_str).collect();
    let want: Vec<&str> = RUNNERS.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, want, "`{case}`: the runners, in kit order");
    let json = &run.json;
    let (mut score_sum, mut max_sum, mut log_sum) = (0, 0, 0.0);
    for ((runner, result), (_, exercises)) in runners.iter().zip(RUNNERS) {
        let at = format!("`{case}`: runner `{runner}`");
        // The reporter finds a runner's result in `<RUNNER>_RESULTS` and matches runner names
        // against /^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$/.
        assert!(runner.chars().all(|c| c.is_ascii_alphanumeric()), "{at}");
        assert_eq!(result["version"], 1, "{at}: version");
        let tests = result["tests"].as_array().expect("tests is an array");
        let names: Vec<&str> = tests.iter().map(|t| t["name"].as_str().unwrap()).collect();
        assert_eq!(names, exercises, "{at}: its exercises");
        let all_pass = tests.iter().all(|t| t["status"] == "pass");
        assert_eq!(
            result["status"],
            if all_pass { "pass" } else { "fail" },
            "{at}: status"
        );
        let max_score = count(&result["max_score"], &format!("{at}: max_score"));
        let mut runner_score = 0;
        for test in tests {
            let name = test["name"].as_str().unwrap();
            let at = format!("`{case}`: `{name}`");
            let exercise = run.exercise(name);
            let status = exercise["status"].as_str().unwrap();
            // The reporter prints a test's message only when its status is `error`.
            let want = if status == "pass" { "pass" } else { "error" };
            assert_eq!(test["status"], want, "{at}: status");
            let score = count(&test["score"], &format!("{at}: score"));
            assert_eq!(
                score,
                count(&exercise["points"]["earned"], "earned"),
                "{at}"
            );
            runner_score += score;
            let message = test["message"].as_str().expect("message is a string");
            if status == "pass" {
                assert_eq!(message, "", "{at}: message");
            } else {
                let head = format!("❌ {name} — {}", status.replace('_', " "));
                assert!(message.starts_with(&head), "{at}: message {message:?}");
                assert!(
                    message.len() > head.len() + 20,
                    "{at}: says why: {message:?}"
                );
            }
            count(&test["duration"], &format!("{at}: duration (milliseconds)"));
            assert_eq!(test["filename"], exercise["path"], "{at}: filename");
            assert_eq!(
                test["test_code"],
                format!(
                    "cargo run --quiet -- verify --verbose --exercises <tmp>/submissions/{case} {name}"
                ),
                "{at}: test_code"
            );
            assert!(test["line_no"].is_u64(), "{at}: line_no");
        }
        // The reporter's log and Classroom must count the same points.
        assert_eq!(
            reporter_log_score(result),
            runner_score as f64,
            "{at}: log score"
        );
        score_sum += runner_score;
        max_sum += max_score;
        log_sum += reporter_log_score(result);
    }
    assert_eq!(
        score_sum, json["summary"]["points"]["earned"],
        "`{case}`: scores add up"
    );
    assert_eq!(
        max_sum, json["summary"]["points"]["possible"],
        "`{case}`: max scores add up"
    );
    assert_eq!(log_sum, score_sum as f64, "`{case}`: the log's total");
}

#[test]
fn classroom_result_has_what_the_grading_reporter_reads() {
    for case in CASES {
        check_classroom(case, case_run(case));
    }
}

#[test]
fn text_table_agrees_with_the_json_report() {
    for case in CASES {
        let run = case_run(case);
        let text = &run.report(Format::Text).raw;
        let mut lines = text.lines();
        assert_eq!(
            lines
                .next()
                .map(|l| l.split_whitespace().collect::<Vec<_>>()),
            Some(vec!["exercise", "outcome", "time"]),
            "`{case}`:\n{text}"
        );
        for (name, ..) in KIT {
            let row = lines.next().unwrap_or_default();
            let words: Vec<&str> = row.split_whitespace().collect();
            let status = run.exercise(name)["status"].as_str().unwrap();
            assert_eq!(words.first(), Some(&name), "`{case}`:\n{text}");
            assert_eq!(
                words[1..words.len() - 1].join("_"),
                status,
                "`{case}`: outcome of `{name}`\n{text}"
            );
        }
        let summary = &run.json["summary"];
        assert_eq!(
            lines.next(),
            Some(format!("{} passed, {} failed", summary["passed"], summary["failed"]).as_str()),
            "`{case}`:\n{text}"
        );
        assert_eq!(lines.next(), None, "`{case}`:\n{text}");
    }
}

#[test]
fn report_files_are_plain_text_without_colour_or_trailing_spaces() {
    for case in CASES {
        let run = case_run(case);
        for report in run.reports.iter().chain(&run.in_colour) {
            assert!(
                !report.raw.contains('\u{1b}'),
                "`{case}`: the {:?} report has an ANSI escape\n{}",
                report.format,
                report.raw
            );
            let ragged = report.raw.lines().find(|l| l.ends_with([' ', '\t']));
            assert_eq!(
                ragged, None,
                "`{case}`: the {:?} report has a line that ends in white space",
                report.format
            );
        }
    }
    // Asking for colour changes nothing in a file: the compiler's diagnostics, which rustprep
    // receives in colour, are written plain in every format.
    let run = case_run("compile_error");
    assert_eq!(run.in_colour.len(), Format::ALL.len());
    for (plain, coloured) in run.reports.iter().zip(&run.in_colour) {
        coloured.output.assert_code(1);
        assert_eq!(
            plain.normalized, coloured.normalized,
            "{:?} with --color always",
            plain.format
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The class gradebook.

/// `verify --submissions CLASS --output <tmp>/grades/gradebook.csv SELECTORS...`: what it
/// printed, and where the gradebook is.
fn grade_class(scene: &Scene, class: &Path, selectors: &[&str]) -> (Output, std::path::PathBuf) {
    grade_class_to(scene, class, "grades/gradebook.csv", selectors)
}

/// `verify --submissions CLASS --output <tmp>/<gradebook> ARGS...`.
fn grade_class_to(
    scene: &Scene,
    class: &Path,
    gradebook: &str,
    args: &[&str],
) -> (Output, std::path::PathBuf) {
    let gradebook = scene.path(gradebook);
    let mut all = vec![
        "verify",
        "--submissions",
        class.to_str().unwrap(),
        "--output",
        gradebook.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    (scene.rustprep(&all), gradebook)
}

#[test]
fn gradebook_has_a_row_per_student_in_name_order_and_a_report_beside_each() {
    let scene = Scene::new("kit");
    let class = scene.copy_in("class", "class");
    let (output, gradebook) = grade_class(&scene, &class, &[]);
    output.assert_code(0);

    // alice: everything right. bob: add_one and countdown wrong. carol: no shout.rs. dave:
    // transfer loops for ever (the 2 s limit stops it).
    let csv = std::fs::read_to_string(&gradebook).unwrap();
    assert_eq!(
        csv,
        "student,add_one,shout,transfer,countdown,total\n\
         alice,1,2,3,1,7\n\
         bob,0,2,3,0,5\n\
         carol,1,0,3,1,5\n\
         dave,1,2,0,1,4\n",
        "{output:?}"
    );

    let beside: BTreeSet<String> = std::fs::read_dir(scene.path("grades"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let want: BTreeSet<String> = ["alice", "bob", "carol", "dave"]
        .iter()
        .map(|s| format!("{s}.json"))
        .chain(["gradebook.csv".to_owned()])
        .collect();
    assert_eq!(beside, want, "one JSON report per student, and no more");

    for row in csv.lines().skip(1) {
        let cells: Vec<&str> = row.split(',').collect();
        let student = cells[0];
        let text = std::fs::read_to_string(scene.path(&format!("grades/{student}.json"))).unwrap();
        let json: Value = serde_json::from_str(&scene.without_tmp(&text)).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["source"], format!("<tmp>/class/{student}"));
        let exercises = json["exercises"].as_array().unwrap();
        for (cell, exercise) in cells[1..=KIT.len()].iter().zip(exercises) {
            assert_eq!(
                cell.parse::<u64>().ok(),
                exercise["points"]["earned"].as_u64(),
                "{student}: {exercise:#}"
            );
        }
        assert_eq!(
            cells.last().unwrap().parse::<u64>().ok(),
            json["summary"]["points"]["earned"].as_u64(),
            "{student}: total"
        );
    }

    let report = |student: &str| -> Value {
        let text = std::fs::read_to_string(scene.path(&format!("grades/{student}.json"))).unwrap();
        serde_json::from_str(&scene.without_tmp(&text)).unwrap()
    };
    let carol = report("carol");
    let shout = &carol["exercises"][1];
    assert_eq!(shout["status"], "fail", "{shout:#}");
    assert_eq!(
        shout["message"], "<tmp>/class/carol/01_basics/shout.rs is missing",
        "{shout:#}"
    );
    let dave = report("dave");
    let transfer = &dave["exercises"][2];
    assert_eq!(transfer["status"], "timeout", "{transfer:#}");
    for (student, score) in [
        ("alice", "7/7"),
        ("bob", "5/7"),
        ("carol", "5/7"),
        ("dave", "4/7"),
    ] {
        assert!(
            output
                .stdout
                .lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>() == [student, score]),
            "{student} {score}\n{output:?}"
        );
    }
    assert!(
        scene.processes_left_behind().is_empty(),
        "{:#?}",
        scene.processes_left_behind()
    );
}

/// Folder names a student chooses: bytes that are not UTF-8 (two that read alike once made
/// text), a formula for the spreadsheet, a terminal escape, an invisible character, and names
/// that differ only in case. Each gets a row and a report of its own; the gradebook runs no
/// formula and the terminal gets no escape.
#[cfg(target_os = "linux")]
#[test]
fn gradebook_rows_and_reports_are_distinct_and_safe_whatever_the_folder_names() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let scene = Scene::new("kit");
    let class = scene.path("class");
    let names: [&[u8]; 7] = [
        b"caf\xe9",
        b"caf\xff",
        b"=HYPERLINK(\"evil.example\")",
        b"eve\x1b[31m",
        b"bob\xe2\x80\x8b",
        b"bob",
        b"Bob",
    ];
    for name in names {
        scene.copy_in("class/alice", "alice");
        std::fs::create_dir_all(&class).unwrap();
        std::fs::rename(scene.path("alice"), class.join(OsStr::from_bytes(name))).unwrap();
    }
    std::fs::write(class.join("notes.txt"), "not a submission").unwrap();
    let (output, gradebook) = grade_class(&scene, &class, &[]);
    output.assert_code(0);

    let csv = std::fs::read_to_string(&gradebook).unwrap();
    assert_eq!(
        csv,
        "student,add_one,shout,transfer,countdown,total\n\
         \"'=HYPERLINK(\"\"evil.example\"\")\",1,2,3,1,7\n\
         Bob,1,2,3,1,7\n\
         bob,1,2,3,1,7\n\
         bob\\u{200b},1,2,3,1,7\n\
         caf\\xE9,1,2,3,1,7\n\
         caf\\xFF,1,2,3,1,7\n\
         eve\\u{1b}[31m,1,2,3,1,7\n",
        "{output:?}"
    );
    let reports: BTreeSet<String> = std::fs::read_dir(scene.path("grades"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    assert_eq!(reports.len(), names.len(), "a report each: {reports:?}");
    assert!(reports.contains("caf\\xE9.json") && reports.contains("caf\\xFF.json"));
    assert!(
        reports.contains("Bob.json") && reports.contains("bob~2.json"),
        "names that differ only in case get reports that differ on any file system: {reports:?}"
    );
    assert!(
        !output.all().contains('\x1b'),
        "no raw escape printed\n{output:?}"
    );
    assert!(
        output.stdout.contains("eve\\u{1b}[31m"),
        "the name is printed escaped\n{output:?}"
    );
    assert!(
        output
            .stderr
            .contains("notes.txt is a file, not a student's folder: it is not graded"),
        "{output:?}"
    );
    assert!(
        output
            .stderr
            .contains("`Bob` and `bob` differ only in case"),
        "{output:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// A class graded in shares (`verify --partition K/N`, one machine each) and the shares'
// gradebooks merged (`gradebook merge`): the same gradebook and reports as one whole run.

/// The files of a folder, by name, with their contents (a JSON report's durations zeroed).
fn files_in(dir: &Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            (name, grading_support::normalize_json(&text))
        })
        .collect()
}

/// A share as `--partition` takes it, and the students it holds (`None`: not checked).
type Share = (&'static str, Option<&'static [&'static str]>);

#[test]
fn a_class_graded_in_shares_and_merged_is_the_class_graded_whole() {
    let scene = Scene::new("kit");
    let class = scene.copy_in("class", "class");
    let (whole, gradebook) = grade_class(&scene, &class, &[]);
    whole.assert_code(0);
    let want = std::fs::read(&gradebook).unwrap();
    let mut want_reports = files_in(&scene.path("grades"));
    want_reports.remove("gradebook.csv");

    // The class is alice, bob, carol and dave; count:K/N takes every N-th in name order from
    // the K-th, and hash:K/N by a hash of the name (whose students are not written here). 5/5 of
    // four students is empty.
    let splits: [(&str, &[Share]); 4] = [
        (
            "2",
            &[
                ("1/2", Some(&["alice", "carol"])),
                ("2/2", Some(&["bob", "dave"])),
            ],
        ),
        (
            "3",
            &[
                ("count:1/3", Some(&["alice", "dave"])),
                ("count:2/3", Some(&["bob"])),
                ("count:3/3", Some(&["carol"])),
            ],
        ),
        ("5", &[("5/5", Some(&[]))]),
        ("hash", &[("hash:1/2", None), ("hash:2/2", None)]),
    ];
    for (split, shares) in splits {
        let mut gradebooks = Vec::new();
        for (i, (share, students)) in shares.iter().enumerate() {
            let at = format!("split-{split}/gradebook-{}.csv", i + 1);
            let (output, path) = grade_class_to(&scene, &class, &at, &["--partition", share]);
            output.assert_code(0);
            if let Some(students) = students {
                let says = format!("of the class: {} of its 4 students", students.len());
                assert!(output.stdout.contains(&says), "{share}: {says}\n{output:?}");
                let rows: Vec<String> = std::fs::read_to_string(&path)
                    .unwrap()
                    .lines()
                    .skip(1)
                    .map(|row| row.split(',').next().unwrap().to_owned())
                    .collect();
                assert_eq!(rows, *students, "{share}");
            }
            gradebooks.push(path);
        }
        let in_split = scene.path(&format!("split-{split}"));
        let merged = in_split.join("merged.csv");
        // Given in the opposite order to the shares'.
        let mut args = vec!["gradebook", "merge", "--output", merged.to_str().unwrap()];
        args.extend(gradebooks.iter().rev().map(|p| p.to_str().unwrap()));
        scene.rustprep(&args).assert_code(0);
        if split == "5" {
            assert_eq!(
                std::fs::read_to_string(&merged).unwrap(),
                "student,add_one,shout,transfer,countdown,total\n",
                "an empty share has the columns alone"
            );
            assert_eq!(files_in(&in_split).len(), 2, "and no report");
            continue;
        }
        assert!(
            std::fs::read(&merged).unwrap() == want,
            "split {split}: the merge differs from the whole run's gradebook\n{}",
            std::fs::read_to_string(&merged).unwrap()
        );
        let mut reports = files_in(&in_split);
        reports.retain(|name, _| name.ends_with(".json"));
        assert_eq!(reports, want_reports, "split {split}: the shares' reports");
    }

    // To standard output, and with the empty share among the others.
    let mut args = vec!["gradebook", "merge"];
    let shares = [
        "split-5/gradebook-1.csv",
        "split-2/gradebook-2.csv",
        "split-2/gradebook-1.csv",
    ];
    let paths: Vec<String> = shares
        .iter()
        .map(|s| scene.path(s).to_str().unwrap().to_owned())
        .collect();
    args.extend(paths.iter().map(String::as_str));
    let output = scene.rustprep(&args);
    output.assert_code(0);
    assert_eq!(output.stdout.as_bytes(), want, "{output:?}");
    assert!(
        output
            .stderr
            .contains("Merged 4 students from 3 gradebooks."),
        "{output:?}"
    );
}

#[test]
fn a_share_that_is_not_one_is_a_usage_error_naming_the_form() {
    let scene = Scene::new("kit");
    let class = scene.copy_in("class", "class");
    for share in ["0/3", "4/3", "x", "1/0", "hash:1/x", "slice:1/2"] {
        let (output, gradebook) = grade_class_to(&scene, &class, "g.csv", &["--partition", share]);
        output.assert_code(2);
        assert!(
            output
                .stderr
                .contains(&format!("invalid value '{share}' for '--partition <K/N>'"))
                && output
                    .stderr
                    .contains("give the share as K/N, count:K/N or hash:K/N"),
            "{output:?}"
        );
        assert!(
            !gradebook.exists(),
            "{share}: nothing graded, nothing written"
        );
    }
}

#[test]
fn gradebooks_that_cannot_be_merged_are_refused_naming_the_file() {
    let scene = Scene::new("kit");
    let header = "student,add_one,shout,transfer,countdown,total\n";
    let write = |name: &str, text: &str| {
        let path = scene.path(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let a = write("a.csv", &format!("{header}alice,1,2,3,1,7\n"));
    let other_kit = write("other_kit.csv", "student,add_one,total\nbob,1,1\n");
    let again = write(
        "again.csv",
        &format!("{header}bob,0,2,3,0,5\nalice,1,2,3,1,7\n"),
    );
    let merged = scene.path("merged.csv");
    let merged = merged.to_str().unwrap();
    for (args, says) in [
        (
            [a.as_str(), other_kit.as_str(), merged],
            format!("{other_kit}'s columns differ from {a}'s"),
        ),
        (
            [a.as_str(), again.as_str(), merged],
            format!("the student `alice` is in {a} and again in {again}"),
        ),
        (
            [a.as_str(), again.as_str(), again.as_str()],
            format!("--output {again} would overwrite {again}, one of the gradebooks to merge"),
        ),
    ] {
        let [first, second, output_to] = args;
        let all = ["gradebook", "merge", first, second, "--output", output_to];
        let output = scene.rustprep(&all);
        output.assert_code(2);
        assert!(output.stderr.contains(&says), "{says}\n{output:?}");
        assert!(!scene.path("merged.csv").exists(), "{output:?}");
    }
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        format!("{header}bob,0,2,3,0,5\nalice,1,2,3,1,7\n"),
        "an input is never written over"
    );
}

// ---------------------------------------------------------------------------------------------
// Tampering: `tests/fixtures/grading/tamper/`, one run over a submission that tries every trick,
// between honest exercises that must still pass.

struct TamperRun {
    output: Output,
    json: Value,
    left_behind: Vec<String>,
    /// The pid of the `sleep 300` that `spawns_sleeper` started, as it printed it.
    sleeper: Option<u32>,
    /// Whether that process was still running once the run was over.
    sleeper_running: bool,
}

impl TamperRun {
    /// The status and message of one test of an exercise.
    #[track_caller]
    fn test(&self, exercise: &str, test: &str) -> (&str, &str) {
        let e = find_exercise(&self.json, exercise);
        let t = e["tests"]
            .as_array()
            .and_then(|all| all.iter().find(|t| t["name"] == test))
            .unwrap_or_else(|| panic!("no test `{test}` in {e:#}"));
        (
            t["status"].as_str().unwrap(),
            t["message"].as_str().unwrap(),
        )
    }
}

fn tampered() -> &'static TamperRun {
    static RUN: OnceLock<TamperRun> = OnceLock::new();
    RUN.get_or_init(|| {
        let scene = Scene::new("tamper/kit");
        let submission = scene.copy_in("tamper/submission", "submission");
        let report = scene.path("report.json");
        let output = scene.rustprep(&[
            "verify",
            "--exercises",
            submission.to_str().unwrap(),
            "--format",
            "json",
            "--output",
            report.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&report)
            .unwrap_or_else(|e| panic!("no report: {e}\n{output:?}"));
        let json: Value = serde_json::from_str(&scene.without_tmp(&text)).unwrap();
        let left_behind = scene.processes_left_behind();
        let sleeper = all_messages(find_exercise(&json, "spawns_sleeper"))
            .lines()
            .find_map(|l| l.strip_prefix("sleeper pid "))
            .and_then(|pid| pid.trim().parse().ok());
        let sleeper_running = sleeper.is_some_and(|pid| {
            // A moment for a process that was killed to be gone (it is not a timing assertion:
            // a process that is left behind is there for minutes).
            let give_up = std::time::Instant::now() + std::time::Duration::from_secs(10);
            loop {
                let running = grading_support::running_as(pid, "sleep 300");
                if !running || std::time::Instant::now() >= give_up {
                    break running;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        });
        TamperRun {
            output,
            json,
            left_behind,
            sleeper,
            sleeper_running,
        }
    })
}

#[test]
fn tampering_never_passes_and_the_grader_keeps_going() {
    let run = tampered();
    run.output.assert_code(1);
    let statuses: Vec<(&str, &str)> = run.json["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["name"].as_str().unwrap(), e["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("honest_first", "pass"),
            ("exits_zero", "fail"),
            ("fakes_println", "fail"),
            ("fakes_write_all", "fail"),
            ("panics_in_drop", "crash"),
            ("spawns_sleeper", "fail"),
            ("floods_stdout", "fail"),
            ("overflows_stack", "crash"),
            ("allocates_forever", "crash"),
            ("honest_last", "pass"),
        ],
        "{:#}",
        run.json
    );
    // Within a tampering exercise, the test its submission passes honestly still passes.
    for (exercise, test) in [
        ("exits_zero", "halves_an_even_number"),
        ("fakes_println", "triples_zero"),
        ("fakes_write_all", "triples_zero"),
        ("floods_stdout", "sums_nothing"),
        ("overflows_stack", "zero_takes_no_steps"),
        ("allocates_forever", "no_blocks"),
    ] {
        assert_eq!(run.test(exercise, test).0, "passed", "{exercise}::{test}");
    }
    assert_eq!(run.json["summary"]["passed"], 2);
    assert_eq!(run.json["summary"]["points"]["earned"], 2);
}

#[test]
fn exiting_with_status_zero_from_the_code_under_test_is_not_a_pass() {
    let (status, message) = tampered().test("exits_zero", "odd_numbers_have_no_half");
    assert_eq!(status, "no_report", "{message}");
    assert!(
        message.contains("exited (status 0) before the test reported a result"),
        "{message}"
    );
}

#[test]
fn fake_ok_lines_printed_with_println_are_not_a_pass() {
    let (status, message) = tampered().test("fakes_println", "triples_two");
    assert_eq!(status, "failed", "{message}");
    assert!(
        message.contains("test hidden_tests::triples_two ... ok") && message.contains("left: 4"),
        "the fake lines are shown as what the test printed, then the failure:\n{message}"
    );
}

#[test]
fn fake_ok_lines_written_to_the_raw_stdout_are_not_a_pass() {
    let (status, message) = tampered().test("fakes_write_all", "triples_two");
    assert_eq!(status, "failed", "{message}");
    assert!(message.contains("right: 6"), "{message}");
}

#[test]
fn a_panic_in_drop_fails_the_test_and_a_second_one_while_unwinding_crashes() {
    let run = tampered();
    let (status, message) = run.test("panics_in_drop", "adds_one");
    assert_eq!(status, "failed", "{message}");
    assert!(
        message.contains("receipt 1 refuses to be dropped"),
        "{message}"
    );
    let (status, message) = run.test("panics_in_drop", "the_largest_has_no_successor");
    assert_eq!(status, "crashed", "{message}");
    assert!(
        message.contains("panic in a destructor during cleanup"),
        "{message}"
    );
}

#[test]
fn a_child_process_does_not_outlive_the_run() {
    let run = tampered();
    let (status, message) = run.test("spawns_sleeper", "gives_the_answer");
    assert_eq!(status, "failed", "{message}");
    let pid = run
        .sleeper
        .unwrap_or_else(|| panic!("the test printed no pid:\n{message}"));
    if Path::new("/proc").is_dir() {
        assert!(
            !run.sleeper_running,
            "`sleep 300` (pid {pid}) is still running"
        );
    }
}

#[test]
fn a_flood_of_output_is_cut_and_the_test_still_graded() {
    let (status, message) = tampered().test("floods_stdout", "sums_three");
    assert_eq!(status, "failed", "{message}");
    let dropped: u64 = message
        .strip_prefix("[output cut: ")
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the message starts by saying what was cut:\n{message}"));
    assert!(dropped >= 99 << 20, "100 MiB printed, {dropped} bytes cut");
    assert!(
        message.contains("left: 9") && message.contains("right: 6"),
        "libtest's verdict, at the end of the flood, is kept:\n{message}"
    );
}

#[test]
fn a_stack_overflow_is_a_crash() {
    let (status, message) = tampered().test("overflows_stack", "counts_three_steps");
    assert_eq!(status, "crashed", "{message}");
    assert!(message.starts_with("crashed: stack overflow"), "{message}");
}

#[test]
fn unbounded_allocation_is_a_crash_at_the_memory_limit() {
    let (status, message) = tampered().test("allocates_forever", "three_blocks");
    assert_eq!(status, "crashed", "{message}");
    assert!(message.starts_with("crashed: out of memory"), "{message}");
}

#[test]
fn nothing_is_left_running_after_tampering() {
    let run = tampered();
    assert!(
        run.left_behind.is_empty(),
        "left running: {:#?}",
        run.left_behind
    );
}

// ---------------------------------------------------------------------------------------------
// `rustprep new`.

/// The kit's info.toml, parsed: each exercise's name and question, in order.
fn kit_order(scene: &Scene) -> Vec<(String, i64)> {
    let text = std::fs::read_to_string(scene.kit().join("info.toml")).unwrap();
    let info: toml::Table = text.parse().expect("info.toml is valid TOML");
    info["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_owned(),
                e["question"].as_integer().unwrap(),
            )
        })
        .collect()
}

fn order(names: &[(&str, i64)]) -> Vec<(String, i64)> {
    names.iter().map(|(n, q)| (n.to_string(), *q)).collect()
}

#[test]
fn new_scaffolds_an_exercise_after_its_questions_last_one() {
    let scene = Scene::new("kit");
    let before = std::fs::read_to_string(scene.kit().join("info.toml")).unwrap();
    let output = scene.rustprep(&["new", "extra_one", "--question", "1"]);
    output.assert_code(0);

    for folder in ["exercises", "solutions", "tests"] {
        let file = scene.kit().join(folder).join("01_basics/extra_one.rs");
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{} was not created: {e}\n{output:?}", file.display()));
        assert!(!text.trim().is_empty(), "{} is empty", file.display());
    }
    let tests = std::fs::read_to_string(scene.kit().join("tests/01_basics/extra_one.rs")).unwrap();
    assert!(tests.starts_with("use super::*;"), "{tests}");

    // The entry goes right after question 1's last exercise, and the rest is as it was.
    assert_eq!(
        kit_order(&scene),
        order(&[
            ("add_one", 1),
            ("shout", 1),
            ("extra_one", 1),
            ("transfer", 2),
            ("countdown", 2),
        ])
    );
    let after = std::fs::read_to_string(scene.kit().join("info.toml")).unwrap();
    let split = before
        .find("[[exercises]]\nname = \"transfer\"")
        .expect("the fixture has a transfer entry");
    assert!(
        after.starts_with(&before[..split]) && after.ends_with(&before[split..]),
        "info.toml changed beyond the new entry:\n{after}"
    );
    let added = &after[split..after.len() - (before.len() - split)];
    assert!(
        added.starts_with("[[exercises]]\nname = \"extra_one\"\nquestion = 1\n")
            && added.contains("path = \"01_basics/extra_one.rs\"\n")
            && added.contains("mode = \"test\"\n"),
        "the new entry:\n{added}"
    );

    // As scaffolded, the exercise fails and its solution passes.
    let verify = scene.rustprep(&["verify", "extra_one"]);
    verify.assert_code(1);
    assert_eq!(
        row_outcome(&verify.stdout, "extra_one").as_deref(),
        Some("fail"),
        "{verify:?}"
    );
    let solutions = scene.rustprep(&["verify", "--solutions", "extra_one"]);
    solutions.assert_code(0);
    assert_eq!(
        row_outcome(&solutions.stdout, "extra_one").as_deref(),
        Some("pass"),
        "{solutions:?}"
    );
}

#[test]
fn the_kit_check_tests_the_exercise_as_written_not_the_scaffold() {
    let scene = Scene::new("kit");
    scene
        .rustprep(&["new", "extra_one", "--question", "1"])
        .assert_code(0);
    // Any command keeps a copy of the exercise as shipped: at this point, the scaffold.
    scene.rustprep(&["list"]).assert_code(0);
    // The author then writes an exercise that, by mistake, already passes.
    let solution = scene.kit().join("solutions/01_basics/extra_one.rs");
    let exercise = scene.kit().join("exercises/01_basics/extra_one.rs");
    std::fs::copy(&solution, &exercise).unwrap();
    let output = scene.rustprep(&["verify", "--solutions", "extra_one"]);
    output.assert_code(1);
    assert!(
        output.stdout.contains("extra_one passes as shipped"),
        "the kit check saw the exercise as written: {output:?}"
    );
}

#[test]
fn new_for_the_last_question_goes_at_the_end() {
    let scene = Scene::new("kit");
    let before = std::fs::read_to_string(scene.kit().join("info.toml")).unwrap();
    scene
        .rustprep(&["new", "last_one", "--question", "2"])
        .assert_code(0);
    let after = std::fs::read_to_string(scene.kit().join("info.toml")).unwrap();
    assert!(after.starts_with(&before), "{after}");
    assert_eq!(
        kit_order(&scene),
        order(&[
            ("add_one", 1),
            ("shout", 1),
            ("transfer", 2),
            ("countdown", 2),
            ("last_one", 2),
        ])
    );
    assert!(
        scene
            .kit()
            .join("exercises/02_running/last_one.rs")
            .is_file()
    );
}

#[test]
fn new_refuses_an_existing_name_and_changes_nothing() {
    let scene = Scene::new("kit");
    // Any command sets up the kit's own files (.rustprep/, exercises/Cargo.toml) first.
    scene.rustprep(&["list"]).assert_code(0);
    let before = scene.kit_files();
    for (name, question) in [("shout", "1"), ("shout", "2"), ("countdown", "1")] {
        let output = scene.rustprep(&["new", name, "--question", question]);
        output.assert_code(2);
        assert!(output.stderr.contains("exists already"), "{output:?}");
        assert!(
            scene.kit_files() == before,
            "`new {name}` changed the kit\n{output:?}"
        );
    }
}

#[test]
fn new_refuses_to_overwrite_a_file_and_changes_nothing() {
    let scene = Scene::new("kit");
    scene.rustprep(&["list"]).assert_code(0);
    for folder in ["exercises", "solutions", "tests"] {
        let stray = scene.kit().join(folder).join("02_running/stray.rs");
        std::fs::write(&stray, "// Someone's work, not in info.toml.\n").unwrap();
        let before = scene.kit_files();
        let output = scene.rustprep(&["new", "stray", "--question", "2"]);
        output.assert_code(2);
        assert!(
            output
                .stderr
                .contains(&format!("{folder}/02_running/stray.rs exists already")),
            "{output:?}"
        );
        assert!(
            scene.kit_files() == before,
            "`new stray` changed the kit with {folder}/02_running/stray.rs there\n{output:?}"
        );
        std::fs::remove_file(&stray).unwrap();
    }
}

#[test]
fn identical_files_are_compiled_once_but_each_report_names_its_own_student() {
    let scene = Scene::new("kit");
    let class = scene.copy_in("class", "class");
    // erin and frank hand in the same broken shout.rs, byte for byte (and alice's add_one.rs).
    let broken = format!(
        "{}\nfn unrelated() -> u32 {{\n    \"not a number\"\n}}\n",
        std::fs::read_to_string(class.join("alice/01_basics/shout.rs")).unwrap()
    );
    for student in ["erin", "frank"] {
        let dir = class.join(student).join("01_basics");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            class.join("alice/01_basics/add_one.rs"),
            dir.join("add_one.rs"),
        )
        .unwrap();
        std::fs::write(dir.join("shout.rs"), &broken).unwrap();
    }
    let (output, _) = grade_class(&scene, &class, &["add_one", "shout"]);
    output.assert_code(0);
    // What was compiled: one build per distinct (exercise, contents) of the class, counted
    // here from the files themselves.
    let mut files = 0;
    let mut distinct = std::collections::BTreeSet::new();
    for student in std::fs::read_dir(&class).unwrap() {
        for name in ["add_one", "shout"] {
            let file = student
                .as_ref()
                .unwrap()
                .path()
                .join(format!("01_basics/{name}.rs"));
            if let Ok(bytes) = std::fs::read(&file) {
                files += 1;
                distinct.insert((name, bytes));
            }
        }
    }
    assert!(
        distinct.len() + 3 <= files,
        "erin's and frank's copies are shared"
    );
    assert!(
        output.stdout.contains(&format!(
            "{files} exercise files, {} of them compiled: the other {} are byte for byte one of those",
            distinct.len(),
            files - distinct.len()
        )),
        "{output:?}"
    );

    for (me, other) in [("erin", "frank"), ("frank", "erin")] {
        let text = std::fs::read_to_string(scene.path(&format!("grades/{me}.json"))).unwrap();
        let json: Value = serde_json::from_str(&scene.without_tmp(&text)).unwrap();
        assert_eq!(json["exercises"][0]["status"], "pass", "{me}: {json:#}");
        let shout = &json["exercises"][1];
        assert_eq!(shout["status"], "compile_error", "{me}: {shout:#}");
        let message = shout["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("<tmp>/class/{me}/01_basics/shout.rs")),
            "{me}'s report names {me}'s file: {message}"
        );
        assert!(
            !message.contains(&format!("/{other}/")),
            "{me}'s report does not mention {other}: {message}"
        );
    }
}

/// A student's file that pulls in a classmate's at compile time is refused: in the sandbox the
/// compiler cannot read outside the student's own folder (and the hidden tests); without it, the
/// read is found in what the compiler says it read.
#[cfg(target_os = "linux")]
#[test]
fn a_student_cannot_compile_a_classmates_file_into_their_own() {
    let scene = Scene::new("kit");
    let class = scene.copy_in("class", "class");
    let dir = class.join("mallory/01_basics");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("add_one.rs"),
        "include!(\"../../alice/01_basics/add_one.rs\");\n",
    )
    .unwrap();
    let (output, _) = grade_class(&scene, &class, &["add_one"]);
    output.assert_code(0);
    let text = std::fs::read_to_string(scene.path("grades/mallory.json")).unwrap();
    let json: Value = serde_json::from_str(&scene.without_tmp(&text)).unwrap();
    let add_one = &json["exercises"][0];
    assert_eq!(add_one["status"], "compile_error", "{json:#}");
    let message = add_one["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("alice/01_basics/add_one.rs")
            && (message.contains("Permission denied") || message.contains("at compile time")),
        "{message}"
    );
    let alice = std::fs::read_to_string(scene.path("grades/alice.json")).unwrap();
    assert!(alice.contains("\"status\": \"pass\""), "{alice}");
}
