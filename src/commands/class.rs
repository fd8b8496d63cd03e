//! The class folder that `verify --submissions` grades: one student's submission per folder in
//! it. Each student gets a name of their own for the gradebook's row and the terminal (their
//! folder's name, escaped: see [`crate::escape`]) and a report file of their own, even when two
//! folder names differ only by bytes that are not UTF-8 or by case. What is in the class folder
//! but is not a folder is reported, not skipped in silence; hidden entries (`.git`) are skipped.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::escape;
use crate::file_kind;
use crate::kit::Source;

pub struct Student {
    /// The folder's name, escaped: what the gradebook and the terminal show.
    pub name: String,
    /// The file name of the student's JSON report, unique in the class even on a file system
    /// that ignores case.
    pub report: String,
    pub source: Source,
}

pub struct Class {
    /// In the order of their names.
    pub students: Vec<Student>,
    /// What the instructor should know: entries that are not graded, names that look alike.
    pub warnings: Vec<String>,
}

pub fn read(dir: &Path) -> Result<Class> {
    let mut students = Vec::new();
    let mut warnings = Vec::new();
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("failed to read {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("failed to read {}", dir.display()))?;
        let raw = entry.file_name();
        if raw.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let name = escape::name(&raw);
        let path = entry.path();
        match file_kind::of(&path) {
            file_kind::Kind::Folder => students.push(Student {
                name,
                report: String::new(),
                source: Source::Folder(path),
            }),
            kind => warnings.push(format!(
                "{}/{name} is {}, not a student's folder: it is not graded",
                escape::text(&dir.display().to_string()),
                kind.describe()
            )),
        }
    }
    if students.is_empty() {
        bail!("{} holds no submission folders", dir.display());
    }
    students.sort_by(|a, b| a.name.cmp(&b.name));
    let mut taken: HashSet<String> = HashSet::new();
    for i in 0..students.len() {
        let stem = students[i].name.clone();
        let mut report = format!("{stem}.json");
        let mut n = 2;
        while !taken.insert(report.to_lowercase()) {
            report = format!("{stem}~{n}.json");
            n += 1;
        }
        if let Some(other) = students[..i]
            .iter()
            .find(|s| s.name.to_lowercase() == stem.to_lowercase())
        {
            warnings.push(format!(
                "the folders `{}` and `{stem}` differ only in case: their reports are {} and {report}",
                other.name, other.report
            ));
        }
        students[i].report = report;
    }
    Ok(Class { students, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_reported_and_names_that_differ_in_case_get_reports_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["bob", "Bob", "alice", ".git"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        let class = read(dir.path()).unwrap();
        let names: Vec<(&str, &str)> = class
            .students
            .iter()
            .map(|s| (s.name.as_str(), s.report.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Bob", "Bob.json"),
                ("alice", "alice.json"),
                ("bob", "bob~2.json")
            ]
        );
        assert_eq!(class.warnings.len(), 2, "{:?}", class.warnings);
        assert!(
            class.warnings[0]
                .ends_with("/notes.txt is a file, not a student's folder: it is not graded")
        );
        assert!(class.warnings[1].contains("`Bob` and `bob` differ only in case"));
    }

    #[test]
    fn a_class_with_no_folders_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        let err = read(dir.path()).err().unwrap();
        assert!(
            err.to_string().contains("holds no submission folders"),
            "{err}"
        );
    }
}
