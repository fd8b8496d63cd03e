use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::cell::{Cell, RefCell};
use ::std::marker::{Send, Sync};
use ::std::rc::Rc;
use ::std::sync::Mutex;
use ::std::thread::{self, ThreadId};

fn note(title: &str, body: &str) -> Rc<Note> {
    Rc::new(Note {
        title: title.to_owned(),
        body: body.to_owned(),
        checks: Cell::new(0),
    })
}

fn indexes<T>(keys: &[Key<T>]) -> Vec<u32> {
    keys.iter().map(|key| key.index).collect()
}

#[test]
fn keys_of_any_kind_cross_threads() {
    fn send_and_sync<K: Send + Sync>() {}
    send_and_sync::<Key<Rc<Note>>>();
    send_and_sync::<Key<Rc<String>>>();
    send_and_sync::<Key<Cell<u64>>>();
    send_and_sync::<Key<RefCell<Vec<u8>>>>();
    send_and_sync::<Key<*const u8>>();
}

#[test]
fn keys_of_any_kind_are_copied_and_compared_by_their_index() {
    fn copy_and_compare<T>(a: Key<T>, b: Key<T>) -> (bool, bool) {
        let copy = a;
        (copy == a, a == b)
    }
    let mut notes = Arena::new();
    let first = notes.insert(note("a", "one"));
    let second = notes.insert(note("b", "two"));
    let again = first;
    assert!(again == first && first != second);
    assert_eq!(copy_and_compare(first, second), (true, false));
    assert_eq!(copy_and_compare(second, second), (true, true));
    let mut cells: Arena<Cell<u64>> = Arena::new();
    let cell = cells.insert(Cell::new(5));
    assert_eq!(copy_and_compare(cell, cell), (true, true));
    let kept = [cell, cell];
    assert_eq!(cells.get(kept[1]).unwrap().get(), 5);
}

#[test]
fn a_key_is_still_only_its_index() {
    assert_eq!(
        ::std::mem::size_of::<Key<Rc<Note>>>(),
        ::std::mem::size_of::<u32>(),
        "a key must stay a bare u32 at run time"
    );
    assert_eq!(::std::mem::size_of::<Key<[u8; 64]>>(), 4);
}

// Compiles only while `Key<T>` is covariant in `T`, as it is with `PhantomData<T>`: a key of
// long-lived data can be used where a key of shorter-lived data is expected.
fn shorten<'a>(key: Key<&'static str>) -> Key<&'a str> {
    key
}

#[test]
fn keys_stay_covariant() {
    let mut labels: Arena<&str> = Arena::new();
    let owned = String::from("draft");
    let first = labels.insert(owned.as_str());
    let key: Key<&str> = shorten(Key {
        index: 0,
        kind: PhantomData,
    });
    assert!(key == first);
    assert_eq!(labels.get(key).copied(), Some("draft"));
}

#[test]
fn a_key_sent_to_a_thread_and_back_still_finds_its_note() {
    let mut notes = Arena::new();
    notes.insert(note("a", "one"));
    let second = notes.insert(note("b", "two"));
    let back = thread::scope(|scope| scope.spawn(move || second).join().unwrap());
    assert!(
        back == second,
        "a key came back from a thread as another key"
    );
    assert_eq!(notes.get(back).unwrap().title, "b");
}

#[test]
fn flags_the_notes_with_unknown_words_in_order() {
    let mut notes = Arena::new();
    let dictionary = ["milk", "bread", "coffee", "eggs", "tea"];
    let bodies = [
        "milk bread",
        "cofee",
        "",
        "tea eggs milk",
        "eggs bred",
        "tae",
    ];
    for (i, body) in bodies.iter().enumerate() {
        notes.insert(note(&format!("note {i}"), body));
    }
    let flagged = flag_typos(&notes, |word| dictionary.contains(&word));
    assert_eq!(indexes(&flagged), [1, 4, 5]);
    let titles: Vec<&str> = flagged
        .iter()
        .map(|&key| notes.get(key).unwrap().title.as_str())
        .collect();
    assert_eq!(titles, ["note 1", "note 4", "note 5"]);

    // Again, with another dictionary: nothing is remembered between calls.
    let flagged = flag_typos(&notes, |word| word.len() <= 4);
    assert_eq!(indexes(&flagged), [0, 1]);
    let flagged = flag_typos(&Arena::new(), |_| false);
    assert!(flagged.is_empty());
}

