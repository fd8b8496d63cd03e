//! `rustprep new`: scaffold an exercise (its file, solution, hidden tests and info.toml entry)
//! for an instructor to fill in. Nothing that exists is overwritten; if the new info.toml would
//! not load, every file is put back as it was.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::Exit;
use crate::atomic_file;
use crate::info_file;
use crate::kit::{INFO_FILE, Kit};

pub fn new(kit: &Kit, name: &str, question: u8) -> Result<Exit> {
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
            kit.root.join("exercises").join(&rel),
            exercise_text(question, &q.title),
        ),
        (kit.root.join("solutions").join(&rel), SOLUTION.to_owned()),
        (kit.root.join("tests").join(&rel), TESTS.to_owned()),
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
    if let Err(e) = info_file::parse(&kit.root, Path::new(INFO_FILE), &new_info) {
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
         rustprep verify {name}            (must fail)\n  \
         rustprep verify --solutions {name}  (must pass)"
    );
    Ok(Exit::Ok)
}

fn entry(name: &str, question: u8, rel: &Path) -> String {
    format!(
        "[[exercises]]\nname = \"{name}\"\nquestion = {question}\npath = \"{}\"\nmode = \"test\"\n\
         hint = \"\"\"TODO: a hint that points the way without giving the answer.\"\"\"\n",
        rel.display()
    )
}

/// Puts the entry after the question's last exercise: before the first `[[questions]]` or
/// `[[exercises]]` header that belongs to a later question (with the comments just above it),
/// or at the end of the file.
fn insert_entry(info: &str, kit: &Kit, question: u8, entry: &str) -> String {
    let lines: Vec<&str> = info.lines().collect();
    let mut exercise_no = 0;
    let mut question_no = 0;
    let mut insert_at = lines.len();
    for (i, line) in lines.iter().enumerate() {
        let later = match line.trim() {
            "[[exercises]]" => {
                exercise_no += 1;
                kit.list
                    .exercises()
                    .get(exercise_no - 1)
                    .is_some_and(|e| e.question > question)
            }
            "[[questions]]" => {
                question_no += 1;
                kit.list
                    .questions()
                    .get(question_no - 1)
                    .is_some_and(|q| q.number > question)
            }
            _ => false,
        };
        if later {
            insert_at = i;
            while insert_at > 0 && lines[insert_at - 1].trim_start().starts_with('#') {
                insert_at -= 1;
            }
            break;
        }
    }
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

fn exercise_text(question: u8, title: &str) -> String {
    format!(
        "// Question {question}: {title}\n//\n\
         // TODO: say what the learner must do here, without giving the answer away.\n\n\
         fn answer() -> u32 {{\n    // TODO: broken on purpose; the hidden tests expect 42.\n    0\n}}\n"
    )
}

const SOLUTION: &str = "// TODO: the exercise, fixed by a small idiomatic change.\n\n\
                        fn answer() -> u32 {\n    42\n}\n";

const TESTS: &str =
    "use super::*;\n\n#[test]\nfn gives_the_answer() {\n    assert_eq!(answer(), 42);\n}\n";
