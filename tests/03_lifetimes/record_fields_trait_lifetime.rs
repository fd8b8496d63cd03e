use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| text.to_string()).collect()
}

fn csv(columns: &[&str]) -> Csv {
    Csv {
        header: strings(columns),
    }
}

#[test]
fn csv_fields_by_header_name() {
    let parser = csv(&["id", "city", "zip"]);
    assert_eq!(parser.field("1, Lyon ,69001", "city"), Some("Lyon"));
    assert_eq!(parser.field("1, Lyon ,69001", "zip"), Some("69001"));
    assert_eq!(
        parser.field("1,Lyon", "zip"),
        None,
        "a short row has no zip"
    );
    assert_eq!(parser.field("1,Lyon,69001", "country"), None);
}

#[test]
fn key_value_fields_by_key() {
    assert_eq!(KeyValue.field("id=7; city = Oslo", "city"), Some("Oslo"));
    assert_eq!(KeyValue.field("id=7;city=Oslo", "id"), Some("7"));
    assert_eq!(
        KeyValue.field("id=7;broken;city=Oslo", "city"),
        Some("Oslo")
    );
    assert_eq!(KeyValue.field("id=7", "city"), None);
}

#[test]
fn column_works_with_either_parser() {
    let rows = strings(&["1, Lyon", "2,Porto", "3"]);
    assert_eq!(
        column(&csv(&["id", "city"]), &rows, "city"),
        ["Lyon", "Porto"]
    );
    let pairs = strings(&["id=7; city=Oslo", "city = Turin", "id=9"]);
    assert_eq!(column(&KeyValue, &pairs, "city"), ["Oslo", "Turin"]);
    assert!(column(&KeyValue, &[], "city").is_empty());
}

#[test]
fn the_values_outlive_the_parser_and_the_field_name() {
    let rows = strings(&["7,Lisbon", "8,Bergen"]);
    let cities = {
        let parser = csv(&["id", "city"]);
        let name = String::from("city");
        column(&parser, &rows, &name)
    };
    assert_eq!(cities, ["Lisbon", "Bergen"]);
    let record = String::from("user=ann;team=blue");
    let team = {
        let name = "team".to_string();
        KeyValue.field(&record, &name)
    };
    assert_eq!(team, Some("blue"));
}

#[test]
fn the_values_point_into_the_records() {
    let rows = strings(&["10, Graz"]);
    let cities = column(&csv(&["id", "city"]), &rows, "city");
    assert_eq!(
        cities[0].as_ptr(),
        rows[0][4..].as_ptr(),
        "the value was copied"
    );
    let record = String::from("k=v");
    let value = KeyValue.field(&record, "k").unwrap();
    assert_eq!(value.as_ptr(), record[2..].as_ptr(), "the value was copied");
}

#[test]
fn generic_callers_get_the_record_lifetime_back() {
    // The parser is moved into the call and dropped there: the value must not borrow from it.
    fn lookup<'r, P: FieldParser>(parser: P, record: &'r str, name: &str) -> Option<&'r str> {
        parser.field(record, name)
    }
    let record = String::from("4,Basel");
    assert_eq!(lookup(csv(&["id", "city"]), &record, "city"), Some("Basel"));
    assert_eq!(lookup(KeyValue, "a=b", "a"), Some("b"));
    assert_eq!(lookup(KeyValue, "a=b", "b"), None);
}
