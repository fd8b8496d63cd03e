//! Signals that end watch from outside become a quit event, so that watch stops its runs as on
//! `q`: SIGHUP when the terminal window is closed, SIGTERM from `kill`, SIGINT from `kill -INT`
//! (Ctrl-C itself is a key in raw mode). Without this the signal ends watch at once, and the
//! processes of a run in progress, which lead process groups of their own, are left running: a
//! deadlocked test for ever.
//!
//! The handler only writes a byte to a socket (all a signal handler may safely do); a thread
//! reads it and sends the event. Handlers do not survive `exec`, so the runs' processes still get
//! the default actions.

use std::io::Read;
use std::os::fd::IntoRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

use super::event::Event;

/// The socket end the handler writes to; -1 until [`forward`] has run.
static WAKE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_signal(_signal: libc::c_int) {
    let fd = WAKE.load(Ordering::Relaxed);
    if fd >= 0 {
        // SAFETY: write(2) is async-signal-safe; the buffer is valid for one byte.
        unsafe {
            libc::write(fd, [1u8].as_ptr().cast(), 1);
        }
    }
}

/// From now on, SIGHUP, SIGTERM and SIGINT send [`Event::Quit`] to `tx`.
pub fn forward(tx: Sender<Event>) -> std::io::Result<()> {
    let (mut heard, wake) = UnixStream::pair()?;
    wake.set_nonblocking(true)?;
    WAKE.store(wake.into_raw_fd(), Ordering::Relaxed);
    for signal in [libc::SIGHUP, libc::SIGTERM, libc::SIGINT] {
        // SAFETY: `action` is fully initialised (zeroed, then the handler, flags and an empty
        // mask set); the handler only calls async-signal-safe functions.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            if libc::sigaction(signal, &action, std::ptr::null_mut()) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
    }
    thread::spawn(move || {
        let mut byte = [0u8; 1];
        loop {
            match heard.read(&mut byte) {
                Ok(1) if tx.send(Event::Quit).is_ok() => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                _ => break,
            }
        }
    });
    Ok(())
}
