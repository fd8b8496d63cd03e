// Question 10: What are generics in Rust?
//
// A metrics exporter writes each sample as one line of JSON, through its own trait `Encode`.
// Lists (`Vec<T>`), options (`None` is `null`) and references are encoded once, generically,
// for any item type that is encodable, the app's own types included. Text is quoted and
// escaped. Numbers and booleans are the exporter's "plain" values: generic code such as
// `series_line` works with any `N: Plain` and names no other trait in its bounds, and a
// dashboard row (`row_line`) shows readings of different plain types side by side.
//
// The exporter does not build. Make it build and write what it should. What must stay true:
// - the integer types, `f32`, `f64` and `bool` are plain, written as `Display` writes them,
//   except that a float JSON cannot hold (NaN, an infinity) is written `null`;
// - `str`, `String`, `Sample`, and lists, options and references of anything encodable
//   (nested as deep as you like) are encodable;
// - code generic over `N: Plain` can encode its values, as `series_line` does, and every
//   reading, in a series or in a row, is written the way its own type encodes itself; a type
//   of the app's own may be made plain and encode its own way, as `Ratio` does (and other
//   crates may do the same with theirs).
// `Encode` and `Plain` keep their names and methods, and their bounds may change; every
// function's signature and the output format stay as they are.

use std::fmt::{Display, Write};

trait Encode {
    /// Appends the JSON text of `self` to `out`.
    fn encode(&self, out: &mut String);
}

/// A number or a boolean: a value a dashboard can plot.
trait Plain: Display {}

macro_rules! plain {
    ($($ty:ty),*) => {
        $(impl Plain for $ty {})*
    };
}

plain!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64, bool
);

impl<T: Plain> Encode for T {
    fn encode(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

// A row holds readings of several types behind `&dyn Plain`, which the impl above, for sized
// types only, does not cover.
impl Encode for dyn Plain + '_ {
    fn encode(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

impl Encode for str {
    fn encode(&self, out: &mut String) {
        out.push('"');
        for c in self.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

impl Encode for String {
    fn encode(&self, out: &mut String) {
        self.as_str().encode(out);
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, out: &mut String) {
        (**self).encode(out);
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut String) {
        match self {
            Some(value) => value.encode(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.encode(out);
        }
        out.push(']');
    }
}

/// A share of a whole: people read `42%`, the JSON holds `0.42`.
#[derive(Clone, Copy)]
struct Ratio(f64);

impl Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.0}%", self.0 * 100.0)
    }
}

impl Plain for Ratio {}

impl Encode for Ratio {
    fn encode(&self, out: &mut String) {
        self.0.encode(out);
    }
}

struct Sample {
    metric: &'static str,
    host: String,
    value: f64,
    healthy: bool,
    tags: Vec<String>,
    error: Option<String>,
}

impl Encode for Sample {
    fn encode(&self, out: &mut String) {
        out.push_str("{\"metric\":");
        self.metric.encode(out);
        out.push_str(",\"host\":");
        self.host.encode(out);
        out.push_str(",\"value\":");
        self.value.encode(out);
        out.push_str(",\"healthy\":");
        self.healthy.encode(out);
        out.push_str(",\"tags\":");
        self.tags.encode(out);
        out.push_str(",\"error\":");
        self.error.encode(out);
        out.push('}');
    }
}

/// One line of output: the JSON text of `value`.
fn to_line<T: Encode + ?Sized>(value: &T) -> String {
    let mut line = String::new();
    value.encode(&mut line);
    line
}

/// One line for a series of readings of one metric; a missing reading is `null`.
fn series_line<N: Plain>(metric: &str, readings: &[Option<N>]) -> String {
    let mut line = String::from("{\"series\":");
    metric.encode(&mut line);
    line.push_str(",\"readings\":[");
    for (i, reading) in readings.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        reading.encode(&mut line);
    }
    line.push_str("]}");
    line
}

/// One line for a dashboard row: the latest reading of each of its metrics, in order.
fn row_line(readings: Vec<&dyn Plain>) -> String {
    to_line(&readings)
}

fn main() {
    let sample = Sample {
        metric: "cpu.load",
        host: "web-1".into(),
        value: 0.75,
        healthy: true,
        tags: vec!["eu".into(), "prod".into()],
        error: None,
    };
    println!("{}", to_line(&sample));
    println!("{}", to_line(&vec![Some(3u8), None]));
    println!(
        "{}",
        series_line("room.temp", &[Some(20.5), None, Some(f64::NAN)])
    );
    println!(
        "{}",
        row_line(vec![&0.5f32, &true, &Ratio(0.42), &f64::INFINITY])
    );
}
