use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn kitchen() -> Thermometer {
    Thermometer {
        recorded: vec![19.5, 21.0, 20.25],
        next: 0,
    }
}

#[test]
fn thermometer_readings_are_floats() {
    let mut sensor = kitchen();
    let readings: Vec<f64> = take_readings(&mut sensor, 5);
    assert_eq!(readings, vec![19.5, 21.0, 20.25, 19.5, 21.0]);
    assert_eq!(peak(&mut kitchen(), 3), Some(21.0));
}

#[test]
fn door_readings_are_booleans() {
    let mut door = DoorContact { open: false };
    let readings: Vec<bool> = take_readings(&mut door, 3);
    assert_eq!(readings, vec![true, false, true]);
    assert_eq!(peak(&mut DoorContact { open: true }, 1), Some(false));
    assert_eq!(peak(&mut DoorContact { open: true }, 2), Some(true));
}

#[test]
fn turnstile_readings_are_counts() {
    let mut gate = Turnstile {
        passed: 10,
        per_reading: 4,
    };
    let readings: Vec<u32> = take_readings(&mut gate, 3);
    assert_eq!(readings, vec![14, 18, 22]);
    // The turnstile keeps counting from where it stopped.
    assert_eq!(peak(&mut gate, 2), Some(30));
}

#[test]
fn a_sensor_the_library_never_heard_of() {
    struct BadgeReader {
        queue: Vec<&'static str>,
    }
    impl Sensor for BadgeReader {
        type Reading = String;
        fn read(&mut self) -> String {
            self.queue.pop().unwrap_or("nobody").to_uppercase()
        }
    }

    let mut door = BadgeReader {
        queue: vec!["kofi", "zara", "abel"],
    };
    let badges: Vec<String> = take_readings(&mut door, 4);
    assert_eq!(badges, ["ABEL", "ZARA", "KOFI", "NOBODY"]);

    let mut again = BadgeReader {
        queue: vec!["kofi", "zara", "abel"],
    };
    assert_eq!(peak(&mut again, 3).as_deref(), Some("ZARA"));
}

#[test]
fn zero_readings() {
    let mut gate = Turnstile {
        passed: 0,
        per_reading: 1,
    };
    assert!(take_readings(&mut gate, 0).is_empty());
    assert_eq!(peak(&mut gate, 0), None);
    assert_eq!(gate.passed, 0, "no reading should have been taken");
}

#[test]
fn readings_of_a_type_with_no_traits_from_a_sensor_that_borrows() {
    // A reading that is not `Clone`, `Copy`, `Debug` or comparable.
    struct Snapshot {
        frame: u32,
        pixels: ::std::vec::Vec<u8>,
    }
    // A sensor that borrows the scene it films.
    struct Camera<'a> {
        scene: &'a [u8],
        frames: u32,
    }
    impl Sensor for Camera<'_> {
        type Reading = Snapshot;
        fn read(&mut self) -> Snapshot {
            self.frames += 1;
            let offset = self.frames as u8;
            Snapshot {
                frame: self.frames,
                pixels: self.scene.iter().map(|p| p + offset).collect(),
            }
        }
    }

    // The scene lives only as long as this test.
    let scene = ::std::vec![1u8, 2, 3];
    let mut camera = Camera {
        scene: &scene,
        frames: 0,
    };
    let shots: ::std::vec::Vec<Snapshot> = take_readings(&mut camera, 2);
    let frames: ::std::vec::Vec<(u32, ::std::vec::Vec<u8>)> =
        shots.into_iter().map(|s| (s.frame, s.pixels)).collect();
    assert_eq!(
        frames,
        [(1, ::std::vec![2, 3, 4]), (2, ::std::vec![3, 4, 5])]
    );
    assert_eq!(camera.frames, 2, "one read per reading");
}
