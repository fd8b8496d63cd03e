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

struct Link {
    dialing: bool,
    connected: bool,
    closing: bool,
    closed: bool,
    failures: u32,
    retry_at: Option<u64>,
    channel: Option<Channel>,
    unacked: u32,
}

impl Link {
    fn new() -> Self {
        Link {
            dialing: false,
            connected: false,
            closing: false,
            closed: false,
            failures: 0,
            retry_at: None,
            channel: None,
            unacked: 0,
        }
    }

    fn phase(&self) -> Phase {
        if self.closed {
            Phase::Closed
        } else if self.closing {
            Phase::Draining
        } else if self.connected {
            Phase::Up
        } else if self.dialing {
            Phase::Connecting
        } else if self.retry_at.is_some() {
            Phase::Backoff
        } else {
            Phase::Idle
        }
    }

    /// The id of the channel the link holds, if it holds one.
    fn channel_id(&self) -> Option<u32> {
        self.channel.as_ref().map(Channel::id)
    }

    /// Messages sent on the current channel and not acknowledged yet (0 without a channel).
    fn unacked(&self) -> u32 {
        self.unacked
    }

    /// Failures in a row since a channel last opened, while Connecting or in Backoff (0 in the
    /// other phases).
    fn failures(&self) -> u32 {
        self.failures
    }

    /// In Backoff, the time from which `Dial` is accepted (`None` in the other phases).
    fn retry_at(&self) -> Option<u64> {
        self.retry_at
    }

    fn handle(&mut self, event: Event) -> Result<(), Event> {
        let phase = self.phase();
        match event {
            Event::Dial { now } => {
                let due = self.retry_at.is_some_and(|at| now >= at);
                if phase == Phase::Idle || (phase == Phase::Backoff && due) {
                    self.dialing = true;
                    Ok(())
                } else {
                    Err(event)
                }
            }
            Event::Opened(channel) => {
                if phase == Phase::Connecting {
                    self.channel = Some(channel);
                    self.connected = true;
                    Ok(())
                } else {
                    Err(Event::Opened(channel))
                }
            }
            Event::Sent => {
                if phase == Phase::Up {
                    self.unacked += 1;
                    Ok(())
                } else {
                    Err(event)
                }
            }
            Event::Acked => {
                if self.connected && self.unacked > 0 {
                    self.unacked -= 1;
                    if self.closing && self.unacked == 0 {
                        self.closed = true;
                    }
                    Ok(())
                } else {
                    Err(event)
                }
            }
            Event::Lost { now } => {
                if self.connected || self.dialing {
                    self.failures += 1;
                    self.retry_at = Some(now + 100 * u64::from(self.failures));
                    self.connected = false;
                    self.dialing = false;
                    if self.closing {
                        self.closed = true;
                    }
                    Ok(())
                } else {
                    Err(event)
                }
            }
            Event::Close => {
                if phase == Phase::Closed || phase == Phase::Draining {
                    Err(event)
                } else if phase == Phase::Up && self.unacked > 0 {
                    self.closing = true;
                    Ok(())
                } else {
                    self.closed = true;
                    Ok(())
                }
            }
        }
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
