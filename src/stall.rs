//! Telling a test that can never finish from a slow one. On Linux, a process tree whose every
//! thread sleeps in a wait that nothing can end before the time limit (a lock, a condition
//! variable, a channel or a join without a deadline; an async runtime idle with only wakers of
//! its own to wait on; a wait for a child process that is stuck too) will not finish. Seen so in
//! two looks, with no thread having run between them, it is stopped at once instead of at its
//! time limit: a deadlock gets its verdict in a fraction of a second.
//!
//! Only waits whose end can be proved are counted: a sleep, a read, a poll, a timed wait that
//! may end before the limit, or a thread that runs at all leaves the test to its limit as before.
//! Elsewhere than Linux, and where /proc does not say, nothing is ever judged stuck.

use std::time::Instant;

/// Which processes of a child's tree are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watched {
    /// The child and every process under it.
    Tree,
    /// Only the processes under the child: the child is a supervisor of ours (the sandbox's),
    /// which waits for them, and for signals, by design.
    Below,
}

/// The threads of a tree as seen when every one of them was stuck: two equal looks mean that
/// none of them ran in between.
#[derive(Debug, PartialEq, Eq)]
pub struct Look {
    /// (thread id, context switches, its system call and arguments), sorted.
    threads: Vec<(u32, u64, String)>,
}

impl Look {
    pub fn threads(&self) -> usize {
        self.threads.len()
    }
}

/// Looks at a running child now and then; says when two looks in a row found it stuck.
pub struct Watch {
    pid: u32,
    watched: Option<Watched>,
    start: Instant,
    deadline: Instant,
    next: Instant,
    last: Option<Look>,
}

impl Watch {
    pub fn new(pid: u32, watched: Option<Watched>, start: Instant, deadline: Instant) -> Self {
        Self {
            pid,
            watched,
            start,
            deadline,
            next: start + crate::limits::STALL_FIRST_LOOK,
            last: None,
        }
    }

    /// When the child is next looked at for a deadlock; `None` when it is not watched.
    pub fn next_look(&self) -> Option<Instant> {
        self.watched.map(|_| self.next)
    }

    /// The number of threads, once the child has been seen stuck twice in a row.
    pub fn stuck(&mut self, now: Instant) -> Option<usize> {
        let watched = self.watched?;
        if now < self.next {
            return None;
        }
        self.next = now + crate::limits::STALL_LOOKS_APART;
        let look = look(self.pid, watched, self.start, self.deadline);
        let stuck = match (&self.last, &look) {
            (Some(before), Some(now)) if before == now => Some(now.threads()),
            _ => None,
        };
        self.last = look;
        stuck
    }
}

/// Every thread of the tree, stuck until the deadline at least; `None` when any thread could
/// still run or end its wait before it, or when the system does not say.
#[cfg(target_os = "linux")]
pub fn look(root: u32, watched: Watched, start: Instant, deadline: Instant) -> Option<Look> {
    linux::look(root, watched, start, deadline)
}

#[cfg(not(target_os = "linux"))]
pub fn look(_root: u32, _watched: Watched, _start: Instant, _deadline: Instant) -> Option<Look> {
    None
}

#[cfg(target_os = "linux")]
mod linux {
    use std::collections::BTreeSet;
    use std::fs;
    use std::time::{Duration, Instant};

    use super::{Look, Watched};

    /// When a wait with a timeout of `wait` that began after `start` ends, at the earliest: after
    /// the deadline means never, for the test.
    fn outlasts(wait: Duration, start: Instant, deadline: Instant) -> bool {
        start.checked_add(wait).is_none_or(|end| end >= deadline)
    }

    /// What one thread was doing, as /proc says: its system call's number and arguments.
    struct Call {
        nr: i64,
        args: [u64; 6],
    }

