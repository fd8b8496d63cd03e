// Question 1: What is Rust, and where is it mostly used?
// Feature: no garbage collector. A value is destroyed, and its `Drop` code runs, at a point the
// language fixes exactly, not "some time later". Locks, connections and transactions are
// released by their destructors (RAII), so *when* each value is dropped is part of the program.
//
// A ledger service posts entries inside a `Session`: a connection taken from the pool, a
// transaction on it, and the savepoints the session sets inside that transaction (rolling back
// to a savepoint undoes what was posted after it). Every step is recorded in a `Journal`, and
// the database is strict about the order:
//   - `post` writes its entry while the ledger is locked: lock, write, unlock;
//   - a session that ends without `commit` undoes its work: it rolls back to each savepoint,
//     the newest first, then rolls the transaction back, and only then returns its connection
//     (the pool hands a connection with an open transaction to the next user as it is);
//   - a committed session commits, then returns its connection; nothing is rolled back.
// It compiles. The on-call engineer's notes from last night: "the audit log shows writes made
// with the ledger unlocked; the pool handed out connections in the middle of a transaction;
// and the database rejected rollbacks to savepoints that no longer existed." Find out why each
// value is dropped when it is. Keep the types and the signatures of `Session`'s methods.

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

struct Connection<'j> {
    id: u32,
    journal: &'j Journal,
}

impl Drop for Connection<'_> {
    fn drop(&mut self) {
        self.journal
            .record(format!("return connection {}", self.id));
    }
}

struct Transaction<'j> {
    id: u32,
    journal: &'j Journal,
    committed: bool,
}

impl Transaction<'_> {
    fn commit(mut self) {
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

struct Savepoint<'j> {
    name: String,
    journal: &'j Journal,
    /// Set when the transaction commits: there is nothing to roll back to any more.
    released: bool,
}

impl Drop for Savepoint<'_> {
    fn drop(&mut self) {
        if !self.released {
            self.journal.record(format!("rollback to {}", self.name));
        }
    }
}

// Fields are dropped in the order they are declared, whatever order the struct literal in
// `begin` lists them in: the savepoints first, then the transaction, then its connection.
struct Session<'j> {
    /// The newest savepoint first: a `Vec` drops its elements from the front, and rolling
    /// back must go from the newest savepoint to the oldest.
    savepoints: Vec<Savepoint<'j>>,
    tx: Transaction<'j>,
    conn: Connection<'j>,
}

impl<'j> Session<'j> {
    fn begin(journal: &'j Journal, id: u32) -> Self {
        journal.record(format!("take connection {id}"));
        let conn = Connection { id, journal };
        journal.record(format!("begin {id}"));
        let tx = Transaction {
            id,
            journal,
            committed: false,
        };
        Session {
            conn,
            tx,
            savepoints: Vec::new(),
        }
    }

    fn post(&self, entry: &str) {
        // `let _ = ...` binds nothing, so the guard was dropped at the end of that statement. A
        // named binding lives to the end of the block: the lock is released after the write.
        let _lock = lock_ledger(self.conn.journal);
        self.conn.journal.record(format!("write {entry}"));
    }

    fn savepoint(&mut self, name: &str) {
        self.conn.journal.record(format!("savepoint {name}"));
        // A session sets a handful of savepoints: shifting them along is cheap.
        self.savepoints.insert(
            0,
            Savepoint {
                name: name.to_string(),
                journal: self.conn.journal,
                released: false,
            },
        );
    }

    fn commit(mut self) {
        for savepoint in &mut self.savepoints {
            savepoint.released = true;
        }
        self.tx.commit();
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
