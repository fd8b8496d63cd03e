use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::mem::drop;

#[path = "../exercise_support/counting.rs"]
mod counting;

use ::std::mem::{discriminant, size_of};
use ::std::rc::Rc;
use counting::allocations;
use driver::Journal;

/// Everything a link reports: phase, channel, unacked, failures, retry time.
type Report = (Phase, Option<u32>, u32, u32, Option<u64>);

fn report(link: &Link) -> Report {
    (
        link.phase(),
        link.channel_id(),
        link.unacked(),
        link.failures(),
        link.retry_at(),
    )
}

fn accept(link: &mut Link, event: Event) {
    if let Err(back) = link.handle(event) {
        panic!(
            "{back:?} was refused in {:?}, but the lifecycle accepts it there",
            link.phase()
        );
    }
}

/// Hands `event` to the link, which must refuse it, give it back and change nothing.
fn refuse(link: &mut Link, journal: &Journal, event: Event) -> Event {
    let before = report(link);
    let entries = journal.entries();
    let kind = discriminant(&event);
    let what = format!("{event:?}");
    let back = match link.handle(event) {
        Ok(()) => panic!("{what} was accepted in {:?}, it must be refused", before.0),
        Err(back) => back,
    };
    assert_eq!(
        discriminant(&back),
        kind,
        "a refused event comes back in the `Err` as it was given ({what})"
    );
    assert_eq!(
        report(link),
        before,
        "refusing {what} must leave the link exactly as it was"
    );
    assert_eq!(
        journal.entries(),
        entries,
        "refusing {what} must not open or release anything"
    );
    back
}

fn up(journal: &Rc<Journal>, id: u32) -> Link {
    let mut link = Link::new();
    accept(&mut link, Event::Dial { now: 0 });
    accept(&mut link, Event::Opened(Channel::open(id, journal)));
    link
}

#[test]
fn a_link_is_small_and_never_touches_the_heap() {
    assert!(
        size_of::<Link>() <= 32,
        "a `Link` is {} bytes; the dispatcher has room for 32",
        size_of::<Link>()
    );
    let journal = Journal::shared();
    let first = Channel::open(1, &journal);
    let second = Channel::open(2, &journal);
    let (link, count) = allocations(move || {
        let mut link = Link::new();
        let steps = [
            Event::Dial { now: 0 },
            Event::Lost { now: 10 },
            Event::Dial { now: 5 },
            Event::Dial { now: 110 },
            Event::Opened(first),
            Event::Sent,
            Event::Sent,
            Event::Acked,
            Event::Lost { now: 500 },
            Event::Dial { now: 600 },
            Event::Opened(second),
            Event::Sent,
            Event::Close,
            Event::Sent,
        ];
        for event in steps {
            // Refused events come back and are dropped here: that may not allocate either.
            let _ = link.handle(event);
        }
        link
    });
    assert_eq!(count, 0, "`Link::new` and `handle` may not allocate");
    assert_eq!(report(&link), (Phase::Draining, Some(2), 1, 0, None));
}

#[test]
fn a_session_from_dial_to_closed() {
    let journal = Journal::shared();
    let mut link = Link::new();
    assert_eq!(report(&link), (Phase::Idle, None, 0, 0, None));
    accept(&mut link, Event::Dial { now: 0 });
    assert_eq!(report(&link), (Phase::Connecting, None, 0, 0, None));
    accept(&mut link, Event::Opened(Channel::open(7, &journal)));
    assert_eq!(report(&link), (Phase::Up, Some(7), 0, 0, None));
    accept(&mut link, Event::Sent);
    accept(&mut link, Event::Sent);
    accept(&mut link, Event::Sent);
    accept(&mut link, Event::Acked);
    assert_eq!(report(&link), (Phase::Up, Some(7), 2, 0, None));
    accept(&mut link, Event::Close);
    assert_eq!(report(&link), (Phase::Draining, Some(7), 2, 0, None));
    accept(&mut link, Event::Acked);
    assert_eq!(report(&link), (Phase::Draining, Some(7), 1, 0, None));
    assert_eq!(
        journal.entries(),
        [("open", 7)],
        "the channel is still needed"
    );
    accept(&mut link, Event::Acked);
    assert_eq!(report(&link), (Phase::Closed, None, 0, 0, None));
    assert_eq!(
        journal.entries(),
        [("open", 7), ("release", 7)],
        "the last ack closes the link, and the channel is released then"
    );
    drop(link);
    assert_eq!(
        journal.entries(),
        [("open", 7), ("release", 7)],
        "a channel is released once"
    );
}

