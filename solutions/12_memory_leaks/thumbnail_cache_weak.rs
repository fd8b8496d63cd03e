// Question 12: What is the possibility of memory leaks in Rust?
//
// A cache that owns what it caches keeps every value alive for as long as the cache lives,
// wanted or not: in a long-running program that is a leak the compiler cannot see. A cache
// that only wants to find values while someone else still uses them can hold `Weak`s instead.
// But a dead `Weak` is not free either: its map entry and key stay, and so does the
// allocation its value lived in, until the last `Weak` to it is gone.
//
// `ThumbnailCache::get` renders a thumbnail on a miss and shares it (`Rc`) with every view
// that asks for the same picture while it is in use: rendering is slow, so a thumbnail that is
// still shown must never be rendered again. But the cache keeps every thumbnail alive for
// ever. Make it so that a thumbnail is freed as soon as no view holds it, and so that the
// cache keeps no entry for a thumbnail that is gone any longer than until it next grows (adds
// an entry). Keep the signatures of `get`, `renders` and `entries`.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

thread_local! {
    // How many `Thumbnail`s exist on this thread right now.
    static LIVE_THUMBNAILS: Cell<usize> = const { Cell::new(0) };
}

fn live_thumbnails() -> usize {
    LIVE_THUMBNAILS.with(Cell::get)
}

struct Thumbnail {
    path: String,
    pixels: Vec<u8>,
}

impl Thumbnail {
    /// Slow, in real life: decodes the picture and scales it down to 32 by 32.
    fn render(path: &str) -> Thumbnail {
        LIVE_THUMBNAILS.with(|n| n.set(n.get() + 1));
        let shade = path
            .bytes()
            .fold(0u8, |acc, b| acc.wrapping_mul(31).wrapping_add(b));
        Thumbnail {
            path: path.to_owned(),
            pixels: vec![shade; 32 * 32],
        }
    }
}

impl Drop for Thumbnail {
    fn drop(&mut self) {
        LIVE_THUMBNAILS.with(|n| n.set(n.get() - 1));
    }
}

#[derive(Default)]
struct ThumbnailCache {
    // The views own the thumbnails; the cache only finds them while they are alive.
    thumbnails: HashMap<String, Weak<Thumbnail>>,
    renders: usize,
}

impl ThumbnailCache {
    /// The thumbnail of `path`: the one in use if there is one, or else a new rendering.
    fn get(&mut self, path: &str) -> Rc<Thumbnail> {
        if let Some(thumbnail) = self.thumbnails.get(path).and_then(Weak::upgrade) {
            return thumbnail;
        }
        // About to grow: first forget the thumbnails nobody holds any more. A dead `Weak` still
        // keeps its entry, its key and the allocation its thumbnail lived in.
        self.thumbnails
            .retain(|_, thumbnail| thumbnail.strong_count() > 0);
        let thumbnail = Rc::new(Thumbnail::render(path));
        self.renders += 1;
        self.thumbnails
            .insert(path.to_owned(), Rc::downgrade(&thumbnail));
        thumbnail
    }

    /// How many times a thumbnail has been rendered.
    fn renders(&self) -> usize {
        self.renders
    }

    /// How many entries the cache holds.
    fn entries(&self) -> usize {
        self.thumbnails.len()
    }
}

fn main() {
    let mut cache = ThumbnailCache::default();
    let gallery: Vec<_> = ["cat.jpg", "dog.jpg", "cat.jpg"]
        .iter()
        .map(|path| cache.get(path))
        .collect();
    println!("{} shown, {} rendered", gallery.len(), cache.renders());
    drop(gallery);
    println!("{} thumbnails still alive", live_thumbnails());
}
