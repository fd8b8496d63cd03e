//! The toolchain exercises are built with, asked of `rustc` once per rustprep process: its own
//! `rustc` binary (not rustup's proxy, which costs a process start on every compile) and its
//! library folder. [`prefetch`] asks on a thread of its own, so that a one-off run does not wait
//! for the answer: it comes while cargo starts.
//!
//! The same `rustc` that cargo would start answers (`RUSTC`, else the one on the path, resolved
//! by rustup from the current folder as cargo's is), so both build with one toolchain.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Toolchain {
    /// The compiler itself, in the toolchain's `bin` folder.
    pub rustc: PathBuf,
    /// Where the toolchain's libraries for this machine are (`libstd-*.so` among them).
    pub library_dir: PathBuf,
}

static TOOLCHAIN: OnceLock<Option<Toolchain>> = OnceLock::new();

/// Starts asking in the background, if nobody has yet.
pub fn prefetch() {
    if TOOLCHAIN.get().is_none() {
        std::thread::spawn(get);
    }
}

/// The toolchain, or `None` when `rustc` could not say (cargo then builds everything, and its
/// own errors say what is wrong).
pub fn get() -> Option<&'static Toolchain> {
    TOOLCHAIN.get_or_init(ask).as_ref()
}

fn ask() -> Option<Toolchain> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc)
        .args(["--print", "sysroot", "--print", "target-libdir"])
        .output()
        .ok()
        .filter(|out| out.status.success())?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut lines = text.lines().map(str::trim);
    let sysroot = Path::new(lines.next()?);
    let library_dir = PathBuf::from(lines.next()?);
    let rustc = sysroot
        .join("bin")
        .join(format!("rustc{}", std::env::consts::EXE_SUFFIX));
    (rustc.is_file() && library_dir.is_dir()).then_some(Toolchain { rustc, library_dir })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toolchain_has_a_compiler_and_a_library_folder() {
        let toolchain = get().expect("rustc says where its toolchain is");
        let version = Command::new(&toolchain.rustc)
            .arg("--version")
            .output()
            .expect("the toolchain's rustc starts");
        assert!(String::from_utf8_lossy(&version.stdout).starts_with("rustc "));
        assert!(toolchain.library_dir.is_dir());
    }
}
