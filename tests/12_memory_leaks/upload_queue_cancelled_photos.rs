use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::drop;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::{allocations, measure};

fn photo(name: &str) -> Photo {
    Photo::new(name, 1_000)
}

fn names(queue: &UploadQueue) -> Vec<String> {
    ::std::iter::from_fn(|| queue.next_upload())
        .map(|upload| upload.photo.name.clone())
        .collect()
}

fn lives_on_its_own<T: 'static>() {}

#[test]
fn the_signatures_stay() {
    let _: fn(&UploadQueue, Photo) -> Ticket = UploadQueue::submit;
    let _: fn(&UploadQueue) -> Option<Upload> = UploadQueue::next_upload;
    let _: fn(&UploadQueue) -> usize = UploadQueue::waiting;
    let _: fn(&Ticket) -> u64 = Ticket::id;
    lives_on_its_own::<Ticket>();
    let upload = Upload {
        id: 7,
        photo: photo("owned.jpg"),
    };
    let Upload { id: _, photo: _ } = upload;
}

#[test]
fn uploads_go_out_oldest_first_without_the_cancelled_ones() {
    let queue = UploadQueue::default();
    let tickets: Vec<Ticket> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|name| queue.submit(photo(name)))
        .collect();
    let ids: Vec<u64> = tickets.iter().map(Ticket::id).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(unique.len(), 5, "two tickets share an id: {ids:?}");
    assert_eq!(queue.waiting(), 5);
    let mut tickets = tickets.into_iter();
    let a = tickets.next().unwrap();
    drop(tickets.next()); // b
    let c = tickets.next().unwrap();
    drop(tickets.next()); // d
    let e = tickets.next().unwrap();
    assert_eq!(queue.waiting(), 3);
    assert_eq!(names(&queue), ["a", "c", "e"]);
    assert_eq!(queue.waiting(), 0);
    // Rows of photos already uploaded go away: nothing to cancel.
    drop((a, c, e));
    assert!(queue.next_upload().is_none());
    assert_eq!(live_photos(), 0);
}

#[test]
fn a_cancelled_photo_is_freed_at_once() {
    let queue = UploadQueue::default();
    let video = queue.submit(Photo::new("video.mp4", 50_000));
    let beach = queue.submit(photo("beach.jpg"));
    let blurry = queue.submit(photo("blurry.jpg"));
    let cat = queue.submit(photo("cat.jpg"));
    // The uploader is busy with the video for an hour.
    let in_progress = queue.next_upload().expect("the video");
    assert_eq!(in_progress.photo.name, "video.mp4");
    assert_eq!(live_photos(), 4);
    drop(blurry);
    assert_eq!(
        live_photos(),
        3,
        "a cancelled photo was still in memory while the uploader was busy"
    );
    drop(cat);
    assert_eq!(
        live_photos(),
        2,
        "a cancelled photo was still in memory while the uploader was busy"
    );
    assert_eq!(queue.waiting(), 1);
    drop(in_progress);
    assert_eq!(names(&queue), ["beach.jpg"]);
    drop((video, beach));
    assert_eq!(live_photos(), 0);
}

/// The most the heap of a queue may hold, not counting the photos' own, with `waiting` photos
/// in it.
fn room_allowed(waiting: usize) -> usize {
    1_024 + 4 * ::std::mem::size_of::<Upload>() * waiting
}

/// What dropping `queue` frees. The photos in these measurements are blank, with no heap of
/// their own, so all of it is the queue's. It frees at least the uploads still waiting in it:
/// a queue that kept them, or the room they sat in, out of sight would leak it.
fn room_held(queue: UploadQueue, waiting: usize) -> usize {
    let (_, usage) = measure(|| drop(queue));
    assert!(
        usage.freed_bytes >= waiting * ::std::mem::size_of::<Upload>(),
        "dropping a queue with {waiting} photos waiting freed {} bytes: not even the room they \
         sat in",
        usage.freed_bytes
    );
    usage.freed_bytes
}

/// A photo that owns no heap.
fn blank() -> Photo {
    let photo = Photo::new("", 0);
    assert_eq!((photo.name.capacity(), photo.bytes.capacity()), (0, 0));
    photo
}

