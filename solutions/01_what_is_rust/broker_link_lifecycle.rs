// Question 1: What is Rust, and where is it mostly used?
// Feature: enums that carry data, and exhaustive `match`. A type can be shaped so that a state
// the program must never be in cannot even be written down, and the compiler checks every
// transition. Interviewers ask for it as "make invalid states unrepresentable".
//
// A message dispatcher keeps one `Link` per broker it talks to. A link is in one of six phases,
// and `handle` moves it along (any event not listed is refused):
//   - Idle:       `Dial` starts connecting (Connecting, 0 failures so far); `Close` makes it
//                 Closed;
//   - Connecting: `Opened(channel)` makes the link Up on that channel, with nothing unacked;
//                 `Lost` makes it Backoff; `Close` makes it Closed;
//   - Up:         `Sent` adds one unacknowledged message, `Acked` takes one away (refused when
//                 none is unacknowledged); `Lost` makes it Backoff; `Close` makes it Closed when
//                 nothing is unacknowledged, else Draining (the channel stays open for the acks);
//   - Draining:   `Acked` takes one away, and the last one makes it Closed; `Lost` makes it
//                 Closed (a closing link does not retry); nothing new may be sent;
//   - Backoff:    `Dial { now }` connects again (Connecting, failures kept) once `now` has
//                 reached the time it may retry; `Close` makes it Closed;
//   - Closed:     nothing.
// Going to Backoff counts one more failure in a row (from Up, that is 1, since a channel that
// opened ends the run of failures), and the link may retry at `now + 100 * failures`.
//
// What the dispatcher counts on:
//   - a refused event comes back to the caller, in the `Err`, and leaves the link exactly as it
//     was: same phase, same numbers, same channel;
//   - the link holds a channel only while Up or Draining, and releases it (drops it) during the
//     very `handle` call that leaves them, not at some later event; a link dropped while it
//     holds one releases it then; no channel is released twice;
//   - what the link reports belongs to its current phase: a count or a time left over from an
//     earlier phase or an earlier channel never shows through;
//   - the dispatcher keeps a million links in one array: a `Link` is at most 32 bytes
//     (`std::mem::size_of::<Link>()`), with no part of it on the heap (`Link::new` and `handle`
//     never allocate), and its counts go as high as the `u32`s that report them (no link ever
//     sees more than `u32::MAX` messages or failures, so going past it needs no handling).
// Today's `Link` keeps the lifecycle in flags and options that drift apart, and misses most of
// these. The module `driver` is the broker's driver: leave it as it is. Keep `Phase`, `Event`
// and the signatures of `Link`'s methods; `Link`'s fields and the code inside are yours.

mod driver {
    use std::cell::RefCell;
    use std::rc::Rc;

    /// What the driver did, in order: `("open", id)` and `("release", id)`.
    #[derive(Debug)]
    pub struct Journal {
        entries: RefCell<Vec<(&'static str, u32)>>,
    }

    impl Journal {
        pub fn shared() -> Rc<Self> {
            Rc::new(Journal {
                entries: RefCell::new(Vec::with_capacity(64)),
            })
        }

        pub fn entries(&self) -> Vec<(&'static str, u32)> {
            self.entries.borrow().clone()
        }

        fn record(&self, what: &'static str, id: u32) {
            self.entries.borrow_mut().push((what, id));
        }
    }

    /// An open channel to the broker. Dropping it releases it.
    #[derive(Debug)]
    pub struct Channel {
        id: u32,
        journal: Rc<Journal>,
    }

    impl Channel {
        pub fn open(id: u32, journal: &Rc<Journal>) -> Self {
            journal.record("open", id);
            Channel {
                id,
                journal: Rc::clone(journal),
            }
        }

        pub fn id(&self) -> u32 {
            self.id
        }
    }

    impl Drop for Channel {
        fn drop(&mut self) {
            self.journal.record("release", self.id);
        }
    }
}

use driver::Channel;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    Connecting,
    Up,
    Draining,
    Backoff,
    Closed,
}

#[derive(Debug)]
enum Event {
    Dial { now: u64 },
    Opened(Channel),
    Sent,
    Acked,
    Lost { now: u64 },
    Close,
}

/// The phase a link is in, with the data that phase has and no other.
enum State {
    Idle,
    Connecting { failures: u32 },
    Up { channel: Channel, unacked: u32 },
    Draining { channel: Channel, unacked: u32 },
    Backoff { failures: u32, until: u64 },
    Closed,
}

struct Link {
    state: State,
}

impl Link {
    fn new() -> Self {
        Link { state: State::Idle }
    }

