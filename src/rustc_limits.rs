//! Compiling a learner's crate under limits, for grading: rustprep is cargo's `RUSTC_WRAPPER`,
//! and runs the compiler of each generated package (`rp_*`; never a dependency) with a time
//! limit and a data-memory limit. (`RUSTC_WRAPPER`, not the workspace one, which `cargo clippy`
//! needs for clippy-driver: cargo then starts `rustprep clippy-driver rustc ARGS...`.) A compile that runs out of
//! time, or a compiler that crashes (out of memory, say), becomes an error message for that
//! exercise alone, in the JSON form cargo reads, and every other exercise is graded as usual.

use std::ffi::OsString;
use std::process::Command;
use std::time::{Duration, Instant};

/// Set on cargo by [`set`]: tells rustprep, started as the wrapper, to apply these limits.
pub const LIMITS_VAR: &str = "RUSTPREP_RUSTC_LIMITS";
/// How a compile that ran out of time is told apart in cargo's messages.
pub const TIMED_OUT: &str = "rustprep: compiling did not finish within";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompileLimits {
    pub timeout: Duration,
    /// Bytes of data memory rustc may use (RLIMIT_DATA).
    pub memory: u64,
    /// Confine the compiler's reads (Linux: Landlock) to the system, the toolchain, the build
    /// folder and what its package lists in [`READS_FILE`]: the learner's own folder and the
    /// hidden tests.
    pub confine: bool,
}

/// The file, in each generated package's folder, that lists what its compiler may read and
/// write when confined: lines `read PATH` and `write PATH`.
pub const READS_FILE: &str = "rustprep-reads";

/// Makes `cargo` compile its workspace members through rustprep under `limits`.
pub fn set(cargo: &mut Command, limits: CompileLimits) -> std::io::Result<()> {
    cargo.env("RUSTC_WRAPPER", std::env::current_exe()?).env(
        LIMITS_VAR,
        format!(
            "{}:{}:{}",
            limits.timeout.as_millis(),
            limits.memory,
            u8::from(limits.confine)
        ),
    );
    Ok(())
}

/// The limits rustprep was started with as a wrapper, if it was.
pub fn from_env() -> Option<CompileLimits> {
    let text = std::env::var(LIMITS_VAR).ok()?;
    let mut parts = text.split(':');
    Some(CompileLimits {
        timeout: Duration::from_millis(parts.next()?.parse().ok()?),
        memory: parts.next()?.parse().ok()?,
        confine: parts.next()? == "1",
    })
}

/// Whether cargo is compiling one of rustprep's generated packages (`rp_...`), by the package
/// name cargo gives every compiler it starts.
fn compiles_learner_code() -> bool {
    std::env::var("CARGO_PKG_NAME").is_ok_and(|name| name.starts_with("rp_"))
}

/// Confines this process, and so the compiler it starts: reads of the system, the toolchain
/// (`rustc`'s own installation, rustup's and cargo's homes) and what the package's
/// [`READS_FILE`] lists; writes only in its `write` folders, with TMPDIR among them.
fn confine(cmd: &mut Command, rustc: &OsString) -> Result<(), String> {
    let package = std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no CARGO_MANIFEST_DIR")?;
    let package = std::path::PathBuf::from(package);
    let listed = std::fs::read_to_string(package.join(READS_FILE))
        .map_err(|e| format!("cannot read {READS_FILE}: {e}"))?;
    let (mut read, mut write) = (Vec::new(), Vec::new());
    for line in listed.lines() {
        match line.split_once(' ') {
            Some(("read", path)) => read.push(std::path::PathBuf::from(path)),
            Some(("write", path)) => write.push(std::path::PathBuf::from(path)),
            _ => {
                return Err(format!(
                    "a line of {READS_FILE} is neither read nor write: {line}"
                ));
            }
        }
    }
    // The toolchain: `.../toolchains/X/bin/rustc` lives in its sysroot; rustup's and cargo's
    // homes hold the proxies and settings a `rustc` from a proxy consults.
    let rustc = std::path::Path::new(rustc);
    read.extend(rustc.ancestors().nth(2).map(std::path::Path::to_owned));
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    for (var, default) in [("RUSTUP_HOME", ".rustup"), ("CARGO_HOME", ".cargo")] {
        read.extend(
            std::env::var_os(var)
                .map(std::path::PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(default))),
        );
    }
    let tmp = package.join("tmp");
    std::fs::create_dir_all(&tmp).map_err(|e| format!("no {}: {e}", tmp.display()))?;
    cmd.env("TMPDIR", &tmp);
    write.push(tmp);
    #[cfg(target_os = "linux")]
    crate::sandbox::contain::confine_compiler(&read, &write)?;
    Ok(())
}

/// Runs `rustc ARGS...` (the wrapper's arguments) under `limits`; returns the exit code.
pub fn main(limits: CompileLimits, args: &[OsString]) -> i32 {
    let Some((rustc, rest)) = args.split_first() else {
        eprintln!("rustprep: no compiler to run");
        return 1;
    };
    let json = rest
        .iter()
        .any(|a| a.to_string_lossy().contains("--error-format=json"));
    let mut cmd = Command::new(rustc);
    cmd.args(rest);
    if !compiles_learner_code() {
        return match cmd.status() {
            Ok(status) => status.code().unwrap_or(1),
            Err(e) => {
                eprintln!("rustprep: failed to start {}: {e}", rustc.to_string_lossy());
                1
            }
        };
    }
    if limits.confine
        && let Err(e) = confine(&mut cmd, rustc)
    {
        eprintln!("rustprep: cannot confine the compiler: {e}");
        return 1;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let memory = limits.memory;
        // SAFETY: setrlimit is async-signal-safe and nothing here allocates.
        unsafe {
            cmd.pre_exec(move || rlimit::setrlimit(rlimit::Resource::DATA, memory, memory));
        }
    }
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("rustprep: failed to start {}: {e}", rustc.to_string_lossy());
            return 1;
        }
    };
    let deadline = Instant::now() + limits.timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    let message = match status {
        None => format!(
            "{TIMED_OUT} {} s (a constant evaluated for ever, or a type that grows without end?)",
            limits.timeout.as_secs()
        ),
        Some(status) if status.code().is_some() => return status.code().unwrap_or(1),
        Some(status) => format!(
            "rustprep: the compiler crashed ({status}); it may have run out of memory (it may use {} MiB)",
            limits.memory >> 20
        ),
    };
    if json {
        let diagnostic = serde_json::json!({
            "$message_type": "diagnostic",
            "message": message,
            "code": null,
            "level": "error",
            "spans": [],
            "children": [],
            "rendered": format!("error: {message}\n"),
        });
        eprintln!("{diagnostic}");
    } else {
        eprintln!("error: {message}");
    }
    1
}
