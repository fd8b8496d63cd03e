//! The generated crate an exercise is compiled in. This is the one place that knows its layout.
//!
//! Each source of exercise files (the learner's folder, the solutions, a student's submission)
//! gets a crate with one test target per exercise, inside a generated workspace under
//! `target/rustprep/` (one source, or a whole class of submissions built together). A target's
//! root is a small generated stub that `include!`s the exercise file and declares the hidden
//! test file as a child module, so the hidden tests see the exercise's private items exactly as
//! ordinary unit tests would, and rustc's diagnostics point at the exercise file's own lines.
//!
//! Exercises that use the kit's `[dependencies]` (tokio) are built in a second crate per source,
//! and all such crates share one target directory, so tokio is compiled once for all of them. The
//! plain exercises share another: a plain exercise never waits for tokio, and never for the
//! target-directory lock that cargo holds while it builds tokio in the background.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::atomic_file;
use crate::exercise::{Exercise, Mode};
use crate::kit::{Kit, Source};
use crate::rules;

/// The module the hidden tests are mounted as; test names start with it.
pub const HIDDEN_MODULE: &str = "hidden_tests";

/// Which generated crate of a source an exercise is built in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Only std.
    Plain,
    /// The kit's `[dependencies]` too.
    WithDependencies,
}

impl Group {
    pub fn of(exercise: &Exercise) -> Self {
        if exercise.uses_dependencies {
            Group::WithDependencies
        } else {
            Group::Plain
        }
    }
}

/// One source's generated crate, a member of a [`Workspace`].
#[derive(Debug, Clone)]
pub struct BuildCrate {
    /// The index of its source among those given to [`prepare`].
    pub source: usize,
    pub dir: PathBuf,
    pub crate_id: String,
    /// The names of the exercises it builds.
    pub exercises: Vec<String>,
}

impl BuildCrate {
    /// The name of the binary target that runs an exercise's `main` (mode `run`). It names the
    /// crate too, because cargo copies binaries of the whole target directory into one folder.
    pub fn bin_name(&self, exercise: &str) -> String {
        format!("{exercise}-{}", self.crate_id)
    }

    pub fn manifest(&self) -> PathBuf {
        self.dir.join("Cargo.toml")
    }
}

/// The test target that checks an exercise's file against its rules (a name no exercise can
/// have: exercise names have no hyphen).
pub fn rules_target(exercise: &str) -> String {
    format!("{exercise}-rules")
}

/// The crates of one group for one or more sources (a class of submissions), built together by
/// a single `cargo build` so that cargo schedules every target across the cores at once.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub manifest: PathBuf,
    pub target_dir: PathBuf,
    /// Where the rules' check builds go: apart from `target_dir`, so that the check and the test
    /// build never wait for each other's lock.
    pub rules_target_dir: PathBuf,
    /// The folder of the `clippy.toml` that lists the disallowed paths of the rules.
    pub rules_config_dir: PathBuf,
    /// The Rust edition the exercises are written in.
    pub edition: String,
    pub group: Group,
    /// In the order of the sources given to [`prepare`]; a source with nothing to build in a
    /// class workspace has no member.
    pub members: Vec<BuildCrate>,
}

/// Whether an exercise has hidden tests to compile (every `test` exercise must have them).
pub fn has_hidden_tests(kit: &Kit, exercise: &Exercise) -> bool {
    exercise.mode == Mode::Test || kit.hidden_tests(exercise).is_file()
}

fn suffix(group: Group) -> &'static str {
    match group {
        Group::Plain => "",
        Group::WithDependencies => "_deps",
    }
}

/// The folder of the workspace of `group` for `sources`.
pub fn workspace_dir(kit: &Kit, sources: &[Source], group: Group) -> PathBuf {
    let ws_id = match sources {
        [one] => one.crate_id(),
        many => {
            let mut hasher = DefaultHasher::new();
            many.hash(&mut hasher);
            format!("class_{:08x}", hasher.finish() as u32)
        }
    };
    kit.build_dir().join(format!("{ws_id}{}", suffix(group)))
}

