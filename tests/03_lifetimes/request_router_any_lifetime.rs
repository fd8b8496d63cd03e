use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn raw(requests: &[&[u8]]) -> Vec<Vec<u8>> {
    requests.iter().map(|request| request.to_vec()).collect()
}

#[test]
fn tally_keeps_its_signature() {
    let _: fn(&Router, &[Vec<u8>]) -> HashMap<&'static str, usize> = tally;
}

#[test]
fn each_route_extracts_its_part() {
    let router = standard_router();
    assert_eq!(
        router.dispatch("GET /index.html"),
        Some(("GET", "/index.html"))
    );
    assert_eq!(
        router.dispatch("DELETE /orders/7 now"),
        Some(("DELETE", "/orders/7"))
    );
    assert_eq!(
        router.dispatch("POST /orders id=7 qty=2"),
        Some(("POST", "id=7 qty=2"))
    );
    assert_eq!(router.dispatch("POST /orders"), Some(("POST", "")));
    assert_eq!(router.dispatch("PATCH /orders/7"), None);
    assert_eq!(router.dispatch("GET"), None);
}

#[test]
fn one_router_serves_requests_that_live_one_turn_each() {
    let router = standard_router();
    for n in 0..50 {
        // Each request is a fresh String, dropped at the end of this turn.
        let request = format!("GET /item/{n} HTTP/1.1");
        let (method, path) = router.dispatch(&request).expect("a GET route exists");
        assert_eq!(method, "GET");
        assert_eq!(path, format!("/item/{n}"));
        assert_eq!(path.as_ptr(), request[4..].as_ptr(), "the path was copied");
    }
}

#[test]
fn the_extracted_part_outlives_the_router() {
    let request = String::from("POST /notes text=hello");
    let body = {
        let router = standard_router();
        router.dispatch(&request).map(|(_, body)| body)
    };
    assert_eq!(body, Some("text=hello"));
}

#[test]
fn tally_counts_per_method() {
    let router = standard_router();
    let requests = raw(&[
        b"GET /index.html",
        b"POST /orders id=7",
        b"GET /caf\xe9",
        b"PATCH /x",
        b"DELETE /orders/7",
        b"GET",
        b"GET /",
    ]);
    let counts = tally(&router, &requests);
    assert_eq!(counts.len(), 3, "{counts:?}");
    assert_eq!(
        counts["GET"], 3,
        "a request with invalid UTF-8 still counts"
    );
    assert_eq!(counts["POST"], 1);
    assert_eq!(counts["DELETE"], 1);
    let again = tally(&router, &raw(&[b"POST /a", b"POST /b b=1"]));
    assert_eq!(again.len(), 1, "{again:?}");
    assert_eq!(again["POST"], 2);
    assert!(tally(&router, &[]).is_empty());
}

#[test]
fn routes_take_closures_with_state_and_functions() {
    fn whole(rest: &str) -> &str {
        rest
    }
    let mut router = Router::new();
    let prefix = String::from("/api");
    router.route("GET", move |rest| {
        rest.strip_prefix(prefix.as_str()).unwrap_or(rest)
    });
    router.route("PUT", whole);
    let request = String::from("GET /api/users");
    assert_eq!(router.dispatch(&request), Some(("GET", "/users")));
    assert_eq!(router.dispatch("PUT /a b"), Some(("PUT", "/a b")));
    assert_eq!(router.dispatch("POST /a"), None);
}
