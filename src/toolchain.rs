//! The toolchain exercises are built with: its own `rustc` binary (not rustup's proxy, which
//! costs a process start on every compile) and its library folder, asked of `rustc` once per
//! rustprep process, or read from the answer kept in the build folder.
//!
//! The same `rustc` that cargo would start answers (`RUSTC`, else the one on the path, resolved
//! by rustup from the current folder as cargo's is), so both build with one toolchain. Asking
//! costs two process starts (rustup's proxy, then rustc), some 25 ms before every compile of a
//! one-off `rustprep run`; so the answer is kept beside what it depends on (the variables rustup
//! and cargo read, the `rustc` the path finds, rustup's settings, any `rust-toolchain` file from
//! the current folder up) and is asked again when any of them, or the toolchain's own `rustc`,
//! changed.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

#[derive(Debug, PartialEq, Eq)]
pub struct Toolchain {
    /// The compiler itself, in the toolchain's `bin` folder.
    pub rustc: PathBuf,
    /// Where the toolchain's libraries for this machine are (`libstd-*.so` among them).
    pub library_dir: PathBuf,
}

impl Toolchain {
    /// The toolchain's own clippy-driver, beside its rustc, when the clippy component is there.
    pub fn clippy_driver(&self) -> Option<PathBuf> {
        let driver = self
            .rustc
            .with_file_name(format!("clippy-driver{}", std::env::consts::EXE_SUFFIX));
        driver.is_file().then_some(driver)
    }
}

static TOOLCHAIN: OnceLock<Option<Toolchain>> = OnceLock::new();

/// The build folder where the answer is kept, named by the first [`prefetch`].
static KEPT_IN: OnceLock<PathBuf> = OnceLock::new();

/// The file, in the build folder, that keeps the answer.
const KEPT_FILE: &str = "toolchain.txt";

/// Starts finding the toolchain in the background, if nobody has yet, keeping the answer in
/// `build_dir` (the kit's build folder).
pub fn prefetch(build_dir: &Path) {
    let _ = KEPT_IN.set(build_dir.to_owned());
    if TOOLCHAIN.get().is_none() {
        std::thread::spawn(get);
    }
}

/// The toolchain, or `None` when `rustc` could not say (cargo then builds everything, and its
/// own errors say what is wrong).
pub fn get() -> Option<&'static Toolchain> {
    TOOLCHAIN
        .get_or_init(|| {
            let here = std::env::current_dir().ok();
            let key = depends_on(here.as_deref(), &|name| std::env::var_os(name));
            match (KEPT_IN.get(), key) {
                (Some(dir), Some(key)) => kept_or_asked(&dir.join(KEPT_FILE), &key),
                _ => ask(),
            }
        })
        .as_ref()
}

/// The answer kept in `file` when it was kept for `key` and its `rustc` has not changed since;
/// else rustc's answer, kept there for the next time.
fn kept_or_asked(file: &Path, key: &str) -> Option<Toolchain> {
    // Only a regular file is read or replaced (a FIFO would block).
    if std::fs::symlink_metadata(file).is_ok_and(|m| !m.is_file()) {
        return ask();
    }
    if let Some(kept) = std::fs::read_to_string(file)
        .ok()
        .and_then(|text| read_kept(&text, key))
    {
        return Some(kept);
    }
    let toolchain = ask()?;
    if let Some(text) = kept_text(&toolchain, key) {
        // An answer that cannot be kept only costs the next start the same question.
        let _ = std::fs::create_dir_all(file.parent().unwrap_or(Path::new(".")));
        let _ = crate::atomic_file::write(file, text.as_bytes());
    }
    Some(toolchain)
}

/// The kept answer: the key's lines, a line `--`, the compiler, its stamp, the library folder.
fn kept_text(toolchain: &Toolchain, key: &str) -> Option<String> {
    let rustc = toolchain.rustc.to_str()?;
    let library_dir = toolchain.library_dir.to_str()?;
    let stamp = stamp(&toolchain.rustc)?;
    (![rustc, library_dir].iter().any(|p| p.contains('\n')))
        .then(|| format!("{key}--\n{rustc}\n{stamp}\n{library_dir}\n"))
}

fn read_kept(text: &str, key: &str) -> Option<Toolchain> {
    let answer = text.strip_prefix(key)?.strip_prefix("--\n")?;
    let mut lines = answer.lines();
    let (rustc, kept_stamp, library_dir) = (lines.next()?, lines.next()?, lines.next()?);
    let toolchain = Toolchain {
        rustc: PathBuf::from(rustc),
        library_dir: PathBuf::from(library_dir),
    };
    (lines.next().is_none()
        && stamp(&toolchain.rustc).as_deref() == Some(kept_stamp)
        && toolchain.library_dir.is_dir())
    .then_some(toolchain)
}

