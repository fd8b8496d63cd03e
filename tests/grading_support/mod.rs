//! Helpers for the grading tests (`tests/grading.rs`): a fixture kit from
//! `tests/fixtures/grading/` copied with a submission into a fresh temporary folder, the real
//! `rustprep` binary run there without a terminal, the reports it writes normalized and compared
//! with the checked-in expected files (or written over them with `RUSTPREP_BLESS=1`), and the
//! processes a run may have left behind; and a headless browser for the HTML report
//! ([`browser`]).
//!
//! The kit's copy, the runs and the reading of `/proc` are shared with the other support modules
//! (`tests/common/`); what is here is the grading scene around them and the golden files.

// Shared by tests/grading.rs and tests/sandbox.rs; each uses a part.
#![allow(dead_code, unused_imports)]

#[path = "../common/mod.rs"]
mod common;

pub mod browser;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::Kit;
pub use common::{Output, processes_mentioning};

/// The environment variable that makes the golden tests write the expected files instead of
/// comparing with them.
pub const BLESS_VAR: &str = "RUSTPREP_BLESS";

/// `tests/fixtures/grading/`.
pub fn fixtures() -> PathBuf {
    common::fixture("grading")
}

/// A temporary folder holding a copy of a fixture kit (as `kit/`) and whatever a test copies
/// beside it (submissions, a class). Removed when dropped.
pub struct Scene {
    kit: Kit,
}

impl Scene {
    /// Copies the fixture kit at `tests/fixtures/grading/<kit>/` to `<tmp>/kit/`.
    pub fn new(kit: &str) -> Self {
        Self {
            kit: Kit::new(&format!("grading/{kit}")),
        }
    }

    /// The temporary folder.
    pub fn dir(&self) -> &Path {
        self.kit.outside()
    }

    /// The kit's folder.
    pub fn kit(&self) -> PathBuf {
        self.kit.root().to_owned()
    }

    /// A path inside the temporary folder.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir().join(rel)
    }

    /// Copies `tests/fixtures/grading/<from>` (a folder) to `<tmp>/<to>`; returns where it went.
    pub fn copy_in(&self, from: &str, to: &str) -> PathBuf {
        let source = fixtures().join(from);
        assert!(source.is_dir(), "no fixture folder {}", source.display());
        let target = self.path(to);
        common::copy_dir(&source, &target);
        target
    }

    /// `rustprep --kit <tmp>/kit ARGS...`, run from the temporary folder with no terminal.
    pub fn rustprep(&self, args: &[&str]) -> Output {
        // Grading also starts without a stack size from the test's own environment, which would
        // reach the submissions' test threads.
        self.kit
            .rustprep(args)
            .env_remove("RUST_MIN_STACK")
            .output()
    }

    /// The same, with `env` set in rustprep's environment (which its tests inherit).
    pub fn rustprep_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        env.iter()
            .fold(self.kit.rustprep(args), |run, (key, value)| {
                run.env(key, value)
            })
            .env_remove("RUST_MIN_STACK")
            .output()
    }

    /// Every way the temporary folder's path may be written: as created, and resolved.
    pub fn spellings(&self) -> Vec<String> {
        let mut all = vec![self.dir().display().to_string()];
        if let Ok(real) = std::fs::canonicalize(self.dir()) {
            let real = real.display().to_string();
            if !all.contains(&real) {
                all.push(real);
            }
        }
        all
    }

    /// `text` with the temporary folder's path written `<tmp>`.
    pub fn without_tmp(&self, text: &str) -> String {
        let mut spellings = self.spellings();
        // The longer first, so that one spelling that contains another is replaced whole.
        spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
        spellings
            .iter()
            .fold(text.to_owned(), |text, s| text.replace(s.as_str(), "<tmp>"))
    }

    /// The processes still running whose command line names a path in the temporary folder or
    /// whose working folder is in it, once those on their way out have had a moment to go.
    /// Empty when nothing was left behind (always empty where there is no `/proc`).
    pub fn processes_left_behind(&self) -> Vec<String> {
        let roots: Vec<PathBuf> = self.spellings().into_iter().map(PathBuf::from).collect();
        common::once_settled(common::LEFT_BEHIND_GRACE, || processes_in(&roots))
    }

    /// The processes running now whose command line or working folder is in the temporary
    /// folder.
    pub fn processes_running_in(&self) -> Vec<String> {
        let roots: Vec<PathBuf> = self.spellings().into_iter().map(PathBuf::from).collect();
        processes_in(&roots)
    }

    /// Every file under the kit but its build folder, with its contents.
    pub fn kit_files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let kit = self.kit();
        collect_files(&kit, &kit, &mut files);
        files
    }
}

