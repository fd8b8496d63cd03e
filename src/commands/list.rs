//! `rustprep list`: the exercises grouped by question, with done/pending and a progress line.

use anyhow::Result;
use colored::Colorize;

use super::Exit;
use crate::kit::Kit;
use crate::progress;
use crate::state::State;

pub fn list(kit: &Kit, state: &State) -> Result<Exit> {
    let current = state.current_index(kit);
    let exercises = kit.list.exercises();
    for question in kit.list.questions() {
        println!(
            "{}",
            format!("Q{} {}", question.number, question.title).bold()
        );
        for (i, e) in exercises
            .iter()
            .enumerate()
            .filter(|(_, e)| e.question == question.number)
        {
            let mark = if state.done.contains(&e.name) {
                "✓".green()
            } else {
                "·".normal()
            };
            let arrow = if i == current { "→" } else { " " };
            println!(
                "  {arrow} {mark} {:<34} {:<8} {}",
                e.name,
                e.difficulty.label(),
                kit.display_path(&kit.exercise_file(e)).dimmed()
            );
        }
    }
    let done = exercises
        .iter()
        .filter(|e| state.done.contains(&e.name))
        .count();
    println!("\n{}", progress::bar_line(done, exercises.len(), 80));
    Ok(Exit::Ok)
}