/// Everything the answer of `rustc --print sysroot` run in `here` depends on, one line each;
/// `var` reads the environment. `None` when the `rustc` that answers chooses its toolchain by
/// more than that (another version manager's shim, a wrapper): it is then asked every time.
fn depends_on(here: Option<&Path>, var: &dyn Fn(&str) -> Option<OsString>) -> Option<String> {
    let mut key = String::from("rustprep toolchain 2\n");
    // rustup reads these (its home, the toolchain named for this process); cargo reads RUSTC.
    for name in [
        "RUSTC",
        "PATH",
        "RUSTUP_TOOLCHAIN",
        "RUSTUP_HOME",
        "CARGO_HOME",
        "HOME",
        "USERPROFILE",
    ] {
        key += &format!("{name}={:?}\n", var(name));
    }
    key += &format!("here={here:?}\n");
    let rustc = PathBuf::from(var("RUSTC").unwrap_or_else(|| "rustc".into()));
    let found = on_path(&rustc, var("PATH"))?;
    if !chooses_by_the_key(&found) {
        return None;
    }
    key += &format!("rustc {:?}\n", stamp(&found));
    let home = var("HOME").or_else(|| var("USERPROFILE"));
    let rustup_home = var("RUSTUP_HOME")
        .map(PathBuf::from)
        .or_else(|| home.map(|h| PathBuf::from(h).join(".rustup")));
    if let Some(rustup_home) = rustup_home {
        // The default toolchain and the folders' overrides; the toolchains installed and linked.
        for file in ["settings.toml", "toolchains"] {
            key += &format!("{file} {:?}\n", stamp(&rustup_home.join(file)));
        }
    }
    for dir in here.iter().flat_map(|h| h.ancestors()) {
        for name in ["rust-toolchain", "rust-toolchain.toml"] {
            if let Some(stamp) = stamp(&dir.join(name)) {
                key += &format!("{:?} {stamp}\n", dir.join(name));
            }
        }
    }
    Some(key)
}

/// Whether the `rustc` at `found` chooses its toolchain by what [`depends_on`] reads: rustup's
/// proxy (a link to rustup), or a compiler itself, in its toolchain's `bin` folder.
fn chooses_by_the_key(found: &Path) -> bool {
    let Ok(real) = std::fs::canonicalize(found) else {
        return false;
    };
    let stem = real.file_stem().map(|s| s.to_string_lossy().into_owned());
    if stem.as_deref().is_some_and(|s| s.starts_with("rustup")) {
        return true;
    }
    #[cfg(unix)]
    {
        // rustup installs its proxies as hard links to itself.
        use std::os::unix::fs::MetadataExt;
        let rustup = found.with_file_name("rustup");
        let id = |p: &Path| std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()));
        if id(found).is_some_and(|found| Some(found) == id(&rustup)) {
            return true;
        }
    }
    stem.as_deref() == Some("rustc")
        && real
            .parent()
            .and_then(Path::parent)
            .is_some_and(|toolchain| toolchain.join("lib").join("rustlib").is_dir())
}

/// Where `program` is found: itself when it names a folder, else the first match on `path`.
fn on_path(program: &Path, path: Option<OsString>) -> Option<PathBuf> {
    if program.components().count() > 1 {
        return Some(program.to_owned());
    }
    let file = format!(
        "{}{}",
        program.to_string_lossy(),
        std::env::consts::EXE_SUFFIX
    );
    std::env::split_paths(&path?)
        .map(|dir| dir.join(&file))
        .find(|path| path.is_file())
}

