//! Running one child process under limits: a wall-clock timeout, a cap on the output kept, a
//! cancel switch, and no process left behind.
//!
//! On Unix the child leads its own process group. When it ends, times out or is cancelled the
//! whole group is killed, so a test binary's threads, a grandchild it spawned, or the rustc
//! processes under cargo go with it. The child is never reaped before the group is killed, so
//! the group id cannot have been reused by an unrelated process.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
#[cfg(unix)]
use std::process::Child;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::limits::{self, PIPE_CLOSE_WAIT};
use crate::stall::{self, Watched};

/// What a child process may use. One value, passed down, with documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time before the process group is stopped. Default 10 s.
    pub timeout: Duration,
    /// Bytes kept of each of stdout and stderr: the first half and the last half of this, so
    /// that what a process says last (libtest's verdict, a panic message) survives a flood.
    /// What lies between is read and counted, not kept. Default 1 MiB.
    pub output_cap: usize,
    /// Time between the polite stop (SIGTERM) and the forced one (SIGKILL). Default 200 ms.
    pub grace: Duration,
    /// Bytes of data memory (heap, thread stacks) the process may map, on Unix, through
    /// RLIMIT_DATA (not RLIMIT_AS, which would also count the address space that threads and
    /// allocators only reserve). `None`: no limit. Default 1 GiB.
    pub memory: Option<u64>,
    /// Runs at a lower CPU priority (on Unix, a nice value of [`limits::BACKGROUND_NICE`]):
    /// work someone waits on more directly gets the cores first. Default `false`.
    pub background: bool,
    /// Which of the child's processes are looked at for a deadlock ([`stall`]): seen stuck, the
    /// child is stopped at once, without waiting for its time limit. `None` (the default):
    /// only the time limit stops it.
    pub stall: Option<Watched>,
}

impl Limits {
    /// A build's limits (cargo, rustc, clippy): [`limits::BUILD_TIMEOUT`], no memory limit (the
    /// compiler's own are set apart, when grading), and [`limits::BUILD_OUTPUT_CAP`] of output.
    pub fn build() -> Self {
        Self {
            timeout: limits::BUILD_TIMEOUT,
            memory: None,
            output_cap: limits::BUILD_OUTPUT_CAP,
            ..Self::default()
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: limits::TEST_TIMEOUT,
            output_cap: limits::OUTPUT_CAP,
            grace: limits::STOP_GRACE,
            memory: Some(limits::TEST_MEMORY),
            background: false,
            stall: None,
        }
    }
}

/// A switch another thread flips to stop a run early (a newer save, or the learner quitting).
/// On Unix a child waited on under it is stopped at once when it flips, not at its supervisor's
/// next look.
#[derive(Debug, Clone, Default)]
pub struct Cancel {
    own: Arc<Switch>,
    /// The switches of the cancels this one was made from: flipping any of them stops it too.
    above: Vec<Arc<Switch>>,
}

#[derive(Debug, Default)]
struct Switch {
    flipped: AtomicBool,
    /// What is told when it flips, by the number of its registration.
    waiting: Mutex<Vec<(u64, Waiter)>>,
}

/// What a switch tells when it flips.
#[derive(Debug)]
enum Waiter {
    /// A supervisor waiting on its child.
    Wake(mpsc::Sender<Wake>),
    /// Another cancel's switch, flipped in turn ([`Cancel::forward_to`]).
    Forward(Arc<Switch>),
}

impl Switch {
    fn flip(&self) {
        self.flipped.store(true, Ordering::SeqCst);
        let waiting = std::mem::take(&mut *self.waiting.lock().unwrap_or_else(|e| e.into_inner()));
        for (_, waiter) in waiting {
            match waiter {
                Waiter::Wake(supervisor) => {
                    let _ = supervisor.send(Wake::Cancelled);
                }
                // A cycle of forwards ends: a switch flipped again has nobody left to tell.
                Waiter::Forward(switch) => switch.flip(),
            }
        }
    }
}

/// What wakes a supervisor waiting on its child.
#[derive(Debug)]
enum Wake {
    /// Not sent on Windows, where the job object is asked instead.
    #[cfg_attr(windows, allow(dead_code))]
    Exited,
    Cancelled,
}

