// Question 3: What are lifetimes in Rust?
// Lifetimes in a trait method's signature are a contract for every implementation and every
// caller at once. When a method takes `&self`, elision ties the returned reference to `self`,
// whatever the implementations actually return.
//
// An import tool reads records in two formats: CSV rows whose columns are named by a header,
// and `key=value` pairs separated by `;`. Both implement `FieldParser::field`, which finds the
// value of a named field in a record and returns it as a slice of the record, without copying.
// `column` collects one field from many records with any parser.
// It does not compile: the trait's signature says the value borrows from the parser, and the
// implementations return part of the record. Fix the signature so that it says what the
// implementations do, in the trait and in both impls; keep the bodies and `column` unchanged.

trait FieldParser {
    // The value is a slice of `record`: it lives as long as the record, however briefly the
    // parser and the field name are borrowed.
    fn field<'r>(&self, record: &'r str, name: &str) -> Option<&'r str>;
}

struct Csv {
    header: Vec<String>,
}

impl FieldParser for Csv {
    fn field<'r>(&self, record: &'r str, name: &str) -> Option<&'r str> {
        let index = self.header.iter().position(|column| column == name)?;
        record.split(',').nth(index).map(str::trim)
    }
}

struct KeyValue;

impl FieldParser for KeyValue {
    fn field<'r>(&self, record: &'r str, name: &str) -> Option<&'r str> {
        record
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| key.trim() == name)
            .map(|(_, value)| value.trim())
    }
}

fn column<'r>(parser: &dyn FieldParser, records: &'r [String], name: &str) -> Vec<&'r str> {
    records
        .iter()
        .filter_map(|record| parser.field(record, name))
        .collect()
}

fn main() {
    let csv = Csv {
        header: vec!["id".into(), "city".into()],
    };
    let rows = vec!["1, Lyon".to_string(), "2,Porto".to_string()];
    println!("{:?}", column(&csv, &rows, "city"));
    let pairs = vec!["id=7; city=Oslo".to_string(), "city = Turin".to_string()];
    println!("{:?}", column(&KeyValue, &pairs, "city"));
}
