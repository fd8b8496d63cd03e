//! The class report as one self-contained HTML page, for a teacher to read at a glance: students ×
//! exercises as a heat map (the hardest exercises first), the pass rate of each exercise and each
//! question, and each student's verdicts with what went wrong. Each cell of the map links to its
//! verdict in the student's section below.
//!
//! Inline CSS, no script, no fetch (a Content-Security-Policy says so to the browser too), so it
//! reads the same from a mail attachment or a CI artifact. Every text from a submission (names,
//! compiler output, test messages) is escaped; ids are built from numbers and exercise names
//! only. Colour never says anything alone: each verdict has its symbol and its word.

use std::fmt::Write as _;
use std::time::SystemTime;

use super::{Graded, plain_capped, text};
use crate::escape::{self, markup, markup_attribute as attr};
use crate::exercise::Exercise;
use crate::kit::Kit;
use crate::outcome::{MiriCheck, Status};

/// Every verdict, in the legend's order, a pass first.
const VERDICTS: [Status; 6] = [
    Status::Pass,
    Status::Fail,
    Status::Rule,
    Status::CompileError,
    Status::Timeout,
    Status::Crash,
];

/// The page for `class` (one student per entry, by the name to show, each graded on the same
/// exercises of `kit`), graded at `graded_at`.
pub fn render(kit: &Kit, class: &[(String, Graded<'_>)], graded_at: SystemTime) -> String {
    let columns = columns(class);
    let kit_name = kit
        .root
        .file_name()
        .map_or_else(|| "rustprep".to_owned(), escape::name);
    let stamp = humantime::format_rfc3339_seconds(graded_at).to_string();
    let when = format!("{} {} UTC", &stamp[..10], &stamp[11..16]);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} class report, {when}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <header>\n<h1>{}: class report</h1>\n",
        markup(&kit_name),
        markup(&kit_name),
    );
    summary(&mut out, class, &columns, &when);
    out.push_str("</header>\n<main>\n");
    if class.is_empty() || columns.is_empty() {
        out.push_str("<p>No submissions were graded.</p>\n");
    } else {
        heat_map(&mut out, class, &columns);
        exercises(&mut out, class.len(), &columns);
        questions(&mut out, kit, class, &columns);
        students(&mut out, class);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One exercise across the class: where it is in each student's results, and how it went.
struct Column<'a> {
    at: usize,
    exercise: &'a Exercise,
    /// How many students got each verdict, in [`VERDICTS`] order.
    counts: [usize; VERDICTS.len()],
}

impl Column<'_> {
    /// How many students passed it ([`VERDICTS`] starts with a pass).
    fn passed(&self) -> usize {
        self.counts[0]
    }
}

/// The exercises, hardest first: by pass rate, the lowest first, ties in kit order.
fn columns<'a>(class: &[(String, Graded<'a>)]) -> Vec<Column<'a>> {
    let Some((_, first)) = class.first() else {
        return Vec::new();
    };
    let mut columns: Vec<Column<'a>> = first
        .results
        .iter()
        .enumerate()
        .map(|(at, (exercise, _))| {
            let mut counts = [0; VERDICTS.len()];
            for (_, graded) in class {
                let status = graded.results[at].1.status;
                let slot = VERDICTS.iter().position(|v| *v == status);
                counts[slot.expect("VERDICTS holds every status")] += 1;
            }
            Column {
                at,
                exercise,
                counts,
            }
        })
        .collect();
    // Stable: equal pass counts keep the kit's order.
    columns.sort_by_key(Column::passed);
    columns
}

