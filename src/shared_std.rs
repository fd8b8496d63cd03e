//! Linking an exercise against the toolchain's shared standard library, on Linux, in the
//! learner's loop (see [`crate::direct_rustc`]): its test binary then links in a fraction of the
//! time a static std takes, and every process that runs one finds `libstd-*.so` in the
//! toolchain's library folder through the loader path set here. Elsewhere, and in every cargo
//! build (grading, classes, the kit check), exercises link std statically.
//!
//! Not when the exercise's code or tests name a `#[global_allocator]` (the tests that count
//! allocations do, through `tests/exercise_support/`): what std allocates inside its shared
//! library (a `Vec` or `String` growing: that code is compiled there) goes to the library's own
//! allocator, past the counting one, and a copy the test should see would count as none.
//!
//! The folder is the toolchain's ([`crate::toolchain`]).

use std::path::Path;
use std::process::Command;

/// Whether exercises link std dynamically here.
pub const ENABLED: bool = cfg!(target_os = "linux");

/// The compiler flags that link the exercise whose code and hidden tests are `files` against the
/// shared std: none where it is not [`ENABLED`], or when one of them names an allocator of its
/// own (or the exercises' support code, which has one).
pub fn rustflags(files: &[&Path]) -> &'static [&'static str] {
    let own_allocator = |file: &&Path| {
        std::fs::read_to_string(file).map_or(true, |text| {
            text.contains("global_allocator") || text.contains("exercise_support")
        })
    };
    if ENABLED && !files.iter().any(own_allocator) {
        &["-C", "prefer-dynamic"]
    } else {
        &[]
    }
}

/// The toolchain's library folder, or `None` when shared std is not used here or rustc could
/// not say (a test binary then fails to start, and says why).
pub fn library_dir() -> Option<&'static Path> {
    if !ENABLED {
        return None;
    }
    crate::toolchain::get().map(|t| t.library_dir.as_path())
}

/// Lets `cmd`, a program built by an exercise build, find the shared std.
pub fn set_loader_path(cmd: &mut Command) {
    let Some(dir) = library_dir() else {
        return;
    };
    let mut paths = vec![dir.to_owned()];
    if let Some(old) = std::env::var_os("LD_LIBRARY_PATH") {
        paths.extend(std::env::split_paths(&old));
    }
    if let Ok(joined) = std::env::join_paths(paths) {
        cmd.env("LD_LIBRARY_PATH", joined);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_folder_holds_the_shared_std() {
        if !ENABLED {
            assert_eq!(library_dir(), None);
            return;
        }
        let dir = library_dir().expect("rustc says where its libraries are");
        let has_std = std::fs::read_dir(dir)
            .expect("the library folder reads")
            .filter_map(Result::ok)
            .any(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                name.starts_with("libstd-") && name.ends_with(".so")
            });
        assert!(has_std, "no libstd-*.so in {}", dir.display());
    }

    #[test]
    fn an_exercise_that_counts_allocations_links_std_statically() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.rs");
        let counting = dir.path().join("counting.rs");
        std::fs::write(&plain, "fn main() {}\n").unwrap();
        std::fs::write(
            &counting,
            "#[path = \"../exercise_support/counting.rs\"]\nmod counting;\n",
        )
        .unwrap();
        assert_eq!(
            rustflags(&[&plain]).is_empty(),
            !ENABLED,
            "a plain exercise links the shared std where it can"
        );
        assert!(rustflags(&[&plain, &counting]).is_empty());
        assert!(rustflags(&[&dir.path().join("gone.rs")]).is_empty());
    }

    #[test]
    fn the_loader_path_puts_the_library_folder_first() {
        let mut cmd = Command::new("true");
        set_loader_path(&mut cmd);
        let set = cmd
            .get_envs()
            .find(|(var, _)| *var == "LD_LIBRARY_PATH")
            .and_then(|(_, value)| value);
        match library_dir() {
            Some(dir) => {
                let first = std::env::split_paths(set.expect("the path is set")).next();
                assert_eq!(first.as_deref(), Some(dir));
            }
            None => assert!(set.is_none()),
        }
    }
}
