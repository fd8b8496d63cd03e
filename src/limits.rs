//! Every limit and default of a run, in one place: how long, how much memory, how much output.
//! info.toml may change some per kit or per exercise; the rest are rustprep's own.

use std::time::Duration;

/// How long one hidden test (or a `run` exercise's `main`) may take, when info.toml does not say.
pub const TEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest time limit info.toml may set: an hour is far past any exercise's needs.
pub const MAX_TIMEOUT_SECS: u64 = 3600;
/// Data memory (RLIMIT_DATA) one test process may map.
pub const TEST_MEMORY: u64 = 1 << 30;
/// Bytes kept of each of a test's stdout and stderr (the first and the last half).
pub const OUTPUT_CAP: usize = 1 << 20;
/// Characters kept of one message (compiler output, a test's) in a report written to a file:
/// the JSON report, the JUnit report's details and the HTML page's.
pub const MESSAGE_CAP: usize = 4096;
/// Points an exercise is worth, when info.toml does not say.
pub const POINTS: u32 = 1;

/// How long compiling one exercise may take when grading, when info.toml does not say.
pub const COMPILE_TIMEOUT: Duration = Duration::from_secs(60);
/// Data memory the compiler may use for one exercise when grading.
pub const COMPILE_MEMORY: u64 = 4 << 30;
/// How long one cargo build of a whole generated crate may take (the kit's dependencies included).
pub const BUILD_TIMEOUT: Duration = Duration::from_secs(20 * 60);
/// Bytes of a build's output kept.
pub const BUILD_OUTPUT_CAP: usize = 64 << 20;
/// How long a compiler started ahead of the learner's next save waits for it ([`crate::primed`])
/// before it is stopped (the save after that starts one as usual).
pub const PRIMED_WAIT: Duration = Duration::from_secs(60 * 60);
/// How long a save waits for a compiler started ahead of it to finish loading and open its
/// crate's root, before starting one as usual. A compiler still loading is waited for (a new one
/// would load as long), one that ended is not: this only bounds one that hangs.
pub const PRIMED_OPEN_WAIT: Duration = Duration::from_secs(10);
/// How long stopping a compiler started ahead of a save may take before its FIFO is given up:
/// its supervisor's polite stop and then a forced one.
pub const PRIMED_STOP_WAIT: Duration = Duration::from_secs(2);
/// How long listing a test binary's tests may take; it runs none of the learner's code.
pub const LIST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long Miri may take over one exercise's hidden tests.
pub const MIRI_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// When a running test is first looked at for a deadlock (every thread stuck in a wait nothing
/// can end): most tests have finished by then, and are never looked at.
pub const STALL_FIRST_LOOK: Duration = Duration::from_millis(100);
/// Time between two looks: a test seen stuck in two looks in a row, with no thread having run
/// between them, is stopped.
pub const STALL_LOOKS_APART: Duration = Duration::from_millis(100);

/// Time between the polite stop (SIGTERM) and the forced one (SIGKILL).
pub const STOP_GRACE: Duration = Duration::from_millis(200);
/// The same, for a sandbox's supervisor: it first sweeps away what the test started.
pub const SANDBOX_STOP_GRACE: Duration = Duration::from_secs(2);
/// How long the output pipes may stay open after the test process ended (a child of its own
/// may hold them).
pub const PIPE_CLOSE_WAIT: Duration = Duration::from_secs(2);
/// The largest file a sandboxed test may write (RLIMIT_FSIZE).
pub const SANDBOX_FILE_SIZE: u64 = 64 << 20;

/// Exercises compiled and run at once, unless told otherwise: one per core.
pub fn exercise_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Test processes at once over a whole run, unless told otherwise: four per core. Most hidden
/// tests wait far more than they compute (on a lock, a channel, a deadlock the time limit ends),
/// and a waiting test holds its slot: with one per core, the kit's deadlock chapter took 84 s
/// instead of 24 s on two cores, its hung tests queuing behind each other.
pub fn test_processes() -> usize {
    4 * exercise_jobs()
}

/// The nice value of work run beside what the user waits on (the rules' check beside the test
/// build): it gets what the build leaves of the cores.
pub const BACKGROUND_NICE: i32 = 10;

/// Quiet time, in milliseconds, that ends a burst of file events from one save. Editors write
/// a save's events within a millisecond or two; every millisecond here is one the learner waits
/// for a verdict. A slow writer whose events straggle gives a second run, which replaces the
/// first.
pub const DEBOUNCE_MS: u64 = 15;
/// The longest one burst of file events is gathered, however steady the stream.
pub const BURST_LONGEST: Duration = Duration::from_millis(500);
/// How long after a save a burst of events that leaves the file as that save left it (the same
/// contents, size, modification time and inode) is taken as the rest of that save, and gives no
/// second run: a change of permissions an editor makes straight after its write, a rename's second
/// event. A burst said complete by its event (closed after writing, renamed into place) ends at
/// once; what the kernel sends after it comes as a burst of its own.
pub const SAVE_TAIL: Duration = Duration::from_millis(100);
