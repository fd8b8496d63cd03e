// Question 5: What are `async` and `await` in Rust?
//
// A payments ledger moves money between accounts. `transfer` first holds the amount (takes it
// off the payer's balance, so that no other transfer can spend it), then waits for the fraud
// service's verdict, and then credits the payee, or gives the amount back if the transfer is
// rejected. Callers do not wait forever: they wrap a transfer in a timeout or race it against
// a shutdown signal. And whenever a caller gives up on a transfer that is waiting for its
// verdict, the held money disappears from the ledger: it is neither with the payer nor with
// the payee.
//
// Fix `transfer` so that money is never lost, however and whenever a caller stops waiting.
// The amount must stay held while the verdict is awaited (no other transfer may spend it),
// and a completed transfer must stay completed. Keep the signatures of `new`, `balance` and
// `transfer`; the transfer must still work when it is spawned on a multi-threaded runtime.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TransferError {
    UnknownAccount,
    InsufficientFunds,
    Rejected,
}

pub struct Ledger {
    balances: Mutex<HashMap<String, u64>>,
}

/// Money taken off an account and not yet passed on. Unless it is settled, dropping it gives
/// the money back, and a future dropped at an `.await` drops its locals, this one included.
struct Hold<'a> {
    ledger: &'a Ledger,
    account: &'a str,
    cents: u64,
    settled: bool,
}

impl Hold<'_> {
    /// Passes the held money on to `to`: from now on, dropping the hold changes nothing.
    fn settle(mut self, to: &str) {
        self.ledger.give(to, self.cents);
        self.settled = true;
    }
}

impl Drop for Hold<'_> {
    fn drop(&mut self) {
        if !self.settled {
            self.ledger.give(self.account, self.cents);
        }
    }
}

impl Ledger {
    pub fn new(accounts: &[(&str, u64)]) -> Self {
        let balances = accounts
            .iter()
            .map(|&(name, cents)| (name.to_string(), cents))
            .collect();
        Ledger {
            balances: Mutex::new(balances),
        }
    }

    /// The balance of `account` in cents, `None` if there is no such account.
    pub fn balance(&self, account: &str) -> Option<u64> {
        self.balances.lock().unwrap().get(account).copied()
    }

    /// Takes `cents` off `account`'s balance.
    fn take(&self, account: &str, cents: u64) -> Result<(), TransferError> {
        let mut balances = self.balances.lock().unwrap();
        let balance = balances
            .get_mut(account)
            .ok_or(TransferError::UnknownAccount)?;
        *balance = balance
            .checked_sub(cents)
            .ok_or(TransferError::InsufficientFunds)?;
        Ok(())
    }

    /// Adds `cents` to the balance of `account`, which exists.
    fn give(&self, account: &str, cents: u64) {
        *self.balances.lock().unwrap().get_mut(account).unwrap() += cents;
    }

    /// Moves `cents` from `from` to `to` if `verdict` (the fraud service's answer) approves.
    pub async fn transfer(
        &self,
        from: &str,
        to: &str,
        cents: u64,
        verdict: impl Future<Output = bool>,
    ) -> Result<(), TransferError> {
        if self.balance(to).is_none() {
            return Err(TransferError::UnknownAccount);
        }
        self.take(from, cents)?;
        // The amount is held: other transfers cannot spend it while the service decides.
        // Every `.await` is a point where the caller may drop this future, and then no line
        // after it runs; only destructors do. So the give-back lives in the hold's `Drop`.
        let hold = Hold {
            ledger: self,
            account: from,
            cents,
            settled: false,
        };
        if !verdict.await {
            // Dropping the hold gives the money back.
            return Err(TransferError::Rejected);
        }
        // No `.await` from here on: the transfer completes in one go.
        hold.settle(to);
        Ok(())
    }
}
