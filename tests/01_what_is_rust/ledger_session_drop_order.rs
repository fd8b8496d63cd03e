use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn events(journal: &Journal) -> Vec<String> {
    journal.events.borrow().clone()
}

/// What an abandoned session `id` must record once it ends, given its savepoints oldest first.
fn undone(id: u32, savepoints: &[&str]) -> Vec<String> {
    let mut expected = vec![format!("abandon session {id}")];
    expected.extend(
        savepoints
            .iter()
            .rev()
            .map(|name| format!("rollback to {name}")),
    );
    expected.push(format!("rollback {id}"));
    expected.push(format!("return connection {id}"));
    expected
}

#[test]
fn signatures_are_kept() {
    fn pin<'j>(_: &'j Journal) {
        let _: fn(&'j Journal, u32) -> Session<'j> = Session::<'j>::begin;
        let _: fn(&Session<'j>, &str) = Session::<'j>::post;
        let _: fn(&mut Session<'j>, &str) = Session::<'j>::savepoint;
        let _: fn(Session<'j>) = Session::<'j>::commit;
    }
    pin(&Journal::default());
}

#[test]
fn the_lock_is_held_while_the_entry_is_written() {
    let journal = Journal::default();
    let session = Session::begin(&journal, 4);
    session.post("rent -900");
    assert_eq!(
        events(&journal)[2..],
        ["lock ledger", "write rent -900", "unlock ledger"],
        "the ledger must stay locked until the entry is written"
    );
    session.post("fee -3");
    assert_eq!(
        events(&journal)[5..],
        ["lock ledger", "write fee -3", "unlock ledger"],
        "each entry takes and releases the lock once"
    );
}

#[test]
fn an_uncommitted_session_rolls_back_before_its_connection_is_returned() {
    for id in [2, 17] {
        let journal = Journal::default();
        {
            let session = Session::begin(&journal, id);
            session.post("refund +40");
            assert_eq!(
                events(&journal)[2..],
                ["lock ledger", "write refund +40", "unlock ledger"],
                "the ledger must stay locked until the entry is written"
            );
        }
        assert_eq!(
            events(&journal)[5..],
            undone(id, &[]),
            "an abandoned session must be named, then roll its transaction back, and only \
             then return its connection"
        );
    }
}

#[test]
fn savepoints_are_rolled_back_newest_first_before_the_transaction() {
    let journal = Journal::default();
    {
        let mut session = Session::begin(&journal, 3);
        session.savepoint("start");
        session.post("refund +40");
        session.savepoint("after_refund");
        session.post("refund +15");
        session.savepoint("end");
    }
    assert_eq!(
        events(&journal)[11..],
        undone(3, &["start", "after_refund", "end"]),
        "an abandoned session must be named, then undo its savepoints newest first, then its \
         transaction, then return its connection"
    );
}

#[test]
fn savepoints_set_later_are_undone_first_however_many() {
    for count in [1, 2, 5] {
        let journal = Journal::default();
        let names: Vec<String> = (0..count).map(|n| format!("s{n}")).collect();
        {
            let mut session = Session::begin(&journal, 8);
            for name in &names {
                session.savepoint(name);
            }
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(
            events(&journal)[2 + count..],
            undone(8, &names),
            "{count} savepoints"
        );
    }
}

#[test]
fn a_session_abandoned_by_a_panic_is_undone_the_same_way() {
    let journal = Journal::default();
    // The journal is only read after the panic: nothing half-changed is looked at.
    let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut session = Session::begin(&journal, 5);
        session.savepoint("a");
        session.post("transfer -70");
        session.savepoint("b");
        panic!("the transfer was refused");
    }));
    assert!(crashed.is_err());
    assert_eq!(
        events(&journal)[7..],
        undone(5, &["a", "b"]),
        "a session a panic unwinds past must be undone like any abandoned one"
    );
}

#[test]
fn a_committed_session_commits_before_its_connection_is_returned() {
    let journal = Journal::default();
    let session = Session::begin(&journal, 9);
    session.post("salary +2500");
    session.commit();
    assert_eq!(
        events(&journal)[5..],
        ["commit 9", "return connection 9"],
        "a committed session commits, then returns its connection: nothing is rolled back, \
         and it was not abandoned"
    );
}

#[test]
fn a_commit_leaves_no_savepoint_to_roll_back() {
    let journal = Journal::default();
    let mut session = Session::begin(&journal, 6);
    session.savepoint("a");
    session.post("rent -900");
    session.savepoint("b");
    session.commit();
    let events = events(&journal);
    assert_eq!(
        events[3..6],
        ["lock ledger", "write rent -900", "unlock ledger"],
        "the ledger must stay locked until the entry is written"
    );
    assert_eq!(
        events[6..],
        ["savepoint b", "commit 6", "return connection 6"],
        "a committed session commits, then returns its connection: nothing is rolled back, \
         and it was not abandoned"
    );
}

#[test]
fn sessions_one_after_another() {
    let journal = Journal::default();
    for id in [1, 2, 3] {
        let mut session = Session::begin(&journal, id);
        session.post(&format!("entry {id}"));
        session.savepoint("mid");
        if id != 2 {
            session.commit();
        }
    }
    let mut expected = Vec::new();
    for id in [1, 2, 3] {
        expected.extend([
            format!("take connection {id}"),
            format!("begin {id}"),
            "lock ledger".to_string(),
            format!("write entry {id}"),
            "unlock ledger".to_string(),
            "savepoint mid".to_string(),
        ]);
        if id == 2 {
            expected.extend(undone(id, &["mid"]));
        } else {
            expected.extend([format!("commit {id}"), format!("return connection {id}")]);
        }
    }
    assert_eq!(
        events(&journal),
        expected,
        "three sessions one after another: the first and the last commit"
    );
}
