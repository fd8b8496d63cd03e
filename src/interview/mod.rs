//! `rustprep interview`: a timed mock interview. For each question drawn the candidate first
//! writes the answer they would give out loud (in a Markdown file under `answers/`), then fixes
//! an exercise of that question, in a fresh copy in a scratch folder so that their practice files
//! are untouched, with the same save-to-verdict loop as `watch`. A scorecard and a history of past
//! interviews are kept under `answers/` ([`record`]).

pub mod draw;
pub mod keys;
pub mod record;
pub mod rubric;
mod view;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};
use crossterm::event::KeyEvent;

use self::draw::Item;
use self::keys::Action;
use self::record::{Interview, QuestionResult};
use crate::atomic_file;
use crate::exit::Exit;
use crate::kit::{Kit, Source};
use crate::runner::RunEnd;
use crate::runner::RunOptions;
use crate::shipped;
use crate::state::State;
use crate::tui::jobs;
use crate::tui::keymap::KeyMap;
use crate::tui::session::{self, Flow, RunSlot, Screen};
use crate::tui::terminal::Frame;
use crate::tui::{Ui, files, signals};

/// How the interview runs; each field is a command-line option.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub questions: usize,
    pub question: Option<u8>,
    pub seed: Option<u64>,
    pub minutes: f64,
    pub debounce: Duration,
    pub poll: bool,
}

enum Event {
    /// A key, a resize, a save (of the exercise of the question at that index), a watcher
    /// note, or a signal.
    Ui(Ui),
    RunDone {
        generation: u64,
        result: anyhow::Result<RunEnd>,
    },
    Tick,
}

impl From<Ui> for Event {
    fn from(ui: Ui) -> Self {
        Event::Ui(ui)
    }
}

pub fn history(kit: &Kit) -> Result<Exit> {
    print!("{}", record::history_table(&record::history(kit)?));
    Ok(Exit::Ok)
}

pub fn interview(kit: Kit, state: &State, options: Options) -> Result<Exit> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "error: the interview needs a terminal, for its clock and keys.\n  \
             help: `{}` shows past interviews without one",
            crate::invocation::command("interview --history")
        );
        return Ok(Exit::Usage);
    }
    let seed = options.seed.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    });
    let items = draw::draw(&kit, &state.done, options.questions, options.question, seed)?;
    let started = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    let session = record::session_dir(&kit, &started);
    let scratch = kit
        .state_dir()
        .join("interview")
        .join(session.file_name().unwrap_or_default());
    let exercises = kit.list.exercises();
    for item in &items {
        let exercise = &exercises[item.exercise];
        let shipped_copy = shipped::dir(&kit).join(&exercise.rel_path);
        let original = std::fs::read(&shipped_copy)
            .with_context(|| format!("failed to read {}", shipped_copy.display()))?;
        atomic_file::write(&scratch.join(&exercise.rel_path), &original)?;
        if let Some(q) = kit.list.question(item.question) {
            let answer = answer_file(&session, item.question);
            atomic_file::write(
                &answer,
                record::answer_template(&q.title, &q.ask).as_bytes(),
            )?;
        }
    }

    let paths = items
        .iter()
        .enumerate()
        .map(|(i, item)| (exercises[item.exercise].rel_path.clone(), i))
        .collect();
    let kit = Arc::new(kit);
    let (tx, rx) = mpsc::channel();
    let _files = files::start(&scratch, paths, options.debounce, options.poll, tx.clone())?;
    spawn_clock(tx.clone());
    signals::forward(tx.clone())?;
    let mut app = Interviewer::new(
        Arc::clone(&kit),
        items,
        options,
        scratch,
        session.clone(),
        tx.clone(),
    );
    let result = session::run(&mut app, tx, &rx);
    app.stop_run();
    result?;

    let interview = Interview {
        started,
        seed,
        minutes_per_question: options.minutes,
        question: options.question,
        results: app.results,
    };
    let card = record::scorecard(&kit, &interview);
    let card_path = session.join("scorecard.md");
    atomic_file::write(&card_path, card.as_bytes())?;
    if !interview.results.is_empty() {
        record::append_history(&kit, &interview)?;
    }
    let table_end = card.find("\n## ").unwrap_or(card.len());
    // After a hang-up the terminal is gone: a failed write is no reason to panic, and the
    // scorecard is on disk already.
    let said = if interview.results.is_empty() {
        format!(
            "The interview ended before a question was finished. What you wrote is kept in {}.",
            kit.display_path(&session)
        )
    } else {
        format!(
            "{}\n\nThe scorecard, with your answers beside the model answers: {}",
            card[..table_end].trim_end(),
            kit.display_path(&card_path)
        )
    };
    let _ = writeln!(std::io::stdout(), "{said}");
    Ok(Exit::Ok)
}

