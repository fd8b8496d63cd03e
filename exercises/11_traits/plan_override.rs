// Question 11: How do you implement inheritance in Rust?
//
// Overriding a trait's default method means writing a method with the same name in the type's
// `impl Trait for Type` block. A method of the same name in a plain `impl Type` block is not an
// override: it is a different method that shares the name. Calling it on the concrete type
// picks it, but the trait's default methods, generic code and trait objects only know the
// trait's version.
//
// Subscription plans have a monthly price and, by default, no discount. The annual plan should
// get 15% off its yearly price. Asked directly, an `AnnualPlan` reports its 15% discount, yet
// its yearly price, and the checkout, which works with any `&dyn Plan`, charge full price.
// Make the discount a real override.

trait Plan {
    fn name(&self) -> String;
    fn monthly_cents(&self) -> u64;

    fn discount_percent(&self) -> u64 {
        0
    }

    fn yearly_cents(&self) -> u64 {
        self.monthly_cents() * 12 * (100 - self.discount_percent()) / 100
    }
}

struct MonthlyPlan {
    tier: &'static str,
    cents: u64,
}

struct AnnualPlan {
    tier: &'static str,
    cents: u64,
}

impl Plan for MonthlyPlan {
    fn name(&self) -> String {
        format!("{} (monthly)", self.tier)
    }

    fn monthly_cents(&self) -> u64 {
        self.cents
    }
}

impl Plan for AnnualPlan {
    fn name(&self) -> String {
        format!("{} (annual)", self.tier)
    }

    fn monthly_cents(&self) -> u64 {
        self.cents
    }
}

// TODO: this was meant to override the trait's default.
impl AnnualPlan {
    fn discount_percent(&self) -> u64 {
        15
    }
}

/// What a cart of plans costs for a year.
fn checkout(cart: &[&dyn Plan]) -> u64 {
    cart.iter().map(|plan| plan.yearly_cents()).sum()
}

fn main() {
    let pro = AnnualPlan {
        tier: "Pro",
        cents: 2000,
    };
    println!("{}: {}% off", pro.name(), pro.discount_percent());
    println!("charged {}", checkout(&[&pro]));
}
