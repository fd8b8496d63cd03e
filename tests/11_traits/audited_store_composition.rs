use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn configured_store_logs_every_write() {
    let store = configured_store("pt");
    assert_eq!(
        store.log(),
        ["put language=pt", "put theme=dark", "put autosave=on"]
    );
    assert_eq!(store.get("language").as_deref(), Some("pt"));
    assert_eq!(store.get("theme").as_deref(), Some("dark"));
    assert_eq!(store.count(), 3);
}

#[test]
fn an_audited_store_goes_where_a_store_is_expected() {
    fn copy_all(from: &impl Store, to: &mut impl Store, keys: &[&str]) {
        for key in keys {
            if let Some(value) = from.get(key) {
                to.put(key, &value);
            }
        }
    }
    let source = configured_store("fi");
    let mut backup = Audited::new(MemoryStore::default());
    copy_all(&source, &mut backup, &["language", "theme", "missing"]);
    assert_eq!(backup.log(), ["put language=fi", "put theme=dark"]);
    assert_eq!(backup.count(), 2);
}

#[test]
fn reads_are_delegated_and_not_logged() {
    let mut store = Audited::new(MemoryStore::default());
    assert_eq!(store.get("theme"), None);
    store.put("theme", "light");
    assert_eq!(store.get("theme").as_deref(), Some("light"));
    assert_eq!(store.log(), ["put theme=light"]);
}

#[test]
fn the_inner_store_keeps_the_data() {
    let inner = configured_store("de").into_inner();
    assert_eq!(inner.count(), 3);
    assert_eq!(inner.get("autosave").as_deref(), Some("on"));
}

#[test]
fn wrappers_stack() {
    let mut store = Audited::new(Audited::new(MemoryStore::default()));
    import_defaults(&mut store);
    store.put("theme", "solarized");
    assert_eq!(store.log().len(), 4);
    let inner = store.into_inner();
    assert_eq!(
        inner.log().len(),
        4,
        "writes must reach the inner wrapper too"
    );
    assert_eq!(inner.get("theme").as_deref(), Some("solarized"));
}

#[test]
fn works_as_a_dyn_store_as_well() {
    let mut stores: Vec<Box<dyn Store>> = vec![
        Box::new(MemoryStore::default()),
        Box::new(Audited::new(MemoryStore::default())),
    ];
    for store in &mut stores {
        store.put("volume", "7");
        store.put("volume", "8");
        assert_eq!(store.get("volume").as_deref(), Some("8"));
        assert_eq!(store.count(), 1);
    }
}

// Tells at run time whether `T: DerefMut`: when it holds, `Probe::hands_out_inner` (through
// `&Probe`) is found first; when it does not, method lookup falls back to the `&&Probe` one.
struct Probe<T>(::std::marker::PhantomData<T>);

trait HandsOutInner {
    fn hands_out_inner(&self) -> bool {
        true
    }
}

impl<T: ::std::ops::DerefMut> HandsOutInner for Probe<T> {}

trait KeepsInner {
    fn hands_out_inner(&self) -> bool {
        false
    }
}

impl<T> KeepsInner for &Probe<T> {}

#[test]
fn no_write_can_slip_past_the_log() {
    let probe: &Probe<Audited<MemoryStore>> = &Probe(::std::marker::PhantomData);
    assert!(
        !probe.hands_out_inner(),
        "`Audited` still implements `DerefMut`: `&mut *store` hands out the inner store, and \
         writes made through it skip the log"
    );
}
