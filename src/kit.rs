//! A kit on disk: finding its root, loading its `info.toml`, and where every file of an exercise
//! lives (the learner's copy, the solution, the shipped original and the hidden tests).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::exercise::{Exercise, ExerciseList};
use crate::file_kind::{self, Kind};
use crate::info_file::{self, KitSettings};
use crate::layout::{self, INFO_FILE};

#[derive(Debug, Clone)]
pub struct Kit {
    pub root: PathBuf,
    pub settings: KitSettings,
    pub list: ExerciseList,
}

/// Where the exercise files of a run are read from. The hidden tests always come from the kit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// The learner's working copies in `exercises/`.
    Learner,
    /// The reference solutions in `solutions/`.
    Solutions,
    /// The exercises as shipped, before any edit (kept by the `shipped` module).
    Shipped,
    /// Another folder laid out like `exercises/`, such as a student's submission.
    Folder(PathBuf),
}

impl Kit {
    /// Finds the kit that contains `start` (the nearest folder upwards holding `info.toml`).
    pub fn discover(start: &Path) -> Result<Self> {
        match Self::find_root(start) {
            Some(root) => Self::open(root),
            None => bail!(
                "no {INFO_FILE} in {} or any folder above it: run rustprep from inside the kit, or pass --kit DIR",
                start.display()
            ),
        }
    }

    /// The kit folder `start` is in: the nearest folder up from it that holds `info.toml`.
    pub fn find_root(start: &Path) -> Option<&Path> {
        start.ancestors().find(|dir| dir.join(INFO_FILE).is_file())
    }

    pub fn open(root: &Path) -> Result<Self> {
        let root = std::path::absolute(root)
            .with_context(|| format!("failed to resolve the kit folder {}", root.display()))?;
        let info_path = root.join(INFO_FILE);
        match file_kind::of(&root) {
            Kind::Folder => {}
            Kind::Missing => bail!("the kit folder {} does not exist", root.display()),
            kind => bail!(
                "{} is {}, not a kit folder",
                root.display(),
                kind.describe()
            ),
        }
        match file_kind::of(&info_path) {
            Kind::File | Kind::Missing | Kind::Unreadable => {}
            kind => bail!("{} is {}, not a file", info_path.display(), kind.describe()),
        }
        let bytes = std::fs::read(&info_path)
            .with_context(|| format!("failed to read {}", info_path.display()))?;
        // Errors name the file as the user would type it: relative to where they are, if inside.
        let shown = std::env::current_dir()
            .ok()
            .and_then(|here| info_path.strip_prefix(here).ok().map(Path::to_owned))
            .unwrap_or_else(|| info_path.clone());
        // A learner's file deleted by mistake is no error in the kit: `reset` brings it back
        // from the shipped copy.
        let source = info_file::decode(&shown, bytes)?;
        let shipped = layout::shipped_dir(&root);
        // What is in the learner's place is what the run reports (a FIFO, a folder); only with
        // no shipped copy to restore is it an error in the kit.
        let kind = |rel: &Path| match file_kind::of(&layout::exercises_dir(&root).join(rel)) {
            Kind::File => Kind::File,
            _ if shipped.join(rel).is_file() => Kind::File,
            kind => kind,
        };
        let mut lints = crate::rules::known_lints::KnownLints::new(&layout::build_dir(&root));
        let (settings, list) = info_file::parse(&shown, &source, &kind, &mut |l| lints.knows(l))?;
        Ok(Self {
            root,
            settings,
            list,
        })
    }

    /// Where rustprep keeps the learner's progress and the shipped originals.
    pub fn state_dir(&self) -> PathBuf {
        layout::state_dir(&self.root)
    }

    /// Opens (creating it, and the state folder, if need be) the file `name` in the state folder,
    /// for a lock to be taken on: its contents mean nothing.
    pub fn lock_file(&self, name: &str) -> std::io::Result<std::fs::File> {
        std::fs::create_dir_all(self.state_dir())?;
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.state_dir().join(name))
    }

    /// Where the generated crates are built; inside `target/` so `cargo clean` clears it.
    pub fn build_dir(&self) -> PathBuf {
        layout::build_dir(&self.root)
    }

    pub fn hidden_tests(&self, exercise: &Exercise) -> PathBuf {
        layout::tests_dir(&self.root).join(&exercise.rel_path)
    }

    pub fn source_dir(&self, source: &Source) -> PathBuf {
        match source {
            Source::Learner => layout::exercises_dir(&self.root),
            Source::Solutions => layout::solutions_dir(&self.root),
            Source::Shipped => layout::shipped_dir(&self.root),
            Source::Folder(dir) => dir.clone(),
        }
    }

    pub fn file_in(&self, source: &Source, exercise: &Exercise) -> PathBuf {
        self.source_dir(source).join(&exercise.rel_path)
    }

    /// The learner's copy of an exercise.
    pub fn exercise_file(&self, exercise: &Exercise) -> PathBuf {
        self.file_in(&Source::Learner, exercise)
    }

    /// A path shown to the user: relative to the kit root when it is inside it.
    pub fn display_path(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

impl Source {
    /// A short name, unique per folder, that names this source's generated crate.
    pub fn crate_id(&self) -> String {
        match self {
            Source::Learner => "exercises".to_owned(),
            Source::Solutions => "solutions".to_owned(),
            Source::Shipped => "shipped".to_owned(),
            Source::Folder(dir) => {
                let mut hasher = DefaultHasher::new();
                dir.hash(&mut hasher);
                let stem: String = dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() {
                            c.to_ascii_lowercase()
                        } else {
                            '_'
                        }
                    })
                    .take(24)
                    .collect();
                format!("dir_{stem}_{:08x}", hasher.finish() as u32)
            }
        }
    }
}

/// A kit at `/kit` with these exercises, no questions and the default settings, for unit tests.
#[cfg(test)]
impl Kit {
    pub(crate) fn for_test(exercises: Vec<Exercise>) -> Self {
        Kit {
            root: "/kit".into(),
            settings: KitSettings {
                edition: "2024".to_owned(),
                dependencies: toml::Table::new(),
                welcome_message: None,
                final_message: None,
                wrong_fixes_per_exercise: 0,
                compile_timeout: crate::limits::COMPILE_TIMEOUT,
            },
            list: ExerciseList::new(Vec::new(), exercises),
        }
    }
}