/// The target folder every build of `group` shares (tests and programs; the model answers'
/// examples build beside those with dependencies, and so share their builds of them).
pub fn target_dir(kit: &Kit, group: Group) -> PathBuf {
    group_dir(kit, group, "target")
}

/// A folder of the build folder that all the workspaces of `group` share (`stem-plain`).
fn group_dir(kit: &Kit, group: Group, stem: &str) -> PathBuf {
    kit.build_dir().join(match group {
        Group::Plain => format!("{stem}-plain"),
        Group::WithDependencies => format!("{stem}-deps"),
    })
}

/// Takes the workspace's lock, waiting while another run (a cancelled one still ending, the
/// warm-up, another rustprep in the same kit) holds it: a run writes its members' manifests for
/// the exercises it builds, so two at once would build each other's. `None` when cancelled first.
pub fn lock_workspace(
    dir: &Path,
    cancel: &crate::supervise::Cancel,
) -> Result<Option<std::fs::File>> {
    std::fs::create_dir_all(dir).with_context(|| format!("failed to create {}", dir.display()))?;
    let path = dir.join(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("failed to open {}", path.display()))?;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(std::fs::TryLockError::WouldBlock) if !cancel.is_cancelled() => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("failed to lock {}", path.display()));
            }
        }
    }
}

/// Writes (or refreshes) the workspace of `group` for one source: a crate covering every exercise
/// of the kit in that group. Files are only rewritten when their contents change, so cargo's
/// fingerprints stay valid and an unchanged exercise is not compiled again.
pub fn prepare_one(kit: &Kit, source: &Source, group: Group) -> Result<Workspace> {
    prepare(kit, std::slice::from_ref(source), group, &|_, _| true)
}

/// Writes (or refreshes) the workspace of `group` for `sources`: one crate per source, holding the
/// exercises of that group for which `builds(source index, exercise)` is true.
pub fn prepare(
    kit: &Kit,
    sources: &[Source],
    group: Group,
    builds: &dyn Fn(usize, &Exercise) -> bool,
) -> Result<Workspace> {
    let suffix = suffix(group);
    let ws_dir = workspace_dir(kit, sources, group);
    let (target_dir, rules_target_dir) = (
        target_dir(kit, group),
        group_dir(kit, group, "target-rules"),
    );

    let mut members = Vec::with_capacity(sources.len());
    for (index, source) in sources.iter().enumerate() {
        let exercises: Vec<&Exercise> = kit
            .list
            .exercises()
            .iter()
            .filter(|e| Group::of(e) == group && builds(index, e))
            .collect();
        // A lone source keeps its crate (watch builds its dependencies through it); in a class,
        // a student with nothing of their own to compile needs none.
        if exercises.is_empty() && sources.len() > 1 {
            continue;
        }
        let member = BuildCrate {
            source: index,
            dir: ws_dir.join(source.crate_id()),
            crate_id: format!("{}{suffix}", source.crate_id()),
            exercises: exercises.iter().map(|e| e.name.clone()).collect(),
        };
        write_crate(kit, source, group, &member, &exercises)?;
        members.push(member);
    }
    let member_list: Vec<String> = members.iter().map(|m| toml_str(&m.dir)).collect();
    let manifest = ws_dir.join("Cargo.toml");
    let root = format!(
        "# Generated by rustprep; rewritten on every run.\n\
         [workspace]\nresolver = \"3\"\nmembers = [{}]\n\n{}",
        member_list.join(", "),
        profile(matches!(sources, [Source::Learner]))
    );
    atomic_file::write_derived_if_changed(&manifest, root.as_bytes())?;
    let rules_config_dir = ws_dir.join("rules");
    let in_group = kit
        .list
        .exercises()
        .iter()
        .filter(|e| Group::of(e) == group);
    atomic_file::write_derived_if_changed(
        &rules_config_dir.join("clippy.toml"),
        rules::clippy_config(in_group.flat_map(|e| &e.rules)).as_bytes(),
    )?;
    Ok(Workspace {
        manifest,
        target_dir,
        rules_target_dir,
        rules_config_dir,
        edition: kit.settings.edition.clone(),
        group,
        members,
    })
}

