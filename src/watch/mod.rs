//! `rustprep watch`: the learner's main screen. It shows the current exercise and the result of
//! its last run, re-runs it on every save, and moves on when it passes.
//!
//! One loop owns all the state (`App`); keys, file saves and finished jobs reach it as
//! `Event`s over one channel, so nothing is dropped while a run is in progress: a save or `r`
//! cancels the run (killing its processes) and starts a new one, and `q` quits at once.

mod check;
mod event;
mod input;
pub mod keys;
mod list;
mod results;
mod view;

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use anyhow::Result;

use self::check::Check;
use self::event::Event;
use crate::exit::Exit;
use crate::invocation;
use crate::kit::{Kit, Source};
use crate::runner::RunEnd;
use crate::runner::RunOptions;
use crate::state::State;
use crate::tui::jobs::{self, Job};
use crate::tui::session::{self, Flow, RunSlot, Screen};
use crate::tui::terminal::Frame;
use crate::tui::{Ui, files, signals};

/// How watch behaves; each field is a command-line option.
#[derive(Debug, Clone)]
pub struct Options {
    /// Move to the next pending exercise as soon as one passes.
    pub auto_next: bool,
    /// Run only when `r` is pressed, never on save.
    pub manual: bool,
    /// Poll the files instead of using native file events.
    pub poll: bool,
    /// Quiet time that ends a burst of file events (one save is often several events).
    pub debounce: Duration,
    /// How the learner's code is run (in a sandbox, or not).
    pub run: RunOptions,
}

pub fn watch(kit: Kit, state: State, options: Options) -> Result<Exit> {
    kit.list.require_any()?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "error: watch needs a terminal to show the exercise and read keys.\n  \
             help: use `{}` for the current exercise, or `{}` for all of them",
            invocation::command("run"),
            invocation::command("verify")
        );
        return Ok(Exit::Usage);
    }
    let kit = Arc::new(kit);
    let (tx, rx) = mpsc::channel();
    signals::forward(tx.clone())?;
    let _files = if options.manual {
        None
    } else {
        let paths = kit
            .list
            .exercises()
            .iter()
            .enumerate()
            .map(|(i, e)| (e.rel_path.clone(), i))
            .collect();
        let dir = crate::layout::exercises_dir(&kit.root);
        Some(files::start(
            &dir,
            paths,
            options.debounce,
            options.poll,
            tx.clone(),
        )?)
    };
    let mut app = App::new(Arc::clone(&kit), state, options, tx.clone());
    let (_only_watch, another) = claim_the_kit(&kit);
    app.notice = another;
    app.start();
    let result = session::run(&mut app, tx, &rx);
    app.stop_jobs();
    // However the screen ended (a quit, a lost terminal), the last changes are saved.
    app.save_progress();
    result?;
    // After a hang-up the terminal is gone: a failed write is no reason to panic.
    let _ = writeln!(std::io::stdout(), "{}", app.farewell());
    Ok(Exit::Ok)
}

/// Takes `.rustprep/watch.lock` for as long as this watch runs (the lock goes with the returned
/// file). Another watch in the same kit is not an error, but the learner should know: both would
/// compile on every save. Without a lock file watch works as well; it only cannot warn.
fn claim_the_kit(kit: &Kit) -> (Option<std::fs::File>, Option<String>) {
    let Ok(file) = kit.lock_file("watch.lock") else {
        return (None, None);
    };
    match file.try_lock() {
        Err(std::fs::TryLockError::WouldBlock) => (
            None,
            Some(
                "Another watch is running in this kit: both check every save. Quit one of them."
                    .to_owned(),
            ),
        ),
        _ => (Some(file), None),
    }
}

enum View {
    Welcome,
    Exercise,
    /// Every exercise by question (and, once `c` has checked them, each one's verdict).
    List {
        cursor: usize,
    },
    /// The question's model answer; `scroll` lines of it are above the window.
    Explain {
        confirmed: bool,
        scroll: usize,
    },
    AllDone,
    /// Asking before the exercise is put back as shipped.
    ResetAsk,
}

