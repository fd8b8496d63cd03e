//! What an interview leaves behind, under `answers/` at the kit root: the candidate's answer
//! files, a Markdown scorecard per interview, and `history.json`, the list of past interviews
//! that `rustprep interview --history` shows.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::rubric::{self, Coverage};
use crate::atomic_file;
use crate::exercise::Question;
use crate::kit::Kit;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuestionResult {
    pub question: u8,
    pub title: String,
    pub exercise: String,
    pub solved: bool,
    /// Time spent on the question, answer and exercise together.
    pub seconds: u64,
    pub hint_used: bool,
    /// The answer file, relative to the kit root.
    pub answer_file: String,
    /// How many of the question's rubric points the written answer mentions (none: the
    /// question has no rubric, or the interview predates rubrics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<Coverage>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Interview {
    /// When it started, RFC 3339 (UTC).
    pub started: String,
    pub seed: u64,
    pub minutes_per_question: f64,
    /// The one question asked for (`--question`), if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<u8>,
    pub results: Vec<QuestionResult>,
}

pub fn answers_dir(kit: &Kit) -> PathBuf {
    kit.root.join("answers")
}

fn history_path(kit: &Kit) -> PathBuf {
    answers_dir(kit).join("history.json")
}

/// Past interviews, oldest first. A missing file is no history; an unreadable one is an error
/// that names the file, since silently starting afresh would lose the record.
pub fn history(kit: &Kit) -> Result<Vec<Interview>> {
    let path = history_path(kit);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .with_context(|| format!("{} is not a readable interview history", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).with_context(|| format!("failed to read {}", path.display())),
    }
}

pub fn append_history(kit: &Kit, interview: &Interview) -> Result<()> {
    let mut all = history(kit)?;
    all.push(interview.clone());
    let mut json = serde_json::to_string_pretty(&all)?;
    json.push('\n');
    atomic_file::write(&history_path(kit), json.as_bytes())
}

/// The scorecard in Markdown: a table, then each question with the candidate's answer beside
/// the model answer.
pub fn scorecard(kit: &Kit, interview: &Interview) -> String {
    let mut md = String::new();
    let solved = interview.results.iter().filter(|r| r.solved).count();
    let _ = writeln!(md, "# Mock interview, {}\n", interview.started);
    let _ = writeln!(
        md,
        "{solved} of {} exercises solved; {} a question; seed {} (to repeat it: `{}`).\n",
        interview.results.len(),
        minutes(interview.minutes_per_question),
        interview.seed,
        crate::invocation::command(&format!(
            "interview --seed {} --questions {} --minutes {}{}",
            interview.seed,
            interview.results.len(),
            interview.minutes_per_question,
            interview
                .question
                .map_or_else(String::new, |q| format!(" --question {q}"))
        ))
    );
    let _ = writeln!(
        md,
        "| # | Question | Exercise | Solved | Time |\n|---|---|---|---|---|"
    );
    for r in &interview.results {
        let _ = writeln!(
            md,
            "| {} | {} | `{}` | {} | {} |",
            r.question,
            r.title,
            r.exercise,
            if r.solved { "yes" } else { "no" },
            clock(r.seconds)
        );
    }
    for r in &interview.results {
        let _ = writeln!(md, "\n## Question {}: {}\n", r.question, r.title);
        if let Some(q) = kit.list.question(r.question) {
            let _ = writeln!(md, "> {}\n", q.ask.trim().replace('\n', "\n> "));
        }
        let yours = std::fs::read_to_string(kit.root.join(&r.answer_file)).unwrap_or_default();
        let _ = writeln!(md, "### Your answer\n\n{}\n", answer_body(&yours));
        if let Some(q) = kit
            .list
            .question(r.question)
            .filter(|q| !q.rubric.is_empty())
        {
            let checked = rubric::check(&q.rubric, written(&yours));
            let c = rubric::coverage(&checked);
            let _ = writeln!(
                md,
                "### Checklist: {} of {} points\n\nWhat a strong answer says, matched on key \
                 words: a checklist, not a judge of whether what you wrote is right.\n",
                c.covered, c.of
            );
            for (point, named) in checked {
                let mark = if named { "x" } else { " " };
                let _ = writeln!(md, "- [{mark}] {}", point.point);
            }
            md.push('\n');
        }
        if let Some(q) = kit.list.question(r.question) {
            let _ = writeln!(md, "### Model answer\n\n{}\n", q.answer.trim());
        }
        let hint = if r.hint_used { ", with the hint" } else { "" };
        let verdict = if r.solved { "solved" } else { "not solved" };
        let _ = writeln!(
            md,
            "Exercise `{}`: {verdict} in {}{hint}.",
            r.exercise,
            clock(r.seconds)
        );
    }
    md
}

