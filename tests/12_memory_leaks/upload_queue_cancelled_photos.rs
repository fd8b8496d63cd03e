use super::*;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;

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

#[test]
fn adding_and_removing_all_day_does_not_grow_the_queue() {
    let queue = UploadQueue::default();
    let kept = queue.submit(photo("kept.jpg"));
    let in_progress = queue.next_upload().expect("the first photo");
    let waiting = queue.submit(photo("waiting.jpg"));
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
    // What the queue holds is what its drop gives back.
    let (_, usage) = measure(|| drop(queue));
    assert!(
        usage.freed_bytes < 4_096,
        "after 10 000 photos were added and cancelled, with one photo waiting, the queue held \
         {} bytes in {} blocks",
        usage.freed_bytes,
        usage.frees
    );
    drop((kept, waiting, in_progress));
    assert_eq!(live_photos(), 0);
}

#[test]
fn signing_out_frees_the_waiting_photos_while_tickets_are_shown() {
    let queue = UploadQueue::default();
    let mut tickets: Vec<Ticket> = (0..200)
        .map(|i| queue.submit(photo(&format!("{i}.jpg"))))
        .collect();
    let in_progress = queue.next_upload().expect("a photo");
    assert_eq!(live_photos(), 200);
    drop(queue);
    assert_eq!(
        live_photos(),
        1,
        "the queue was closed while its tickets were still shown, and the photos waiting in it \
         stayed in memory (only the one being uploaded should)"
    );
    // A ticket left over is its own few bytes, and dropping it later does nothing.
    let (_, usage) = measure(|| tickets.drain(..).for_each(drop));
    assert!(
        usage.freed_bytes <= 200 * 32 + 1_024,
        "after the queue was closed, the 200 tickets left over still held {} bytes, more than \
         a few bytes each",
        usage.freed_bytes
    );
    assert_eq!(in_progress.photo.name, "0.jpg");
    drop(in_progress);
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