/// What the job in the run slot is doing.
enum Activity {
    Idle,
    /// `again`: started by `r`, with no new save to check.
    Running {
        again: bool,
    },
    /// Checking every exercise (`c`); how far it got is in [`App::check`].
    Checking,
}

enum WarmUp {
    NotNeeded,
    Building(Job),
    Ready,
    Failed(String),
}

/// A change to the progress, made again on what is on disk when it is saved.
type StateChange = Box<dyn Fn(&mut State)>;

struct App {
    kit: Arc<Kit>,
    state: State,
    /// Changes made to `state` that are not on disk yet: saved once the screen shows them.
    unsaved: Vec<StateChange>,
    options: Options,
    tx: Sender<Event>,
    current: usize,
    view: View,
    show_hint: bool,
    activity: Activity,
    /// The run or check going on, and the last result for the current exercise.
    slot: RunSlot,
    /// The first line shown of a result too long for the window.
    scroll: usize,
    /// The last check of every exercise, if any.
    check: Option<Check>,
    notice: Option<String>,
    /// `x` has just put the file back: the save event that follows is that, not a new edit.
    restored: bool,
    warm_up: WarmUp,
}

impl Screen for App {
    type Event = Event;

    fn frame(&self, width: u16, height: u16) -> Frame {
        self.screen(width, height)
    }

    fn handle(&mut self, event: Event) -> Flow {
        self.on_event(event)
    }

    fn settle(&mut self) -> bool {
        let redraw = self.save_progress();
        // Between runs, the next save's compiler loads while the learner edits.
        if matches!(self.activity, Activity::Idle) {
            jobs::prime_compiler();
        }
        redraw
    }
}

impl App {
    fn new(kit: Arc<Kit>, state: State, options: Options, tx: Sender<Event>) -> Self {
        let current = state.current_index(&kit);
        let view = if state.welcomed {
            View::Exercise
        } else {
            View::Welcome
        };
        Self {
            kit,
            state,
            unsaved: Vec::new(),
            options,
            tx,
            current,
            view,
            show_hint: false,
            activity: Activity::Idle,
            slot: RunSlot::default(),
            scroll: 0,
            check: None,
            notice: None,
            restored: false,
            warm_up: WarmUp::NotNeeded,
        }
    }

    fn start(&mut self) {
        let tx = self.tx.clone();
        let warm_up = jobs::warm_up(Arc::clone(&self.kit), move |result| {
            let _ = tx.send(Event::WarmUpDone(result));
        });
        if let Some(job) = warm_up {
            self.warm_up = WarmUp::Building(job);
        }
        if self.all_done() {
            self.view = View::AllDone;
        } else if !self.options.manual {
            self.start_run();
        }
    }

    fn all_done(&self) -> bool {
        self.kit
            .list
            .exercises()
            .iter()
            .all(|e| self.state.done.contains(&e.name))
    }

