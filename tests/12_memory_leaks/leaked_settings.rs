use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn loads_the_settings() {
    let settings = load_settings("workers = 2\ngreeting = hej").unwrap();
    assert_eq!(
        settings,
        &Settings {
            workers: 2,
            greeting: "hej".into()
        }
    );
}

#[test]
fn workers_share_the_settings() {
    let settings = load_settings("greeting = good morning\n\nworkers = 3\n").unwrap();
    assert_eq!(
        start_workers(settings),
        [
            "good morning from worker 1",
            "good morning from worker 2",
            "good morning from worker 3"
        ]
    );
    // The settings are still there once the workers are done.
    assert_eq!(settings.workers, 3);
}

#[test]
fn the_reference_outlives_the_text_it_came_from() {
    let settings = {
        let text = String::from("workers = 1\ngreeting = ciao");
        load_settings(&text).unwrap()
    };
    let from_another_thread = std::thread::spawn(move || settings.greeting.clone());
    assert_eq!(from_another_thread.join().unwrap(), "ciao");
}

#[test]
fn each_load_gets_its_own_settings() {
    let first = load_settings("workers = 1\ngreeting = one").unwrap();
    let second = load_settings("workers = 2\ngreeting = two").unwrap();
    assert!(!std::ptr::eq(first, second));
    assert_eq!((first.workers, second.workers), (1, 2));
}

#[test]
fn bad_settings_are_errors() {
    assert!(load_settings("workers = many\ngreeting = hi").is_err());
    assert!(load_settings("workers = 2").is_err());
    assert!(load_settings("workers = 2\ngreeting = hi\ncolour = red").is_err());
    assert!(load_settings("just words").is_err());
}

#[test]
fn zero_workers_start_nothing() {
    let settings = load_settings("workers = 0\ngreeting = hi").unwrap();
    assert!(start_workers(settings).is_empty());
}
