use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::cell::Cell;

// A feed of the tests' own: it writes `name` and `each` only, and counts how often `each` runs.
struct Ramp {
    start: f64,
    step: f64,
    len: u32,
    walks: Cell<u32>,
}

impl Feed for Ramp {
    fn name(&self) -> &str {
        "ramp"
    }

    fn each(&self, visit: &mut dyn FnMut(&Reading)) {
        self.walks.set(self.walks.get() + 1);
        for minute in 0..self.len {
            visit(&Reading {
                minute,
                celsius: self.start + self.step * f64::from(minute),
            });
        }
    }
}

fn ramp(start: f64, step: f64, len: u32) -> Ramp {
    Ramp {
        start,
        step,
        len,
        walks: Cell::new(0),
    }
}

fn sensor(label: &str, temps: &[f64]) -> Sensor {
    Sensor {
        label: label.to_owned(),
        recent: temps
            .iter()
            .zip(0..)
            .map(|(&celsius, minute)| Reading { minute, celsius })
            .collect(),
    }
}

// Collects into something that is not a `Vec`: only the minutes.
#[derive(Default)]
struct Minutes(Vec<u32>);

impl Extend<Reading> for Minutes {
    fn extend<I: IntoIterator<Item = Reading>>(&mut self, items: I) {
        self.0.extend(items.into_iter().map(|r| r.minute));
    }
}

#[test]
fn feeds_are_usable_as_trait_objects() {
    let feeds: Vec<Box<dyn Feed>> = vec![Box::new(ramp(20.0, 1.0, 3)), Box::new(sensor("s", &[]))];
    let names: Vec<&str> = feeds.iter().map(|f| f.name()).collect();
    assert_eq!(names, ["ramp", "s"]);
}

#[test]
fn helpers_work_on_a_concrete_feed() {
    let up = ramp(20.0, 2.5, 5);
    assert_eq!(up.count_where(|r| r.celsius >= 25.0), 3);
    let limit = 21.0;
    assert_eq!(up.count_where(move |r| r.celsius < limit), 1);
    let mut minutes = Minutes::default();
    up.collect_into(&mut minutes);
    assert_eq!(minutes.0, [0, 1, 2, 3, 4]);
    assert_eq!(up.walks.get(), 3, "each helper walks the feed exactly once");
}

#[test]
fn helpers_work_through_references_and_boxes_to_dyn_feed() {
    let up = ramp(10.0, 10.0, 4);
    let as_dyn: &dyn Feed = &up;
    assert_eq!(as_dyn.count_where(|r| r.celsius > 15.0), 3);
    let mut all: Vec<Reading> = Vec::new();
    as_dyn.collect_into(&mut all);
    let temps: Vec<f64> = all.iter().map(|r| r.celsius).collect();
    assert_eq!(temps, [10.0, 20.0, 30.0, 40.0]);

    let boxed: Box<dyn Feed> = Box::new(sensor("west", &[18.0, 29.5, 31.0]));
    assert_eq!(boxed.count_where(|r| r.celsius > 29.0), 2);
    let mut minutes = Minutes::default();
    boxed.collect_into(&mut minutes);
    boxed.collect_into(&mut minutes);
    assert_eq!(minutes.0, [0, 1, 2, 0, 1, 2]);
    assert_eq!(up.walks.get(), 2);
}

#[test]
fn a_generic_function_can_use_the_helpers_on_any_feed() {
    fn hot<F: Feed + ?Sized>(feed: &F) -> usize {
        feed.count_where(|r| r.celsius > 30.0)
    }
    let replay = Replay {
        log: "0 29.0\n1 31.0\nnot a reading\n2 35.5".into(),
    };
    assert_eq!(hot(&replay), 2);
    let as_dyn: &dyn Feed = &replay;
    assert_eq!(hot(as_dyn), 2);
    assert_eq!(hot(&ramp(30.0, 1.0, 4)), 3);
}

#[test]
fn the_dashboard_reports_alarms_and_readings() {
    let mut dashboard = Dashboard::default();
    dashboard
        .feeds
        .push(Box::new(sensor("north", &[22.0, 30.5])));
    dashboard.feeds.push(Box::new(ramp(28.0, 1.0, 4)));
    dashboard.feeds.push(Box::new(Replay {
        log: "3 19.0\n4 20.0".into(),
    }));
    assert_eq!(
        dashboard.alarms(29.0),
        [("north".to_owned(), 1), ("ramp".to_owned(), 2)]
    );
    assert_eq!(dashboard.alarms(35.0), []);
    assert_eq!(dashboard.alarms(0.0).len(), 3);
    let minutes: Vec<u32> = dashboard.all_readings().iter().map(|r| r.minute).collect();
    assert_eq!(minutes, [0, 1, 0, 1, 2, 3, 3, 4]);
}