    pub fn look(root: u32, watched: Watched, start: Instant, deadline: Instant) -> Option<Look> {
        let tree = tree(root)?;
        let looked: Vec<u32> = match watched {
            Watched::Tree => tree.clone(),
            Watched::Below => tree.iter().copied().filter(|&p| p != root).collect(),
        };
        if looked.is_empty() {
            return None;
        }
        let mut threads = Vec::new();
        for &pid in &looked {
            let has_children = !children(pid)?.is_empty();
            for tid in tasks(pid)? {
                let dir = format!("/proc/{pid}/task/{tid}");
                if state(&fs::read_to_string(format!("{dir}/stat")).ok()?)? != 'S' {
                    return None;
                }
                let line = fs::read_to_string(format!("{dir}/syscall")).ok()?;
                let call = parse_call(&line)?;
                let stuck = waits_for_ever(pid, &call, has_children, &tree, start, deadline);
                if !stuck {
                    return None;
                }
                let status = fs::read_to_string(format!("{dir}/status")).ok()?;
                threads.push((tid, switches(&status)?, line.trim().to_owned()));
            }
        }
        threads.sort();
        Some(Look { threads })
    }

    /// The root and every process under it, through each thread's `children`.
    fn tree(root: u32) -> Option<Vec<u32>> {
        let mut seen = vec![root];
        let mut next = 0;
        while next < seen.len() {
            let pid = seen[next];
            next += 1;
            for child in children(pid)? {
                if !seen.contains(&child) {
                    seen.push(child);
                }
            }
        }
        Some(seen)
    }

    fn children(pid: u32) -> Option<Vec<u32>> {
        let mut all = Vec::new();
        for tid in tasks(pid)? {
            let text = fs::read_to_string(format!("/proc/{pid}/task/{tid}/children")).ok()?;
            all.extend(
                text.split_whitespace()
                    .filter_map(|p| p.parse::<u32>().ok()),
            );
        }
        Some(all)
    }

    fn tasks(pid: u32) -> Option<Vec<u32>> {
        let entries = fs::read_dir(format!("/proc/{pid}/task")).ok()?;
        Some(
            entries
                .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect(),
        )
    }

    /// The state letter of a `stat` line: after the name, which may hold anything, in brackets.
    fn state(stat: &str) -> Option<char> {
        stat[stat.rfind(')')? + 1..].trim_start().chars().next()
    }

    fn switches(status: &str) -> Option<u64> {
        let count = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        Some(count("voluntary_ctxt_switches:")? + count("nonvoluntary_ctxt_switches:")?)
    }

    /// `202 0x5609503ce638 0x89 0xffffffff 0x0 0x0 0x7fff 0x7ffc 0x7ff9` (number, six
    /// arguments, stack and program counters); `running` or `-1 …` are no system call.
    fn parse_call(line: &str) -> Option<Call> {
        let mut words = line.split_whitespace();
        let nr: i64 = words.next()?.parse().ok()?;
        let mut args = [0u64; 6];
        for arg in &mut args {
            *arg = u64::from_str_radix(words.next()?.strip_prefix("0x")?, 16).ok()?;
        }
        (nr >= 0).then_some(Call { nr, args })
    }

    fn waits_for_ever(
        pid: u32,
        call: &Call,
        has_children: bool,
        tree: &[u32],
        start: Instant,
        deadline: Instant,
    ) -> bool {
        let a = call.args;
        match call.nr {
            libc::SYS_futex => futex_for_ever(pid, a, start, deadline),
            #[cfg(target_arch = "x86_64")]
            libc::SYS_epoll_wait => epoll_for_ever(pid, a, tree, start, deadline),
            libc::SYS_epoll_pwait => epoll_for_ever(pid, a, tree, start, deadline),
            // A wait for a child: it ends only when one does, and every one is looked at too.
            libc::SYS_wait4 | libc::SYS_waitid => has_children,
            _ => false,
        }
    }