fn write_crate(
    kit: &Kit,
    source: &Source,
    group: Group,
    member: &BuildCrate,
    exercises: &[&Exercise],
) -> Result<()> {
    let dir = &member.dir;
    let mut manifest = package_manifest(
        kit,
        group,
        member,
        &kit.display_path(&kit.source_dir(source)),
    )?;
    if group == Group::WithDependencies {
        // An empty library: building it builds the dependencies, before any exercise needs them.
        let warm = dir.join("gen").join("warm_up.rs");
        atomic_file::write_derived_if_changed(
            &warm,
            b"// Generated by rustprep: builds the dependencies.\n",
        )?;
        writeln!(
            manifest,
            "[lib]\nname = \"warm_up\"\npath = {}\n",
            toml_str(&warm)
        )?;
    }

    for exercise in exercises {
        let file = kit.file_in(source, exercise);
        if has_hidden_tests(kit, exercise) {
            let stub = test_stub(&file, &kit.hidden_tests(exercise));
            add_test_target(&mut manifest, dir, &exercise.name, &stub)?;
        }
        if !exercise.rules.is_empty() {
            let stub = rules_stub(&file, exercise);
            add_test_target(&mut manifest, dir, &rules_target(&exercise.name), &stub)?;
        }
        if exercise.mode == Mode::Run {
            let stub = dir.join("gen").join(format!("{}_main.rs", exercise.name));
            atomic_file::write_derived_if_changed(&stub, bin_stub(&file).as_bytes())?;
            writeln!(
                manifest,
                "[[bin]]\nname = \"{}\"\npath = {}\ntest = false\n",
                member.bin_name(&exercise.name),
                toml_str(&stub)
            )?;
        }
    }
    // What this package's compiler may read and write when confined (see rustc_limits).
    let absolute = |p: PathBuf| std::path::absolute(&p).unwrap_or(p);
    let reads = format!(
        "read {}\nread {}\nwrite {}\n",
        absolute(kit.source_dir(source)).display(),
        absolute(crate::layout::tests_dir(&kit.root)).display(),
        absolute(kit.build_dir()).display()
    );
    atomic_file::write_derived_if_changed(
        &dir.join(crate::rustc_limits::READS_FILE),
        reads.as_bytes(),
    )?;
    atomic_file::write_derived_if_changed(&member.manifest(), manifest.as_bytes())
}

/// Where a generated crate in `dir` keeps the stub of its target `name`.
pub fn stub_path(dir: &Path, name: &str) -> PathBuf {
    dir.join("gen").join(format!("{name}.rs"))
}

/// Writes `stub` as the stub of the test target `name` of the crate in `dir`, and adds the
/// target to its `manifest`.
fn add_test_target(manifest: &mut String, dir: &Path, name: &str, stub: &str) -> Result<()> {
    let path = stub_path(dir, name);
    atomic_file::write_derived_if_changed(&path, stub.as_bytes())?;
    writeln!(
        manifest,
        "[[test]]\nname = \"{name}\"\npath = {}\n",
        toml_str(&path)
    )?;
    Ok(())
}

