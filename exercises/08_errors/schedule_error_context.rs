// Question 8: How do we handle errors in Rust?
//
// A small job scheduler reads lines such as "backup every 30" (run `backup` every 30
// minutes); blank lines and lines starting with '#' are skipped. `load_schedule`
// returns `Box<dyn Error>`, as the top of a program often does: `?` converts any error
// type into it, and `main` can return it.
//
// That convenience has a price. When line 57 of a long file says "every 3O" (a letter O),
// the user is told only "invalid digit found in string". Which line? Which job? The
// `ScheduleError` type below carries that context and keeps the parse error as its
// `source()`, but nothing ever creates one.
//
// Make a bad interval come back as a `ScheduleError` (callers downcast to it) so that
// `report` prints the whole story, for example:
//     line 2: bad interval for job `backup`: invalid digit found in string

use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug, PartialEq)]
struct Job {
    name: String,
    every_minutes: u32,
}

#[derive(Debug)]
struct ScheduleError {
    /// 1-based, as editors number lines.
    line: usize,
    job: String,
    source: ParseIntError,
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: bad interval for job `{}`", self.line, self.job)
    }
}

impl Error for ScheduleError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

fn load_schedule(text: &str) -> Result<Vec<Job>, Box<dyn Error>> {
    let mut jobs = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, minutes)) = line.split_once(" every ") else {
            // A `String` converts into a `Box<dyn Error>` too.
            return Err(format!("line {}: expected `NAME every MINUTES`", index + 1).into());
        };
        // TODO: this error says what went wrong, but not where.
        let every_minutes: u32 = minutes.trim().parse()?;
        jobs.push(Job {
            name: name.trim().to_string(),
            every_minutes,
        });
    }
    Ok(jobs)
}

/// An error and each of its causes in turn, joined by ": ".
fn report(err: &dyn Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    text
}

fn main() -> Result<(), Box<dyn Error>> {
    let text = "# nightly jobs\nbackup every 3O\nrotate-logs every 1440";
    if let Err(err) = load_schedule(text) {
        eprintln!("{}", report(err.as_ref()));
    }
    // The happy path, with `?` doing the error handling.
    for job in load_schedule("backup every 30")? {
        println!("{} runs every {} minutes", job.name, job.every_minutes);
    }
    Ok(())
}
