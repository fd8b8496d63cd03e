//! Writing a file so that a reader (or a crash) never sees it half written: the bytes go to a
//! temporary file in the same folder, which is then renamed over the target.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .with_context(|| format!("{} has no parent folder", path.display()))?;
    std::fs::create_dir_all(dir).with_context(|| format!("failed to create {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("failed to create a temporary file in {}", dir.display()))?;
    // A temporary file is private (0600); the file it replaces keeps its permissions, and a new
    // one gets those of an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode)).with_context(
            || format!("failed to set the permissions of {}", tmp.path().display()),
        )?;
    }
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("failed to write {}", tmp.path().display()))?;
    tmp.persist(path)
        .with_context(|| format!("failed to replace {}", path.display()))?;
    Ok(())
}

/// Writes only when the contents differ, so that build tools watching modification times do
/// not see a change that is not one.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<()> {
    match std::fs::read(path) {
        Ok(old) if old == contents => Ok(()),
        _ => write(path, contents),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_creates_folders_and_replaces_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/state.json");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write(&path, b"{}").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write(&path, b"[]").unwrap();
        assert_eq!(mode(&path), 0o600);
    }
}
