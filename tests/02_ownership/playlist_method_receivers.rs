use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn road_trip() -> Playlist {
    let mut playlist = Playlist::new("Road trip");
    playlist.add("Overture", 200);
    playlist.add("Coda", 225);
    playlist
}

#[test]
fn summary_shows_name_count_and_length() {
    assert_eq!(summary(&road_trip()), "Road trip: 2 tracks, 7:05");
}

#[test]
fn an_empty_playlist() {
    assert_eq!(summary(&Playlist::new("Quiet")), "Quiet: 0 tracks, 0:00");
}

#[test]
fn the_playlist_can_be_used_after_asking_its_length() {
    let mut playlist = road_trip();
    assert_eq!(playlist.total_seconds(), 425);
    playlist.add("Encore", 61);
    assert_eq!(playlist.total_seconds(), 486);
    assert_eq!(summary(&playlist), "Road trip: 3 tracks, 8:06");
}

#[test]
fn summary_leaves_the_playlist_as_it_was() {
    let playlist = road_trip();
    let before = playlist.clone();
    summary(&playlist);
    assert_eq!(playlist, before);
}

#[test]
fn into_titles_hands_over_the_titles_in_order() {
    assert_eq!(road_trip().into_titles(), vec!["Overture", "Coda"]);
}

#[test]
fn each_method_has_the_receiver_it_needs() {
    // Reading borrows, changing borrows mutably, handing over consumes.
    let _: fn(&Playlist) -> u32 = Playlist::total_seconds;
    let _: fn(&mut Playlist, &str, u32) = Playlist::add;
    let _: fn(Playlist) -> Vec<String> = Playlist::into_titles;
}

#[test]
fn into_titles_moves_the_titles_out() {
    // The titles are handed over, not copied: each returned string is the very buffer the
    // playlist held.
    let mut playlist = Playlist::new("Long");
    for i in 0..5 {
        playlist.add(&format!("Track number {i}"), 60 + i);
    }
    let buffers: Vec<*const u8> = playlist
        .tracks
        .iter()
        .map(|track| track.title.as_ptr())
        .collect();
    let titles = playlist.into_titles();
    assert_eq!(titles.len(), 5);
    assert_eq!(titles[4], "Track number 4");
    for (title, buffer) in titles.iter().zip(buffers) {
        assert!(::std::ptr::eq(title.as_ptr(), buffer), "{title} was copied");
    }
}
