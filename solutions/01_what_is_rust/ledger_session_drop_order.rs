// Question 1: What is Rust, and where is it mostly used?
// Feature: no garbage collector. A value is destroyed, and its `Drop` code runs, at a point the
// language fixes exactly, not "some time later". Locks, connections and transactions are
// released by their destructors (RAII), so *when* each value is dropped is part of the program.
//
// A ledger service posts entries inside a `Session`: a connection taken from the pool and a
// transaction running on it. Every step is recorded in a `Journal`. The rules:
//   - `post` writes an entry while holding the ledger lock (lock, write, unlock);
//   - a session that ends without `commit` rolls its transaction back;
//   - a transaction always ends (commit or rollback) before its connection goes back to the
//     pool: a pooled connection with an open transaction is handed to the next user as it is.
// It compiles, but the journal shows both the lock and the connection released too early.
// Find out why each is dropped when it is, and fix that. Keep the types, their fields and the
// signatures (the tests use them); nothing here needs `impl Drop` for `Session`.

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

// Fields are dropped in the order they are declared, whatever order the struct literal in
// `begin` lists them in: the transaction first, then the connection it ran on.
struct Session<'j> {
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
        Session { conn, tx }
    }

    fn post(&self, entry: &str) {
        // `let _ = ...` binds nothing, so the guard was dropped at the end of that statement. A
        // named binding lives to the end of the block: the lock is released after the write.
        let _lock = lock_ledger(self.conn.journal);
        self.conn.journal.record(format!("write {entry}"));
    }

    fn commit(self) {
        self.tx.commit();
    }
}

fn main() {
    let journal = Journal::default();
    {
        let session = Session::begin(&journal, 1);
        session.post("rent -900");
        session.commit();
    }
    {
        let session = Session::begin(&journal, 2);
        session.post("refund +40");
    }
    for event in journal.events.borrow().iter() {
        println!("{event}");
    }
}
