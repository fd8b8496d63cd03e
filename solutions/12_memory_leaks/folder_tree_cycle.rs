// Question 12: What is the possibility of memory leaks in Rust?
//
// `Rc` frees a value when its last strong reference goes away. Two values that hold strong
// references to each other keep each other's count above zero forever: the cycle leaks, with
// no unsafe code and no warning from the compiler. `Weak` is the way out: a reference that
// does not keep its target alive, and must be upgraded to an `Rc` to be used.
//
// In this folder tree each folder owns its children, and each child points back at its parent
// to build its full path. Dropping the root should free every folder, but as written none is
// ever freed (the file manager counts live folders, and the count never goes down). Break the
// cycle: a child must be able to reach its parent without owning it. A folder whose parent is
// gone has a path of just its own name.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

thread_local! {
    // How many `Folder`s exist on this thread right now.
    static LIVE_FOLDERS: Cell<usize> = const { Cell::new(0) };
}

fn live_folders() -> usize {
    LIVE_FOLDERS.with(Cell::get)
}

struct Folder {
    name: String,
    // Parents own their children (strong `Rc`s); a child only refers to its parent (`Weak`),
    // so the references go around no cycle of ownership and the whole tree can be freed.
    parent: Weak<Folder>,
    children: RefCell<Vec<Rc<Folder>>>,
}

impl Folder {
    fn build(name: &str, parent: Weak<Folder>) -> Rc<Folder> {
        LIVE_FOLDERS.with(|n| n.set(n.get() + 1));
        Rc::new(Folder {
            name: name.to_owned(),
            parent,
            children: RefCell::new(Vec::new()),
        })
    }

    fn new_root(name: &str) -> Rc<Folder> {
        Folder::build(name, Weak::new())
    }

    fn add_child(parent: &Rc<Folder>, name: &str) -> Rc<Folder> {
        let child = Folder::build(name, Rc::downgrade(parent));
        parent.children.borrow_mut().push(Rc::clone(&child));
        child
    }

    /// The parent, if it is still alive.
    fn parent(&self) -> Option<Rc<Folder>> {
        self.parent.upgrade()
    }

    fn path(&self) -> String {
        match self.parent() {
            Some(parent) => format!("{}/{}", parent.path(), self.name),
            None => self.name.clone(),
        }
    }

    fn child_names(&self) -> Vec<String> {
        self.children
            .borrow()
            .iter()
            .map(|c| c.name.clone())
            .collect()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        LIVE_FOLDERS.with(|n| n.set(n.get() - 1));
    }
}

fn main() {
    {
        let home = Folder::new_root("home");
        let ana = Folder::add_child(&home, "ana");
        let docs = Folder::add_child(&ana, "docs");
        println!("{} ({} folders)", docs.path(), live_folders());
    }
    println!("after dropping the tree: {} folders", live_folders());
}
