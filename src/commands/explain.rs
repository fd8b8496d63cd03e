//! `rustprep explain`: the model answer of an exercise's question (default: the current one's),
//! printed whole, for reading at leisure or in a pager (filled to the terminal's width on one).
//! It gives fixes away, so it says so first when the exercise is not done.

use anyhow::Result;
use colored::Colorize;

use super::{Exit, pick};
use crate::kit::Kit;
use crate::state::State;
use crate::tui::reflow;

pub fn explain(kit: &Kit, state: &State, name: Option<&str>) -> Result<Exit> {
    let exercise = &kit.list.exercises()[pick(kit, state, name)?];
    let Some(question) = kit.list.question(exercise.question) else {
        anyhow::bail!("question {} is not in info.toml", exercise.question);
    };
    println!(
        "{}",
        format!("Question {}: {}", question.number, question.title).bold()
    );
    println!("{}\n", reflow::for_stdout(question.ask.trim()));
    if !state.done.contains(&exercise.name) {
        let warning = format!(
            "(You have not solved {} yet: the answer may give its fix away.)",
            exercise.name
        );
        println!("{}\n", reflow::for_stdout(&warning).yellow());
    }
    println!(
        "{}\n{}",
        "A model answer".bold(),
        reflow::for_stdout(question.answer.trim())
    );
    Ok(Exit::Ok)
}