    /// A futex wait that only the process can end (a private futex, or one in memory no other
    /// process maps: glibc's wait for a thread to end is one), with no timeout or one past the
    /// deadline.
    fn futex_for_ever(pid: u32, a: [u64; 6], start: Instant, deadline: Instant) -> bool {
        let op = a[1] as i32;
        if op & libc::FUTEX_PRIVATE_FLAG == 0 && !private_memory(pid, a[0]) {
            return false;
        }
        let (timeout, realtime) = (a[3], op & libc::FUTEX_CLOCK_REALTIME != 0);
        match op & !(libc::FUTEX_PRIVATE_FLAG | libc::FUTEX_CLOCK_REALTIME) {
            libc::FUTEX_WAIT | libc::FUTEX_WAIT_BITSET if timeout == 0 => true,
            // Relative to when the wait began, which was after the test started.
            libc::FUTEX_WAIT => {
                read_timespec(pid, timeout).is_some_and(|wait| outlasts(wait, start, deadline))
            }
            // An instant on a clock.
            libc::FUTEX_WAIT_BITSET => {
                let clock = if realtime {
                    libc::CLOCK_REALTIME
                } else {
                    libc::CLOCK_MONOTONIC
                };
                let (Some(until), Some(now)) = (read_timespec(pid, timeout), clock_now(clock))
                else {
                    return false;
                };
                until >= now + deadline.saturating_duration_since(Instant::now())
            }
            _ => false,
        }
    }

    /// Whether the address lies in a private mapping of the process (not one shared with
    /// another process), as its `maps` says: `start-end perms …`, perms ending in `p`.
    fn private_memory(pid: u32, address: u64) -> bool {
        let Ok(maps) = fs::read_to_string(format!("/proc/{pid}/maps")) else {
            return false;
        };
        maps.lines().any(|line| {
            let mut words = line.split_whitespace();
            let (Some(range), Some(perms)) = (words.next(), words.next()) else {
                return false;
            };
            let Some((from, to)) = range.split_once('-') else {
                return false;
            };
            let (Ok(from), Ok(to)) = (u64::from_str_radix(from, 16), u64::from_str_radix(to, 16))
            else {
                return false;
            };
            (from..to).contains(&address) && perms.ends_with('p')
        })
    }

    /// An epoll wait with no timeout (or one past the deadline) on a set that only this tree
    /// can make ready: event counters and Unix sockets whose other end is in the tree (an async
    /// runtime's own wakers and signal pipe).
    fn epoll_for_ever(
        pid: u32,
        a: [u64; 6],
        tree: &[u32],
        start: Instant,
        deadline: Instant,
    ) -> bool {
        let timeout = a[3] as i32;
        let long = timeout < 0 || outlasts(Duration::from_millis(timeout as u64), start, deadline);
        let Ok(info) = fs::read_to_string(format!("/proc/{pid}/fdinfo/{}", a[0] as i32)) else {
            return false;
        };
        let fds: BTreeSet<i32> = info
            .lines()
            .filter_map(|l| {
                l.strip_prefix("tfd:")?
                    .split_whitespace()
                    .next()?
                    .parse()
                    .ok()
            })
            .collect();
        long && fds.iter().all(|&fd| inside(pid, fd, tree))
    }

    /// Whether only the tree can make this file of the process ready.
    fn inside(pid: u32, fd: i32, tree: &[u32]) -> bool {
        let Ok(target) = fs::read_link(format!("/proc/{pid}/fd/{fd}")) else {
            return false;
        };
        let target = target.to_string_lossy();
        if target == "anon_inode:[eventfd]" {
            return true;
        }
        target.starts_with("socket:") && peer(pid, fd).is_some_and(|p| tree.contains(&p))
    }

