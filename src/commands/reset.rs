//! `rustprep reset`: put an exercise back as shipped, after asking (unless `--yes`).

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, bail};

use super::Exit;
use crate::kit::Kit;
use crate::shipped;
use crate::state::State;

pub fn reset(kit: &Kit, name: &str, yes: bool) -> Result<Exit> {
    let exercise = kit.list.get(name)?;
    let path = kit.display_path(&kit.exercise_file(exercise));
    if !yes {
        if !std::io::stdin().is_terminal() {
            bail!("refusing to overwrite {path} without confirmation: pass --yes");
        }
        print!("Reset {path} to the shipped version? Your changes to it will be lost. [y/N] ");
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            println!("Left {path} as it is.");
            return Ok(Exit::Ok);
        }
    }
    shipped::restore(kit, exercise)?;
    State::update(kit, |state| state.mark(&exercise.name, false))?;
    println!("{path} is back as shipped.");
    Ok(Exit::Ok)
}
