//! `rustprep run`: check one exercise, show the result, and mark it done when it passes.

use anyhow::Result;
use colored::Colorize;

use super::{Exit, pick};
use crate::kit::{Kit, Source};
use crate::report;
use crate::runner::{self, RunEnd, RunOptions};
use crate::state::State;
use crate::supervise::Cancel;

pub fn run(kit: &Kit, mut state: State, name: Option<&str>) -> Result<Exit> {
    let index = pick(kit, &state, name)?;
    let exercise = &kit.list.exercises()[index];
    let path = kit.display_path(&kit.exercise_file(exercise));
    eprintln!("{} {} ({path})", "Checking".bold(), exercise.name);
    let end = runner::run(
        kit,
        &Source::Learner,
        &[index],
        &RunOptions::default(),
        &Cancel::default(),
        &|_| {},
    )?;
    let RunEnd::Done(results) = end else {
        anyhow::bail!("the run was cancelled");
    };
    let outcome = &results[0].1;
    print!("{}", report::details(exercise, &path, outcome));
    state.mark(&exercise.name, outcome.passed());
    if outcome.passed() && state.current.as_deref() == Some(exercise.name.as_str()) {
        state.current = None;
    }
    state.save(kit)?;
    Ok(if outcome.passed() {
        Exit::Ok
    } else {
        Exit::Failed
    })
}