    /// The process at the other end of a Unix socket of another process (through a copy of
    /// the descriptor, taken with `pidfd_getfd`).
    fn peer(pid: u32, fd: i32) -> Option<u32> {
        use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
        // SAFETY: plain system calls; each descriptor they return is owned and closed once.
        unsafe {
            let pidfd = libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0);
            if pidfd < 0 {
                return None;
            }
            let pidfd = OwnedFd::from_raw_fd(pidfd as i32);
            let copy = libc::syscall(libc::SYS_pidfd_getfd, pidfd.as_raw_fd(), fd, 0);
            if copy < 0 {
                return None;
            }
            let copy = OwnedFd::from_raw_fd(copy as i32);
            let domain: libc::c_int = socket_option(&copy, libc::SO_DOMAIN)?;
            if domain != libc::AF_UNIX {
                return None;
            }
            let cred: libc::ucred = socket_option(&copy, libc::SO_PEERCRED)?;
            (cred.pid > 0).then_some(cred.pid as u32)
        }
    }

    /// A socket option of `SOL_SOCKET` whose value is a `T`.
    ///
    /// # Safety
    /// `T` must be the type the kernel writes for `option`, valid for any bytes it writes.
    unsafe fn socket_option<T>(socket: &std::os::fd::OwnedFd, option: libc::c_int) -> Option<T> {
        use std::os::fd::AsRawFd;
        let mut value = std::mem::MaybeUninit::<T>::zeroed();
        let mut len = size_of::<T>() as libc::socklen_t;
        // SAFETY: `value` has room for `len` bytes, and the caller vouches for `T`.
        let ok = unsafe {
            libc::getsockopt(
                socket.as_raw_fd(),
                libc::SOL_SOCKET,
                option,
                value.as_mut_ptr().cast(),
                &mut len,
            )
        } == 0;
        // SAFETY: zeroed, then written by the kernel; the caller vouches that any bytes are a `T`.
        (ok && len as usize == size_of::<T>()).then(|| unsafe { value.assume_init() })
    }

    /// A `struct timespec` in another process's memory.
    fn read_timespec(pid: u32, at: u64) -> Option<Duration> {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        let local = libc::iovec {
            iov_base: (&raw mut ts).cast(),
            iov_len: size_of::<libc::timespec>(),
        };
        let remote = libc::iovec {
            iov_base: at as *mut libc::c_void,
            iov_len: size_of::<libc::timespec>(),
        };
        // SAFETY: `local` points at `ts`, which lives through the call and has the length
        // given; the remote address is only read, by the kernel, which checks it.
        let read = unsafe { libc::process_vm_readv(pid as libc::pid_t, &local, 1, &remote, 1, 0) };
        (read == size_of::<libc::timespec>() as isize).then(|| timespec(&ts))?
    }

    fn clock_now(clock: libc::clockid_t) -> Option<Duration> {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid out-pointer for the call.
        let ok = unsafe { libc::clock_gettime(clock, &mut ts) } == 0;
        ok.then(|| timespec(&ts))?
    }

    fn timespec(ts: &libc::timespec) -> Option<Duration> {
        let secs = u64::try_from(ts.tv_sec).ok()?;
        let nanos = u32::try_from(ts.tv_nsec)
            .ok()
            .filter(|&n| n < 1_000_000_000)?;
        Some(Duration::new(secs, nanos))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_wait_outlasts_the_test_when_it_ends_at_or_after_the_deadline() {
            let start = Instant::now();
            let deadline = start + Duration::from_secs(10);
            assert!(outlasts(Duration::from_secs(10), start, deadline));
            assert!(outlasts(Duration::MAX, start, deadline));
            assert!(!outlasts(Duration::from_secs(9), start, deadline));
        }

        #[test]
        fn a_stat_line_gives_its_state_whatever_the_name() {
            assert_eq!(state("42 (a) b (c)) S 1 2 3"), Some('S'));
            assert_eq!(state("7 (dl) R 1"), Some('R'));
        }

        #[test]
        fn a_syscall_line_reads_back_and_running_is_none() {
            let call = parse_call("202 0x56 0x89 0xffffffff 0x0 0x0 0x7f 0x7ffc 0x7ff9\n").unwrap();
            assert_eq!(call.nr, 202);
            assert_eq!(call.args[1], 0x89);
            assert!(parse_call("running\n").is_none());
            assert!(parse_call("-1 0x7ffc 0x7ff9\n").is_none());
        }
    }
}
