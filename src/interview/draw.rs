//! Which questions an interview asks and which exercise goes with each: a draw that the same
//! seed always repeats, preferring exercises the candidate has not done yet.

use std::collections::BTreeSet;

use anyhow::{Result, bail};

use crate::kit::Kit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub question: u8,
    /// The exercise's index in the kit.
    pub exercise: usize,
}

/// `count` questions (or just `only`), each with an exercise of that question: one not in `done`
/// when there is one.
pub fn draw(
    kit: &Kit,
    done: &BTreeSet<String>,
    count: usize,
    only: Option<u8>,
    seed: u64,
) -> Result<Vec<Item>> {
    let exercises = kit.list.exercises();
    let mut questions: Vec<u8> = kit
        .list
        .questions()
        .iter()
        .map(|q| q.number)
        .filter(|n| exercises.iter().any(|e| e.question == *n))
        .filter(|n| only.is_none_or(|k| k == *n))
        .collect();
    if questions.is_empty() {
        match only {
            Some(k) => bail!("question {k} has no exercises in this kit"),
            None => bail!("this kit has no exercises"),
        }
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    rng.shuffle(&mut questions);
    questions.truncate(count.max(1));
    Ok(questions
        .into_iter()
        .map(|question| {
            let of_question: Vec<usize> = (0..exercises.len())
                .filter(|&i| exercises[i].question == question)
                .collect();
            let fresh: Vec<usize> = of_question
                .iter()
                .copied()
                .filter(|&i| !done.contains(&exercises[i].name))
                .collect();
            let pool = if fresh.is_empty() {
                &of_question
            } else {
                &fresh
            };
            Item {
                question,
                exercise: pool[rng.usize(..pool.len())],
            }
        })
        .collect())
}
