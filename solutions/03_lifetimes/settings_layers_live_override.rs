// Question 3: What are lifetimes in Rust?
//
// A web server fills the `{name}` placeholders of a page template from a stack of settings
// layers, asked from the top down: the request's query string on top, then the site's settings
// (read from its config file at start-up), then the built-in defaults at the bottom. A layer
// holds `name=value` pairs (separated by `&` or line breaks) borrowed from the text it was read
// from. `serve` renders the page for each raw request; a request's text is decoded for that
// request only (invalid UTF-8 is replaced) and is gone once it has been answered.
//
// What must stay true:
//   - a stack holds any number of layers, each read from text of its own lifetime; a value it
//     finds is the layer's own slice (nothing is copied), and may be kept after the stack is
//     gone, for as long as the layers are;
//   - an operator can change a setting while the server runs: `set`, on a layer that stacks
//     already hold, through the same shared layer, is seen by those stacks at their next lookup;
//   - the defaults and the site's layer are made once and serve every request;
//   - `serve`, `render` and every method are called as they are here.
// It does not compile. Make it build, and keep every promise.

use std::cell::RefCell;

struct Layer<'t> {
    settings: RefCell<Vec<(&'t str, &'t str)>>,
}

impl<'t> Layer<'t> {
    fn parse(text: &'t str) -> Self {
        let settings = text
            .split(['&', '\n'])
            .filter_map(|pair| pair.split_once('='))
            .map(|(name, value)| (name.trim(), value.trim()))
            .collect();
        Layer {
            settings: RefCell::new(settings),
        }
    }

    /// The value of `name` in this layer; the last one wins when a name is given twice.
    fn get(&self, name: &str) -> Option<&'t str> {
        let settings = self.settings.borrow();
        let (_, value) = settings.iter().rev().find(|(key, _)| *key == name)?;
        Some(value)
    }

    fn set(&self, name: &'t str, value: &'t str) {
        self.settings.borrow_mut().push((name, value));
    }
}

/// What a stack asks of a layer. The answer borrows from the layer, whatever the layer's own
/// lifetime is: a layer that can be changed through a shared borrow can never be treated as one
/// whose text lives a shorter time, so the stack must not name that lifetime.
trait Lookup {
    fn lookup(&self, name: &str) -> Option<&str>;
}

impl Lookup for Layer<'_> {
    fn lookup(&self, name: &str) -> Option<&str> {
        self.get(name)
    }
}

/// Settings layers, the last one pushed asked first.
struct Stack<'a> {
    layers: Vec<&'a dyn Lookup>,
}

impl<'a> Stack<'a> {
    fn new() -> Self {
        Stack { layers: Vec::new() }
    }

    fn push(&mut self, layer: &'a Layer<'_>) {
        self.layers.push(layer);
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        self.layers
            .iter()
            .rev()
            .find_map(|layer| layer.lookup(name))
    }
}

/// The template with each `{name}` the stack knows replaced by its value; other text, and
/// placeholders no layer knows, are kept as written.
fn render(template: &str, stack: &Stack) -> String {
    let mut page = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        page.push_str(&rest[..open]);
        let after = &rest[open..];
        match after.find('}') {
            Some(close) => {
                let placeholder = &after[..=close];
                page.push_str(stack.get(&after[1..close]).unwrap_or(placeholder));
                rest = &after[close + 1..];
            }
            None => {
                rest = after;
                break;
            }
        }
    }
    page.push_str(rest);
    page
}

/// One page per request: the request's query over the site's settings over the defaults.
fn serve(
    defaults: &Layer<'static>,
    site: &Layer,
    template: &str,
    requests: &[Vec<u8>],
) -> Vec<String> {
    let mut pages = Vec::new();
    for raw in requests {
        let text = String::from_utf8_lossy(raw);
        let query = Layer::parse(&text);
        let mut stack = Stack::new();
        stack.push(defaults);
        stack.push(site);
        stack.push(&query);
        pages.push(render(template, &stack));
    }
    pages
}

fn main() {
    let defaults = Layer::parse("lang=en&greeting=Hello&user=guest");
    let config = String::from("site=rustprep\ngreeting=Welcome");
    let site = Layer::parse(&config);
    let requests = [b"user=ana".to_vec(), b"lang=pt&user=caf\xe9".to_vec()];
    for page in serve(
        &defaults,
        &site,
        "[{lang}] {greeting}, {user}! {site}",
        &requests,
    ) {
        println!("{page}");
    }
    site.set("greeting", "Hi");
    println!(
        "{:?}",
        serve(&defaults, &site, "{greeting} {missing}", &requests[..1])
    );
}
