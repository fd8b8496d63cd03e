use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, OnceLock, TryLockError, Weak};
use std::thread;

/// The lock requests each teller thread has announced, in order.
type Requests = HashMap<String, Vec<usize>>;

/// How long a teller holding its first account waits for the other to ask for one.
const TELLER_PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

/// An observer that makes two tellers' transfers interleave as badly as their lock orders
/// allow. A teller about to request its second lock waits until the other teller has
/// requested its first one and, if that was a different account from our first, until the
/// other holds it (it has gone on to request its second). With one lock order for everyone,
/// the other's first request is for the account we hold, so we go on at once; with opposite
/// orders, each teller ends up holding one account and asking for the other: a deadlock.
fn worst_case_observer() -> LockObserver {
    let shared = Arc::new((Mutex::new(Requests::new()), Condvar::new()));
    Box::new(move |account| {
        let Some(me) = thread::current()
            .name()
            .filter(|name| name.starts_with("teller-"))
            .map(str::to_owned)
        else {
            return;
        };
        let (requests, changed) = &*shared;
        let mut requests = requests.lock().unwrap();
        let mine = requests.entry(me.clone()).or_default();
        mine.push(account);
        let (count, my_first) = (mine.len(), mine[0]);
        changed.notify_all();
        if count == 2 {
            // The other teller asks for its first account as soon as its transfer starts,
            // unless something else it waits for first is held here: seconds are far more
            // than a thread needs to start, so that is what a wait this long means.
            let (_requests, waited) = changed
                .wait_timeout_while(requests, TELLER_PATIENCE, |requests| {
                    match requests.iter().find(|(name, _)| **name != me) {
                        None => true,
                        Some((_, theirs)) => theirs[0] != my_first && theirs.len() < 2,
                    }
                })
                .unwrap();
            assert!(
                !waited.timed_out(),
                "{me} holds an account, and the other teller never asked for one: a lock \
                 around the whole transfer runs one transfer at a time; take the two account \
                 locks in one order instead"
            );
        }
    })
}

/// Runs two transfers on two teller threads at once and returns their results.
fn two_tellers(
    bank: &Bank,
    x: (usize, usize, i64),
    y: (usize, usize, i64),
) -> (Result<(), String>, Result<(), String>) {
    thread::scope(|scope| {
        let spawn = |name: &str, (from, to, amount): (usize, usize, i64)| {
            thread::Builder::new()
                .name(name.to_owned())
                .spawn_scoped(scope, move || bank.transfer(from, to, amount))
                .unwrap()
        };
        let teller_x = spawn("teller-x", x);
        let teller_y = spawn("teller-y", y);
        (teller_x.join().unwrap(), teller_y.join().unwrap())
    })
}

#[test]
fn a_simple_transfer() {
    let bank = Bank::new(&[100, 50]);
    assert_eq!(bank.transfer(0, 1, 30), Ok(()));
    assert_eq!(bank.transfer(1, 0, 80), Ok(()));
    assert_eq!((bank.balance(0), bank.balance(1)), (150, 0));
}

#[test]
fn refused_transfers_change_nothing() {
    let bank = Bank::new(&[100, 50, 0]);
    assert!(bank.transfer(1, 2, 51).is_err());
    assert!(bank.transfer(0, 1, -5).is_err());
    assert_eq!(bank.transfer(0, 0, 1000), Ok(()));
    assert_eq!(
        (bank.balance(0), bank.balance(1), bank.balance(2)),
        (100, 50, 0)
    );
}

#[test]
fn opposite_transfers_at_the_same_time() {
    let bank = Bank::with_observer(&[100, 50], worst_case_observer());
    let (x, y) = two_tellers(&bank, (0, 1, 30), (1, 0, 20));
    assert_eq!((x, y), (Ok(()), Ok(())));
    assert_eq!((bank.balance(0), bank.balance(1)), (90, 60));
}

#[test]
fn opposite_transfers_when_one_is_refused() {
    let bank = Bank::with_observer(&[100, 10], worst_case_observer());
    let (x, y) = two_tellers(&bank, (0, 1, 80), (1, 0, 500));
    assert_eq!(x, Ok(()));
    assert!(y.is_err());
    assert_eq!((bank.balance(0), bank.balance(1)), (20, 90));
}

#[test]
fn opposite_transfers_between_distant_accounts() {
    let bank = Bank::with_observer(&[10, 20, 30, 40], worst_case_observer());
    let (x, y) = two_tellers(&bank, (3, 0, 40), (0, 3, 10));
    assert_eq!((x, y), (Ok(()), Ok(())));
    assert_eq!(
        (0..4).map(|i| bank.balance(i)).collect::<Vec<_>>(),
        [40, 20, 30, 10]
    );
}

