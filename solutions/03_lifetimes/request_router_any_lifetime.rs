// Question 3: What are lifetimes in Rust?
// A lifetime parameter on a type is chosen once, when the value is made. A function that
// should accept a borrow of *any* lifetime needs a different promise: "for every lifetime 'a,
// given a `&'a str` I return a `&'a str`", written `for<'a> Fn(&'a str) -> &'a str` (a
// higher-ranked trait bound). Closures only get such a signature when the compiler can see
// that it is required at the place they are written.
//
// A small server routes request lines ("GET /index.html", "POST /orders id=7") by their
// method. Each route has an extractor that picks the part of the rest of the line it cares
// about, without copying: `dispatch` returns the method and that slice of the request.
// `standard_router` is built once, at start-up. `tally` counts the requests per method; it
// turns the raw bytes of each request into text that only lives for one turn of its loop
// (invalid UTF-8 is replaced, not dropped).
// It does not compile. Make the router work with requests of any lifetime, so that one router
// serves them all. Keep `tally`'s body, what each function returns, and `route`'s ability to
// take closures and functions.

use std::collections::HashMap;

// `dyn Fn(&str) -> &str` is short for `dyn for<'a> Fn(&'a str) -> &'a str`: each extractor
// works for whatever lifetime each call's request has, so `Router` needs no lifetime of its
// own. `Router<'r>` fixed one `'r` for every request the router would ever see, and since the
// router is invariant in `'r`, a request living one loop turn could not be passed in.
type Extractor = Box<dyn Fn(&str) -> &str>;

struct Router {
    routes: Vec<(&'static str, Extractor)>,
}

impl Router {
    fn new() -> Self {
        Router { routes: Vec::new() }
    }

    fn route(&mut self, method: &'static str, extract: impl Fn(&str) -> &str + 'static) {
        self.routes.push((method, Box::new(extract)));
    }

    // The method and the part of the request its route extracts, if a route matches.
    fn dispatch<'a>(&self, request: &'a str) -> Option<(&'static str, &'a str)> {
        let (method, rest) = request.split_once(' ')?;
        let (method, extract) = self.routes.iter().find(|(m, _)| *m == method)?;
        Some((*method, extract(rest)))
    }
}

fn standard_router() -> Router {
    let mut router = Router::new();
    // GET and DELETE both care about the path, the first word after the method.
    // A closure stored in a `let` gets its signature from its body alone, and a returned
    // borrow is not tied to the argument's lifetime there. A function item always has the
    // higher-ranked signature its declaration states (elision ties the output to the input).
    fn path(rest: &str) -> &str {
        rest.split_whitespace().next().unwrap_or("")
    }
    router.route("GET", path);
    router.route("DELETE", path);
    // POST cares about the body, everything after the path. A closure written at the call
    // takes the higher-ranked signature that `route` asks for.
    router.route("POST", |rest| {
        rest.split_once(' ').map_or("", |(_, body)| body)
    });
    router
}

fn tally(router: &Router, requests: &[Vec<u8>]) -> HashMap<&'static str, usize> {
    let mut counts = HashMap::new();
    for raw in requests {
        let request = String::from_utf8_lossy(raw);
        if let Some((method, _)) = router.dispatch(&request) {
            *counts.entry(method).or_insert(0) += 1;
        }
    }
    counts
}

fn main() {
    let router = standard_router();
    let requests = [
        b"GET /index.html".to_vec(),
        b"POST /orders id=7".to_vec(),
        b"GET /caf\xe9".to_vec(),
        b"PATCH /x".to_vec(),
    ];
    println!("{:?}", tally(&router, &requests));
    println!("{:?}", router.dispatch("DELETE /orders/7 now"));
}
