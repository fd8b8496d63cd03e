//! The class gradebook: a CSV with a header row (`student`, one column per exercise, `total`) and
//! one row per student with the points earned.

use super::Graded;

pub fn render(students: &[(String, Graded<'_>)]) -> anyhow::Result<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["student".to_owned()];
    if let Some((_, first)) = students.first() {
        header.extend(first.results.iter().map(|(e, _)| e.name.clone()));
    }
    header.push("total".to_owned());
    out.write_record(&header)?;
    for (student, graded) in students {
        let mut row = vec![student.clone()];
        row.extend(
            graded
                .results
                .iter()
                .map(|(e, o)| if o.passed() { e.points } else { 0 }.to_string()),
        );
        row.push(graded.points().0.to_string());
        out.write_record(&row)?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}
