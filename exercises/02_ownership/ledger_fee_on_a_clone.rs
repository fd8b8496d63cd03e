// Question 2: What are ownership and borrowing in Rust?
// A clone is a new value with its own owner. Changing it changes nothing else. To let a function
// change the caller's value, lend it a mutable reference (`&mut T`) instead.
//
// At the end of the month a bank charges a fee to every account whose balance is below 1000.00
// (100_000 cents): the fee is taken from the balance and recorded in the account's history as a
// negative amount. `month_end` returns the total it collected. It compiles, and the total is
// right, but no account is ever charged: someone made the borrow checker happy with `.clone()`.
//
// Make `charge` change the real account. The tests also call `charge` on its own, on an account
// they then read.

#[derive(Debug, Clone, PartialEq)]
struct Account {
    owner: String,
    balance_cents: i64,
    history: Vec<i64>,
}

// TODO: `charge` receives its own copy of the account.
fn charge(mut account: Account, fee_cents: i64) {
    account.balance_cents -= fee_cents;
    account.history.push(-fee_cents);
}

fn month_end(accounts: &mut [Account], fee_cents: i64) -> i64 {
    let mut collected = 0;
    for account in accounts.iter() {
        if account.balance_cents < 100_000 {
            charge(account.clone(), fee_cents);
            collected += fee_cents;
        }
    }
    collected
}

fn main() {
    let mut accounts = vec![Account {
        owner: "Ada".into(),
        balance_cents: 25_000,
        history: vec![25_000],
    }];
    let collected = month_end(&mut accounts, 450);
    println!("collected {collected}: {accounts:?}");
}
