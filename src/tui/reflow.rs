//! Prose from `info.toml` (hints, questions, model answers) is wrapped by hand at about 96
//! columns. On a screen of another width it is filled again: the lines of a paragraph or a list
//! item are joined and wrapped to the width, while code blocks keep their lines as written. The
//! full-screen commands fill their screens so, and `hint` and `explain` their output on a
//! terminal.

/// `text` filled to `width` columns.
pub fn reflow(text: &str, width: usize) -> Vec<String> {
    let width = width.max(20);
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            fill(&mut paragraph, width, &mut out);
            in_code = !in_code;
            out.push(line.to_owned());
        } else if in_code {
            out.push(line.to_owned());
        } else if trimmed.is_empty() {
            fill(&mut paragraph, width, &mut out);
            out.push(String::new());
        } else {
            // A list item or a quoted line starts a paragraph of its own.
            if trimmed.starts_with("- ") || trimmed.starts_with("> ") {
                fill(&mut paragraph, width, &mut out);
            }
            paragraph.push(line);
        }
    }
    fill(&mut paragraph, width, &mut out);
    out
}

/// `text` as a command prints it: filled to the terminal's width when standard output is one,
/// and as written otherwise (into a pipe, a pager or a file, where no width is known).
pub fn for_stdout(text: &str) -> String {
    use std::io::IsTerminal;
    let width = std::io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok);
    match width {
        Some((columns, _)) => reflow(text, columns.into()).join("\n"),
        None => text.to_owned(),
    }
}

/// Each line of `lines` (an entry may hold several, split at its line breaks) wrapped to `width`
/// columns on its own, between words where it can be: for text written for the screen, whose
/// line breaks mean something. Colour escapes take no columns.
pub fn wrap_each(lines: &[String], width: usize) -> Vec<String> {
    let width = width.max(20);
    lines
        .iter()
        .flat_map(|entry| entry.split('\n'))
        .flat_map(|line| {
            textwrap::wrap(line, width)
                .into_iter()
                .map(|l| l.into_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `text` after `label` (plain text), filled to `width`, with the label shown through `style`.
pub fn labelled(
    label: &str,
    text: &str,
    width: usize,
    style: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut lines = reflow(&format!("{label} {text}"), width);
    if let Some(first) = lines.first_mut() {
        *first = first.replacen(label, &style(label), 1);
    }
    lines
}

/// Wraps the gathered lines of one paragraph into `out`, and empties it.
fn fill(paragraph: &mut Vec<&str>, width: usize, out: &mut Vec<String>) {
    let Some(first) = paragraph.first() else {
        return;
    };
    let indent = if first.trim_start().starts_with("- ") {
        "  "
    } else {
        ""
    };
    let joined = paragraph
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let options = textwrap::Options::new(width).subsequent_indent(indent);
    out.extend(
        textwrap::wrap(&joined, options)
            .into_iter()
            .map(|l| l.into_owned()),
    );
    paragraph.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_filled_to_the_width_and_code_is_kept() {
        let text = "A hint that was\nwrapped early.\n\n```rust\nlet x =   1;\n```\n- one item\n  goes on\n- two";
        assert_eq!(
            reflow(text, 40),
            vec![
                "A hint that was wrapped early.",
                "",
                "```rust",
                "let x =   1;",
                "```",
                "- one item goes on",
                "- two",
            ]
        );
    }

    #[test]
    fn the_label_starts_the_first_line_and_is_styled_once() {
        let lines = labelled("Hint:", "Count\nthe characters, not the bytes.", 24, |l| {
            format!("*{l}*")
        });
        assert_eq!(
            lines,
            vec!["*Hint:* Count the", "characters, not the", "bytes."]
        );
    }

    #[test]
    fn each_line_is_wrapped_on_its_own_and_breaks_are_kept() {
        let lines = vec![
            "\u{1b}[33mChecked all 104 exercises: 0 pass, 52 do not compile\u{1b}[0m".to_owned(),
            "one\ntwo".to_owned(),
            String::new(),
        ];
        assert_eq!(
            wrap_each(&lines, 30),
            vec![
                "\u{1b}[33mChecked all 104 exercises: 0",
                "pass, 52 do not compile\u{1b}[0m",
                "one",
                "two",
                "",
            ]
        );
    }

    #[test]
    fn a_long_list_item_keeps_its_hanging_indent() {
        let lines = reflow("- aaaa bbbb cccc dddd eeee ffff gggg", 20);
        assert_eq!(
            lines,
            vec!["- aaaa bbbb cccc", "  dddd eeee ffff", "  gggg"]
        );
    }
}