fn answer_file(session: &std::path::Path, question: u8) -> PathBuf {
    session.join(format!("q{question:02}.md"))
}

/// Ticks once a second so the clock on screen moves and the time limit is noticed.
fn spawn_clock(tx: Sender<Event>) {
    thread::spawn(move || {
        while tx.send(Event::Tick).is_ok() {
            thread::sleep(Duration::from_secs(1));
        }
    });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Writing the spoken answer.
    Answer,
    /// Fixing the exercise.
    Exercise,
    /// The question is over, and the screen says how it ended until the candidate goes on: the
    /// next question's clock starts then.
    Over(Ending),
}

/// How a question ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// The exercise passed, after this many seconds.
    Solved {
        seconds: u64,
    },
    TimeUp,
    Skipped,
}

struct Interviewer {
    kit: Arc<Kit>,
    items: Vec<Item>,
    options: Options,
    scratch: PathBuf,
    session: PathBuf,
    tx: Sender<Event>,
    /// The question being asked; `items.len()` once every question is over.
    current: usize,
    phase: Phase,
    question_started: Instant,
    /// The run going on, and the last result for the current question.
    slot: RunSlot,
    /// The first line shown of a result too long for the window.
    scroll: usize,
    show_hint: bool,
    hint_used: bool,
    notice: Option<String>,
    quit: bool,
    results: Vec<QuestionResult>,
}

impl Screen for Interviewer {
    type Event = Event;

    fn frame(&self, width: u16, height: u16) -> Frame {
        self.screen(width, height)
    }

    fn handle(&mut self, event: Event) -> Flow {
        self.on_event(event);
        if self.finished() {
            Flow::Quit
        } else {
            Flow::Continue
        }
    }
}

impl Interviewer {
    fn new(
        kit: Arc<Kit>,
        items: Vec<Item>,
        options: Options,
        scratch: PathBuf,
        session: PathBuf,
        tx: Sender<Event>,
    ) -> Self {
        Self {
            kit,
            items,
            options,
            scratch,
            session,
            tx,
            current: 0,
            phase: Phase::Answer,
            question_started: Instant::now(),
            slot: RunSlot::default(),
            scroll: 0,
            show_hint: false,
            hint_used: false,
            notice: None,
            quit: false,
            results: Vec::new(),
        }
    }

    fn finished(&self) -> bool {
        self.quit || self.current >= self.items.len()
    }

    fn limit(&self) -> Duration {
        Duration::from_secs_f64((self.options.minutes * 60.0).max(1.0))
    }

    fn remaining(&self) -> Duration {
        self.limit().saturating_sub(self.question_started.elapsed())
    }

