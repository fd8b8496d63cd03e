// Question 13: Explain deadlocks concerning Rust.
//
// The classic deadlock: one thread holds lock A and waits for lock B, while another holds B
// and waits for A. Neither can ever go on. It can happen whenever two threads take the same
// locks in different orders, and it cannot happen if every thread that needs several locks
// takes them in one agreed order.
//
// `Bank::transfer` locks the account it takes money from and then the account it pays into,
// so two transfers in opposite directions between the same accounts can deadlock. The hidden
// tests use the bank's lock observer to make that worst interleaving happen every time, so as
// shipped they hang (until rustprep stops them). Make every transfer take its two locks in the
// same global order, whatever the direction of the payment, and hold both while the money
// moves. Keep taking every lock with `lock_account`, so the observer sees it. (One lock for
// the whole bank would also prevent the deadlock, but only by running one transfer at a time:
// that is not what is asked here.)

use std::sync::{Mutex, MutexGuard};

/// Called with an account's index just before its lock is requested.
type LockObserver = Box<dyn Fn(usize) + Send + Sync>;

struct Bank {
    accounts: Vec<Mutex<i64>>,
    on_lock: LockObserver,
}

impl Bank {
    fn new(balances: &[i64]) -> Self {
        Bank::with_observer(balances, Box::new(|_| {}))
    }

    fn with_observer(balances: &[i64], on_lock: LockObserver) -> Self {
        Bank {
            accounts: balances.iter().map(|&b| Mutex::new(b)).collect(),
            on_lock,
        }
    }

    fn lock_account(&self, index: usize) -> MutexGuard<'_, i64> {
        (self.on_lock)(index);
        self.accounts[index].lock().unwrap()
    }

    fn balance(&self, index: usize) -> i64 {
        *self.lock_account(index)
    }

    /// Moves `amount` from account `from` to account `to`, if `from` has enough.
    fn transfer(&self, from: usize, to: usize, amount: i64) -> Result<(), String> {
        if amount < 0 {
            return Err(format!("cannot transfer a negative amount ({amount})"));
        }
        if from == to {
            return Ok(());
        }
        // TODO: which lock is taken first depends on the direction of the transfer.
        let mut source = self.lock_account(from);
        let mut target = self.lock_account(to);
        if *source < amount {
            return Err(format!("account {from} holds {} of {amount}", *source));
        }
        *source -= amount;
        *target += amount;
        Ok(())
    }
}

fn main() {
    let bank = Bank::new(&[100, 50]);
    bank.transfer(0, 1, 30).unwrap();
    println!("{} {}", bank.balance(0), bank.balance(1));
}