/// A registration under the switches of a cancel (a supervisor's, or a forward's), undone when
/// dropped.
pub struct Registered<'a> {
    switches: Vec<&'a Arc<Switch>>,
    number: u64,
}

impl Drop for Registered<'_> {
    fn drop(&mut self) {
        for switch in &self.switches {
            switch
                .waiting
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .retain(|(n, _)| *n != self.number);
        }
    }
}

impl Cancel {
    pub fn cancel(&self) {
        self.own.flip();
    }

    pub fn is_cancelled(&self) -> bool {
        self.switches()
            .any(|switch| switch.flipped.load(Ordering::SeqCst))
    }

    /// A cancel of its own for part of a run: cancelled when this one is, or by itself alone.
    pub fn child(&self) -> Cancel {
        let mut above = self.above.clone();
        above.push(Arc::clone(&self.own));
        Cancel {
            own: Arc::default(),
            above,
        }
    }

    fn switches(&self) -> impl Iterator<Item = &Arc<Switch>> {
        std::iter::once(&self.own).chain(&self.above)
    }

    /// Has `waker` told when any switch of this cancel flips, until the registration is dropped.
    fn register(&self, waker: &mpsc::Sender<Wake>) -> Registered<'_> {
        self.register_waiter(|| Waiter::Wake(waker.clone()))
    }

    /// Cancels `other` too when this one is cancelled (already, or until the returned
    /// registration is dropped): a child waited on under `other` since before this cancel
    /// existed is stopped at once by it.
    pub fn forward_to(&self, other: &Cancel) -> Registered<'_> {
        let registered = self.register_waiter(|| Waiter::Forward(Arc::clone(&other.own)));
        if self.is_cancelled() {
            other.cancel();
        }
        registered
    }

    fn register_waiter(&self, waiter: impl Fn() -> Waiter) -> Registered<'_> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let number = NEXT.fetch_add(1, Ordering::Relaxed);
        let switches: Vec<&Arc<Switch>> = self.switches().collect();
        for switch in &switches {
            switch
                .waiting
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((number, waiter()));
        }
        Registered { switches, number }
    }
}

#[derive(Debug)]
pub enum Ending {
    Exited(ExitStatus),
    /// Stopped for not finishing: at its time limit, or before it when `deadlocked` (all its
    /// threads, this many, were stuck in waits nothing could end: see [`stall`]).
    TimedOut {
        deadlocked: Option<usize>,
    },
    Cancelled,
}

/// Output as kept: its start and its end, at most the cap together, and how many bytes between
/// them were thrown away.
#[derive(Debug, Default)]
pub struct Captured {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    pub dropped: u64,
}

impl Captured {
    /// The output kept, with a line saying where and how much was cut.
    pub fn text(&self) -> String {
        let mut text = String::from_utf8_lossy(&self.head).into_owned();
        if self.dropped > 0 {
            text.push_str(&format!("\n[... {} bytes cut ...]\n", self.dropped));
        }
        let (a, b) = self.tail.as_slices();
        text.push_str(&String::from_utf8_lossy(&[a, b].concat()));
        text
    }
}

#[derive(Debug)]
pub struct Finished {
    pub ending: Ending,
    pub stdout: Captured,
    pub stderr: Captured,
    pub elapsed: Duration,
}

/// How often a running child is checked for its exit, cancellation and deadline on Windows, where
/// nothing wakes the wait.
const TICK: Duration = Duration::from_millis(25);

/// Runs `command` to its end under `limits`, its input /dev/null and its output captured. On Unix
/// it starts through rustprep's launcher where one is named ([`crate::launch`]), which carries
/// the program, its arguments, environment changes and folder: a command here may not rely on
/// `env_clear`, `arg0` or `pre_exec`.
pub fn run(command: &mut Command, limits: &Limits, cancel: &Cancel) -> Result<Finished> {
    run_inner(command, limits, cancel, None)
}

