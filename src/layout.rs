//! Where a kit's files live, given its root: the one place that names the folders and files every
//! other module agrees on (the learner's exercises, the solutions, the hidden tests, the state
//! folder with its shipped copies, the build folder) and the mark of `rustprep new`'s scaffold.

use std::path::{Path, PathBuf};

/// The kit's description, at its root.
pub const INFO_FILE: &str = "info.toml";

/// The learner's working copies.
pub fn exercises_dir(root: &Path) -> PathBuf {
    root.join("exercises")
}

/// The reference solutions.
pub fn solutions_dir(root: &Path) -> PathBuf {
    root.join("solutions")
}

/// The hidden tests, and beside them the support code they share and the wrong-fix corpus.
pub fn tests_dir(root: &Path) -> PathBuf {
    root.join("tests")
}

/// Code the hidden tests of every exercise may use (a counting allocator...).
pub fn test_support_dir(root: &Path) -> PathBuf {
    tests_dir(root).join("exercise_support")
}

/// Where rustprep keeps the learner's progress and the shipped originals.
pub fn state_dir(root: &Path) -> PathBuf {
    root.join(".rustprep")
}

/// The exercises as shipped, before any edit (kept by the `shipped` module).
pub fn shipped_dir(root: &Path) -> PathBuf {
    state_dir(root).join("shipped")
}

/// Where the generated crates are built; inside `target/` so `cargo clean` clears it.
pub fn build_dir(root: &Path) -> PathBuf {
    root.join("target").join("rustprep")
}

/// The line that marks an exercise file as `rustprep new`'s untouched scaffold: a shipped copy
/// holding it was taken before the author wrote the exercise.
pub const SCAFFOLD_MARK: &str = "TODO: broken on purpose; the hidden tests expect 42.";
