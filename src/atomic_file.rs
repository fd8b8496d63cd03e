//! Writing a file so that a reader (or a crash) never sees it half written: the bytes go to a
//! temporary file in the same folder, which is then renamed over the target.
//!
//! Only a regular file is ever replaced. What the path names is looked at first ([`check`]): a
//! symbolic link is followed and its target written (the link stays a link); a character device
//! (`/dev/null`, a terminal) or a FIFO is written through, never renamed over; a folder, a block
//! device or a socket is refused with an error saying so. A command that will write a file at the
//! end checks its path with [`check`] before it starts its work.
//!
//! The learner's and the instructor's files (progress, reports, answers, the editors' manifest in
//! `exercises/`) are also flushed to the disk before the rename ([`write`], [`write_if_changed`]).
//! A file under the build folder that rustprep derives from others and makes again when it is
//! lost or garbled (a generated crate, the rules' cache: [`write_derived_if_changed`]) is not: a
//! flush costs about a millisecond, and these are written on every save the learner makes.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::file_kind::{self, Kind};

/// How many symbolic links are followed before the chain counts as a loop (Linux's own limit).
const MAX_LINKS: usize = 40;

/// Where a write will go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A regular file (or nothing yet) at this path, replaced by renaming a new file over it.
    Replace(PathBuf),
    /// A character device or a FIFO at this path, opened and written through.
    Stream(PathBuf),
}

/// A path that no file can be written to.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error("{} is a folder, not a file: name a file to write", .0.display())]
    Folder(PathBuf),
    #[error(
        "{} is {}: rustprep writes only to a regular file, a character device or a FIFO",
        .0.display(),
        .1.describe()
    )]
    NotWritable(PathBuf, Kind),
    #[error("{} is a symbolic link in a loop (or a chain of more than {MAX_LINKS})", .0.display())]
    LinkLoop(PathBuf),
    #[error("{} cannot be looked at: {}", .0.display(), .1)]
    Unreadable(PathBuf, std::io::Error),
}

/// Where a write to `path` would go, following symbolic links; an error when it would go
/// nowhere good. A path that names nothing yet is a new regular file.
pub fn check(path: &Path) -> Result<Target, TargetError> {
    let mut at = path.to_owned();
    for _ in 0..MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&at) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Replace(at)),
            Err(e) => return Err(TargetError::Unreadable(at, e)),
        };
        if meta.file_type().is_symlink() {
            let link =
                std::fs::read_link(&at).map_err(|e| TargetError::Unreadable(at.clone(), e))?;
            // A relative target is relative to the link's own folder.
            at = match at.parent() {
                Some(dir) => dir.join(link),
                None => link,
            };
            continue;
        }
        return match file_kind::of_type(meta.file_type()) {
            Kind::File => Ok(Target::Replace(at)),
            Kind::Fifo | Kind::CharDevice => Ok(Target::Stream(at)),
            Kind::Folder => Err(TargetError::Folder(at)),
            kind => Err(TargetError::NotWritable(at, kind)),
        };
    }
    Err(TargetError::LinkLoop(path.to_owned()))
}

/// Whether a replaced file's bytes reach the disk before it takes the place of the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flush {
    /// The user's data: after a crash the path holds the old file or the whole new one.
    Yes,
    /// A derived file: after a crash it may be empty or garbled, and is made again.
    No,
}

/// Writes a file of the user's (progress, a report, an answer), flushed to the disk before it
/// replaces the old one.
pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    match check(path)? {
        Target::Replace(file) => replace(&file, contents, Flush::Yes),
        Target::Stream(device) => write_through(&device, contents),
    }
}

/// As [`write`], only when the contents differ, so that build tools watching modification
/// times do not see a change that is not one.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<()> {
    write_if_changed_with(path, contents, Flush::Yes)
}

