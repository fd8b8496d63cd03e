use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

#[path = "../exercise_support/counting.rs"]
mod counting;

use ::std::mem::size_of_val;
use counting::allocations;

fn tape(trades: &[(u64, u64)]) -> Tape {
    Tape::new(
        trades
            .iter()
            .map(|&(time, cents)| Trade { time, cents })
            .collect(),
    )
}

/// A morning of trades: times never go down, and some trades share a time.
fn morning() -> Tape {
    tape(&[
        (100, 501),
        (250, 502),
        (250, 503),
        (250, 504),
        (400, 505),
        (900, 506),
        (900, 507),
        (1_200, 508),
    ])
}

fn all(tape: &Tape, span: Span) -> Vec<u64> {
    tape.prices(span).collect()
}

#[test]
fn the_latest_trades() {
    let tape = morning();
    assert_eq!(all(&tape, Span::Last(3)), [506, 507, 508]);
    assert_eq!(all(&tape, Span::Last(1)), [508]);
    assert_eq!(all(&tape, Span::Last(0)), [] as [u64; 0]);
    assert_eq!(all(&tape, Span::Last(8)).len(), 8);
    assert_eq!(
        all(&tape, Span::Last(50)),
        [501, 502, 503, 504, 505, 506, 507, 508],
        "asking for more trades than the tape holds gives all of them"
    );
}

#[test]
fn the_trades_since_a_time() {
    let tape = morning();
    assert_eq!(
        all(&tape, Span::Since(250)),
        [502, 503, 504, 505, 506, 507, 508]
    );
    assert_eq!(all(&tape, Span::Since(251)), [505, 506, 507, 508]);
    assert_eq!(all(&tape, Span::Since(900)), [506, 507, 508]);
    assert_eq!(all(&tape, Span::Since(0)).len(), 8);
    assert_eq!(all(&tape, Span::Since(1_200)), [508]);
    assert_eq!(all(&tape, Span::Since(1_201)), [] as [u64; 0]);
    assert_eq!(all(&tape, Span::Since(u64::MAX)), [] as [u64; 0]);
}

#[test]
fn an_empty_tape_answers_nothing() {
    let empty = tape(&[]);
    assert_eq!(all(&empty, Span::Last(3)), [] as [u64; 0]);
    assert_eq!(all(&empty, Span::Since(0)), [] as [u64; 0]);
    assert_eq!(empty.prices(Span::Since(0)).len(), 0);
}

#[test]
fn the_chart_reads_newest_first_and_knows_the_count_up_front() {
    let tape = morning();
    let newest_first: Vec<u64> = tape.prices(Span::Since(250)).rev().collect();
    assert_eq!(newest_first, [508, 507, 506, 505, 504, 503, 502]);

    let mut answer = tape.prices(Span::Last(4));
    assert_eq!(answer.len(), 4, "the count is known before reading");
    assert_eq!(answer.next_back(), Some(508));
    assert_eq!(answer.next(), Some(505));
    assert_eq!(answer.len(), 2);
    assert_eq!(answer.next_back(), Some(507));
    assert_eq!(answer.next_back(), Some(506));
    assert_eq!(answer.len(), 0);
    assert_eq!(answer.next(), None);
    assert_eq!(answer.next_back(), None);
    for span in [
        Span::Last(0),
        Span::Last(99),
        Span::Since(0),
        Span::Since(400),
    ] {
        assert_eq!(tape.prices(span).len(), all(&tape, span).len(), "{span:?}");
        assert_eq!(
            tape.prices(span).size_hint().1,
            Some(all(&tape, span).len())
        );
    }
}

#[test]
fn an_answer_copied_is_read_twice_from_the_same_place() {
    let tape = morning();
    let mut answer = tape.prices(Span::Since(400));
    assert_eq!(answer.next(), Some(505));
    let copy = answer.clone();
    let (low, high) = copy.fold((u64::MAX, 0), |(low, high), c| (low.min(c), high.max(c)));
    assert_eq!((low, high), (506, 508));
    assert_eq!(answer.collect::<Vec<_>>(), [506, 507, 508]);
}

#[test]
fn an_answer_can_be_exported_by_another_thread() {
    let tape = morning();
    let answer = tape.prices(Span::Since(900));
    let total = ::std::thread::scope(|scope| {
        scope
            .spawn(move || answer.sum::<u64>())
            .join()
            .expect("the export thread panicked")
    });
    assert_eq!(total, 506 + 507 + 508);
}

#[test]
fn asking_and_reading_never_touch_the_heap() {
    let tape = morning();
    for span in [
        Span::Last(0),
        Span::Last(3),
        Span::Last(99),
        Span::Since(0),
        Span::Since(251),
        Span::Since(5_000),
    ] {
        let (total, count) = allocations(|| {
            let answer = tape.prices(span);
            let copy = answer.clone();
            let newest = copy.clone().next_back();
            let len = copy.len();
            let total: u64 = answer.rev().sum();
            (total, len, newest)
        });
        assert_eq!(
            count, 0,
            "asking for {span:?} and reading the answer allocated {count} time(s): the chart \
             redraws many times a second, and a span of the tape needs no memory of its own"
        );
        let expected = all(&tape, span);
        assert_eq!(
            total,
            (
                expected.iter().sum(),
                expected.len(),
                expected.last().copied()
            )
        );
    }
}

#[test]
fn an_answer_is_no_bigger_than_the_span_it_reads() {
    let tape = morning();
    let lent = ::std::mem::size_of::<&[Trade]>();
    for span in [Span::Last(3), Span::Since(250)] {
        let answer = tape.prices(span);
        let bytes = size_of_val(&answer);
        assert!(
            bytes <= lent,
            "an answer for {span:?} takes {bytes} bytes, where lending the chart the span itself \
             (a `&[Trade]`) takes {lent}: the chart holds thousands of answers, and whatever else \
             an answer carries (a count, a pointer, a tag saying which kind of span it is) is \
             paid in each of them, and looked at on every price read"
        );
    }
}
