use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::num::IntErrorKind;

fn job(name: &str, every_minutes: u32) -> Job {
    Job {
        name: name.to_string(),
        every_minutes,
    }
}

#[test]
fn a_good_schedule_loads() {
    let text = "# nightly\nbackup every 30\n\n  rotate-logs every 1440  \n";
    assert_eq!(
        load_schedule(text).unwrap(),
        vec![job("backup", 30), job("rotate-logs", 1440)]
    );
    assert_eq!(load_schedule("").unwrap(), vec![]);
}

#[test]
fn a_bad_interval_is_a_schedule_error_with_its_line_and_job() {
    let err = load_schedule("# nightly jobs\nbackup every 3O\nrotate-logs every 1440").unwrap_err();
    let sched = err
        .downcast_ref::<ScheduleError>()
        .expect("a bad interval should be a ScheduleError");
    assert_eq!(sched.line, 2);
    assert_eq!(sched.job, "backup");
    assert_eq!(sched.source.kind(), &IntErrorKind::InvalidDigit);
}

#[test]
fn the_report_tells_the_whole_story() {
    let err = load_schedule("# nightly jobs\nbackup every 3O").unwrap_err();
    assert_eq!(
        report(err.as_ref()),
        "line 2: bad interval for job `backup`: invalid digit found in string"
    );
}

#[test]
fn the_parse_error_is_kept_as_the_source() {
    let err = load_schedule("a every 1\nb every 2\n\nsweep every 99999999999").unwrap_err();
    let source = err
        .source()
        .expect("the ScheduleError should have a source");
    let cause = source.downcast_ref::<ParseIntError>().unwrap();
    assert_eq!(cause.kind(), &IntErrorKind::PosOverflow);
    assert_eq!(
        report(err.as_ref()),
        "line 4: bad interval for job `sweep`: number too large to fit in target type"
    );
}

#[test]
fn the_first_bad_line_is_reported() {
    let err = load_schedule("x every -5\ny every z").unwrap_err();
    let sched = err.downcast_ref::<ScheduleError>().unwrap();
    assert_eq!((sched.line, sched.job.as_str()), (1, "x"));
}

#[test]
fn a_malformed_line_is_still_a_plain_message() {
    let err = load_schedule("backup every 30\nbackup at noon").unwrap_err();
    assert!(err.downcast_ref::<ScheduleError>().is_none());
    assert_eq!(
        report(err.as_ref()),
        "line 2: expected `NAME every MINUTES`"
    );
}