/// Writes a file rustprep derives from others and makes again when it is missing or garbled (a
/// generated crate, a cache), only when the contents differ. Readers still never see it half
/// written, but it is not flushed to the disk: after a crash it may be empty, and its next
/// writer writes it again.
pub fn write_derived_if_changed(path: &Path, contents: &[u8]) -> Result<()> {
    write_if_changed_with(path, contents, Flush::No)
}

fn write_if_changed_with(path: &Path, contents: &[u8], flush: Flush) -> Result<()> {
    match check(path)? {
        // Only a regular file is read to compare: reading a FIFO would block.
        Target::Replace(file) => match std::fs::read(&file) {
            Ok(old) if old == contents => Ok(()),
            _ => replace(&file, contents, flush),
        },
        Target::Stream(device) => write_through(&device, contents),
    }
}

/// Writes a new file beside `path` and renames it over `path`, a regular file or nothing.
fn replace(path: &Path, contents: &[u8], flush: Flush) -> Result<()> {
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
        .and_then(|()| match flush {
            Flush::Yes => tmp.as_file().sync_all(),
            Flush::No => Ok(()),
        })
        .with_context(|| format!("failed to write {}", tmp.path().display()))?;
    tmp.persist(path)
        .with_context(|| format!("failed to replace {}", path.display()))?;
    Ok(())
}

/// Opens a character device or a FIFO and writes to it. A FIFO nobody reads is an error at once,
/// not a wait for ever: it is opened without blocking, then written to as usual.
fn write_through(path: &Path, contents: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
            anyhow::bail!(
                "{} is a FIFO that nobody is reading: start its reader first",
                path.display()
            )
        }
        Err(e) => return Err(e).with_context(|| format!("failed to open {}", path.display())),
    };
    #[cfg(unix)]
    blocking(&file).with_context(|| format!("failed to set up {}", path.display()))?;
    file.write_all(contents)
        .and_then(|()| file.flush())
        .with_context(|| format!("failed to write {}", path.display()))
}

/// Makes writes to `file` block again (it was opened with `O_NONBLOCK`).
#[cfg(unix)]
pub(crate) fn blocking(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open for the whole call; F_GETFL and F_SETFL take no pointers.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
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

    #[test]
    fn a_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("inside"), "kept").unwrap();
        let err = write(dir.path(), b"report").unwrap_err();
        assert!(
            matches!(
                err.downcast_ref::<TargetError>(),
                Some(TargetError::Folder(_))
            ),
            "{err:#}"
        );
        assert!(
            err.to_string().contains("is a folder, not a file"),
            "{err:#}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("inside")).unwrap(),
            "kept"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_keeps_being_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real/report.json");
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real/report.json", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        write_derived_if_changed(&link, b"newer").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "newer");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let err = check(&a).unwrap_err();
        assert!(matches!(err, TargetError::LinkLoop(_)), "{err}");
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_through_to_its_reader_and_stays_a_fifo() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("report.fifo");
        mkfifo(&fifo);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        // The reader may not have opened its end yet: until it has, writing is refused.
        let give_up = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while let Err(e) = write(&fifo, b"through the pipe") {
            assert!(e.to_string().contains("nobody is reading"), "{e:#}");
            assert!(std::time::Instant::now() < give_up, "the reader never came");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_nobody_reads_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("report.fifo");
        mkfifo(&fifo);
        let err = write(&fifo, b"x").unwrap_err();
        assert!(err.to_string().contains("nobody is reading"), "{err:#}");
        let err = write_derived_if_changed(&fifo, b"x").unwrap_err();
        assert!(err.to_string().contains("nobody is reading"), "{err:#}");
    }

    #[cfg(unix)]
    #[test]
    fn dev_null_is_written_through_and_stays_a_character_device() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        assert_eq!(check(null).unwrap(), Target::Stream(null.to_owned()));
        write(null, b"nothing").unwrap();
        let kind = std::fs::symlink_metadata(null).unwrap().file_type();
        assert!(kind.is_char_device(), "/dev/null is still a device");
    }
}
