// Question 8: How do we handle errors in Rust?
//
// A bank ledger arrives as text, one entry a line: "deposit 250" or "withdraw 40".
// `apply` runs the entries against an opening balance and stops at the first bad one.
// Everything that can go wrong is a variant of `LedgerError`, which already implements
// `Display` and `std::error::Error`, so callers can match on it, print it, or put it in a
// `Box<dyn Error>`.
//
// It does not compile: `apply` uses `?` on an error of a type that is not `LedgerError`.
// Fix it without touching `apply`: after the fix, a bad amount must come back as
// `LedgerError::BadAmount`, holding the original parse error.

use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum LedgerError {
    /// A line that is not "deposit AMOUNT" or "withdraw AMOUNT".
    UnknownEntry(String),
    /// An amount that is not a whole number of cents from 0 to u32::MAX.
    BadAmount(ParseIntError),
    /// A withdrawal larger than the balance.
    Overdrawn { balance: u64, wanted: u64 },
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerError::UnknownEntry(line) => write!(f, "unknown ledger entry `{line}`"),
            // The cause is not repeated here: `source()` gives it to whoever wants it.
            LedgerError::BadAmount(_) => write!(f, "bad amount"),
            LedgerError::Overdrawn { balance, wanted } => {
                write!(f, "cannot withdraw {wanted} from a balance of {balance}")
            }
        }
    }
}

impl Error for LedgerError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            LedgerError::BadAmount(cause) => Some(cause),
            _ => None,
        }
    }
}

// `?` on an `Err(e)` returns `Err(From::from(e))`: this impl is the conversion it calls.
impl From<ParseIntError> for LedgerError {
    fn from(cause: ParseIntError) -> Self {
        LedgerError::BadAmount(cause)
    }
}

fn apply(opening: u64, entries: &str) -> Result<u64, LedgerError> {
    let mut balance = opening;
    for line in entries.lines() {
        let unknown = || LedgerError::UnknownEntry(line.to_string());
        let (kind, amount) = line.split_once(' ').ok_or_else(unknown)?;
        let amount = u64::from(amount.trim().parse::<u32>()?);
        balance = match kind {
            // At most u32::MAX cents a line: a real balance is nowhere near u64::MAX.
            "deposit" => balance + amount,
            "withdraw" => balance.checked_sub(amount).ok_or(LedgerError::Overdrawn {
                balance,
                wanted: amount,
            })?,
            _ => return Err(unknown()),
        };
    }
    Ok(balance)
}

fn main() {
    match apply(100, "deposit 250\nwithdraw 4O") {
        Ok(balance) => println!("balance: {balance}"),
        Err(err) => match err.source() {
            Some(cause) => println!("error: {err} ({cause})"),
            None => println!("error: {err}"),
        },
    }
}
