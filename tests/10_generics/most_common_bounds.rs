use super::*;

#[test]
fn finds_the_most_common_string_slice() {
    let levels = ["warn", "info", "error", "info", "warn", "info"];
    assert_eq!(most_common(&levels), Some("info"));
}

#[test]
fn works_for_numbers() {
    let votes: Vec<u8> = vec![3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    assert_eq!(most_common(&votes), Some(5));
    let temperatures = [-3i64, -3, 7, 7, 7, -3, -3];
    assert_eq!(most_common(&temperatures), Some(-3));
}

#[test]
fn works_for_owned_strings_and_returns_an_owned_copy() {
    let readers = vec![
        String::from("ada"),
        String::from("linus"),
        String::from("grace"),
        String::from("linus"),
    ];
    let winner: Option<String> = most_common(&readers);
    assert_eq!(winner.as_deref(), Some("linus"));
    assert_eq!(readers.len(), 4, "the input must be left as it was");
}

#[test]
fn works_for_a_type_defined_elsewhere() {
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    struct Station {
        zone: char,
        number: u16,
    }
    let seen = [
        Station {
            zone: 'b',
            number: 2,
        },
        Station {
            zone: 'a',
            number: 7,
        },
        Station {
            zone: 'a',
            number: 7,
        },
    ];
    assert_eq!(
        most_common(&seen),
        Some(Station {
            zone: 'a',
            number: 7
        })
    );
}

#[test]
fn a_tie_goes_to_the_value_seen_first() {
    assert_eq!(most_common(&[3, 1, 1, 3, 2]), Some(3));
    let letters: Vec<char> = "mississippi".chars().collect();
    // 'i' and 's' both appear four times; 'i' comes first.
    assert_eq!(most_common(&letters), Some('i'));
}

#[test]
fn single_and_empty_slices() {
    assert_eq!(most_common(&[42u32]), Some(42));
    let empty: [bool; 0] = [];
    assert_eq!(most_common(&empty), None);
}
