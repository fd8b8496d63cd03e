//! `rustprep run`: check one exercise, show the result, and mark it done when it passes.

use anyhow::Result;
use colored::Colorize;

use super::{Exit, cancel_on_signals, interrupted, pick};
use crate::kit::{Kit, Source};
use crate::report;
use crate::runner::{self, RunEnd, RunOptions};
use crate::sandbox::SandboxMode;
use crate::state::State;

pub fn run(kit: &Kit, state: &State, name: Option<&str>, sandbox: SandboxMode) -> Result<Exit> {
    let options = RunOptions {
        sandbox: super::sandbox(sandbox)?,
        ..RunOptions::default()
    };
    let index = pick(kit, state, name)?;
    let exercise = &kit.list.exercises()[index];
    let path = kit.display_path(&kit.exercise_file(exercise));
    eprintln!("{} {} ({path})", "Checking".bold(), exercise.name);
    let end = runner::run(
        kit,
        &Source::Learner,
        &[index],
        &options,
        &cancel_on_signals(),
        &|_| {},
    )?;
    let RunEnd::Done(results) = end else {
        return Ok(interrupted());
    };
    let outcome = &results[0].1;
    print!("{}", report::details(exercise, &path, outcome));
    State::update(kit, |state| {
        state.mark(&exercise.name, outcome.passed());
        if outcome.passed() && state.current.as_deref() == Some(exercise.name.as_str()) {
            state.current = None;
        }
    })?;
    Ok(if outcome.passed() {
        Exit::Ok
    } else {
        Exit::Failed
    })
}
