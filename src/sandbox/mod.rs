//! The sandbox for learner code under grading. Each test process is started through
//! `rustprep __contain` (see [`contain`]), a small supervisor that confines it before it runs:
//! on Linux, Landlock (through the `landlock` crate) so it can read only the system's libraries
//! and its own binary and write only a scratch folder of its own, with no TCP and no signals to
//! processes outside; a user and network namespace where the system allows them (no network at
//! all); and a child subreaper, so that every process it starts, detached or not, is killed when
//! it ends, and all of them when rustprep itself dies.
//!
//! This module owns the choice (`--sandbox auto|on|off`) and what the machine offers; nothing
//! here prints.

#[cfg(target_os = "linux")]
pub mod contain;

use std::path::PathBuf;
use std::process::Command;

use clap::ValueEnum;

/// The hidden command that confines one test process.
pub const CONTAIN: &str = "__contain";
/// Set (to anything), the sandbox takes no namespace, as where the system refuses them: how the
/// tests try that path on a system that allows them.
pub const NO_NAMESPACES: &str = "RUSTPREP_SANDBOX_NO_NAMESPACES";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SandboxMode {
    /// Confine learner code where the machine allows it; say so where it does not.
    Auto,
    /// Confine learner code, or refuse to run (exit 2) where it cannot be.
    On,
    /// Run learner code with the user's own rights.
    Off,
}

/// What confinement a test process gets on this machine, as the supervisor found it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confinement {
    /// The Landlock ABI in force, when files are confined (0: not at all).
    pub landlock_abi: u8,
    /// TCP bind and connect are refused (Landlock ABI 4 and later).
    pub tcp_denied: bool,
    /// Signals to processes outside the sandbox are refused (Landlock ABI 6 and later).
    pub signals_scoped: bool,
    /// A network namespace of its own: no network at all.
    pub network_namespace: bool,
    /// Every process it starts is killed when it ends (a child subreaper).
    pub subreaper: bool,
}

impl Confinement {
    /// Files are confined and nothing a test starts outlives it: what `--sandbox on` asks for.
    pub fn holds(&self) -> bool {
        self.landlock_abi > 0 && self.subreaper && (self.tcp_denied || self.network_namespace)
    }

    /// The probe's line: `landlock=7 tcp=1 signals=1 netns=0 subreaper=1`.
    pub fn to_line(&self) -> String {
        format!(
            "landlock={} tcp={} signals={} netns={} subreaper={}",
            self.landlock_abi,
            u8::from(self.tcp_denied),
            u8::from(self.signals_scoped),
            u8::from(self.network_namespace),
            u8::from(self.subreaper)
        )
    }

    pub fn from_line(line: &str) -> Option<Self> {
        let mut c = Confinement::default();
        for field in line.split_whitespace() {
            let (key, value) = field.split_once('=')?;
            let n: u8 = value.parse().ok()?;
            match key {
                "landlock" => c.landlock_abi = n,
                "tcp" => c.tcp_denied = n == 1,
                "signals" => c.signals_scoped = n == 1,
                "netns" => c.network_namespace = n == 1,
                "subreaper" => c.subreaper = n == 1,
                _ => return None,
            }
        }
        Some(c)
    }
}

/// A sandbox that test processes are started in.
#[derive(Debug, Clone)]
pub struct Sandbox {
    /// rustprep's own binary, which runs the supervisor.
    exe: PathBuf,
    pub confinement: Confinement,
}

/// Why there is no sandbox.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unavailable {
    #[error("the sandbox needs Linux (Landlock); this system is not Linux")]
    NotLinux,
    #[error("the sandbox could not be had here: {0}")]
    NotHere(String),
}

/// The sandbox `mode` gives on this machine: `Ok(None)` when off, or `auto` found nothing to
/// confine with (the second value says why); `Err` when `on` cannot be had.
pub fn prepare(mode: SandboxMode) -> Result<(Option<Sandbox>, Option<Unavailable>), Unavailable> {
    if mode == SandboxMode::Off {
        return Ok((None, None));
    }
    match probe() {
        Ok(sandbox) if sandbox.confinement.holds() => Ok((Some(sandbox), None)),
        Ok(sandbox) if mode == SandboxMode::Auto && sandbox.confinement.subreaper => {
            // Part of it is better than none: say what is missing where it is reported.
            Ok((Some(sandbox), None))
        }
        Ok(sandbox) => {
            let why = Unavailable::NotHere(format!(
                "only {} is enforced",
                sandbox.confinement.to_line()
            ));
            match mode {
                SandboxMode::On => Err(why),
                _ => Ok((None, Some(why))),
            }
        }
        Err(why) if mode == SandboxMode::On => Err(why),
        Err(why) => Ok((None, Some(why))),
    }
}

/// A fresh scratch folder for one confined process, in the system's temporary folder; removed
/// with what the process left in it when dropped, which its caller does once the process has
/// ended.
pub fn scratch() -> std::io::Result<tempfile::TempDir> {
    tempfile::Builder::new().prefix("rustprep-test-").tempdir()
}

#[cfg(target_os = "linux")]
fn probe() -> Result<Sandbox, Unavailable> {
    let exe = std::env::current_exe()
        .map_err(|e| Unavailable::NotHere(format!("rustprep cannot find its own binary: {e}")))?;
    let scratch = scratch().map_err(|e| Unavailable::NotHere(format!("no scratch folder: {e}")))?;
    let out = Command::new(&exe)
        .args([CONTAIN, "--probe", "--scratch"])
        .arg(scratch.path())
        .output()
        .map_err(|e| Unavailable::NotHere(format!("the supervisor did not start: {e}")))?;
    let text = String::from_utf8_lossy(&out.stdout);
    match Confinement::from_line(text.trim()) {
        Some(confinement) if out.status.success() => Ok(Sandbox { exe, confinement }),
        _ => Err(Unavailable::NotHere(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        )),
    }
}

#[cfg(not(target_os = "linux"))]
fn probe() -> Result<Sandbox, Unavailable> {
    Err(Unavailable::NotLinux)
}

impl Sandbox {
    /// A command that runs `program` confined, writing only in `scratch` (see [`scratch`]), free
    /// to read the folders `reads` too (the shared std, say); its arguments are added after.
    pub fn command(
        &self,
        program: &std::path::Path,
        scratch: &std::path::Path,
        reads: &[&std::path::Path],
    ) -> Command {
        let mut cmd = Command::new(&self.exe);
        cmd.arg(CONTAIN).arg("--scratch").arg(scratch);
        for dir in reads {
            cmd.arg("--read").arg(dir);
        }
        cmd.arg("--").arg(program);
        cmd
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_line_reads_back() {
        let c = Confinement {
            landlock_abi: 7,
            tcp_denied: true,
            signals_scoped: true,
            network_namespace: false,
            subreaper: true,
        };
        assert_eq!(Confinement::from_line(&c.to_line()), Some(c.clone()));
        assert!(c.holds());
        assert!(
            !Confinement {
                landlock_abi: 0,
                ..c
            }
            .holds()
        );
        assert_eq!(Confinement::from_line("landlock=x"), None);
    }
}