    fn on_event(&mut self, event: Event) -> Flow {
        match event {
            Event::Ui(Ui::Key(key)) => return self.on_key(key),
            Event::Ui(Ui::Stop) => return Flow::Quit,
            Event::Ui(Ui::Resize) => {}
            Event::Ui(Ui::Saved(index)) => {
                if index != self.current {
                    self.switch_to(index);
                }
                // A save starts afresh: what was said about earlier runs no longer holds (but
                // the save `x` made itself keeps its word).
                if !std::mem::take(&mut self.restored) {
                    self.notice = None;
                }
                if !matches!(self.view, View::Welcome) {
                    self.view = View::Exercise;
                }
                self.start_run();
            }
            Event::Ui(Ui::Note(note)) => self.notice = Some(note),
            Event::RunDone { generation, result } if self.slot.accept(generation) => {
                self.activity = Activity::Idle;
                match result {
                    Ok(RunEnd::Done(mut results)) => {
                        if let Some((_, outcome)) = results.pop() {
                            self.record(outcome);
                        }
                    }
                    Ok(RunEnd::Cancelled) => {}
                    Err(e) => self.notice = Some(format!("error: {e:#}")),
                }
            }
            Event::RunDone { .. } => {}
            Event::CheckProgress { generation, step } if self.slot.is_current(generation) => {
                if let Some(check) = &mut self.check {
                    check.step(step);
                }
            }
            Event::CheckProgress { .. } => {}
            Event::CheckDone { generation, result } if self.slot.accept(generation) => {
                self.activity = Activity::Idle;
                match result {
                    Ok(RunEnd::Done(results)) => self.record_check(results),
                    Ok(RunEnd::Cancelled) => {}
                    Err(e) => {
                        // The list has no room for it: the exercise screen shows the error.
                        self.view = View::Exercise;
                        self.notice = Some(format!("error: {e:#}"));
                    }
                }
            }
            Event::CheckDone { .. } => {}
            Event::WarmUpDone(result) => {
                self.warm_up = match result {
                    Ok(true) => WarmUp::Ready,
                    Ok(false) => WarmUp::NotNeeded,
                    Err(e) => WarmUp::Failed(format!("{e:#}")),
                };
            }
        }
        Flow::Continue
    }

    fn exercise(&self) -> &crate::exercise::Exercise {
        &self.kit.list.exercises()[self.current]
    }

    fn switch_to(&mut self, index: usize) {
        self.current = index;
        self.slot.clear();
        self.scroll = 0;
        self.show_hint = false;
        self.notice = None;
        let name = self.exercise().name.clone();
        self.update_state(move |s| s.current = Some(name.clone()));
    }

    fn next(&mut self) {
        match self.state.next_pending(&self.kit, self.current) {
            Some(next) => {
                self.view = View::Exercise;
                self.switch_to(next);
                self.start_run();
            }
            None => self.view = View::AllDone,
        }
    }

    fn stop_jobs(&mut self) {
        self.slot.cancel();
        jobs::close_primed_compiler();
        if let WarmUp::Building(job) = std::mem::replace(&mut self.warm_up, WarmUp::NotNeeded) {
            job.stop();
        }
    }

    fn start_run(&mut self) {
        let (kit, tx, options) = (
            Arc::clone(&self.kit),
            self.tx.clone(),
            self.options.run.clone(),
        );
        let current = self.current;
        self.slot.start(|generation| {
            jobs::run_exercise(kit, Source::Learner, current, options, move |result| {
                let _ = tx.send(Event::RunDone { generation, result });
            })
        });
        self.activity = Activity::Running { again: false };
    }

    /// Checks every exercise, showing the list as their verdicts come in.
    fn start_check(&mut self) {
        self.view = View::List {
            cursor: self.current,
        };
        let (kit, tx, options) = (
            Arc::clone(&self.kit),
            self.tx.clone(),
            self.options.run.clone(),
        );
        let progress = self.tx.clone();
        self.slot.start(|generation| {
            jobs::check_all(
                kit,
                options,
                move |step| {
                    let _ = progress.send(Event::CheckProgress { generation, step });
                },
                move |result| {
                    let _ = tx.send(Event::CheckDone { generation, result });
                },
            )
        });
        self.activity = Activity::Checking;
        self.check = Some(Check::new(self.kit.list.exercises().len()));
    }

    fn farewell(&self) -> String {
        let total = self.kit.list.exercises().len();
        let done = self
            .kit
            .list
            .exercises()
            .iter()
            .filter(|e| self.state.done.contains(&e.name))
            .count();
        format!(
            "{done}/{total} exercises done. Run `{}` to carry on.",
            invocation::command("watch")
        )
    }
}