#[test]
fn adding_and_removing_all_day_does_not_grow_the_queue() {
    let queue = UploadQueue::default();
    let kept = queue.submit(blank());
    let in_progress = queue.next_upload().expect("the first photo");
    let waiting = queue.submit(blank());
    for i in 0..10_000 {
        let ticket = queue.submit(Photo::new("oops.jpg", i % 100));
        drop(ticket);
        assert!(
            live_photos() <= 2,
            "after {} cancelled photos, {} photos were in memory, with 2 in use",
            i + 1,
            live_photos()
        );
    }
    assert_eq!(queue.waiting(), 1);
    let held = room_held(queue, 1);
    assert!(
        held <= room_allowed(1),
        "after 10 000 photos were added and cancelled one at a time, with one photo waiting, \
         dropping the queue freed {held} bytes, more than the {} allowed",
        room_allowed(1)
    );
    drop((kept, waiting, in_progress));
    assert_eq!(live_photos(), 0);
}

/// Queues `total` blank photos and keeps the tickets of every `keep_every`th (the first, ...).
fn backlog(queue: &UploadQueue, total: usize, keep_every: usize) -> (Vec<Ticket>, Vec<Ticket>) {
    let tickets: Vec<Ticket> = (0..total).map(|_| queue.submit(blank())).collect();
    let mut kept = Vec::new();
    let mut others = Vec::new();
    for (i, ticket) in tickets.into_iter().enumerate() {
        if i % keep_every == 0 {
            kept.push(ticket);
        } else {
            others.push(ticket);
        }
    }
    (kept, others)
}

#[test]
fn cancelling_a_backlog_gives_its_room_back() {
    for keep_every in [500, 5_000] {
        let queue = UploadQueue::default();
        let (kept, mut others) = backlog(&queue, 5_000, keep_every);
        // The newest first, then the rest from the middle out.
        others.pop();
        let half = others.len() / 2;
        let mut back = others.split_off(half);
        while let Some(ticket) = back.pop() {
            drop(ticket);
            drop(others.pop());
        }
        drop(others);
        // Measured at once, with no other call to the queue between.
        let left = kept.len();
        assert_eq!(
            live_photos(),
            left,
            "5 000 photos were queued and all but {left} cancelled: every cancelled photo must be \
             freed when its ticket is dropped"
        );
        let held = room_held(queue, left);
        assert!(
            held <= room_allowed(left),
            "5 000 photos were queued and all but {left} cancelled: dropping the queue then freed \
             {held} bytes, more than the {} allowed for {left} photos waiting",
            room_allowed(left)
        );
        drop(kept);
    }
    assert_eq!(live_photos(), 0);
}

#[test]
fn uploading_a_backlog_gives_its_room_back() {
    for left in [10, 1, 0] {
        let queue = UploadQueue::default();
        let (kept, others) = backlog(&queue, 5_000, 1);
        assert!(others.is_empty());
        for _ in left..5_000 {
            drop(queue.next_upload().expect("a photo"));
        }
        // Measured at once: the rows of all 5 000 photos are still shown.
        let held = room_held(queue, left);
        assert!(
            held <= room_allowed(left),
            "5 000 photos were queued and all but {left} handed out: dropping the queue then \
             freed {held} bytes, more than the {} allowed for {left} photos waiting",
            room_allowed(left)
        );
        // The rows go away once the queue is closed: there is nothing left to cancel.
        drop(kept);
    }
    assert_eq!(live_photos(), 0);
}

#[test]
fn the_queue_gives_room_back_as_soon_as_photos_leave() {
    // Half cancelled, then half of the rest uploaded, and measured with no other call between.
    let queue = UploadQueue::default();
    let (kept, others) = backlog(&queue, 4_000, 2);
    drop(others);
    for _ in 0..1_900 {
        drop(queue.next_upload());
    }
    let held = room_held(queue, 100);
    assert!(
        held <= room_allowed(100),
        "4 000 photos were queued, 2 000 cancelled and 1 900 handed out: dropping the queue then \
         freed {held} bytes, more than the {} allowed for 100 photos waiting",
        room_allowed(100)
    );
    drop(kept);
    assert_eq!(live_photos(), 0);
}

