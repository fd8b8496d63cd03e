// Question 3: What are lifetimes in Rust?
// When a method takes `&self` or `&mut self`, lifetime elision ties the returned reference to
// `self`. That is often right, but not always: a value that merely *holds* a borrow can hand out
// references that live as long as that borrow, longer than the method call on `self`.
//
// A tokenizer for a small calculator language walks over its source text and hands out slices
// of it: numbers ("42"), names ("rate", "x_1") and single-character symbols ("+", "(", "π").
// Whitespace separates tokens and is skipped. `tokens` collects them all.
// It does not compile: as written, every token stays tied to the `&mut` borrow of the
// tokenizer that produced it, so no second token can be read while the first is kept, and no
// token can leave the function that owns the tokenizer.
//
// Fix the signature of `next_token` so that it promises what its body really delivers.

struct Tokenizer<'src> {
    rest: &'src str,
}

impl<'src> Tokenizer<'src> {
    fn new(source: &'src str) -> Self {
        Tokenizer { rest: source }
    }

    // TODO
    fn next_token(&mut self) -> Option<&str> {
        self.rest = self.rest.trim_start();
        let first = self.rest.chars().next()?;
        let len = if first.is_ascii_digit() {
            self.rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(self.rest.len())
        } else if first.is_ascii_alphabetic() || first == '_' {
            self.rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(self.rest.len())
        } else {
            first.len_utf8()
        };
        let (token, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(token)
    }
}

fn tokens(source: &str) -> Vec<&str> {
    let mut tokenizer = Tokenizer::new(source);
    let mut found = Vec::new();
    while let Some(token) = tokenizer.next_token() {
        found.push(token);
    }
    found
}

fn main() {
    println!("{:?}", tokens("total = (price + 15) * rate"));
}
