use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::drop;
use std::rc::Rc;

#[test]
fn paths_walk_up_to_the_root() {
    let home = Folder::new_root("home");
    let ana = Folder::add_child(&home, "ana");
    let docs = Folder::add_child(&ana, "docs");
    Folder::add_child(&ana, "music");
    assert_eq!(home.path(), "home");
    assert_eq!(docs.path(), "home/ana/docs");
    assert_eq!(ana.child_names(), ["docs", "music"]);
    assert!(Rc::ptr_eq(&docs.parent().unwrap(), &ana));
    assert!(home.parent().is_none());
}

#[test]
fn dropping_the_tree_frees_every_folder() {
    let before = live_folders();
    {
        let home = Folder::new_root("home");
        let ana = Folder::add_child(&home, "ana");
        Folder::add_child(&ana, "docs");
        Folder::add_child(&home, "bo");
        assert_eq!(live_folders(), before + 4);
    }
    assert_eq!(live_folders(), before, "folders were leaked");
}

#[test]
fn children_do_not_own_their_parent() {
    let root = Folder::new_root("srv");
    let kids: Vec<_> = ["www", "git", "log"]
        .iter()
        .map(|name| Folder::add_child(&root, name))
        .collect();
    assert_eq!(
        Rc::strong_count(&root),
        1,
        "only `root` should own the root"
    );
    assert_eq!(Rc::weak_count(&root), 3);
    // Each child: one owner in the parent's list, one in `kids`.
    assert!(kids.iter().all(|k| Rc::strong_count(k) == 2));
}

#[test]
fn a_child_held_elsewhere_outlives_its_parent() {
    let before = live_folders();
    let root = Folder::new_root("tmp");
    let kept = Folder::add_child(&root, "upload");
    Folder::add_child(&root, "cache");
    drop(root);
    // The root and "cache" are gone; "upload" is still held here.
    assert_eq!(live_folders(), before + 1);
    assert!(kept.parent().is_none());
    assert_eq!(kept.path(), "upload");
    drop(kept);
    assert_eq!(live_folders(), before);
}

#[test]
fn a_deep_tree_is_freed_too() {
    let before = live_folders();
    let root = Folder::new_root("r");
    let mut tip = Rc::clone(&root);
    for depth in 0..100 {
        tip = Folder::add_child(&tip, &format!("d{depth}"));
    }
    assert!(tip.path().ends_with("/d98/d99"));
    drop(tip);
    drop(root);
    assert_eq!(live_folders(), before);
}
