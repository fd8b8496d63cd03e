//! A share of a class, for grading it on several machines: `--partition K/N` (as cargo-nextest's
//! `--partition`). `count:K/N` (or plain `K/N`) takes, of the students sorted by name, every N-th
//! one starting at the K-th, so shares differ in size by one at most; `hash:K/N` takes the
//! students whose name hashes to share K, so a student stays in the same share however the class
//! changes. Shares are numbered from 1, and the N shares of a class hold each student once.

use std::fmt;

/// One share of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    pub how: How,
    /// Which share, from 1 to `total`.
    pub shard: u64,
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Every `total`-th student of the class in name order, starting at the `shard`-th.
    Count,
    /// The students whose name hashes to the share (64-bit FNV-1a of the name's UTF-8 bytes,
    /// modulo `total`), whoever else is in the class.
    Hash,
}

/// What the command line accepts, in every error about it.
const FORM: &str = "give the share as K/N, count:K/N or hash:K/N, with K from 1 to N (such as 2/3)";

impl Partition {
    /// `K/N`, `count:K/N` or `hash:K/N`; the error says what was wrong and the form expected.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (how, shares) = match text.split_once(':') {
            None => (How::Count, text),
            Some(("count", rest)) => (How::Count, rest),
            Some(("hash", rest)) => (How::Hash, rest),
            Some((other, _)) => {
                return Err(format!("`{other}:` is not a kind of share: {FORM}"));
            }
        };
        let Some((k, n)) = shares.split_once('/') else {
            return Err(format!("no `/` between K and N: {FORM}"));
        };
        let number = |part: &str, what: &str| {
            part.parse::<u64>()
                .map_err(|_| format!("{what} `{part}` is not a whole number: {FORM}"))
        };
        let (shard, total) = (number(k, "K")?, number(n, "N")?);
        if total == 0 {
            return Err(format!(
                "N is 0, and a class cannot be cut into no shares: {FORM}"
            ));
        }
        if shard == 0 || shard > total {
            return Err(format!("share {shard} of {total} does not exist: {FORM}"));
        }
        Ok(Self { how, shard, total })
    }

    /// The items of this share, of `all` sorted by name (`name` gives an item's).
    pub fn select<T>(&self, all: Vec<T>, name: impl Fn(&T) -> &str) -> Vec<T> {
        all.into_iter()
            .enumerate()
            .filter(|(index, item)| {
                let at = match self.how {
                    How::Count => *index as u64,
                    How::Hash => crate::fnv::fnv1a(name(item).as_bytes()),
                };
                at % self.total == self.shard - 1
            })
            .map(|(_, item)| item)
            .collect()
    }
}

impl fmt::Display for Partition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = match self.how {
            How::Count => "count",
            How::Hash => "hash",
        };
        write!(f, "{how}:{}/{}", self.shard, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(partition: &str, class: &[&'static str]) -> Vec<&'static str> {
        Partition::parse(partition)
            .unwrap()
            .select(class.to_vec(), |s| s)
    }

    const CLASS: [&str; 7] = ["ana", "ben", "cy", "dee", "eli", "fay", "gus"];

    #[test]
    fn count_takes_every_nth_student_starting_at_the_kth() {
        assert_eq!(names("1/3", &CLASS), ["ana", "dee", "gus"]);
        assert_eq!(names("count:2/3", &CLASS), ["ben", "eli"]);
        assert_eq!(names("3/3", &CLASS), ["cy", "fay"]);
        assert_eq!(names("1/1", &CLASS), CLASS);
        assert!(names("9/9", &CLASS).is_empty());
    }

    #[test]
    fn the_shares_of_a_class_hold_each_student_once() {
        for how in ["count", "hash"] {
            for total in 1..=8 {
                let mut all: Vec<&str> = (1..=total)
                    .flat_map(|k| names(&format!("{how}:{k}/{total}"), &CLASS))
                    .collect();
                all.sort();
                assert_eq!(all, CLASS, "{how}:K/{total}");
            }
        }
    }

    #[test]
    fn hash_keeps_a_student_in_the_same_share_when_others_join() {
        let share = |class: &[&'static str]| names("hash:2/3", class);
        let before = share(&CLASS);
        let after = share(&[
            "aaron", "ana", "ben", "cy", "dee", "eli", "fay", "gus", "zoe",
        ]);
        assert!(
            before.iter().all(|s| after.contains(s)),
            "{before:?} {after:?}"
        );
    }

    #[test]
    fn a_share_reads_back_as_written() {
        for text in ["count:1/2", "hash:3/3"] {
            assert_eq!(Partition::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Partition::parse("2/5").unwrap().to_string(), "count:2/5");
    }

    #[test]
    fn bad_shares_say_what_is_wrong_and_the_form_expected() {
        for (text, says) in [
            ("0/3", "share 0 of 3 does not exist"),
            ("4/3", "share 4 of 3 does not exist"),
            ("1/0", "N is 0"),
            ("x", "no `/` between K and N"),
            ("", "no `/` between K and N"),
            ("a/3", "K `a` is not a whole number"),
            ("1/-3", "N `-3` is not a whole number"),
            ("slice:1/3", "`slice:` is not a kind of share"),
            ("count:1/3/4", "N `3/4` is not a whole number"),
        ] {
            let error = Partition::parse(text).unwrap_err();
            assert!(error.starts_with(says), "{text}: {error}");
            assert!(error.ends_with(FORM), "{text}: {error}");
        }
    }
}
