use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::drop;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

/// The byte offset of `part` in `text`, if `part` is a slice of it (and not a copy).
fn offset_in(text: &str, part: &str) -> Option<usize> {
    let start = text.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    (at >= start && at + part.len() <= start + text.len()).then(|| at - start)
}

#[test]
fn serve_keeps_its_signature() {
    type Serve = for<'s> fn(&Layer<'static>, &Layer<'s>, &str, &[Vec<u8>]) -> Vec<String>;
    let _: Serve = serve;
}

#[test]
fn a_layer_reads_its_pairs_and_the_last_one_wins() {
    let text = String::from("a=1& b = two &nothing\nc=3&a=4");
    let layer = Layer::parse(&text);
    assert_eq!(layer.get("a"), Some("4"));
    assert_eq!(layer.get("b"), Some("two"));
    assert_eq!(layer.get("c"), Some("3"));
    assert_eq!(layer.get("nothing"), None);
    assert_eq!(layer.get("d"), None);
}

#[test]
fn the_top_layer_that_knows_a_name_answers() {
    let defaults = Layer::parse("lang=en&greeting=Hello&user=guest&theme=light");
    let config = String::from("greeting=Welcome\ntheme=dark");
    let site = Layer::parse(&config);
    let page_text = String::from("theme=print");
    let page = Layer::parse(&page_text);
    let query_text = String::from("user=ana");
    let query = Layer::parse(&query_text);
    let mut stack = Stack::new();
    stack.push(&defaults);
    stack.push(&site);
    stack.push(&page);
    stack.push(&query);
    assert_eq!(stack.get("user"), Some("ana"));
    assert_eq!(stack.get("theme"), Some("print"));
    assert_eq!(stack.get("greeting"), Some("Welcome"));
    assert_eq!(stack.get("lang"), Some("en"));
    assert_eq!(stack.get("nobody"), None);
    assert_eq!(
        render("[{lang}] {greeting}, {user}! {theme} {who} {", &stack),
        "[en] Welcome, ana! print {who} {"
    );
}

#[test]
fn layers_of_every_lifetime_share_one_stack() {
    let defaults = Layer::parse("lang=en&user=guest&site=none");
    let config = String::from("site=rustprep");
    let site = Layer::parse(&config);
    let mut pages = Vec::new();
    for round in 0..3 {
        let page_text = format!("round={round}");
        let page = Layer::parse(&page_text);
        let seen = {
            let query_text = format!("user=visitor{round}");
            let query = Layer::parse(&query_text);
            let mut stack = Stack::new();
            stack.push(&defaults);
            stack.push(&site);
            stack.push(&page);
            stack.push(&query);
            render("{site}/{round}/{user}/{lang}", &stack)
        };
        pages.push(seen);
    }
    assert_eq!(
        pages,
        [
            "rustprep/0/visitor0/en",
            "rustprep/1/visitor1/en",
            "rustprep/2/visitor2/en"
        ]
    );
}

#[test]
fn a_value_outlives_its_stack_and_is_the_layers_own_text() {
    let config = String::from("site=rustprep&owner=ferris");
    let site = Layer::parse(&config);
    let defaults = Layer::parse("site=none&lang=en");
    let request = String::from("lang=fr");
    let query = Layer::parse(&request);
    let (site_name, owner, lang) = {
        let mut stack = Stack::new();
        stack.push(&defaults);
        stack.push(&site);
        let site_name = stack.get("site");
        stack.push(&query);
        let owner = Stack::get(&stack, "owner");
        let lang = stack.get("lang");
        drop(stack);
        (site_name, owner, lang)
    };
    assert_eq!(
        (site_name, owner, lang),
        (Some("rustprep"), Some("ferris"), Some("fr"))
    );
    assert_eq!(
        offset_in(&config, site_name.unwrap()),
        Some(5),
        "the value was copied instead of borrowed from the layer's text"
    );
    assert_eq!(
        offset_in(&config, owner.unwrap()),
        Some(20),
        "the value was copied instead of borrowed from the layer's text"
    );
    assert_eq!(
        offset_in(&request, lang.unwrap()),
        Some(5),
        "the value was copied instead of borrowed from the layer's text"
    );
}

#[test]
fn a_lookup_copies_nothing() {
    let config = String::from("site=rustprep\ngreeting=Welcome");
    let site = Layer::parse(&config);
    let defaults = Layer::parse("lang=en");
    let mut stack = Stack::new();
    stack.push(&defaults);
    stack.push(&site);
    let (found, allocations) =
        counting::allocations(|| (stack.get("greeting"), stack.get("lang"), stack.get("none")));
    assert_eq!(found, (Some("Welcome"), Some("en"), None));
    assert_eq!(
        allocations, 0,
        "a lookup allocated: values are to be borrowed, not copied"
    );
}

#[test]
fn a_change_to_a_layer_is_seen_by_the_stacks_that_hold_it() {
    // What the operator types in; like any text a layer holds, it outlives the layer.
    let notice = String::from("maintenance at noon");
    let defaults = Layer::parse("greeting=Hello&banner=none");
    let config = String::from("site=rustprep");
    let site = Layer::parse(&config);
    let request = String::from("user=ana");
    let query = Layer::parse(&request);
    let mut stack = Stack::new();
    stack.push(&defaults);
    stack.push(&site);
    stack.push(&query);
    assert_eq!(render("{greeting} {banner}", &stack), "Hello none");
    let site_for_operator = &site;
    site_for_operator.set("banner", &notice);
    defaults.set("greeting", "Hi");
    assert_eq!(
        stack.get("banner"),
        Some("maintenance at noon"),
        "the operator changed the site's banner, and the stack holding the site did not see it"
    );
    assert_eq!(
        stack.get("greeting"),
        Some("Hi"),
        "the operator changed a default, and the stack holding the defaults did not see it"
    );
    assert_eq!(
        offset_in(&notice, stack.get("banner").unwrap()),
        Some(0),
        "the value was copied instead of borrowed"
    );
    query.set("banner", "yours");
    assert_eq!(render("{user}: {banner}", &stack), "ana: yours");
}

#[test]
fn serve_answers_each_request_with_the_settings_of_the_moment() {
    let greeting = String::from("Good morning");
    let defaults = Layer::parse("lang=en&greeting=Hello&user=guest");
    let config = String::from("site=rustprep\ngreeting=Welcome");
    let site = Layer::parse(&config);
    let requests = [
        b"user=ana".to_vec(),
        b"lang=pt&user=caf\xe9".to_vec(),
        b"".to_vec(),
    ];
    let template = String::from("[{lang}] {greeting}, {user}! {site} {other}");
    assert_eq!(
        serve(&defaults, &site, &template, &requests),
        [
            "[en] Welcome, ana! rustprep {other}",
            "[pt] Welcome, caf\u{fffd}! rustprep {other}",
            "[en] Welcome, guest! rustprep {other}",
        ]
    );
    site.set("greeting", &greeting);
    defaults.set("other", "!");
    assert_eq!(
        serve(&defaults, &site, &template, &requests[..1]),
        ["[en] Good morning, ana! rustprep !"]
    );
    assert_eq!(site.get("site"), Some("rustprep"));
}
