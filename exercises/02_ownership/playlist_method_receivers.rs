// Question 2: What are ownership and borrowing in Rust?
// A method's receiver says what it does with the value it is called on:
//   `self`      takes ownership (the value is moved into the method and gone afterwards),
//   `&self`     borrows it to read,
//   `&mut self` borrows it to change.
//
// A music app keeps playlists. `summary` asks a playlist for its total length and then reads
// its name. It does not compile: one method takes more than it needs, so the playlist is gone by
// the time `summary` wants to read it. `into_titles`, which really does consume the playlist,
// and `add`, which changes it, have the right receivers.
//
// Give each method the receiver it needs (the tests check all three receivers, and that
// `into_titles` hands over the very strings the playlist held).

#[derive(Debug, Clone, PartialEq)]
struct Track {
    title: String,
    seconds: u32,
}

#[derive(Debug, Clone, PartialEq)]
struct Playlist {
    name: String,
    tracks: Vec<Track>,
}

impl Playlist {
    fn new(name: &str) -> Self {
        Playlist {
            name: name.to_string(),
            tracks: Vec::new(),
        }
    }

    fn add(&mut self, title: &str, seconds: u32) {
        self.tracks.push(Track {
            title: title.to_string(),
            seconds,
        });
    }

    // TODO
    fn total_seconds(self) -> u32 {
        self.tracks.iter().map(|track| track.seconds).sum()
    }

    /// Hands the titles over to the caller; the playlist is used up.
    fn into_titles(self) -> Vec<String> {
        self.tracks.into_iter().map(|track| track.title).collect()
    }
}

/// "Name: N tracks, M:SS", for example "Road trip: 2 tracks, 7:05".
fn summary(playlist: &Playlist) -> String {
    let total = playlist.total_seconds();
    format!(
        "{}: {} tracks, {}:{:02}",
        playlist.name,
        playlist.tracks.len(),
        total / 60,
        total % 60
    )
}

fn main() {
    let mut trip = Playlist::new("Road trip");
    trip.add("Overture", 200);
    trip.add("Coda", 225);
    println!("{}", summary(&trip));
    println!("{:?}", trip.into_titles());
}
