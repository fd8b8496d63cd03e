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