#[test]
fn the_spell_check_runs_on_a_worker_thread() {
    let mut notes = Arena::new();
    for body in ["alpha beta", "gamma", "delta epsilon zeta"] {
        notes.insert(note("t", body));
    }
    let checked_on: Mutex<Vec<ThreadId>> = Mutex::new(Vec::new());
    let flagged = flag_typos(&notes, |word| {
        checked_on.lock().unwrap().push(thread::current().id());
        word != "gamma"
    });
    assert_eq!(indexes(&flagged), [1]);
    let checked_on = checked_on.into_inner().unwrap();
    assert_eq!(checked_on.len(), 6, "every word is checked once");
    assert!(
        checked_on.iter().all(|&id| id != thread::current().id()),
        "`is_word` ran on the calling (UI) thread: the spell check must stay on the worker"
    );
}

#[test]
fn notes_are_still_shared_not_copied() {
    let mut notes = Arena::new();
    let shared = note("shared", "teh");
    let key = notes.insert(Rc::clone(&shared));
    let flagged = flag_typos(&notes, |word| word == "the");
    assert_eq!(indexes(&flagged), [key.index]);
    assert!(Rc::ptr_eq(notes.get(flagged[0]).unwrap(), &shared));
    assert_eq!(
        Rc::strong_count(&shared),
        2,
        "the arena holds one more `Rc`, no other copy lives on"
    );
}

#[test]
fn the_worker_reads_the_notes_text_where_it_lies() {
    let mut notes = Arena::new();
    for body in ["a long note about nothing", "shorter one", "here tpyo"] {
        notes.insert(note("t", body));
    }
    let bodies: Vec<(usize, usize)> = notes
        .keys()
        .map(|key| {
            let body = &notes.get(key).unwrap().body;
            (body.as_ptr() as usize, body.len())
        })
        .collect();
    let seen: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());
    let flagged = flag_typos(&notes, |word| {
        seen.lock()
            .unwrap()
            .push((word.as_ptr() as usize, word.len()));
        word != "tpyo"
    });
    assert_eq!(indexes(&flagged), [2]);
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 9, "every word is checked once");
    for (at, len) in seen {
        assert!(
            bodies
                .iter()
                .any(|&(start, size)| at >= start && at + len <= start + size),
            "the spell check was given a copy of a note's text, not the text in the note"
        );
    }
}

#[test]
fn the_pinned_label_is_found_in_any_arena_of_labels() {
    let config = String::from("pinned work home");
    let mut labels = Arena::new();
    for label in config.split_whitespace() {
        labels.insert(label);
    }
    assert_eq!(pinned_label(&labels), Some("pinned"));
    let found = pinned_label(&labels).unwrap();
    assert_eq!(found.as_ptr(), config.as_ptr(), "the label is borrowed");
    assert_eq!(pinned_label(&Arena::new()), None);
}

#[test]
fn keys_can_be_shared_between_threads() {
    let mut notes = Arena::new();
    let keys: Vec<Key<Rc<Note>>> = (0..6)
        .map(|i| notes.insert(note("n", &i.to_string())))
        .collect();
    let shared = &keys;
    let (odd, even) = thread::scope(|scope| {
        let odd = scope.spawn(move || shared.iter().filter(|key| key.index % 2 == 1).count());
        let even = scope.spawn(move || shared.iter().filter(|key| key.index % 2 == 0).count());
        (odd.join().unwrap(), even.join().unwrap())
    });
    assert_eq!((odd, even), (3, 3));
    assert_eq!(notes.get(keys[5]).unwrap().body, "5");
}

#[test]
fn every_check_of_a_note_is_counted() {
    let mut notes = Arena::new();
    let shared = note("shared", "teh cat");
    notes.insert(note("fine", "the cat"));
    notes.insert(Rc::clone(&shared));
    notes.insert(note("empty", ""));
    let counts = |notes: &Arena<Rc<Note>>| -> Vec<u32> {
        notes
            .keys()
            .map(|key| notes.get(key).unwrap().checks.get())
            .collect()
    };
    assert_eq!(counts(&notes), [0, 0, 0]);
    let flagged = flag_typos(&notes, |word| word != "teh");
    assert_eq!(indexes(&flagged), [1]);
    assert_eq!(
        counts(&notes),
        [1, 1, 1],
        "each note's count goes up by one for each check, typo or not"
    );
    flag_typos(&notes, |_| true);
    assert_eq!(counts(&notes), [2, 2, 2]);
    assert_eq!(
        shared.checks.get(),
        2,
        "the views share the note, and its count"
    );
}
