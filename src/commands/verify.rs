//! `rustprep verify`: check many exercises at once, in parallel, and print a table.

use std::path::PathBuf;

use anyhow::{Result, bail};
use indicatif::{ProgressBar, ProgressStyle};

use super::Exit;
use crate::kit::{Kit, Source};
use crate::report::{self, Row};
use crate::runner::{self, Event, RunEnd, RunOptions};
use crate::state::State;
use crate::supervise::Cancel;

pub struct Request {
    pub selectors: Vec<String>,
    pub solutions: bool,
    pub exercises: Option<PathBuf>,
    pub jobs: usize,
    pub verbose: bool,
}

pub fn verify(kit: &Kit, mut state: State, request: &Request) -> Result<Exit> {
    let source = match (&request.exercises, request.solutions) {
        (Some(dir), _) => {
            if !dir.is_dir() {
                bail!("{} is not a folder", dir.display());
            }
            Source::Folder(std::path::absolute(dir)?)
        }
        (None, true) => Source::Solutions,
        (None, false) => Source::Learner,
    };
    let indices = kit.list.select(&request.selectors)?;
    let bar = ProgressBar::new(indices.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30.green} {pos}/{len} {msg}")
            .expect("the template is valid"),
    );
    let on_event = |event: Event<'_>| match event {
        Event::Compiling { count } => bar.set_message(format!("compiling {count} exercises")),
        Event::Running { .. } => bar.set_message("running hidden tests"),
        Event::Finished { .. } => bar.inc(1),
    };
    let options = RunOptions {
        jobs: request.jobs.max(1),
        ..RunOptions::default()
    };
    let end = runner::run(
        kit,
        &source,
        &indices,
        &options,
        &Cancel::default(),
        &on_event,
    )?;
    bar.finish_and_clear();
    let RunEnd::Done(results) = end else {
        bail!("the run was cancelled");
    };

    let exercises = kit.list.exercises();
    if request.verbose {
        for (index, outcome) in results.iter().filter(|(_, o)| !o.passed()) {
            let e = &exercises[*index];
            println!("── {} ──", e.name);
            print!(
                "{}",
                report::details(e, &kit.display_path(&kit.file_in(&source, e)), outcome)
            );
        }
    }
    let rows: Vec<Row<'_>> = results
        .iter()
        .map(|(index, outcome)| Row {
            exercise: &exercises[*index],
            outcome,
        })
        .collect();
    print!("{}", report::table(&rows));

    if source == Source::Learner {
        for (index, outcome) in &results {
            state.mark(&exercises[*index].name, outcome.passed());
        }
        state.save(kit)?;
    }
    Ok(if results.iter().all(|(_, o)| o.passed()) {
        Exit::Ok
    } else {
        Exit::Failed
    })
}
