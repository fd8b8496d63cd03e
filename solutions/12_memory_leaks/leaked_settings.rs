// Question 12: What is the possibility of memory leaks in Rust?
//
// Sometimes a leak is exactly what is wanted. Safe Rust can give up ownership of a heap value
// for good and get back a `&'static mut` reference to it: the memory is never freed, so the
// reference can never dangle. That fits a value that is built once, at start-up, and must
// live until the program ends. Leaking in a loop, on the other hand, is a real leak.
//
// `load_settings` parses the settings text once, at start-up, and must return a reference that
// is valid for the rest of the program, so that any number of worker threads can share the
// settings without copying them or counting references. It does not compile. Make it return a
// `'static` reference by leaking the parsed settings on purpose.

use std::thread;

#[derive(Debug, PartialEq)]
struct Settings {
    workers: usize,
    greeting: String,
}

impl Settings {
    /// Reads `key = value` lines; both keys are required.
    fn parse(text: &str) -> Result<Settings, String> {
        let mut workers = None;
        let mut greeting = None;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (key, value) = line
                .split_once('=')
                .ok_or_else(|| format!("not a `key = value` line: {line}"))?;
            match key.trim() {
                "workers" => {
                    let n = value.trim().parse().map_err(|e| format!("workers: {e}"))?;
                    workers = Some(n);
                }
                "greeting" => greeting = Some(value.trim().to_owned()),
                other => return Err(format!("unknown setting `{other}`")),
            }
        }
        Ok(Settings {
            workers: workers.ok_or("missing `workers`")?,
            greeting: greeting.ok_or("missing `greeting`")?,
        })
    }
}

// A deliberate, bounded leak: the settings are parsed once and needed until the program ends,
// so their memory is handed over for good and every thread may borrow it. Called in a loop,
// this would leak a new `Settings` on every call.
fn load_settings(text: &str) -> Result<&'static Settings, String> {
    let settings = Settings::parse(text)?;
    Ok(Box::leak(Box::new(settings)))
}

/// Starts the workers; each one only borrows the shared settings.
fn start_workers(settings: &'static Settings) -> Vec<String> {
    let handles: Vec<_> = (1..=settings.workers)
        .map(|n| thread::spawn(move || format!("{} from worker {n}", settings.greeting)))
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a worker panicked"))
        .collect()
}

fn main() {
    match load_settings("workers = 3\ngreeting = hello") {
        Ok(settings) => println!("{:?}", start_workers(settings)),
        Err(e) => eprintln!("bad settings: {e}"),
    }
}
