use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::sync::atomic::{AtomicUsize, Ordering};
use ::std::sync::{Arc, OnceLock, Weak};
use ::std::thread;

/// A ledger whose observer counts the lock requests.
fn counted_ledger() -> (Ledger, Arc<AtomicUsize>) {
    let requests = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&requests);
    let ledger = Ledger::with_observer(Box::new(move || {
        seen.fetch_add(1, Ordering::SeqCst);
    }));
    (ledger, requests)
}

#[test]
fn deposit_returns_the_new_balance() {
    let ledger = Ledger::default();
    assert_eq!(ledger.deposit(120), 120);
    assert_eq!(ledger.deposit(30), 150);
    assert_eq!(ledger.balance(), 150);
}

#[test]
fn deposits_and_withdrawals() {
    let ledger = Ledger::default();
    ledger.deposit(100);
    assert_eq!(ledger.withdraw(40), Ok(60));
    assert!(ledger.withdraw(61).is_err());
    assert_eq!(ledger.deposit(0), 60);
    assert_eq!(ledger.entry_count(), 3);
}

#[test]
fn a_negative_deposit_is_a_correction() {
    let ledger = Ledger::default();
    ledger.deposit(10);
    assert_eq!(ledger.deposit(-25), -15);
}

#[test]
fn deposits_from_many_threads() {
    let ledger = Arc::new(Ledger::default());
    let handles: Vec<_> = (1..=8)
        .map(|n| {
            let ledger = Arc::clone(&ledger);
            thread::spawn(move || {
                for _ in 0..100 {
                    assert!(ledger.deposit(n) > 0);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(ledger.balance(), 100 * (1..=8).sum::<i64>());
    assert_eq!(ledger.entry_count(), 800);
}

#[test]
fn each_call_asks_for_the_lock_once() {
    let (ledger, requests) = counted_ledger();
    assert_eq!(ledger.deposit(70), 70);
    let asked = requests.swap(0, Ordering::SeqCst);
    assert_eq!(
        asked, 1,
        "one deposit asked for the ledger's lock {asked} times (through `lock_entries`): the new \
         entry and the balance returned must come from one critical section, or another \
         thread's deposit can come in between"
    );
    assert_eq!(ledger.deposit(-20), 50);
    assert_eq!(requests.swap(0, Ordering::SeqCst), 1);
    assert_eq!(ledger.withdraw(10), Ok(40));
    assert_eq!(requests.swap(0, Ordering::SeqCst), 1);
    assert_eq!(ledger.balance(), 40);
    assert_eq!(
        requests.swap(0, Ordering::SeqCst),
        1,
        "`balance` must take the lock with `lock_entries`"
    );
    assert_eq!(ledger.entry_count(), 3);
    assert_eq!(requests.swap(0, Ordering::SeqCst), 1);
}

#[test]
fn no_other_deposit_comes_between_the_entry_and_the_balance() {
    // Whenever the depositing thread asks for the lock after its entry is already in, another
    // thread deposits 1000 first: the worst interleaving, every time.
    let slot: Arc<OnceLock<Weak<Ledger>>> = Arc::new(OnceLock::new());
    let depositor = thread::current().id();
    let observer = {
        let slot = Arc::clone(&slot);
        move || {
            if thread::current().id() != depositor {
                return;
            }
            let ledger = slot
                .get()
                .and_then(Weak::upgrade)
                .expect("the ledger is alive while it is used");
            let entry_is_in = match ledger.entries.try_lock() {
                Ok(entries) => entries.contains(&5),
                Err(_) => false,
            };
            if entry_is_in {
                thread::spawn(move || ledger.deposit(1000))
                    .join()
                    .expect("the other deposit panicked");
            }
        }
    };
    let ledger = Arc::new(Ledger::with_observer(Box::new(observer)));
    slot.set(Arc::downgrade(&ledger))
        .unwrap_or_else(|_| unreachable!("set once"));
    let returned = ledger.deposit(5);
    assert_eq!(
        returned, 5,
        "another thread deposited 1000 while this deposit was between its entry and its balance"
    );
}
