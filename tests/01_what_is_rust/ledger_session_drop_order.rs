use super::*;

fn events(journal: &Journal) -> Vec<String> {
    journal.events.borrow().clone()
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
        }
        assert_eq!(
            events(&journal),
            [
                format!("take connection {id}"),
                format!("begin {id}"),
                "lock ledger".to_string(),
                "write refund +40".to_string(),
                "unlock ledger".to_string(),
                format!("rollback {id}"),
                format!("return connection {id}"),
            ],
            "a connection went back to the pool with its transaction still open"
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
        [
            "rollback to end",
            "rollback to after_refund",
            "rollback to start",
            "rollback 3",
            "return connection 3",
        ],
        "an abandoned session must undo its savepoints newest first, then its transaction, \
         then return its connection"
    );
}

#[test]
fn savepoints_set_later_are_undone_first_however_many() {
    for count in [1, 2, 5] {
        let journal = Journal::default();
        {
            let mut session = Session::begin(&journal, 8);
            for n in 0..count {
                session.savepoint(&format!("s{n}"));
            }
        }
        let mut expected: Vec<String> = (0..count)
            .rev()
            .map(|n| format!("rollback to s{n}"))
            .collect();
        expected.push("rollback 8".to_string());
        expected.push("return connection 8".to_string());
        assert_eq!(
            events(&journal)[2 + count..],
            expected,
            "{count} savepoints"
        );
    }
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
        "commit must come before the connection is returned, and nothing rolls back"
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
    assert_eq!(
        events(&journal)[2..],
        [
            "savepoint a",
            "lock ledger",
            "write rent -900",
            "unlock ledger",
            "savepoint b",
            "commit 6",
            "return connection 6",
        ]
    );
}

#[test]
fn sessions_one_after_another() {
    let journal = Journal::default();
    for id in [1, 2] {
        let mut session = Session::begin(&journal, id);
        session.post(&format!("entry {id}"));
        session.savepoint("mid");
        if id == 1 {
            session.commit();
        }
    }
    assert_eq!(
        events(&journal),
        [
            "take connection 1",
            "begin 1",
            "lock ledger",
            "write entry 1",
            "unlock ledger",
            "savepoint mid",
            "commit 1",
            "return connection 1",
            "take connection 2",
            "begin 2",
            "lock ledger",
            "write entry 2",
            "unlock ledger",
            "savepoint mid",
            "rollback to mid",
            "rollback 2",
            "return connection 2",
        ]
    );
}
