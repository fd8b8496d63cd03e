//! The exercises as shipped, kept so that `reset` can restore one without git and the kit check
//! can test the originals even after the learner has solved them.
//!
//! The first time rustprep opens a kit it copies every exercise file into `.rustprep/shipped/`;
//! files added to the kit later are copied the first time they are seen (and a copy of
//! `rustprep new`'s scaffold is replaced once the author has written the exercise). The learner's folder
//! is only ever written by [`restore`].
//!
//! Each copy taken is recorded with a fingerprint of its bytes in `.rustprep/shipped/record.json`. A copy
//! that is recorded but gone is not taken again from the learner's folder (which by then holds
//! their edits), and [`restore`] refuses a copy that is missing or no longer matches its record,
//! rather than "restore" whatever is there.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::atomic_file;
use crate::exercise::Exercise;
use crate::kit::Kit;
use crate::layout;

pub fn dir(kit: &Kit) -> PathBuf {
    layout::shipped_dir(&kit.root)
}

/// Why `reset` cannot put an exercise back.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error(
        "the shipped copy of `{name}` is missing from {store}, and the file in exercises/ holds \
         your edits: rustprep cannot tell what was shipped (get the file from the kit's \
         repository, e.g. `git checkout -- exercises/{rel}`)"
    )]
    Missing {
        name: String,
        store: String,
        rel: String,
    },
    #[error(
        "the shipped copy of `{name}` ({kept}) was changed after it was taken: it is not the \
         kit's file, so it is not restored (get the file from the kit's repository, e.g. \
         `git checkout -- exercises/{rel}`, then delete {kept})"
    )]
    Changed {
        name: String,
        kept: String,
        rel: String,
    },
}

/// The record of the copies taken: each one's path (relative to the store) and fingerprint.
type Manifest = BTreeMap<String, String>;

/// Inside the store, so that deleting the store (as an author does after changing exercises)
/// starts the record afresh too.
fn manifest_path(kit: &Kit) -> PathBuf {
    dir(kit).join("record.json")
}

fn load_manifest(kit: &Kit) -> Manifest {
    std::fs::read_to_string(manifest_path(kit))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// A fingerprint of `bytes` (64-bit FNV-1a): stable across builds and platforms. It tells a
/// copy changed by accident or by a learner's test from the one taken; it is no defence against
/// someone who rewrites the record too.
fn fingerprint(bytes: &[u8]) -> String {
    format!("fnv1a64:{:016x}", crate::fnv::fnv1a(bytes))
}

fn key(exercise: &Exercise) -> String {
    exercise.rel_path.to_string_lossy().replace('\\', "/")
}

/// Copies into the store every exercise file it does not hold yet.
pub fn ensure(kit: &Kit) -> Result<()> {
    let mut manifest = load_manifest(kit);
    let before = manifest.clone();
    for exercise in kit.list.exercises() {
        let kept = dir(kit).join(&exercise.rel_path);
        // A kept copy that is still `rustprep new`'s scaffold was taken before its author wrote
        // the exercise: the exercise as written is the one shipped.
        let scaffold =
            std::fs::read_to_string(&kept).is_ok_and(|text| text.contains(layout::SCAFFOLD_MARK));
        if kept.is_file() && !scaffold {
            // A copy from before the record was kept is recorded as it is.
            if let std::collections::btree_map::Entry::Vacant(entry) = manifest.entry(key(exercise))
            {
                let bytes = std::fs::read(&kept)
                    .with_context(|| format!("failed to read {}", kept.display()))?;
                entry.insert(fingerprint(&bytes));
            }
            continue;
        }
        // Recorded but gone: the learner's file is no longer what was shipped.
        if !scaffold && manifest.contains_key(&key(exercise)) {
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
        manifest.insert(key(exercise), fingerprint(&contents));
    }
    if manifest != before {
        let mut json = serde_json::to_string_pretty(&manifest)?;
        json.push('\n');
        atomic_file::write(&manifest_path(kit), json.as_bytes())?;
    }
    Ok(())
}

/// Puts the shipped version of `exercise` back in the learner's folder.
pub fn restore(kit: &Kit, exercise: &Exercise) -> Result<()> {
    let kept = dir(kit).join(&exercise.rel_path);
    if !kept.is_file() {
        return Err(RestoreError::Missing {
            name: exercise.name.clone(),
            store: kit.display_path(&dir(kit)),
            rel: key(exercise),
        }
        .into());
    }
    let contents =
        std::fs::read(&kept).with_context(|| format!("failed to read {}", kept.display()))?;
    if load_manifest(kit).get(&key(exercise)) != Some(&fingerprint(&contents)) {
        return Err(RestoreError::Changed {
            name: exercise.name.clone(),
            kept: kit.display_path(&kept),
            rel: key(exercise),
        }
        .into());
    }
    atomic_file::write(&kit.exercise_file(exercise), &contents)
}
