// Question 10: What are generics in Rust?
//
// A route planner stores distances in meters and shows them in the unit each hiker prefers.
// `Convert` turns a value of one unit into another, and `convert_all` converts every leg of a
// route, for any pair of units that has a conversion.
//
// `Meters` needs two conversions, to `Feet` and to `Kilometers`, and the second impl does not
// compile: the compiler calls the two impls conflicting. Change how `Convert` names the unit it
// converts to, so that a unit can have a conversion for each target, and make the code that
// uses it compile again. The conversions themselves are right; a conversion is still asked for
// with `.convert()`, with the target unit chosen by the caller.

trait Convert {
    // TODO: a unit can convert to only one `Target` this way.
    type Target;

    fn convert(self) -> Self::Target;
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Meters(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Feet(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Kilometers(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Miles(f64);

impl Convert for Meters {
    type Target = Feet;

    fn convert(self) -> Feet {
        Feet(self.0 / 0.3048)
    }
}

impl Convert for Meters {
    type Target = Kilometers;

    fn convert(self) -> Kilometers {
        Kilometers(self.0 / 1000.0)
    }
}

impl Convert for Miles {
    type Target = Meters;

    fn convert(self) -> Meters {
        Meters(self.0 * 1609.344)
    }
}

/// Every leg of a route, converted.
fn convert_all<T, U>(legs: &[T]) -> Vec<U>
where
    T: Convert<Target = U> + Copy,
{
    legs.iter().map(|&leg| leg.convert()).collect()
}

struct Route {
    name: String,
    legs: Vec<Meters>,
}

impl Route {
    fn total(&self) -> Meters {
        Meters(self.legs.iter().map(|leg| leg.0).sum())
    }

    fn summary_km(&self) -> String {
        let total: Kilometers = self.total().convert();
        format!("{}: {:.1} km", self.name, total.0)
    }

    fn summary_feet(&self) -> String {
        let total: Feet = self.total().convert();
        format!("{}: {:.0} ft", self.name, total.0)
    }
}

fn main() {
    let imported = [Miles(1.5), Miles(0.25)];
    let route = Route {
        name: "Ridge loop".into(),
        legs: convert_all(&imported),
    };
    println!("{}", route.summary_km());
    println!("{}", route.summary_feet());
}
