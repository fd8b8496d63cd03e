//! `rustprep watch`: the learner's main screen. It shows the current exercise and the result of
//! its last run, re-runs it on every save, and moves on when it passes.
//!
//! One loop owns all the state (`App`); keys, file saves and finished jobs reach it as
//! `Event`s over one channel, so nothing is dropped while a run is in progress: a save or `r`
//! cancels the run (killing its processes) and starts a new one, and `q` quits at once.

mod event;
pub mod keys;
mod view;

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::KeyEvent;

use self::event::Event;
use self::keys::Action;
use crate::exit::Exit;
use crate::invocation;
use crate::kit::{Kit, Source};
use crate::outcome::Outcome;
use crate::runner::RunEnd;
use crate::runner::RunOptions;
use crate::state::State;
use crate::tui::jobs::{self, Job};
use crate::tui::keymap::KeyMap;
use crate::tui::session::{self, Flow, RunSlot, Screen};
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
    Running,
    Checking { done: usize, total: usize },
}

enum WarmUp {
    NotNeeded,
    Building(Job),
    Ready,
    Failed(String),
}

struct App {
    kit: Arc<Kit>,
    state: State,
    options: Options,
    tx: Sender<Event>,
    current: usize,
    view: View,
    show_hint: bool,
    activity: Activity,
    /// The run or check going on, and the last result for the current exercise.
    slot: RunSlot,
    notice: Option<String>,
    /// `x` has just put the file back: the save event that follows is that, not a new edit.
    restored: bool,
    warm_up: WarmUp,
}

impl Screen for App {
    type Event = Event;

    fn lines(&self, width: u16, height: u16) -> Vec<String> {
        self.screen(width, height)
    }

