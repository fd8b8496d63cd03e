//! The runner through its library API, on a fixture kit: what only its events show, such as when
//! an exercise's tests start. Nothing here asserts how long anything takes.

#[path = "common/mod.rs"]
mod common;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use rustprep::kit::{Kit, Source};
use rustprep::outcome::Status;
use rustprep::runner::{self, Event, RunEnd, RunOptions};
use rustprep::supervise::Cancel;

/// A constant the compiler evaluates for ever (the lint that would stop it is allowed).
const ENDLESS_CONSTANT: &str = "
#[allow(long_running_const_eval)]
const _: u64 = {
    let mut i: u64 = 0;
    while i < u64::MAX {
        i = i.wrapping_add(1) | 1;
    }
    i
};
";

/// An exercise's tests start as soon as its binary is built, while the rest of the build goes
/// on: here one exercise's verdict comes while the other's compile never ends, and the run is
/// then cancelled. A runner that ran tests only once everything had compiled would give no
/// verdict until the watchdog below cancels the run.
#[test]
fn an_exercise_is_graded_while_another_is_still_compiling() {
    #[cfg(unix)]
    rustprep::launch::use_helper(env!("CARGO_BIN_EXE_rustprep").into());
    let fixture = common::Kit::new("basics");
    let solution = fixture.read("solutions/01_borrowing/borrow1.rs");
    fixture.write("exercises/01_borrowing/borrow1.rs", &solution);
    let other = fixture.read("solutions/01_borrowing/borrow2.rs");
    fixture.write(
        "exercises/01_borrowing/borrow2.rs",
        &format!("{other}{ENDLESS_CONSTANT}"),
    );
    let kit = Kit::open(fixture.root()).expect("the fixture kit loads");
    let index = |name: &str| {
        kit.list
            .exercises()
            .iter()
            .position(|e| e.name == name)
            .unwrap()
    };
    let (quick, endless) = (index("borrow1"), index("borrow2"));

    let cancel = Cancel::default();
    let finished: Mutex<Vec<(usize, Status)>> = Mutex::default();
    let end = std::thread::scope(|scope| {
        // Far beyond any build of one small exercise: only a runner that waits for every build
        // gets here.
        scope.spawn(|| {
            let give_up = Instant::now() + Duration::from_secs(300);
            while !cancel.is_cancelled() && Instant::now() < give_up {
                std::thread::sleep(Duration::from_millis(100));
            }
            cancel.cancel();
        });
        let on_event = |event: Event<'_>| {
            if let Event::Finished { index, outcome, .. } = event {
                finished.lock().unwrap().push((index, outcome.status));
                cancel.cancel();
            }
        };
        let end = runner::run(
            &kit,
            &Source::Learner,
            &[quick, endless],
            &RunOptions::default(),
            &cancel,
            &on_event,
        );
        cancel.cancel();
        end
    });
    let end = end.expect("the runner works");
    assert!(matches!(end, RunEnd::Cancelled));
    assert_eq!(
        finished.into_inner().unwrap(),
        [(quick, Status::Pass)],
        "the quick exercise's verdict, and no other, came before the run was cancelled"
    );
}
