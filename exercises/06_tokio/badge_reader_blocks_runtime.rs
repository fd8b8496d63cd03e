// Question 6: Explain Tokio and where it is used.
//
// A door controller runs on Tokio, but its badge reader comes with an old driver whose
// `read_blocking` blocks the calling thread until a badge is swiped. `read_badges` calls
// it straight from async code. That holds a runtime thread hostage: every other task
// scheduled on that thread stops, including the one that feeds the reader, and the door
// controller freezes.
//
// Keep the driver as it is and use it only through `read_blocking`, and make
// `read_badges` wait for swipes without blocking the runtime's threads (and without
// checking for swipes in a loop).

use std::sync::mpsc;

/// The vendor's driver: a blocking API, like many C libraries, file and database clients.
pub struct BadgeReader {
    swipes: mpsc::Receiver<u32>,
}

impl BadgeReader {
    pub fn new(swipes: mpsc::Receiver<u32>) -> Self {
        BadgeReader { swipes }
    }

    /// Blocks until a badge is swiped. `None` once the reader is unplugged.
    pub fn read_blocking(&self) -> Option<u32> {
        self.swipes.recv().ok()
    }
}

/// Reads up to `count` badges, fewer if the reader is unplugged first.
pub async fn read_badges(reader: BadgeReader, count: usize) -> Vec<u32> {
    let mut badges = Vec::with_capacity(count);
    while badges.len() < count {
        match reader.read_blocking() {
            Some(badge) => badges.push(badge),
            None => break,
        }
    }
    badges
}
