//! Helpers for the watch tests: a fixture kit copied into a fresh temporary folder, and the real
//! `rustprep watch` run in a pseudo-terminal of a fixed size, its output turned into a screen
//! (as `tmux capture-pane` would show it) and keys typed into it as a person would type them.
//!
//! Every wait has a generous upper bound and polls until what it waits for is there: compiling
//! on a busy two-core machine is slow, and no test here asserts how fast anything is.
//!
//! A [`Watch`] ends its process when dropped, and every process that process started, so that a
//! failing test leaves nothing running behind it.
//!
//! The kit's copy and the reading of `/proc` are shared with the other support modules
//! (`tests/common/`); what is here drives the pseudo-terminal.

// Each test target that mounts this module (watch.rs, interview.rs) uses only part of it, and
// some helpers serve only the tests that read /proc, which run on Linux only.
#![allow(dead_code)]

#[path = "../common/mod.rs"]
mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use common::CLEARED_ENV;
pub use common::Kit;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty};

/// The terminal every watch runs in.
pub const ROWS: u16 = 40;
pub const COLS: u16 = 100;

/// Upper bound for anything that compiles and runs an exercise.
pub const RESULT: Duration = Duration::from_secs(180);
/// Upper bound for the screen to answer a key press or to be first drawn.
pub const REDRAW: Duration = Duration::from_secs(30);

/// What names the crate root of the compiler watch starts ahead of the next save (a FIFO).
pub const PRIMED: &str = ".rs.primed";

/// The progress file that says the welcome screen was seen, so watch opens on the exercise.
pub const WELCOMED: &str = r#"{"version":1,"current":null,"done":[],"welcomed":true}"#;

impl Kit {
    /// The same kit with the welcome screen already seen.
    pub fn welcomed(fixture: &str) -> Self {
        let kit = Self::new(fixture);
        kit.write(".rustprep/state.json", WELCOMED);
        kit
    }

    /// Saves an exercise file as most editors do by default: the same file, truncated and
    /// written again.
    pub fn save_in_place(&self, rel: &str, contents: &str) {
        let path = self.path(rel);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
        file.write_all(contents.as_bytes())
            .and_then(|()| file.flush())
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    /// Saves an exercise file as vim (`backupcopy=no`) and JetBrains' safe write do: the new
    /// contents go to a temporary file in the same folder, which is renamed over the original.
    pub fn save_by_rename(&self, rel: &str, contents: &str) {
        let path = self.path(rel);
        let mut tmp_name = path.file_name().unwrap().to_owned();
        tmp_name.push("___jb_tmp___");
        let tmp = path.with_file_name(tmp_name);
        std::fs::write(&tmp, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", tmp.display()));
        std::fs::rename(&tmp, &path)
            .unwrap_or_else(|e| panic!("cannot rename over {}: {e}", path.display()));
    }
}

/// A thread that keeps writing files into a folder, as a build does, until dropped.
pub struct BusyWriter {
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl BusyWriter {
    pub fn start(folder: PathBuf) -> Self {
        std::fs::create_dir_all(&folder).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            let mut step = 0u64;
            while !stopped.load(Ordering::Relaxed) {
                let file = folder.join(format!("unit-{}", step % 50));
                std::fs::write(&file, step.to_string())
                    .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
                step += 1;
                thread::sleep(Duration::from_millis(10));
            }
        });
        Self {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for BusyWriter {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The terminal modes that raw mode changes, to compare before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modes {
    pub input: libc::tcflag_t,
    pub output: libc::tcflag_t,
    pub local: libc::tcflag_t,
}

impl Modes {
    /// Lines are edited and echoed, as a shell leaves a terminal (not raw mode).
    pub fn cooked(&self) -> bool {
        self.local & libc::ICANON != 0 && self.local & libc::ECHO != 0
    }
}

/// `rustprep watch` running in a pseudo-terminal of [`ROWS`]x[`COLS`].
pub struct Watch<'k> {
    kit: &'k Kit,
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    master: Box<dyn MasterPty + Send>,
    /// Kept open so that the terminal's modes can still be read after watch has exited.
    slave: Option<Box<dyn SlavePty + Send>>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    modes_at_start: Modes,
}

impl<'k> Watch<'k> {
    /// `rustprep --kit KIT watch ARGS...`, run from the folder outside the kit.
    pub fn start(kit: &'k Kit, args: &[&str]) -> Self {
        Self::start_via(kit, kit.root(), args)
    }

    /// `rustprep --kit PATH watch ARGS...`, where `PATH` leads to the kit another way (through
    /// a symbolic link, say).
    pub fn start_via(kit: &'k Kit, path: &Path, args: &[&str]) -> Self {
        let mut all = vec!["--kit", path.to_str().expect("a UTF-8 path"), "watch"];
        all.extend_from_slice(args);
        Self::spawn(kit, kit.outside(), &all)
    }

    /// `rustprep --kit KIT ARGS...` for any full-screen command (`interview`), run from the
    /// folder outside the kit.
    pub fn command(kit: &'k Kit, args: &[&str]) -> Self {
        let mut all = vec!["--kit", kit.root().to_str().expect("a UTF-8 path")];
        all.extend_from_slice(args);
        Self::spawn(kit, kit.outside(), &all)
    }

    /// `rustprep watch ARGS...`, run from inside the kit, which rustprep finds by itself.
    pub fn start_inside(kit: &'k Kit, args: &[&str]) -> Self {
        let mut all = vec!["watch"];
        all.extend_from_slice(args);
        Self::spawn(kit, kit.root(), &all)
    }

    fn spawn(kit: &'k Kit, cwd: &Path, args: &[&str]) -> Self {
        let pair = portable_pty::native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let modes_at_start = read_modes(pair.master.as_ref());
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rustprep"));
        cmd.args(args);
        cmd.cwd(cwd);
        for key in CLEARED_ENV {
            cmd.env_remove(key);
        }
        cmd.env("TERM", "xterm-256color");
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("cannot start rustprep {}: {e}", args.join(" ")));
        let pid = child.process_id().expect("a running child has an id");

        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pair.master.try_clone_reader().expect("a pty reader");
        let screen = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => lock(&screen).process(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // EIO once every process holding the terminal's far end has closed it.
                    Err(_) => break,
                }
            }
        });
        let writer = pair.master.take_writer().expect("a pty writer");
        Self {
            kit,
            child,
            pid,
            master: pair.master,
            slave: Some(pair.slave),
            writer,
            parser,
            modes_at_start,
        }
    }

