use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[test]
fn splits_an_expression() {
    assert_eq!(
        tokens("total = (price + 15) * rate"),
        vec!["total", "=", "(", "price", "+", "15", ")", "*", "rate"]
    );
}

#[test]
fn no_whitespace_needed_between_tokens() {
    assert_eq!(tokens("x_1*2+y"), vec!["x_1", "*", "2", "+", "y"]);
    assert_eq!(tokens("12ab"), vec!["12", "ab"]);
}

#[test]
fn non_ascii_symbols_are_single_tokens() {
    assert_eq!(tokens("2π × r"), vec!["2", "π", "×", "r"]);
}

#[test]
fn empty_and_blank_sources_have_no_tokens() {
    assert!(tokens("").is_empty());
    assert!(tokens(" \t\n ").is_empty());
}

#[test]
fn several_tokens_can_be_held_at_once() {
    let source = String::from("a + b");
    let mut tokenizer = Tokenizer::new(&source);
    let first = tokenizer.next_token();
    let second = tokenizer.next_token();
    let third = tokenizer.next_token();
    assert_eq!((first, second, third), (Some("a"), Some("+"), Some("b")));
    assert_eq!(tokenizer.next_token(), None);
}

#[test]
fn tokens_outlive_the_tokenizer() {
    let source = String::from("  width*height ");
    let kept = {
        let mut tokenizer = Tokenizer::new(&source);
        tokenizer.next_token().unwrap()
    };
    assert_eq!(kept, "width");
    assert_eq!(kept.as_ptr(), source[2..].as_ptr());
}
