use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::borrow::Cow;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

#[test]
fn special_characters_are_escaped() {
    assert_eq!(
        escape_html("x < y && y > z"),
        "x &lt; y &amp;&amp; y &gt; z"
    );
    assert_eq!(
        escape_html(r#"<a href="/">home</a>"#),
        "&lt;a href=&quot;/&quot;&gt;home&lt;/a&gt;"
    );
    assert_eq!(escape_html("&"), "&amp;");
}

#[test]
fn escaped_text_is_owned() {
    assert!(matches!(escape_html("1 < 2"), Cow::Owned(_)));
    assert!(matches!(escape_html("café & crème"), Cow::Owned(_)));
    assert_eq!(escape_html("café & crème"), "café &amp; crème");
}

#[test]
fn plain_text_is_borrowed() {
    for text in ["Nice post!", "naïve résumé 🦀", "it's 5 o'clock", "a;b=c"] {
        let escaped = escape_html(text);
        assert!(matches!(escaped, Cow::Borrowed(_)), "{text:?} was copied");
        assert!(std::ptr::eq(escaped.as_ptr(), text.as_ptr()));
    }
}

#[test]
fn the_empty_comment_is_borrowed() {
    assert!(matches!(escape_html(""), Cow::Borrowed("")));
}

#[test]
fn plain_text_allocates_nothing() {
    let comment = "Thanks, this solved my problem. ".repeat(50);
    let (escaped, count) = allocations(|| escape_html(&comment));
    assert_eq!(count, 0, "allocations while escaping plain text");
    assert_eq!(escaped, comment);
}

#[test]
fn each_special_character_alone_is_escaped() {
    for (text, expected) in [
        ("a < b", "a &lt; b"),
        ("a > b", "a &gt; b"),
        ("salt & pepper", "salt &amp; pepper"),
        (r#"say "hi""#, "say &quot;hi&quot;"),
        ("<", "&lt;"),
        ("tail>", "tail&gt;"),
        (r#"""#, "&quot;"),
    ] {
        let escaped = escape_html(text);
        assert_eq!(escaped, expected, "{text:?}");
        assert!(matches!(escaped, Cow::Owned(_)), "{text:?}");
    }
}
