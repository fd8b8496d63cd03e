//! Starting a child cheaply: through rustprep's own binary (`rustprep __launch`), which sets the
//! child's limits on itself and then becomes the child with `exec`.
//!
//! A limit set between `fork` and `exec` (a `pre_exec` closure) forces the standard library to
//! `fork`, which copies the parent's page tables and, in a parent with many threads, makes every
//! later write of theirs fault and flush the other cores' TLBs. The kit check's process, of some
//! 50 threads, starts about 6,000 test processes for the wrong-fix corpus: forking them took half
//! of the corpus's system CPU (68-73 s of 220 s; 35 s through the launcher, and the corpus 15 %
//! faster). Through the launcher, the parent's standard library uses `posix_spawn`
//! (no copy), and the small launcher applies the limits before `exec`:
//! the death signal (Linux), the data-memory limit and the nice value. Without a launcher (a
//! program that only links the library and names none), [`crate::supervise`] forks as before.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The hidden command that launches one child: `rustprep __launch PARENT DATA NICE -- PROGRAM
/// ARGS...` (`-` for no memory limit, `0` for the normal priority).
pub const LAUNCH: &str = "__launch";

/// How the launcher says it could not start the program, as shells do.
pub const CANNOT_START: i32 = 127;

static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// Names the binary that carries the launcher: rustprep's own, set once at its start (and by
/// tests, which link the library, to the binary cargo built).
pub fn use_helper(binary: PathBuf) {
    let _ = HELPER.set(binary);
}

/// What the launcher applies to the child before it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// RLIMIT_DATA, soft and hard, in bytes.
    pub memory: Option<u64>,
    /// The nice value to take (0: unchanged).
    pub nice: i32,
}

/// `command`, to be started through the launcher instead: the same program, arguments,
/// environment changes and folder. `None` when no launcher is named. (Any `pre_exec` closure
/// of `command` would be lost: the callers of [`crate::supervise`] set none.)
pub fn through_helper(command: &Command, setup: Setup) -> Option<Command> {
    let helper = HELPER.get()?;
    let mut launched = Command::new(helper);
    launched
        .arg(LAUNCH)
        .arg(std::process::id().to_string())
        .arg(
            setup
                .memory
                .map_or_else(|| "-".to_owned(), |m| m.to_string()),
        )
        .arg(setup.nice.to_string())
        .arg("--")
        .arg(command.get_program())
        .args(command.get_args());
    for (name, value) in command.get_envs() {
        match value {
            Some(value) => launched.env(name, value),
            None => launched.env_remove(name),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        launched.current_dir(dir);
    }
    Some(launched)
}

/// Whether `program` can be found, as `exec` would look for it: a path must name a file; a bare
/// name must be a file in a folder of `PATH`. Checked before starting the launcher, so that a
/// missing tool (clippy, cargo) is an error at once, as a failed `spawn` is, and never a child
/// that exits with [`CANNOT_START`].
pub fn findable(program: &OsStr, folder: Option<&Path>) -> std::io::Result<()> {
    let path = Path::new(program);
    let found = if path.components().count() > 1 {
        folder
            .map_or_else(|| path.to_owned(), |f| f.join(path))
            .is_file()
    } else {
        std::env::var_os("PATH")
            .is_some_and(|dirs| std::env::split_paths(&dirs).any(|dir| dir.join(path).is_file()))
    };
    if found {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} not found", path.display()),
        ))
    }
}

/// The launcher itself: applies the limits to this process and becomes the program. Returns
/// only when that fails, with [`CANNOT_START`] (and a line on stderr saying why).
pub fn main(args: &[OsString]) -> i32 {
    use std::os::unix::process::CommandExt;

    let say = |why: &str| {
        eprintln!("rustprep: the launcher cannot start the program: {why}");
        CANNOT_START
    };
    let [parent, memory, nice, dashes, program, rest @ ..] = args else {
        return say("usage: __launch PARENT DATA NICE -- PROGRAM ARGS...");
    };
    if dashes != "--" {
        return say("usage: __launch PARENT DATA NICE -- PROGRAM ARGS...");
    }
    #[cfg(target_os = "linux")]
    {
        // SAFETY: plain system calls on this process.
        let parent_now = unsafe {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            libc::getppid()
        };
        // Whoever started this is already gone: the death signal came too late to be sent.
        if parent.to_str().and_then(|p| p.parse().ok()) != Some(parent_now) {
            return say("its parent is gone");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = parent;
    if memory != "-" {
        let Some(bytes) = memory.to_str().and_then(|m| m.parse().ok()) else {
            return say("the memory limit is not a number");
        };
        if let Err(e) = rlimit::setrlimit(rlimit::Resource::DATA, bytes, bytes) {
            return say(&format!("cannot limit its memory: {e}"));
        }
    }
    match nice.to_str().and_then(|n| n.parse::<i32>().ok()) {
        Some(0) => {}
        // SAFETY: a plain system call on this process. Failing to lower one's own priority
        // changes nothing that matters: ignored.
        Some(n) => unsafe {
            libc::setpriority(libc::PRIO_PROCESS, 0, n);
        },
        None => return say("the nice value is not a number"),
    }
    let error = Command::new(program).args(rest).exec();
    say(&format!("{}: {error}", Path::new(program).display()))
}