/// What a bank's observer saw of one transfer: the accounts whose locks it requested, in
/// order, and any account that was no longer locked when a later one was requested.
#[derive(Default)]
struct Seen {
    requests: Vec<usize>,
    released_early: Vec<usize>,
}

/// A bank whose observer records each lock request in `Seen`, and checks at that moment
/// whether the accounts requested before it (in the same transfer) are still locked.
fn watched_bank(balances: &[i64]) -> (Arc<Bank>, Arc<Mutex<Seen>>) {
    let seen = Arc::new(Mutex::new(Seen::default()));
    let this_bank = Arc::new(OnceLock::<Weak<Bank>>::new());
    let observer: LockObserver = {
        let (seen, this_bank) = (Arc::clone(&seen), Arc::clone(&this_bank));
        Box::new(move |account| {
            let bank = this_bank.get().and_then(Weak::upgrade).unwrap();
            let mut seen = seen.lock().unwrap();
            let Seen {
                requests,
                released_early,
            } = &mut *seen;
            for &earlier in requests.iter() {
                // Only this thread uses the bank: a lock that is free was released early.
                if !matches!(
                    bank.accounts[earlier].try_lock(),
                    Err(TryLockError::WouldBlock)
                ) {
                    released_early.push(earlier);
                }
            }
            requests.push(account);
        })
    };
    let bank = Arc::new(Bank::with_observer(balances, observer));
    this_bank.set(Arc::downgrade(&bank)).unwrap();
    (bank, seen)
}

/// The lock requests of one transfer, checked to be one for each of the two accounts, with
/// the first still held when the second is requested.
fn locks_taken(bank: &Bank, seen: &Mutex<Seen>, from: usize, to: usize) -> Vec<usize> {
    *seen.lock().unwrap() = Seen::default();
    assert_eq!(bank.transfer(from, to, 1), Ok(()));
    let seen = std::mem::take(&mut *seen.lock().unwrap());
    let mut accounts = seen.requests.clone();
    accounts.sort();
    assert_eq!(
        accounts,
        [from.min(to), from.max(to)],
        "a transfer from {from} to {to} should lock each of the two accounts once, with \
         `lock_account`"
    );
    assert!(
        seen.released_early.is_empty(),
        "a transfer from {from} to {to} let go of account {:?} before it locked account {}: \
         for a moment the money was in neither account",
        seen.released_early,
        seen.requests[1]
    );
    seen.requests
}

#[test]
fn the_lock_order_does_not_depend_on_the_direction() {
    let (bank, seen) = watched_bank(&[50, 50, 50, 50]);
    for (a, b) in [(0, 1), (0, 3), (2, 1), (3, 2)] {
        let forth = locks_taken(&bank, &seen, a, b);
        let back = locks_taken(&bank, &seen, b, a);
        assert_eq!(
            forth, back,
            "the transfers {a} -> {b} and {b} -> {a} lock their accounts in different orders"
        );
    }
}

#[test]
fn one_lock_order_for_all_accounts() {
    // Which account of each pair is locked first must follow one ranking of all the accounts:
    // with three accounts each locked before the next in a circle, three tellers could still
    // deadlock.
    let (bank, seen) = watched_bank(&[50, 50, 50, 50]);
    let mut first_of = HashMap::new();
    for a in 0..4 {
        for b in a + 1..4 {
            first_of.insert((a, b), locks_taken(&bank, &seen, a, b)[0]);
        }
    }
    let before = |x: usize, y: usize| first_of[&(x.min(y), x.max(y))] == x;
    for x in 0..4 {
        for y in 0..4 {
            for z in 0..4 {
                if x != y && y != z && x != z {
                    assert!(
                        !(before(x, y) && before(y, z) && before(z, x)),
                        "accounts {x}, {y} and {z} are locked in a circle: {x} before {y}, \
                         {y} before {z}, {z} before {x}"
                    );
                }
            }
        }
    }
    assert_eq!((0..4).map(|i| bank.balance(i)).sum::<i64>(), 200);
}

#[test]
fn busy_tellers_keep_the_total() {
    let bank = Bank::new(&[1000, 1000, 1000, 1000]);
    thread::scope(|scope| {
        for teller in 0..4 {
            let bank = &bank;
            scope.spawn(move || {
                for round in 0..200 {
                    let from = (teller + round) % 4;
                    let to = (teller + 3 * round + 1) % 4;
                    let _ = bank.transfer(from, to, (round % 7) as i64);
                }
            });
        }
    });
    assert_eq!((0..4).map(|i| bank.balance(i)).sum::<i64>(), 4000);
}
