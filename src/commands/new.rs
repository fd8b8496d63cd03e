//! `rustprep new`: scaffold an exercise (its file, solution, hidden tests and info.toml entry)
//! for an instructor to fill in. Nothing that exists is overwritten; if the new info.toml would
//! not load, every file is put back as it was.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::Exit;
use crate::atomic_file;
use crate::info_file;
use crate::invocation;
use crate::kit::Kit;
use crate::layout::{self, INFO_FILE, SCAFFOLD_MARK};

pub fn new(kit: &Kit, name: &str, question: u8) -> Result<Exit> {
    if !info_file::is_valid_name(name) {
        bail!(
            "`{name}` is not a valid exercise name: use lowercase letters, digits and underscores, starting with a letter"
        );
    }
    if kit.list.get(name).is_ok() {
        bail!("an exercise named `{name}` exists already");
    }
    let q = kit.list.question(question).with_context(|| {
        format!("question {question} is not in {INFO_FILE}; add a [[questions]] entry for it first")
    })?;
    // The question's folder: where its exercises are, else a new `NN_question` folder.
    let folder: PathBuf = kit
        .list
        .exercises()
        .iter()
        .find(|e| e.question == question)
        .and_then(|e| e.rel_path.parent().map(Path::to_owned))
        .unwrap_or_else(|| PathBuf::from(format!("{question:02}_question")));
    let rel = folder.join(format!("{name}.rs"));
    let files = [
        (
            layout::exercises_dir(&kit.root).join(&rel),
            exercise_text(question, &q.title),
        ),
        (
            layout::solutions_dir(&kit.root).join(&rel),
            SOLUTION.to_owned(),
        ),
        (layout::tests_dir(&kit.root).join(&rel), TESTS.to_owned()),
    ];
    if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
        bail!(
            "{} exists already; rustprep new never overwrites a file",
            kit.display_path(path)
        );
    }

    let info_path = kit.root.join(INFO_FILE);
    let old_info = std::fs::read_to_string(&info_path)
        .with_context(|| format!("failed to read {}", info_path.display()))?;
    let new_info = insert_entry(&old_info, kit, question, &entry(name, question, &rel));

    for (path, text) in &files {
        atomic_file::write(path, text.as_bytes())?;
    }
    atomic_file::write(&info_path, new_info.as_bytes())?;
    let kind = |rel: &Path| crate::file_kind::of(&layout::exercises_dir(&kit.root).join(rel));
    if let Err(e) = info_file::parse(Path::new(INFO_FILE), &new_info, &kind, &mut |_| None) {
        atomic_file::write(&info_path, old_info.as_bytes())?;
        for (path, _) in &files {
            let _ = std::fs::remove_file(path);
        }
        bail!("the new entry made {INFO_FILE} invalid, so nothing was changed:\n{e}");
    }
    for (path, _) in &files {
        println!("created {}", kit.display_path(path));
    }
    println!("added `{name}` to {INFO_FILE} under question {question}");
    println!(
        "Next: write the exercise, its solution and its hidden tests, then check with\n  \
         {}   (must fail)\n  \
         {}   (must pass, and checks the kit)\n\
         When you change an exercise after rustprep has seen it, delete .rustprep/shipped/ so that\n\
         it keeps the new version as shipped (see CONTRIBUTING.md).",
        invocation::command(&format!("verify {name}")),
        invocation::command(&format!("verify --solutions {name}"))
    );
    Ok(Exit::Ok)
}

fn entry(name: &str, question: u8, rel: &Path) -> String {
    format!(
        "[[exercises]]\nname = \"{name}\"\nquestion = {question}\npath = \"{}\"\nmode = \"test\"\ndifficulty = \"fair\"\n\
         hint = \"\"\"TODO: a hint that points the way without giving the answer.\"\"\"\n",
        rel.display()
    )
}

/// Puts the entry right after the question's last exercise: before the next table header (with
/// the comments just above it), or at the end of the file. A question with no exercise yet gets
/// it before the first exercise of a later question (and before the `[[questions]]` entries of
/// later questions just above that), else at the end. This holds whether info.toml declares each
/// question just before its exercises or all the questions first.
fn insert_entry(info: &str, kit: &Kit, question: u8, entry: &str) -> String {
    let of_exercises: Vec<u8> = kit.list.exercises().iter().map(|e| e.question).collect();
    let numbers: Vec<u8> = kit.list.questions().iter().map(|q| q.number).collect();
    insert_entry_at(info, &of_exercises, &numbers, question, entry)
}

