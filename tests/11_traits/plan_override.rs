use super::*;

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
