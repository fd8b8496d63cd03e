//! Starting a child cheaply: through rustprep's own binary (`rustprep __launch`), which sets the
//! child's limits on itself and then becomes the child with `exec`.
//!
//! A limit set between `fork` and `exec` (a `pre_exec` closure) forces the standard library to
//! `fork`, which copies the parent's page tables and, in a parent with many threads, makes every
//! later write of theirs fault and flush the other cores' TLBs. The kit check's process, of some
//! 50 threads, starts about 6,000 test processes for the wrong-fix corpus: forking them took half
//! of the corpus's system CPU (68-73 s of some 220 s of CPU; 35 s through the launcher, and the
//! corpus 14 % faster). Through the launcher, the parent's standard library uses `posix_spawn`
//! (no copy), and the small launcher applies the limits before `exec`: the death signal (Linux),
//! the data-memory limit and the nice value. Without a launcher (a
//! program that only links the library and names none), [`crate::supervise`] forks as before.
//!
//! The launcher's standard input is the writing end of a pipe, as std's own spawn reports a
//! failed `exec`: it moves that end to a descriptor closed on `exec`, gives the program
//! `/dev/null` as its input, and writes there why it could not start it. The parent reads until
//! the end closes: nothing means the program runs; a reason is the same error a failed spawn
//! gives. The program never holds that end, so it cannot pass for the launcher.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The hidden command that launches one child: `rustprep __launch PARENT DATA NICE -- PROGRAM
/// ARGS...` (`-` for no memory limit, `0` for the normal priority).
pub const LAUNCH: &str = "__launch";

const USAGE: &str = "usage: __launch PARENT DATA NICE -- PROGRAM ARGS...";

/// The launcher's exit status when it could not start the program (it says why on its report
/// pipe), as shells do.
const CANNOT_START: i32 = 127;

static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// Names the binary that carries the launcher: rustprep's own, set once at its start (and by
/// tests, which link the library, to the binary cargo built).
pub fn use_helper(binary: PathBuf) {
    let _ = HELPER.set(binary);
}

/// What a child gets before it runs: from the launcher, or between `fork` and `exec` where there
/// is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// RLIMIT_DATA, soft and hard, in bytes.
    pub memory: Option<u64>,
    /// The nice value to take (0: unchanged).
    pub nice: i32,
}

impl Setup {
    /// Applies the setup to this process: the death signal (Linux: it goes when the thread
    /// that started it ends, and so when rustprep is killed), the memory limit and the nice
    /// value. Async-signal-safe (plain system calls, nothing allocated), so it may run between
    /// `fork` and `exec`.
    pub fn apply(self) -> std::io::Result<()> {
        // SAFETY: plain system calls on this process.
        #[cfg(target_os = "linux")]
        unsafe {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        }
        if let Some(bytes) = self.memory {
            rlimit::setrlimit(rlimit::Resource::DATA, bytes, bytes)?;
        }
        if self.nice != 0 {
            // SAFETY: a plain system call on this process. Failing to lower one's own priority
            // changes nothing that matters: ignored.
            unsafe {
                libc::setpriority(libc::PRIO_PROCESS, 0, self.nice);
            }
        }
        Ok(())
    }
}

/// `command`, to be started through the launcher instead: the same program, arguments,
/// environment changes and folder, and the launcher's report pipe as its input (read it with
/// [`Launched::started`] once spawned). `None` when no launcher is named. (What the getters of
/// `Command` do not show is lost: `env_clear`, `arg0`, a `pre_exec` closure; the callers of
/// [`crate::supervise`] use none of them.)
pub fn through_helper(command: &Command, setup: Setup) -> std::io::Result<Option<Launched>> {
    let Some(helper) = HELPER.get() else {
        return Ok(None);
    };
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
    let (report, report_end) = std::io::pipe()?;
    launched.stdin(report_end);
    Ok(Some(Launched {
        command: launched,
        report,
    }))
}

/// A command to start through the launcher, and the pipe it reports on.
pub struct Launched {
    pub command: Command,
    report: std::io::PipeReader,
}

impl Launched {
    /// Once the launcher is spawned: waits until it has become the program (`Ok`), or returns
    /// why it could not (the launcher has then exited; the caller reaps it).
    pub fn started(self) -> std::io::Result<()> {
        let Launched {
            mut command,
            mut report,
        } = self;
        // The command holds the pipe's writing end too: without dropping it, the end never
        // closes.
        command.stdin(std::process::Stdio::null());
        drop(command);
        let mut why = String::new();
        std::io::Read::read_to_string(&mut report, &mut why)?;
        if why.is_empty() {
            Ok(())
        } else {
            Err(std::io::Error::other(why))
        }
    }
}

/// The launcher itself: applies the limits to this process and becomes the program. Returns
/// only when that fails, having written why on its report pipe (its standard input).
pub fn main(args: &[OsString]) -> i32 {
    use std::io::Write;
    use std::os::fd::FromRawFd;
    use std::os::unix::process::CommandExt;

    // SAFETY: plain system calls on this process's own descriptors: standard input (the report
    // pipe, as the parent gave it) is copied above 2, closed on exec, and replaced by /dev/null.
    let report_fd = unsafe { libc::fcntl(0, libc::F_DUPFD_CLOEXEC, 3) };
    let null = std::fs::File::open("/dev/null");
    if let Ok(null) = &null {
        // SAFETY: both descriptors are open; dup2 onto 0 replaces the pipe's end there.
        unsafe { libc::dup2(std::os::fd::AsRawFd::as_raw_fd(null), 0) };
    }
    // SAFETY: `report_fd` was just made by fcntl and is owned by nothing else (-1: not made).
    let mut report = (report_fd >= 0).then(|| unsafe { std::fs::File::from_raw_fd(report_fd) });
    let set_up = report.is_some() && null.is_ok();
    let mut say = |why: &str| {
        match report.as_mut() {
            Some(report) => drop(report.write_all(why.as_bytes())),
            None => eprintln!("rustprep: the launcher cannot start the program: {why}"),
        }
        CANNOT_START
    };
    if !set_up {
        return say("its descriptors could not be set up");
    }
    let [parent, memory, nice, dashes, program, rest @ ..] = args else {
        return say(USAGE);
    };
    let memory = match memory.to_str() {
        Some("-") => None,
        memory => match memory.and_then(|m| m.parse().ok()) {
            Some(bytes) => Some(bytes),
            None => return say(USAGE),
        },
    };
    let (Some(nice), true) = (nice.to_str().and_then(|n| n.parse().ok()), dashes == "--") else {
        return say(USAGE);
    };
    let setup = Setup { memory, nice };
    if let Err(e) = setup.apply() {
        return say(&format!("cannot set its limits ({setup:?}): {e}"));
    }
    // Whoever started this is already gone: the death signal came too late to be sent.
    #[cfg(target_os = "linux")]
    // SAFETY: a plain system call about this process.
    if parent.to_str().and_then(|p| p.parse().ok()) != Some(unsafe { libc::getppid() }) {
        return say("its parent is gone");
    }
    #[cfg(not(target_os = "linux"))]
    let _ = parent;
    let error = Command::new(program).args(rest).exec();
    say(&error.to_string())
}