#[test]
fn a_lost_channel_is_released_at_once_and_backoff_grows() {
    let journal = Journal::shared();
    let mut link = up(&journal, 1);
    accept(&mut link, Event::Sent);
    accept(&mut link, Event::Sent);
    accept(&mut link, Event::Lost { now: 1_000 });
    assert_eq!(report(&link), (Phase::Backoff, None, 0, 1, Some(1_100)));
    assert_eq!(
        journal.entries(),
        [("open", 1), ("release", 1)],
        "a link that lost its channel releases it as it leaves Up"
    );
    refuse(&mut link, &journal, Event::Dial { now: 1_099 });
    accept(&mut link, Event::Dial { now: 1_100 });
    assert_eq!(report(&link), (Phase::Connecting, None, 0, 1, None));
    accept(&mut link, Event::Lost { now: 2_000 });
    assert_eq!(report(&link), (Phase::Backoff, None, 0, 2, Some(2_200)));
    accept(&mut link, Event::Dial { now: 5_000 });
    accept(&mut link, Event::Lost { now: 6_000 });
    assert_eq!(report(&link), (Phase::Backoff, None, 0, 3, Some(6_300)));
    accept(&mut link, Event::Dial { now: 6_300 });
    accept(&mut link, Event::Opened(Channel::open(2, &journal)));
    assert_eq!(
        report(&link),
        (Phase::Up, Some(2), 0, 0, None),
        "a new channel starts with nothing unacked, and ends the run of failures"
    );
    accept(&mut link, Event::Lost { now: 7_000 });
    assert_eq!(report(&link), (Phase::Backoff, None, 0, 1, Some(7_100)));
    assert_eq!(
        journal.entries(),
        [("open", 1), ("release", 1), ("open", 2), ("release", 2)]
    );
}

#[test]
fn close_from_every_phase() {
    let journal = Journal::shared();

    let mut idle = Link::new();
    accept(&mut idle, Event::Close);
    assert_eq!(report(&idle), (Phase::Closed, None, 0, 0, None));

    let mut connecting = Link::new();
    accept(&mut connecting, Event::Dial { now: 0 });
    accept(&mut connecting, Event::Lost { now: 0 });
    accept(&mut connecting, Event::Dial { now: 100 });
    accept(&mut connecting, Event::Close);
    assert_eq!(report(&connecting), (Phase::Closed, None, 0, 0, None));

    let mut backoff = Link::new();
    accept(&mut backoff, Event::Dial { now: 0 });
    accept(&mut backoff, Event::Lost { now: 40 });
    accept(&mut backoff, Event::Close);
    assert_eq!(report(&backoff), (Phase::Closed, None, 0, 0, None));

    let mut quiet = up(&journal, 3);
    accept(&mut quiet, Event::Sent);
    accept(&mut quiet, Event::Acked);
    accept(&mut quiet, Event::Close);
    assert_eq!(
        report(&quiet),
        (Phase::Closed, None, 0, 0, None),
        "with nothing unacknowledged, closing closes"
    );
    assert_eq!(journal.entries(), [("open", 3), ("release", 3)]);

    let mut busy = up(&journal, 4);
    accept(&mut busy, Event::Sent);
    accept(&mut busy, Event::Close);
    assert_eq!(report(&busy), (Phase::Draining, Some(4), 1, 0, None));
    accept(&mut busy, Event::Lost { now: 900 });
    assert_eq!(
        report(&busy),
        (Phase::Closed, None, 0, 0, None),
        "a draining link that loses its channel closes, it does not retry"
    );
    assert_eq!(
        journal.entries(),
        [("open", 3), ("release", 3), ("open", 4), ("release", 4)]
    );
}

