//! Watching a folder of exercise files: file events from notify, filtered to the exercise files
//! and debounced, so that one save (which editors turn into several events) gives one run.
//!
//! Saving in place and saving by writing a temporary file and renaming it over the original
//! (vim, JetBrains' safe write) both end in a create or modify event on the exercise's own path;
//! swap, backup and temporary files map to no exercise and are ignored.
//!
//! A burst waits for a quiet spell, except where the event itself says the save is complete: a
//! file closed after writing, or one renamed into place (Linux's inotify tells both; macOS's
//! and Windows' events do not, and wait for the quiet). The burst then takes only the events
//! already there and ends, so the learner's verdict starts without any wait. What comes just
//! after (an editor's change of permissions, a rename's second event) leaves the file as the
//! save left it, and a burst that does, within [`crate::limits::SAVE_TAIL`] of the save, is taken
//! as the rest of it: one save still gives one run.
//!
//! A burst in which a file was only closed after writing (no create, change or rename of it)
//! counts as a save only when the file is not as it was last seen (its contents, size and
//! modification time, and on Unix its inode and change time). Such a close can come late, with
//! nothing written since: rustprep writes a file (atomically) while another of its threads starts
//! a process, whose child holds a copy of the file's descriptor until its `exec` closes it; under
//! load that can be after the watch has begun, and it once took an interview on to its exercise
//! with no key pressed. Any write also sends a change event (Linux's inotify), so a save, even
//! of the same contents, still counts.
//!
//! Only the folders that hold exercise files are watched, each on its own, not the whole tree:
//! an editor's build in `exercises/target/` (rust-analyzer's, through `exercises/Cargo.toml`)
//! would otherwise send events for as long as it lasts, keeping a burst, and the save in it,
//! from ever ending, and would give the poller thousands of files to read.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, PollWatcher, RecursiveMode, Watcher};

use super::Ui;

/// How often the polling fallback looks at the files.
const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// Keeps the watcher alive; dropping it stops the events.
pub struct FileWatch {
    _watcher: Box<dyn Watcher + Send>,
}

/// Starts watching `dir` for writes to `paths` (relative to `dir`, each with the index reported
/// for it). `poll` asks for polling from the start (network file systems, containers).
pub fn start<E: From<Ui> + Send + 'static>(
    dir: &Path,
    paths: Vec<(PathBuf, usize)>,
    debounce: Duration,
    poll: bool,
    tx: Sender<E>,
) -> Result<FileWatch> {
    // macOS's FSEvents reports real paths, with symbolic links resolved (its temporary folder
    // is under one, /var -> /private/var): watch, and compare, the real path.
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    // Taken before the watch begins, so that no save the watch reports is already in it.
    let mut last_seen: HashMap<usize, Option<Seen>> = paths
        .iter()
        .map(|(p, index)| (*index, Seen::now(&dir.join(p))))
        .collect();

    let (raw_tx, raw_rx) = mpsc::channel::<Written>();
    let handler = move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else {
            return;
        };
        let complete = says_complete(event.kind);
        if complete
            || matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Any
            )
        {
            // A rename's event names the old path first and the new one last.
            let last = event.paths.len().saturating_sub(1);
            let close = matches!(event.kind, EventKind::Access(AccessKind::Close(_)));
            for (i, path) in event.paths.into_iter().enumerate() {
                let _ = raw_tx.send(Written {
                    path,
                    complete: complete && i == last,
                    close,
                });
            }
        }
    };

    // A folder that is not there (its files deleted, to be put back by `reset`) cannot be
    // watched; the others still are, natively.
    let folders: BTreeSet<PathBuf> = paths
        .iter()
        .filter_map(|(p, _)| dir.join(p).parent().map(Path::to_owned))
        .filter(|folder| folder.is_dir())
        .collect();
    let watcher: Box<dyn Watcher + Send> = if poll {
        Box::new(poll_watcher(handler, &folders)?)
    } else {
        match native_watcher(handler.clone(), &folders) {
            Ok(w) => w,
            Err(e) => {
                let _ = tx.send(E::from(Ui::Note(format!(
                    "native file events are not available ({e:#}); checking files every {} ms instead",
                    POLL_INTERVAL.as_millis()
                ))));
                Box::new(poll_watcher(handler, &folders)?)
            }
        }
    };

    let exercises_dir = dir.clone();
    thread::spawn(move || {
        // When each exercise's file was last reported saved.
        let mut last_saved: HashMap<usize, Instant> = HashMap::new();
        let is_exercise = |p: &Path| exercise_index(&exercises_dir, &paths, p).is_some();
        // Blocks until the first event of a burst, then gathers the rest of the burst.
        while let Ok(first) = raw_rx.recv() {
            let burst = gather(first, &raw_rx, debounce, &is_exercise);
            let saved: BTreeMap<usize, (&Path, bool)> = burst
                .iter()
                .filter_map(|(p, closes)| {
                    exercise_index(&exercises_dir, &paths, p).map(|i| (i, (p.as_path(), *closes)))
                })
                .collect();
            for (index, (path, only_closed)) in saved {
                let now = Seen::now(path);
                let before = last_seen.get(&index).and_then(Option::as_ref);
                let unchanged = match (&now, before) {
                    (Some(now), Some(before)) => {
                        // A close with nothing written since the file was last seen.
                        (only_closed && now == before)
                            // The rest of the save just reported.
                            || (now.same_contents(before)
                                && last_saved
                                    .get(&index)
                                    .is_some_and(|at| at.elapsed() < crate::limits::SAVE_TAIL))
                    }
                    _ => false,
                };
                last_seen.insert(index, now);
                if unchanged {
                    continue;
                }
                last_saved.insert(index, Instant::now());
                if tx.send(E::from(Ui::Saved(index))).is_err() {
                    return;
                }
            }
        }
    });
    Ok(FileWatch { _watcher: watcher })
}

