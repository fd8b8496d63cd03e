//! What a compiled exercise read at compile time, from rustc's dep-info file beside its binary,
//! and whether it stayed inside its exercise: an exercise file may use its own code, its hidden
//! tests may use theirs and `tests/exercise_support/`, and nothing else may be read, so that
//! `include!`, `include_str!` or `include_bytes!` of the solutions, of a classmate's file or of
//! any other file on the machine is a compile error, whatever path leads there.

use std::path::{Path, PathBuf};

/// The files rustc read to build `binary`, from its dep-info file ([`dep_file`]); relative
/// paths are taken from `workspace_dir`, where cargo runs rustc. Empty when there is no dep-info.
pub fn files_read(binary: &Path, workspace_dir: &Path) -> Vec<PathBuf> {
    let Ok(text) = std::fs::read_to_string(dep_file(binary)) else {
        return Vec::new();
    };
    // The first rule names the binary and everything it depends on.
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Vec::new();
    };
    let Some((_, deps)) = split_rule(first) else {
        return Vec::new();
    };
    paths(deps)
        .into_iter()
        .map(|p| {
            let p = PathBuf::from(p);
            if p.is_absolute() {
                p
            } else {
                workspace_dir.join(p)
            }
        })
        .collect()
}

/// The dep-info file rustc wrote for `binary`: `binary.d`, beside it in cargo's `deps/`. A
/// program cargo hard-links up out of `deps/` (`target/debug/NAME`) gets a `NAME.d` of cargo's
/// beside it only once the whole build is over, and not at all after a build in which anything
/// failed: its dep-info is rustc's, beside the file in `deps/` it is a link of.
fn dep_file(binary: &Path) -> PathBuf {
    let beside = |file: &Path| {
        let mut dep_file = file.as_os_str().to_owned();
        dep_file.push(".d");
        PathBuf::from(dep_file)
    };
    #[cfg(unix)]
    if let Some(linked) = linked_in_deps(binary) {
        return beside(&linked);
    }
    beside(binary)
}

/// The file in `deps/` beside `binary` that is `binary` itself (the same inode) under rustc's
/// name for it (`CRATE_NAME-HASH`), if `binary` is not in `deps/` already.
#[cfg(unix)]
fn linked_in_deps(binary: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let dir = binary.parent()?;
    if dir.file_name() == Some("deps".as_ref()) {
        return None;
    }
    let name = binary.file_name()?.to_str()?;
    let meta = std::fs::metadata(binary).ok()?;
    // rustc names the file after the crate, whose name has `_` where the program's has `-`.
    let prefix = format!("{}-", name.replace('-', "_"));
    std::fs::read_dir(dir.join("deps"))
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix) && !n.contains('.'))
        })
        .map(|entry| entry.path())
        .find(|path| {
            std::fs::metadata(path).is_ok_and(|m| (m.dev(), m.ino()) == (meta.dev(), meta.ino()))
        })
}

/// `target: deps` at the first colon that is not part of an escaped path.
fn split_rule(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    (0..bytes.len())
        .find(|&i| bytes[i] == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' '))
        .map(|i| (&line[..i], &line[i + 1..]))
}

/// The space-separated paths of a dep-info rule, with `\ ` standing for a space in a path.
fn paths(deps: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut chars = deps.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                current.push(' ');
                chars.next();
            }
            ' ' => {
                if !current.is_empty() {
                    found.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found
}

/// The files among `read` that are neither one of `allowed` nor inside one of `allowed_dirs`,
/// compared by their real paths (a file gone since, such as the FIFO a primed compiler read its
/// root from, by its folder's).
pub fn outside(read: &[PathBuf], allowed: &[PathBuf], allowed_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let canonical = |p: &Path| {
        std::fs::canonicalize(p)
            .ok()
            .or_else(|| {
                Some(
                    std::fs::canonicalize(p.parent()?)
                        .ok()?
                        .join(p.file_name()?),
                )
            })
            .unwrap_or_else(|| p.to_owned())
    };
    let allowed: Vec<PathBuf> = allowed.iter().map(|p| canonical(p)).collect();
    let dirs: Vec<PathBuf> = allowed_dirs.iter().map(|p| canonical(p)).collect();
    read.iter()
        .filter(|p| {
            let p = canonical(p);
            !allowed.contains(&p) && !dirs.iter().any(|d| p.starts_with(d))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_splits_at_its_colon_and_keeps_escaped_spaces() {
        let (target, deps) = split_rule("/t/a: gen/a.rs /k/my\\ dir/a.rs /k/tests/a.rs").unwrap();
        assert_eq!(target, "/t/a");
        assert_eq!(paths(deps), ["gen/a.rs", "/k/my dir/a.rs", "/k/tests/a.rs"]);
    }

    /// As cargo leaves a program after a build in which another target failed: rustc's
    /// dep-info beside the program in `deps/`, and none beside its link in the folder above.
    #[cfg(unix)]
    #[test]
    fn a_program_linked_up_out_of_deps_is_read_from_rustcs_own_dep_info() {
        let dir = tempfile::tempdir().unwrap();
        let deps = dir.path().join("deps");
        std::fs::create_dir(&deps).unwrap();
        for other in ["my_prog-0000", "my_prog-0000.d", "my_prog-ffff.rmeta"] {
            std::fs::write(deps.join(other), "old: /k/stale.rs\n").unwrap();
        }
        let built = deps.join("my_prog-1234");
        std::fs::write(&built, "binary").unwrap();
        std::fs::write(
            deps.join("my_prog-1234.d"),
            "x: /k/exercises/prog.rs /k/solutions/prog.rs\n",
        )
        .unwrap();
        let program = dir.path().join("my-prog");
        std::fs::hard_link(&built, &program).unwrap();
        let expected = [
            PathBuf::from("/k/exercises/prog.rs"),
            PathBuf::from("/k/solutions/prog.rs"),
        ];
        assert_eq!(files_read(&program, dir.path()), expected);
        assert_eq!(files_read(&built, dir.path()), expected);
    }

    #[test]
    fn only_files_outside_what_is_allowed_are_named() {
        let read = vec![
            PathBuf::from("/k/exercises/a.rs"),
            PathBuf::from("/k/tests/support/c.rs"),
            PathBuf::from("/k/solutions/a.rs"),
        ];
        let outside = outside(
            &read,
            &[PathBuf::from("/k/exercises/a.rs")],
            &[PathBuf::from("/k/tests/support")],
        );
        assert_eq!(outside, [PathBuf::from("/k/solutions/a.rs")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_gone_since_is_judged_by_the_real_path_of_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(real.join("gen")).unwrap();
        std::fs::create_dir_all(real.join("solutions")).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        // Read through the link, and removed since: a primed compiler's FIFO, and a file of
        // the solutions.
        let read = vec![
            link.join("gen").join("a.rs.primed"),
            link.join("solutions").join("a.rs"),
        ];
        let outside = outside(&read, &[], &[real.join("gen")]);
        assert_eq!(outside, [link.join("solutions").join("a.rs")]);
    }
}
