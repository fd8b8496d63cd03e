use super::*;
use std::sync::Arc;
use std::thread;

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
