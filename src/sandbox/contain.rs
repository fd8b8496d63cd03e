//! `rustprep __contain [--probe] --scratch DIR [--read DIR]... -- PROGRAM ARGS...`: the supervisor
//! of one confined test process. It makes itself a child subreaper that dies with rustprep, takes
//! a user and network namespace where the system allows, confines itself with Landlock (which its
//! child inherits) to write only in the scratch folder, starts the program there, and when the
//! program ends (or a SIGTERM asks) kills every process the program left behind before it exits
//! with the program's own status, so a supervisor above it sees the program's exit code or
//! signal as its own.
//!
//! The scratch folder is made, and removed, by the caller ([`super::scratch`]): once confined,
//! the supervisor may write in it but not in the folder that holds it, so it could not remove
//! it (every test under the sandbox used to leave an empty folder in the system's temporary
//! folder).
//!
//! `--probe` sets everything up, prints what holds as one line ([`Confinement::to_line`]) and
//! exits: rustprep runs it once to know what this machine offers.

use std::ffi::OsString;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::mpsc;
use std::time::Duration;

use landlock::{
    ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, LandlockStatus, Ruleset,
    RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope, path_beneath_rules,
};

use super::Confinement;

/// The exit code of a supervisor that could not start its program (as `env` and `docker` use).
pub const FAILED_TO_START: i32 = 125;
/// Folders a test binary reads from: the dynamic loader, libc, and what std and tokio consult
/// (`/proc/self`, cgroup limits under `/sys`, `/etc/ld.so.cache`).
const READABLE: [&str; 8] = [
    "/usr",
    "/lib",
    "/lib64",
    "/bin",
    "/etc",
    "/proc",
    "/sys",
    "/dev/urandom",
];
/// How many times the sweep for left-behind processes looks again (about ten seconds).
const SWEEP_ROUNDS: u32 = 1000;
/// Device files a test may read and write.
const DEVICES: [&str; 3] = ["/dev/null", "/dev/zero", "/dev/full"];

/// Runs the supervisor with the arguments after `__contain`; returns the exit code for a
/// program that ended normally (one killed by a signal is re-raised here).
pub fn main(args: &[OsString]) -> i32 {
    match contain(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rustprep sandbox: {e}");
            FAILED_TO_START
        }
    }
}

fn contain(args: &[OsString]) -> Result<i32, String> {
    // A write to a pipe whose reader is gone must not end the supervisor before its cleanup.
    // SAFETY: setting a signal's action to "ignore" is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    let usage = || {
        "usage: rustprep __contain [--probe] --scratch DIR [--read DIR]... -- PROGRAM ARGS..."
            .to_owned()
    };
    let (options, command) = match args.iter().position(|a| a == "--") {
        Some(end) => (&args[..end], &args[end + 1..]),
        None => (args, &[][..]),
    };
    let mut probe = false;
    let mut scratch = None;
    let mut reads = Vec::new();
    let mut options = options.iter();
    while let Some(option) = options.next() {
        match option.to_str() {
            Some("--probe") => probe = true,
            Some("--read") => reads.push(PathBuf::from(options.next().ok_or_else(usage)?)),
            Some("--scratch") => scratch = Some(PathBuf::from(options.next().ok_or_else(usage)?)),
            _ => return Err(usage()),
        }
    }
    let Some(scratch) = scratch.filter(|_| probe || !command.is_empty()) else {
        return Err(usage());
    };
    if !scratch.is_dir() {
        return Err(format!("no scratch folder at {}", scratch.display()));
    }
    let mut confinement = Confinement {
        subreaper: die_with_parent_and_adopt_orphans()?,
        // Before any thread exists: unshare refuses a user namespace to a threaded process.
        network_namespace: own_network(),
        ..Confinement::default()
    };
    // Absolute: the program runs in the scratch folder.
    let program = command
        .first()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| PathBuf::from(p)));
    reads.extend(program.clone());
    confine(&mut confinement, &scratch, &reads)?;
    if probe {
        println!("{}", confinement.to_line());
        return Ok(0);
    }
    let program = program.unwrap_or_default();
    limit_files();
    let mut cmd = Command::new(&program);
    cmd.args(&command[1..])
        .current_dir(&scratch)
        .env("TMPDIR", &scratch);
    // SAFETY: prctl and signal are async-signal-safe, and nothing here allocates.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            // The program starts with the default action, as it would without the sandbox.
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("failed to start {}: {e}", program.display()))?;
    let pid = child.id();

    let (tx, rx) = mpsc::channel();
    let ended = tx.clone();
    std::thread::spawn(move || {
        let _ = ended.send(child.wait().ok());
    });
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ])
    .map_err(|e| format!("cannot handle signals: {e}"))?;
    let stop = signals.handle();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(None);
        }
    });
    let first = rx.recv().ok().flatten();
    stop.close();
    let status = match first {
        Some(status) => Some(status),
        None => {
            // A stop was asked: the program goes first, and once the waiting thread has reaped
            // it, its children are ours (a subreaper adopts them when their parent exits).
            // SAFETY: plain system call on our own child's pid, which the waiting thread has not
            // reaped yet (it sends nothing else before).
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
            rx.iter().flatten().next()
        }
    };
    kill_descendants();
    match status {
        Some(status) => Ok(exit_as(status)),
        None => Ok(128 + libc::SIGTERM),
    }
}

/// Dies (SIGTERM, handled: the cleanup runs) when the thread that started it ends, and adopts
/// the orphans of its descendants. `Ok(false)` when the kernel refuses the subreaper.
fn die_with_parent_and_adopt_orphans() -> Result<bool, String> {
    // SAFETY: plain system calls with integer arguments.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
        if libc::getppid() == 1 {
            return Err("rustprep ended before its test started".to_owned());
        }
        Ok(libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1) == 0)
    }
}

