// Question 5: What are `async` and `await` in Rust?
//
// A payments ledger moves money between accounts. `transfer` holds the amount (takes it off the
// payer's balance, so that no other transfer can spend it), waits for the fraud service's
// verdict, then credits the payee (or gives the amount back if the transfer is rejected), and
// writes an entry into the audit journal: a bounded queue that the auditors read at their own
// pace, so a transfer may have to wait for room in it. Callers do not wait forever: they wrap a
// transfer in a timeout, or race it against a shutdown signal.
//
// The books no longer add up. Money has vanished: it is neither with the payer nor with the
// payee. And the auditors found transfers that moved money but never reached the journal.
//
// What the ledger promises, however and whenever a caller stops waiting:
// - money is never created or lost;
// - while its verdict is awaited, a transfer holds its amount (no other transfer may spend it)
//   and nothing else: other transfers, of any accounts, can complete meanwhile;
// - a transfer either completes (the payee has the money, and the entry is in the journal when
//   `transfer` returns) or leaves no trace (the payee never had it, the payer has it back, and
//   there is no entry); a completed transfer stays completed;
// - an auditor who reads an entry finds its money already moved;
// - while the journal is closed (no auditor left), no transfer completes: `JournalClosed`.
// Keep the signatures of `new`, `balance` and `transfer`; a transfer must still work when it is
// spawned on a multi-threaded runtime.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use tokio::sync::mpsc;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TransferError {
    UnknownAccount,
    InsufficientFunds,
    Rejected,
    JournalClosed,
}

/// A completed transfer, as the auditors read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub from: String,
    pub to: String,
    pub cents: u64,
}

pub struct Ledger {
    balances: Mutex<HashMap<String, u64>>,
    journal: mpsc::Sender<Entry>,
}

impl Ledger {
    pub fn new(accounts: &[(&str, u64)], journal: mpsc::Sender<Entry>) -> Self {
        let balances = accounts
            .iter()
            .map(|&(name, cents)| (name.to_string(), cents))
            .collect();
        Ledger {
            balances: Mutex::new(balances),
            journal,
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

    /// Moves `cents` from `from` to `to` if `verdict` (the fraud service's answer) approves, and
    /// journals it.
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
        if !verdict.await {
            self.give(from, cents);
            return Err(TransferError::Rejected);
        }
        self.give(to, cents);
        let entry = Entry {
            from: from.to_owned(),
            to: to.to_owned(),
            cents,
        };
        self.journal
            .send(entry)
            .await
            .map_err(|_| TransferError::JournalClosed)
    }
}
