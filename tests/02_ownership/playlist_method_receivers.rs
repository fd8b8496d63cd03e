use super::*;

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
