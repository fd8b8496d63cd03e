use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn locker_prices_per_started_kilogram() {
    let locker = Delivery::Locker { locker_id: 4 };
    assert_eq!(price_cents(&locker, 0), 350);
    assert_eq!(price_cents(&locker, 1), 450);
    assert_eq!(price_cents(&locker, 1_000), 450);
    assert_eq!(price_cents(&locker, 1_001), 550);
    assert_eq!(price_cents(&locker, 7_250), 1_150);
}

#[test]
fn the_locker_id_does_not_change_the_price() {
    assert_eq!(
        price_cents(&Delivery::Locker { locker_id: 1 }, 2_000),
        price_cents(&Delivery::Locker { locker_id: 99_999 }, 2_000)
    );
}

#[test]
fn lockers_need_no_signature() {
    assert!(!needs_signature(&Delivery::Locker { locker_id: 8 }));
}

#[test]
fn the_old_options_keep_their_prices() {
    assert_eq!(price_cents(&Delivery::Standard, 2_500), 790);
    assert_eq!(
        price_cents(&Delivery::Express { before_noon: false }, 2_500),
        1_440
    );
    assert_eq!(
        price_cents(&Delivery::Express { before_noon: true }, 2_500),
        1_940
    );
    assert_eq!(price_cents(&Delivery::Courier { floors: 4 }, 2_500), 1_700);
}

#[test]
fn the_old_options_keep_their_signature_rules() {
    assert!(!needs_signature(&Delivery::Standard));
    assert!(needs_signature(&Delivery::Express { before_noon: true }));
    assert!(needs_signature(&Delivery::Courier { floors: 0 }));
}
