//! The command line: every command and option, with the help text users read.

use std::path::PathBuf;

use crate::sandbox::SandboxMode;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::partition::Partition;
use crate::report::Format;
use crate::style::ColorChoice;

#[derive(Debug, Parser)]
#[command(
    name = "rustprep",
    version,
    about = "Auto-graded exercises for the thirteen questions most asked in Rust interviews",
    long_about = "Auto-graded exercises for the thirteen questions most asked in Rust interviews.\n\n\
                  Start with `rustprep watch` (from a clone: `cargo run -- watch`): it shows the \
                  current exercise, and checks it against its hidden tests every time you save."
)]
pub struct Cli {
    /// When to use colour.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        env = "RUSTPREP_COLOR"
    )]
    pub color: ColorChoice,

    /// The kit folder (default: the nearest folder holding info.toml, from here upwards).
    #[arg(long, global = true, value_name = "DIR", env = "RUSTPREP_KIT")]
    pub kit: Option<PathBuf>,

    /// What to do; without one, `watch`.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line of this process. Its help and errors are coloured as `--color` (or
    /// RUSTPREP_COLOR, NO_COLOR, CLICOLOR_FORCE) says, like the rest of rustprep's output; with
    /// no command it is `watch`, as rustlings does.
    pub fn from_env() -> Self {
        let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let color = if crate::style::wanted(requested_color(&args)) {
            clap::ColorChoice::Always
        } else {
            clap::ColorChoice::Never
        };
        let parse = |args: &[std::ffi::OsString]| {
            let matches = Self::command()
                .color(color)
                .try_get_matches_from(args)
                .unwrap_or_else(|e| e.exit());
            Self::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
        };
        let cli = parse(&args);
        if cli.command.is_some() {
            return cli;
        }
        args.push("watch".into());
        parse(&args)
    }
}

/// The colour asked for before the command line is parsed: `--color X` or `--color=X`, else
/// RUSTPREP_COLOR, else `auto`.
fn requested_color(args: &[std::ffi::OsString]) -> ColorChoice {
    let mut args = args.iter().map(|a| a.to_string_lossy());
    let mut from_args = None;
    while let Some(arg) = args.next() {
        if arg == "--color" {
            from_args = args.next().map(|v| v.into_owned());
        } else if let Some(value) = arg.strip_prefix("--color=") {
            from_args = Some(value.to_owned());
        }
    }
    from_args
        .or_else(|| std::env::var("RUSTPREP_COLOR").ok())
        .and_then(|v| ColorChoice::from_str(&v, true).ok())
        .unwrap_or(ColorChoice::Auto)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    InKit(KitCommand),

    /// Print a completion script for SHELL to standard output.
    ///
    /// For bash: `rustprep completions bash > ~/.local/share/bash-completion/completions/rustprep`;
    /// zsh, fish, elvish and powershell work alike.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Work with class gradebooks, the CSV files that `verify --submissions` writes.
    #[command(subcommand)]
    Gradebook(GradebookCommand),

    /// Print rustprep's manual page (roff) to standard output.
    ///
    /// `rustprep man > rustprep.1 && man ./rustprep.1`.
    Man,
}

/// What `gradebook` does.
#[derive(Debug, Subcommand)]
pub enum GradebookCommand {
    /// Join the gradebooks of a class graded in shares (`verify --submissions --partition K/N`)
    /// into the gradebook one whole run writes, byte for byte.
    ///
    /// The files may come in any order. Gradebooks whose columns differ (another kit, or other
    /// exercises), or that both hold a student, are refused. Only the CSV needs merging: the
    /// shares' JSON reports are named as one whole run names them, so the shares' folders copied
    /// together hold one report per student.
    Merge {
        /// The shares' gradebooks.
        #[arg(required = true, value_name = "CSV")]
        gradebooks: Vec<PathBuf>,
        /// Write the merged gradebook to FILE instead of standard output (never over one of the
        /// gradebooks merged).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// The commands that work on a kit.
#[derive(Debug, Subcommand)]
pub enum KitCommand {
    /// Work through the exercises: shows the current one and checks it on every save.
    Watch {
        /// Move to the next exercise as soon as one passes.
        #[arg(long)]
        auto_next: bool,
        /// Check only when `r` is pressed, not on every save.
        #[arg(long)]
        manual: bool,
        /// Poll the files for changes instead of using native file events.
        #[arg(long)]
        poll: bool,
        /// Quiet time, in milliseconds, that ends a burst of file events from one save.
        #[arg(long, value_name = "MS", default_value_t = crate::limits::DEBOUNCE_MS)]
        debounce: u64,
        /// Run your code in a sandbox (see `verify --help`).
        #[arg(long, value_enum, value_name = "WHEN", default_value = "off")]
        sandbox: SandboxMode,
    },

    /// A timed mock interview: answer each question drawn in writing, then prove it in code.
    Interview {
        /// How many questions to ask.
        #[arg(long, value_name = "N", default_value_t = 3)]
        questions: usize,
        /// Ask this question only (then --questions is not used).
        #[arg(long, value_name = "K", conflicts_with = "questions",
              value_parser = clap::value_parser!(u8).range(1..))]
        question: Option<u8>,
        /// Make the draw repeatable.
        #[arg(long)]
        seed: Option<u64>,
        /// Minutes for each question, answer and exercise together.
        #[arg(long, value_name = "M", default_value_t = 10.0, value_parser = positive_minutes)]
        minutes: f64,
        /// Show past interviews and exit (works without a terminal).
        #[arg(long)]
        history: bool,
        /// Poll the files for changes instead of using native file events.
        #[arg(long)]
        poll: bool,
    },