/// A table header of info.toml, by what it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// The n-th `[[exercises]]` entry.
    Exercise(usize),
    /// The n-th `[[questions]]` entry.
    Question(usize),
    Other,
}

/// `of_exercises`: each exercise's question, in file order; `numbers`: each question's number,
/// in file order.
fn insert_entry_at(
    info: &str,
    of_exercises: &[u8],
    numbers: &[u8],
    question: u8,
    entry: &str,
) -> String {
    let lines: Vec<&str> = info.lines().collect();
    let headers = headers(&lines);
    let above_comments = |mut at: usize| {
        while at > 0 && lines[at - 1].trim_start().starts_with('#') {
            at -= 1;
        }
        at
    };
    let header_of = |exercise: usize| {
        headers
            .iter()
            .position(|&(_, h)| h == Header::Exercise(exercise))
    };
    let later_question = |h: Header| match h {
        Header::Question(n) => numbers.get(n).is_some_and(|&number| number > question),
        _ => false,
    };
    let insert_at = match of_exercises.iter().rposition(|&q| q == question) {
        Some(last) => header_of(last)
            .and_then(|h| headers.get(h + 1))
            .map_or(lines.len(), |&(line, _)| above_comments(line)),
        None => match of_exercises
            .iter()
            .position(|&q| q > question)
            .and_then(header_of)
        {
            Some(mut h) => {
                while h > 0 && later_question(headers[h - 1].1) {
                    h -= 1;
                }
                above_comments(headers[h].0)
            }
            None => lines.len(),
        },
    };
    let mut out: Vec<String> = lines[..insert_at].iter().map(|l| l.to_string()).collect();
    if out.last().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
    out.extend(entry.lines().map(str::to_owned));
    out.push(String::new());
    out.extend(lines[insert_at..].iter().map(|l| l.to_string()));
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Every table header in `lines` (not counting lines inside multi-line strings, such as a
/// hint): its line number and what it opens.
fn headers(lines: &[&str]) -> Vec<(usize, Header)> {
    let (mut exercises, mut questions) = (0, 0);
    let mut open: Option<&str> = None;
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let table = if open.is_none() { header(line) } else { None };
        if let Some((array, name)) = table {
            let kind = match (array, name) {
                (true, "exercises") => {
                    exercises += 1;
                    Header::Exercise(exercises - 1)
                }
                (true, "questions") => {
                    questions += 1;
                    Header::Question(questions - 1)
                }
                _ => Header::Other,
            };
            found.push((i, kind));
            continue;
        }
        // Follow the multi-line strings (`"""` or `'''`) this line opens or closes.
        let mut rest = *line;
        loop {
            let next = match open {
                Some(quote) => rest.find(quote).map(|at| (at, quote)),
                None => ["\"\"\"", "'''"]
                    .into_iter()
                    .filter_map(|q| rest.find(q).map(|at| (at, q)))
                    .min(),
            };
            let Some((at, quote)) = next else { break };
            open = if open.is_some() { None } else { Some(quote) };
            rest = &rest[at + quote.len()..];
        }
    }
    found
}

/// A table header line's name, and whether it opens an array of tables (`[[name]]`).
fn header(line: &str) -> Option<(bool, &str)> {
    let code = line.split('#').next().unwrap_or_default().trim();
    let inner = code.strip_prefix('[')?.strip_suffix(']')?;
    let (array, inner) = match inner.strip_prefix('[').and_then(|i| i.strip_suffix(']')) {
        Some(inner) => (true, inner),
        None => (false, inner),
    };
    let name = inner.trim();
    let is_key = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
    is_key.then_some((array, name))
}

fn exercise_text(question: u8, title: &str) -> String {
    format!(
        "// Question {question}: {title}\n//\n\
         // TODO: say what the learner must do here, without giving the answer away.\n\n\
         fn answer() -> u32 {{\n    // {SCAFFOLD_MARK}\n    0\n}}\n"
    )
}

const SOLUTION: &str = "// TODO: the exercise, fixed by a small idiomatic change.\n\n\
                        fn answer() -> u32 {\n    42\n}\n";

const TESTS: &str =
    "use super::*;\n\n#[test]\nfn gives_the_answer() {\n    assert_eq!(answer(), 42);\n}\n";

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "[[exercises]]\nname = \"new\"\n";

    /// Each exercise's name, in the order of the text.
    fn names(info: &str) -> Vec<String> {
        let table: toml::Table = info.parse().unwrap();
        table["exercises"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect()
    }

    const INTERLEAVED: &str = "format_version = 1\n\n\
        [[questions]]\nnumber = 1\n\n\
        [[exercises]]\nname = \"a\"\n\n\
        [[exercises]]\nname = \"b\"\nhint = \"\"\"\n[[exercises]]\n\"\"\"\n\n\
        # The second question.\n\
        [[questions]]\nnumber = 2\n\n\
        [[exercises]]\nname = \"c\"\n";

    const QUESTIONS_FIRST: &str = "format_version = 1\n\n\
        [[questions]]\nnumber = 1\n\n\
        [[questions]]\nnumber = 2\n\n\
        [[questions]]\nnumber = 3\n\n\
        [[exercises]]\nname = \"a\"\n\n\
        [[exercises]]\nname = \"b\"\n\n\
        # Question 3 starts here.\n\
        [[exercises]]\nname = \"c\"\n";

    #[test]
    fn goes_after_the_questions_last_exercise_when_questions_are_interleaved() {
        let out = insert_entry_at(INTERLEAVED, &[1, 1, 2], &[1, 2], 1, ENTRY);
        assert_eq!(names(&out), ["a", "b", "new", "c"]);
        // Before the next question and the comment that belongs to it.
        assert!(
            out.contains("\"\"\"\n\n[[exercises]]\nname = \"new\"\n\n# The second question."),
            "{out}"
        );
        let out = insert_entry_at(INTERLEAVED, &[1, 1, 2], &[1, 2], 2, ENTRY);
        assert_eq!(names(&out), ["a", "b", "c", "new"]);
        assert!(out.starts_with(INTERLEAVED), "{out}");
    }

    #[test]
    fn goes_after_the_questions_last_exercise_when_questions_come_first() {
        let out = insert_entry_at(QUESTIONS_FIRST, &[1, 1, 3], &[1, 2, 3], 1, ENTRY);
        assert_eq!(names(&out), ["a", "b", "new", "c"]);
        assert!(
            out.contains("name = \"new\"\n\n# Question 3 starts here.\n[[exercises]]"),
            "{out}"
        );
        // Question 2 has no exercise yet: between question 1's and question 3's.
        let out = insert_entry_at(QUESTIONS_FIRST, &[1, 1, 3], &[1, 2, 3], 2, ENTRY);
        assert_eq!(names(&out), ["a", "b", "new", "c"]);
    }

    #[test]
    fn a_question_without_exercises_goes_before_later_questions() {
        // Question 2 is declared, with no exercise, between question 1's and question 3's.
        let info = "format_version = 1\n\n\
            [[questions]]\nnumber = 1\n\n\
            [[exercises]]\nname = \"a\"\n\n\
            [[questions]]\nnumber = 2\n\n\
            [[questions]]\nnumber = 3\n\n\
            [[exercises]]\nname = \"c\"\n";
        let out = insert_entry_at(info, &[1, 3], &[1, 2, 3], 2, ENTRY);
        assert_eq!(names(&out), ["a", "new", "c"]);
        assert!(
            out.contains(
                "number = 2\n\n[[exercises]]\nname = \"new\"\n\n[[questions]]\nnumber = 3"
            ),
            "{out}"
        );
    }

    #[test]
    fn headers_inside_multi_line_strings_are_not_headers() {
        let lines: Vec<&str> = INTERLEAVED.lines().collect();
        let kinds: Vec<Header> = headers(&lines).into_iter().map(|(_, h)| h).collect();
        assert_eq!(
            kinds,
            [
                Header::Question(0),
                Header::Exercise(0),
                Header::Exercise(1),
                Header::Question(1),
                Header::Exercise(2),
            ]
        );
        assert_eq!(
            header("[[ exercises ]]  # a comment"),
            Some((true, "exercises"))
        );
        assert_eq!(header("[dependencies]"), Some((false, "dependencies")));
        assert_eq!(header("[1, 2]"), None);
    }
}
