// Question 11: How do you implement inheritance in Rust?
//
// A text editor keeps its plugins as trait objects, `Box<dyn Plugin>`, and passes every edit
// to each of them. Every plugin is also an `Any`, so the editor can hand a plugin back as its
// own type: `plugin::<WordCount>()` to read its count, `plugin_mut::<Autosave>()` to change
// its settings, `uninstall::<Autosave>()` to take it out again, with its state. A plugin is
// installed either as a value, or as `load` gives it by name, already boxed.
//
// It all compiles, yet the editor never finds a plugin it has installed: `plugin` and
// `plugin_mut` return `None`, and `uninstall` removes nothing. Make the three lookups find the
// installed plugin of type `T`, whatever plugin type that is and however it was installed. A
// plugin must not have to do anything more than implement `name` and `on_edit` (the tests bring
// plugins of their own), no plugin may be dropped or rebuilt by a lookup, and every signature,
// `load` and the way a loaded plugin is installed (`editor.install(plugin)`) stay as they are.

use std::any::{Any, TypeId};

trait Plugin: Any {
    fn name(&self) -> &str;
    /// Sees one edit (the text typed); may answer with a message for the status bar.
    fn on_edit(&mut self, typed: &str) -> Option<String>;
}

struct WordCount {
    words: usize,
}

struct Autosave {
    every: u32,
    edits: u32,
    saves: u32,
}

impl Plugin for WordCount {
    fn name(&self) -> &str {
        "word count"
    }

    fn on_edit(&mut self, typed: &str) -> Option<String> {
        self.words += typed.split_whitespace().count();
        None
    }
}

impl Plugin for Autosave {
    fn name(&self) -> &str {
        "autosave"
    }

    fn on_edit(&mut self, _typed: &str) -> Option<String> {
        self.edits += 1;
        if self.edits.is_multiple_of(self.every) {
            self.saves += 1;
            return Some(format!("saved ({} saves)", self.saves));
        }
        None
    }
}

// A plugin that comes boxed is a plugin too, so that it can be installed like any other.
impl Plugin for Box<dyn Plugin> {
    fn name(&self) -> &str {
        (**self).name()
    }

    fn on_edit(&mut self, typed: &str) -> Option<String> {
        (**self).on_edit(typed)
    }
}

/// The plugins that come with the editor, by name, with their default settings.
fn load(name: &str) -> Option<Box<dyn Plugin>> {
    match name {
        "word count" => Some(Box::new(WordCount { words: 0 })),
        "autosave" => Some(Box::new(Autosave {
            every: 10,
            edits: 0,
            saves: 0,
        })),
        _ => None,
    }
}

#[derive(Default)]
struct Editor {
    plugins: Vec<Box<dyn Plugin>>,
}

impl Editor {
    fn install(&mut self, plugin: impl Plugin) {
        self.plugins.push(Box::new(plugin));
    }

    /// Passes an edit to every plugin, in the order they were installed; returns their messages.
    fn edit(&mut self, typed: &str) -> Vec<String> {
        self.plugins
            .iter_mut()
            .filter_map(|plugin| plugin.on_edit(typed))
            .collect()
    }

    fn names(&self) -> Vec<&str> {
        self.plugins.iter().map(|plugin| plugin.name()).collect()
    }

    /// The first installed plugin of type `T`.
    fn plugin<T: Plugin>(&self) -> Option<&T> {
        self.plugins
            .iter()
            .find_map(|plugin| (plugin as &dyn Any).downcast_ref::<T>())
    }

    /// The first installed plugin of type `T`, to change its settings.
    fn plugin_mut<T: Plugin>(&mut self) -> Option<&mut T> {
        self.plugins
            .iter_mut()
            .find_map(|plugin| (plugin as &mut dyn Any).downcast_mut::<T>())
    }

    /// Takes the first installed plugin of type `T` out of the editor and hands it back.
    fn uninstall<T: Plugin>(&mut self) -> Option<T> {
        let at = self
            .plugins
            .iter()
            .position(|plugin| plugin.type_id() == TypeId::of::<T>())?;
        let removed: Box<dyn Any> = Box::new(self.plugins.remove(at));
        removed.downcast::<T>().ok().map(|plugin| *plugin)
    }
}

fn main() {
    let mut editor = Editor::default();
    editor.install(WordCount { words: 0 });
    if let Some(autosave) = load("autosave") {
        editor.install(autosave);
    }
    if let Some(settings) = editor.plugin_mut::<Autosave>() {
        settings.every = 2;
    }
    for typed in ["Dear Sam,", "thanks for the", "parcel."] {
        for message in editor.edit(typed) {
            println!("{message}");
        }
    }
    let words = editor.plugin::<WordCount>().map(|count| count.words);
    println!("{:?}: {words:?} words", editor.names());
}
