// Question 2: What are ownership and borrowing in Rust?
// Every value has exactly one owner. Passing a `String` by value to a function moves it: the
// function becomes the owner, and the caller may not use the old variable any more.
//
// A library registers new books. `register` makes a catalogue card for a title and keeps the
// title in its list of recent additions. It does not compile: the title is moved into
// `make_card` and then used again.
//
// `make_card` only reads the title. Change how it receives the title so that the caller keeps
// ownership. Do not clone: nothing needs a second copy of the text. The tests also call
// `make_card` on its own, with a title they go on using afterwards.

#[derive(Debug, PartialEq)]
struct Card {
    /// The shelf number, a dash, then the first letter of each word of the title in upper case.
    shelf_code: String,
    /// The number of characters (not bytes) in the title.
    title_chars: usize,
}

// TODO: this function takes ownership of a title it only needs to read.
fn make_card(title: String, shelf: u32) -> Card {
    let initials: String = title
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    Card {
        shelf_code: format!("{shelf}-{initials}"),
        title_chars: title.chars().count(),
    }
}

#[derive(Default)]
struct Library {
    cards: Vec<Card>,
    recent: Vec<String>,
}

impl Library {
    fn register(&mut self, title: String, shelf: u32) {
        let card = make_card(title, shelf);
        self.cards.push(card);
        self.recent.push(title);
    }
}

fn main() {
    let mut library = Library::default();
    library.register("The Left Hand of Darkness".to_string(), 12);
    println!("{:?} {:?}", library.cards, library.recent);
}