fn summary(out: &mut String, class: &[(String, Graded<'_>)], columns: &[Column<'_>], when: &str) {
    let (earned, possible) = class.iter().fold((0, 0), |(e, p), (_, g)| {
        let (ge, gp) = g.points();
        (e + ge, p + gp)
    });
    let all_passed = class
        .iter()
        .filter(|(_, g)| g.results.iter().all(|(_, o)| o.passed()))
        .count();
    let _ = writeln!(
        out,
        "<p class=\"meta\">Graded {when} · {} · {}</p>\n<dl class=\"cards\">\n\
         <div><dt>Average score</dt><dd>{}</dd></div>\n\
         <div><dt>Passed every exercise</dt><dd>{all_passed} of {}</dd></div>",
        plural(class.len(), "student"),
        plural(columns.len(), "exercise"),
        percent(earned, possible),
        class.len()
    );
    if let Some(hardest) = columns.first() {
        let _ = writeln!(
            out,
            "<div><dt>Hardest exercise</dt><dd><a href=\"#e-{0}\">{0}</a>: {1} passed</dd></div>",
            markup(&hardest.exercise.name),
            percent(hardest.passed() as u64, class.len() as u64)
        );
    }
    out.push_str("</dl>\n");
    let unchecked = columns
        .iter()
        .filter(|c| {
            class
                .iter()
                .any(|(_, g)| g.results[c.at].1.miri == MiriCheck::Skipped)
        })
        .count();
    if unchecked > 0 {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} passed without a check for undefined behaviour: {}.</p>",
            plural(unchecked, "exercise"),
            markup(super::MIRI_MISSING)
        );
    }
}

fn heat_map(out: &mut String, class: &[(String, Graded<'_>)], columns: &[Column<'_>]) {
    out.push_str(
        "<section id=\"map\">\n<h2>Students × exercises</h2>\n<p>The hardest exercises first. \
         Each cell links to the student's verdict and what went wrong.</p>\n",
    );
    legend(out);
    out.push_str(
        "<div class=\"scroll\">\n<table id=\"heatmap\" class=\"map\">\n\
         <caption>Each student's verdict on each exercise, hardest exercise first</caption>\n\
         <thead><tr><th scope=\"col\">Student</th>",
    );
    for c in columns {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"ex\"><a href=\"#e-{0}\" title=\"Q{1} {0}\"><span>{0}\
             </span></a></th>",
            markup(&c.exercise.name),
            c.exercise.question
        );
    }
    out.push_str("<th scope=\"col\">Points</th></tr></thead>\n<tbody>\n");
    for (i, (name, graded)) in class.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#s{}\">{}</a></th>",
            i + 1,
            markup(name)
        );
        for c in columns {
            let (exercise, outcome) = graded.results[c.at];
            let _ = write!(
                out,
                "<td class=\"v {0}\"><a href=\"#s{1}-{2}\" title=\"{3}, {4}: {5}\">\
                 <span aria-hidden=\"true\">{6}</span><span class=\"sr\">{5}</span></a></td>",
                outcome.status.code(),
                i + 1,
                markup(&exercise.name),
                attr(name),
                attr(&exercise.name),
                outcome.status.label(),
                symbol(outcome.status)
            );
        }
        let (earned, possible) = graded.points();
        let _ = writeln!(
            out,
            "<td class=\"num\" style=\"{}\">{earned}/{possible}</td></tr>",
            heat(earned, possible, LIGHT)
        );
    }
    out.push_str("</tbody>\n<tfoot><tr><th scope=\"row\">Passed</th>");
    for c in columns {
        let (passed, all) = (c.passed() as u64, class.len() as u64);
        let _ = write!(
            out,
            "<td class=\"num\" style=\"{}\">{}</td>",
            heat(passed, all, LIGHT),
            percent(passed, all)
        );
    }
    out.push_str("<td></td></tr></tfoot>\n</table>\n</div>\n</section>\n");
}

fn legend(out: &mut String) {
    out.push_str("<ul class=\"legend\" aria-label=\"Legend\">");
    for status in VERDICTS {
        let _ = write!(out, "<li>{}</li>", badge(status));
    }
    out.push_str("</ul>\n");
}

