// Question 1: What is Rust, and where is it mostly used?
// Feature: enums carry data, and `match` must be exhaustive. When a variant is added, every
// `match` that does not handle it stops compiling, so no code path can forget the new case.
//
// A parcel service has just added a delivery option: `Locker`, where the parcel waits in a
// locker until the customer opens it with a code. The rules for the new option:
//   - price: 350 cents plus 100 cents per started kilogram (1 g to 1000 g is one kilogram);
//   - no signature is needed (the code is the proof of delivery).
//
// The crate no longer compiles. Let the compiler show you every place the new option is missing,
// and handle it there.

#[derive(Debug, Clone, PartialEq)]
enum Delivery {
    Standard,
    Express { before_noon: bool },
    Courier { floors: u8 },
    // New this week.
    Locker { locker_id: u32 },
}

fn started_kilograms(weight_grams: u32) -> u32 {
    weight_grams.div_ceil(1_000)
}

fn price_cents(delivery: &Delivery, weight_grams: u32) -> u32 {
    let kilograms = started_kilograms(weight_grams);
    match delivery {
        Delivery::Standard => 490 + 100 * kilograms,
        Delivery::Express { before_noon } => {
            let surcharge = if *before_noon { 500 } else { 0 };
            990 + 150 * kilograms + surcharge
        }
        Delivery::Courier { floors } => 1_500 + 50 * u32::from(*floors),
        // The compiler pointed here: the match did not cover `Locker`.
        Delivery::Locker { .. } => 350 + 100 * kilograms,
    }
}

fn needs_signature(delivery: &Delivery) -> bool {
    match delivery {
        // A wildcard `_ => false` would also compile, but it would silently swallow the next
        // variant too. Naming each variant keeps the compiler's help.
        Delivery::Standard | Delivery::Locker { .. } => false,
        Delivery::Express { .. } | Delivery::Courier { .. } => true,
    }
}

fn main() {
    let options = [
        Delivery::Standard,
        Delivery::Express { before_noon: true },
        Delivery::Courier { floors: 3 },
        Delivery::Locker { locker_id: 17 },
    ];
    for delivery in &options {
        println!(
            "{delivery:?}: {} cents, signature: {}",
            price_cents(delivery, 2_500),
            needs_signature(delivery)
        );
    }
}
