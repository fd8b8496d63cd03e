//! A compiler started before the save it compiles. rustc spends some 9 ms loading itself before
//! it reads its crate's root, and in watch the learner's next save is always coming: after each
//! compile there, the same command is started again ([`prime`]) with a FIFO in place of the
//! root, and rustc loads and then waits, blocked opening it. When the next compile is the very
//! same command, the root's text is written into the FIFO and that rustc goes on from there;
//! any other command (another exercise, other flags) is started as usual and the waiting one
//! stopped.
//!
//! The command of the last compile is also kept in a file, so that a command that is about to
//! compile (`run`, watch's first run) can start it while it loads the kit ([`prime_kept`]). The
//! FIFO's path is the same for every primed compile of an exercise, which rustc's incremental
//! cache needs (a compile not primed, with the stub itself as its root, costs the next one part
//! of that cache); an error placed in the stub names the FIFO.
//!
//! Linux only, where the waiting compiler dies with rustprep (see [`crate::launch`]); elsewhere
//! one left behind by a killed rustprep would wait for ever, and nothing is primed. Nothing
//! here prints.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::limits;
use crate::supervise::{self, Cancel, Ending, Finished, Limits};

/// What the name of a primed compiler's FIFO adds to its crate root's.
const FIFO_SUFFIX: &str = ".primed";

/// How often a save looks whether the primed compiler has opened its root yet (nothing tells).
const OPEN_LOOK: Duration = Duration::from_millis(1);

/// A command as it is started: two compiles are the same one when these are equal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Recipe {
    program: OsString,
    args: Vec<OsString>,
    envs: Vec<(OsString, Option<OsString>)>,
    dir: Option<OsString>,
    /// The crate's root, one of `args`.
    root: OsString,
}

impl Recipe {
    fn of(cmd: &Command, root: &Path) -> Self {
        Recipe {
            program: cmd.get_program().to_owned(),
            args: cmd.get_args().map(ToOwned::to_owned).collect(),
            envs: cmd
                .get_envs()
                .map(|(k, v)| (k.to_owned(), v.map(ToOwned::to_owned)))
                .collect(),
            dir: cmd.get_current_dir().map(|d| d.as_os_str().to_owned()),
            root: root.as_os_str().to_owned(),
        }
    }

    fn root(&self) -> &Path {
        Path::new(&self.root)
    }

    /// The command, with `root` read from `instead`.
    fn command(&self, instead: &Path) -> Command {
        let mut cmd = Command::new(&self.program);
        for arg in &self.args {
            if *arg == self.root {
                cmd.arg(instead);
            } else {
                cmd.arg(arg);
            }
        }
        for (key, value) in &self.envs {
            match value {
                Some(value) => cmd.env(key, value),
                None => cmd.env_remove(key),
            };
        }
        if let Some(dir) = &self.dir {
            cmd.current_dir(dir);
        }
        cmd
    }
}

/// A compiler waiting for its root.
struct Primed {
    recipe: Recipe,
    started: Instant,
    fifo: PathBuf,
    /// Held while the compiler lives: another rustprep in the kit primes nothing at this FIFO.
    _lock: std::fs::File,
    /// Stops it (it is not the cancel of any run).
    cancel: Cancel,
    ended: Receiver<Result<Finished>>,
}

#[derive(Default)]
struct Slot {
    /// The last command run, which [`Primer::prime`] starts again.
    last: Option<Recipe>,
    primed: Option<Primed>,
    /// The command is ending: nothing is primed any more.
    closed: bool,
}

/// The last command run and the compiler primed with it: one for the process ([`run`],
/// [`prime`], [`close`]).
struct Primer(Mutex<Slot>);

static PRIMER: Primer = Primer(Mutex::new(Slot {
    last: None,
    primed: None,
    closed: false,
}));

/// Runs `cmd`, a compile of the crate whose root is `root`, to its end under `limits`, as
/// [`supervise::run`] does: through the primed compiler when it is this very command. The
/// command is kept in the file `kept`, for [`prime_kept`].
pub fn run(
    cmd: &mut Command,
    root: &Path,
    kept: &Path,
    limits: &Limits,
    cancel: &Cancel,
) -> Result<Finished> {
    let recipe = Recipe::of(cmd, root);
    // A compile that cannot be kept is only not primed by the next command.
    if let Ok(json) = serde_json::to_vec(&recipe) {
        let _ = crate::atomic_file::write_derived_if_changed(kept, &json);
    }
    PRIMER.run(cmd, recipe, limits, cancel)
}

