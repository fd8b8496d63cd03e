// Question 8: How do we handle errors in Rust?
//
// A weather station reads its settings file into a map, for example
// {"uplink.port": "8080", "uplink.host": "10.0.0.7"}. `port_of(&settings, "uplink")`
// looks up "uplink.port" and gives back the port number. A service without a port, or
// with a value that is not a usable port, simply has none: the station then falls back
// to its defaults. Absence is ordinary here, with nothing to explain, so the answer is an
// `Option`, not a `Result`.
//
// It does not compile. Read what the compiler says about `?`, and fix that line so the
// function returns `None` for a port that does not parse. No `unwrap`, no `match`
// needed.

use std::collections::HashMap;

fn port_of(settings: &HashMap<String, String>, service: &str) -> Option<u16> {
    let raw = settings.get(&format!("{service}.port"))?;
    // TODO
    let port: u16 = raw.trim().parse()?;
    // Port 0 asks the OS for "any free port": as a configured port it is a mistake.
    if port == 0 {
        return None;
    }
    Some(port)
}

fn main() {
    let settings: HashMap<String, String> = [("uplink.port", "8080"), ("radar.port", "http")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for service in ["uplink", "radar", "camera"] {
        let port = port_of(&settings, service).unwrap_or(9000);
        println!("{service}: port {port}");
    }
}
