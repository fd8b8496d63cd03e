use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::cell::Cell;
use ::std::mem::drop;
use ::std::ops::Drop;
use ::std::rc::Rc;

fn word_count() -> WordCount {
    WordCount { words: 0 }
}

fn autosave(every: u32) -> Autosave {
    Autosave {
        every,
        edits: 0,
        saves: 0,
    }
}

// A plugin the editor has never heard of: it remembers what it saw and counts its drops.
struct Echo {
    tag: &'static str,
    heard: Vec<String>,
    drops: Rc<Cell<u32>>,
}

impl Plugin for Echo {
    fn name(&self) -> &str {
        self.tag
    }

    fn on_edit(&mut self, typed: &str) -> Option<String> {
        self.heard.push(typed.to_owned());
        None
    }
}

impl Drop for Echo {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

fn echo(tag: &'static str, drops: &Rc<Cell<u32>>) -> Echo {
    Echo {
        tag,
        heard: Vec::new(),
        drops: Rc::clone(drops),
    }
}

// Two plugin types that differ only in a type parameter.
struct Marker<T> {
    value: T,
}

impl<T: 'static> Plugin for Marker<T> {
    fn name(&self) -> &str {
        "marker"
    }

    fn on_edit(&mut self, _typed: &str) -> Option<String> {
        None
    }
}

#[test]
fn signatures_are_unchanged() {
    let _: fn(&Editor) -> Option<&WordCount> = Editor::plugin::<WordCount>;
    let _: fn(&mut Editor) -> Option<&mut Autosave> = Editor::plugin_mut::<Autosave>;
    let _: fn(&mut Editor) -> Option<Autosave> = Editor::uninstall::<Autosave>;
}

#[test]
fn finds_installed_plugins_by_their_type() {
    let mut editor = Editor::default();
    editor.install(word_count());
    editor.install(autosave(2));
    for typed in ["one two", "three", "four five six"] {
        editor.edit(typed);
    }
    let words = editor.plugin::<WordCount>().map(|count| count.words);
    assert_eq!(
        words,
        Some(6),
        "`plugin::<WordCount>()` must find the word count"
    );
    let saves = editor
        .plugin::<Autosave>()
        .map(|save| (save.edits, save.saves));
    assert_eq!(
        saves,
        Some((3, 1)),
        "`plugin::<Autosave>()` must find the autosave"
    );
    assert!(
        editor.plugin::<Echo>().is_none(),
        "a plugin type that was never installed is not found"
    );
}

#[test]
fn settings_are_changed_in_place() {
    let mut editor = Editor::default();
    editor.install(autosave(10));
    editor.install(word_count());
    assert!(editor.edit("a").is_empty());
    editor
        .plugin_mut::<Autosave>()
        .expect("`plugin_mut::<Autosave>()` must find the autosave")
        .every = 1;
    assert_eq!(editor.edit("b"), ["saved (1 saves)"]);
    assert_eq!(editor.edit("c"), ["saved (2 saves)"]);
    editor.plugin_mut::<WordCount>().unwrap().words = 100;
    editor.edit("d e");
    assert_eq!(editor.plugin::<WordCount>().unwrap().words, 102);
    assert!(editor.plugin_mut::<Marker<u8>>().is_none());
}

#[test]
fn uninstall_hands_back_the_plugin_with_its_state() {
    let mut editor = Editor::default();
    editor.install(word_count());
    editor.install(autosave(3));
    for typed in ["x", "y", "z", "w"] {
        editor.edit(typed);
    }
    let removed = editor
        .uninstall::<Autosave>()
        .expect("`uninstall::<Autosave>()` must take out the installed autosave");
    assert_eq!((removed.every, removed.edits, removed.saves), (3, 4, 1));
    assert_eq!(editor.names(), ["word count"]);
    assert!(
        editor.uninstall::<Autosave>().is_none(),
        "it was already taken out"
    );
    assert!(editor.plugin::<Autosave>().is_none());

    // The word count is untouched, and the autosave can go back in.
    assert_eq!(editor.plugin::<WordCount>().unwrap().words, 4);
    editor.install(removed);
    assert_eq!(editor.names(), ["word count", "autosave"]);
    editor.edit("v");
    editor.edit("u");
    assert_eq!(editor.plugin::<Autosave>().unwrap().saves, 2);
}