fn collect_files(root: &Path, dir: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap().to_owned();
        if rel == Path::new("target") {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            collect_files(root, &path, into);
        } else {
            into.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

/// The processes (pid and command line) that name a path under one of `roots` on their command
/// line or run in a folder under one of them.
fn processes_in(roots: &[PathBuf]) -> Vec<String> {
    let needles: Vec<String> = roots.iter().map(|r| format!("{}/", r.display())).collect();
    let mut found = Vec::new();
    for (pid, dir) in common::processes() {
        // A process may end between the listing and the reads; it is then not left behind. A
        // zombie has an empty command line and no working folder: it is not running either.
        let cmdline = common::cmdline(&dir).unwrap_or_default();
        let cwd = std::fs::read_link(dir.join("cwd")).ok();
        let by_cmdline = needles.iter().any(|n| cmdline.contains(n.as_str()));
        let by_cwd = cwd
            .as_deref()
            .is_some_and(|cwd| roots.iter().any(|r| cwd.starts_with(r)));
        if by_cmdline || by_cwd {
            found.push(format!(
                "{pid}: {} (in {})",
                cmdline.trim_end(),
                cwd.map_or_else(|| "?".to_owned(), |c| c.display().to_string())
            ));
        }
    }
    found
}

/// Whether the process `pid` is running and its command line is `cmdline` (its arguments
/// joined by spaces). A zombie is not running.
pub fn running_as(pid: u32, cmdline: &str) -> bool {
    let dir = PathBuf::from(format!("/proc/{pid}"));
    // The state is the field after the command name, which is in parentheses.
    let zombie =
        common::stat_after_comm(&dir).is_some_and(|rest| rest.trim_start().starts_with(['Z', 'X']));
    let actual = common::cmdline(&dir).unwrap_or_default();
    !zombie && actual.trim_end() == cmdline
}

// ---------------------------------------------------------------------------------------------
// Normalizing what differs from run to run: only durations (the temporary folder's path is
// taken out by `Scene::without_tmp`).

/// JSON (rustprep's report, or Classroom's): every `"duration": <number>` becomes
/// `"duration": 0`.
pub fn normalize_json(text: &str) -> String {
    replace_after(text, "\"duration\": ", |rest| {
        rest.find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
            .unwrap_or(rest.len())
    })
}

/// JUnit XML: every `time="..."` becomes `time="0"`.
pub fn normalize_junit(text: &str) -> String {
    replace_after(text, " time=\"", |rest| {
        rest.find('"').unwrap_or(rest.len())
    })
}

/// `text` with what follows each `marker` (as long as `len` says) replaced by `0`.
fn replace_after(text: &str, marker: &str, len: impl Fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        let value_start = at + marker.len();
        out.push_str(&rest[..value_start]);
        out.push('0');
        rest = &rest[value_start..];
        rest = &rest[len(rest)..];
    }
    out.push_str(rest);
    out
}

/// verify's table: the time column (`  {:>6.2}s` at the end of each row after the heading)
/// becomes `0.00`, keeping the columns where they are.
pub fn normalize_text(text: &str) -> String {
    let mut in_table = false;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        match without_time(body).filter(|_| in_table) {
            Some(row) => out.push_str(&row),
            None => out.push_str(body),
        }
        out.push_str(end);
        if body.split_whitespace().collect::<Vec<_>>() == ["exercise", "outcome", "time"] {
            in_table = true;
        }
    }
    out
}

