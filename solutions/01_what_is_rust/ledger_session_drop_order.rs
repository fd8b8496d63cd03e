// Question 1: What is Rust, and where is it mostly used?
// Feature: no garbage collector. A value is destroyed, and its `Drop` code runs, at a point the
// language fixes exactly, not "some time later". Locks, connections and transactions are
// released by their destructors (RAII), so *when* each value is dropped is part of the program.
//
// A ledger service posts entries inside a `Session`: a connection taken from the pool, a
// transaction on it, and the savepoints the session sets inside that transaction (rolling back
// to a savepoint undoes what was posted after it). Every step is recorded in a `Journal`, and
// the auditors and the database are strict about the order:
//   - `post` writes its entry while the ledger is locked: lock, write, unlock;
//   - a session that ends without `commit` (it goes out of scope, or a panic unwinds past it)
//     first records `abandon session N`, then undoes its work: it rolls back to each savepoint,
//     the newest first, then rolls the transaction back, and only then returns its connection
//     (the pool hands a connection with an open transaction to the next user as it is);
//   - a committed session commits, then returns its connection; nothing is rolled back, and it
//     is not reported abandoned.
// It compiles. The on-call engineer's notes from last night: "the audit log shows writes made
// with the ledger unlocked; the pool handed out connections in the middle of a transaction;
// the database rejected rollbacks to savepoints that no longer existed; and the auditors want
// every abandoned session named before its rollbacks." Find out why each value is dropped when
// it is. The module `db` is the database driver: leave it as it is. Keep the signatures of
// `Session`'s methods; its fields and the rest of its code are yours to change.

use std::cell::RefCell;

#[derive(Default)]
struct Journal {
    events: RefCell<Vec<String>>,
}

impl Journal {
    fn record(&self, event: String) {
        self.events.borrow_mut().push(event);
    }
}

struct LedgerLock<'j> {
    journal: &'j Journal,
}

impl Drop for LedgerLock<'_> {
    fn drop(&mut self) {
        self.journal.record("unlock ledger".to_string());
    }
}

fn lock_ledger(journal: &Journal) -> LedgerLock<'_> {
    journal.record("lock ledger".to_string());
    LedgerLock { journal }
}

mod db {
    use super::Journal;

    pub struct Connection<'j> {
        id: u32,
        journal: &'j Journal,
    }

    pub fn connect(journal: &Journal, id: u32) -> Connection<'_> {
        journal.record(format!("take connection {id}"));
        Connection { id, journal }
    }

    impl<'j> Connection<'j> {
        pub fn begin(&self) -> Transaction<'j> {
            self.journal.record(format!("begin {}", self.id));
            Transaction {
                id: self.id,
                journal: self.journal,
                committed: false,
            }
        }
    }

    impl Drop for Connection<'_> {
        fn drop(&mut self) {
            self.journal
                .record(format!("return connection {}", self.id));
        }
    }

    pub struct Transaction<'j> {
        id: u32,
        journal: &'j Journal,
        committed: bool,
    }

    impl<'j> Transaction<'j> {
        pub fn savepoint(&self, name: &str) -> Savepoint<'j> {
            self.journal.record(format!("savepoint {name}"));
            Savepoint {
                name: name.to_string(),
                journal: self.journal,
                released: false,
            }
        }

        pub fn commit(mut self) {
            self.journal.record(format!("commit {}", self.id));
            self.committed = true;
        }
    }

    impl Drop for Transaction<'_> {
        fn drop(&mut self) {
            if !self.committed {
                self.journal.record(format!("rollback {}", self.id));
            }
        }
    }

    pub struct Savepoint<'j> {
        name: String,
        journal: &'j Journal,
        released: bool,
    }

    impl Savepoint<'_> {
        /// The transaction is committing: there is nothing to roll back to any more.
        pub fn release(mut self) {
            self.released = true;
        }
    }

    impl Drop for Savepoint<'_> {
        fn drop(&mut self) {
            if !self.released {
                self.journal.record(format!("rollback to {}", self.name));
            }
        }
    }
}

use db::{Connection, Savepoint, Transaction};

// A struct's own `Drop` runs first; then its fields are dropped in the order they are declared
// (whatever order the struct literal in `begin` lists them in): the savepoints, then the
// transaction, then its connection.
struct Session<'j> {
    id: u32,
    journal: &'j Journal,
    savepoints: Vec<Savepoint<'j>>,
    /// `None` once committed. Nothing can be moved out of a type that has a destructor, so
    /// `commit` takes the transaction out of its `Option` instead.
    tx: Option<Transaction<'j>>,
    conn: Connection<'j>,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        if self.tx.is_none() {
            return;
        }
        self.journal.record(format!("abandon session {}", self.id));
        // A `Vec` drops its elements front to back, the oldest savepoint first: pop them
        // instead, newest first, before the fields (the transaction among them) are dropped.
        while self.savepoints.pop().is_some() {}
    }
}

impl<'j> Session<'j> {
    fn begin(journal: &'j Journal, id: u32) -> Self {
        let conn = db::connect(journal, id);
        let tx = conn.begin();
        Session {
            id,
            journal,
            savepoints: Vec::new(),
            tx: Some(tx),
            conn,
        }
    }

    fn post(&self, entry: &str) {
        // `let _ = ...` binds nothing, so the guard was dropped at the end of that statement. A
        // named binding lives to the end of the block: the lock is released after the write.
        let _lock = lock_ledger(self.journal);
        self.journal.record(format!("write {entry}"));
    }

    fn savepoint(&mut self, name: &str) {
        // The transaction is there until `commit`, which consumes the session.
        if let Some(tx) = &self.tx {
            self.savepoints.push(tx.savepoint(name));
        }
    }

    fn commit(mut self) {
        for savepoint in self.savepoints.drain(..) {
            savepoint.release();
        }
        if let Some(tx) = self.tx.take() {
            tx.commit();
        }
    }
}

fn main() {
    let journal = Journal::default();
    {
        let mut session = Session::begin(&journal, 1);
        session.post("rent -900");
        session.savepoint("before_fees");
        session.post("fee -3");
        session.commit();
    }
    {
        let mut session = Session::begin(&journal, 2);
        session.savepoint("start");
        session.post("refund +40");
        session.savepoint("after_refund");
        session.post("refund +15");
    }
    for event in journal.events.borrow().iter() {
        println!("{event}");
    }
}
