//! Signals that end a full-screen command from outside become an event, so the command stops its
//! runs as on `q`: SIGHUP when the terminal window is closed, SIGTERM from `kill`, SIGINT from
//! `kill -INT` (Ctrl-C itself is a key in raw mode). Without this the signal ends the command at
//! once, and the processes of a run in progress, which lead process groups of their own, are
//! left running: a deadlocked test for ever.
//!
//! signal-hook's iterator does what a handler may not (sending on a channel) on a thread of its
//! own. Handlers do not survive `exec`, so the runs' processes still get the default actions.

use std::sync::mpsc::Sender;

use super::Ui;

/// From now on, SIGHUP, SIGTERM and SIGINT send [`Ui::Stop`] to `tx`.
#[cfg(unix)]
pub fn forward<E: From<Ui> + Send + 'static>(tx: Sender<E>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(E::from(Ui::Stop)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Elsewhere the console's own handling stays.
#[cfg(not(unix))]
pub fn forward<E: From<Ui> + Send + 'static>(_tx: Sender<E>) -> std::io::Result<()> {
    Ok(())
}
