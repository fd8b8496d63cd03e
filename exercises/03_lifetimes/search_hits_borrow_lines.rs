// Question 3: What are lifetimes in Rust?
// A struct that holds a reference needs a lifetime parameter: `Hit<'a>` reads "a hit that must
// not outlive the text it borrows from". The compiler then checks that no hit is used after that
// text is gone.
//
// A search tool finds the lines of a document that contain a word. To avoid copying large
// documents, each `Hit` borrows its line (trimmed of surrounding whitespace) straight from the
// document. Line numbers start at 1. It does not compile: the struct holds a reference without
// saying how long it is valid.
//
// Give `Hit` a lifetime, and tell `search` which of its arguments the hits borrow from.

#[derive(Debug, PartialEq)]
struct Hit {
    line_number: usize,
    // TODO
    text: &str,
}

fn search(document: &str, word: &str) -> Vec<Hit> {
    document
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(word))
        .map(|(index, line)| Hit {
            line_number: index + 1,
            text: line.trim(),
        })
        .collect()
}

fn main() {
    let recipe = "Preheat the oven.\nWhisk two eggs.\nFold in the flour.";
    for hit in search(recipe, "the") {
        println!("{}: {}", hit.line_number, hit.text);
    }
}
