use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use tokio::time::Instant;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Loads the screen on tokio's paused clock and returns it with the virtual time it took.
async fn timed(city: &str, delays: Delays) -> (HomeScreen, Duration) {
    let start = Instant::now();
    let screen = load_home_screen(city, delays).await;
    (screen, start.elapsed())
}

fn assert_took(elapsed: Duration, expected: Duration) {
    assert!(
        elapsed >= expected && elapsed < expected + ms(5),
        "the screen took {elapsed:?} to load; with these delays it should take {expected:?}, \
         the delay of the slowest request"
    );
}

#[tokio::test(start_paused = true)]
async fn weather_is_the_slowest() {
    let delays = Delays {
        weather: ms(300),
        flights: ms(200),
        hotels: ms(100),
    };
    let (screen, elapsed) = timed("Lisbon", delays).await;
    assert_eq!(
        screen,
        HomeScreen {
            weather: "Lisbon: 21 C, clear sky".to_string(),
            flights: vec![
                "OSL -> Lisbon 07:40".to_string(),
                "OSL -> Lisbon 18:05".to_string()
            ],
            hotels: 24,
        }
    );
    assert_took(elapsed, ms(300));
}

#[tokio::test(start_paused = true)]
async fn flights_are_the_slowest() {
    let delays = Delays {
        weather: ms(50),
        flights: ms(400),
        hotels: ms(10),
    };
    let (screen, elapsed) = timed("Rome", delays).await;
    assert_eq!(screen.hotels, 16);
    assert_eq!(screen.flights.len(), 2);
    assert_took(elapsed, ms(400));
}

#[tokio::test(start_paused = true)]
async fn two_requests_tie_for_slowest() {
    let delays = Delays {
        weather: ms(250),
        flights: ms(40),
        hotels: ms(250),
    };
    let (_, elapsed) = timed("Oslo", delays).await;
    assert_took(elapsed, ms(250));
}

#[tokio::test(start_paused = true)]
async fn instant_services_take_no_time() {
    let delays = Delays {
        weather: ms(0),
        flights: ms(0),
        hotels: ms(0),
    };
    let (screen, elapsed) = timed("Kyiv", delays).await;
    assert_eq!(screen.weather, "Kyiv: 21 C, clear sky");
    assert_took(elapsed, ms(0));
}

#[tokio::test(start_paused = true)]
async fn the_requests_run_on_the_calling_task() {
    let delays = Delays {
        weather: ms(30),
        flights: ms(20),
        hotels: ms(10),
    };
    let metrics = ::tokio::runtime::Handle::current().metrics();
    let before = metrics.num_alive_tasks();
    let mut loading = ::std::pin::pin!(load_home_screen("Porto", delays));
    // One poll by hand: every request starts, and nothing else runs in the meantime.
    let first =
        ::std::future::poll_fn(|cx| ::std::task::Poll::Ready(loading.as_mut().poll(cx))).await;
    assert!(first.is_pending(), "the screen loaded without waiting");
    assert_eq!(
        metrics.num_alive_tasks(),
        before,
        "load_home_screen started Tokio tasks: the three requests must run concurrently on \
         the calling task itself (no `tokio::spawn`)"
    );
    let screen = loading.await;
    assert_eq!(screen.hotels, 20);
}
