use super::*;

fn editor(lines: &[&str]) -> Editor {
    Editor {
        lines: lines.iter().map(|line| line.to_string()).collect(),
        clipboard: Vec::new(),
    }
}

#[test]
fn matching_lines_are_copied_in_order() {
    let mut e = editor(&["let x = 1;", "// x is one", "let y = 2;"]);
    assert_eq!(e.copy_matching("let"), 2);
    assert_eq!(e.clipboard, vec!["let x = 1;", "let y = 2;"]);
}

#[test]
fn the_buffer_is_unchanged() {
    let mut e = editor(&["alpha", "beta", "alphabet"]);
    e.copy_matching("alpha");
    assert_eq!(e.lines(), ["alpha", "beta", "alphabet"]);
}

#[test]
fn copies_accumulate_on_the_clipboard() {
    let mut e = editor(&["fn main() {", "}", "fn helper() {"]);
    assert_eq!(e.copy_matching("fn"), 2);
    assert_eq!(e.copy_matching("}"), 1);
    assert_eq!(e.clipboard, vec!["fn main() {", "fn helper() {", "}"]);
    assert_eq!(e.clipboard_mut().len(), 3);
}

#[test]
fn nothing_matches() {
    let mut e = editor(&["one", "two"]);
    assert_eq!(e.copy_matching("three"), 0);
    assert!(e.clipboard.is_empty());
}

#[test]
fn an_empty_word_matches_every_line() {
    let mut e = editor(&["a", "", "c"]);
    assert_eq!(e.copy_matching(""), 3);
    assert_eq!(e.clipboard, vec!["a", "", "c"]);
}

#[test]
fn an_empty_buffer_copies_nothing() {
    let mut e = Editor::default();
    assert_eq!(e.copy_matching("x"), 0);
}