/// The `[package]` table of a generated crate (made for `about`), with the kit's dependencies
/// when its group has them.
fn package_manifest(kit: &Kit, group: Group, member: &BuildCrate, about: &str) -> Result<String> {
    let mut manifest = String::new();
    writeln!(
        manifest,
        "# Generated by rustprep for {about}; rewritten on every run.\n\
         [package]\nname = \"rp_{}\"\nversion = \"0.0.0\"\nedition = \"{}\"\npublish = false\n\
         autobins = false\nautotests = false\nautoexamples = false\nautobenches = false\n\
         autolib = false\n",
        member.crate_id, kit.settings.edition
    )?;
    if group == Group::WithDependencies {
        let deps = dependency_tables("dependencies", &kit.settings.dependencies)
            .context("failed to write the kit's [dependencies] into the generated crate")?;
        writeln!(manifest, "{deps}")?;
    }
    Ok(manifest)
}

/// The build profile of a generated workspace. Incremental compilation saves, for the next
/// build of a crate, work that costs about half as much again as the build itself: worth it only
/// in the learner's own crate, rebuilt on every save; a class, the corpus and the solutions
/// are built once.
pub fn profile(incremental: bool) -> String {
    format!("[profile.dev]\ndebug = false\nincremental = {incremental}\n\n")
}

/// Whether a copy's file means in a batch's module what it means at its own crate's root: not
/// when it names a path through `super`, which from a module reaches the batch's root and at a
/// crate's root is an error. (A path through `crate` fails to resolve in a batch, so the batch
/// is dropped; this one would resolve.)
pub fn shareable(file: &Path) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    std::fs::read_to_string(file).is_ok_and(|text| {
        !text.match_indices("super").any(|(at, _)| {
            !word(text[..at].chars().next_back()) && !word(text[at + 5..].chars().next())
        })
    })
}

/// The module that holds a source's copy of an exercise in a batch crate.
pub fn batch_module(source: usize) -> String {
    format!("s{source}")
}

/// Writes the crate that compiles many sources' copies of the same exercises at once (see
/// [`crate::batch`]): for each `(exercise, sources)`, one test target holding each source's file
/// in a module of its own ([`batch_module`]) with the hidden tests inside it. It is a workspace
/// of its own, beside the sources' workspace, and shares its target directory.
pub fn prepare_batch(
    kit: &Kit,
    sources: &[Source],
    group: Group,
    batches: &[(&Exercise, Vec<usize>)],
) -> Result<Workspace> {
    let mut ws_dir = workspace_dir(kit, sources, group).into_os_string();
    ws_dir.push("-batch");
    let dir = PathBuf::from(ws_dir);
    // Named for its set of sources: every batch builds into the group's one target folder, and
    // cargo names a build by the crate's name and its path within the workspace (the same in
    // every batch), so two batches of one name would take each other's test binaries.
    let crate_id = dir
        .file_name()
        .map(|name| name.to_string_lossy().replace('-', "_"))
        .unwrap_or_default();
    let member = BuildCrate {
        source: 0,
        dir: dir.clone(),
        crate_id,
        exercises: batches.iter().map(|(e, _)| e.name.clone()).collect(),
    };
    let mut manifest = package_manifest(kit, group, &member, "a batch of sources")?;
    manifest.push_str("[workspace]\n\n");
    // Lets a support file tell a batch from a copy's own crate (see batch_stub).
    manifest.push_str("[features]\ndefault = [\"rustprep_batch\"]\nrustprep_batch = []\n\n");
    manifest.push_str(&profile(false));
    for (exercise, members) in batches {
        let files: Vec<(usize, PathBuf)> = members
            .iter()
            .map(|&s| (s, kit.file_in(&sources[s], exercise)))
            .collect();
        let stub = batch_stub(&files, &kit.hidden_tests(exercise), &kit.root);
        add_test_target(&mut manifest, &dir, &exercise.name, &stub)?;
    }
    atomic_file::write_derived_if_changed(&member.manifest(), manifest.as_bytes())?;
    Ok(Workspace {
        manifest: member.manifest(),
        target_dir: target_dir(kit, group),
        rules_target_dir: group_dir(kit, group, "target-rules"),
        rules_config_dir: dir.join("rules"),
        edition: kit.settings.edition.clone(),
        group,
        members: vec![member],
    })
}

