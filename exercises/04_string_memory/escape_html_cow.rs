// Question 4: How is memory allocated for a `String`?
// `Cow<'a, str>` ("clone on write") is either `Borrowed(&'a str)`, a view of text that already
// exists, or `Owned(String)`, a newly allocated buffer. A function that only sometimes needs to
// change its input can return the input itself in the common case and allocate only when it
// has to, while the caller gets one type that derefs to `&str` either way.
//
// A comment section escapes user text before putting it into an HTML page: `<` becomes `&lt;`,
// `>` becomes `&gt;`, `&` becomes `&amp;` and `"` becomes `&quot;`. Almost all comments contain
// none of those characters. The hidden tests check that such text is returned borrowed, with no
// allocation at all. As written, every comment is copied into a new `String`.
//
// Allocate only when there is something to escape.

use std::borrow::Cow;

fn escape_html(text: &str) -> Cow<'_, str> {
    // TODO
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            _ => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

fn main() {
    for comment in ["Nice post!", "x < y && y > z"] {
        println!("{}", escape_html(comment));
    }
}