    fn on_event(&mut self, event: Event) {
        match event {
            Event::Ui(Ui::Key(key)) => self.on_key(key),
            Event::Ui(Ui::Stop) => self.quit = true,
            Event::Ui(Ui::Resize) => {}
            Event::Tick => {
                if !self.is_over() && self.remaining().is_zero() {
                    self.end_question(Ending::TimeUp);
                }
            }
            Event::Ui(Ui::Saved(index)) if index == self.current && !self.is_over() => {
                self.phase = Phase::Exercise;
                self.start_run();
            }
            Event::Ui(Ui::Saved(_)) => {}
            Event::Ui(Ui::Note(note)) => self.notice = Some(note),
            Event::RunDone { generation, result } if self.slot.accept(generation) => match result {
                Ok(RunEnd::Done(mut results)) => {
                    if let Some((_, outcome)) = results.pop() {
                        let passed = outcome.passed();
                        self.slot.set_outcome(outcome);
                        self.scroll = 0;
                        if passed {
                            let seconds = self.question_started.elapsed().as_secs();
                            self.end_question(Ending::Solved { seconds });
                        }
                    }
                }
                Ok(RunEnd::Cancelled) => {}
                Err(e) => self.notice = Some(format!("error: {e:#}")),
            },
            Event::RunDone { .. } => {}
        }
    }

    fn is_over(&self) -> bool {
        matches!(self.phase, Phase::Over(_))
    }

    /// The keys of the phase the question is in.
    fn keys(&self) -> &'static KeyMap<Action> {
        match self.phase {
            Phase::Answer => &keys::ANSWER,
            Phase::Exercise => &keys::EXERCISE,
            Phase::Over(_) => &keys::OVER,
        }
    }

    fn on_key(&mut self, key: KeyEvent) {
        match self.keys().action(&key) {
            Some(Action::Quit) => self.quit = true,
            Some(Action::ToExercise) => {
                self.phase = Phase::Exercise;
                self.start_run();
            }
            Some(Action::ToggleHint) => {
                self.show_hint = !self.show_hint;
                self.hint_used = true;
            }
            Some(Action::Run) => self.start_run(),
            Some(Action::Skip) => self.end_question(Ending::Skipped),
            Some(Action::Move(step)) => {
                // Scrolling stops where the end of the result shows, as the screen shows it now.
                let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
                let key_rows = self.keys().footer(width).len();
                self.scroll = self.scrolled(width).moved(step, key_rows, width, height);
            }
            Some(Action::Next) => self.next_question(),
            None => {}
        }
    }

    fn start_run(&mut self) {
        let (kit, tx) = (Arc::clone(&self.kit), self.tx.clone());
        let source = Source::Folder(self.scratch.clone());
        let index = self.items[self.current].exercise;
        self.slot.start(|generation| {
            jobs::run_exercise(kit, source, index, RunOptions::default(), move |result| {
                let _ = tx.send(Event::RunDone { generation, result });
            })
        });
    }

    /// Stops the run in progress, if any, and makes every result already on its way stale: one
    /// that arrives after the question has ended must not count for the next one.
    fn stop_run(&mut self) {
        self.slot.cancel();
    }

    /// Records how the question ended and says so on screen; the next question waits for Enter.
    fn end_question(&mut self, ending: Ending) {
        self.stop_run();
        let item = &self.items[self.current];
        let title = self
            .kit
            .list
            .question(item.question)
            .map_or_else(String::new, |q| q.title.clone());
        self.results.push(QuestionResult {
            question: item.question,
            title,
            exercise: self.kit.list.exercises()[item.exercise].name.clone(),
            solved: matches!(ending, Ending::Solved { .. }),
            seconds: self.question_started.elapsed().min(self.limit()).as_secs(),
            hint_used: self.hint_used,
            answer_file: self
                .kit
                .display_path(&answer_file(&self.session, item.question)),
            rubric: self.kit.list.question(item.question).and_then(|q| {
                let file = answer_file(&self.session, item.question);
                record::rubric_coverage(q, &std::fs::read_to_string(file).unwrap_or_default())
            }),
        });
        self.phase = Phase::Over(ending);
    }

    /// On to the next question, whose clock starts now (after the last: the end).
    fn next_question(&mut self) {
        self.current += 1;
        self.phase = Phase::Answer;
        self.question_started = Instant::now();
        self.slot.clear();
        self.scroll = 0;
        self.show_hint = false;
        self.hint_used = false;
        self.notice = None;
    }
}