/// Starts the compile kept in `kept` (under the kit's build folder `build_dir`) by the last
/// [`run`], to wait for its root while the command loads; nothing off Linux, or once this
/// process has compiled or closed. Only a compile as [`run`] keeps it is started: `compiler`
/// (the toolchain's rustc), in a folder of `build_dir`, its root there, named once, and no
/// environment but cargo's variables. (Whoever can write the build folder can change the
/// learner's code and tests anyway, which `run` and watch run as they are.)
pub fn prime_kept(kept: &Path, build_dir: &Path, compiler: &Path) {
    if cfg!(target_os = "linux") {
        PRIMER.prime_kept(kept, build_dir, compiler);
    }
}

/// Starts the last command [`run`] ran again, to wait for its next root; nothing when one is
/// waiting already, or off Linux.
pub fn prime() {
    if cfg!(target_os = "linux") {
        PRIMER.prime();
    }
}

/// Stops the compiler waiting, if any, and primes none any more: the command is ending.
pub fn close() {
    PRIMER.close();
}

impl Primer {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn run(
        &self,
        cmd: &mut Command,
        recipe: Recipe,
        limits: &Limits,
        cancel: &Cancel,
    ) -> Result<Finished> {
        let waiting = {
            let mut slot = self.slot();
            slot.last = Some(recipe.clone());
            slot.primed.take()
        };
        let primed = match waiting {
            // One that has waited long gets a full build's time from its own start only.
            Some(primed) if primed.recipe == recipe && primed.is_fresh() => Some(primed),
            Some(other) => {
                other.stop();
                None
            }
            None => None,
        };
        if let Some(primed) = primed
            && let Some(finished) = primed.go(limits, cancel)?
        {
            return Ok(finished);
        }
        supervise::run(cmd, limits, cancel)
    }

    fn prime_kept(&self, kept: &Path, build_dir: &Path, compiler: &Path) {
        let Some(recipe) = std::fs::read(kept)
            .ok()
            .and_then(|json| serde_json::from_slice::<Recipe>(&json).ok())
        else {
            return;
        };
        let inside = |path: &OsString| Path::new(path).starts_with(build_dir);
        let well_formed = Path::new(&recipe.program) == compiler
            && inside(&recipe.root)
            && recipe.dir.as_ref().is_some_and(inside)
            && recipe.args.iter().filter(|a| **a == recipe.root).count() == 1
            && recipe
                .envs
                .iter()
                .all(|(key, _)| key.to_string_lossy().starts_with("CARGO_"));
        if !well_formed {
            return;
        }
        let mut slot = self.slot();
        // A compile already run (or begun) here knows better what comes next.
        if slot.last.is_none() && !slot.closed {
            slot.last = Some(recipe);
            drop(slot);
            self.prime();
        }
    }

    fn prime(&self) {
        let mut slot = self.slot();
        let Some(last) = slot.last.clone() else {
            return;
        };
        if slot.closed
            || slot
                .primed
                .as_ref()
                .is_some_and(|p| p.recipe == last && p.is_fresh())
        {
            return;
        }
        if let Some(other) = slot.primed.take() {
            other.stop();
        }
        slot.primed = Primed::start(last);
    }

    fn close(&self) {
        let mut slot = self.slot();
        slot.closed = true;
        if let Some(primed) = slot.primed.take() {
            primed.stop();
        }
    }
}

impl Primed {
    /// Starts `recipe`'s command with a FIFO for its root, beside the root (its relative
    /// module paths are the same) and always the same one (the root's path is part of what
    /// rustc's incremental cache keeps). `None` when no FIFO can be made, or another rustprep has a
    /// compiler waiting at it.
    fn start(recipe: Recipe) -> Option<Primed> {
        let name = recipe.root().file_name()?.to_string_lossy().into_owned();
        let fifo = recipe.root().with_file_name(format!("{name}{FIFO_SUFFIX}"));
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(fifo.with_file_name(format!("{name}{FIFO_SUFFIX}.lock")))
            .ok()?;
        lock.try_lock().ok()?;
        make_fifo(&fifo).ok()?;
        let mut cmd = recipe.command(&fifo);
        let cancel = Cancel::default();
        let (tx, ended) = mpsc::channel();
        let stop = cancel.clone();
        // The thread that starts the compiler waits for it: on Linux the compiler dies when
        // the thread that started it ends.
        let started = std::thread::Builder::new()
            .name("primed compiler".into())
            .spawn(move || {
                // Used within its wait, it has a build's whole time left.
                let limits = Limits {
                    timeout: limits::PRIMED_WAIT + limits::BUILD_TIMEOUT,
                    ..Limits::build()
                };
                let _ = tx.send(supervise::run(&mut cmd, &limits, &stop));
            });
        if started.is_err() {
            let _ = std::fs::remove_file(&fifo);
            return None;
        }
        Some(Primed {
            recipe,
            started: Instant::now(),
            fifo,
            _lock: lock,
            cancel,
            ended,
        })
    }