/// The kit's dependencies as manifest tables under `section` (`[section.tokio]` ...). Serialized
/// whole, not entry by entry after a `[section]` header: toml writes a table-valued entry as a
/// table of its own, which would land outside the section.
pub fn dependency_tables(section: &str, deps: &toml::Table) -> Result<String> {
    let wrapped = toml::Table::from_iter([(section.to_owned(), toml::Value::Table(deps.clone()))]);
    Ok(toml::to_string(&wrapped)?)
}

/// A line naming what `file` holds now. cargo decides what to rebuild by modification times,
/// which miss a change that keeps the time (a coarse clock, `cp -p`, a restored backup): a stub
/// that names its file's contents changes, and is rewritten, whenever they do.
fn contents_line(file: &Path) -> String {
    use std::hash::{DefaultHasher, Hasher};
    let mut hasher = DefaultHasher::new();
    // Only a regular file is read: a FIFO would block (see file_kind).
    if crate::file_kind::of(file) == crate::file_kind::Kind::File
        && let Ok(bytes) = std::fs::read(file)
    {
        hasher.write(&bytes);
    }
    format!("// contents: {:016x}\n", hasher.finish())
}

/// Declared beside the exercise's items: the hidden tests' `use super::*` then brings the real
/// `std`, and a module of the learner's named `std` (which would take over the tests'
/// `std::ptr::eq`) is a compile error instead. A test that names tokio imports it itself
/// (`use ::tokio;`, CONTRIBUTING.md).
const EXTERN_STD: &str = "extern crate std;\n";

fn test_stub(exercise_file: &Path, hidden_tests: &Path) -> String {
    format!(
        "// Generated by rustprep: the exercise, with its hidden tests as a child module.\n\
         {}{}\
         #![allow(dead_code)]\n\
         {EXTERN_STD}\
         include!({});\n\n\
         #[cfg(test)]\n#[path = {}]\nmod {HIDDEN_MODULE};\n",
        contents_line(exercise_file),
        contents_line(hidden_tests),
        rust_str(exercise_file),
        rust_str(hidden_tests)
    )
}

/// A crate has one global allocator: when the hidden tests mount the counting allocator, its
/// code is mounted once at the root, and each copy's `counting` module names it there.
/// How hidden tests mount the counting allocator (tests/exercise_support/counting.rs).
pub const COUNTING_MOUNT: &str = "exercise_support/counting.rs";

fn batch_stub(files: &[(usize, PathBuf)], hidden_tests: &Path, kit_root: &Path) -> String {
    let mut stub = format!(
        "// Generated by rustprep: copies of one exercise, a module each, with its hidden tests.\n\
         {}#![allow(dead_code)]\n",
        contents_line(hidden_tests)
    );
    let tests = std::fs::read_to_string(hidden_tests).unwrap_or_default();
    if tests.contains(COUNTING_MOUNT) {
        let shared = crate::layout::test_support_dir(kit_root).join("counting_impl.rs");
        stub.push_str(&format!(
            "\n{}#[path = {}]\nmod counting_shared;\n",
            contents_line(&shared),
            rust_str(&shared)
        ));
    }
    for (source, file) in files {
        stub.push_str(&format!(
            "\n{}mod {} {{\n{EXTERN_STD}include!({});\n\n#[cfg(test)]\n#[path = {}]\nmod {HIDDEN_MODULE};\n}}\n",
            contents_line(file),
            batch_module(*source),
            rust_str(file),
            rust_str(hidden_tests)
        ));
    }
    stub
}

/// The exercise alone, without its hidden tests, under its rules' lints: what the rules are
/// checked on. It is a test target, so it sees the same `cfg(test)` code the tests run.
fn rules_stub(exercise_file: &Path, exercise: &Exercise) -> String {
    format!(
        "// Generated by rustprep: the exercise alone, checked against its rules.\n\
         {}{}#![allow(dead_code)]\n\
         include!({});\n",
        contents_line(exercise_file),
        rules::crate_attributes(&exercise.rules),
        rust_str(exercise_file)
    )
}

