//! The keyboard: a thread that blocks on terminal events and forwards key presses and resizes.

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event as TermEvent, KeyEventKind};

use super::event::Event;

pub fn spawn(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let forwarded = match event::read() {
                Ok(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => {
                    tx.send(Event::Key(key))
                }
                Ok(TermEvent::Resize(..)) => tx.send(Event::Resize),
                Ok(_) => Ok(()),
                Err(_) => break,
            };
            if forwarded.is_err() {
                break;
            }
        }
    });
}
