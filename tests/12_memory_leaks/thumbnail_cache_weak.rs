use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::mem::drop;
use std::rc::Rc;

// A global allocator that keeps, per thread, how many bytes are allocated and not yet freed
// (a block freed on another thread than its own would skew it; these tests use one thread).
thread_local! {
    static HELD: Cell<isize> = const { Cell::new(0) };
}

struct Held;

fn note(delta: isize) {
    let _ = HELD.try_with(|held| held.set(held.get().wrapping_add(delta)));
}

unsafe impl GlobalAlloc for Held {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Held = Held;

fn held_bytes() -> isize {
    HELD.with(Cell::get)
}

#[test]
fn the_api_is_unchanged() {
    let _: fn(&mut ThumbnailCache, &str) -> Rc<Thumbnail> = ThumbnailCache::get;
    let _: fn(&ThumbnailCache) -> usize = ThumbnailCache::renders;
    let _: fn(&ThumbnailCache) -> usize = ThumbnailCache::entries;
}

#[test]
fn a_thumbnail_in_use_is_shared_not_rendered_again() {
    let mut cache = ThumbnailCache::default();
    let cat = cache.get("cat.jpg");
    let cat_again = cache.get("cat.jpg");
    assert!(
        Rc::ptr_eq(&cat, &cat_again),
        "two views of one picture should share one thumbnail"
    );
    assert_eq!(cache.renders(), 1);
    let dog = cache.get("dog.jpg");
    assert_eq!((cache.renders(), dog.path.as_str()), (2, "dog.jpg"));
    assert_eq!(cat.pixels.len(), 32 * 32);
    assert!(Rc::ptr_eq(&cache.get("cat.jpg"), &cat));
    assert_eq!(cache.renders(), 2);
}

#[test]
fn a_thumbnail_nobody_holds_is_freed_at_once() {
    let mut cache = ThumbnailCache::default();
    let before = live_thumbnails();
    let sunset = cache.get("sunset.png");
    assert_eq!(live_thumbnails(), before + 1);
    drop(sunset);
    assert_eq!(
        live_thumbnails(),
        before,
        "no view holds the thumbnail any more, but it is still alive: the cache owns it"
    );
    let sunset = cache.get("sunset.png");
    assert_eq!(
        cache.renders(),
        2,
        "a thumbnail that was freed is rendered anew"
    );
    assert_eq!(sunset.path, "sunset.png");
}

#[test]
fn a_shared_thumbnail_lives_until_its_last_view_goes() {
    let mut cache = ThumbnailCache::default();
    let before = live_thumbnails();
    let grid = cache.get("beach.jpg");
    let preview = Rc::clone(&grid);
    let detail = cache.get("beach.jpg");
    drop(grid);
    drop(preview);
    assert_eq!(live_thumbnails(), before + 1);
    assert!(Rc::ptr_eq(&cache.get("beach.jpg"), &detail));
    assert_eq!(cache.renders(), 1);
    drop(detail);
    assert_eq!(
        live_thumbnails(),
        before,
        "the last view of beach.jpg is gone, but the thumbnail is still alive"
    );
}

#[test]
fn dead_entries_are_gone_once_the_cache_grows() {
    let mut cache = ThumbnailCache::default();
    let pinned = cache.get("logo.svg");
    for path in ["a.jpg", "b.jpg", "c.jpg"] {
        drop(cache.get(path));
    }
    let d = cache.get("d.jpg");
    assert_eq!(
        cache.entries(),
        2,
        "after adding d.jpg the cache should hold entries for logo.svg and d.jpg only, not \
         for thumbnails that are gone"
    );
    drop(d);
    assert!(Rc::ptr_eq(&cache.get("logo.svg"), &pinned));
    let e = cache.get("e.jpg");
    assert_eq!(cache.entries(), 2);
    assert_eq!(cache.renders(), 6);
    drop((pinned, e));
}

#[test]
fn a_long_day_of_browsing_does_not_grow_the_cache() {
    let mut cache = ThumbnailCache::default();
    let pinned: Vec<_> = (0..3)
        .map(|i| cache.get(&format!("pinned-{i}.jpg")))
        .collect();
    for i in 0..20 {
        drop(cache.get(&format!("photo-{i}.jpg")));
    }
    let before = held_bytes();
    for i in 20..3000 {
        let photo = cache.get(&format!("photo-{i}.jpg"));
        assert!(
            cache.entries() <= pinned.len() + 2,
            "the cache holds {} entries while {} thumbnails are alive",
            cache.entries(),
            pinned.len() + 1
        );
        drop(photo);
    }
    let grown = held_bytes() - before;
    assert!(
        grown < 2048,
        "after 2980 thumbnails came and went, the cache holds {grown} more bytes than \
         before: what it keeps for thumbnails that are gone is never given back"
    );
    assert_eq!(live_thumbnails(), pinned.len());
    assert_eq!(cache.renders(), 3003);
}
