//! The commands: each takes the opened kit and the progress state, does its work through the
//! runner, and prints through [`crate::report`]. This module opens the kit and dispatches.

mod class;
mod explain;
mod gradebook;
mod hint;
mod list;
pub mod new;
mod reset;
mod run;
mod verify;

use std::sync::Arc;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, GradebookCommand, KitCommand};
use crate::editor;
pub use crate::exit::Exit;
use crate::kit::Kit;
use crate::sandbox::{self, Confinement, Sandbox, SandboxMode};
use crate::shipped;
use crate::state::State;
use crate::supervise::Cancel;

pub fn open_kit(cli_kit: Option<&std::path::Path>) -> Result<Kit> {
    let kit = match cli_kit {
        Some(dir) => Kit::open(dir)?,
        None => {
            let here = std::env::current_dir().context("failed to read the current folder")?;
            Kit::discover(&here)?
        }
    };
    shipped::ensure(&kit).context("failed to keep a copy of the exercises as shipped")?;
    if let Err(e) = editor::sync(&kit) {
        eprintln!("warning: could not write exercises/Cargo.toml for editors: {e:#}");
    }
    Ok(kit)
}

/// The sandbox `mode` asks for, saying on standard error what it confines (or that there is
/// none here); an error when `on` cannot be had.
pub fn sandbox(mode: SandboxMode) -> Result<Option<Arc<Sandbox>>> {
    let (sandbox, missing) = sandbox::prepare(mode)?;
    if let Some(why) = missing {
        eprintln!("note: {why}: learner code runs with your own rights (see the README's Limits)");
    }
    if let Some(s) = &sandbox {
        eprintln!("Sandbox: {}", describe(&s.confinement));
    }
    Ok(sandbox.map(Arc::new))
}

fn describe(c: &Confinement) -> String {
    let mut held = Vec::new();
    if c.landlock_abi > 0 {
        held.push(format!("Landlock ABI {} (files", c.landlock_abi));
        if c.tcp_denied {
            held.push("TCP".to_owned());
        }
        if c.signals_scoped {
            held.push("signals)".to_owned());
        } else if let Some(last) = held.last_mut() {
            last.push(')');
        }
    } else {
        held.push("no Landlock (files are not confined)".to_owned());
    }
    if c.network_namespace {
        held.push("no network".to_owned());
    }
    if c.subreaper {
        held.push("no process outlives its test".to_owned());
    }
    held.join(", ")
}

pub fn load_state(kit: &Kit) -> State {
    let loaded = State::load(kit);
    if let Some(warning) = loaded.warning {
        eprintln!("warning: {warning}");
    }
    loaded.state
}

pub fn dispatch(cli: Cli) -> Result<Exit> {
    // `Cli::from_env` makes no command `watch`.
    let Some(command) = cli.command else {
        anyhow::bail!("no command given: try `rustprep help`");
    };
    match command {
        Command::Completions { shell } => {
            let mut cli = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cli, "rustprep", &mut std::io::stdout());
            Ok(Exit::Ok)
        }
        Command::Gradebook(GradebookCommand::Merge { gradebooks, output }) => {
            gradebook::merge(&gradebooks, output.as_deref())
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut std::io::stdout())
                .context("failed to write the manual page")?;
            Ok(Exit::Ok)
        }
        Command::InKit(command) => in_kit(cli.kit.as_deref(), command),
    }
}

/// Runs a command on the kit `kit` names (or the one around here).
fn in_kit(kit: Option<&std::path::Path>, command: KitCommand) -> Result<Exit> {
    // Whatever the command's end, no compiler started ahead of it outlives it.
    struct Closing;
    impl Drop for Closing {
        fn drop(&mut self) {
            crate::primed::close();
        }
    }
    let _closing = Closing;
    if matches!(command, KitCommand::Watch { .. } | KitCommand::Run { .. }) {
        start_the_last_compile(kit);
    }
    in_open_kit(open_kit(kit)?, command)
}