fn without_time(row: &str) -> Option<String> {
    let body = row.strip_suffix('s')?;
    let number_at = body
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
        .len();
    let number = &body[number_at..];
    if number.len() < 4 || number.parse::<f64>().is_err() {
        return None;
    }
    // Two spaces, then the number right-aligned in six columns.
    let field_at = number_at.checked_sub(6usize.saturating_sub(number.len()) + 2)?;
    if !body[field_at..number_at].bytes().all(|b| b == b' ') {
        return None;
    }
    Some(format!("{}  {:>6}s", &body[..field_at], "0.00"))
}

// ---------------------------------------------------------------------------------------------
// Golden files.

/// Whether this run writes the expected files instead of comparing with them.
pub fn blessing() -> bool {
    std::env::var_os(BLESS_VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compares `actual` with `tests/fixtures/grading/expected/<name>` byte for byte, or writes it
/// there when blessing.
#[track_caller]
pub fn assert_golden(name: &str, actual: &str) {
    let path = fixtures().join("expected").join(name);
    if blessing() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\n(run `{BLESS_VAR}=1 cargo test --test grading` to write it, then \
             read it to check that it is right)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{name} differs from the expected file {}\n{}\n--- actual, whole ---\n{actual}\n\
             (if the change is intended, run `{BLESS_VAR}=1 cargo test --test grading` and \
             read the new file)",
            path.display(),
            first_difference(&expected, actual)
        );
    }
}

/// Where two texts first differ, by line.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (
        expected.split_inclusive('\n').collect(),
        actual.split_inclusive('\n').collect(),
    );
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    format!(
        "first difference at line {}:\n  expected: {:?}\n  actual:   {:?}",
        at + 1,
        e.get(at).copied().unwrap_or("<end of file>"),
        a.get(at).copied().unwrap_or("<end of file>")
    )
}

#[cfg(test)]
mod tests {
    use std::process::Command;
    use std::thread;
    use std::time::{Duration, Instant};

    use super::common::HANG_LIMIT;
    use super::*;

    /// The check for processes left behind can fail: a process working in the scene's folder
    /// is found, and `running_as` knows it, until it is gone.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_process_in_the_scene_is_found_until_it_is_gone() {
        let scene = Scene::new("kit");
        let mut sleeper = Command::new("sleep")
            .arg("300")
            .current_dir(scene.dir())
            .spawn()
            .expect("sleep starts");
        // Until it has started `sleep`, the new process has no command line of its own.
        let give_up = Instant::now() + HANG_LIMIT;
        while !running_as(sleeper.id(), "sleep 300") && Instant::now() < give_up {
            thread::sleep(Duration::from_millis(10));
        }
        let found = scene.processes_running_in();
        let running = running_as(sleeper.id(), "sleep 300");
        sleeper.kill().unwrap();
        sleeper.wait().unwrap();
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("{}: sleep 300", sleeper.id()))),
            "{found:?}"
        );
        assert!(running);
        assert!(!running_as(sleeper.id(), "sleep 300"));
        assert!(scene.processes_running_in().is_empty());
    }

    #[test]
    fn durations_become_zero_and_nothing_else_changes() {
        assert_eq!(
            normalize_json("{\n  \"duration\": 2.004,\n  \"x\": 1\n}\n\"duration\": 12"),
            "{\n  \"duration\": 0,\n  \"x\": 1\n}\n\"duration\": 0"
        );
        assert_eq!(
            normalize_junit("<a time=\"0.008\"/><b time=\"12.5\" name=\"x\">"),
            "<a time=\"0\"/><b time=\"0\" name=\"x\">"
        );
        let table = "exercise   outcome           time\n\
                     add_one    pass             0.01s\n\
                     transfer   timeout         12.34s\n\
                     1 passed, 1 failed\n";
        assert_eq!(
            normalize_text(table),
            "exercise   outcome           time\n\
             add_one    pass             0.00s\n\
             transfer   timeout          0.00s\n\
             1 passed, 1 failed\n"
        );
    }
}
