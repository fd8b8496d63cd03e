use super::*;

fn events(journal: &Journal) -> Vec<String> {
    journal.events.borrow().clone()
}

#[test]
fn signatures_are_kept() {
    fn pin<'j>(_: &'j Journal) {
        let _: fn(&'j Journal, u32) -> Session<'j> = Session::<'j>::begin;
        let _: fn(&Session<'j>, &str) = Session::<'j>::post;
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
fn the_order_does_not_depend_on_how_the_session_was_built() {
    // A session built by hand, with the fields listed in either order, ends its transaction
    // before it returns its connection.
    let journal = Journal::default();
    let conn = Connection {
        id: 5,
        journal: &journal,
    };
    let tx = Transaction {
        id: 5,
        journal: &journal,
        committed: false,
    };
    drop(Session { conn, tx });
    let tx = Transaction {
        id: 6,
        journal: &journal,
        committed: false,
    };
    let conn = Connection {
        id: 6,
        journal: &journal,
    };
    drop(Session { tx, conn });
    assert_eq!(
        events(&journal),
        [
            "rollback 5",
            "return connection 5",
            "rollback 6",
            "return connection 6"
        ],
        "a session must end its transaction before returning its connection"
    );
}

#[test]
fn sessions_one_after_another() {
    let journal = Journal::default();
    for id in [1, 2] {
        let session = Session::begin(&journal, id);
        session.post(&format!("entry {id}"));
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
            "commit 1",
            "return connection 1",
            "take connection 2",
            "begin 2",
            "lock ledger",
            "write entry 2",
            "unlock ledger",
            "rollback 2",
            "return connection 2",
        ]
    );
}