/// How much of `question`'s rubric the answer file `file` covers; `None` without a rubric.
pub fn rubric_coverage(question: &Question, file: &str) -> Option<Coverage> {
    (!question.rubric.is_empty())
        .then(|| rubric::coverage(&rubric::check(&question.rubric, written(file))))
}

/// What the candidate wrote below the template's marker line (all of it, without the marker).
fn written(file: &str) -> &str {
    file.split_once(ANSWER_MARKER)
        .map_or(file, |(_, after)| after)
}

/// What the candidate wrote, as the scorecard shows it.
fn answer_body(file: &str) -> String {
    let body = written(file).trim();
    if body.is_empty() {
        "(no answer written)".to_owned()
    } else {
        body.to_owned()
    }
}

pub const ANSWER_MARKER: &str = "<!-- Write your answer below this line. -->";

/// The answer file as first written: the question, then room for the answer.
pub fn answer_template(title: &str, ask: &str) -> String {
    format!(
        "# {title}\n\n> {}\n\nAnswer as you would out loud: what it is, why it matters, a short example.\n\n{ANSWER_MARKER}\n\n",
        ask.trim().replace('\n', "\n> ")
    )
}

/// "1 minute", "2.5 minutes".
fn minutes(m: f64) -> String {
    if m == 1.0 {
        "1 minute".to_owned()
    } else {
        format!("{m} minutes")
    }
}

/// `m:ss`.
pub fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Past interviews as a table, oldest first.
pub fn history_table(all: &[Interview]) -> String {
    if all.is_empty() {
        return format!(
            "No interviews yet: run `{}`.\n",
            crate::invocation::command("interview")
        );
    }
    let mut out = String::from("date                  questions  solved  time   checklist\n");
    for i in all {
        let solved = i.results.iter().filter(|r| r.solved).count();
        let seconds: u64 = i.results.iter().map(|r| r.seconds).sum();
        // The rubric points the written answers covered, over the questions that have one.
        let (covered, of) = i
            .results
            .iter()
            .filter_map(|r| r.rubric)
            .fold((0, 0), |(c, o), r| (c + r.covered, o + r.of));
        let checklist = if of == 0 {
            "-".to_owned()
        } else {
            format!("{covered}/{of}")
        };
        let _ = writeln!(
            out,
            "{:<20}  {:>9}  {:>6}  {:>5}  {:>9}",
            i.started.get(..19).unwrap_or(&i.started),
            i.results.len(),
            format!("{solved}/{}", i.results.len()),
            clock(seconds),
            checklist
        );
    }
    out
}

/// The folder of one interview's files, named for when it started (safe on every file system).
pub fn session_dir(kit: &Kit, started: &str) -> PathBuf {
    answers_dir(kit).join(started.get(..19).unwrap_or(started).replace(':', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_is_what_follows_the_marker() {
        let file = format!("{}I would say this.\n", answer_template("T", "Why?"));
        assert_eq!(answer_body(&file), "I would say this.");
        assert_eq!(
            answer_body(&answer_template("T", "Why?")),
            "(no answer written)"
        );
    }

    #[test]
    fn clock_pads_seconds() {
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(600), "10:00");
    }
}
