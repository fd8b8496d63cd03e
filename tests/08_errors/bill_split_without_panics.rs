use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn an_even_split() {
    assert_eq!(split_bill(9_000, 3), Ok(vec![3_000, 3_000, 3_000]));
}

#[test]
fn left_over_cents_go_to_the_first_diners() {
    assert_eq!(split_bill(10_000, 3), Ok(vec![3_334, 3_333, 3_333]));
    assert_eq!(split_bill(7, 4), Ok(vec![2, 2, 2, 1]));
    assert_eq!(split_bill(2, 5), Ok(vec![1, 1, 0, 0, 0]));
}

#[test]
fn one_diner_pays_everything_and_a_free_meal_is_free() {
    assert_eq!(split_bill(1_234, 1), Ok(vec![1_234]));
    assert_eq!(split_bill(0, 4), Ok(vec![0, 0, 0, 0]));
}

#[test]
fn zero_diners_is_an_error_not_a_panic() {
    assert_eq!(split_bill(5_000, 0), Err(BillError::NoDiners));
    assert_eq!(split_bill(0, 0), Err(BillError::NoDiners));
}

#[test]
fn too_many_diners_is_an_error_not_a_panic() {
    assert_eq!(
        split_bill(5_000, MAX_DINERS + 1),
        Err(BillError::TooManyDiners {
            asked: MAX_DINERS + 1,
            max: MAX_DINERS
        })
    );
    assert_eq!(
        split_bill(5_000, usize::MAX),
        Err(BillError::TooManyDiners {
            asked: usize::MAX,
            max: MAX_DINERS
        })
    );
}

#[test]
fn the_largest_table_is_accepted() {
    let shares = split_bill(u64::MAX, MAX_DINERS).unwrap();
    assert_eq!(shares.len(), MAX_DINERS);
    assert_eq!(
        shares.iter().map(|&s| u128::from(s)).sum::<u128>(),
        u128::from(u64::MAX)
    );
}

#[test]
fn shares_always_add_up_to_the_total() {
    for diners in 1..=MAX_DINERS {
        for total in [0, 1, 99, 1_001, 123_457] {
            let shares = split_bill(total, diners).unwrap();
            assert_eq!(shares.len(), diners);
            assert_eq!(shares.iter().sum::<u64>(), total, "{total} / {diners}");
            let (max, min) = (shares.iter().max().unwrap(), shares.iter().min().unwrap());
            assert!(max - min <= 1, "{total} / {diners}: {shares:?}");
        }
    }
}
