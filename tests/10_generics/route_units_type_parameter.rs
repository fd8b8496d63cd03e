use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9 * expected.abs().max(1.0)
}

#[test]
fn meters_convert_to_either_unit_the_caller_asks_for() {
    let feet: Feet = Meters(3.048).convert();
    assert!(close(feet.0, 10.0), "3.048 m is 10 ft, got {}", feet.0);
    let km: Kilometers = Meters(3.048).convert();
    assert!(
        close(km.0, 0.003048),
        "3.048 m is 0.003048 km, got {}",
        km.0
    );
    let km: Kilometers = Meters(42_195.0).convert();
    assert!(close(km.0, 42.195));
    let meters: Meters = Miles(2.0).convert();
    assert!(close(meters.0, 3218.688));
}

#[test]
fn convert_all_works_for_every_target() {
    let legs = [Meters(304.8), Meters(1000.0), Meters(0.0)];
    let feet: Vec<Feet> = convert_all(&legs);
    let km: Vec<Kilometers> = convert_all(&legs);
    let feet: Vec<f64> = feet.iter().map(|f| f.0).collect();
    let km: Vec<f64> = km.iter().map(|k| k.0).collect();
    assert_eq!(feet.len(), 3);
    assert!(close(feet[0], 1000.0) && close(feet[1], 1000.0 / 0.3048) && feet[2] == 0.0);
    assert!(close(km[0], 0.3048) && close(km[1], 1.0) && km[2] == 0.0);

    let imported: Vec<Meters> = convert_all(&[Miles(1.0), Miles(0.5)]);
    assert!(close(imported[0].0, 1609.344) && close(imported[1].0, 804.672));
    assert!(convert_all::<Miles, Meters>(&[]).is_empty());
}

// A unit of the tests' own, with two conversions of its own.
#[derive(Clone, Copy)]
struct Yards(f64);

impl Convert<Meters> for Yards {
    fn convert(self) -> Meters {
        Meters(self.0 * 0.9144)
    }
}

impl Convert<Feet> for Yards {
    fn convert(self) -> Feet {
        Feet(self.0 * 3.0)
    }
}

#[test]
fn any_unit_can_have_a_conversion_per_target() {
    let pitch = [Yards(100.0), Yards(10.0)];
    let meters: Vec<Meters> = convert_all(&pitch);
    let feet: Vec<Feet> = convert_all(&pitch);
    assert!(close(meters[0].0, 91.44) && close(meters[1].0, 9.144));
    assert!(close(feet[0].0, 300.0) && close(feet[1].0, 30.0));
    let km: Kilometers = meters[0].convert();
    assert!(close(km.0, 0.09144));
}

#[test]
fn route_summaries_use_both_units() {
    let route = Route {
        name: "Ridge loop".into(),
        legs: convert_all(&[Miles(1.5), Miles(0.25)]),
    };
    assert_eq!(route.summary_km(), "Ridge loop: 2.8 km");
    assert_eq!(route.summary_feet(), "Ridge loop: 9240 ft");
    let short = Route {
        name: "Pier".into(),
        legs: vec![Meters(152.4), Meters(152.4)],
    };
    assert_eq!(short.summary_feet(), "Pier: 1000 ft");
    assert_eq!(short.summary_km(), "Pier: 0.3 km");
    assert!(close(short.total().0, 304.8));
}
