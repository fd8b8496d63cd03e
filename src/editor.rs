//! Editor support: `exercises/Cargo.toml`, a manifest that makes every exercise file a test target
//! of a small package, so that rust-analyzer (which reads Cargo.toml files in the folder it opens
//! and one level below) gives completion and inline errors in the exercise files.
//!
//! rustprep never builds this package itself. The editor's checks build it in
//! `exercises/target/`, away from rustprep's own target directories, so they never hold the
//! cargo lock a run of the watcher needs. The file is written from `info.toml` whenever its
//! contents would change.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::atomic_file;
use crate::kit::Kit;

pub fn manifest_path(kit: &Kit) -> PathBuf {
    crate::layout::exercises_dir(&kit.root).join("Cargo.toml")
}

/// The manifest's text for this kit.
pub fn manifest(kit: &Kit) -> Result<String> {
    let mut out = String::new();
    writeln!(
        out,
        "# Written by rustprep from info.toml (see src/editor.rs) so that editors with rust-analyzer\n\
         # see every exercise file. rustprep does not build this package; editors build it in\n\
         # exercises/target. Do not edit: rustprep rewrites it when info.toml changes.\n\
         [package]\nname = \"rustprep-exercises\"\nversion = \"0.0.0\"\nedition = \"{}\"\n\
         publish = false\nautobins = false\nautotests = false\nautoexamples = false\n\
         autobenches = false\nautolib = false\n\n[workspace]\n\n\
         # Items used only by the hidden tests would otherwise be flagged as unused.\n\
         [lints.rust]\ndead_code = \"allow\"\n\n\
         # `cargo run` inside exercises/ reaches the kit's rustprep through this.\n\
         [[bin]]\nname = \"rustprep\"\npath = \"{PASS_ON_FILE}\"\ntest = false\n",
        kit.settings.edition
    )?;
    if !kit.settings.dependencies.is_empty() {
        let deps =
            crate::build_crate::dependency_tables("dev-dependencies", &kit.settings.dependencies)
                .context("failed to write the kit's [dependencies] into exercises/Cargo.toml")?;
        writeln!(out, "{deps}")?;
    }
    for e in kit.list.exercises() {
        writeln!(
            out,
            "[[test]]\nname = \"{}\"\npath = {}\n",
            e.name,
            toml::Value::String(e.rel_path.to_string_lossy().into_owned())
        )?;
    }
    Ok(out)
}

/// Writes `exercises/Cargo.toml` (and the program it names) when missing or out of date.
pub fn sync(kit: &Kit) -> Result<()> {
    atomic_file::write_if_changed(
        &crate::layout::exercises_dir(&kit.root).join(PASS_ON_FILE),
        PASS_ON.as_bytes(),
    )?;
    atomic_file::write_if_changed(&manifest_path(kit), manifest(kit)?.as_bytes())
}

/// The program `cargo run` finds inside `exercises/`, where cargo meets this package before the
/// kit's own: it passes the command on to the kit's rustprep, so `cargo run -- watch` works from
/// any folder of the kit.
const PASS_ON_FILE: &str = ".rustprep-run.rs";
const PASS_ON: &str = "\
// Written by rustprep (src/editor.rs). Inside exercises/, `cargo run` finds the package that
// editors use before the kit's own; this passes the command on to the kit's rustprep.
fn main() {
    let kit = concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/../Cargo.toml\");
    let cargo = std::env::var_os(\"CARGO\").unwrap_or_else(|| \"cargo\".into());
    let status = std::process::Command::new(cargo)
        .args([\"run\", \"--quiet\", \"--manifest-path\", kit, \"--\"])
        .args(std::env::args_os().skip(1))
        .status();
    std::process::exit(status.map_or(2, |s| s.code().unwrap_or(1)));
}
";