/// Writes, in the workspace folder `dir`, the stub that checks the `copies` (source, file) of
/// `exercise` against its rules as one crate, a public module each (so that a lint of public
/// items sees what it would see at a crate's root), and returns its path.
pub fn write_rules_batch_stub(
    dir: &Path,
    exercise: &Exercise,
    copies: &[(usize, PathBuf)],
) -> Result<PathBuf> {
    let mut stub = format!(
        "// Generated by rustprep: copies of one exercise, a module each, checked against its rules.\n\
         {}#![allow(dead_code)]\n",
        rules::crate_attributes(&exercise.rules)
    );
    for (source, file) in copies {
        stub.push_str(&format!(
            "\n{}pub mod {} {{\ninclude!({});\n}}\n",
            contents_line(file),
            batch_module(*source),
            rust_str(file)
        ));
    }
    let path = stub_path(dir, &format!("{}-batch", rules_target(&exercise.name)));
    atomic_file::write_derived_if_changed(&path, stub.as_bytes())?;
    Ok(path)
}

fn bin_stub(exercise_file: &Path) -> String {
    format!(
        "// Generated by rustprep: the exercise as a program.\n{}include!({});\n",
        contents_line(exercise_file),
        rust_str(exercise_file)
    )
}

/// A path as a Rust string literal (Debug formatting escapes exactly what a literal needs).
fn rust_str(path: &Path) -> String {
    format!("{:?}", path.to_string_lossy())
}

fn toml_str(path: &Path) -> String {
    toml::Value::String(path.to_string_lossy().into_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stub_mounts_hidden_tests_under_the_exercise() {
        let stub = test_stub(
            Path::new("/k/exercises/a/b.rs"),
            Path::new("/k/tests/a/b.rs"),
        );
        assert!(stub.contains("include!(\"/k/exercises/a/b.rs\");"));
        assert!(stub.contains("#[path = \"/k/tests/a/b.rs\"]\nmod hidden_tests;"));
    }

    #[test]
    fn dependencies_stay_inside_their_section() {
        let deps: toml::Table =
            r#"tokio = { version = "1", features = ["full"] }"#.parse().unwrap();
        let text = dependency_tables("dependencies", &deps).unwrap();
        let manifest: toml::Table = text.parse().unwrap();
        assert_eq!(manifest.len(), 1, "{text}");
        assert_eq!(
            manifest["dependencies"]["tokio"]["version"].as_str(),
            Some("1"),
            "{text}"
        );
    }

    #[test]
    fn paths_with_quotes_are_escaped() {
        assert_eq!(rust_str(Path::new("/a\"b/c.rs")), r#""/a\"b/c.rs""#);
        let table: toml::Table = format!("p = {}", toml_str(Path::new("/a\"b\\c")))
            .parse()
            .unwrap();
        assert_eq!(table["p"].as_str(), Some("/a\"b\\c"));
    }

    #[test]
    fn a_copy_that_names_a_path_through_super_is_not_shared() {
        let dir = tempfile::tempdir().unwrap();
        let shareable_text = |text: &str| {
            let file = dir.path().join("copy.rs");
            std::fs::write(&file, text).unwrap();
            shareable(&file)
        };
        assert!(!shareable_text("use super::*;\nfn f() {}"));
        assert!(!shareable_text("pub(super) fn f() {}"));
        assert!(!shareable_text("fn f() { super::g() }"));
        assert!(shareable_text(
            "// `trait B: A` makes A a supertrait of B\nfn f() {}"
        ));
        assert!(shareable_text("fn superb() {}\nfn f_super() {}"));
        assert!(!shareable(&dir.path().join("missing.rs")));
    }
}
