use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::mem::drop;

use std::time::Duration;

fn station(name: &str, readings: &[f32]) -> Station {
    Station {
        name: name.to_string(),
        readings: readings.to_vec(),
    }
}

/// Runs `collect_readings` on tokio's paused clock: if it is stuck waiting, the runtime has
/// nothing left to do and jumps straight to the timeout instead of waiting for real.
async fn collect(stations: Vec<Station>) -> BTreeMap<String, Vec<f32>> {
    let start = tokio::time::Instant::now();
    let readings = tokio::time::timeout(Duration::from_secs(3600), collect_readings(stations))
        .await
        .expect("collect_readings received every reading but never returned");
    // No station ever sleeps, so the collector has no reason to let the clock move.
    assert_eq!(
        start.elapsed(),
        Duration::ZERO,
        "collect_readings waited on a timer: it should stop as soon as the channel closes"
    );
    readings
}

#[tokio::test(start_paused = true)]
async fn gathers_every_station() {
    let result = collect(vec![
        station("Bergen", &[7.5, 8.0, 8.25]),
        station("Tromso", &[-3.0, -2.5]),
        station("Oslo", &[11.0]),
    ])
    .await;
    let expected = BTreeMap::from([
        ("Bergen".to_string(), vec![7.5, 8.0, 8.25]),
        ("Oslo".to_string(), vec![11.0]),
        ("Tromso".to_string(), vec![-3.0, -2.5]),
    ]);
    assert_eq!(result, expected);
}

#[tokio::test(start_paused = true)]
async fn no_stations_means_no_readings() {
    assert!(collect(Vec::new()).await.is_empty());
}

#[tokio::test(start_paused = true)]
async fn a_silent_station_does_not_appear() {
    let result = collect(vec![station("Alta", &[]), station("Bodo", &[4.0])]).await;
    assert_eq!(result, BTreeMap::from([("Bodo".to_string(), vec![4.0])]));
}

#[tokio::test(start_paused = true)]
async fn more_readings_than_the_buffer_holds_keep_their_order() {
    let many: Vec<f32> = (0..50).map(|i| i as f32 / 2.0).collect();
    let result = collect(vec![station("Narvik", &many), station("Hamar", &many[..9])]).await;
    assert_eq!(result["Narvik"], many);
    assert_eq!(result["Hamar"], many[..9]);
}

#[tokio::test(start_paused = true)]
async fn a_broken_sensor_ends_its_station_early() {
    let result = collect(vec![
        station("Vardo", &[2.0, f32::NAN, 3.0, 4.0]),
        station("Molde", &[9.5, 9.0]),
        station("Roros", &[f32::NAN, -20.0]),
    ])
    .await;
    assert_eq!(
        result,
        BTreeMap::from([
            ("Molde".to_string(), vec![9.5, 9.0]),
            ("Vardo".to_string(), vec![2.0]),
        ])
    );
}

/// A waker that counts how many times it was used.
#[derive(Default)]
struct CountingWaker(::std::sync::atomic::AtomicUsize);

impl ::std::task::Wake for CountingWaker {
    fn wake(self: ::std::sync::Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &::std::sync::Arc<Self>) {
        self.0.fetch_add(1, ::std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn the_collector_waits_for_the_channel_without_polling_it_in_a_loop() {
    let runtime = ::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    let wakes = ::std::sync::Arc::new(CountingWaker::default());
    let waker = ::std::task::Waker::from(::std::sync::Arc::clone(&wakes));
    let mut cx = ::std::task::Context::from_waker(&waker);
    let mut collecting = ::std::pin::pin!(collect_readings(vec![
        station("Lom", &[1.5, 2.5]),
        station("Voss", &[0.5]),
    ]));
    // One poll by hand, with nothing driving the runtime: the producer tasks are spawned
    // but cannot run, so no reading can have arrived yet.
    let inside = runtime.enter();
    let first = collecting.as_mut().poll(&mut cx);
    drop(inside);
    assert!(first.is_pending(), "readings came before any station ran");
    assert_eq!(
        wakes.0.load(::std::sync::atomic::Ordering::SeqCst),
        0,
        "nothing was sent, yet the collector asked to be polled again at once: it is checking \
         the channel in a loop instead of waiting on `recv`"
    );
    let result = runtime
        .block_on(async { ::tokio::time::timeout(Duration::from_secs(3600), collecting).await })
        .expect("collect_readings received every reading but never returned");
    assert_eq!(result["Lom"], [1.5, 2.5]);
    assert_eq!(result["Voss"], [0.5]);
}
