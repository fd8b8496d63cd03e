//! The process's exit status: the contract scripts and CI rely on, shared by every command
//! and screen.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// All good.
    Ok = 0,
    /// An exercise did not pass.
    Failed = 1,
    /// A usage or configuration error (bad arguments, malformed info.toml, unknown name).
    Usage = 2,
    /// Stopped by Ctrl-C or a signal, after stopping every process it had started.
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}
