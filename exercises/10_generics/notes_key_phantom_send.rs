// Question 10: What are generics in Rust?
//
// A notes app keeps its notes in an `Arena<T>`, a vector addressed by typed keys: a `Key<T>` is
// only a `u32` index, and its `T` says what it finds, so a key into the arena of notes cannot be
// used with an arena of something else. The UI shares each note between several views, so the
// arena holds `Rc<Note>`, and it (rightly) never leaves the UI thread; a note's footer shows how
// often its spelling was checked, a count the views share through a `Cell`. The labels come from
// the config file, borrowed from its text; the built-in ones have fixed keys, valid in any arena
// of labels, whatever it borrows from.
//
// `flag_typos` hands the spell checking to a worker thread: the worker gets each note's key and
// text, and sends back the keys of the notes with a word that `is_word` rejects. It does not
// build. Make it build, and keep what must stay true:
// - a key is a bare `u32` at run time, typed by what it finds; keys of every kind are copied and
//   compared like the index they are, can go to other threads and back, and can be shared
//   between threads;
// - the arena holds `Rc<Note>` and stays on the UI thread, and `Note` stays as it is; every
//   check of a note adds one to its count;
// - the spell check runs on the worker; notes can be long, so their text is not copied for it;
// - every signature stays as it is, and so does the code outside `Key` and `flag_typos`.

use std::cell::Cell;
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Key<T> {
    index: u32,
    kind: PhantomData<T>,
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
    /// How many times the spelling of the note was checked.
    checks: Cell<u32>,
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
                note.checks.set(note.checks.get() + 1);
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
        checks: Cell::new(0),
    }));
    notes.insert(Rc::new(Note {
        title: "Ideas".into(),
        body: "bread".into(),
        checks: Cell::new(0),
    }));
    let config = String::from("pinned later");
    let mut labels = Arena::new();
    for label in config.split_whitespace() {
        labels.insert(label);
    }
    println!("label of pinned notes: {:?}", pinned_label(&labels));
    let dictionary = ["milk", "bread", "coffee"];
    let flagged = flag_typos(&notes, |word| dictionary.contains(&word));
    for key in notes.keys() {
        let note = notes.get(key).unwrap();
        let mark = if flagged.contains(&key) {
            "check the spelling"
        } else {
            "ok"
        };
        println!("{}: {mark} ({} checks)", note.title, note.checks.get());
    }
}
