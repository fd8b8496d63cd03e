// Question 5: What are `async` and `await` in Rust?
//
// The home screen of a travel app needs three things from three slow services: the
// weather, the flights and the number of hotels at the destination. None of the three
// requests depends on another, yet `load_home_screen` waits for the sum of the three
// delays instead of the longest one.
//
// Make the screen load in the time of the slowest request. Stay on the current task:
// no `tokio::spawn`, no threads. Leave the three `fetch_*` functions as they are.

use std::time::Duration;

use tokio::time::sleep;

/// How long each service takes to answer.
#[derive(Debug, Clone, Copy)]
pub struct Delays {
    pub weather: Duration,
    pub flights: Duration,
    pub hotels: Duration,
}

#[derive(Debug, PartialEq)]
pub struct HomeScreen {
    pub weather: String,
    pub flights: Vec<String>,
    pub hotels: usize,
}

async fn fetch_weather(city: &str, delay: Duration) -> String {
    sleep(delay).await;
    format!("{city}: 21 C, clear sky")
}

async fn fetch_flights(city: &str, delay: Duration) -> Vec<String> {
    sleep(delay).await;
    vec![
        format!("OSL -> {city} 07:40"),
        format!("OSL -> {city} 18:05"),
    ]
}

async fn fetch_hotel_count(city: &str, delay: Duration) -> usize {
    sleep(delay).await;
    city.len() * 4
}

pub async fn load_home_screen(city: &str, delays: Delays) -> HomeScreen {
    // Each `.await` above would wait for one request before the next one even started.
    // `join!` polls the three futures together on this task and waits for all of them.
    let (weather, flights, hotels) = tokio::join!(
        fetch_weather(city, delays.weather),
        fetch_flights(city, delays.flights),
        fetch_hotel_count(city, delays.hotels),
    );
    HomeScreen {
        weather,
        flights,
        hotels,
    }
}
