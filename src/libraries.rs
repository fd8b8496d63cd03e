//! The libraries of the kit's dependencies that cargo built (or checked) in a target directory,
//! written down after each of its builds, so that a later compile can hand them to rustc or
//! clippy-driver (`--extern`) without starting cargo ([`crate::direct_rustc`], and the rules'
//! check). Nothing here prints.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::build_crate::Group;
use crate::kit::Kit;

/// Beside cargo's folders in a target directory: the libraries cargo built or checked there,
/// one `NAME=PATH` a line.
const LIBRARIES_FILE: &str = "rustprep-libraries";
/// rustc's errors about a library that cannot be used (not found, built by another rustc, two
/// candidates): cargo must build the dependencies again.
const STALE_LIBRARY_ERRORS: [&str; 6] = ["E0460", "E0461", "E0462", "E0463", "E0464", "E0514"];

/// Writes down the libraries a cargo build or check into `target_dir` reported (its JSON
/// messages, `stdout`), for the direct compiles that follow: an `.rlib` where there is one,
/// else an `.rmeta` (a check). A build that reported none leaves the record as it was.
pub fn record(target_dir: &Path, stdout: &str) {
    #[derive(Deserialize)]
    struct Target {
        name: String,
    }
    #[derive(Deserialize)]
    struct Artifact {
        reason: String,
        target: Option<Target>,
        #[serde(default)]
        filenames: Vec<PathBuf>,
    }
    let mut libraries = BTreeMap::new();
    for line in stdout.lines().filter(|l| l.contains("compiler-artifact")) {
        let Ok(artifact) = serde_json::from_str::<Artifact>(line) else {
            continue;
        };
        let (Some(target), "compiler-artifact") = (artifact.target, artifact.reason.as_str())
        else {
            continue;
        };
        let library = |ext: &str| {
            artifact
                .filenames
                .iter()
                .find(|f| f.extension().is_some_and(|e| e == ext))
                .cloned()
        };
        if let Some(file) = library("rlib").or_else(|| library("rmeta")) {
            libraries.insert(target.name, file);
        }
    }
    if libraries.is_empty() {
        return;
    }
    let text: String = libraries
        .iter()
        .map(|(name, path)| format!("{name}={}\n", path.display()))
        .collect();
    // Without the record, the next edit goes through cargo: slower, never wrong.
    let _ = crate::atomic_file::write(&target_dir.join(LIBRARIES_FILE), text.as_bytes());
}

/// The arguments that give rustc (or clippy-driver) the libraries `crates` recorded in
/// `target_dir`; `None` when one is not recorded or no longer there.
pub fn library_args(target_dir: &Path, crates: &[String]) -> Option<Vec<OsString>> {
    let text = std::fs::read_to_string(target_dir.join(LIBRARIES_FILE)).unwrap_or_default();
    let libraries: BTreeMap<&str, &Path> = text
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(name, path)| (name, Path::new(path)))
        .collect();
    let mut args: Vec<OsString> = Vec::new();
    if !crates.is_empty() {
        let deps = target_dir.join("debug").join("deps");
        args.extend(["-L".into(), format!("dependency={}", deps.display()).into()]);
    }
    for name in crates {
        let file = libraries.get(name.replace('-', "_").as_str())?;
        if !file.is_file() {
            return None;
        }
        args.extend([
            "--extern".into(),
            format!("{name}={}", file.display()).into(),
        ]);
    }
    Some(args)
}

/// Whether rustc's error `code` says a library cannot be used (not found, built by another
/// compiler): cargo must build or check the dependencies again.
pub fn is_stale_library(code: &str) -> bool {
    STALE_LIBRARY_ERRORS.contains(&code)
}

/// The crates a generated crate of `group` depends on, as its code names them: the kit's
/// `[dependencies]`, or none. `None` when one is renamed (`package = ...`), which the direct
/// compile does not follow.
pub fn crates(kit: &Kit, group: Group) -> Option<Vec<String>> {
    if group == Group::Plain {
        return Some(Vec::new());
    }
    let deps = &kit.settings.dependencies;
    let renamed = deps
        .values()
        .any(|spec| spec.as_table().is_some_and(|t| t.contains_key("package")));
    (!renamed).then(|| deps.keys().cloned().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn artifact(name: &str, files: &[&str]) -> String {
        serde_json::json!({
            "reason": "compiler-artifact",
            "target": { "name": name, "kind": ["lib"] },
            "filenames": files,
        })
        .to_string()
    }

    #[test]
    fn the_libraries_cargo_reported_are_handed_to_the_next_compile() {
        let dir = tempfile::tempdir().unwrap();
        let rlib = dir.path().join("libtokio-1.rlib");
        let rmeta = dir.path().join("libbytes-2.rmeta");
        std::fs::write(&rlib, "").unwrap();
        std::fs::write(&rmeta, "").unwrap();
        let stdout = [
            artifact("tokio", &[rmeta.to_str().unwrap(), rlib.to_str().unwrap()]),
            artifact("bytes", &[rmeta.to_str().unwrap()]),
            r#"{"reason":"build-finished","success":true}"#.to_owned(),
        ]
        .join("\n");
        record(dir.path(), &stdout);
        let args = library_args(dir.path(), &["tokio".to_owned()]).expect("tokio is recorded");
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(args[0], "-L");
        assert!(args[1].starts_with("dependency="));
        assert_eq!(
            args[2..],
            ["--extern".to_owned(), format!("tokio={}", rlib.display())]
        );
        assert_eq!(library_args(dir.path(), &[]), Some(Vec::new()));
        assert_eq!(library_args(dir.path(), &["serde".to_owned()]), None);

        // A build that reported nothing keeps the record; a library gone invalidates it.
        record(dir.path(), "");
        assert!(library_args(dir.path(), &["tokio".to_owned()]).is_some());
        std::fs::remove_file(&rlib).unwrap();
        assert_eq!(library_args(dir.path(), &["tokio".to_owned()]), None);
    }

    #[test]
    fn a_library_from_another_compiler_is_stale() {
        assert!(is_stale_library("E0514"));
        assert!(is_stale_library("E0463"));
        assert!(!is_stale_library("E0382"));
    }
}