/// As [`run`], but each line of stdout, without its end, is sent on `lines` as it comes instead
/// of kept (the [`Finished`] stdout is empty), so that a long build's messages are acted on
/// before it ends. A line longer than the output cap is cut to it.
pub fn run_with_lines(
    command: &mut Command,
    limits: &Limits,
    cancel: &Cancel,
    lines: mpsc::Sender<String>,
) -> Result<Finished> {
    run_inner(command, limits, cancel, Some(lines))
}

fn run_inner(
    command: &mut Command,
    limits: &Limits,
    cancel: &Cancel,
    mut lines: Option<mpsc::Sender<String>>,
) -> Result<Finished> {
    let start = Instant::now();
    // Worked out before the child exists: nothing may fail between its start and its end.
    let deadline = start
        .checked_add(limits.timeout)
        .unwrap_or_else(|| start + Duration::from_secs(365 * 24 * 3600));
    let program = command.get_program().to_string_lossy().into_owned();
    command.stdin(Stdio::null());
    #[cfg(unix)]
    let mut launched = {
        use std::os::unix::process::CommandExt;
        let setup = crate::launch::Setup {
            memory: limits.memory,
            nice: if limits.background {
                limits::BACKGROUND_NICE
            } else {
                0
            },
        };
        let launched = crate::launch::through_helper(command, setup)
            .with_context(|| format!("failed to start `{program}`"))?;
        if launched.is_none() {
            // No launcher: the same setup, between fork and exec.
            // SAFETY: `apply` is async-signal-safe and allocates nothing.
            unsafe {
                command.pre_exec(move || setup.apply());
            }
        }
        launched
    };
    // Through the launcher, its input is the report pipe; the program gets /dev/null.
    #[cfg(unix)]
    let command = match &mut launched {
        Some(launched) => &mut launched.command,
        None => command,
    };
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    let mut child = spawn(command).with_context(|| format!("failed to start `{program}`"))?;
    #[cfg(unix)]
    if let Some(Err(why)) = launched.map(crate::launch::Launched::started) {
        let _ = child.wait();
        return Err(why).with_context(|| format!("failed to start `{program}`"));
    }

    let (out_tx, out_rx) = mpsc::channel();
    let readers = take_pipes(&mut child);
    for (index, pipe) in readers.into_iter().enumerate() {
        if let Some(pipe) = pipe {
            let tx = out_tx.clone();
            let cap = limits.output_cap;
            let lines = if index == 0 { lines.take() } else { None };
            thread::spawn(move || {
                let captured = match lines {
                    Some(lines) => send_lines(pipe, cap, &lines),
                    None => read_capped(pipe, cap),
                };
                let _ = tx.send((index, captured));
            });
        }
    }
    drop(out_tx);

    let (wake, woken) = mpsc::channel();
    let _registered = cancel.register(&wake);
    exit_watch(&child, wake);
    let mut stall = stall::Watch::new(child.id(), limits.stall, start, deadline);
    let mut ending = None;
    // Looked at before each wait: a cancel from before the registration above sent no wake.
    loop {
        let now = Instant::now();
        if cancel.is_cancelled() {
            ending = Some(Ending::Cancelled);
        } else if now >= deadline {
            ending = Some(Ending::TimedOut { deadlocked: None });
        } else if let Some(threads) = stall.stuck(now) {
            ending = Some(Ending::TimedOut {
                deadlocked: Some(threads),
            });
        }
        if ending.is_some() {
            break;
        }
        // On Unix an exit or a cancel wakes the wait: it lasts until the deadline or the next
        // look for a deadlock (a child waited on for long, such as a compiler started ahead of
        // a save, costs no wake-ups). Windows looks every tick.
        let until = stall
            .next_look()
            .map_or(deadline, |look| look.min(deadline));
        let mut wait = until.saturating_duration_since(now);
        if cfg!(windows) {
            wait = wait.min(TICK);
        }
        if has_exited(&woken, &mut child, wait, Until::ExitOrCancel) {
            break;
        }
    }
    if ending.is_some() {
        signal_group(&mut child, Signal::Terminate);
        has_exited(&woken, &mut child, limits.grace, Until::Exit);
    }
    // NOTE: the group is killed before the child is reaped, so that the group id still names
    // this group: stragglers (threads are gone with the process, but grandchildren are not)
    // die here, and the output pipes they hold close.
    signal_group(&mut child, Signal::Kill);
    let status = child
        .wait()
        .with_context(|| format!("failed to wait for `{program}`"))?;

    let mut outputs = [Captured::default(), Captured::default()];
    let pipes_deadline = Instant::now() + PIPE_CLOSE_WAIT;
    while let Ok((index, captured)) =
        out_rx.recv_timeout(pipes_deadline.saturating_duration_since(Instant::now()))
    {
        outputs[index] = captured;
    }
    let [stdout, stderr] = outputs;
    Ok(Finished {
        ending: ending.unwrap_or(Ending::Exited(status)),
        stdout,
        stderr,
        elapsed: start.elapsed(),
    })
}