    /// The screen's text, rows joined with newlines.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Whether the terminal shows its alternate screen (the one without scrollback that
    /// full-screen programs draw on).
    pub fn on_alternate_screen(&self) -> bool {
        lock(&self.parser).screen().alternate_screen()
    }

    /// Whether the terminal's cursor is hidden.
    pub fn cursor_hidden(&self) -> bool {
        lock(&self.parser).screen().hide_cursor()
    }

    /// The terminal's modes when the pseudo-terminal was opened, before watch started.
    pub fn modes_at_start(&self) -> Modes {
        self.modes_at_start
    }

    /// The terminal's modes now.
    pub fn modes(&self) -> Modes {
        read_modes(self.master.as_ref())
    }

    /// Polls the screen until `ready` holds for it, and returns it; fails the test, showing
    /// the screen, when `limit` passes first or watch exits first.
    pub fn wait_for_screen(
        &mut self,
        what: &str,
        ready: impl Fn(&str) -> bool,
        limit: Duration,
    ) -> String {
        let give_up = Instant::now() + limit;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the last output reach the screen before showing it.
                thread::sleep(Duration::from_millis(200));
                let screen = self.screen();
                if ready(&screen) {
                    return screen;
                }
                panic!(
                    "watch exited ({status:?}) before the screen showed {what}; it shows:\n{}",
                    framed(&screen)
                );
            }
            if Instant::now() >= give_up {
                panic!(
                    "the screen did not show {what} within {} s; it shows:\n{}",
                    limit.as_secs(),
                    framed(&screen)
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_for_text(&mut self, text: &str, limit: Duration) -> String {
        self.wait_for_screen(&format!("{text:?}"), |s| s.contains(text), limit)
    }

    /// Types keys: bytes as a terminal sends them (`"\x1b[B"` is the down arrow, `"\r"` Enter,
    /// `"\x03"` Ctrl-C).
    pub fn press(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("typing into the terminal");
    }

    /// Waits for watch to exit by itself, not by a signal; returns its exit code.
    pub fn wait_exit(&mut self, limit: Duration) -> u32 {
        let status = self.wait_end(limit);
        assert!(status.signal().is_none(), "watch was killed: {status}");
        status.exit_code()
    }

    /// Waits for watch to end, however it ends.
    pub fn wait_end(&mut self, limit: Duration) -> ExitStatus {
        let give_up = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                // Let the last output reach the screen.
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            if Instant::now() >= give_up {
                panic!(
                    "watch did not exit within {} s; the screen shows:\n{}",
                    limit.as_secs(),
                    framed(&self.screen())
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The processes started for this kit (their command line names its folder), watch itself
    /// aside, that are still there once the ones on their way out have had a few seconds to go.
    #[cfg(target_os = "linux")]
    pub fn processes_left(&self) -> Vec<String> {
        let folder = self.kit.outside().to_string_lossy();
        common::once_settled(Duration::from_secs(3), || {
            common::processes_mentioning(&folder)
                .into_iter()
                .filter(|(pid, _)| *pid != self.pid)
                .map(|(_, line)| line)
                .collect()
        })
    }

    /// As [`Watch::processes_left`], but for the compiler watch keeps waiting for the learner's
    /// next save (its crate root a FIFO named `NAME.rs.primed`), which is there by design while
    /// watch runs.
    #[cfg(target_os = "linux")]
    pub fn run_processes_left(&self) -> Vec<String> {
        self.processes_left()
            .into_iter()
            .filter(|line| !line.contains(PRIMED))
            .collect()
    }

    /// How many threads and open file descriptors watch itself has now.
    #[cfg(target_os = "linux")]
    pub fn threads_and_descriptors(&self) -> (usize, usize) {
        let count = |what: &str| {
            std::fs::read_dir(format!("/proc/{}/{what}", self.pid))
                .map(|entries| entries.count())
                .unwrap_or(0)
        };
        (count("task"), count("fd"))
    }

    /// Waits until a process started for this kit has `needle` in its command line.
    #[cfg(target_os = "linux")]
    pub fn wait_for_process(&mut self, needle: &str, limit: Duration) {
        let give_up = Instant::now() + limit;
        let folder = self.kit.outside().to_string_lossy().into_owned();
        while !common::processes_mentioning(&folder)
            .iter()
            .any(|(pid, cmdline)| *pid != self.pid && cmdline.contains(needle))
        {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "watch exited ({status:?}) before a process ran {needle:?}; the screen shows:\n{}",
                    framed(&self.screen())
                );
            }
            assert!(
                Instant::now() < give_up,
                "no process ran {needle:?} within {} s; the screen shows:\n{}",
                limit.as_secs(),
                framed(&self.screen())
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends watch a signal, as the system does (SIGHUP when its terminal window is closed).
    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: a plain system call on our own child, which has not been waited for.
        let rc = unsafe { libc::kill(self.pid as libc::pid_t, signal) };
        assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());
    }
}

impl Drop for Watch<'_> {
    /// Ends watch and everything it started (the supervised runs lead process groups of their
    /// own, so killing watch alone would leave them), then closes the terminal.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        kill_leftovers(self.pid, self.kit.outside());
        // Closing both ends makes the reader thread see the end and stop.
        self.slave.take();
    }
}

fn lock(parser: &Mutex<vt100::Parser>) -> std::sync::MutexGuard<'_, vt100::Parser> {
    parser.lock().unwrap_or_else(|e| e.into_inner())
}

fn framed(screen: &str) -> String {
    let rule = "─".repeat(usize::from(COLS));
    format!("{rule}\n{}\n{rule}", screen.trim_end())
}

fn read_modes(master: &(dyn MasterPty + Send)) -> Modes {
    let fd = master.as_raw_fd().expect("a pty master has a descriptor");
    // SAFETY: `t` is a valid out-pointer for the call; the descriptor is open (we own it).
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::tcgetattr(fd, &mut t) };
    assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
    Modes {
        input: t.c_iflag,
        output: t.c_oflag,
        local: t.c_lflag,
    }
}

/// Kills, by id, every process of watch's session (it leads one: the pseudo-terminal's) and
/// every process whose command line names the kit's folder.
fn kill_leftovers(session: u32, folder: &Path) {
    #[cfg(target_os = "linux")]
    for _ in 0..3 {
        let mut victims: Vec<u32> = common::processes_mentioning(&folder.to_string_lossy())
            .into_iter()
            .map(|(pid, _)| pid)
            .collect();
        victims.extend(processes_in_session(session));
        victims.retain(|&pid| pid != std::process::id());
        if victims.is_empty() {
            break;
        }
        for pid in victims {
            // SAFETY: a plain system call on a process id we just saw.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
        thread::sleep(Duration::from_millis(100));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (session, folder);
}

#[cfg(target_os = "linux")]
fn processes_in_session(session: u32) -> Vec<u32> {
    let mut found = Vec::new();
    for (pid, dir) in common::processes() {
        // `state ppid pgrp session ...`
        let Some(after_comm) = common::stat_after_comm(&dir) else {
            continue;
        };
        let sid = after_comm.split_whitespace().nth(3);
        if sid.and_then(|s| s.parse::<u32>().ok()) == Some(session) {
            found.push(pid);
        }
    }
    found
}
