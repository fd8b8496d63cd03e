//! Compiling exercises: one `cargo build` over the chosen targets of a generated crate, its JSON
//! messages sorted back to the exercise each one belongs to. Nothing here prints.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::build_crate::Workspace;
use crate::rustc_limits::{self, CompileLimits};
use crate::supervise::{self, Cancel, Ending, Limits};

/// What one exercise's compilation gave.
#[derive(Debug, Default, Clone)]
pub struct Compiled {
    /// The test binary, when the test target built.
    pub test_exe: Option<PathBuf>,
    /// The modules the hidden tests sit under in the test binary, before [`HIDDEN_MODULE`]
    /// (`s3::` in a batch, see [`crate::batch`]); empty when they hang off the crate root.
    ///
    /// [`HIDDEN_MODULE`]: crate::build_crate::HIDDEN_MODULE
    pub tests_under: String,
    /// Where the tests of the last build of this test binary are kept, when they are: in the
    /// learner's loop its tests start from that list while the new binary is listed.
    pub tests_kept: Option<PathBuf>,
    /// The program, when the `run` target built.
    pub bin_exe: Option<PathBuf>,
    /// rustc's rendered diagnostics (ANSI colour), errors and warnings, in order: those about
    /// the learner's file first, then those whose main place is in the hidden tests (a test
    /// that no longer compiles against a changed signature), so the learner reads first what
    /// is wrong in their own file.
    pub diagnostics: String,
    /// The diagnostics about the hidden tests, until [`Compiled::finish`] puts them after the
    /// learner's.
    about_tests: String,
    /// Those about no place in the code (`For more information about this error, try …`),
    /// which [`Compiled::finish`] puts last.
    closing: String,
    pub has_errors: bool,
    /// Compiling it ran out of time (under [`CompileLimits`]).
    pub timed_out: bool,
}

impl Compiled {
    /// Puts the diagnostics about the hidden tests after the learner's own, and those about no
    /// place in the code last.
    pub(crate) fn finish(&mut self) {
        let about_tests = std::mem::take(&mut self.about_tests);
        let closing = std::mem::take(&mut self.closing);
        self.diagnostics.push_str(&about_tests);
        self.diagnostics.push_str(&closing);
    }
}

/// Which targets to build for an exercise, in every member of the workspace.
#[derive(Debug, Clone)]
pub struct Wanted {
    pub exercise: String,
    pub test: bool,
    pub bin: bool,
}

/// What each exercise of each member gave, keyed by (source index, exercise name).
pub type CompiledMap = HashMap<(usize, String), Compiled>;

pub enum CompileEnd {
    Done(CompiledMap),
    Cancelled,
}

/// `cargo SUBCOMMAND` for a generated workspace, in its group's target directory, the same
/// whoever runs it and whatever the user's environment says.
pub fn cargo(ws: &Workspace, subcommand: &str) -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    set_build_env(&mut cmd, ws);
    cmd.arg(subcommand).arg("--manifest-path").arg(&ws.manifest);
    cmd
}

/// clippy, which checks the rules, sets `cfg(clippy)`: the tests run the same code, so a
/// learner's `#[cfg(not(clippy))]` hides nothing from the rules.
pub(crate) const CFG_CLIPPY: [&str; 2] = ["--cfg", "clippy"];

/// The environment every build of a generated workspace gets.
pub fn set_build_env(cmd: &mut Command, ws: &Workspace) {
    cmd.env("CARGO_TARGET_DIR", &ws.target_dir);
    set_build_flags(cmd);
}

/// The flags and terminal settings of every cargo build of rustprep's: builds that share a
/// target folder share their dependencies' builds only when these are the same.
pub fn set_build_flags(cmd: &mut Command) {
    cmd.env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TERM_PROGRESS_WHEN", "never");
    // The user's own compiler flags (`-D warnings`, say) would turn an exercise's expected
    // warnings into errors: exercises build the same everywhere.
    for var in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("CARGO_ENCODED_RUSTFLAGS", CFG_CLIPPY.join("\x1f"));
}

/// `cargo build` of every member of a generated workspace.
fn cargo_build(ws: &Workspace, jobs: usize) -> Command {
    let mut cmd = cargo(ws, "build");
    cmd.arg("--workspace")
        .args(["--jobs", &jobs.max(1).to_string()]);
    cmd
}

