use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

// A value type of the tests' own, encoded by hand, that must fit in lists and options too.
struct Point {
    x: i32,
    y: i32,
}

impl Encode for Point {
    fn encode(&self, out: &mut String) {
        out.push('[');
        self.x.encode(out);
        out.push(',');
        self.y.encode(out);
        out.push(']');
    }
}

#[test]
fn every_kind_of_value_is_encodable() {
    fn encodable<T: Encode + ?Sized>() {}
    encodable::<u8>();
    encodable::<u16>();
    encodable::<u32>();
    encodable::<u64>();
    encodable::<u128>();
    encodable::<usize>();
    encodable::<i8>();
    encodable::<i16>();
    encodable::<i32>();
    encodable::<i64>();
    encodable::<i128>();
    encodable::<isize>();
    encodable::<f32>();
    encodable::<f64>();
    encodable::<bool>();
    encodable::<str>();
    encodable::<::std::string::String>();
    encodable::<&str>();
    encodable::<&&u64>();
    encodable::<Vec<Option<&::std::string::String>>>();
    encodable::<Option<Vec<Vec<i8>>>>();
    encodable::<Vec<Point>>();
    encodable::<Sample>();
    encodable::<Ratio>();
    encodable::<dyn Plain>();
    encodable::<Vec<Option<&dyn Plain>>>();
}

#[test]
fn numbers_and_booleans_are_written_as_display_writes_them() {
    assert_eq!(to_line(&7u8), "7");
    assert_eq!(to_line(&-12i64), "-12");
    assert_eq!(to_line(&u64::MAX), "18446744073709551615");
    assert_eq!(to_line(&0.5f64), "0.5");
    assert_eq!(to_line(&2.0f32), "2");
    assert_eq!(to_line(&0.1f32), "0.1");
    assert_eq!(to_line(&-3.3f32), "-3.3");
    assert_eq!(to_line(&-3isize), "-3");
    assert_eq!(to_line(&(1u128 << 100)), "1267650600228229401496703205376");
    assert_eq!(
        to_line(&i128::MIN),
        "-170141183460469231731687303715884105728"
    );
    assert_eq!(to_line(&true), "true");
    assert_eq!(to_line(&false), "false");
    assert_eq!(to_line(&-0.0f64), "-0");
    assert_eq!(to_line(&f64::MAX), f64::MAX.to_string());
}

#[test]
fn a_float_json_cannot_hold_is_written_null() {
    let why = "JSON has no NaN and no infinity: such a float is written `null`, or the line \
               cannot be read back";
    assert_eq!(to_line(&f64::NAN), "null", "{why}");
    assert_eq!(to_line(&f32::NAN), "null", "{why}");
    assert_eq!(to_line(&f64::INFINITY), "null", "{why}");
    assert_eq!(to_line(&f32::NEG_INFINITY), "null", "{why}");
    assert_eq!(
        to_line(&vec![1.5f32, f32::NAN, -2.0]),
        "[1.5,null,-2]",
        "{why}"
    );
    assert_eq!(to_line(&Some(&f64::NEG_INFINITY)), "null", "{why}");
    let broken = Sample {
        metric: "cpu.load",
        host: "web-3".into(),
        value: f64::NAN,
        healthy: false,
        tags: vec![],
        error: Some("no data".into()),
    };
    assert_eq!(
        to_line(&broken),
        "{\"metric\":\"cpu.load\",\"host\":\"web-3\",\"value\":null,\"healthy\":false,\
         \"tags\":[],\"error\":\"no data\"}",
        "{why}"
    );
}

