// Question 13: Explain deadlocks concerning Rust.
//
// A `std::sync::Mutex` is not re-entrant: a thread that holds the lock and asks for it again
// waits for itself, forever. In Rust a lock is held for exactly as long as its guard is
// alive, and a guard bound to a variable lives until the end of its block, not just until the
// last line that uses it.
//
// `Ledger::deposit` adds an entry and returns the new balance, but it never returns. Fix it so
// that the lock is not requested again while this thread still holds it. (As shipped the tests
// hang until rustprep stops them.)

use std::sync::Mutex;

#[derive(Default)]
struct Ledger {
    entries: Mutex<Vec<i64>>,
}

impl Ledger {
    fn balance(&self) -> i64 {
        self.entries.lock().unwrap().iter().sum()
    }

    /// Adds `amount` and returns the balance just after it.
    fn deposit(&self, amount: i64) -> i64 {
        let mut entries = self.entries.lock().unwrap();
        entries.push(amount);
        // Sum through the guard this thread already holds: calling `self.balance()` here
        // would lock the same mutex a second time and wait forever for ourselves. (Dropping
        // the guard and then calling `balance` ends the deadlock too, but another thread's
        // deposit could come in between, and the sum would no longer be "just after" ours.)
        entries.iter().sum()
    }

    /// Takes `amount` out if the balance allows it; returns the balance just after.
    fn withdraw(&self, amount: i64) -> Result<i64, String> {
        let mut entries = self.entries.lock().unwrap();
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
        self.entries.lock().unwrap().len()
    }
}

fn main() {
    let ledger = Ledger::default();
    println!("{}", ledger.deposit(120));
    println!("{:?}", ledger.withdraw(50));
}
