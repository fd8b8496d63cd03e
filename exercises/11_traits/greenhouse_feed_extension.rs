// Question 11: How do you implement inheritance in Rust?
//
// A greenhouse dashboard reads temperatures from feeds of several kinds (a live sensor, a
// replay of a log file...) and keeps them as `Box<dyn Feed>`. A feed writes two methods: its
// `name`, and `each`, which hands every reading it holds to a callback. On top of `each`, the
// trait gives every feed two helpers for free: `count_where` and `collect_into`.
//
// The dashboard does not compile: `Feed` cannot be used as `dyn Feed`. Make it work without
// losing anything: a feed still writes only `name` and `each` (the tests bring a feed of their
// own), and both helpers can be called, as now, on any feed (a concrete feed, a `&dyn Feed`, a
// `Box<dyn Feed>`), with a closure or a collection passed by value or by `&mut`, as now.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    minute: u32,
    celsius: f64,
}

trait Feed {
    fn name(&self) -> &str;
    /// Calls `visit` once for every reading, oldest first.
    fn each(&self, visit: &mut dyn FnMut(&Reading));

    // TODO: these two stop `Feed` from being used as `dyn Feed`.

    /// How many readings `keep` says yes to.
    fn count_where<P: Fn(&Reading) -> bool>(&self, keep: P) -> usize {
        let mut count = 0;
        self.each(&mut |reading| {
            if keep(reading) {
                count += 1;
            }
        });
        count
    }

    /// Adds every reading to `out`, oldest first.
    fn collect_into<C: Extend<Reading>>(&self, out: &mut C) {
        self.each(&mut |reading| out.extend([*reading]));
    }
}

/// The sensor in the greenhouse: its latest readings.
struct Sensor {
    label: String,
    recent: Vec<Reading>,
}

impl Feed for Sensor {
    fn name(&self) -> &str {
        &self.label
    }

    fn each(&self, visit: &mut dyn FnMut(&Reading)) {
        self.recent.iter().for_each(visit);
    }
}

/// A log replayed from text: one `minute celsius` pair per line.
struct Replay {
    log: String,
}

impl Feed for Replay {
    fn name(&self) -> &str {
        "replay"
    }

    fn each(&self, visit: &mut dyn FnMut(&Reading)) {
        for line in self.log.lines() {
            if let Some((minute, celsius)) = line.split_once(' ')
                && let (Ok(minute), Ok(celsius)) = (minute.parse(), celsius.parse())
            {
                visit(&Reading { minute, celsius });
            }
        }
    }
}

#[derive(Default)]
struct Dashboard {
    feeds: Vec<Box<dyn Feed>>,
}

impl Dashboard {
    /// For each feed that has readings above `limit`: its name and how many.
    fn alarms(&self, limit: f64) -> Vec<(String, usize)> {
        self.feeds
            .iter()
            .map(|feed| {
                (
                    feed.name().to_owned(),
                    feed.count_where(|r| r.celsius > limit),
                )
            })
            .filter(|&(_, count)| count > 0)
            .collect()
    }

    /// Every reading of every feed, feed by feed.
    fn all_readings(&self) -> Vec<Reading> {
        let mut all = Vec::new();
        for feed in &self.feeds {
            feed.collect_into(&mut all);
        }
        all
    }
}

fn main() {
    let mut dashboard = Dashboard::default();
    dashboard.feeds.push(Box::new(Sensor {
        label: "north bed".into(),
        recent: vec![Reading {
            minute: 1,
            celsius: 31.5,
        }],
    }));
    dashboard.feeds.push(Box::new(Replay {
        log: "0 24.0\n5 33.5\n10 35.0".into(),
    }));
    println!("{:?}", dashboard.alarms(30.0));
    println!("{} readings", dashboard.all_readings().len());
}
