// Question 10: What are generics in Rust?
//
// A notes app keeps its notes in an `Arena<T>`, a vector addressed by typed keys: a `Key<T>`
// is only a `u32` index, and the `T` says which arena it belongs to, so a key of an
// `Arena<Rc<Note>>` cannot be used with an arena of something else. The UI shares each note
// between several views, so the arena holds `Rc<Note>`, and the arena (rightly) never leaves
// the UI thread.
//
// `flag_typos` hands the spell checking to a worker thread: it sends the worker each note's key
// with a copy of its text, and the worker sends back the keys of the notes with a word that
// `is_word` rejects. A key is just a number, yet `flag_typos` does not compile: the compiler
// says a `Key<Rc<Note>>` cannot be sent to another thread.
//
// Make every `Key<T>` `Send` and `Sync`, whatever `T` is, while it stays typed by `T` (a
// `Key<A>` is not a `Key<B>`) and as flexible as now about lifetimes: today a
// `Key<&'static str>` can be used where a `Key<&'a str>` is expected, and that must still
// work. The arena keeps holding `Rc<Note>`, the spell check stays on the worker thread, and the
// signatures stay as they are.

use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

struct Key<T> {
    index: u32,
    // TODO: what does this field tell the compiler about a `Key<T>`?
    kind: PhantomData<T>,
}

// Written by hand, not derived: a key is copied and compared by its index alone, whatever `T`.
impl<T> Clone for Key<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Key<T> {}

impl<T> PartialEq for Key<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl<T> Eq for Key<T> {}

impl<T> std::fmt::Debug for Key<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({})", self.index)
    }
}

struct Arena<T> {
    items: Vec<T>,
}

impl<T> Arena<T> {
    fn new() -> Self {
        Arena { items: Vec::new() }
    }

    fn insert(&mut self, item: T) -> Key<T> {
        self.items.push(item);
        Key {
            index: (self.items.len() - 1) as u32,
            kind: PhantomData,
        }
    }

    fn get(&self, key: Key<T>) -> Option<&T> {
        self.items.get(key.index as usize)
    }

    fn keys(&self) -> impl Iterator<Item = Key<T>> {
        (0..self.items.len() as u32).map(|index| Key {
            index,
            kind: PhantomData,
        })
    }
}

struct Note {
    title: String,
    body: String,
}

/// The keys of the notes whose body has a word `is_word` rejects, in the arena's order. The
/// checking is done by a worker thread.
fn flag_typos<F>(notes: &Arena<Rc<Note>>, is_word: F) -> Vec<Key<Rc<Note>>>
where
    F: Fn(&str) -> bool + Sync,
{
    let (to_worker, jobs) = mpsc::channel::<(Key<Rc<Note>>, String)>();
    let (to_ui, flagged) = mpsc::channel::<Key<Rc<Note>>>();
    let is_word = &is_word;
    thread::scope(|scope| {
        scope.spawn(move || {
            for (key, text) in jobs {
                if !text.split_whitespace().all(is_word) {
                    to_ui.send(key).unwrap();
                }
            }
        });
        for key in notes.keys() {
            let note = notes.get(key).unwrap();
            to_worker.send((key, note.body.clone())).unwrap();
        }
        drop(to_worker);
        flagged.iter().collect()
    })
}

fn main() {
    let mut notes = Arena::new();
    notes.insert(Rc::new(Note {
        title: "Shopping".into(),
        body: "milk bread cofee".into(),
    }));
    notes.insert(Rc::new(Note {
        title: "Ideas".into(),
        body: "bread".into(),
    }));
    let dictionary = ["milk", "bread", "coffee"];
    let flagged = flag_typos(&notes, |word| dictionary.contains(&word));
    for key in flagged {
        println!("check the spelling of {}", notes.get(key).unwrap().title);
    }
}