fn exercises(out: &mut String, students: usize, columns: &[Column<'_>]) {
    out.push_str(
        "<section id=\"exercises\">\n<h2>Exercises, hardest first</h2>\n<table class=\"rates\">\n\
         <thead><tr><th scope=\"col\">Exercise</th><th scope=\"col\">Question</th>\
         <th scope=\"col\">Rated</th><th scope=\"col\">Passed</th><th scope=\"col\">Pass rate</th>\
         <th scope=\"col\">Did not pass</th></tr></thead>\n<tbody>\n",
    );
    for c in columns {
        let failed: Vec<String> = VERDICTS
            .iter()
            .zip(c.counts)
            .skip(1)
            .filter(|(_, n)| *n > 0)
            .map(|(status, n)| format!("{n} {}", status.label()))
            .collect();
        let _ = writeln!(
            out,
            "<tr id=\"e-{0}\"><th scope=\"row\">{0}</th><td>Q{1}</td><td>{5}</td>\
             <td class=\"num\">{2} of {students}</td><td>{3}</td><td>{4}</td></tr>",
            markup(&c.exercise.name),
            c.exercise.question,
            c.passed(),
            bar(c.passed() as u64, students as u64),
            failed.join(", "),
            c.exercise.difficulty.label()
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn questions(out: &mut String, kit: &Kit, class: &[(String, Graded<'_>)], columns: &[Column<'_>]) {
    out.push_str(
        "<section id=\"questions\">\n<h2>Questions</h2>\n<table class=\"rates\">\n\
         <thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Exercises</th>\
         <th scope=\"col\">Pass rate</th><th scope=\"col\">Students who passed them all</th>\
         </tr></thead>\n<tbody>\n",
    );
    let mut numbers: Vec<u8> = columns.iter().map(|c| c.exercise.question).collect();
    numbers.sort_unstable();
    numbers.dedup();
    for number in numbers {
        let ats: Vec<usize> = columns
            .iter()
            .filter(|c| c.exercise.question == number)
            .map(|c| c.at)
            .collect();
        let passed: usize = columns
            .iter()
            .filter(|c| c.exercise.question == number)
            .map(Column::passed)
            .sum();
        let all_of_them = class
            .iter()
            .filter(|(_, g)| ats.iter().all(|at| g.results[*at].1.passed()))
            .count();
        let title = kit.list.question(number).map_or("", |q| q.title.as_str());
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">Q{number} {}</th><td class=\"num\">{}</td><td>{}</td>\
             <td class=\"num\">{all_of_them} of {}</td></tr>",
            markup(title),
            ats.len(),
            bar(passed as u64, (ats.len() * class.len()) as u64),
            class.len()
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Each student's section: what did not pass, each with its story, then what passed, in one
/// list (a class of a hundred exercises would otherwise bury the few that matter).
fn students(out: &mut String, class: &[(String, Graded<'_>)]) {
    out.push_str("<section id=\"students\">\n<h2>Students</h2>\n");
    for (i, (name, graded)) in class.iter().enumerate() {
        let n = i + 1;
        let (earned, possible) = graded.points();
        let _ = writeln!(
            out,
            "<section class=\"student\" id=\"s{n}\">\n<h3>{} <span class=\"score\">{earned} of \
             {possible} points</span></h3>\n<p class=\"meta\">{} · <a href=\"#heatmap\">back to \
             the map</a></p>",
            markup(name),
            markup(&graded.folder()),
        );
        let (passed, not): (Vec<_>, Vec<_>) = graded.results.iter().partition(|(_, o)| o.passed());
        if !not.is_empty() {
            out.push_str(
                "<table class=\"verdicts\">\n<thead><tr><th scope=\"col\">Did not pass</th>\
                 <th scope=\"col\">Verdict</th><th scope=\"col\">Points</th></tr></thead>\n",
            );
            for (exercise, outcome) in not {
                let _ = writeln!(
                    out,
                    "<tbody id=\"s{n}-{0}\"><tr><th scope=\"row\">{0}</th><td>{1}</td>\
                     <td class=\"num\">0/{2}</td></tr><tr><td colspan=\"3\"><pre>{3}</pre></td>\
                     </tr></tbody>",
                    markup(&exercise.name),
                    badge(outcome.status),
                    exercise.points,
                    markup(&plain_capped(&text::details(
                        exercise,
                        &graded.path_of(exercise),
                        outcome
                    )))
                );
            }
            out.push_str("</table>\n");
        }
        if !passed.is_empty() {
            let _ = write!(
                out,
                "<div class=\"passed\"><h4>Passed: {} of {}</h4><ul>",
                passed.len(),
                graded.results.len()
            );
            for (exercise, outcome) in passed {
                let note = super::miri_text(&outcome.miri)
                    .map(|t| format!(" title=\"{}\"", attr(&t)))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<li id=\"s{n}-{0}\"{note}><span class=\"v pass\" aria-hidden=\"true\">{1}\
                     </span> {0}</li>",
                    markup(&exercise.name),
                    symbol(Status::Pass)
                );
            }
            out.push_str("</ul></div>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

/// A verdict's symbol, beside its word or, in the map, the word for screen readers only.
fn symbol(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::Rule => "⊘",
        Status::CompileError => "⚠",
        Status::Timeout => "◷",
        Status::Crash => "☠",
    }
}

/// A verdict in its colour, then its word: the symbol is hidden from screen readers, which read
/// the word.
fn badge(status: Status) -> String {
    format!(
        "<span class=\"v {}\" aria-hidden=\"true\">{}</span> {}",
        status.code(),
        symbol(status),
        status.label()
    )
}

/// `part` of `whole` in whole percent, rounded down: 100 only when all of it.
fn share(part: u64, whole: u64) -> Option<u64> {
    (part * 100).checked_div(whole)
}

/// [`share`] as text.
fn percent(part: u64, whole: u64) -> String {
    share(part, whole).map_or_else(|| "–".to_owned(), |p| format!("{p}%"))
}

/// A background from red (none) through yellow to green (all), `lightness` percent light.
fn heat(part: u64, whole: u64, lightness: u8) -> String {
    let share = if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    };
    format!("background:hsl({:.0} 65% {lightness}%)", share * 125.0)
}

/// Light enough for dark text.
const LIGHT: u8 = 82;

/// A pass rate as a bar and its figure.
fn bar(part: u64, whole: u64) -> String {
    let width = share(part, whole).unwrap_or(0);
    format!(
        "<span class=\"bar\"><span style=\"width:{width}%;{}\"></span></span> {}",
        heat(part, whole, 50),
        percent(part, whole)
    )
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

const CSS: &str = r#"
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: var(--ink);
  background: #f6f8fa; }
header, main { max-width: 1400px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; }
h3 { font-size: 17px; margin: 0 0 4px; }
a { color: #0550ae; }
.meta { color: var(--muted); margin: 0 0 12px; }
.note { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; }
.cards div { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 10px 16px; min-width: 180px; }
.cards dt { color: var(--muted); font-size: 13px; }
.cards dd { margin: 0; font-size: 20px; font-weight: 600; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; }
caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: bottom; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.map th[scope="row"] { position: sticky; left: 0; background: #fff; white-space: nowrap;
  max-width: 16em; overflow: hidden; text-overflow: ellipsis; }
.map th.ex { vertical-align: bottom; padding: 6px 2px; }
.map th.ex span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  font-weight: 500; }
.map td.v { padding: 0; text-align: center; min-width: 2.2em; }
.map td.v a { display: block; padding: 4px 0; color: inherit; text-decoration: none;
  font-size: 17px; }
.map td.v a:hover, .map td.v a:focus { outline: 3px solid #0969da; outline-offset: -3px; }
.map tfoot td { font-size: 12px; text-align: center; padding: 4px 2px; }
.v { color: #fff; font-weight: 700; }
span.v { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 4px; }
.pass { background: #1a7f37; }
.fail { background: #cf222e; }
.rule_broken { background: #bc4c00; }
.compile_error { background: #82071e; }
.timeout { background: #7d4e00; }
.crash { background: #6639ba; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0;
  margin: 8px 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
.rates td, .rates th { white-space: nowrap; }
.bar { display: inline-block; width: 120px; height: 12px; background: #eef1f4;
  border: 1px solid var(--line); border-radius: 3px; vertical-align: middle; }
.bar span { display: block; height: 100%; }
.student { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 12px 16px; margin: 0 0 16px; }
.score { color: var(--muted); font-weight: 400; font-size: 15px; }
.passed h4 { font-size: 14px; margin: 10px 0 4px; color: var(--muted); font-weight: 600; }
.passed ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0;
  padding: 0; }
.passed li:target { outline: 3px solid #0969da; outline-offset: 2px; }
.verdicts { width: 100%; table-layout: fixed; }
.verdicts thead th:first-child { width: 18em; }
.verdicts thead th:nth-child(2) { width: 12em; }
.verdicts th[scope="row"] { font-weight: 500; overflow-wrap: anywhere; }
.verdicts .num { text-align: left; }
.verdicts tbody:target { outline: 3px solid #0969da; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; max-height: 30em; overflow-y: auto; }
"#;

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;
    use crate::kit::Source;
    use crate::outcome::{Note, Outcome};

    fn outcome(status: Status) -> Outcome {
        Outcome {
            status,
            ..Outcome::missing(Note::NoHiddenTests)
        }
    }

    /// `kit`'s exercises graded for each student by a row of statuses, in kit order.
    fn class<'a>(
        kit: &'a Kit,
        source: &'a Source,
        rows: &'a [(&str, Vec<Outcome>)],
    ) -> Vec<(String, Graded<'a>)> {
        rows.iter()
            .map(|(name, outcomes)| {
                let graded = Graded {
                    kit,
                    source,
                    results: kit.list.exercises().iter().zip(outcomes).collect(),
                };
                ((*name).to_owned(), graded)
            })
            .collect()
    }

    #[test]
    fn the_hardest_exercise_comes_first_and_ties_keep_the_kit_order() {
        let kit = Kit::for_test(
            ["a", "b", "c", "d"]
                .map(|n| Exercise::for_test(n, 1))
                .to_vec(),
        );
        let (pass, fail) = (Status::Pass, Status::Fail);
        let rows = [
            ("ana", [pass, pass, pass, fail].map(outcome).to_vec()),
            ("ben", [pass, fail, pass, fail].map(outcome).to_vec()),
            ("cy", [fail, fail, pass, pass].map(outcome).to_vec()),
        ];
        let class = class(&kit, &Source::Learner, &rows);
        let order: Vec<&str> = columns(&class)
            .iter()
            .map(|c| c.exercise.name.as_str())
            .collect();
        assert_eq!(order, ["b", "d", "a", "c"]);
    }

    #[test]
    fn what_students_wrote_is_escaped_and_ids_are_made_of_numbers() {
        let kit = Kit::for_test(vec![Exercise::for_test("borrow", 1)]);
        let broken = Outcome {
            diagnostics: "expected `Vec<&str>`, found \"</pre><script>\"".to_owned(),
            ..outcome(Status::CompileError)
        };
        let rows = [("<b>bob</b> & \"co\"", vec![broken])];
        let html = render(
            &kit,
            &class(&kit, &Source::Learner, &rows),
            UNIX_EPOCH + Duration::from_secs(86_400),
        );
        assert!(html.contains("<title>kit class report, 1970-01-02 00:00 UTC</title>"));
        assert!(html.contains("<a href=\"#s1\">&lt;b&gt;bob&lt;/b&gt; &amp; \"co\"</a>"));
        assert!(html.contains("title=\"&lt;b&gt;bob&lt;/b&gt; &amp; &quot;co&quot;, borrow"));
        assert!(
            html.contains("expected `Vec&lt;&amp;str&gt;`, found \"&lt;/pre&gt;&lt;script&gt;\"")
        );
        assert!(html.contains("<tbody id=\"s1-borrow\">"));
        assert!(!html.contains("<b>") && !html.contains("<script"), "{html}");
    }

    #[test]
    fn a_class_of_no_one_is_still_a_page_that_says_so() {
        let kit = Kit::for_test(vec![Exercise::for_test("borrow", 1)]);
        let html = render(&kit, &[], UNIX_EPOCH);
        assert!(html.contains("<p>No submissions were graded.</p>"));
        assert!(html.ends_with("</html>\n"));
    }

    #[test]
    fn a_rate_is_rounded_down_so_that_100_percent_means_everyone() {
        assert_eq!(percent(199, 200), "99%");
        assert_eq!(percent(200, 200), "100%");
        assert_eq!(percent(0, 0), "–");
    }
}
