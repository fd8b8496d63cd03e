// Question 11: How do you implement inheritance in Rust?
//
// Rust prefers composition to inheritance: instead of a subclass, write a type that contains
// another and implements the same trait by delegating to it, adding behaviour of its own.
// The wrapper can then go wherever the trait is expected, and wrappers can be stacked.
//
// `Audited<S>` wraps any `Store` and keeps a log of every write. Someone tried to make it
// "inherit" from the store inside with `Deref`: method calls on an `Audited` do fall through to
// the inner store, but an `Audited<S>` is still not a `Store`, so `configured_store` cannot pass
// it to `import_defaults`, which takes any `Store`, and the writes made by such code would
// bypass the log anyway.
//
// Replace the `Deref` and `DerefMut` impls and the inherent `put` with an implementation of
// `Store` for `Audited<S>` that delegates every method to `inner` and logs each write (in the
// format the inherent `put` uses).

use std::collections::HashMap;

trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&mut self, key: &str, value: &str);
    fn count(&self) -> usize;
}

#[derive(Default)]
struct MemoryStore {
    entries: HashMap<String, String>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn put(&mut self, key: &str, value: &str) {
        self.entries.insert(key.to_owned(), value.to_owned());
    }

    fn count(&self) -> usize {
        self.entries.len()
    }
}

struct Audited<S> {
    inner: S,
    log: Vec<String>,
}

impl<S> Audited<S> {
    fn new(inner: S) -> Self {
        Audited {
            inner,
            log: Vec::new(),
        }
    }

    fn log(&self) -> &[String] {
        &self.log
    }

    fn into_inner(self) -> S {
        self.inner
    }
}

// Composition: `Audited<S>` is a `Store` because it implements the trait itself, passing each
// call on to the store it contains and adding its own record of the writes.
impl<S: Store> Store for Audited<S> {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.get(key)
    }

    fn put(&mut self, key: &str, value: &str) {
        self.log.push(format!("put {key}={value}"));
        self.inner.put(key, value);
    }

    fn count(&self) -> usize {
        self.inner.count()
    }
}

/// Fills in the settings a new installation needs, keeping any already set.
fn import_defaults<S: Store>(store: &mut S) {
    for (key, value) in [("theme", "dark"), ("language", "en"), ("autosave", "on")] {
        if store.get(key).is_none() {
            store.put(key, value);
        }
    }
}

fn configured_store(language: &str) -> Audited<MemoryStore> {
    let mut store = Audited::new(MemoryStore::default());
    store.put("language", language);
    import_defaults(&mut store);
    store
}

fn main() {
    let store = configured_store("pt");
    for line in store.log() {
        println!("{line}");
    }
}
