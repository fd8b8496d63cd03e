//! What the support modules of the integration tests share: a fixture kit from `tests/fixtures/`
//! copied into a fresh temporary folder and its files read and written; the real `rustprep`
//! binary run there the way a user runs it, with no terminal unless a test asks for one, and what
//! it printed and returned collected; and the processes `/proc` shows, to find the ones a run left
//! behind.
//!
//! Each support module mounts this file (`#[path = "../common/mod.rs"] mod common;`) and adds,
//! in `impl` blocks of its own, what only its tests need: `tests/support/` reads verify's table,
//! `tests/grading_support/` compares reports with golden files, `tests/watch_support/` drives
//! full-screen commands in a pseudo-terminal.

// Each test target mounts this module through one support module and uses only part of it.
#![allow(dead_code)]

use std::ffi::OsString;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long one rustprep command may take before the test calls it hung. It is not a timing
/// assertion: a command here takes seconds, and only one that never ends comes near this.
pub const HANG_LIMIT: Duration = Duration::from_secs(300);

/// Variables of the test's own environment that would change what rustprep prints or which kit
/// it opens; every rustprep a test starts, on a pseudo-terminal or not, starts without them.
pub const CLEARED_ENV: &[&str] = &[
    "RUSTPREP_COLOR",
    "RUSTPREP_KIT",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
];

/// Variables of the test's own environment that would reach the exercises' test runs and
/// builds; a command run to its end ([`Invocation`]) starts without them too.
const EXERCISE_ENV: &[&str] = &[
    "RUST_TEST_NOCAPTURE",
    "RUST_TEST_THREADS",
    // Flags for the compiler would reach the exercises' builds (`-D warnings` turns a warning
    // into a compile error).
    "RUSTFLAGS",
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
];

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(rel)
}

/// Copies the folder `from`, and everything in it, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A fixture kit in a temporary folder.

/// A copy of one fixture kit in a temporary folder, removed when dropped. The kit is the
/// folder `kit/` in it, so that a test can put other things (a submission, a class) beside it.
pub struct Kit {
    tmp: TempDir,
    root: PathBuf,
    fixture: PathBuf,
}

impl Kit {
    /// Copies `tests/fixtures/<name>/`, which must be a kit (hold an `info.toml`).
    pub fn new(name: &str) -> Self {
        let fixture = fixture(name);
        assert!(
            fixture.join("info.toml").is_file(),
            "no fixture kit at {}",
            fixture.display()
        );
        // Named after the test target (`rustprep-engine-...`), to tell whose a folder is.
        let tmp = tempfile::Builder::new()
            .prefix(&format!("rustprep-{}-", env!("CARGO_CRATE_NAME")))
            .tempdir()
            .expect("a temporary folder");
        let root = tmp.path().join("kit");
        copy_dir(&fixture, &root);
        Self { tmp, root, fixture }
    }

    /// The kit's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary folder that holds the kit (and anything a test puts beside it): every
    /// process working for this kit names it.
    pub fn outside(&self) -> &Path {
        self.tmp.path()
    }

    /// A file of the kit, by its path relative to the kit.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.path(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn write(&self, rel: &str, contents: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("a file in a folder")).unwrap();
        std::fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    /// A file of the fixture as it is in the repository, untouched by the test.
    pub fn fixture_file(&self, rel: &str) -> String {
        std::fs::read_to_string(self.fixture.join(rel)).unwrap()
    }

    /// `rustprep --kit KIT ARGS...`, run from the folder outside the kit.
    pub fn rustprep(&self, args: &[&str]) -> Invocation {
        let mut all: Vec<OsString> = vec!["--kit".into(), self.root.clone().into()];
        all.extend(args.iter().map(OsString::from));
        Invocation::new(all, self.outside().to_owned())
    }

    /// `rustprep ARGS...` run from `rel` inside the kit, which rustprep must find by itself.
    pub fn rustprep_in(&self, rel: &str, args: &[&str]) -> Invocation {
        Invocation::new(args.iter().map(OsString::from).collect(), self.path(rel))
    }
}

// ---------------------------------------------------------------------------------------------
// Running rustprep to its end.

