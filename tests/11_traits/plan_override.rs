use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn pro_annual() -> AnnualPlan {
    AnnualPlan {
        tier: "Pro",
        cents: 2000,
    }
}

fn basic_monthly() -> MonthlyPlan {
    MonthlyPlan {
        tier: "Basic",
        cents: 500,
    }
}

#[test]
fn the_annual_plan_pays_less_per_year() {
    assert_eq!(pro_annual().yearly_cents(), 20_400);
}

#[test]
fn the_discount_is_seen_through_a_trait_object() {
    let plan: &dyn Plan = &pro_annual();
    assert_eq!(plan.discount_percent(), 15);
    assert_eq!(plan.yearly_cents(), 20_400);
}

#[test]
fn the_discount_is_seen_by_generic_code() {
    fn describe<P: Plan>(plan: &P) -> String {
        format!("{}: {}% off", plan.name(), plan.discount_percent())
    }
    assert_eq!(describe(&pro_annual()), "Pro (annual): 15% off");
    assert_eq!(describe(&basic_monthly()), "Basic (monthly): 0% off");
}

#[test]
fn monthly_plans_keep_the_default() {
    assert_eq!(basic_monthly().discount_percent(), 0);
    assert_eq!(basic_monthly().yearly_cents(), 6000);
}

#[test]
fn checkout_charges_each_plan_its_own_price() {
    let team = AnnualPlan {
        tier: "Team",
        cents: 10_000,
    };
    let cart: [&dyn Plan; 3] = [&pro_annual(), &basic_monthly(), &team];
    assert_eq!(checkout(&cart), 20_400 + 6000 + 102_000);
    assert_eq!(checkout(&[]), 0);
}

#[test]
fn a_plan_that_keeps_the_default_gets_no_discount_whatever_it_is_called() {
    // Named like an annual plan, but it does not override the discount.
    struct LegacyAnnualPlan {
        cents: u64,
    }
    impl Plan for LegacyAnnualPlan {
        fn name(&self) -> String {
            ::std::string::String::from("Legacy (annual)")
        }
        fn monthly_cents(&self) -> u64 {
            self.cents
        }
    }
    let legacy = LegacyAnnualPlan { cents: 1000 };
    assert_eq!(legacy.discount_percent(), 0);
    assert_eq!(legacy.yearly_cents(), 12_000);
    let plan: &dyn Plan = &legacy;
    assert_eq!(plan.discount_percent(), 0);
    assert_eq!(checkout(&[&legacy]), 12_000);
    assert_eq!(checkout(&[&legacy, &pro_annual()]), 12_000 + 20_400);
}

#[test]
fn any_plan_can_override_the_discount() {
    struct StudentPlan;
    impl Plan for StudentPlan {
        fn name(&self) -> String {
            ::std::string::String::from("Student")
        }
        fn monthly_cents(&self) -> u64 {
            1000
        }
        fn discount_percent(&self) -> u64 {
            40
        }
    }
    assert_eq!(StudentPlan.yearly_cents(), 7200);
    assert_eq!(checkout(&[&StudentPlan, &basic_monthly()]), 7200 + 6000);
}
