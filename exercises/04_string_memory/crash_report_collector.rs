// Question 4: How is memory allocated for a `String`?
// A `String` owns one block of heap memory and frees it when it is dropped. Whoever holds the
// `String` holds all of that block, however little of it the text fills.
//
// A crash-report collector reads log lines from a client's connection. `next_report` returns
// the next line worth keeping, without its line ending; a blank line, a `#` comment or a `PING`
// heartbeat is skipped. The index stores every report it is given, for weeks: millions of them.
//
// What the on-call team asks of it (the hidden tests count what it asks of the heap):
// - Heartbeats are most of the traffic. Once the collector has read a few ordinary lines (up to
//   4 KiB each), skipping a line must not touch the heap at all.
// - A report must hold the bytes of its text and not one byte more, since it is kept for weeks;
//   and an ordinary report must cost the heap one allocation.
// - Between two calls, the collector itself holds at most 64 KiB, whatever it has read. Last
//   month a client sent a 300 MB core dump as one line, and the collector held on to 300 MB
//   until it was restarted.
// - The machine it runs on has room for one copy of such a line, not two: a line over 64 KiB
//   must never be in the collector's memory twice, not even for a moment.
//
// Keep the signatures of `new` and `next_report`.

use std::io::{self, BufRead};

/// Whether a line is noise that the index does not want.
fn is_noise(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with('#') || line == "PING"
}

pub struct Collector<R> {
    input: R,
}

impl<R: BufRead> Collector<R> {
    pub fn new(input: R) -> Self {
        Collector { input }
    }

    /// The next line worth keeping, without its line ending; `None` at the end of the input.
    pub fn next_report(&mut self) -> io::Result<Option<String>> {
        loop {
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            let text = line.trim_end_matches(['\n', '\r']).len();
            if is_noise(&line[..text]) {
                continue;
            }
            line.truncate(text);
            return Ok(Some(line));
        }
    }
}

fn main() {
    let log = "PING\nsegfault at 0x0 in render()\n# rotated\n\nPING\nOOM killed pid 4242\r\n";
    let mut collector = Collector::new(log.as_bytes());
    while let Some(report) = collector.next_report().unwrap() {
        println!("{report}");
    }
}
