//! The class gradebook: a CSV with a header row (`student`, one column per exercise, `total`) and
//! one row per student with the points earned, in the order of the students' names; and the
//! merge of the gradebooks of a class graded in shares (`verify --partition`) into the one a
//! whole run writes, byte for byte.
//!
//! A cell that a spreadsheet would take as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
//! a carriage return) is written with a `'` in front, as OWASP's rule on CSV injection says: a
//! student's folder name is theirs to choose, and the gradebook is opened by their instructor. A
//! cell that starts with `'` gets one more, so that two names never make the same cell and the
//! merge can read each name back.

use std::collections::HashMap;

use anyhow::{Context, Result, bail};

use super::Graded;
use crate::exercise::Exercise;

/// The gradebook of `exercises` (its columns, in kit order, whether or not any student was
/// graded), each student by the name the gradebook gives them (see [`crate::escape::name`]).
pub fn render(exercises: &[&Exercise], students: &[(String, Graded<'_>)]) -> Result<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = std::iter::once("student")
        .chain(exercises.iter().map(|e| e.name.as_str()))
        .chain(["total"]);
    out.write_record(header.map(cell))?;
    for (student, graded) in students {
        let mut row = vec![student.clone()];
        row.extend(
            graded
                .results
                .iter()
                .map(|(e, o)| if o.passed() { e.points } else { 0 }.to_string()),
        );
        row.push(graded.points().0.to_string());
        out.write_record(row.iter().map(|c| cell(c)))?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}

/// One gradebook to merge: how to name it in an error (its path), and its text.
pub struct Share<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// A merged gradebook, and how many students it holds.
pub struct Merged {
    pub csv: String,
    pub students: usize,
}

/// The gradebooks of a class's shares, given in any order, as one: the header they all have,
/// then every row in the order of the students' names, as a whole run writes them. An error,
/// naming the file, when one is not a gradebook, when its columns differ from the first's (another
/// kit, or other exercises), or when a student is in two of them.
pub fn merge(shares: &[Share<'_>]) -> Result<Merged> {
    let mut header: Option<(csv::StringRecord, &str)> = None;
    let mut rows: Vec<(String, csv::StringRecord)> = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for share in shares {
        let mut records = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(share.text.as_bytes())
            .into_records();
        let columns = records
            .next()
            .with_context(|| {
                format!(
                    "{} is empty: a gradebook starts with its columns",
                    share.name
                )
            })?
            .with_context(|| format!("{} is not a CSV gradebook", share.name))?;
        if columns.len() < 2 || &columns[0] != "student" || &columns[columns.len() - 1] != "total" {
            bail!(
                "{} is not a gradebook of rustprep's: its first row is `{}`, not \
                 `student,<exercises>,total`",
                share.name,
                line(&columns)
            );
        }
        match &header {
            None => header = Some((columns, share.name)),
            Some((first, first_name)) if *first != columns => bail!(
                "{}'s columns differ from {first_name}'s: were they graded with the same kit and \
                 the same exercises?\n  {first_name}: {}\n  {}: {}",
                share.name,
                line(first),
                share.name,
                line(&columns)
            ),
            Some(_) => {}
        }
        for record in records {
            let row = record.with_context(|| format!("{} is not a CSV gradebook", share.name))?;
            let student = uncell(&row[0]).to_owned();
            if let Some(other) = seen.insert(student.clone(), share.name) {
                bail!(
                    "the student `{}` is in {other} and again in {}: a class's shares hold each \
                     student once (is a file given twice, or are two shares of different classes?)",
                    &row[0],
                    share.name
                );
            }
            rows.push((student, row));
        }
    }
    let (header, _) = header.context("no gradebook to merge")?;
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header)?;
    for (_, row) in &rows {
        out.write_record(row)?;
    }
    Ok(Merged {
        csv: String::from_utf8(out.into_inner()?)?,
        students: rows.len(),
    })
}

/// A record as its cells joined by commas, for an error.
fn line(record: &csv::StringRecord) -> String {
    record.iter().collect::<Vec<_>>().join(",")
}

/// `text` as a cell no spreadsheet runs as a formula, and from which [`uncell`] gets it back.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The text that [`cell`] made `cell` of.
fn uncell(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_a_formula_or_a_quote_get_a_quote_and_others_do_not() {
        for quoted in [
            "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted", "'=1",
        ] {
            assert_eq!(cell(quoted), format!("'{quoted}"));
            assert_eq!(uncell(&cell(quoted)), quoted);
        }
        for plain in ["alice", "7", "a=b", "o'brien", ""] {
            assert_eq!(cell(plain), plain);
            assert_eq!(uncell(plain), plain);
        }
        assert_ne!(cell("=1"), cell("'=1"), "two names, two cells");
    }

    fn merged(shares: &[(&str, &str)]) -> Result<String> {
        let shares: Vec<Share<'_>> = shares
            .iter()
            .map(|&(name, text)| Share { name, text })
            .collect();
        Ok(merge(&shares)?.csv)
    }

    const HEADER: &str = "student,add_one,shout,total\n";

    #[test]
    fn rows_come_out_in_name_order_whatever_the_order_of_files_and_quotes() {
        // `(ann` sorts before `+1` as names, after it as cells (`'+1`).
        let a = format!("{HEADER}'+1,1,2,3\ndee,0,2,2\n");
        let b = format!("{HEADER}(ann,1,0,1\n\"b,c\",1,2,3\n");
        let c = HEADER.to_owned();
        let want = format!("{HEADER}(ann,1,0,1\n'+1,1,2,3\n\"b,c\",1,2,3\ndee,0,2,2\n");
        assert_eq!(merged(&[("a", &a), ("b", &b), ("c", &c)]).unwrap(), want);
        assert_eq!(merged(&[("c", &c), ("b", &b), ("a", &a)]).unwrap(), want);
        assert_eq!(merged(&[("c", &c)]).unwrap(), HEADER);
    }

    #[test]
    fn what_cannot_be_merged_is_refused_naming_the_file() {
        let a = format!("{HEADER}ann,1,2,3\n");
        let cases = [
            (
                vec![
                    ("a.csv", a.clone()),
                    ("b.csv", "student,add_one,total\nbo,1,1\n".into()),
                ],
                "b.csv's columns differ from a.csv's: were they graded with the same kit",
            ),
            (
                vec![
                    ("a.csv", a.clone()),
                    ("b.csv", format!("{HEADER}bo,1,2,3\nann,0,0,0\n")),
                ],
                "the student `ann` is in a.csv and again in b.csv",
            ),
            (
                vec![("a.csv", a.clone()), ("a.csv", a.clone())],
                "the student `ann` is in a.csv and again in a.csv",
            ),
            (
                vec![("a.csv", a.clone()), ("e.csv", String::new())],
                "e.csv is empty",
            ),
            (
                vec![("r.json", "{\"version\": 1}\n".into())],
                "r.json is not a gradebook of rustprep's: its first row is `{\"version\": 1}`",
            ),
            (
                vec![("a.csv", format!("{HEADER}ann,1,2\n"))],
                "a.csv is not a CSV gradebook",
            ),
        ];
        for (shares, says) in cases {
            let shares: Vec<(&str, &str)> = shares.iter().map(|(n, t)| (*n, t.as_str())).collect();
            let error = format!("{:#}", merged(&shares).unwrap_err());
            assert!(error.starts_with(says), "{shares:?}: {error}");
        }
    }
}
