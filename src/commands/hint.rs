//! `rustprep hint`: the hint of an exercise. Asking for one does not change the current exercise.

use anyhow::Result;
use colored::Colorize;

use super::{Exit, pick};
use crate::kit::Kit;
use crate::state::State;
use crate::tui::reflow;

pub fn hint(kit: &Kit, state: &State, name: Option<&str>) -> Result<Exit> {
    let exercise = &kit.list.exercises()[pick(kit, state, name)?];
    println!("{} {}", "Hint for".bold(), exercise.name.bold());
    println!("{}", reflow::for_stdout(&exercise.hint));
    Ok(Exit::Ok)
}
