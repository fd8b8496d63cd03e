//! What a path names, found from its metadata without opening it: opening a FIFO to read it
//! blocks until someone writes to it, and a device can be endless. Every file that rustprep reads
//! from a learner, a submission or a kit is checked here first, and only a regular file is read.

use std::path::Path;

/// What a path names, after following symbolic links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Nothing (or a symbolic link to nothing).
    Missing,
    File,
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    /// Something that cannot be looked at (a folder on the way that may not be searched).
    Unreadable,
}

impl Kind {
    /// What it is, as a sentence says it ("a folder").
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Missing => "missing",
            Kind::File => "a file",
            Kind::Folder => "a folder",
            Kind::Fifo => "a FIFO (named pipe)",
            Kind::CharDevice => "a character device",
            Kind::BlockDevice => "a block device",
            Kind::Socket => "a socket",
            Kind::Unreadable => "not readable",
        }
    }
}

/// What `path` names, following symbolic links.
pub fn of(path: &Path) -> Kind {
    match std::fs::metadata(path) {
        Ok(meta) => of_type(meta.file_type()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Kind::Missing,
        Err(_) => Kind::Unreadable,
    }
}

/// The kind of a file type, as `metadata` or `symlink_metadata` gives it (a link is `File`:
/// callers that care about links ask `is_symlink` first).
pub fn of_type(file_type: std::fs::FileType) -> Kind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Kind::Fifo;
        }
        if file_type.is_char_device() {
            return Kind::CharDevice;
        }
        if file_type.is_block_device() {
            return Kind::BlockDevice;
        }
        if file_type.is_socket() {
            return Kind::Socket;
        }
    }
    if file_type.is_dir() {
        Kind::Folder
    } else {
        Kind::File
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_folders_and_nothing_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.rs");
        std::fs::write(&file, "fn main() {}").unwrap();
        assert_eq!(of(&file), Kind::File);
        assert_eq!(of(dir.path()), Kind::Folder);
        assert_eq!(of(&dir.path().join("none.rs")), Kind::Missing);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_and_a_device_are_named_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.rs");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        // Were it opened, this would block for ever: nobody writes to the FIFO.
        assert_eq!(of(&fifo), Kind::Fifo);
        assert_eq!(of(Path::new("/dev/null")), Kind::CharDevice);
        let link = dir.path().join("link.rs");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert_eq!(of(&link), Kind::Fifo, "a link is followed");
    }
}