/// A user and network namespace of its own: no interface but a loopback that is down. Systems
/// that restrict unprivileged user namespaces (Ubuntu 24.04's AppArmor) refuse; that is fine.
/// [`NO_NAMESPACES`] takes that path on purpose, to try it on a system that allows them.
fn own_network() -> bool {
    if std::env::var_os(super::NO_NAMESPACES).is_some() {
        return false;
    }
    // SAFETY: plain system call; the process is single-threaded here.
    unsafe { libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET) == 0 }
}

/// Landlock for this process and its children: read the system, the program and `reads`, write only
/// `scratch` and a few devices, no TCP, no signals or abstract sockets outside the sandbox.
fn confine(confinement: &mut Confinement, scratch: &Path, reads: &[PathBuf]) -> Result<(), String> {
    let abi = ABI::V6;
    let fail = |e: landlock::RulesetError| format!("Landlock: {e}");
    let mut readable: Vec<PathBuf> = READABLE.iter().map(PathBuf::from).collect();
    readable.extend(reads.iter().cloned());
    let status = Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessFs::from_all(abi))
        .and_then(|r| r.handle_access(AccessNet::from_all(abi)))
        .and_then(|r| r.scope(Scope::from_all(abi)))
        .and_then(|r| r.create())
        .and_then(|r| r.add_rules(path_beneath_rules(&readable, AccessFs::from_read(abi))))
        .and_then(|r| r.add_rules(path_beneath_rules(DEVICES, AccessFs::from_all(abi))))
        .and_then(|r| r.add_rules(path_beneath_rules([scratch], AccessFs::from_all(abi))))
        .and_then(|r| r.restrict_self())
        .map_err(fail)?;
    let effective = match status.landlock {
        LandlockStatus::Available { effective_abi, .. } => effective_abi as u8,
        _ => 0,
    };
    if status.ruleset != RulesetStatus::NotEnforced {
        confinement.landlock_abi = effective;
        confinement.tcp_denied = effective >= ABI::V4 as u8;
        confinement.signals_scoped = effective >= ABI::V6 as u8;
    }
    Ok(())
}

/// Confines this process and the compiler it is about to start (Landlock, inherited across
/// exec): it may read the system's folders and `read`, and write only in `write`. A learner's
/// `include_str!("../../solutions/x.rs")` or a path into a classmate's folder then fails to read.
/// Returns the Landlock ABI in force (0: none on this kernel, which is not an error: dep-info
/// still catches reads outside the exercise).
pub fn confine_compiler(read: &[PathBuf], write: &[PathBuf]) -> Result<u8, String> {
    let abi = ABI::V6;
    let mut readable: Vec<PathBuf> = READABLE.iter().map(PathBuf::from).collect();
    readable.extend(read.iter().cloned());
    let status = Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessFs::from_all(abi))
        .and_then(|r| r.create())
        .and_then(|r| r.add_rules(path_beneath_rules(&readable, AccessFs::from_read(abi))))
        .and_then(|r| r.add_rules(path_beneath_rules(DEVICES, AccessFs::from_all(abi))))
        .and_then(|r| r.add_rules(path_beneath_rules(write, AccessFs::from_all(abi))))
        .and_then(|r| r.restrict_self())
        .map_err(|e| format!("Landlock: {e}"))?;
    Ok(match (status.ruleset, status.landlock) {
        (RulesetStatus::NotEnforced, _) => 0,
        (_, LandlockStatus::Available { effective_abi, .. }) => effective_abi as u8,
        _ => 0,
    })
}

/// No core files, and no file larger than [`crate::limits::SANDBOX_FILE_SIZE`].
fn limit_files() {
    let _ = rlimit::setrlimit(rlimit::Resource::CORE, 0, 0);
    let _ = rlimit::setrlimit(
        rlimit::Resource::FSIZE,
        crate::limits::SANDBOX_FILE_SIZE,
        crate::limits::SANDBOX_FILE_SIZE,
    );
}

/// Kills and reaps every process left: as a subreaper, the orphans of the program's descendants
/// (a `setsid` daemon included) are this process's children once their parents are gone.
fn kill_descendants() {
    let mut rounds = 0;
    loop {
        let children = children();
        for pid in &children {
            // SAFETY: plain system call on a child of ours, not yet reaped.
            unsafe {
                libc::kill(*pid, libc::SIGKILL);
            }
        }
        // Reap what is dead; ECHILD means no child is left at all.
        loop {
            // SAFETY: a null status pointer is allowed.
            let reaped = unsafe { libc::waitpid(-1, std::ptr::null_mut(), libc::WNOHANG) };
            if reaped > 0 {
                continue;
            }
            if reaped < 0 {
                return;
            }
            break;
        }
        rounds += 1;
        // A process stuck in the kernel cannot be killed at all: after ten seconds the
        // supervisor goes, and its own supervisor's group kill is the last word.
        if rounds > SWEEP_ROUNDS {
            return;
        }
        // A child not yet listed (adopted a moment ago) or not yet dead: look again shortly.
        std::thread::sleep(Duration::from_millis(if rounds < 20 { 1 } else { 10 }));
    }
}

/// This process's children, from `/proc/self/task/*/children`.
fn children() -> Vec<libc::pid_t> {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("children")).ok())
        .flat_map(|list| {
            list.split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The exit code that reports `status`: the same code, or for a signal the same signal
/// raised on this process, so that its parent sees it as the program's.
fn exit_as(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    let signal = status.signal().unwrap_or(libc::SIGKILL);
    // SAFETY: restoring the default action and raising a signal on ourselves are plain calls.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signal);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(signal);
    }
    128 + signal
}