/// One rustprep command, ready to run.
pub struct Invocation {
    args: Vec<OsString>,
    envs: Vec<(String, String)>,
    removed: Vec<&'static str>,
    cwd: PathBuf,
    terminal: bool,
}

impl Invocation {
    /// `rustprep ARGS...` run from `cwd`, with no terminal.
    pub fn new(args: Vec<OsString>, cwd: PathBuf) -> Self {
        Self {
            args,
            envs: Vec::new(),
            removed: Vec::new(),
            cwd,
            terminal: false,
        }
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.envs.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Starts without `key` too, besides the variables every command starts without.
    pub fn env_remove(mut self, key: &'static str) -> Self {
        self.removed.push(key);
        self
    }

    /// Standard output is a terminal (a pseudo-terminal the test reads), with `TERM=xterm`.
    #[cfg(target_os = "linux")]
    pub fn on_a_terminal(mut self) -> Self {
        self.terminal = true;
        self.envs.push(("TERM".to_owned(), "xterm".to_owned()));
        self
    }

    /// Runs the command to its end and collects its exit code and output.
    pub fn output(self) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rustprep"));
        cmd.args(&self.args)
            .current_dir(&self.cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for key in CLEARED_ENV.iter().chain(EXERCISE_ENV).chain(&self.removed) {
            cmd.env_remove(key);
        }
        if !self.terminal {
            cmd.env_remove("TERM");
        }
        for (key, value) in &self.envs {
            cmd.env(key, value);
        }
        let shown = format!("rustprep {}", self.args_text());

        #[cfg(target_os = "linux")]
        let terminal = self.terminal.then(|| pty::attach(&mut cmd));
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {shown}: {e}"));
        #[cfg(target_os = "linux")]
        let stdout = match terminal {
            Some(master) => thread::spawn(move || pty::read_all(master)),
            None => drain(child.stdout.take().unwrap()),
        };
        #[cfg(not(target_os = "linux"))]
        let stdout = drain(child.stdout.take().unwrap());
        let stderr = drain(child.stderr.take().unwrap());
        // Drop the parent's copy of a pseudo-terminal's far end, so its reader sees the end.
        drop(cmd);

        let code = wait_or_kill(&mut child, &shown);
        Output {
            shown,
            code,
            stdout: String::from_utf8_lossy(&stdout.join().unwrap()).into_owned(),
            stderr: String::from_utf8_lossy(&stderr.join().unwrap()).into_owned(),
        }
    }

    fn args_text(&self) -> String {
        self.args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Reads `pipe` to its end on a thread of its own.
pub fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

/// Waits for `child` to end, for at most [`HANG_LIMIT`]; then kills it and panics, naming it
/// `shown`.
pub fn wait_or_kill(child: &mut Child, shown: &str) -> Option<i32> {
    let deadline = Instant::now() + HANG_LIMIT;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`{shown}` did not end within {} s", HANG_LIMIT.as_secs());
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// What a command returned and printed.
pub struct Output {
    shown: String,
    /// `None` when a signal ended it.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Panics, showing everything the command printed, unless it exited with `code`.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, Some(code), "wrong exit code\n{self:?}");
        self
    }

    /// Everything printed, both streams.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Shows a command's output in a failed assertion, its middle left out when it is long.
impl fmt::Debug for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn shorten(text: &str) -> String {
            const KEEP: usize = 3000;
            if text.len() <= 2 * KEEP {
                return text.to_owned();
            }
            let head = (0..=KEEP).rev().find(|&i| text.is_char_boundary(i));
            let tail = (text.len() - KEEP..).find(|&i| text.is_char_boundary(i));
            let (head, tail) = (head.unwrap_or(0), tail.unwrap_or(text.len()));
            format!(
                "{}\n[... {} bytes left out ...]\n{}",
                &text[..head],
                tail - head,
                &text[tail..]
            )
        }
        write!(
            f,
            "$ {}\nexit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.shown,
            self.code,
            shorten(&self.stdout),
            shorten(&self.stderr)
        )
    }
}

/// A pseudo-terminal for a child's standard output, so that what rustprep does on a real
/// terminal can be seen.
#[cfg(target_os = "linux")]
mod pty {
    use std::fs::File;
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::process::{Command, Stdio};

    /// Gives `cmd` the far end as its standard output; returns the near end to read from.
    pub fn attach(cmd: &mut Command) -> File {
        let mut master: libc::c_int = -1;
        let mut slave: libc::c_int = -1;
        // SAFETY: the out-pointers are valid for the call; name, termios and size may be null.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: openpty returned two fresh descriptors that nothing else owns.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        cmd.stdout(Stdio::from(slave));
        File::from(master)
    }

    /// Reads until the far end is closed by everyone (Linux then says EIO).
    pub fn read_all(mut master: File) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match master.read(&mut buf) {
                Ok(0) | Err(_) => return bytes,
                Ok(n) => bytes.extend_from_slice(&buf[..n]),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Processes, as /proc shows them.

/// How long processes that are on their way out get before they count as left behind.
pub const LEFT_BEHIND_GRACE: Duration = Duration::from_secs(10);

/// What `look` finds once the processes on their way out have had up to `grace` to go: it looks
/// again every 100 ms until it finds nothing or `grace` has passed.
pub fn once_settled(grace: Duration, mut look: impl FnMut() -> Vec<String>) -> Vec<String> {
    let give_up = Instant::now() + grace;
    loop {
        let found = look();
        if found.is_empty() || Instant::now() >= give_up {
            return found;
        }
        thread::sleep(Duration::from_millis(100));
    }
}

/// Every process, as its id and its folder in `/proc`. None where there is no `/proc` (outside
/// Linux), so that nothing is found there; on Linux, `/proc` that cannot be listed fails the test
/// rather than hide what a run left behind.
pub fn processes() -> Vec<(u32, PathBuf)> {
    let entries = match std::fs::read_dir("/proc") {
        Ok(entries) => entries,
        Err(_) if !cfg!(target_os = "linux") => return Vec::new(),
        Err(e) => panic!("/proc cannot be listed: {e}"),
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_str()?.parse::<u32>().ok()?;
            Some((pid, entry.path()))
        })
        .collect()
}

/// The command line of the process whose `/proc` folder is `dir`, its arguments joined by
/// spaces; `None` when it cannot be read (a process may end between the listing and the read).
pub fn cmdline(dir: &Path) -> Option<String> {
    let raw = std::fs::read(dir.join("cmdline")).ok()?;
    Some(String::from_utf8_lossy(&raw).replace('\0', " "))
}

/// What the `stat` of the process whose `/proc` folder is `dir` says after the command name:
/// `state ppid pgrp session ...`. The whole line is `pid (comm) state ...`, and comm may hold
/// spaces and parentheses, so it ends at the last `)`. `None` when it cannot be read.
pub fn stat_after_comm(dir: &Path) -> Option<String> {
    let stat = std::fs::read_to_string(dir.join("stat")).ok()?;
    stat.rsplit_once(')').map(|(_, rest)| rest.to_owned())
}

/// Every process whose command line contains `needle`, as (id, "id: command line"): from
/// `/proc` on Linux, from `ps` where there is no `/proc` (macOS), so that a check for processes
/// left behind can fail there too.
pub fn processes_mentioning(needle: &str) -> Vec<(u32, String)> {
    if !cfg!(target_os = "linux") && !Path::new("/proc/self").exists() {
        return ps_mentioning(needle);
    }
    let mut found = Vec::new();
    for (pid, dir) in processes() {
        // A process may end between the listing and the read; it is then not there.
        let Some(cmdline) = cmdline(&dir) else {
            continue;
        };
        if cmdline.contains(needle) {
            found.push((pid, format!("{pid}: {}", cmdline.trim_end())));
        }
    }
    found
}

/// `processes_mentioning` through `ps`, for systems without `/proc`.
pub fn ps_mentioning(needle: &str) -> Vec<(u32, String)> {
    let listing = Command::new("ps")
        .args(["-axww", "-o", "pid=,command="])
        .output()
        .expect("ps lists the processes where there is no /proc");
    String::from_utf8_lossy(&listing.stdout)
        .lines()
        .filter_map(|line| {
            let (pid, command) = line.trim_start().split_once(' ')?;
            let pid = pid.parse::<u32>().ok()?;
            command
                .contains(needle)
                .then(|| (pid, format!("{pid}: {}", command.trim())))
        })
        .collect()
}
