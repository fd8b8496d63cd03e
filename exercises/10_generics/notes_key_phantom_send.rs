// Question 10: What are generics in Rust?
//
// A notes app keeps its notes in an `Arena<T>`, a vector addressed by typed keys: a `Key<T>` is
// only a `u32` index, and its `T` says what it finds, so a key into the arena of notes cannot be
// used with an arena of something else. The UI shares each note between several views, so the
// arena holds `Rc<Note>`, and it (rightly) never leaves the UI thread. The labels come from the
// config file, borrowed from its text; the built-in ones have fixed keys, valid in any arena of
// labels, whatever it borrows from.
//
// `flag_typos` hands the spell checking to a worker thread: the worker gets each note's key and
// text, and sends back the keys of the notes with a word that `is_word` rejects. It does not
// build. Make it build, and keep what must stay true: the arena holds `Rc<Note>` and stays on
// the UI thread; the spell check runs on the worker; notes can be long, so their text is not
// copied for it; a key is a bare `u32` at run time, typed by what it finds, and keys of every
// kind can go to other threads and back, or be shared between them; every signature, and the
// code outside `Key` and `flag_typos`, stay as they are.

use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

struct Key<T> {
    index: u32,
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

/// The built-in label of pinned notes: the first one of every arena of labels.
const PINNED: Key<&'static str> = Key {
    index: 0,
    kind: PhantomData,
};

/// The name of the pinned label in an arena of labels borrowed from a config file.
fn pinned_label<'cfg>(labels: &Arena<&'cfg str>) -> Option<&'cfg str> {
    labels.get(PINNED).copied()
}

/// The keys of the notes whose body has a word `is_word` rejects, in the arena's order. The
/// checking is done by a worker thread.
fn flag_typos<F>(notes: &Arena<Rc<Note>>, is_word: F) -> Vec<Key<Rc<Note>>>
where
    F: Fn(&str) -> bool + Sync,
{
    let (to_worker, jobs) = mpsc::channel::<(Key<Rc<Note>>, Rc<Note>)>();
    let (to_ui, flagged) = mpsc::channel::<Key<Rc<Note>>>();
    let is_word = &is_word;
    thread::scope(|scope| {
        scope.spawn(move || {
            for (key, note) in jobs {
                if !note.body.split_whitespace().all(is_word) {
                    to_ui.send(key).unwrap();
                }
            }
        });
        for key in notes.keys() {
            let note = notes.get(key).unwrap();
            to_worker.send((key, Rc::clone(note))).unwrap();
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
    let config = String::from("pinned later");
    let mut labels = Arena::new();
    for label in config.split_whitespace() {
        labels.insert(label);
    }
    println!("label of pinned notes: {:?}", pinned_label(&labels));
    let dictionary = ["milk", "bread", "coffee"];
    let flagged = flag_typos(&notes, |word| dictionary.contains(&word));
    for key in flagged {
        println!("check the spelling of {}", notes.get(key).unwrap().title);
    }
}
