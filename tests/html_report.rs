//! The HTML class report as a teacher opens it: the real `rustprep` binary grades a small class
//! of the grading fixture kit with `--format html`, and a real headless Chromium (see
//! `tests/grading_support/browser.rs`) builds the page's DOM and draws it. The tests compare what
//! the browser built with the JSON reports written beside the page: every verdict in its cell,
//! the hardest exercise first, each cell's link landing on that student's verdict; no script runs
//! and nothing is fetched, whatever the students named their folders; and the screenshot is a
//! page, not a blank.
//!
//! Without Chromium (`apt-get install chromium`, or `RUSTPREP_CHROMIUM=/path/to/chrome`) the
//! browser's part of each test says it is skipped; what can be checked in the file is checked.

mod grading_support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use grading_support::Scene;
use grading_support::browser::{self, Chromium};
use serde_json::Value;

/// The fixture kit's exercises, in kit order.
const KIT_ORDER: [&str; 4] = ["add_one", "shout", "transfer", "countdown"];

/// A folder name that would be markup if it were not escaped, and an entity that would be read
/// as `&` if it were escaped only once.
const EVIL: &str = "<img src=x onerror=\"alert(1)\">&amp;";

/// The browser, or `None` after saying that `test`'s browser part is skipped.
fn browser(scene: &Scene, test: &str) -> Option<Chromium> {
    let found = Chromium::find(scene.dir());
    if found.is_none() {
        eprintln!(
            "SKIPPED the browser part of {test}: no chromium (install chromium: apt-get install \
             chromium; or name one with {}=PATH); the page was checked as text only",
            browser::BROWSER_VAR
        );
    }
    found
}

/// The class: each golden submission as a student, and a copy of `crash` under [`EVIL`]'s name,
/// so that `countdown`, last in kit order, is the hardest.
fn class(scene: &Scene) -> PathBuf {
    let class = scene.path("class");
    for case in [
        "all_pass",
        "partial",
        "compile_error",
        "timeout",
        "crash",
        "printed_output",
        "rule_broken",
    ] {
        scene.copy_in(&format!("submissions/{case}"), &format!("class/{case}"));
    }
    scene.copy_in("submissions/crash", &format!("class/{EVIL}"));
    class
}

/// Each student's JSON report, by name: what the page must agree with.
fn reports(grades: &Path) -> BTreeMap<String, Value> {
    std::fs::read_dir(grades)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_str().unwrap().to_owned();
            let json = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (name, json)
        })
        .collect()
}

