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

/// The "basics" fixture with borrow1's solution in the learner's place; children start through
/// rustprep's launcher, as in the binary.
fn basics_with_borrow1_solved() -> common::Kit {
    #[cfg(unix)]
    rustprep::launch::use_helper(env!("CARGO_BIN_EXE_rustprep").into());
    let fixture = common::Kit::new("basics");
    let solution = fixture.read("solutions/01_borrowing/borrow1.rs");
    fixture.write("exercises/01_borrowing/borrow1.rs", &solution);
    fixture
}

fn index_of(kit: &Kit, name: &str) -> usize {
    kit.list
        .exercises()
        .iter()
        .position(|e| e.name == name)
        .unwrap()
}

/// An exercise's tests start as soon as its binary is built, while the rest of the build goes
/// on: here one exercise's verdict comes while the other's compile never ends, and the run is
/// then cancelled. A runner that ran tests only once everything had compiled would give no
/// verdict until the watchdog below cancels the run.
#[test]
fn an_exercise_is_graded_while_another_is_still_compiling() {
    let fixture = basics_with_borrow1_solved();
    let other = fixture.read("solutions/01_borrowing/borrow2.rs");
    fixture.write(
        "exercises/01_borrowing/borrow2.rs",
        &format!("{other}{ENDLESS_CONSTANT}"),
    );
    let kit = Kit::open(fixture.root()).expect("the fixture kit loads");
    let index = |name: &str| index_of(&kit, name);
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

/// In the learner's loop a test binary's tests start from the list kept at its last build,
/// while the new binary is listed. A kept list that has lost one of the tests and names one
/// that no longer exists still gives exactly the binary's tests, each judged, in its order.
#[test]
fn the_tests_kept_from_the_last_build_give_way_to_the_binarys_own_list() {
    let fixture = basics_with_borrow1_solved();
    let kit = Kit::open(fixture.root()).expect("the fixture kit loads");
    let index = index_of(&kit, "borrow1");
    let run = || {
        let end = runner::run(
            &kit,
            &Source::Learner,
            &[index],
            &RunOptions::default(),
            &Cancel::default(),
            &|_| {},
        );
        let Ok(RunEnd::Done(mut results)) = end else {
            panic!("the run did not end with results");
        };
        results.pop().expect("one outcome").1
    };
    let first = run();
    assert_eq!(first.status, Status::Pass, "{first:?}");
    let names: Vec<String> = first.tests.iter().map(|t| t.name.clone()).collect();
    assert!(names.len() >= 2, "{names:?}");

    let kept = fixture
        .root()
        .join("target/rustprep/target-plain/rustprep-direct/borrow1.tests");
    let listed = std::fs::read_to_string(&kept).expect("the tests are kept");
    assert_eq!(listed.lines().count(), names.len(), "{listed}");
    // Kept from some other build: one test lost, one that is not there.
    let mut stale: Vec<&str> = listed.lines().skip(1).collect();
    stale.push("hidden_tests::no_longer_there");
    std::fs::write(&kept, stale.join("\n")).unwrap();

    let second = run();
    assert_eq!(second.status, Status::Pass, "{second:?}");
    let again: Vec<String> = second.tests.iter().map(|t| t.name.clone()).collect();
    assert_eq!(again, names);
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), listed);
}
