//! The exercises as shipped, kept so that `reset` can restore one without git and the kit check
//! can test the originals even after the learner has solved them.
//!
//! The first time rustprep opens a kit it copies every exercise file into `.rustprep/shipped/`;
//! files added to the kit later are copied the first time they are seen (and a copy of
//! `rustprep new`'s scaffold is replaced once the author has written the exercise). The learner's folder
//! is only ever written by [`restore`].

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::atomic_file;
use crate::exercise::Exercise;
use crate::kit::Kit;

pub fn dir(kit: &Kit) -> PathBuf {
    dir_at(&kit.root)
}

/// The store of the kit whose root is `root` (before the kit is loaded).
pub fn dir_at(root: &Path) -> PathBuf {
    crate::kit::state_dir_at(root).join("shipped")
}

/// Copies into the store every exercise file it does not hold yet.
pub fn ensure(kit: &Kit) -> Result<()> {
    for exercise in kit.list.exercises() {
        let kept = dir(kit).join(&exercise.rel_path);
        // A kept copy that is still `rustprep new`'s scaffold was taken before its author wrote
        // the exercise: the exercise as written is the one shipped.
        let scaffold = std::fs::read_to_string(&kept)
            .is_ok_and(|text| text.contains(crate::commands::new::SCAFFOLD_MARK));
        if kept.is_file() && !scaffold {
            continue;
        }
        let original = kit.exercise_file(exercise);
        // Only a regular file is read (a FIFO would block); the run reports what it is.
        if !original.is_file() {
            continue;
        }
        let contents = std::fs::read(&original)
            .with_context(|| format!("failed to read {}", original.display()))?;
        atomic_file::write(&kept, &contents)?;
    }
    Ok(())
}

/// Puts the shipped version of `exercise` back in the learner's folder.
pub fn restore(kit: &Kit, exercise: &Exercise) -> Result<()> {
    let kept = dir(kit).join(&exercise.rel_path);
    let contents = std::fs::read(&kept).with_context(|| {
        format!(
            "the shipped copy of `{}` is missing from {}",
            exercise.name,
            kit.display_path(&dir(kit))
        )
    })?;
    atomic_file::write(&kit.exercise_file(exercise), &contents)
}