fn read_capped(mut pipe: impl Read, cap: usize) -> Captured {
    let mut captured = Captured::default();
    let (head_cap, tail_cap) = (cap / 2, cap - cap / 2);
    let mut buf = [0u8; 64 * 1024];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let into_head = n.min(head_cap - captured.head.len());
                captured.head.extend_from_slice(&buf[..into_head]);
                captured.tail.extend(&buf[into_head..n]);
                let over = captured.tail.len().saturating_sub(tail_cap);
                captured.tail.drain(..over);
                captured.dropped += over as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    captured
}

/// Sends each line of `pipe` as it comes, cut to `cap` bytes; reads to the end even once nobody
/// listens, so that the child never blocks on a full pipe. Keeps nothing.
fn send_lines(pipe: impl Read, cap: usize, lines: &mpsc::Sender<String>) -> Captured {
    let mut reader = BufReader::with_capacity(64 * 1024, pipe);
    let mut line = Vec::new();
    // Within a line longer than the cap, whose start has been sent.
    let mut skipping = false;
    loop {
        line.clear();
        match (&mut reader)
            .take(cap.max(1) as u64)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => break,
            Ok(_) => {
                let whole = line.last() == Some(&b'\n');
                if whole {
                    line.pop();
                }
                if !skipping {
                    let _ = lines.send(String::from_utf8_lossy(&line).into_owned());
                }
                skipping = !whole;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    Captured::default()
}

enum Signal {
    Terminate,
    Kill,
}

/// The child as started: on Unix a plain child in a process group of its own; on Windows one in
/// a job object (through process-wrap), so that killing the job kills every process it started.
#[cfg(unix)]
type Spawned = Child;
#[cfg(windows)]
type Spawned = Box<dyn process_wrap::std::ChildWrapper>;

#[cfg(unix)]
fn spawn(command: &mut Command) -> std::io::Result<Spawned> {
    command.spawn()
}

#[cfg(windows)]
fn spawn(command: &mut Command) -> std::io::Result<Spawned> {
    let taken = std::mem::replace(command, Command::new(command.get_program()));
    let mut wrapped = process_wrap::std::CommandWrap::from(taken);
    wrapped.wrap(process_wrap::std::JobObject);
    wrapped.spawn()
}

fn take_pipes(child: &mut Spawned) -> [Option<Box<dyn Read + Send>>; 2] {
    #[cfg(unix)]
    let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
    #[cfg(windows)]
    let (stdout, stderr) = (child.stdout().take(), child.stderr().take());
    [
        stdout.map(|s| Box::new(s) as Box<dyn Read + Send>),
        stderr.map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
}

/// What a wait on the child ends at, besides its time: its exit, or also a cancel.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Until {
    Exit,
    ExitOrCancel,
}

/// On Unix, sends [`Wake::Exited`] on `wake` once the child has exited, without reaping it.
#[cfg(unix)]
fn exit_watch(child: &Child, wake: mpsc::Sender<Wake>) {
    let pid = child.id() as libc::id_t;
    thread::spawn(move || {
        loop {
            // SAFETY: `info` is a valid out-pointer for the duration of the call; WNOWAIT
            // leaves the child to be reaped by `Child::wait`.
            let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
            let rc =
                unsafe { libc::waitid(libc::P_PID, pid, &mut info, libc::WEXITED | libc::WNOWAIT) };
            if rc == 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted
            {
                break;
            }
        }
        let _ = wake.send(Wake::Exited);
    });
}

/// Whether the child exits within `wait`; with [`Until::ExitOrCancel`], a cancel ends the wait
/// early too (and the child has not exited).
#[cfg(unix)]
fn has_exited(
    woken: &mpsc::Receiver<Wake>,
    _child: &mut Spawned,
    wait: Duration,
    until: Until,
) -> bool {
    let give_up = Instant::now() + wait;
    loop {
        match woken.recv_timeout(give_up.saturating_duration_since(Instant::now())) {
            Ok(Wake::Exited) | Err(mpsc::RecvTimeoutError::Disconnected) => return true,
            Ok(Wake::Cancelled) if until == Until::ExitOrCancel => return false,
            Ok(Wake::Cancelled) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => return false,
        }
    }
}

#[cfg(unix)]
fn signal_group(child: &mut Spawned, signal: Signal) {
    let sig = match signal {
        Signal::Terminate => libc::SIGTERM,
        Signal::Kill => libc::SIGKILL,
    };
    // SAFETY: plain system call; the group is this child's own (it is not reaped yet).
    unsafe {
        libc::killpg(child.id() as libc::pid_t, sig);
    }
}

/// On Windows the child's state is asked of the job object (waiting on it returns when every
/// process in the job has ended), a tick at a time; a cancel is seen at the next tick.
#[cfg(windows)]
fn exit_watch(_child: &Spawned, _wake: mpsc::Sender<Wake>) {}

#[cfg(windows)]
fn has_exited(
    _woken: &mpsc::Receiver<Wake>,
    child: &mut Spawned,
    wait: Duration,
    _until: Until,
) -> bool {
    let give_up = Instant::now() + wait;
    loop {
        match child.try_wait() {
            Ok(None) if Instant::now() < give_up => thread::sleep(TICK.min(wait)),
            Ok(None) => return false,
            _ => return true,
        }
    }
}

/// Windows has no polite stop for a console program: both end the whole job at once.
#[cfg(windows)]
fn signal_group(child: &mut Spawned, _signal: Signal) {
    let _ = child.start_kill();
}

/// A readable name for the signal that ended a process, if one did.
pub fn signal_of(status: &ExitStatus) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal().map(|sig| {
            let name = match sig {
                libc::SIGABRT => "SIGABRT",
                libc::SIGSEGV => "SIGSEGV",
                libc::SIGBUS => "SIGBUS",
                libc::SIGILL => "SIGILL",
                libc::SIGFPE => "SIGFPE",
                libc::SIGKILL => "SIGKILL",
                libc::SIGTERM => "SIGTERM",
                _ => return format!("signal {sig}"),
            };
            name.to_owned()
        })
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unit tests name no launcher: children are limited between fork and exec (the
    /// launcher's own tests are in tests/launch.rs).
    #[cfg(unix)]
    #[test]
    fn without_a_launcher_a_child_gets_its_memory_limit_and_nice_value() {
        let limits = Limits {
            memory: Some(64 << 20),
            background: true,
            ..Limits::default()
        };
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "ulimit -d; ulimit -H -d; nice"]);
        let finished = run(&mut cmd, &limits, &Cancel::default()).unwrap();
        assert!(matches!(finished.ending, Ending::Exited(s) if s.success()));
        // Unprivileged, a process may only raise its nice value: from above 10, it keeps its own.
        // SAFETY: a plain system call about this process.
        let own = unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
        let nice = limits::BACKGROUND_NICE.max(own);
        assert_eq!(finished.stdout.text(), format!("65536\n65536\n{nice}\n"));
    }

    #[test]
    fn a_child_cancel_stops_with_its_parents_and_alone() {
        let run = Cancel::default();
        let part = run.child();
        let smaller = part.child();
        part.cancel();
        assert!(part.is_cancelled() && smaller.is_cancelled());
        assert!(!run.is_cancelled(), "a part stopping stops not the run");
        let other = run.child().child();
        run.cancel();
        assert!(other.is_cancelled(), "the run stopping stops every part");
    }

    #[test]
    fn a_cancel_wakes_the_supervisors_under_it_until_they_stop_waiting() {
        let run = Cancel::default();
        let part = run.child();
        let (wake, woken) = mpsc::channel();
        let registered = part.register(&wake);
        run.cancel();
        assert!(matches!(woken.try_recv(), Ok(Wake::Cancelled)));
        drop(registered);
        let other = Cancel::default();
        let registered = other.register(&wake);
        drop(registered);
        other.cancel();
        assert!(
            woken.try_recv().is_err(),
            "a supervisor no longer waiting is not woken"
        );
    }

    #[test]
    fn a_forward_cancels_the_other_cancel_until_it_is_dropped() {
        let (run, other) = (Cancel::default(), Cancel::default());
        let forward = run.forward_to(&other);
        run.cancel();
        assert!(other.is_cancelled());

        let (run, other) = (Cancel::default(), Cancel::default());
        run.cancel();
        let _forward = run.forward_to(&other);
        assert!(
            other.is_cancelled(),
            "a cancel from before the forward reaches it too"
        );

        let (run, other) = (Cancel::default(), Cancel::default());
        drop(run.forward_to(&other));
        run.cancel();
        assert!(!other.is_cancelled());
        drop(forward);
    }

    /// No wake reaches a supervisor for a cancel from before it registered: it must look first.
    #[cfg(unix)]
    #[test]
    fn a_run_cancelled_before_its_child_starts_ends_without_waiting_for_its_limit() {
        let cancel = Cancel::default();
        cancel.cancel();
        let mut cmd = Command::new("sleep");
        cmd.arg("60");
        let limits = Limits {
            timeout: Duration::from_secs(120),
            ..Limits::default()
        };
        let start = Instant::now();
        let finished = run(&mut cmd, &limits, &cancel).unwrap();
        assert!(matches!(finished.ending, Ending::Cancelled));
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn a_flood_keeps_its_start_and_its_end() {
        let mut output = b"START".to_vec();
        output.extend(std::iter::repeat_n(b'x', 1_000_000));
        output.extend(b"END");
        let captured = read_capped(&output[..], 100);
        let text = captured.text();
        assert!(text.starts_with("STARTxxx"), "{text}");
        assert!(text.ends_with("xxEND"), "{text}");
        assert_eq!(captured.dropped, output.len() as u64 - 100);
        assert!(text.contains(&format!("[... {} bytes cut ...]", captured.dropped)));
    }

    #[test]
    fn lines_are_sent_as_they_come_and_a_long_one_is_cut() {
        let (tx, rx) = mpsc::channel();
        let input = format!("first\n{}\nlast", "y".repeat(25));
        let kept = send_lines(input.as_bytes(), 10, &tx);
        drop(tx);
        assert_eq!(kept.text(), "");
        let sent: Vec<String> = rx.iter().collect();
        assert_eq!(sent, ["first", "yyyyyyyyyy", "last"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_line_reaches_the_listener_while_the_child_still_runs() {
        let (tx, rx) = mpsc::channel();
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo ready; sleep 60"]);
        let limits = Limits {
            timeout: Duration::from_secs(60),
            ..Limits::default()
        };
        let cancel = Cancel::default();
        thread::scope(|scope| {
            let run = scope.spawn(|| run_with_lines(&mut cmd, &limits, &cancel, tx));
            let first = rx.recv_timeout(Duration::from_secs(60));
            let running = !run.is_finished();
            cancel.cancel();
            assert_eq!(first.as_deref(), Ok("ready"));
            assert!(running, "the line came only once the child had ended");
            let finished = run.join().unwrap().unwrap();
            assert!(matches!(finished.ending, Ending::Cancelled));
        });
    }

    #[test]
    fn output_under_the_cap_is_kept_whole() {
        let captured = read_capped(&b"hello\nworld\n"[..], 100);
        assert_eq!(captured.text(), "hello\nworld\n");
        assert_eq!(captured.dropped, 0);
    }
}