    /// Whether it has waited less than [`limits::PRIMED_WAIT`]: used later, its own time limit
    /// could end a compile early.
    fn is_fresh(&self) -> bool {
        self.started.elapsed() < limits::PRIMED_WAIT
    }

    /// Hands the compiler its root and waits for it to end under `limits` (counted from now)
    /// and `cancel`. `Ok(None)` when it is gone or does not open its root: run the command as
    /// usual.
    fn go(self, limits: &Limits, cancel: &Cancel) -> Result<Option<Finished>> {
        let Ok(text) = std::fs::read(self.recipe.root()) else {
            self.stop();
            return Ok(None);
        };
        let start = Instant::now();
        match self.hand_over(&text, cancel) {
            HandOver::Done => {}
            HandOver::Cancelled => {
                self.stop();
                return Ok(Some(Finished {
                    ending: Ending::Cancelled,
                    stdout: Default::default(),
                    stderr: Default::default(),
                    elapsed: start.elapsed(),
                }));
            }
            HandOver::Failed => {
                self.stop();
                return Ok(None);
            }
        }
        // Its supervisor waits under a cancel of its own, made before this run: the run's is
        // forwarded to it.
        let _forwarded = cancel.forward_to(&self.cancel);
        let (ended, timed_out) = match self.ended.recv_timeout(limits.timeout) {
            Ok(ended) => (Ok(ended), false),
            Err(RecvTimeoutError::Timeout) => {
                self.cancel.cancel();
                (self.ended.recv(), true)
            }
            Err(RecvTimeoutError::Disconnected) => (Err(mpsc::RecvError), false),
        };
        let mut finished = ended.map_err(|_| {
            anyhow::anyhow!("the primed compiler's supervisor ended without a word")
        })??;
        finished.elapsed = start.elapsed();
        if timed_out {
            finished.ending = Ending::TimedOut { deadlocked: None };
        }
        Ok(Some(finished))
    }

    /// Writes `text` into the FIFO once the compiler has opened it: it is still loading for a
    /// moment after it starts.
    fn hand_over(&self, text: &[u8], cancel: &Cancel) -> HandOver {
        let give_up = Instant::now() + limits::PRIMED_OPEN_WAIT;
        loop {
            match open_writer(&self.fifo) {
                Ok(mut fifo) => {
                    use std::io::Write;
                    return match fifo.write_all(text) {
                        Ok(()) => HandOver::Done,
                        Err(_) => HandOver::Failed,
                    };
                }
                // Nobody reads it yet: still loading, or gone (then its result is in).
                Err(e) if nobody_reads(&e) && Instant::now() < give_up => {
                    if cancel.is_cancelled() {
                        return HandOver::Cancelled;
                    }
                    if self.ended_already() {
                        return HandOver::Failed;
                    }
                    std::thread::sleep(OPEN_LOOK);
                }
                Err(_) => return HandOver::Failed,
            }
        }
    }

    fn ended_already(&self) -> bool {
        !matches!(self.ended.try_recv(), Err(mpsc::TryRecvError::Empty))
    }

    /// Stops the compiler and waits (briefly) until it is gone, then removes its FIFO and lets
    /// its lock go: a compiler still loading must not open the FIFO of the next one.
    fn stop(self) {
        self.cancel.cancel();
        let _ = self.ended.recv_timeout(limits::PRIMED_STOP_WAIT);
    }
}

impl Drop for Primed {
    /// However it is let go (used, stopped, or dropped with its primer on a panic), its
    /// compiler is stopped and its FIFO removed.
    fn drop(&mut self) {
        self.cancel.cancel();
        let _ = std::fs::remove_file(&self.fifo);
    }
}

/// How handing a primed compiler its root went.
enum HandOver {
    Done,
    Cancelled,
    /// It is gone, or never opened its root in time.
    Failed,
}

