//! Helpers for the engine's integration tests: a fixture kit from `tests/fixtures/` copied into a
//! fresh temporary folder, and the real `rustprep` binary run there the way a user runs it, with
//! no terminal unless a test asks for one, and what it printed and returned collected.

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
const HANG_LIMIT: Duration = Duration::from_secs(300);

/// Variables of the test's own environment that would change what rustprep prints or which kit
/// it opens; every command starts without them.
const CLEARED_ENV: &[&str] = &[
    "RUSTPREP_COLOR",
    "RUSTPREP_KIT",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "RUST_TEST_NOCAPTURE",
    "RUST_TEST_THREADS",
    // Flags for the compiler would reach the exercises' builds (`-D warnings` turns a warning
    // into a compile error).
    "RUSTFLAGS",
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
];

/// A copy of one fixture kit in a temporary folder, removed when dropped. The kit is the
/// folder `kit/` in it, so that a test can put other things (a submission) beside it.
pub struct Kit {
    tmp: TempDir,
    root: PathBuf,
    fixture: PathBuf,
}

impl Kit {
    /// Copies `tests/fixtures/<situation>/`.
    pub fn new(situation: &str) -> Self {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join("fixtures")
            .join(situation);
        assert!(
            fixture.join("info.toml").is_file(),
            "no fixture kit at {}",
            fixture.display()
        );
        let tmp = tempfile::Builder::new()
            .prefix("rustprep-engine-")
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

    /// The temporary folder that holds the kit (and anything a test puts beside it).
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

    /// The 1-based number of the line of the fixture's `info.toml` that contains `needle`, its
    /// `nth` occurrence counting from 1.
    pub fn info_line(&self, needle: &str, nth: usize) -> usize {
        self.fixture_file("info.toml")
            .lines()
            .enumerate()
            .filter(|(_, line)| line.contains(needle))
            .nth(nth - 1)
            .map(|(i, _)| i + 1)
            .unwrap_or_else(|| panic!("`{needle}` is not {nth} times in info.toml"))
    }

    /// `rustprep --kit KIT ARGS...`, run from the folder outside the kit.
    pub fn rustprep(&self, args: &[&str]) -> Invocation {
        let mut all: Vec<OsString> = vec!["--kit".into(), self.root.clone().into()];
        all.extend(args.iter().map(OsString::from));
        Invocation {
            args: all,
            envs: Vec::new(),
            cwd: self.tmp.path().to_owned(),
            terminal: false,
        }
    }

    /// `rustprep ARGS...` run from `rel` inside the kit, which rustprep must find by itself.
    pub fn rustprep_in(&self, rel: &str, args: &[&str]) -> Invocation {
        Invocation {
            args: args.iter().map(OsString::from).collect(),
            envs: Vec::new(),
            cwd: self.path(rel),
            terminal: false,
        }
    }

    /// The processes whose command line names this kit's folder, once the ones that are on their
    /// way out have had a few seconds to go. Empty when nothing was left behind.
    #[cfg(target_os = "linux")]
    pub fn processes_left_behind(&self) -> Vec<String> {
        let needle = format!("{}/", self.tmp.path().display());
        let give_up = Instant::now() + Duration::from_secs(10);
        loop {
            let found = processes_mentioning(&needle);
            if found.is_empty() || Instant::now() >= give_up {
                return found;
            }
            thread::sleep(Duration::from_millis(100));
        }
    }
}

#[cfg(target_os = "linux")]
fn processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        // A process may end between the listing and the read; it is then not left behind.
        let Ok(raw) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let cmdline = String::from_utf8_lossy(&raw).replace('\0', " ");
        if cmdline.contains(needle) {
            found.push(format!("{pid}: {}", cmdline.trim_end()));
        }
    }
    found
}

fn copy_dir(from: &Path, to: &Path) {
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

/// One rustprep command, ready to run.
pub struct Invocation {
    args: Vec<OsString>,
    envs: Vec<(String, String)>,
    cwd: PathBuf,
    terminal: bool,
}

impl Invocation {
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.envs.push((key.to_owned(), value.to_owned()));
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
        for key in CLEARED_ENV {
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

fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn wait_or_kill(child: &mut Child, shown: &str) -> Option<i32> {
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

    /// The outcome column of `name`'s row in verify's table, `None` when there is no such row.
    pub fn outcome_of(&self, name: &str) -> Option<String> {
        let table = self
            .stdout
            .lines()
            .skip_while(|l| {
                l.split_whitespace().collect::<Vec<_>>() != ["exercise", "outcome", "time"]
            })
            .skip(1);
        for line in table {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let [first, middle @ .., time] = words.as_slice() {
                let is_time = time
                    .strip_suffix('s')
                    .is_some_and(|t| t.parse::<f64>().is_ok());
                if *first == name && is_time {
                    return Some(middle.join(" "));
                }
            }
        }
        None
    }

    /// What `verify -v` printed about `name`: from its `── name ──` heading to the next heading
    /// or the table. Panics when there is none.
    #[track_caller]
    pub fn details_of(&self, name: &str) -> &str {
        let heading = format!("── {name} ──\n");
        let start = self
            .stdout
            .find(&heading)
            .unwrap_or_else(|| panic!("no details for `{name}`\n{self:?}"))
            + heading.len();
        let rest = &self.stdout[start..];
        let end = [rest.find("\n── "), rest.find("\nexercise ")]
            .into_iter()
            .flatten()
            .min()
            .map_or(rest.len(), |at| at + 1);
        &rest[..end]
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