#[test]
fn room_is_given_back_in_large_steps() {
    // 8 000 photos, all of them then cancelled or handed out in turn. Once the first has left,
    // the queue holds less than 32 768 uploads' worth (1 KiB and four uploads' worth for each
    // of 7 999), and each move to a smaller place halves that at least: from then on there is
    // room for 15 moves before the place would be less than one upload's worth, and one more
    // for the first. Nothing else may allocate.
    let queue = UploadQueue::default();
    let (mut tickets, others) = backlog(&queue, 8_000, 1);
    assert!(others.is_empty());
    let mut handed_out = Vec::with_capacity(4_000);
    let (_, moves) = allocations(|| {
        let mut newest_first = true;
        while !tickets.is_empty() {
            if newest_first {
                drop(tickets.pop());
            } else {
                handed_out.push(queue.next_upload().expect("a photo"));
                tickets.remove(0);
            }
            newest_first = !newest_first;
        }
    });
    assert_eq!(handed_out.len(), 4_000);
    assert!(
        moves <= 16,
        "taking 8 000 photos out of a queue, one at a time, allocated {moves} times: taking a \
         photo out allocates nothing, and each move to a smaller place gives back at least half \
         the room"
    );
    drop(handed_out);
    let held = room_held(queue, 0);
    assert!(
        held <= room_allowed(0),
        "all 8 000 photos were taken out: dropping the queue then freed {held} bytes, more than \
         the {} allowed for a queue with no photo waiting",
        room_allowed(0)
    );
    assert_eq!(live_photos(), 0, "every photo taken out was dropped");
}

#[test]
fn signing_out_frees_the_waiting_photos_while_tickets_are_shown() {
    let other = UploadQueue::default();
    let elsewhere = other.submit(photo("elsewhere.jpg"));
    let queue = UploadQueue::default();
    let mut tickets: Vec<Ticket> = (0..2_000)
        .map(|i| queue.submit(photo(&format!("{i}.jpg"))))
        .collect();
    let in_progress = queue.next_upload().expect("a photo");
    assert_eq!(live_photos(), 2_001);
    // The names and bytes of the 1 999 photos waiting, and at least the room they sat in.
    let photos_own: usize = (1..2_000).map(|i| format!("{i}.jpg").len() + 1_000).sum();
    let (_, closing) = measure(|| drop(queue));
    assert!(
        closing.freed_bytes >= photos_own + 1_999 * ::std::mem::size_of::<Upload>(),
        "closing a queue of 1 999 photos freed {} bytes: their names and bytes are {photos_own}, \
         and the room they sat in was not freed with them",
        closing.freed_bytes
    );
    assert_eq!(
        live_photos(),
        2,
        "the queue was closed while its tickets were still shown, and the photos waiting in it \
         stayed in memory (only the one being uploaded, and one of another queue, should)"
    );
    // What the tickets left over hold is what dropping them all frees.
    let (_, usage) = measure(|| tickets.drain(..).for_each(drop));
    assert!(
        usage.freed_bytes <= 128,
        "after the queue was closed, the 2 000 tickets left over still held {} bytes of heap \
         between them ({} blocks), more than 128",
        usage.freed_bytes,
        usage.frees
    );
    assert_eq!(in_progress.photo.name, "0.jpg");
    assert_eq!(
        other.waiting(),
        1,
        "a ticket left over cancelled a photo of another queue"
    );
    drop(in_progress);
    assert_eq!(live_photos(), 1);
    drop(elsewhere);
    assert_eq!(live_photos(), 0);
}

#[test]
fn the_uploader_owns_what_it_was_given() {
    let queue = UploadQueue::default();
    let ticket = queue.submit(photo("mine.jpg"));
    let other = queue.submit(photo("next.jpg"));
    let upload = queue.next_upload().expect("a photo");
    // Swiping the row away once the upload started cancels nothing else.
    drop(ticket);
    assert_eq!(upload.photo.bytes.len(), 1_000);
    assert_eq!(queue.waiting(), 1);
    drop(upload);
    assert_eq!(
        live_photos(),
        1,
        "a photo the uploader was done with stayed"
    );
    assert_eq!(names(&queue), ["next.jpg"]);
    drop(other);
}

#[test]
fn a_ticket_cancels_only_in_its_own_queue() {
    let home = UploadQueue::default();
    let work = UploadQueue::default();
    let at_home = home.submit(photo("home.jpg"));
    let at_work = work.submit(photo("work.jpg"));
    let later = work.submit(photo("later.jpg"));
    drop(at_home);
    assert_eq!(home.waiting(), 0);
    assert_eq!(
        work.waiting(),
        2,
        "a ticket of one queue cancelled a photo of another"
    );
    assert_eq!(names(&work), ["work.jpg", "later.jpg"]);
    drop((at_work, later));
    assert_eq!(live_photos(), 0, "a cancelled photo is still in memory");
}
