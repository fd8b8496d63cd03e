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

// An associated type is an output of the impl: each type implements the trait once, and that
// impl fixes `Target`. A type parameter is an input: `Meters: Convert<Feet>` and
// `Meters: Convert<Kilometers>` are two different traits to implement, and the caller's
// expected type picks one.
trait Convert<Target> {
    fn convert(self) -> Target;
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Meters(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Feet(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Kilometers(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Miles(f64);

impl Convert<Feet> for Meters {
    fn convert(self) -> Feet {
        Feet(self.0 / 0.3048)
    }
}

impl Convert<Kilometers> for Meters {
    fn convert(self) -> Kilometers {
        Kilometers(self.0 / 1000.0)
    }
}

impl Convert<Meters> for Miles {
    fn convert(self) -> Meters {
        Meters(self.0 * 1609.344)
    }
}

/// Every leg of a route, converted.
fn convert_all<T, U>(legs: &[T]) -> Vec<U>
where
    T: Convert<U> + Copy,
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
