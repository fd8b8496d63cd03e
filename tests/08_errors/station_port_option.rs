use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn settings(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn a_valid_port_is_found() {
    let s = settings(&[("uplink.port", "8080"), ("uplink.host", "10.0.0.7")]);
    assert_eq!(port_of(&s, "uplink"), Some(8080));
}

#[test]
fn surrounding_spaces_are_ignored() {
    let s = settings(&[("radar.port", "  443 ")]);
    assert_eq!(port_of(&s, "radar"), Some(443));
}

#[test]
fn a_missing_key_gives_none() {
    let s = settings(&[("uplink.host", "10.0.0.7")]);
    assert_eq!(port_of(&s, "uplink"), None);
    assert_eq!(port_of(&HashMap::new(), "uplink"), None);
}

#[test]
fn a_value_that_does_not_parse_gives_none() {
    let s = settings(&[
        ("a.port", "http"),
        ("b.port", ""),
        ("c.port", "-1"),
        ("d.port", "80.5"),
    ]);
    for service in ["a", "b", "c", "d"] {
        assert_eq!(port_of(&s, service), None, "service {service}");
    }
}

#[test]
fn a_value_too_large_for_a_port_gives_none() {
    let s = settings(&[("a.port", "65536"), ("b.port", "65535")]);
    assert_eq!(port_of(&s, "a"), None);
    assert_eq!(port_of(&s, "b"), Some(65535));
    // Too large for a `u16`, whatever they would wrap around to.
    let s = settings(&[
        ("c.port", "65537"),
        ("d.port", "70000"),
        ("e.port", "4294975488"),
    ]);
    for service in ["c", "d", "e"] {
        assert_eq!(port_of(&s, service), None, "service {service}");
    }
}

#[test]
fn port_zero_gives_none() {
    let s = settings(&[("a.port", "0")]);
    assert_eq!(port_of(&s, "a"), None);
}

#[test]
fn each_service_reads_its_own_key() {
    let s = settings(&[("camera.port", "554"), ("uplink.port", "8080")]);
    assert_eq!(port_of(&s, "camera"), Some(554));
    assert_eq!(port_of(&s, "uplink"), Some(8080));
    assert_eq!(port_of(&s, "radar"), None);
    assert_eq!(port_of(&s, "camera.port"), None);
}
