//! The progress line that `list` prints and the watch screen shows: exercises done, and a check
//! in progress. (indicatif draws the bars of work people wait for: grading, the kit check.)

use colored::Colorize;

/// One line: a bar and `done/total exercises done`, as wide as `width` allows.
pub fn bar_line(done: usize, total: usize, width: u16) -> String {
    labelled_bar("Progress:", "exercises done", done, total, width)
}

/// One line: `before`, a bar, `done/total` and `after`. The bar takes up to 30 columns and
/// shrinks (to 5) so that the line fits a narrow window; narrower still, the bar goes, and then
/// `before`.
pub fn labelled_bar(before: &str, after: &str, done: usize, total: usize, width: u16) -> String {
    let width = usize::from(width);
    let count = format!("{done}/{total}");
    let words = format!("{count} {after}");
    let text = before.chars().count() + 1 + words.chars().count();
    // A space and the two brackets around the bar.
    let Some(bar_width) = width.checked_sub(text + 3).filter(|w| *w >= 5) else {
        return if text <= width {
            format!("{before} {words}")
        } else {
            words
        };
    };
    let bar_width = bar_width.min(30);
    let filled = (done.min(total) * bar_width)
        .checked_div(total)
        .unwrap_or(0);
    format!(
        "{before} [{}{}] {words}",
        "#".repeat(filled).green(),
        "-".repeat(bar_width - filled)
    )
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

    #[test]
    fn a_narrow_window_gets_a_shorter_bar() {
        colored::control::set_override(false);
        let line = bar_line(3, 4, 40);
        assert!(line.chars().count() <= 40, "{line}");
        assert!(line.ends_with("3/4 exercises done"), "{line}");
    }

    #[test]
    fn narrower_still_the_bar_goes_then_the_label() {
        colored::control::set_override(false);
        assert_eq!(bar_line(3, 104, 32), "Progress: 3/104 exercises done");
        assert_eq!(bar_line(3, 104, 24), "3/104 exercises done");
    }
}
