// Question 13: Explain deadlocks concerning Rust.
//
// A `std::sync::Mutex` is not re-entrant: a thread that holds the lock and asks for it again
// never gets it (the standard library leaves what happens unspecified: in practice it waits for
// itself for ever, and it may panic instead). In Rust a lock is held for exactly as long as its guard is
// alive, and a guard bound to a variable lives until the end of its block, not just until the
// last line that uses it.
//
// `Ledger::deposit` adds an entry and returns the new balance, but it never returns. Fix it so
// that the lock is not requested again while this thread still holds it. Other threads deposit
// too, so the balance returned must be the one just after this deposit: the new entry and the
// sum must come from one critical section (a deposit asks for the lock once). Keep taking the
// lock with `lock_entries`, so that the hidden tests' lock observer sees every request. (As
// shipped the tests hang until rustprep stops them.)

use std::sync::{Mutex, MutexGuard};

/// Called just before the ledger's lock is requested.
type LockObserver = Box<dyn Fn() + Send + Sync>;

struct Ledger {
    entries: Mutex<Vec<i64>>,
    on_lock: LockObserver,
}

impl Default for Ledger {
    fn default() -> Self {
        Ledger::with_observer(Box::new(|| {}))
    }
}

impl Ledger {
    fn with_observer(on_lock: LockObserver) -> Self {
        Ledger {
            entries: Mutex::new(Vec::new()),
            on_lock,
        }
    }

    fn lock_entries(&self) -> MutexGuard<'_, Vec<i64>> {
        (self.on_lock)();
        self.entries.lock().unwrap()
    }

    fn balance(&self) -> i64 {
        self.lock_entries().iter().sum()
    }

    /// Adds `amount` and returns the balance just after it.
    fn deposit(&self, amount: i64) -> i64 {
        let mut entries = self.lock_entries();
        entries.push(amount);
        // TODO: `entries` still holds the lock here.
        self.balance()
    }

    /// Takes `amount` out if the balance allows it; returns the balance just after.
    fn withdraw(&self, amount: i64) -> Result<i64, String> {
        let mut entries = self.lock_entries();
        let balance: i64 = entries.iter().sum();
        if amount > balance {
            return Err(format!(
                "cannot withdraw {amount}: the balance is {balance}"
            ));
        }
        entries.push(-amount);
        Ok(balance - amount)
    }

    fn entry_count(&self) -> usize {
        self.lock_entries().len()
    }
}

fn main() {
    let ledger = Ledger::default();
    println!("{}", ledger.deposit(120));
    println!("{:?}", ledger.withdraw(50));
}
