// Question 11: How do you implement inheritance in Rust?
//
// Traits can build on traits. `trait B: A` makes `A` a supertrait of `B`: a type can implement
// `B` only if it also implements `A`, and so `B`'s default methods, generic code bounded by
// `B`, and a `dyn B` can all use `A`'s methods too. It is the closest Rust comes to one
// interface extending another; no data or fields are inherited.
//
// Everything the shop stores is a `Record`, with a table name and an id. `Auditable` adds who
// last changed it and an audit line built from the record's key, but it does not compile:
// nothing tells the compiler that an `Auditable` is also a `Record`. Fix the declaration of
// `Auditable` (its first line), and nothing else.

trait Record {
    fn table(&self) -> &'static str;
    fn id(&self) -> u64;

    fn key(&self) -> String {
        format!("{}/{}", self.table(), self.id())
    }
}

// `Record` is a supertrait of `Auditable`: implementing `Auditable` requires implementing
// `Record`, so `self.key()` and a `dyn Auditable`'s `table()` are always there to call.
trait Auditable: Record {
    fn changed_by(&self) -> &str;

    fn audit_line(&self) -> String {
        format!("{} changed by {}", self.key(), self.changed_by())
    }
}

struct Order {
    number: u64,
    clerk: String,
    total_cents: u64,
}

struct Customer {
    id: u64,
    email: String,
    updated_by: String,
}

impl Record for Order {
    fn table(&self) -> &'static str {
        "orders"
    }

    fn id(&self) -> u64 {
        self.number
    }
}

impl Auditable for Order {
    fn changed_by(&self) -> &str {
        &self.clerk
    }
}

impl Record for Customer {
    fn table(&self) -> &'static str {
        "customers"
    }

    fn id(&self) -> u64 {
        self.id
    }
}

impl Auditable for Customer {
    fn changed_by(&self) -> &str {
        &self.updated_by
    }
}

/// The audit trail of a batch of changes of any kinds.
fn audit_report(changed: &[&dyn Auditable]) -> Vec<String> {
    changed.iter().map(|item| item.audit_line()).collect()
}

/// The tables touched by a batch of changes, without repeats, in first-seen order.
fn tables_touched(changed: &[&dyn Auditable]) -> Vec<&'static str> {
    let mut tables = Vec::new();
    for item in changed {
        if !tables.contains(&item.table()) {
            tables.push(item.table());
        }
    }
    tables
}

fn main() {
    let order = Order {
        number: 1042,
        clerk: "amara".into(),
        total_cents: 3999,
    };
    println!("{}", order.audit_line());
}