#[cfg(unix)]
fn make_fifo(path: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let path = std::ffi::CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: `path` is a valid NUL-terminated string for the duration of the call.
    if unsafe { libc::mkfifo(path.as_ptr(), 0o600) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn make_fifo(_path: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Opens the FIFO's writing end without waiting: an error (ENXIO) while nobody has it open
/// to read.
#[cfg(unix)]
fn open_writer(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    crate::atomic_file::blocking(&file)?;
    Ok(file)
}

/// Whether opening a FIFO to write failed only because nobody has it open to read.
#[cfg(unix)]
fn nobody_reads(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ENXIO)
}

#[cfg(not(unix))]
fn nobody_reads(_e: &std::io::Error) -> bool {
    false
}

#[cfg(not(unix))]
fn open_writer(_path: &Path) -> std::io::Result<std::fs::File> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// A "compiler" that notes each start in `starts`, then prints its root; started the
    /// `exit_at`-th time, it ends at once instead, without reading its root.
    fn compiler(dir: &Path, root: &Path, exit_at: usize) -> Command {
        script(
            dir,
            root,
            &format!(
                "echo started >> starts; [ \"$(wc -l < starts)\" -eq {exit_at} ] && exit 3; \
                 exec cat \"$1\""
            ),
        )
    }

    /// A stand-in compiler: the shell script `text` in `dir`, its crate's root `root` as `$1`.
    fn script(dir: &Path, root: &Path, text: &str) -> Command {
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg(text).arg("sh").arg(root).current_dir(dir);
        cmd
    }

    fn starts(dir: &Path) -> usize {
        std::fs::read_to_string(dir.join("starts")).map_or(0, |s| s.lines().count())
    }

    fn wait_for_starts(dir: &Path, count: usize) {
        let give_up = Instant::now() + Duration::from_secs(60);
        while starts(dir) < count {
            assert!(
                Instant::now() < give_up,
                "the primed compiler never started"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn compile(
        primer: &Primer,
        cmd: &mut Command,
        root: &Path,
        cancel: &Cancel,
    ) -> Result<Finished> {
        let recipe = Recipe::of(cmd, root);
        primer.run(cmd, recipe, &Limits::build(), cancel)
    }

    /// A folder holding a crate root, `root.rs`, of `text`.
    fn a_crate(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root.rs");
        std::fs::write(&root, text).unwrap();
        (dir, root)
    }

    fn primer() -> Primer {
        Primer(Mutex::new(Slot::default()))
    }

    fn output(finished: &Finished) -> String {
        assert!(
            matches!(finished.ending, Ending::Exited(status) if status.success()),
            "{:?}: {}",
            finished.ending,
            finished.stderr.text()
        );
        finished.stdout.text()
    }

    #[test]
    fn the_same_command_runs_through_the_compiler_started_ahead_with_the_root_as_it_is_now() {
        let (dir, root) = a_crate("first");
        let primer = primer();
        let run = |primer: &Primer| {
            let mut cmd = compiler(dir.path(), &root, 0);
            compile(primer, &mut cmd, &root, &Cancel::default())
        };
        assert_eq!(output(&run(&primer).unwrap()), "first");
        primer.prime();
        wait_for_starts(dir.path(), 2);
        std::fs::write(&root, "second").unwrap();
        assert_eq!(output(&run(&primer).unwrap()), "second");
        assert_eq!(
            starts(dir.path()),
            2,
            "the compile started a compiler of its own"
        );
        // Its FIFO goes with it.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|name| name.to_string_lossy().ends_with(FIFO_SUFFIX))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn another_command_starts_as_usual_and_the_waiting_compiler_is_stopped() {
        let (dir, root) = a_crate("text");
        let primer = primer();
        let mut cmd = compiler(dir.path(), &root, 0);
        compile(&primer, &mut cmd, &root, &Cancel::default()).unwrap();
        primer.prime();
        wait_for_starts(dir.path(), 2);
        let mut other = compiler(dir.path(), &root, 0);
        other.env("SOMETHING", "else");
        let finished = compile(&primer, &mut other, &root, &Cancel::default()).unwrap();
        assert_eq!(output(&finished), "text");
        assert_eq!(starts(dir.path()), 3);
        assert!(primer.slot().primed.is_none());
    }

    #[test]
    fn a_second_rustprep_primes_nothing_where_a_compiler_waits_already() {
        let (dir, root) = a_crate("text");
        let (first, second) = (primer(), primer());
        for primer in [&first, &second] {
            let mut cmd = compiler(dir.path(), &root, 0);
            compile(primer, &mut cmd, &root, &Cancel::default()).unwrap();
        }
        first.prime();
        second.prime();
        assert!(first.slot().primed.is_some());
        assert!(second.slot().primed.is_none());
        // Once the first one's compiler is gone, the second may prime.
        first.close();
        second.prime();
        assert!(second.slot().primed.is_some());
        second.close();
    }

    #[test]
    fn a_kept_compile_is_primed_only_as_run_keeps_it_and_only_before_any_compile() {
        let dir = tempfile::tempdir().unwrap();
        let build = dir.path().join("build");
        std::fs::create_dir_all(&build).unwrap();
        let root = build.join("root.rs");
        std::fs::write(&root, "text").unwrap();
        let kept = build.join("kept.json");
        let sh = PathBuf::from("sh");
        let keep = |cmd: &Command| {
            std::fs::write(&kept, serde_json::to_vec(&Recipe::of(cmd, &root)).unwrap()).unwrap();
        };
        let mut good = compiler(&build, &root, 0);
        good.env("CARGO_CRATE_NAME", "root");
        let mut preloaded = compiler(&build, &root, 0);
        preloaded.env("LD_PRELOAD", "/tmp/x.so");
        let elsewhere = compiler(dir.path(), &root, 0);
        for refused in [&preloaded, &elsewhere] {
            keep(refused);
            let primer = primer();
            primer.prime_kept(&kept, &build, &sh);
            assert!(primer.slot().primed.is_none());
        }
        keep(&good);
        let started = primer();
        started.prime_kept(&kept, &build, Path::new("/bin/not-the-compiler"));
        assert!(started.slot().primed.is_none());
        started.prime_kept(&kept, &build, &sh);
        assert!(started.slot().primed.is_some());
        started.close();
        // After a compile of its own, or once closed, a process primes nothing kept.
        let compiled = primer();
        let mut cmd = compiler(&build, &root, 0);
        compile(&compiled, &mut cmd, &root, &Cancel::default()).unwrap();
        compiled.prime_kept(&kept, &build, &sh);
        assert!(compiled.slot().primed.is_none());
        let closed = primer();
        closed.close();
        closed.prime_kept(&kept, &build, &sh);
        assert!(closed.slot().primed.is_none());
    }

    #[test]
    fn a_primer_let_go_without_closing_stops_its_compiler() {
        let (dir, root) = a_crate("text");
        let primer = primer();
        let command = || {
            script(
                dir.path(),
                &root,
                "echo $$ > pid; echo started >> starts; exec cat \"$1\"",
            )
        };
        compile(&primer, &mut command(), &root, &Cancel::default()).unwrap();
        primer.prime();
        wait_for_starts(dir.path(), 2);
        let pid = std::fs::read_to_string(dir.path().join("pid")).unwrap();
        let proc = PathBuf::from(format!("/proc/{}", pid.trim()));
        drop(primer);
        let give_up = Instant::now() + Duration::from_secs(60);
        while proc.exists() {
            assert!(Instant::now() < give_up, "the primed compiler still runs");
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(!dir.path().join(format!("root.rs{FIFO_SUFFIX}")).exists());
    }

    #[test]
    fn a_compiler_started_ahead_that_ended_is_replaced_by_one_started_as_usual() {
        let (dir, root) = a_crate("text");
        let primer = primer();
        // The second start, the primed one, ends without reading its root.
        let run = |primer: &Primer| {
            let mut cmd = compiler(dir.path(), &root, 2);
            compile(primer, &mut cmd, &root, &Cancel::default())
        };
        run(&primer).unwrap();
        primer.prime();
        wait_for_starts(dir.path(), 2);
        assert_eq!(output(&run(&primer).unwrap()), "text");
        assert_eq!(starts(dir.path()), 3);
    }

    #[test]
    fn a_cancel_stops_a_compile_that_runs_through_the_compiler_started_ahead() {
        let (dir, root) = a_crate("text");
        let primer = primer();
        // It sleeps once `slow` is there.
        let slow = || {
            script(
                dir.path(),
                &root,
                "echo started >> starts; cat \"$1\"; [ -e slow ] && sleep 60; true",
            )
        };
        let first = compile(&primer, &mut slow(), &root, &Cancel::default()).unwrap();
        assert_eq!(output(&first), "text");
        std::fs::write(dir.path().join("slow"), "").unwrap();
        primer.prime();
        wait_for_starts(dir.path(), 2);
        let cancel = Cancel::default();
        let stopper = cancel.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            stopper.cancel();
        });
        let start = Instant::now();
        let finished = compile(&primer, &mut slow(), &root, &cancel).unwrap();
        assert!(
            matches!(finished.ending, Ending::Cancelled),
            "{:?}",
            finished.ending
        );
        assert!(start.elapsed() < Duration::from_secs(30));
        assert_eq!(starts(dir.path()), 2);
    }
}
