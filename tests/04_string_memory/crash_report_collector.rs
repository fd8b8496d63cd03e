use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::drop;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::measure;

/// What the collector may keep for itself between two calls.
const BUDGET: usize = 64 * 1024;
/// The size of a line that the collector must never hold twice.
const HUGE: usize = 1024 * 1024;

/// A connection that hands its bytes over a few at a time, as a socket does.
struct Trickle {
    bytes: Vec<u8>,
    at: usize,
    step: usize,
}

impl ::std::io::Read for Trickle {
    fn read(&mut self, out: &mut [u8]) -> ::std::io::Result<usize> {
        let n = self.step.min(out.len()).min(self.bytes.len() - self.at);
        out[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

fn all_reports<R: ::std::io::BufRead>(collector: &mut Collector<R>) -> Vec<String> {
    let mut reports = Vec::new();
    while let Some(report) = collector.next_report().expect("the log is valid UTF-8") {
        reports.push(report);
    }
    reports
}

/// Lines that make a collector warm: ordinary lines of up to 4 KiB, reports and noise.
fn warm_up(log: &mut String) {
    log.push_str(&"w".repeat(4096));
    log.push('\n');
    log.push_str("PING\n# ");
    log.push_str(&"c".repeat(4000));
    log.push_str("\nwarm report\n");
}

/// What the collector holds: the bytes its drop gives back.
fn held_by<R>(collector: Collector<R>) -> usize {
    measure(|| drop(collector)).1.freed_bytes
}

#[test]
fn the_signatures_stay() {
    let _: fn(&'static [u8]) -> Collector<&'static [u8]> = Collector::new;
    let _: fn(&mut Collector<&'static [u8]>) -> ::std::io::Result<Option<String>> =
        Collector::next_report;
}

#[test]
fn reports_come_out_without_noise_or_line_endings() {
    let log = "PING\nsegfault at 0x0\n# rotated\n\n   \n  PING  \r\nOOM killed pid 42\r\n\
               #no space\nPINGS are not heartbeats\nnaïve façade 🦀\nlast line, no ending";
    let expected = [
        "segfault at 0x0",
        "OOM killed pid 42",
        "PINGS are not heartbeats",
        "naïve façade 🦀",
        "last line, no ending",
    ];
    let mut collector = Collector::new(log.as_bytes());
    assert_eq!(all_reports(&mut collector), expected);
    assert_eq!(
        collector.next_report().unwrap(),
        None,
        "the end stays the end"
    );
    // The same log, a few bytes at a time: lines end up split between reads.
    for step in [1, 3, 7] {
        let trickle = Trickle {
            bytes: log.as_bytes().to_vec(),
            at: 0,
            step,
        };
        let mut collector = Collector::new(::std::io::BufReader::with_capacity(5, trickle));
        assert_eq!(
            all_reports(&mut collector),
            expected,
            "read {step} at a time"
        );
    }
}

#[test]
fn skipped_lines_cost_nothing_once_warm() {
    let mut log = String::new();
    warm_up(&mut log);
    for i in 0..300 {
        match i % 4 {
            0 => log.push_str("PING\n"),
            1 => log.push_str(&format!("# {}\n", "=".repeat(i * 13))),
            2 => log.push_str("\r\n"),
            _ => log.push_str("   PING \n"),
        }
    }
    log.push_str("kernel panic\n");
    let mut collector = Collector::new(log.as_bytes());
    assert_eq!(
        collector.next_report().unwrap().as_deref(),
        Some(&*"w".repeat(4096))
    );
    assert_eq!(
        collector.next_report().unwrap().as_deref(),
        Some("warm report")
    );
    let (report, usage) = measure(|| collector.next_report().unwrap());
    assert_eq!(report.as_deref(), Some("kernel panic"));
    assert_eq!(
        usage.allocations, 1,
        "skipping 300 heartbeats, comments and blank lines, then returning one report, asked \
         the heap {} times: once warm, a skipped line must not touch the heap at all",
        usage.allocations
    );
}

#[test]
fn an_ordinary_report_holds_its_text_and_costs_one_allocation() {
    let mut log = String::new();
    warm_up(&mut log);
    let texts = [
        "x".to_owned(),
        "disk full on /var".to_owned(),
        "é".repeat(1500),
        "stack: ".to_owned() + &"frame ".repeat(600),
        "ok".to_owned(),
    ];
    for (i, text) in texts.iter().enumerate() {
        log.push_str(text);
        log.push_str(if i % 2 == 0 { "\n" } else { "\r\n" });
        log.push_str("PING\n");
    }
    log.push_str("no ending");
    let mut collector = Collector::new(log.as_bytes());
    collector.next_report().unwrap();
    collector.next_report().unwrap();
    for text in texts.iter().map(String::as_str).chain(["no ending"]) {
        let (report, usage) = measure(|| collector.next_report().unwrap());
        let report = report.expect("a report");
        assert_eq!(report, text);
        assert_eq!(
            report.capacity(),
            report.len(),
            "a report of {} bytes holds {} bytes of heap: the index keeps it for weeks",
            report.len(),
            report.capacity()
        );
        assert_eq!(
            usage.allocations,
            1,
            "a report of {} bytes cost the heap {} allocations, once the collector was warm",
            report.len(),
            usage.allocations
        );
    }
    assert_eq!(collector.next_report().unwrap(), None);
}

#[test]
fn a_huge_report_is_never_held_twice() {
    let mut log = String::new();
    warm_up(&mut log);
    let dump = "d".repeat(HUGE);
    log.push_str(&dump);
    log.push_str("\r\nafter the dump\nPING\n");
    let mut collector = Collector::new(log.as_bytes());
    collector.next_report().unwrap();
    collector.next_report().unwrap();
    let (report, usage) = measure(|| collector.next_report().unwrap());
    let report = report.expect("the dump is a report");
    assert!(report == dump, "the dump came out changed");
    assert!(
        usage.peak < HUGE + HUGE / 2,
        "returning a 1 MiB report, the collector held {} bytes at one moment: the line was in \
         its memory twice, and the machine has room for it once",
        usage.peak
    );
    assert_eq!(
        report.capacity(),
        report.len(),
        "the 1 MiB report holds {} bytes of heap beyond its text",
        report.capacity() - report.len()
    );
    assert_eq!(
        collector.next_report().unwrap().as_deref(),
        Some("after the dump")
    );
}

#[test]
fn a_huge_report_is_not_kept_after_it_is_returned() {
    let mut log = String::new();
    warm_up(&mut log);
    log.push_str(&"d".repeat(HUGE));
    log.push_str("\nafter the dump\n");
    let mut collector = Collector::new(log.as_bytes());
    assert_eq!(all_reports(&mut collector).len(), 4);
    let held = held_by(collector);
    assert!(
        held <= BUDGET,
        "after a 1 MiB report, the collector still held {held} bytes between calls"
    );

    // The dump is the last line; the call after it finds the end of the input.
    let mut log = String::new();
    warm_up(&mut log);
    log.push_str(&"d".repeat(HUGE));
    let mut collector = Collector::new(log.as_bytes());
    let reports = all_reports(&mut collector);
    assert_eq!(reports.last().map(String::len), Some(HUGE));
    let held = held_by(collector);
    assert!(
        held <= BUDGET,
        "after a 1 MiB report at the end of the log, the collector still held {held} bytes"
    );
}

#[test]
fn a_huge_skipped_line_is_not_kept() {
    for tail in ["", "then a report\n"] {
        let mut log = String::new();
        warm_up(&mut log);
        log.push_str("# ");
        log.push_str(&"#".repeat(HUGE));
        log.push('\n');
        log.push_str(tail);
        let mut collector = Collector::new(log.as_bytes());
        let reports = all_reports(&mut collector);
        assert_eq!(reports.len(), if tail.is_empty() { 2 } else { 3 });
        let held = held_by(collector);
        assert!(
            held <= BUDGET,
            "after a 1 MiB comment line it skipped, the collector still held {held} bytes"
        );
    }
}

#[test]
fn the_budget_counts_what_is_held_not_the_text() {
    // A 40 KiB line, then a 50 KiB one: neither is over 64 KiB, but reading the second can
    // leave more than that behind.
    let first = "a".repeat(40 * 1024);
    let second = "b".repeat(50 * 1024);
    for skipped in [false, true] {
        let prefix = if skipped { "#" } else { "" };
        let log = format!("{first}\n{prefix}{second}\n");
        let mut collector = Collector::new(log.as_bytes());
        let reports = all_reports(&mut collector);
        assert_eq!(reports.len(), if skipped { 1 } else { 2 });
        assert!(
            reports.iter().all(|r| r.capacity() == r.len()),
            "a report holds more heap than its text"
        );
        let held = held_by(collector);
        assert!(
            held <= BUDGET,
            "after a 40 KiB line and a 50 KiB one, the collector held {held} bytes between calls"
        );
    }
}

#[test]
fn after_a_huge_line_it_is_warm_again() {
    let mut log = String::new();
    log.push_str(&"d".repeat(2 * HUGE));
    log.push('\n');
    warm_up(&mut log);
    for _ in 0..50 {
        log.push_str("PING\n# nothing to see\n");
    }
    log.push_str("watchdog fired\n");
    let mut collector = Collector::new(log.as_bytes());
    assert_eq!(
        collector.next_report().unwrap().map(|r| r.len()),
        Some(2 * HUGE)
    );
    collector.next_report().unwrap();
    collector.next_report().unwrap();
    let (report, usage) = measure(|| collector.next_report().unwrap());
    assert_eq!(report.as_deref(), Some("watchdog fired"));
    assert_eq!(
        usage.allocations, 1,
        "after a 2 MiB line and a few ordinary ones, 100 skipped lines and a report asked the \
         heap {} times",
        usage.allocations
    );
}
