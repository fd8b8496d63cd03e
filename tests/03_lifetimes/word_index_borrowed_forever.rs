use super::*;

fn docs(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| text.to_string()).collect()
}

#[test]
fn longest_after_each_keeps_its_signature() {
    let _: fn(&[String]) -> Vec<&str> = longest_after_each;
}

#[test]
fn the_longest_word_after_each_document() {
    let texts = docs(&[
        "rust has no garbage collector",
        "",
        "ownership and borrowing instead",
        "lifetimes",
        "zero cost abstractions everywhere",
    ]);
    assert_eq!(
        longest_after_each(&texts),
        [
            "collector",
            "collector",
            "collector",
            "collector",
            "abstractions"
        ],
        "a word of the same length found later does not replace the earlier one"
    );
}

#[test]
fn empty_documents_record_nothing_until_a_word_arrives() {
    let texts = docs(&["", "   ", "a bb", "cc"]);
    assert_eq!(longest_after_each(&texts), ["bb", "bb"]);
    assert!(longest_after_each(&[]).is_empty());
}

#[test]
fn the_words_point_into_the_documents() {
    let texts = docs(&["alpha beta", "gamma epsilon"]);
    let longest = longest_after_each(&texts);
    assert_eq!(longest, ["alpha", "epsilon"]);
    assert_eq!(
        longest[0].as_ptr(),
        texts[0].as_ptr(),
        "the word was copied"
    );
    assert_eq!(
        longest[1].as_ptr(),
        texts[1][6..].as_ptr(),
        "the word was copied"
    );
}

#[test]
fn a_word_can_be_kept_while_the_index_grows() {
    let first = String::from("short words only");
    let second = String::from("considerably longer");
    let mut index = WordIndex::default();
    assert_eq!(index.add(&first), 3);
    let kept = index.longest().expect("three words are indexed");
    assert_eq!(index.add(&second), 2);
    assert_eq!(index.add(&first), 3);
    assert_eq!(kept, "short");
    assert_eq!(index.longest(), Some("considerably"));
    assert_eq!(index.count("words"), 2);
}

#[test]
fn the_words_outlive_the_index() {
    let text = String::from("a tiny index");
    let word = {
        let mut index = WordIndex::default();
        index.add(&text);
        index.longest()
    };
    assert_eq!(word, Some("index"));
}

#[test]
fn a_kept_word_survives_the_index_being_replaced() {
    let texts = docs(&["one three", "seventeen", "two"]);
    let mut index = WordIndex::default();
    index.add(&texts[0]);
    let first = index.longest();
    index = WordIndex::default();
    index.add(&texts[2]);
    let second = index.longest();
    index.add(&texts[1]);
    let third = index.longest();
    drop(index);
    assert_eq!(
        (first, second, third),
        (Some("three"), Some("two"), Some("seventeen"))
    );
}

#[test]
fn ties_go_to_the_earliest_word() {
    let mut index = WordIndex::default();
    index.add("dog cat");
    index.add("cow");
    assert_eq!(index.longest(), Some("dog"));
    assert_eq!(index.count("cow"), 1);
    assert_eq!(index.count("bird"), 0);
}