    fn phase(&self) -> Phase {
        match self.state {
            State::Idle => Phase::Idle,
            State::Connecting { .. } => Phase::Connecting,
            State::Up { .. } => Phase::Up,
            State::Draining { .. } => Phase::Draining,
            State::Backoff { .. } => Phase::Backoff,
            State::Closed => Phase::Closed,
        }
    }

    /// The id of the channel the link holds, if it holds one.
    fn channel_id(&self) -> Option<u32> {
        match &self.state {
            State::Up { channel, .. } | State::Draining { channel, .. } => Some(channel.id()),
            State::Idle | State::Connecting { .. } | State::Backoff { .. } | State::Closed => None,
        }
    }

    /// Messages sent on the current channel and not acknowledged yet (0 without a channel).
    fn unacked(&self) -> u32 {
        match self.state {
            State::Up { unacked, .. } | State::Draining { unacked, .. } => unacked,
            State::Idle | State::Connecting { .. } | State::Backoff { .. } | State::Closed => 0,
        }
    }

    /// Failures in a row since a channel last opened, while Connecting or in Backoff (0 in the
    /// other phases).
    fn failures(&self) -> u32 {
        match self.state {
            State::Connecting { failures } | State::Backoff { failures, .. } => failures,
            State::Idle | State::Up { .. } | State::Draining { .. } | State::Closed => 0,
        }
    }

    /// In Backoff, the time from which `Dial` is accepted (`None` in the other phases).
    fn retry_at(&self) -> Option<u64> {
        match self.state {
            State::Backoff { until, .. } => Some(until),
            State::Idle
            | State::Connecting { .. }
            | State::Up { .. }
            | State::Draining { .. }
            | State::Closed => None,
        }
    }

    fn handle(&mut self, event: Event) -> Result<(), Event> {
        // Take the state out by value, so that a transition can move the channel into the next
        // state (or drop it, which releases it); a refused event puts the state back untouched.
        let state = std::mem::replace(&mut self.state, State::Closed);
        let backoff = |failures: u32, now: u64| State::Backoff {
            failures,
            until: now + 100 * u64::from(failures),
        };
        let (next, outcome) = match (state, event) {
            (State::Idle, Event::Dial { .. }) => (State::Connecting { failures: 0 }, Ok(())),
            (State::Backoff { failures, until }, Event::Dial { now }) if now >= until => {
                (State::Connecting { failures }, Ok(()))
            }
            (State::Connecting { .. }, Event::Opened(channel)) => (
                State::Up {
                    channel,
                    unacked: 0,
                },
                Ok(()),
            ),
            (State::Connecting { failures }, Event::Lost { now }) => {
                (backoff(failures + 1, now), Ok(()))
            }
            (State::Up { channel, unacked }, Event::Sent) => (
                State::Up {
                    channel,
                    unacked: unacked + 1,
                },
                Ok(()),
            ),
            (State::Up { channel, unacked }, Event::Acked) if unacked > 0 => (
                State::Up {
                    channel,
                    unacked: unacked - 1,
                },
                Ok(()),
            ),
            (State::Draining { channel, unacked }, Event::Acked) if unacked > 1 => (
                State::Draining {
                    channel,
                    unacked: unacked - 1,
                },
                Ok(()),
            ),
            (State::Draining { unacked: 1, .. }, Event::Acked) => (State::Closed, Ok(())),
            (State::Up { .. }, Event::Lost { now }) => (backoff(1, now), Ok(())),
            (State::Draining { .. }, Event::Lost { .. }) => (State::Closed, Ok(())),
            (State::Up { channel, unacked }, Event::Close) if unacked > 0 => {
                (State::Draining { channel, unacked }, Ok(()))
            }
            (
                State::Idle | State::Connecting { .. } | State::Up { .. } | State::Backoff { .. },
                Event::Close,
            ) => (State::Closed, Ok(())),
            (state, event) => (state, Err(event)),
        };
        self.state = next;
        outcome
    }
}

fn main() {
    let journal = driver::Journal::shared();
    let mut link = Link::new();
    let steps = [
        Event::Dial { now: 0 },
        Event::Opened(Channel::open(1, &journal)),
        Event::Sent,
        Event::Lost { now: 50 },
        Event::Dial { now: 150 },
        Event::Opened(Channel::open(2, &journal)),
    ];
    for event in steps {
        let outcome = link.handle(event);
        println!(
            "{outcome:?} -> {:?}, channel {:?}, unacked {}, failures {}, retry at {:?}",
            link.phase(),
            link.channel_id(),
            link.unacked(),
            link.failures(),
            link.retry_at()
        );
    }
    println!("{:?}", journal.entries());
}