fn status(report: &Value, exercise: &str) -> String {
    report["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == exercise)
        .unwrap_or_else(|| panic!("no {exercise} in {report:#}"))["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// What the probe reads from the page's DOM.
const FACTS: &str = r##"
  const text = e => e ? e.textContent.trim() : null;
  const map = doc.getElementById("heatmap");
  return {
    title: doc.title,
    h1: text(doc.querySelector("h1")),
    header: [...map.querySelectorAll("thead th")].map(th => [text(th), th.getAttribute("scope")]),
    rows: [...map.querySelectorAll("tbody tr")].map(tr => ({
      name: text(tr.querySelector("th[scope=row]")),
      scope: tr.querySelector("th").getAttribute("scope"),
      cells: [...tr.querySelectorAll("td.v")].map(td => {
        const a = td.querySelector("a[href^='#']");
        const target = a && doc.getElementById(a.getAttribute("href").slice(1));
        const section = target && target.closest("section.student");
        return {
          status: [...td.classList].filter(c => c !== "v").join(" "),
          word: text(td.querySelector(".sr")),
          symbol: text(td.querySelector("[aria-hidden]")),
          colour: win.getComputedStyle(td).backgroundColor,
          landing: text(target),
          in_passed: !!(target && target.closest(".passed")),
          exercise: target && text(target.querySelector("th")),
          verdict: target && text(target.querySelector("td")),
          story: target && text(target.querySelector("pre")),
          student: section && section.querySelector("h3").firstChild.textContent.trim(),
        };
      }),
      points: text(tr.querySelector("td.num")),
    })),
    unresolved: [...doc.querySelectorAll("a[href^='#']")]
      .map(a => a.getAttribute("href"))
      .filter(h => !doc.getElementById(h.slice(1))),
    links: doc.querySelectorAll("a[href^='#']").length,
    legend: [...doc.querySelectorAll(".legend li")].map(text),
    exercises: [...doc.querySelectorAll("#exercises tbody th")].map(text),
    questions: [...doc.querySelectorAll("#questions tbody tr")]
      .map(tr => [...tr.children].map(text)),
    scripts: doc.querySelectorAll("script").length,
    images: doc.querySelectorAll("img").length,
    fetched: win.performance.getEntriesByType("resource").map(r => r.name),
  };
"##;

#[test]
fn class_page_shows_every_verdict_hardest_exercise_first_and_links_each_cell_to_its_student() {
    let scene = Scene::new("kit");
    let class = class(&scene);
    let gradebook = scene.path("grades/gradebook.csv");
    let output = scene.rustprep(&[
        "verify",
        "--submissions",
        class.to_str().unwrap(),
        "--output",
        gradebook.to_str().unwrap(),
        "--format",
        "html",
    ]);
    output.assert_code(0);
    let page = scene.path("grades/gradebook.html");
    assert!(
        output.stdout.contains(&page.display().to_string()),
        "{output:?}"
    );
    let reports = reports(&scene.path("grades"));
    let names: Vec<&String> = reports.keys().collect();
    assert_eq!(names.len(), 8, "{names:?}");

    // The hardest first: by the share of students who passed, ties in kit order.
    let passes = |exercise: &str| {
        reports
            .values()
            .filter(|r| status(r, exercise) == "pass")
            .count()
    };
    let mut hardest_first = KIT_ORDER.to_vec();
    hardest_first.sort_by_key(|e| passes(e));
    assert_eq!(hardest_first, ["countdown", "add_one", "shout", "transfer"]);

    // What the file says before any browser reads it: no script, nothing to fetch, the name as
    // text.
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    for absent in [
        "<script", "<img", "<link", "<iframe", "url(", "http://", "https://", "@import",
    ] {
        assert!(!html.contains(absent), "{absent} in the page");
    }
    assert!(html.contains("&lt;img src=x onerror=\"alert(1)\"&gt;&amp;amp;"));

    let Some(chromium) = browser(
        &scene,
        "class_page_shows_every_verdict_hardest_exercise_first_and_links_each_cell_to_its_student",
    ) else {
        return;
    };
    let facts = chromium.probe(&page, FACTS);
    assert!(
        facts["h1"].as_str().unwrap().starts_with("kit"),
        "{facts:#}"
    );
    let title = facts["title"].as_str().unwrap();
    assert!(
        title.starts_with("kit class report, 20") && title.ends_with(" UTC"),
        "{title}"
    );

    let header: Vec<(&str, &str)> = facts["header"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h[0].as_str().unwrap(), h[1].as_str().unwrap()))
        .collect();
    let mut want: Vec<&str> = vec!["Student"];
    want.extend(&hardest_first);
    want.push("Points");
    assert_eq!(header, want.iter().map(|h| (*h, "col")).collect::<Vec<_>>());
    assert_eq!(facts["exercises"], serde_json::json!(hardest_first));

    let rows = facts["rows"].as_array().unwrap();
    assert_eq!(
        rows.iter().map(|r| &r["name"]).collect::<Vec<_>>(),
        names,
        "a row per student, in name order, the name as text"
    );
    // Each status's colour and symbol: one each, and no two statuses alike.
    let mut looks: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for (row, (name, report)) in rows.iter().zip(&reports) {
        assert_eq!(row["scope"], "row");
        let cells = row["cells"].as_array().unwrap();
        assert_eq!(cells.len(), KIT_ORDER.len(), "{row:#}");
        for (cell, exercise) in cells.iter().zip(&hardest_first) {
            let status = status(report, exercise);
            let word = status.replace('_', " ");
            assert_eq!(cell["status"], status, "{name} {exercise}: {cell:#}");
            assert_eq!(cell["word"], word.as_str(), "{name} {exercise}: {cell:#}");
            assert_eq!(cell["student"], name.as_str(), "in the student's section");
            // What passed is listed by name; what did not, with its verdict and what went wrong.
            if status == "pass" {
                assert!(cell["in_passed"].as_bool().unwrap(), "{cell:#}");
                assert_eq!(cell["landing"], format!("✓ {exercise}").as_str());
            } else {
                assert_eq!(
                    cell["exercise"], *exercise,
                    "the link lands on the exercise"
                );
                assert!(
                    cell["verdict"].as_str().unwrap().ends_with(&word),
                    "{name} {exercise}: {cell:#}"
                );
                assert!(
                    cell["story"]
                        .as_str()
                        .unwrap()
                        .contains(&format!("/{exercise}.rs")),
                    "{name} {exercise}: {cell:#}"
                );
            }
            looks.entry(status).or_default().insert((
                cell["symbol"].as_str().unwrap().to_owned(),
                cell["colour"].as_str().unwrap().to_owned(),
            ));
        }
        let points = &report["summary"]["points"];
        assert_eq!(
            row["points"],
            format!("{}/{}", points["earned"], points["possible"]).as_str()
        );
    }
    assert_eq!(
        looks.keys().collect::<Vec<_>>(),
        [
            "compile_error",
            "crash",
            "fail",
            "pass",
            "rule_broken",
            "timeout"
        ],
        "the class gets every verdict"
    );
    let symbols: BTreeSet<_> = looks.values().flatten().map(|(s, _)| s).collect();
    let colours: BTreeSet<_> = looks.values().flatten().map(|(_, c)| c).collect();
    assert!(
        looks.values().all(|l| l.len() == 1)
            && symbols.len() == looks.len()
            && colours.len() == looks.len(),
        "one symbol and one colour per verdict, each its own: {looks:#?}"
    );
    assert_eq!(facts["legend"].as_array().unwrap().len(), 6, "{facts:#}");

    // Q1 (add_one, shout) and Q2 (transfer, countdown): passed cells over cells, and who
    // passed both.
    for (row, exercises) in facts["questions"]
        .as_array()
        .unwrap()
        .iter()
        .zip([["add_one", "shout"], ["transfer", "countdown"]])
    {
        let passed: usize = exercises.iter().map(|e| passes(e)).sum();
        let all = reports
            .values()
            .filter(|r| exercises.iter().all(|e| status(r, e) == "pass"))
            .count();
        assert!(
            row[2]
                .as_str()
                .unwrap()
                .ends_with(&format!("{}%", passed * 100 / (2 * reports.len()))),
            "{row}"
        );
        assert_eq!(row[3], format!("{all} of {}", reports.len()).as_str());
    }
    assert!(facts["questions"][0][0].as_str().unwrap().starts_with("Q1"));

    assert_eq!(
        facts["unresolved"],
        serde_json::json!([]),
        "every link lands"
    );
    assert!(facts["links"].as_u64().unwrap() > 8 * 4);
    assert_eq!(facts["scripts"], 0);
    assert_eq!(facts["images"], 0, "the folder name made no element");
    assert_eq!(facts["fetched"], serde_json::json!([]), "nothing fetched");

    // What it looks like: a page drawn, not a blank one of the same size.
    let size = (1280, 900);
    let shot = scene.path("grades/gradebook.png");
    chromium.screenshot(&page, &shot, size);
    let blank = scene.path("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><title>blank</title>").unwrap();
    let blank_shot = scene.path("blank.png");
    chromium.screenshot(&blank, &blank_shot, size);
    let (png, blank_png) = (
        std::fs::read(&shot).unwrap(),
        std::fs::read(&blank_shot).unwrap(),
    );
    assert_eq!(browser::png_size(&png), Some(size));
    assert_eq!(browser::png_size(&blank_png), Some(size));
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report.png");
    std::fs::write(&kept, &png).unwrap();
    eprintln!("The class page as Chromium draws it: {}", kept.display());
    assert!(
        png.len() > 4 * blank_png.len(),
        "the screenshot ({} bytes, kept at {}) compresses like a blank page ({} bytes)",
        png.len(),
        kept.display(),
        blank_png.len()
    );
}

#[test]
fn one_students_verify_makes_a_page_of_one_row() {
    let scene = Scene::new("kit");
    let submission = scene.copy_in("submissions/partial", "partial");
    let page = scene.path("partial.html");
    let output = scene.rustprep(&[
        "verify",
        "--exercises",
        submission.to_str().unwrap(),
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ]);
    output.assert_code(1);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<a href=\"#s1\">"), "{html}");
    assert!(!html.contains("#s2"), "{html}");

    let Some(chromium) = browser(&scene, "one_students_verify_makes_a_page_of_one_row") else {
        return;
    };
    let facts = chromium.probe(&page, FACTS);
    let rows = facts["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{facts:#}");
    assert!(rows[0]["name"].as_str().unwrap().ends_with("partial"));
    assert_eq!(rows[0]["points"], "5/7");
    assert_eq!(facts["unresolved"], serde_json::json!([]));
}

#[test]
fn a_gradebook_named_html_is_refused_before_any_grading() {
    let scene = Scene::new("kit");
    let class = scene.copy_in("class", "class");
    let output = scene.rustprep(&[
        "verify",
        "--submissions",
        class.to_str().unwrap(),
        "--output",
        scene.path("grades/class.html").to_str().unwrap(),
        "--format",
        "html",
    ]);
    output.assert_code(2);
    assert!(
        output
            .stderr
            .contains("is where the CSV gradebook goes, and the class page is written beside it"),
        "{output:?}"
    );
    assert!(!scene.path("grades").exists(), "nothing written");
}