#[test]
fn text_is_quoted_and_escaped() {
    assert_eq!(to_line("plain"), "\"plain\"");
    assert_eq!(to_line("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"");
    assert_eq!(to_line("C:\\tmp"), "\"C:\\\\tmp\"");
    let owned = ::std::string::String::from("42");
    assert_eq!(
        to_line(&owned),
        "\"42\"",
        "a `String` must be quoted like a `str`, or it reads back as a number"
    );
    assert_eq!(to_line(&owned.as_str()), "\"42\"");
    assert_eq!(to_line(&&&owned), "\"42\"");
    assert_eq!(to_line(""), "\"\"");
}

#[test]
fn lists_options_and_references_nest() {
    assert_eq!(to_line(&vec![Some(1u32), None, Some(30)]), "[1,null,30]");
    assert_eq!(to_line(&Vec::<u8>::new()), "[]");
    assert_eq!(to_line(&Some(None::<u8>)), "null");
    assert_eq!(to_line(&None::<Vec<bool>>), "null");
    assert_eq!(
        to_line(&Some(vec![vec!["a", "b"], vec![], vec!["c"]])),
        "[[\"a\",\"b\"],[],[\"c\"]]"
    );
    let (one, two) = (1.5f64, 2u16);
    assert_eq!(to_line(&vec![&one, &1.25]), "[1.5,1.25]");
    assert_eq!(to_line(&Some(&two)), "2");
    let names = [::std::string::String::from("x"), "y\"".into()];
    let borrowed: Vec<Option<&::std::string::String>> = vec![names.first(), None, names.get(1)];
    assert_eq!(to_line(&borrowed), "[\"x\",null,\"y\\\"\"]");
}

#[test]
fn values_of_other_types_fit_in_the_containers() {
    let path = vec![Point { x: 0, y: -1 }, Point { x: 4, y: 2 }];
    assert_eq!(to_line(&path), "[[0,-1],[4,2]]");
    let last: Option<&Point> = path.last();
    assert_eq!(to_line(&last), "[4,2]");
    assert_eq!(to_line(&vec![None, Some(&path[0])]), "[null,[0,-1]]");
}

#[test]
fn encode_appends_to_what_is_there() {
    let mut out = ::std::string::String::from("> ");
    5u32.encode(&mut out);
    out.push(' ');
    "five".encode(&mut out);
    out.push(' ');
    vec![Some(false)].encode(&mut out);
    assert_eq!(out, "> 5 \"five\" [false]");
}

#[test]
fn samples_are_written_as_one_line_each() {
    let quiet = Sample {
        metric: "disk.free",
        host: "db-2".into(),
        value: 120.5,
        healthy: false,
        tags: vec![],
        error: Some("slow \"fsync\"".into()),
    };
    assert_eq!(
        to_line(&quiet),
        "{\"metric\":\"disk.free\",\"host\":\"db-2\",\"value\":120.5,\"healthy\":false,\
         \"tags\":[],\"error\":\"slow \\\"fsync\\\"\"}"
    );
    let busy = Sample {
        metric: "cpu.load",
        host: "web-7".into(),
        value: 3.0,
        healthy: true,
        tags: vec!["eu".into(), "canary".into()],
        error: None,
    };
    assert_eq!(
        to_line(&vec![&busy]),
        "[{\"metric\":\"cpu.load\",\"host\":\"web-7\",\"value\":3,\"healthy\":true,\
         \"tags\":[\"eu\",\"canary\"],\"error\":null}]"
    );
}

// Code of the app's own, generic over plain values: it knows nothing but `N: Plain`.
fn line_of<N: Plain>(value: N) -> String {
    to_line(&value)
}

fn listed<N: Plain + Copy>(values: &[N]) -> String {
    let borrowed: Vec<Option<&N>> = values.iter().map(Some).collect();
    to_line(&borrowed)
}

#[test]
fn generic_code_can_encode_any_plain_value() {
    assert_eq!(line_of(7u8), "7");
    assert_eq!(line_of(-0.25f64), "-0.25");
    assert_eq!(line_of(true), "true");
    assert_eq!(
        line_of(u128::MAX),
        "340282366920938463463374607431768211455"
    );
    assert_eq!(line_of(f32::NAN), "null");
    assert_eq!(line_of(f64::NEG_INFINITY), "null");
    assert_eq!(
        line_of(Ratio(0.25)),
        "0.25",
        "a plain type of the app's own is written as it encodes itself, not as it displays"
    );
    assert_eq!(listed(&[1i16, -2, 3]), "[1,-2,3]");
    assert_eq!(listed(&[false]), "[false]");
    assert_eq!(listed::<usize>(&[]), "[]");
    assert_eq!(listed(&[0.25f64, f64::INFINITY]), "[0.25,null]");
    assert_eq!(
        listed(&[Ratio(-0.5), Ratio(1.0), Ratio(f64::NAN)]),
        "[-0.5,1,null]"
    );
}

#[test]
fn a_series_is_one_line_with_nulls_for_missing_readings() {
    assert_eq!(
        series_line("disk.free", &[Some(120u32), None, Some(118)]),
        "{\"series\":\"disk.free\",\"readings\":[120,null,118]}"
    );
    assert_eq!(
        series_line("up \"eu\"", &[Some(true), Some(false)]),
        "{\"series\":\"up \\\"eu\\\"\",\"readings\":[true,false]}"
    );
    assert_eq!(
        series_line::<f64>("empty", &[]),
        "{\"series\":\"empty\",\"readings\":[]}"
    );
    assert_eq!(
        series_line("load", &[Some(0.5f64), Some(f64::NAN), None]),
        "{\"series\":\"load\",\"readings\":[0.5,null,null]}"
    );
    assert_eq!(
        series_line("cache.hits", &[None, Some(Ratio(0.75))]),
        "{\"series\":\"cache.hits\",\"readings\":[null,0.75]}"
    );
}

#[test]
fn a_row_writes_each_reading_as_its_own_type_encodes_it() {
    assert_eq!(row_line(vec![&7u8, &true, &-3i64]), "[7,true,-3]");
    assert_eq!(row_line(Vec::new()), "[]");
    assert_eq!(
        row_line(vec![&0.5f32, &f64::NAN, &f32::INFINITY]),
        "[0.5,null,null]",
        "a float in a row is still a float: JSON cannot hold NaN or an infinity"
    );
    assert_eq!(
        row_line(vec![&Ratio(0.42), &2u16]),
        "[0.42,2]",
        "a row must write each reading as its own type encodes itself, not as it displays"
    );
    let reading: &dyn Plain = &Ratio(f64::INFINITY);
    assert_eq!(to_line(reading), "null");
    assert_eq!(to_line(&vec![Some(reading), None]), "[null,null]");
}
