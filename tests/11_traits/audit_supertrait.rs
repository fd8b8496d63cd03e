use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn order() -> Order {
    Order {
        number: 1042,
        clerk: "amara".into(),
        total_cents: 3999,
    }
}

fn customer() -> Customer {
    Customer {
        id: 7,
        email: "li@example.org".into(),
        updated_by: "support-bot".into(),
    }
}

#[test]
fn audit_lines_use_the_record_key() {
    assert_eq!(order().audit_line(), "orders/1042 changed by amara");
    assert_eq!(
        customer().audit_line(),
        "customers/7 changed by support-bot"
    );
}

#[test]
fn a_report_over_mixed_trait_objects() {
    let (o, c) = (order(), customer());
    let changed: Vec<&dyn Auditable> = vec![&o, &c];
    assert_eq!(
        audit_report(&changed),
        [
            "orders/1042 changed by amara",
            "customers/7 changed by support-bot"
        ]
    );
    assert!(audit_report(&[]).is_empty());
}

#[test]
fn record_methods_are_callable_on_a_dyn_auditable() {
    let (o, c) = (order(), customer());
    let second = Order {
        number: 1043,
        ..order()
    };
    let changed: Vec<&dyn Auditable> = vec![&o, &c, &second];
    assert_eq!(tables_touched(&changed), ["orders", "customers"]);
    let ids: Vec<u64> = changed.iter().map(|item| item.id()).collect();
    assert_eq!(ids, [1042, 7, 1043]);
}

#[test]
fn generic_code_bounded_by_auditable_sees_record() {
    fn key_and_author<T: Auditable>(item: &T) -> (String, String) {
        (item.key(), item.changed_by().to_owned())
    }
    assert_eq!(
        key_and_author(&customer()),
        ("customers/7".to_owned(), "support-bot".to_owned())
    );
}

#[test]
fn a_new_type_implements_both_traits() {
    struct Refund {
        order: u64,
        approved_by: &'static str,
    }
    impl Record for Refund {
        fn table(&self) -> &'static str {
            "refunds"
        }
        fn id(&self) -> u64 {
            self.order * 10
        }
        fn key(&self) -> String {
            format!("refund-of-{}", self.order)
        }
    }
    impl Auditable for Refund {
        fn changed_by(&self) -> &str {
            self.approved_by
        }
    }
    let refund = Refund {
        order: 1042,
        approved_by: "kemal",
    };
    // The audit line uses the refund's own `key`, which overrides `Record`'s default.
    assert_eq!(refund.audit_line(), "refund-of-1042 changed by kemal");
    assert_eq!(tables_touched(&[&refund, &order()]), ["refunds", "orders"]);
}

#[test]
fn a_record_that_borrows_its_data_can_be_auditable() {
    struct Draft<'a> {
        number: u64,
        clerk: &'a str,
    }
    impl Record for Draft<'_> {
        fn table(&self) -> &'static str {
            "drafts"
        }
        fn id(&self) -> u64 {
            self.number
        }
    }
    impl Auditable for Draft<'_> {
        fn changed_by(&self) -> &str {
            self.clerk
        }
    }
    // The clerk's name lives only as long as this test.
    let clerk = ::std::string::String::from("noor");
    let draft = Draft {
        number: 5,
        clerk: &clerk,
    };
    assert_eq!(draft.audit_line(), "drafts/5 changed by noor");
    assert_eq!(audit_report(&[&draft]), ["drafts/5 changed by noor"]);
}

#[test]
fn a_record_that_shares_its_data_within_one_thread_can_be_auditable() {
    // `Rc` is neither `Send` nor `Sync`: nothing in auditing needs other threads.
    struct Note {
        id: u64,
        author: ::std::rc::Rc<str>,
    }
    impl Record for Note {
        fn table(&self) -> &'static str {
            "notes"
        }
        fn id(&self) -> u64 {
            self.id
        }
    }
    impl Auditable for Note {
        fn changed_by(&self) -> &str {
            &self.author
        }
    }
    let author: ::std::rc::Rc<str> = ::std::rc::Rc::from("ines");
    let (first, second) = (
        Note {
            id: 1,
            author: ::std::rc::Rc::clone(&author),
        },
        Note { id: 2, author },
    );
    assert_eq!(
        audit_report(&[&first, &second]),
        ["notes/1 changed by ines", "notes/2 changed by ines"]
    );
    assert_eq!(
        tables_touched(&[&first, &order(), &second]),
        ["notes", "orders"]
    );
}