#[test]
fn refused_events_come_back_and_change_nothing() {
    let journal = Journal::shared();

    let mut idle = Link::new();
    for event in [Event::Sent, Event::Acked, Event::Lost { now: 5 }] {
        refuse(&mut idle, &journal, event);
    }
    let back = refuse(
        &mut idle,
        &journal,
        Event::Opened(Channel::open(10, &journal)),
    );
    assert!(matches!(&back, Event::Opened(channel) if channel.id() == 10));
    assert_eq!(
        journal.entries(),
        [("open", 10)],
        "a refused channel is the caller's again"
    );
    drop(back);

    let mut connecting = Link::new();
    accept(&mut connecting, Event::Dial { now: 0 });
    for event in [Event::Dial { now: 1 }, Event::Sent, Event::Acked] {
        refuse(&mut connecting, &journal, event);
    }

    let mut link = up(&journal, 11);
    refuse(&mut link, &journal, Event::Acked);
    accept(&mut link, Event::Sent);
    accept(&mut link, Event::Sent);
    for event in [
        Event::Dial { now: 0 },
        Event::Opened(Channel::open(12, &journal)),
    ] {
        refuse(&mut link, &journal, event);
    }
    accept(&mut link, Event::Close);
    for event in [
        Event::Sent,
        Event::Close,
        Event::Dial { now: 0 },
        Event::Opened(Channel::open(13, &journal)),
    ] {
        refuse(&mut link, &journal, event);
    }
    assert_eq!(report(&link), (Phase::Draining, Some(11), 2, 0, None));
    accept(&mut link, Event::Acked);
    accept(&mut link, Event::Acked);
    for event in [
        Event::Acked,
        Event::Sent,
        Event::Close,
        Event::Lost { now: 9 },
        Event::Dial { now: 9 },
    ] {
        refuse(&mut link, &journal, event);
    }

    let mut backoff = Link::new();
    accept(&mut backoff, Event::Dial { now: 0 });
    accept(&mut backoff, Event::Lost { now: 0 });
    for event in [Event::Sent, Event::Acked, Event::Lost { now: 50 }] {
        refuse(&mut backoff, &journal, event);
    }
    refuse(
        &mut backoff,
        &journal,
        Event::Opened(Channel::open(14, &journal)),
    );
    assert_eq!(report(&backoff), (Phase::Backoff, None, 0, 1, Some(100)));
    assert_eq!(
        journal.entries(),
        [
            ("open", 10),
            ("release", 10),
            ("open", 11),
            ("open", 12),
            ("release", 12),
            ("open", 13),
            ("release", 13),
            ("release", 11),
            ("open", 14),
            ("release", 14),
        ]
    );
}

#[test]
fn a_dropped_link_releases_its_channel_once() {
    let journal = Journal::shared();
    let mut link = up(&journal, 21);
    accept(&mut link, Event::Sent);
    drop(link);
    assert_eq!(journal.entries(), [("open", 21), ("release", 21)]);

    let mut link = up(&journal, 22);
    accept(&mut link, Event::Close);
    drop(link);
    assert_eq!(
        journal.entries(),
        [("open", 21), ("release", 21), ("open", 22), ("release", 22)]
    );
}

#[test]
fn counts_go_past_sixteen_bits() {
    let journal = Journal::shared();
    let mut link = up(&journal, 31);
    for _ in 0..70_000 {
        accept(&mut link, Event::Sent);
    }
    assert_eq!(report(&link), (Phase::Up, Some(31), 70_000, 0, None));
    accept(&mut link, Event::Lost { now: 0 });
    for _ in 0..70_000 {
        let until = link.retry_at().expect("a link in Backoff has a retry time");
        accept(&mut link, Event::Dial { now: until });
        accept(&mut link, Event::Lost { now: until });
    }
    assert_eq!(link.failures(), 70_001);
    assert_eq!(link.phase(), Phase::Backoff);
}