/// Starts the kit's last direct compile again, to wait for its crate's root while the kit
/// loads ([`crate::primed::prime_kept`]): a command that compiles at once most often compiles
/// that exercise again, and finds the compiler loaded.
fn start_the_last_compile(kit: Option<&std::path::Path>) {
    let root = match kit {
        Some(dir) => std::path::absolute(dir).ok(),
        None => std::env::current_dir()
            .ok()
            .and_then(|here| Kit::find_root(&here).map(std::path::Path::to_owned)),
    };
    let Some(root) = root else {
        return;
    };
    let build_dir = crate::layout::build_dir(&root);
    crate::toolchain::prefetch(&build_dir);
    // Off the command's thread: the toolchain may still be being asked for.
    std::thread::spawn(move || {
        if let Some(toolchain) = crate::toolchain::get() {
            let kept = crate::direct_rustc::kept_compile(&root);
            crate::primed::prime_kept(&kept, &build_dir, &toolchain.rustc);
        }
    });
}

fn in_open_kit(kit: Kit, command: KitCommand) -> Result<Exit> {
    // The learner's loop compiles at once: the toolchain is found while the progress is read
    // and the screen drawn, not after.
    if matches!(
        command,
        KitCommand::Watch { .. } | KitCommand::Run { .. } | KitCommand::Interview { .. }
    ) {
        crate::toolchain::prefetch(&kit.build_dir());
    }
    let state = load_state(&kit);
    match command {
        KitCommand::Watch {
            auto_next,
            manual,
            poll,
            debounce,
            sandbox: mode,
        } => crate::watch::watch(
            kit,
            state,
            crate::watch::Options {
                auto_next,
                manual,
                poll,
                debounce: std::time::Duration::from_millis(debounce),
                run: crate::runner::RunOptions {
                    sandbox: sandbox(mode)?,
                    ..crate::runner::RunOptions::default()
                },
            },
        ),
        KitCommand::Interview { history: true, .. } => crate::interview::history(&kit),
        KitCommand::Interview {
            questions,
            question,
            seed,
            minutes,
            poll,
            ..
        } => crate::interview::interview(
            kit,
            &state,
            crate::interview::Options {
                questions,
                question,
                seed,
                minutes,
                debounce: std::time::Duration::from_millis(crate::limits::DEBOUNCE_MS),
                poll,
            },
        ),
        KitCommand::List => list::list(&kit, &state),
        KitCommand::New { name, question } => new::new(&kit, &name, question),
        KitCommand::Run { name, sandbox } => run::run(&kit, &state, name.as_deref(), sandbox),
        KitCommand::Hint { name } => hint::hint(&kit, &state, name.as_deref()),
        KitCommand::Explain { name } => explain::explain(&kit, &state, name.as_deref()),
        KitCommand::Reset { name, yes } => reset::reset(&kit, &name, yes),
        KitCommand::Verify(args) => verify::verify(&kit, &args),
    }
}

/// A cancel switch that Ctrl-C, SIGTERM and SIGHUP flip, for the commands that run learner code
/// outside a full screen (`run`, `verify`). Each test runs in a process group of its own, which
/// the terminal's Ctrl-C does not reach: without this, rustprep would die and leave a hanging
/// test running for ever. With it, the runner stops every group and the command returns.
fn cancel_on_signals() -> Cancel {
    let cancel = Cancel::default();
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT]) {
            let on_signal = cancel.clone();
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    on_signal.cancel();
                }
            });
        }
    }
    cancel
}

/// What a command says and returns when a signal stopped its run.
fn interrupted() -> Exit {
    eprintln!("interrupted: every process of the run was stopped");
    Exit::Interrupted
}

/// The exercise a command is about: the one named, else the current one.
fn pick(kit: &Kit, state: &State, name: Option<&str>) -> Result<usize> {
    kit.list.require_any()?;
    match name {
        Some(name) => Ok(kit.list.index_of(name)?),
        None => Ok(state.current_index(kit)),
    }
}