/// Builds the crate's dependencies (through its empty library) so that the first exercise
/// needing them does not wait for a cold build, then checks them for the rules' check builds.
/// Returns `false` when cancelled.
pub fn warm_up(ws: &Workspace, jobs: usize, cancel: &Cancel) -> Result<bool> {
    let mut build = cargo_build(ws, jobs);
    build.arg("--lib");
    let mut check = rules_cargo(ws);
    check.args(["--workspace", "--lib", "--jobs", &jobs.max(1).to_string()]);
    for (cmd, target_dir) in [
        (&mut build, &ws.target_dir),
        (&mut check, &ws.rules_target_dir),
    ] {
        // Rendered errors on stderr, as without JSON; the libraries built, for direct compiles.
        cmd.args(["--message-format", "json-render-diagnostics"]);
        let limits = Limits::build();
        let finished = supervise::run(cmd, &limits, cancel).context("failed to run cargo")?;
        match finished.ending {
            Ending::Cancelled => return Ok(false),
            Ending::Exited(status) if status.success() => {
                crate::libraries::record(target_dir, &finished.stdout.text());
            }
            _ => bail!(
                "building the kit's dependencies failed:\n{}",
                strip_ansi_escapes::strip_str(finished.stderr.text()).trim_end()
            ),
        }
    }
    Ok(true)
}

/// `cargo clippy` for the rules' check builds of a workspace, in their own target folder.
pub(crate) fn rules_cargo(ws: &Workspace) -> Command {
    let mut cmd = cargo(ws, "clippy");
    cmd.env("CARGO_TARGET_DIR", &ws.rules_target_dir)
        .env("CLIPPY_CONF_DIR", &ws.rules_config_dir);
    cmd
}

/// Told of an exercise of a member (its source's index, its name, what it gave) as soon as every
/// wanted target of it has built without an error, while the rest of the build goes on: its
/// tests can start at once. What it gave is final, and [`compile`] returns it in its map too.
pub type OnReady<'a> = &'a (dyn Fn(usize, &str, &Compiled) + Sync);

/// Compiles the `wanted` targets of `ws`; with `limits`, each generated crate's rustc runs under
/// them, and one that exceeds them fails alone. Each exercise that builds is told to `on_ready`
/// as soon as it has.
pub fn compile(
    ws: &Workspace,
    wanted: &[Wanted],
    jobs: usize,
    kit_root: &std::path::Path,
    limits: Option<CompileLimits>,
    cancel: &Cancel,
    on_ready: OnReady<'_>,
) -> Result<CompileEnd> {
    let mut cmd = cargo_build(ws, jobs);
    if let Some(limits) = limits {
        rustc_limits::set(&mut cmd, limits).context("rustprep cannot find its own binary")?;
    }
    cmd.args([
        "--message-format",
        "json-diagnostic-rendered-ansi",
        "--keep-going",
    ]);
    for w in wanted {
        if w.test {
            cmd.args(["--test", &w.exercise]);
        }
        if w.bin {
            for member in ws
                .members
                .iter()
                .filter(|m| m.exercises.contains(&w.exercise))
            {
                cmd.args(["--bin", &member.bin_name(&w.exercise)]);
            }
        }
    }

    let mut sorter = Sorter::new(ws, wanted, kit_root, on_ready);
    let (lines, received) = mpsc::channel::<String>();
    let limits = Limits::build();
    let ended = AtomicBool::new(false);
    let finished = thread::scope(|scope| {
        let (sorter, ended) = (&mut sorter, &ended);
        let sorting = scope.spawn(move || {
            // Once cargo has ended, what is still to come may take [`LINE_WAIT`] more: its
            // output pipe may be held open, even written to, by a process that left its group
            // (see `supervise`).
            let mut last_call = None;
            loop {
                if last_call.is_none() && ended.load(Ordering::SeqCst) {
                    last_call = Some(Instant::now() + LINE_WAIT);
                }
                let wait =
                    last_call.map_or(LINE_WAIT, |at| at.saturating_duration_since(Instant::now()));
                match received.recv_timeout(wait) {
                    Ok(line) => sorter.take(&line),
                    Err(mpsc::RecvTimeoutError::Timeout) if last_call.is_none() => {}
                    Err(_) => break,
                }
            }
        });
        let finished = supervise::run_with_lines(&mut cmd, &limits, cancel, lines);
        ended.store(true, Ordering::SeqCst);
        if let Err(panic) = sorting.join() {
            std::panic::resume_unwind(panic);
        }
        finished
    })
    .context("failed to run cargo")?;
    match finished.ending {
        Ending::Cancelled => return Ok(CompileEnd::Cancelled),
        Ending::TimedOut { .. } => bail!(
            "cargo build did not finish in {} minutes",
            crate::limits::BUILD_TIMEOUT.as_secs() / 60
        ),
        Ending::Exited(_) => {}
    }
    let Sorter {
        mut results,
        libraries,
        ..
    } = sorter;
    crate::libraries::record(&ws.target_dir, &libraries);

    // A target that produced neither a binary nor an error: when none did, cargo itself failed
    // (a dependency could not be fetched, a lock could not be taken), which is not the
    // learner's; when only some did, their compiler died without a word (killed, out of memory).
    let stderr = strip_ansi_escapes::strip_str(finished.stderr.text());
    let unexplained: Vec<&(usize, String)> = results
        .iter()
        .filter(|((_, exercise), c)| {
            let w = wanted.iter().find(|w| &w.exercise == exercise);
            !c.has_errors && w.is_some_and(|w| !w.built(c))
        })
        .map(|(key, _)| key)
        .collect();
    if !unexplained.is_empty() && unexplained.len() == results.len() {
        bail!("cargo build failed:\n{}", stderr.trim_end());
    }
    let unexplained: Vec<(usize, String)> = unexplained.into_iter().cloned().collect();
    for key in unexplained {
        if let Some(entry) = results.get_mut(&key) {
            entry.has_errors = true;
            entry.diagnostics.push_str(&format!(
                "error: the compiler ended without a message for this exercise:\n{}\n",
                stderr.trim_end()
            ));
        }
    }
    results.values_mut().for_each(Compiled::finish);
    Ok(CompileEnd::Done(results))
}