    fn handle(&mut self, event: Event) -> Flow {
        self.on_event(event)
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
            options,
            tx,
            current,
            view,
            show_hint: false,
            activity: Activity::Idle,
            slot: RunSlot::default(),
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
            Event::CheckProgress { done, total } => {
                if let Activity::Checking { done: d, total: t } = &mut self.activity {
                    (*d, *t) = (done, total);
                }
            }
            Event::CheckDone { generation, result } if self.slot.accept(generation) => {
                self.activity = Activity::Idle;
                match result {
                    Ok(RunEnd::Done(results)) => self.record_check(results),
                    Ok(RunEnd::Cancelled) => {}
                    Err(e) => self.notice = Some(format!("error: {e:#}")),
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

    /// The keys of the screen shown now.
    fn keys(&self) -> &'static KeyMap<Action> {
        match self.view {
            View::Welcome => &keys::WELCOME,
            View::List { .. } => &keys::LIST,
            View::Explain {
                confirmed: false, ..
            } => &keys::EXPLAIN_ASK,
            View::Explain {
                confirmed: true, ..
            } => &keys::EXPLAIN,
            View::Exercise | View::AllDone => &keys::EXERCISE,
            View::ResetAsk => &keys::RESET_ASK,
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Flow {
        let Some(action) = self.keys().action(&key) else {
            return Flow::Continue;
        };
        if action == Action::Quit {
            return Flow::Quit;
        }
        // Scrolling the model answer stops at its last line, as the screen shows it now.
        let last_line = self.answer_lines().saturating_sub(1);
        let last = self.kit.list.exercises().len().saturating_sub(1);
        match (&mut self.view, action) {
            (View::Welcome, _) => {
                self.update_state(|s| s.welcomed = true);
                self.view = View::Exercise;
            }
            (_, Action::Back) => self.view = View::Exercise,
            (View::List { cursor }, Action::Open) => {
                let picked = *cursor;
                self.view = View::Exercise;
                self.switch_to(picked);
                self.start_run();
            }
            (View::List { cursor }, moved) => *cursor = Self::moved(*cursor, moved, last),
            (View::Explain { confirmed, scroll }, Action::Show) => {
                (*confirmed, *scroll) = (true, 0)
            }
            (View::Explain { scroll, .. }, moved) => {
                *scroll = Self::moved(*scroll, moved, last_line);
            }
            (View::ResetAsk, _) => {
                self.view = View::Exercise;
                self.reset();
            }
            (View::Exercise | View::AllDone, action) => match action {
                Action::ToggleHint => self.show_hint = !self.show_hint,
                Action::List => {
                    self.view = View::List {
                        cursor: self.current,
                    }
                }
                Action::Next => self.next(),
                Action::Run => self.start_run(),
                Action::CheckAll => self.start_check(),
                Action::Reset => self.view = View::ResetAsk,
                Action::Explain => {
                    let done = self.state.done.contains(&self.exercise().name);
                    self.view = View::Explain {
                        confirmed: done,
                        scroll: 0,
                    };
                }
                _ => {}
            },
        }
        Flow::Continue
    }

    /// Puts the current exercise back as shipped and checks it again.
    fn reset(&mut self) {
        let exercise = self.exercise().clone();
        self.notice = Some(match crate::shipped::restore(&self.kit, &exercise) {
            Ok(()) => {
                self.restored = true;
                format!("{} is back as it was shipped.", exercise.name)
            }
            Err(e) => format!("error: {e:#}"),
        });
        self.start_run();
    }

    /// A cursor or scroll position after a move, within 0..=last.
    fn moved(at: usize, action: Action, last: usize) -> usize {
        match action {
            Action::Up => at.saturating_sub(1),
            Action::Down => (at + 1).min(last),
            Action::PageUp => at.saturating_sub(10),
            Action::PageDown => (at + 10).min(last),
            Action::Home => 0,
            Action::End => last,
            _ => at,
        }
    }

    /// How many lines the current question's model answer takes on the terminal as it is.
    fn answer_lines(&self) -> usize {
        let width = crossterm::terminal::size().map_or(80, |(w, _)| w);
        self.kit
            .list
            .question(self.exercise().question)
            .map_or(0, |q| {
                crate::tui::reflow::reflow(q.answer.trim(), width.into()).len()
            })
    }

    fn exercise(&self) -> &crate::exercise::Exercise {
        &self.kit.list.exercises()[self.current]
    }

    fn switch_to(&mut self, index: usize) {
        self.current = index;
        self.slot.clear();
        self.show_hint = false;
        self.notice = None;
        let name = self.exercise().name.clone();
        self.update_state(|s| s.current = Some(name.clone()));
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
        self.activity = Activity::Running;
    }

    fn start_check(&mut self) {
        self.view = View::Exercise;
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
                move |done, total| {
                    let _ = progress.send(Event::CheckProgress { done, total });
                },
                move |result| {
                    let _ = tx.send(Event::CheckDone { generation, result });
                },
            )
        });
        self.activity = Activity::Checking {
            done: 0,
            total: self.kit.list.exercises().len(),
        };
    }

    /// Takes the result of a run of the current exercise.
    fn record(&mut self, outcome: Outcome) {
        let passed = outcome.passed();
        let name = self.exercise().name.clone();
        self.update_state(|s| s.mark(&name, passed));
        self.slot.set_outcome(outcome);
        if passed && self.options.auto_next {
            if self.all_done() {
                self.view = View::AllDone;
            } else {
                self.next();
                self.notice = Some(format!("✓ {name} passed; on to the next exercise."));
            }
        } else if passed && self.all_done() {
            self.view = View::AllDone;
        }
    }

    fn record_check(&mut self, results: Vec<(usize, Outcome)>) {
        let kit = Arc::clone(&self.kit);
        let exercises = kit.list.exercises();
        let marks: Vec<(String, bool)> = results
            .iter()
            .map(|(index, outcome)| (exercises[*index].name.clone(), outcome.passed()))
            .collect();
        self.update_state(|s| {
            for (name, passed) in &marks {
                s.mark(name, *passed);
            }
        });
        let passed = marks.iter().filter(|(_, passed)| *passed).count();
        for (index, outcome) in results {
            if index == self.current {
                self.slot.set_outcome(outcome);
            }
        }
        self.notice = Some(format!(
            "Checked all {} exercises: {passed} pass.",
            exercises.len()
        ));
        if self.all_done() {
            self.view = View::AllDone;
        }
    }

    /// Changes the progress, on disk as well as here; what other rustprep commands saved in the
    /// meantime comes in too.
    fn update_state(&mut self, change: impl Fn(&mut State)) {
        match State::update(&self.kit, &change) {
            Ok(state) => self.state = state,
            Err(e) => {
                change(&mut self.state);
                self.notice = Some(format!("could not save your progress: {e:#}"));
            }
        }
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