/// One file event's path, whether the event says the file's new contents are all there, and
/// whether it was a close.
struct Written {
    path: PathBuf,
    complete: bool,
    close: bool,
}

/// What a file was when last looked at, to tell whether a close came after a write.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    contents: u64,
    len: u64,
    modified: Option<SystemTime>,
    /// The inode, and the change time's seconds and nanoseconds.
    #[cfg(unix)]
    changed: (u64, i64, i64),
}

impl Seen {
    /// Whether the file holds what it held when `other` was seen, in the same inode: all but its
    /// change time, which a change of permissions moves.
    fn same_contents(&self, other: &Seen) -> bool {
        #[cfg(unix)]
        let same_inode = self.changed.0 == other.changed.0;
        #[cfg(not(unix))]
        let same_inode = true;
        self.contents == other.contents
            && self.len == other.len
            && self.modified == other.modified
            && same_inode
    }

    /// The file at `path` now; `None` when it cannot be read.
    fn now(path: &Path) -> Option<Seen> {
        let meta = std::fs::metadata(path).ok()?;
        let contents = std::fs::read(path).ok()?;
        #[cfg(unix)]
        let changed = {
            use std::os::unix::fs::MetadataExt;
            (meta.ino(), meta.ctime(), meta.ctime_nsec())
        };
        Some(Seen {
            contents: crate::fnv::fnv1a(&contents),
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            changed,
        })
    }
}

/// Whether an event of this kind says a save is complete: the file was closed after writing,
/// or renamed into place from a file beside it. (The rename's own `To` event is followed by
/// its `Both`, which names both paths; a file renamed in from a folder not watched gives only
/// `To`, and its burst waits for the quiet spell.)
fn says_complete(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::Both))
    )
}

/// The paths of one burst of events, each with whether all its events were closes: `first`, and
/// every event that follows the one before it within `quiet` (one save's events come within a
/// millisecond or two of each other). Once an event says a file `wanted` names is complete, it
/// takes only the events already there, and ends.
/// The burst always ends, at [`crate::limits::BURST_LONGEST`] at the latest, however steady
/// the stream (a build writing files, a sync): what comes after is the next burst.
fn gather(
    first: Written,
    events: &Receiver<Written>,
    quiet: Duration,
    wanted: &dyn Fn(&Path) -> bool,
) -> BTreeMap<PathBuf, bool> {
    let mut burst = BTreeMap::new();
    let deadline = Instant::now() + crate::limits::BURST_LONGEST;
    let mut next = Some(first);
    let mut complete = false;
    while let Some(written) = next {
        complete |= written.complete && wanted(&written.path);
        let only_closes = burst.entry(written.path).or_insert(true);
        *only_closes &= written.close;
        let wait = if complete { Duration::ZERO } else { quiet };
        next = deadline
            .checked_duration_since(Instant::now())
            .and_then(|left| events.recv_timeout(left.min(wait)).ok());
    }
    burst
}

