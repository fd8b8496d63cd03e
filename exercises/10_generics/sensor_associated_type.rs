// Question 10: What are generics in Rust?
//
// Each kind of `Sensor` produces readings of its own type, named by the trait's associated type
// `Reading`: a thermometer reads `f64` degrees, a door contact reads `bool` (open or not), a
// turnstile reads a `u32` count. An implementation chooses `Reading` once, so generic code can
// name it as `S::Reading` without another type parameter.
//
// `take_readings` does not compile: its signature was written with the thermometer in mind.
// Make it work for every sensor. (`peak` is right as it is; see how it names the reading type
// and puts a bound on it in a `where` clause.)

trait Sensor {
    type Reading;

    fn read(&mut self) -> Self::Reading;
}

/// Replays recorded temperatures, starting over after the last one.
struct Thermometer {
    recorded: Vec<f64>,
    next: usize,
}

impl Sensor for Thermometer {
    type Reading = f64;

    fn read(&mut self) -> f64 {
        let value = self.recorded[self.next % self.recorded.len()];
        self.next += 1;
        value
    }
}

/// A door that is opened or closed between two readings.
struct DoorContact {
    open: bool,
}

impl Sensor for DoorContact {
    type Reading = bool;

    fn read(&mut self) -> bool {
        self.open = !self.open;
        self.open
    }
}

/// Counts the people who passed, `per_reading` more each time.
struct Turnstile {
    passed: u32,
    per_reading: u32,
}

impl Sensor for Turnstile {
    type Reading = u32;

    fn read(&mut self) -> u32 {
        self.passed += self.per_reading;
        self.passed
    }
}

// TODO: this signature only fits one kind of sensor.
fn take_readings<S: Sensor>(sensor: &mut S, count: usize) -> Vec<f64> {
    (0..count).map(|_| sensor.read()).collect()
}

/// The highest of the next `count` readings (the first of equal ones).
fn peak<S>(sensor: &mut S, count: usize) -> Option<S::Reading>
where
    S: Sensor,
    S::Reading: PartialOrd,
{
    take_readings(sensor, count)
        .into_iter()
        .reduce(|best, reading| if reading > best { reading } else { best })
}

fn main() {
    let mut kitchen = Thermometer {
        recorded: vec![19.5, 21.0, 20.25],
        next: 0,
    };
    println!("{:?}", take_readings(&mut kitchen, 4));
}
