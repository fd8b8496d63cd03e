//! The class gradebook: a CSV with a header row (`student`, one column per exercise, `total`) and
//! one row per student with the points earned.
//!
//! A cell that a spreadsheet would take as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
//! a carriage return) is written with a `'` in front, as OWASP's rule on CSV injection says: a
//! student's folder name is theirs to choose, and the gradebook is opened by their instructor.

use super::Graded;

/// Each student by the name the gradebook gives them (see [`crate::escape::name`]).
pub fn render(students: &[(String, Graded<'_>)]) -> anyhow::Result<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["student".to_owned()];
    if let Some((_, first)) = students.first() {
        header.extend(first.results.iter().map(|(e, _)| e.name.clone()));
    }
    header.push("total".to_owned());
    out.write_record(header.iter().map(|c| cell(c)))?;
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

/// `text` as a cell no spreadsheet runs as a formula.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_a_formula_get_a_quote_and_others_do_not() {
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(formula), format!("'{formula}"));
        }
        for plain in ["alice", "7", "a=b", "'quoted", ""] {
            assert_eq!(cell(plain), plain);
        }
    }
}