fn native_watcher<F>(handler: F, folders: &BTreeSet<PathBuf>) -> Result<Box<dyn Watcher + Send>>
where
    F: notify::EventHandler,
{
    let mut watcher = notify::recommended_watcher(handler)?;
    for folder in folders {
        watcher.watch(folder, RecursiveMode::NonRecursive)?;
    }
    Ok(Box::new(watcher))
}

fn poll_watcher<F>(handler: F, folders: &BTreeSet<PathBuf>) -> Result<PollWatcher>
where
    F: notify::EventHandler,
{
    // notify compares modification times in whole seconds: without the contents, a save in the
    // same second as the one before (or on a file system with coarse times) would go unseen.
    let config = notify::Config::default()
        .with_poll_interval(POLL_INTERVAL)
        .with_compare_contents(true);
    let mut watcher = PollWatcher::new(handler, config).context("failed to start polling")?;
    for folder in folders {
        watcher
            .watch(folder, RecursiveMode::NonRecursive)
            .with_context(|| format!("failed to watch {}", folder.display()))?;
    }
    Ok(watcher)
}

fn exercise_index(dir: &Path, paths: &[(PathBuf, usize)], path: &Path) -> Option<usize> {
    let rel = path.strip_prefix(dir).ok()?;
    paths.iter().find(|(p, _)| p == rel).map(|(_, i)| *i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steady_stream_of_events_does_not_hold_a_burst_open() {
        let (tx, rx) = mpsc::channel();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let sender_stop = std::sync::Arc::clone(&stop);
        // An event every millisecond, never quiet for long, until told to stop.
        const EVENTS: usize = 100_000;
        let sender = thread::spawn(move || {
            for i in 0..EVENTS {
                if sender_stop.load(std::sync::atomic::Ordering::SeqCst)
                    || tx.send(written(&format!("f{i}"), false)).is_err()
                {
                    return i;
                }
                thread::park_timeout(Duration::from_millis(1));
            }
            EVENTS
        });
        let first = rx.recv().expect("the stream started");
        let burst = gather(first, &rx, Duration::from_millis(20), &|_| true);
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let sent = sender.join().expect("the sender ran");
        assert!(
            sent < EVENTS && burst.len() < EVENTS,
            "the burst only ended with the stream"
        );
    }

    fn written(path: &str, complete: bool) -> Written {
        Written {
            path: PathBuf::from(path),
            complete,
            close: false,
        }
    }

    fn paths(burst: &BTreeMap<PathBuf, bool>) -> BTreeSet<PathBuf> {
        burst.keys().cloned().collect()
    }

    #[test]
    fn a_save_said_complete_ends_its_burst_without_waiting_for_quiet() {
        let (tx, rx) = mpsc::channel();
        for event in [
            written("moves.rs", false),
            written("moves.rs", true),
            written("moves.rs", false),
        ] {
            tx.send(event).expect("the receiver is here");
        }
        let first = rx.recv().expect("an event was sent");
        let started = Instant::now();
        // A quiet spell longer than a burst may last: only the complete event ends it sooner.
        let burst = gather(first, &rx, Duration::from_secs(600), &|_| true);
        assert_eq!(paths(&burst), BTreeSet::from([PathBuf::from("moves.rs")]));
        assert!(
            started.elapsed() < crate::limits::BURST_LONGEST,
            "the burst waited for its longest"
        );
        assert!(
            rx.try_recv().is_err(),
            "what had come with it joined the burst"
        );
    }

    #[test]
    fn a_burst_tells_a_file_only_closed_from_one_written() {
        let (tx, rx) = mpsc::channel();
        let closed = |path: &str| Written {
            path: PathBuf::from(path),
            complete: true,
            close: true,
        };
        for event in [closed("a.rs"), written("b.rs", false), closed("b.rs")] {
            tx.send(event).expect("the receiver is here");
        }
        drop(tx);
        let first = rx.recv().expect("an event was sent");
        let burst = gather(first, &rx, Duration::from_millis(20), &|_| true);
        let only_closed = |path: &str| burst[&PathBuf::from(path)];
        assert!(only_closed("a.rs"));
        assert!(!only_closed("b.rs"), "b.rs was written too");
    }

    #[test]
    fn a_file_of_no_exercise_said_complete_waits_for_quiet() {
        let (tx, rx) = mpsc::channel();
        tx.send(written("moves.rs.tmp", true)).expect("sent");
        let later = thread::spawn(move || {
            // Well within a burst's longest (500 ms), for the burst to wait for it.
            thread::sleep(Duration::from_millis(20));
            tx.send(written("moves.rs", true)).expect("sent");
        });
        let first = rx.recv().expect("an event was sent");
        let burst = gather(first, &rx, Duration::from_secs(600), &|p| {
            p == Path::new("moves.rs")
        });
        later.join().expect("the sender ran");
        assert_eq!(
            paths(&burst),
            BTreeSet::from([PathBuf::from("moves.rs"), PathBuf::from("moves.rs.tmp")])
        );
    }

    #[test]
    fn closing_after_a_write_and_a_rename_between_two_files_say_a_save_is_complete() {
        use notify::event::{CreateKind, DataChange};
        assert!(says_complete(EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(says_complete(EventKind::Modify(ModifyKind::Name(
            RenameMode::Both
        ))));
        for partial in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Any,
        ] {
            assert!(!says_complete(partial), "{partial:?}");
        }
    }

    /// The saves received within `wait` of each other, by the exercise's index; notes are left.
    fn saves(rx: &Receiver<Ui>, wait: Duration) -> Vec<usize> {
        let mut saved = Vec::new();
        while let Ok(ui) = rx.recv_timeout(wait) {
            if let Ui::Saved(index) = ui {
                saved.push(index);
            }
        }
        saved
    }

    /// A folder with one exercise file, `moves.rs` (index 4), watched as watch does.
    fn watched_file() -> (tempfile::TempDir, PathBuf, Receiver<Ui>, FileWatch) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("moves.rs");
        std::fs::write(&file, "fn main() {}\n").unwrap();
        let (tx, rx) = mpsc::channel();
        let paths = vec![(PathBuf::from("moves.rs"), 4)];
        let watch = start(dir.path(), paths, Duration::from_millis(20), false, tx).unwrap();
        (dir, file, rx, watch)
    }

    #[test]
    fn a_close_that_wrote_nothing_is_no_save_and_writing_the_same_again_is_one() {
        let (_dir, file, rx, _watch) = watched_file();

        // Opened for writing and closed with nothing written, as a child process's copy of the
        // descriptor of a file just written is closed by its `exec`.
        drop(std::fs::OpenOptions::new().write(true).open(&file).unwrap());
        let wait = crate::limits::BURST_LONGEST * 2;
        assert_eq!(saves(&rx, wait), Vec::<usize>::new(), "a close is no save");

        // A second later, the same contents written again: a save, to run the exercise again.
        std::fs::write(&file, "fn main() {}\n").unwrap();
        let first = rx.recv_timeout(Duration::from_secs(60));
        assert!(matches!(first, Ok(Ui::Saved(4))), "the save was not seen");
        assert_eq!(saves(&rx, wait), Vec::<usize>::new(), "one save, one run");
    }

    #[cfg(unix)]
    #[test]
    fn a_change_of_permissions_straight_after_a_save_is_part_of_it_and_new_contents_are_not() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, file, rx, _watch) = watched_file();
        let wait = crate::limits::BURST_LONGEST * 2;

        // Written in place, then its permissions set again, as some editors do after a write.
        std::fs::write(&file, "fn main() { let _ = 1; }\n").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(saves(&rx, wait), [4], "one save, one run");

        // New contents straight after a save are a save of their own.
        std::fs::write(&file, "fn main() { let _ = 2; }\n").unwrap();
        std::fs::write(&file, "fn main() { let _ = 3; }\n").unwrap();
        let saved = saves(&rx, wait);
        assert!(
            !saved.is_empty() && saved.iter().all(|&i| i == 4),
            "{saved:?}"
        );
    }

    #[test]
    fn only_exercise_files_map_to_an_exercise() {
        let dir = Path::new("/kit/exercises");
        let paths = vec![(PathBuf::from("02_own/moves.rs"), 3)];
        assert_eq!(
            exercise_index(dir, &paths, Path::new("/kit/exercises/02_own/moves.rs")),
            Some(3)
        );
        for other in [
            "/kit/exercises/02_own/.moves.rs.swp",
            "/kit/exercises/02_own/moves.rs~",
            "/kit/exercises/02_own/4913",
            "/kit/exercises/02_own/moves.rs___jb_tmp___",
            "/kit/target/rustprep/x.rs",
        ] {
            assert_eq!(
                exercise_index(dir, &paths, Path::new(other)),
                None,
                "{other}"
            );
        }
    }
}
