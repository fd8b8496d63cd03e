//! Progress bars drawn by indicatif into an in-memory terminal, so that the same bar can be
//! printed by `list` and placed on the watch screen: exercises done, and a check in progress.

use indicatif::{InMemoryTerm, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::style;

/// One line: a bar and `done/total exercises done`, as wide as `width` allows.
pub fn bar_line(done: usize, total: usize, width: u16) -> String {
    labelled_bar("Progress:", "exercises done", done, total, width)
}

/// One line: `before`, a bar, `done/total` and `after`.
pub fn labelled_bar(before: &str, after: &str, done: usize, total: usize, width: u16) -> String {
    let width = width.clamp(20, 200);
    let term = InMemoryTerm::new(1, width);
    let bar = ProgressBar::with_draw_target(
        Some(total as u64),
        ProgressDrawTarget::term_like(Box::new(term.clone())),
    )
    .with_style(
        ProgressStyle::with_template(&format!(
            "{before} [{{bar:30.green}}] {{pos}}/{{len}} {after}"
        ))
        .expect("the template is valid")
        .progress_chars("#--"),
    );
    bar.set_position(done as u64);
    // `abandon` draws the final state at once, whatever the draw rate limit says.
    bar.abandon();
    let text = if style::enabled() {
        String::from_utf8_lossy(&term.contents_formatted()).into_owned()
    } else {
        term.contents()
    };
    text.lines()
        .find(|l| !strip_ansi_escapes::strip_str(l).trim().is_empty())
        .unwrap_or_default()
        .trim_end()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_counts_what_is_done() {
        colored::control::set_override(false);
        let line = bar_line(6, 12, 80);
        assert!(line.starts_with("Progress: ["), "{line}");
        assert!(line.ends_with("6/12 exercises done"), "{line}");
        assert_eq!(line.matches('#').count(), 15, "{line}");
    }
}