/// How long the reader of cargo's messages waits for the next before it looks whether cargo has
/// ended.
const LINE_WAIT: Duration = Duration::from_millis(50);

impl Wanted {
    /// Whether every wanted target of this exercise has built.
    fn built(&self, compiled: &Compiled) -> bool {
        (!self.test || compiled.test_exe.is_some()) && (!self.bin || compiled.bin_exe.is_some())
    }
}

/// Sorts cargo's messages, as they come, to the exercises they are about, and tells each
/// exercise that has built.
struct Sorter<'a> {
    members: MemberLookup<'a>,
    wanted: &'a [Wanted],
    /// The exercise each member's program is of, by the program's name.
    by_bin: HashMap<String, &'a str>,
    root_prefix: String,
    on_ready: OnReady<'a>,
    results: CompiledMap,
    /// Diagnostics kept so far, in bytes: past [`crate::limits::BUILD_OUTPUT_CAP`] their text
    /// is dropped (an error still counts).
    kept: usize,
    /// The messages about the libraries built (the dependencies'), for [`crate::libraries`].
    libraries: String,
}

impl<'a> Sorter<'a> {
    fn new(
        ws: &'a Workspace,
        wanted: &'a [Wanted],
        kit_root: &Path,
        on_ready: OnReady<'a>,
    ) -> Self {
        let mut by_bin = HashMap::new();
        let mut results = CompiledMap::new();
        for member in &ws.members {
            for w in wanted
                .iter()
                .filter(|w| member.exercises.contains(&w.exercise))
            {
                by_bin.insert(member.bin_name(&w.exercise), w.exercise.as_str());
                results.insert((member.source, w.exercise.clone()), Compiled::default());
            }
        }
        Self {
            members: MemberLookup::new(ws),
            wanted,
            by_bin,
            root_prefix: format!("{}/", kit_root.display()),
            on_ready,
            results,
            kept: 0,
            libraries: String::new(),
        }
    }

    fn take(&mut self, line: &str) {
        let Some((member, target, msg)) = self.members.message(line) else {
            if line.contains("compiler-artifact") {
                self.libraries.push_str(line);
                self.libraries.push('\n');
            }
            return;
        };
        let exercise = self
            .by_bin
            .get(&target.name)
            .copied()
            .unwrap_or(&target.name);
        let Some(entry) = self.results.get_mut(&(member, exercise.to_owned())) else {
            return;
        };
        match msg.reason.as_str() {
            "compiler-message" => {
                if let Some(mut diag) = msg.message {
                    self.kept += diag.rendered.as_ref().map_or(0, String::len);
                    if self.kept > crate::limits::BUILD_OUTPUT_CAP {
                        diag.rendered = None;
                    }
                    take_diagnostic(entry, diag, &self.root_prefix);
                }
            }
            "compiler-artifact" => {
                let is_test = msg.profile.as_ref().is_some_and(|p| p.test);
                if is_test {
                    entry.test_exe = msg.executable;
                } else if target.kind.iter().any(|k| k == "bin") {
                    entry.bin_exe = msg.executable;
                }
                let wanted = self.wanted.iter().find(|w| w.exercise == exercise);
                if !entry.has_errors && wanted.is_some_and(|w| w.built(entry)) {
                    let mut ready = entry.clone();
                    ready.finish();
                    (self.on_ready)(member, exercise, &ready);
                }
            }
            _ => {}
        }
    }
}