    /// Show the exercises grouped by question, with what is done.
    List,

    /// Check one exercise against its hidden tests (default: the current one).
    ///
    /// It is marked done when it passes.
    Run {
        /// The exercise's name.
        name: Option<String>,
        /// Run your code in a sandbox (see `verify --help`).
        #[arg(long, value_enum, value_name = "WHEN", default_value = "off")]
        sandbox: SandboxMode,
    },

    /// Show the hint for an exercise (default: the current one).
    Hint {
        /// The exercise's name.
        name: Option<String>,
    },

    /// Scaffold a new exercise: its file, solution, hidden tests and info.toml entry.
    New {
        /// The new exercise's name (lowercase letters, digits and underscores).
        name: String,
        /// The question it belongs to (1 to 255).
        #[arg(long, short, value_parser = clap::value_parser!(u8).range(1..))]
        question: u8,
    },

    /// Print the model answer of an exercise's question (default: the current exercise's).
    Explain {
        /// The exercise's name.
        name: Option<String>,
    },

    /// Put an exercise back as it was shipped, losing your changes to it.
    Reset {
        /// The exercise's name.
        name: String,
        /// Do not ask for confirmation.
        #[arg(long, short)]
        yes: bool,
    },

    /// Check every exercise (or the named ones) and print a table; exit 1 if any fails.
    Verify(VerifyArgs),
}

/// What `verify` checks, and how it reports.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Exercise names or question numbers (`7` or `q7`); none means all.
    pub selectors: Vec<String>,

    /// Check the reference solutions instead of your files, and then the kit itself: every
    /// shipped exercise fails, each has hidden tests and a hint, no file is an orphan, and
    /// the solutions are rustfmt- and clippy-clean.
    #[arg(long, conflicts_with_all = ["exercises", "submissions"])]
    pub solutions: bool,

    /// Check the exercise files in DIR (laid out like exercises/), such as a student's
    /// submission, against this kit's hidden tests. A missing file fails its exercise.
    #[arg(long, value_name = "DIR", conflicts_with = "submissions")]
    pub exercises: Option<PathBuf>,

    /// Grade every folder in DIR as one student's submission: writes a CSV gradebook to
    /// --output and a JSON report per student beside it; with --format html, the class as one
    /// HTML page beside it too (for grades.csv, grades.html). Exits 0 when every submission was
    /// graded, whatever the grades.
    #[arg(long, value_name = "DIR", requires = "output")]
    pub submissions: Option<PathBuf>,

    /// Grade one share of the class only (as cargo-nextest's --partition): of the students in
    /// name order, `K/N` or `count:K/N` takes every N-th starting at the K-th; `hash:K/N` those
    /// whose name hashes to K, so a student keeps their share as the class changes. The N
    /// shares' gradebooks join with `rustprep gradebook merge`.
    #[arg(long, value_name = "K/N", requires = "submissions", value_parser = Partition::parse)]
    pub partition: Option<Partition>,

    /// The report's format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,

    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Exercises compiled at once (and Miri runs); their tests run as --test-threads allows.
    #[arg(long, short, value_name = "N", default_value_t = default_jobs())]
    pub jobs: usize,

    /// Test processes run at once, over all exercises (as cargo-nextest's --test-threads).
    #[arg(long, value_name = "N", default_value_t = default_test_threads())]
    pub test_threads: usize,

    /// Show the details of every exercise that did not pass.
    #[arg(long, short)]
    pub verbose: bool,

    /// Run learner code in a sandbox (Linux: Landlock, namespaces where allowed, no process
    /// outliving its test). Default: `auto` with --exercises and --submissions, else `off`.
    #[arg(long, value_enum, value_name = "WHEN")]
    pub sandbox: Option<SandboxMode>,
}

fn positive_minutes(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(m) if m.is_finite() && m > 0.0 => Ok(m),
        _ => Err("give the minutes as a number above 0, such as 10 or 2.5".to_owned()),
    }
}

fn default_jobs() -> usize {
    crate::limits::exercise_jobs()
}

fn default_test_threads() -> usize {
    crate::limits::test_processes()
}
