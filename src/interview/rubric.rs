//! The rubric checklist: which of the points a strong answer makes (listed per question in
//! info.toml, each with the words that name it) a written answer mentions. It matches words, so
//! it is a checklist for the candidate, not a judge of whether what they wrote is right.

use serde::{Deserialize, Serialize};

use crate::exercise::RubricPoint;

/// How many of a question's rubric points an answer mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub covered: usize,
    pub of: usize,
}

/// Each point of `rubric`, and whether `answer` names it.
pub fn check<'r>(rubric: &'r [RubricPoint], answer: &str) -> Vec<(&'r RubricPoint, bool)> {
    let text = normalise(answer);
    rubric
        .iter()
        .map(|point| {
            let named = point
                .terms
                .iter()
                .any(|term| mentions(&text, &normalise(term)));
            (point, named)
        })
        .collect()
}

pub fn coverage(checked: &[(&RubricPoint, bool)]) -> Coverage {
    Coverage {
        covered: checked.iter().filter(|(_, named)| *named).count(),
        of: checked.len(),
    }
}

/// Lower case, with every run of spaces, hyphens and line breaks as one space: "Self-
/// referential" and "self referential" read alike.
fn normalise(text: &str) -> String {
    let lower = text.to_lowercase().replace(['-', '_', '`'], " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `term` starts a word of `text` ("borrow" is in "borrowed", not in "sborrow").
fn mentions(text: &str, term: &str) -> bool {
    !term.is_empty()
        && text.match_indices(term).any(|(at, _)| {
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(terms: &[&str]) -> RubricPoint {
        RubricPoint {
            point: terms[0].to_owned(),
            terms: terms.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn a_point_is_named_by_any_of_its_words_at_the_start_of_a_word() {
        let rubric = [
            point(&["self-referential", "points into itself"]),
            point(&["unpin"]),
            point(&["pin projection", "project"]),
        ];
        let checked = check(
            &rubric,
            "A future may be Self\nReferential; moving it breaks that. Types that do not care \
             implement `Unpin`.",
        );
        let named: Vec<bool> = checked.iter().map(|(_, n)| *n).collect();
        assert_eq!(named, [true, true, false]);
        assert_eq!(coverage(&checked), Coverage { covered: 2, of: 3 });
        let pin = [point(&["pin"])];
        let inside_a_word = check(&pin, "a spinning top");
        assert!(!inside_a_word[0].1, "pin is not in spinning");
    }
}
