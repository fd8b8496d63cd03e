use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn account(owner: &str, balance_cents: i64) -> Account {
    Account {
        owner: owner.to_string(),
        balance_cents,
        history: vec![balance_cents],
    }
}

#[test]
fn a_small_account_is_charged() {
    let mut accounts = vec![account("Ada", 25_000)];
    assert_eq!(month_end(&mut accounts, 450), 450);
    assert_eq!(accounts[0].balance_cents, 24_550);
    assert_eq!(accounts[0].history, vec![25_000, -450]);
}

#[test]
fn only_accounts_below_the_threshold_pay() {
    let mut accounts = vec![
        account("Ada", 99_999),
        account("Brian", 100_000),
        account("Chen", 250_000),
        account("Dara", 0),
    ];
    assert_eq!(month_end(&mut accounts, 300), 600);
    let balances: Vec<i64> = accounts.iter().map(|a| a.balance_cents).collect();
    assert_eq!(balances, vec![99_699, 100_000, 250_000, -300]);
    assert_eq!(accounts[1].history, vec![100_000]);
    assert_eq!(accounts[3].history, vec![0, -300]);
}

#[test]
fn two_month_ends_charge_twice() {
    let mut accounts = vec![account("Eve", 1_000)];
    month_end(&mut accounts, 200);
    month_end(&mut accounts, 200);
    assert_eq!(accounts[0].balance_cents, 600);
    assert_eq!(accounts[0].history, vec![1_000, -200, -200]);
}

#[test]
fn owners_are_untouched() {
    let mut accounts = vec![account("Fatima", 10), account("Gus", 20)];
    month_end(&mut accounts, 5);
    assert_eq!(accounts[0].owner, "Fatima");
    assert_eq!(accounts[1].owner, "Gus");
}

#[test]
fn no_accounts_no_fees() {
    assert_eq!(month_end(&mut [], 450), 0);
}

#[test]
fn the_accounts_are_charged_where_they_are() {
    // Charging a copy and writing the copy back is not changing the account: every owner's name
    // must still be the very string it was.
    let mut accounts = vec![account("Hana", 50), account("Ivo", 500_000)];
    let names: Vec<*const u8> = accounts.iter().map(|a| a.owner.as_ptr()).collect();
    assert_eq!(month_end(&mut accounts, 10), 10);
    assert_eq!(accounts[0].balance_cents, 40);
    for (account, name) in accounts.iter().zip(names) {
        assert!(
            std::ptr::eq(account.owner.as_ptr(), name),
            "{} was replaced by a copy",
            account.owner
        );
    }
}

#[test]
fn charge_changes_the_account_it_is_lent() {
    // `charge` borrows the caller's account mutably: the caller's own value changes.
    let charge_in_place: fn(&mut Account, i64) = charge;
    let mut acc = account("Jun", 700);
    let name = acc.owner.as_ptr();
    charge_in_place(&mut acc, 25);
    charge(&mut acc, 75);
    assert_eq!(acc.balance_cents, 600);
    assert_eq!(acc.history, vec![700, -25, -75]);
    assert!(::std::ptr::eq(acc.owner.as_ptr(), name));
}