#[test]
fn plugins_the_editor_never_heard_of_work_too() {
    let drops = Rc::new(Cell::new(0));
    let mut editor = Editor::default();
    editor.install(echo("first", &drops));
    editor.install(word_count());
    editor.install(echo("second", &drops));
    editor.edit("hello");

    assert_eq!(editor.plugin::<Echo>().map(|e| e.tag), Some("first"));
    editor.plugin_mut::<Echo>().unwrap().heard.clear();

    let first = editor
        .uninstall::<Echo>()
        .expect("the first echo comes out");
    assert_eq!(first.tag, "first");
    assert!(
        first.heard.is_empty(),
        "the change made through `plugin_mut` is kept"
    );
    assert_eq!(
        drops.get(),
        0,
        "no plugin may be dropped by a lookup or an uninstall"
    );

    let second = editor.uninstall::<Echo>().expect("then the second");
    assert_eq!(second.tag, "second");
    assert_eq!(second.heard, ["hello"]);
    assert!(editor.uninstall::<Echo>().is_none());
    assert_eq!(
        drops.get(),
        0,
        "no plugin may be dropped by a lookup or an uninstall"
    );
    assert_eq!(editor.names(), ["word count"]);
    drop((first, second));
    assert_eq!(drops.get(), 2);
}

#[test]
fn a_type_parameter_makes_another_plugin_type() {
    let mut editor = Editor::default();
    editor.install(Marker { value: 7u8 });
    editor.install(Marker { value: 70_000u32 });
    assert_eq!(editor.plugin::<Marker<u8>>().map(|m| m.value), Some(7));
    assert_eq!(
        editor.plugin::<Marker<u32>>().map(|m| m.value),
        Some(70_000)
    );
    assert!(editor.plugin::<Marker<u16>>().is_none());
    assert_eq!(
        editor.uninstall::<Marker<u32>>().map(|m| m.value),
        Some(70_000)
    );
    assert_eq!(editor.names(), ["marker"]);
    assert_eq!(editor.plugin::<Marker<u8>>().map(|m| m.value), Some(7));
}

#[test]
fn loaded_plugins_are_found_by_their_own_type() {
    let mut editor = Editor::default();
    editor.install(load("word count").expect("the editor comes with a word count"));
    editor.install(load("autosave").expect("the editor comes with an autosave"));
    assert!(load("spell check").is_none());
    assert_eq!(editor.names(), ["word count", "autosave"]);
    editor.edit("one two");
    assert_eq!(
        editor.plugin::<WordCount>().map(|count| count.words),
        Some(2),
        "a loaded word count must be found as a `WordCount`"
    );
    editor
        .plugin_mut::<Autosave>()
        .expect("a loaded autosave must be found as an `Autosave`, to change its settings")
        .every = 1;
    assert_eq!(editor.edit("three"), ["saved (1 saves)"]);
    let removed = editor
        .uninstall::<Autosave>()
        .expect("a loaded autosave can be taken out as an `Autosave`");
    assert_eq!((removed.every, removed.edits, removed.saves), (1, 2, 1));
    assert_eq!(editor.names(), ["word count"]);
    assert_eq!(editor.plugin::<WordCount>().unwrap().words, 3);
}

#[test]
fn a_plugin_boxed_before_it_is_installed_is_found_and_kept() {
    let drops = Rc::new(Cell::new(0));
    let mut editor = Editor::default();
    let boxed: Box<dyn Plugin> = Box::new(echo("boxed", &drops));
    editor.install(boxed);
    editor.install(echo("plain", &drops));
    editor.edit("hi");
    assert_eq!(
        editor.plugin::<Echo>().map(|e| e.tag),
        Some("boxed"),
        "a plugin installed in a box must be found by its own type, before the later one"
    );
    editor
        .plugin_mut::<Echo>()
        .unwrap()
        .heard
        .push("more".to_owned());
    let first = editor
        .uninstall::<Echo>()
        .expect("the boxed echo comes out");
    assert_eq!((first.tag, first.heard.len()), ("boxed", 2));
    let second = editor.uninstall::<Echo>().expect("then the plain one");
    assert_eq!((second.tag, second.heard.len()), ("plain", 1));
    assert_eq!(
        drops.get(),
        0,
        "no plugin may be dropped by an install, a lookup or an uninstall"
    );
    assert!(editor.names().is_empty());
    drop((first, second));
    assert_eq!(drops.get(), 2);
}