/// A file's identity and last change, to tell it was replaced or rewritten.
fn stamp(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    #[cfg(unix)]
    let id = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let id = ();
    Some(format!("{} {modified} {id:?}", meta.len()))
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

    #[test]
    fn the_toolchain_clippy_driver_runs_without_rustup() {
        let Some(driver) = get().and_then(Toolchain::clippy_driver) else {
            eprintln!("skipped: this toolchain has no clippy (rustup component add clippy)");
            return;
        };
        let version = Command::new(driver)
            .arg("--version")
            .env_remove("RUSTUP_TOOLCHAIN")
            .env_remove("RUSTUP_HOME")
            .output()
            .expect("the toolchain's clippy-driver starts");
        assert!(String::from_utf8_lossy(&version.stdout).starts_with("clippy "));
    }

    /// A toolchain made up in `dir`: what rustc would never answer, so that getting it back
    /// proves the kept answer was read.
    fn made_up(dir: &Path) -> Toolchain {
        let rustc = dir.join("rustc");
        std::fs::write(&rustc, "not a compiler").unwrap();
        Toolchain {
            rustc,
            library_dir: dir.to_owned(),
        }
    }

    #[test]
    fn a_kept_answer_is_used_only_for_its_key_and_its_compiler_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kept").join(KEPT_FILE);
        let asked = ask().expect("rustc says where its toolchain is");

        // Nothing kept: rustc is asked, and its answer kept.
        assert_eq!(kept_or_asked(&file, "key\n"), Some(asked));
        assert!(read_kept(&std::fs::read_to_string(&file).unwrap(), "key\n").is_some());

        let fake = made_up(dir.path());
        std::fs::write(&file, kept_text(&fake, "key\n").unwrap()).unwrap();
        assert_eq!(kept_or_asked(&file, "key\n"), Some(made_up(dir.path())));
        // Another key (another folder, path, rustup setting...): asked again.
        assert_ne!(
            kept_or_asked(&file, "other key\n"),
            Some(made_up(dir.path()))
        );

        // The compiler replaced since (a toolchain updated in place): asked again.
        let fake = made_up(dir.path());
        std::fs::write(&file, kept_text(&fake, "key\n").unwrap()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(10));
        std::fs::write(&fake.rustc, "another compiler").unwrap();
        assert_ne!(kept_or_asked(&file, "key\n"), Some(fake));
    }

    #[test]
    fn the_key_changes_with_what_rustup_would_read() {
        let dir = tempfile::tempdir().unwrap();
        let [bin, home, project] = ["bin", "rustup", "project/crate"].map(|d| dir.path().join(d));
        for d in [&bin, &home, &project, &dir.path().join("lib/rustlib")] {
            std::fs::create_dir_all(d).unwrap();
        }
        // A compiler in its toolchain's `bin` folder, beside `lib/rustlib`.
        let rustc = bin.join(format!("rustc{}", std::env::consts::EXE_SUFFIX));
        std::fs::write(&rustc, "a").unwrap();
        std::fs::write(home.join("settings.toml"), "default_toolchain = \"stable\"").unwrap();
        let env = |toolchain: Option<&str>| {
            let (bin, home) = (bin.clone(), home.clone());
            let toolchain = toolchain.map(OsString::from);
            move |name: &str| match name {
                "PATH" => Some(bin.clone().into_os_string()),
                "RUSTUP_HOME" => Some(home.clone().into_os_string()),
                "RUSTUP_TOOLCHAIN" => toolchain.clone(),
                _ => None,
            }
        };
        let key = |toolchain| depends_on(Some(&project), &env(toolchain)).expect("a key");
        let first = key(None);
        assert_eq!(key(None), first, "nothing changed");
        let mut seen = vec![first];
        let mut changed = |what: &str, key: String| {
            assert!(!seen.contains(&key), "{what} left the key as it was");
            seen.push(key);
        };
        changed("RUSTUP_TOOLCHAIN", key(Some("nightly")));
        std::fs::write(
            dir.path().join("project/rust-toolchain.toml"),
            "[toolchain]",
        )
        .unwrap();
        changed("a rust-toolchain.toml above", key(None));
        std::thread::sleep(std::time::Duration::from_millis(10));
        std::fs::write(home.join("settings.toml"), "default_toolchain = \"beta\"").unwrap();
        changed("rustup's settings", key(None));
        std::fs::create_dir_all(home.join("toolchains/linked")).unwrap();
        changed("a toolchain installed or linked", key(None));
        std::fs::write(&rustc, "another compiler").unwrap();
        changed("the rustc on the path", key(None));
        changed(
            "the folder",
            depends_on(Some(&bin), &env(None)).expect("a key"),
        );
    }

    #[test]
    fn only_rustup_or_a_compiler_itself_has_its_answer_kept() {
        let dir = tempfile::tempdir().unwrap();
        let exe = |name: &str| format!("{name}{}", std::env::consts::EXE_SUFFIX);
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let path = |_: &str| -> Option<OsString> { None };
        let shim = bin.join(exe("rustc"));
        // Another version manager's shim: it chooses by files the key does not read.
        std::fs::write(&shim, "#!/bin/sh\nexec asdf exec rustc \"$@\"\n").unwrap();
        assert!(!chooses_by_the_key(&shim));
        let on_path = |name: &str| (name == "PATH").then(|| bin.clone().into_os_string());
        assert_eq!(
            depends_on(Some(dir.path()), &on_path),
            None,
            "a shim on the path"
        );
        assert_eq!(
            depends_on(Some(dir.path()), &path),
            None,
            "no rustc on the path"
        );
        // A compiler in its toolchain.
        std::fs::create_dir_all(dir.path().join("lib/rustlib")).unwrap();
        assert!(chooses_by_the_key(&shim));
        // rustup's proxy, a hard link to rustup.
        #[cfg(unix)]
        {
            let other = tempfile::tempdir().unwrap();
            let rustup = other.path().join("rustup");
            std::fs::write(&rustup, "rustup").unwrap();
            std::fs::hard_link(&rustup, other.path().join("rustc")).unwrap();
            assert!(chooses_by_the_key(&other.path().join("rustc")));
        }
    }
}
