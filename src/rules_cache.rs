//! What a rules' check of one file found, kept beside the check builds and reused while nothing
//! it depends on has changed: the bytes of every file the check read (from its dep-info: the
//! rules stub, the learner's file, anything they include) and how it was run (its arguments, the
//! rules' clippy configuration, the toolchain). A kit checked again with nothing changed, or a
//! class handing in the same file twice, is not checked twice. Nothing here prints.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fnv::fnv1a;

/// One check's record: what it depended on, and what it found.
#[derive(Serialize, Deserialize)]
struct Entry<T> {
    how: String,
    files: Vec<(PathBuf, String)>,
    found: T,
}

/// Where one file's check is kept, and how it was run.
pub struct Cached {
    path: PathBuf,
    how: String,
}

fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

impl Cached {
    /// The record of checking `stub` (in `cache_dir`), run as `how` says: every argument and
    /// setting that changes what the check finds, the configuration files' contents included.
    pub fn new(cache_dir: &Path, stub: &Path, how: &[&[u8]]) -> Self {
        let name = format!("{}.json", hash(stub.as_os_str().as_encoded_bytes()));
        let joined: Vec<u8> = how.join(&0u8);
        Self {
            path: cache_dir.join(name),
            how: hash(&joined),
        }
    }

    /// What the last check found, if it was run the same way and every file it read is as it
    /// was then.
    pub fn load<T: for<'de> Deserialize<'de>>(&self) -> Option<T> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        let entry: Entry<T> = serde_json::from_str(&text).ok()?;
        let unchanged = entry.how == self.how
            && !entry.files.is_empty()
            && entry
                .files
                .iter()
                .all(|(file, was)| std::fs::read(file).is_ok_and(|bytes| hash(&bytes) == *was));
        unchanged.then_some(entry.found)
    }

    /// Keeps what a check found, with the contents of the files it read (`read`). A record that
    /// cannot be written only costs the next check its time.
    pub fn store<T: Serialize>(&self, read: &[PathBuf], found: &T) {
        let mut files = Vec::new();
        for file in read {
            let Ok(bytes) = std::fs::read(file) else {
                return;
            };
            files.push((file.clone(), hash(&bytes)));
        }
        let entry = Entry {
            how: self.how.clone(),
            files,
            found,
        };
        if let Ok(text) = serde_json::to_string(&entry) {
            let _ = std::fs::create_dir_all(self.path.parent().unwrap_or(Path::new(".")));
            let _ = crate::atomic_file::write_derived_if_changed(&self.path, text.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_holds_while_its_files_and_settings_do() {
        let dir = tempfile::tempdir().unwrap();
        let stub = dir.path().join("stub.rs");
        let learner = dir.path().join("learner.rs");
        std::fs::write(&stub, "include!(\"learner.rs\");").unwrap();
        std::fs::write(&learner, "fn main() {}").unwrap();
        let cache = dir.path().join("cache");
        let cached = Cached::new(&cache, &stub, &[b"--edition", b"2024"]);
        assert_eq!(cached.load::<Vec<String>>(), None, "nothing kept yet");

        let found = vec!["E0133".to_owned()];
        cached.store(&[stub.clone(), learner.clone()], &found);
        assert_eq!(cached.load::<Vec<String>>(), Some(found.clone()));

        let other_settings = Cached::new(&cache, &stub, &[b"--edition", b"2021"]);
        assert_eq!(
            other_settings.load::<Vec<String>>(),
            None,
            "run another way"
        );

        std::fs::write(&learner, "fn main() { unsafe {} }").unwrap();
        assert_eq!(
            cached.load::<Vec<String>>(),
            None,
            "the learner's file changed"
        );
        std::fs::write(&learner, "fn main() {}").unwrap();
        assert_eq!(cached.load::<Vec<String>>(), Some(found));

        std::fs::remove_file(&learner).unwrap();
        assert_eq!(cached.load::<Vec<String>>(), None, "a file it read is gone");
    }
}