/// Adds what rustc said to what an exercise's compile gave; paths lose the kit's root
/// (`root_prefix`, ending in a separator).
pub(crate) fn take_diagnostic(entry: &mut Compiled, diag: Diagnostic, root_prefix: &str) {
    if !diag.worth_showing() {
        return;
    }
    entry.has_errors |= diag.level == "error";
    entry.timed_out |= diag.message.starts_with(rustc_limits::TIMED_OUT);
    let tests_dir = crate::layout::tests_dir(Path::new(root_prefix));
    let primary = diag.spans.iter().find(|s| s.is_primary);
    let rendered = diag.rendered.unwrap_or_default().replace(root_prefix, "");
    match primary {
        None => entry.closing.push_str(&rendered),
        Some(span) if Path::new(&span.file_name).starts_with(&tests_dir) => {
            entry.about_tests.push_str(&rendered);
        }
        Some(_) => entry.diagnostics.push_str(&rendered),
    }
}

/// cargo's JSON messages about the members of `ws`: for each, the index of its member's source,
/// the target it is about, and the message.
pub(crate) fn messages<'a>(
    ws: &'a Workspace,
    stdout: &'a str,
) -> impl Iterator<Item = (usize, Target, Message)> + 'a {
    let members = MemberLookup::new(ws);
    stdout.lines().filter_map(move |line| members.message(line))
}

/// Finds the workspace member a cargo message is about, by its manifest's path. Paths are
/// compared canonicalized: the kit may be reached through a symbolic link.
struct MemberLookup<'a> {
    ws: &'a Workspace,
    manifests: Vec<PathBuf>,
    seen: std::cell::RefCell<HashMap<PathBuf, Option<usize>>>,
}

impl<'a> MemberLookup<'a> {
    fn new(ws: &'a Workspace) -> Self {
        let manifests = ws
            .members
            .iter()
            .map(|m| canonical(&m.manifest()))
            .collect();
        Self {
            ws,
            manifests,
            seen: Default::default(),
        }
    }

    /// A line of cargo's JSON, if it is a message about a member: the index of the member's
    /// source, the target it is about, and the message.
    fn message(&self, line: &str) -> Option<(usize, Target, Message)> {
        let mut msg = serde_json::from_str::<Message>(line).ok()?;
        let target = msg.target.take()?;
        let member = self.find(msg.manifest_path.as_ref()?)?;
        Some((self.ws.members[member].source, target, msg))
    }

    fn find(&self, manifest: &Path) -> Option<usize> {
        *self
            .seen
            .borrow_mut()
            .entry(manifest.to_owned())
            .or_insert_with(|| {
                let manifest = canonical(manifest);
                self.manifests.iter().position(|m| *m == manifest)
            })
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

#[derive(Deserialize)]
pub(crate) struct Message {
    pub(crate) reason: String,
    manifest_path: Option<PathBuf>,
    target: Option<Target>,
    pub(crate) message: Option<Diagnostic>,
    profile: Option<Profile>,
    executable: Option<PathBuf>,
}

#[derive(Deserialize)]
pub(crate) struct Target {
    pub(crate) name: String,
    #[serde(default)]
    kind: Vec<String>,
}

#[derive(Deserialize)]
struct Profile {
    test: bool,
}

#[derive(Deserialize)]
pub(crate) struct Diagnostic {
    pub(crate) message: String,
    pub(crate) level: String,
    pub(crate) rendered: Option<String>,
    pub(crate) code: Option<Code>,
    #[serde(default)]
    pub(crate) spans: Vec<Span>,
}

#[derive(Deserialize)]
pub(crate) struct Code {
    pub(crate) code: String,
}

#[derive(Deserialize)]
pub(crate) struct Span {
    pub(crate) file_name: String,
    pub(crate) line_start: usize,
    pub(crate) is_primary: bool,
}

impl Diagnostic {
    pub(crate) fn is_about_config(&self) -> bool {
        self.spans
            .iter()
            .any(|s| s.file_name.ends_with("clippy.toml"))
    }

    /// rustc's closing tallies ("aborting due to 2 previous errors", "3 warnings emitted") say
    /// nothing the diagnostics above them did not.
    pub(crate) fn worth_showing(&self) -> bool {
        !(self.message.starts_with("aborting due to")
            || (self.message.ends_with(" emitted") && self.message.contains("warning")))
    }
}
