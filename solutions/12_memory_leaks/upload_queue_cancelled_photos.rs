// Question 12: What is the possibility of memory leaks in Rust?
//
// A photo app uploads pictures one at a time. `UploadQueue::submit` queues a photo and returns
// a `Ticket`: the row the app shows for it in the upload list. Swiping the row away drops the
// ticket, and that cancels the upload: a cancelled photo must never be handed to the uploader.
// The uploader calls `next_upload` when it is ready for the next photo, oldest first, and owns
// the photo it is given; dropping the ticket of a photo already handed out cancels nothing.
//
// Memory reports from the field, and what must hold from now on:
// - On a slow network the uploader spent an hour on one video. Users cancelled thousands of
//   photos meanwhile, and the app's memory kept growing: every one of them was still there.
//   A cancelled photo must be freed the moment its ticket goes, whatever the uploader is doing.
// - A user queued 5 000 photos, then cancelled or uploaded all but a few, and the app still held
//   the memory of a queue of 5 000. What the queue holds must follow the photos waiting in it,
//   not the most it ever held: as soon as a photo has left it (cancelled or handed out), what
//   dropping the queue would free, not counting the photos' own names and bytes, is at most
//   1 KiB plus 4 * size_of::<Upload>() bytes for each photo still waiting. Giving room back
//   must not make removing photos slow, though: taking a photo out allocates nothing, except
//   when the queue moves to a smaller place, and that place has at most half the room of the
//   one it leaves.
// - Signing out closes the queue (drops it) while the list may still show tickets. The photos
//   still waiting are freed then, and so is the rest of the queue: from then on, all the
//   tickets left over keep at most 128 bytes of heap alive between them, however many photos
//   and tickets there were. Dropping such a ticket later frees its share and cancels nothing.
// Each queue is on its own: a ticket cancels only its own photo, in its own queue.
// Keep the signatures of `submit`, `next_upload` and `waiting`, and `Upload` owning its `Photo`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

thread_local! {
    // How many photos exist on this thread right now.
    static LIVE_PHOTOS: Cell<usize> = const { Cell::new(0) };
}

fn live_photos() -> usize {
    LIVE_PHOTOS.with(Cell::get)
}

pub struct Photo {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Photo {
    pub fn new(name: &str, size: usize) -> Photo {
        LIVE_PHOTOS.with(|n| n.set(n.get() + 1));
        Photo {
            name: name.to_owned(),
            bytes: vec![0xFF; size],
        }
    }
}

impl Drop for Photo {
    fn drop(&mut self) {
        LIVE_PHOTOS.with(|n| n.set(n.get() - 1));
    }
}

/// A photo on its way to the server.
pub struct Upload {
    pub id: u64,
    pub photo: Photo,
}

/// The photos waiting for the uploader, oldest first.
type Waiting = RefCell<VecDeque<Upload>>;

/// A row of the upload list; dropping it cancels the upload.
pub struct Ticket {
    id: u64,
    /// The queue, without keeping it alive: a row may outlive it.
    queue: Weak<Waiting>,
}

impl Ticket {
    pub fn id(&self) -> u64 {
        self.id
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        // The photo leaves the queue now, if it is still there and the queue still exists.
        if let Some(waiting) = self.queue.upgrade() {
            let mut waiting = waiting.borrow_mut();
            waiting.retain(|upload| upload.id != self.id);
            give_back_room(&mut waiting);
        }
    }
}

/// A queue keeps the room it once grew to until it is told otherwise. Once it is less than a
/// quarter full, it shrinks to twice what it holds: not to the last slot, so that the copying
/// a shrink costs is paid for by the many photos that left before it.
fn give_back_room(waiting: &mut VecDeque<Upload>) {
    if waiting.capacity() > 4 * waiting.len().max(4) {
        waiting.shrink_to(2 * waiting.len());
    }
}

#[derive(Default)]
pub struct UploadQueue {
    waiting: Rc<Waiting>,
    next_id: Cell<u64>,
}

impl UploadQueue {
    pub fn submit(&self, photo: Photo) -> Ticket {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.waiting.borrow_mut().push_back(Upload { id, photo });
        Ticket {
            id,
            queue: Rc::downgrade(&self.waiting),
        }
    }

    /// The oldest photo that is still wanted, for the uploader to own.
    pub fn next_upload(&self) -> Option<Upload> {
        let mut waiting = self.waiting.borrow_mut();
        let upload = waiting.pop_front();
        give_back_room(&mut waiting);
        upload
    }

    /// How many photos wait for the uploader.
    pub fn waiting(&self) -> usize {
        self.waiting.borrow().len()
    }
}

fn main() {
    let queue = UploadQueue::default();
    let beach = queue.submit(Photo::new("beach.jpg", 4_000_000));
    let blurry = queue.submit(Photo::new("blurry.jpg", 3_000_000));
    drop(blurry);
    while let Some(upload) = queue.next_upload() {
        println!("uploading {} ({})", upload.photo.name, upload.id);
    }
    println!(
        "{} photos in memory, ticket {} shown",
        live_photos(),
        beach.id()
    );
}
