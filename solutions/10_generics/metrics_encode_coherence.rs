// Question 10: What are generics in Rust?
//
// A metrics exporter writes each sample as one line of JSON. `Encode` is the exporter's own
// trait, implemented once per kind of value, generically where it can be: one impl for every
// list `Vec<T>` whose items can be encoded, one for every `Option<T>` (`None` is `null`), one
// for every reference `&T`. Text is quoted and escaped; numbers and booleans are written the
// way `Display` writes them, and to say that once, someone wrote a blanket impl for every `T`
// that is `Display`.
//
// It does not compile: the compiler finds the impls conflicting, even for types it could
// check are not `Display` today. Find out why, then make every impl below work together.
// What must be encodable: all the integer types, `f32` and `f64`, `bool`, `str` and `String`
// (quoted), lists, options and references of any of these (nested as deep as you like), and
// `Sample`. `Encode` and the signatures stay as they are, and so does the output format.

use std::fmt::Write;

trait Encode {
    /// Appends the JSON text of `self` to `out`.
    fn encode(&self, out: &mut String);
}

// Numbers and booleans, written as `Display` writes them. A blanket `impl<T: Display> Encode
// for T` claimed every `Display` type: `String` and every `&T` whose `T` is `Display` really
// are, and coherence also counts impls that a later std may add, such as `Display` for
// `Vec<T>` or `Option<T>`, so that adding one is never a breaking change. Impls for
// the plain types by name claim those types and nothing else. (A blanket over a marker trait
// of this crate would not do either: another crate could implement the marker for its `&Type`,
// and that impl would overlap with the one for `&T`.)
macro_rules! encode_with_display {
    ($($plain:ty),*) => {
        $(
            impl Encode for $plain {
                fn encode(&self, out: &mut String) {
                    write!(out, "{self}").unwrap();
                }
            }
        )*
    };
}

encode_with_display!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64, bool
);

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
}
