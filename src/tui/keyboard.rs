//! The keyboard: a thread that blocks on terminal events and forwards key presses and resizes.

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event as TermEvent, KeyEventKind};

use super::Ui;

pub fn spawn<E: From<Ui> + Send + 'static>(tx: Sender<E>) {
    thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => Ui::Key(key),
                Ok(TermEvent::Resize(..)) => Ui::Resize,
                Ok(_) => continue,
                Err(_) => break,
            };
            if tx.send(E::from(input)).is_err() {
                break;
            }
        }
    });
}
