// Question 1: What is Rust, and where is it mostly used?
// Feature: zero-cost abstractions. "What you don't use, you don't pay for; what you do use, you
// couldn't hand-code any better." An interviewer's follow-up: prove it, for this code.
//
// A trading terminal keeps the day's trades of one instrument on a `Tape`, oldest first; their
// times never go down. The price chart asks the tape for a stretch of it with `prices`:
//   - `Span::Last(n)`: the prices of the `n` latest trades (all of them if there are fewer);
//   - `Span::Since(t)`: the prices of every trade made at time `t` or later;
// in the tape's order, and the chart reads them as they come. The chart redraws every series
// many times a second, on a budget, and the performance review left these promises to keep:
//   - asking for a span, and reading the answer, never touches the heap;
//   - the chart draws newest-first, and sizes its axis before it draws: it reads an answer from
//     either end, and learns how many prices it holds without reading them;
//   - it copies an answer to read it twice (once for the axis range, once to draw), rather than
//     asking the tape again;
//   - the export of a span runs on a worker thread: an answer can be moved to another thread;
//   - the chart keeps one answer per series it shows, thousands of them: an answer takes no
//     more memory than lending the chart the span itself would (a `&[Trade]`).
// Today's version boxes the answer, and the review says it misses most of them. Keep `Trade`,
// `Span` and `Tape::new`; `prices` keeps its name and its argument, and you choose its return
// type. How `prices` finds the start of a span is yours too.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Trade {
    /// Milliseconds since the market opened.
    time: u64,
    /// The price, in cents.
    cents: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Span {
    Last(usize),
    Since(u64),
}

struct Tape {
    trades: Vec<Trade>,
}

impl Tape {
    /// `trades` must be in time order (the feed guarantees it).
    fn new(trades: Vec<Trade>) -> Self {
        Tape { trades }
    }

    fn prices(&self, span: Span) -> Box<dyn Iterator<Item = u64> + '_> {
        match span {
            Span::Last(n) => {
                let skip = self.trades.len().saturating_sub(n);
                Box::new(self.trades.iter().skip(skip).map(|trade| trade.cents))
            }
            Span::Since(t) => Box::new(
                self.trades
                    .iter()
                    .skip_while(move |trade| trade.time < t)
                    .map(|trade| trade.cents),
            ),
        }
    }
}

fn main() {
    let feed = [(100, 10_050), (250, 10_075), (250, 10_060), (900, 10_110)];
    let tape = Tape::new(feed.map(|(time, cents)| Trade { time, cents }).to_vec());
    let last: Vec<u64> = tape.prices(Span::Last(2)).collect();
    let since: Vec<u64> = tape.prices(Span::Since(250)).collect();
    println!("last 2: {last:?}, since 250: {since:?}");
}
