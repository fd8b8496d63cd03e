use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::marker::{Send, Sync};

use std::collections::HashSet;
use std::panic;
use std::sync::atomic::AtomicU32;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Barrier};
use std::thread::{self, JoinHandle};
use std::time::Duration;

// Every customer books on a thread of their own, and their card waits in `charge` until the
// test answers it, so the tests choose exactly how the customers interleave. The deadline only
// turns a customer who is never answered (one waiting for another's payment) into a message.

enum Event {
    Paying(u32),
    Done(Option<u32>),
}

/// A customer whose card is being charged for `seat` right now.
struct Paying {
    seat: u32,
    /// `Some(paid)` answers the card; `None` makes the card terminal crash.
    card: Sender<Option<bool>>,
    events: Receiver<Event>,
    office: JoinHandle<()>,
}

const CRASH: &str = "the card terminal crashed";

/// The crashes the tests cause on purpose are not printed; every other panic is.
fn quiet_crashes() {
    let report = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<&str>() != Some(&CRASH) {
            report(info);
        }
    }));
}

fn next(events: &Receiver<Event>, who: &str) -> Event {
    events
        .recv_timeout(Duration::from_secs(5))
        .unwrap_or_else(|_| {
            panic!(
                "{who} was still waiting for an answer 5 s after asking: while someone pays, \
             everyone else must be answered at once"
            )
        })
}

/// A customer arrives. Returns once they are paying for a seat (`Ok`), or once they were
/// answered without being charged (`Err` with what `book` returned).
fn arrive(showing: &Arc<Showing>, who: &str) -> Result<Paying, Option<u32>> {
    let showing = Arc::clone(showing);
    let (events_tx, events) = mpsc::channel();
    let (card, card_rx) = mpsc::channel::<Option<bool>>();
    let office = thread::spawn(move || {
        let paying = events_tx.clone();
        let got = showing.book(move |seat| {
            let _ = paying.send(Event::Paying(seat));
            match card_rx.recv() {
                Ok(Some(paid)) => paid,
                Ok(None) => panic::panic_any(CRASH),
                Err(_) => false,
            }
        });
        let _ = events_tx.send(Event::Done(got));
    });
    match next(&events, who) {
        Event::Paying(seat) => Ok(Paying {
            seat,
            card,
            events,
            office,
        }),
        Event::Done(got) => Err(got),
    }
}

impl Paying {
    /// The card is answered; returns the seat the customer got.
    fn answer(self, card_ok: bool, who: &str) -> Option<u32> {
        self.card
            .send(Some(card_ok))
            .expect("the card was charged once");
        match next(&self.events, who) {
            Event::Done(got) => got,
            Event::Paying(_) => panic!("{who} was charged twice"),
        }
    }

    /// The card terminal crashes in the middle of the payment, and its box office's thread
    /// with it.
    fn crash(self, who: &str) {
        self.card.send(None).expect("the card was charged once");
        assert!(
            self.office.join().is_err(),
            "{who}'s box office went on after its card terminal crashed"
        );
    }
}

/// A customer who must start paying now (a seat is free for them).
fn pays(showing: &Arc<Showing>, who: &str) -> Paying {
    match arrive(showing, who) {
        Ok(paying) => paying,
        Err(got) => panic!(
            "{who} was turned away (book returned {got:?}) although a seat was free for them"
        ),
    }
}

/// A customer who must be turned away without being charged: every seat is taken.
fn turned_away(showing: &Arc<Showing>, who: &str, taken: &str) {
    match arrive(showing, who) {
        Err(None) => {}
        Err(Some(seat)) => panic!("{who} got seat {seat} without being charged"),
        Ok(paying) => panic!(
            "{who} was charged for seat {} although {taken}",
            paying.seat
        ),
    }
}

/// A customer who books and pays at once; returns their seat.
fn buys(showing: &Arc<Showing>, who: &str) -> u32 {
    let paying = pays(showing, who);
    let seat = paying.seat;
    assert_eq!(
        paying.answer(true, who),
        Some(seat),
        "{who} paid for seat {seat} and did not get it"
    );
    seat
}

/// `showing.sold()`, asked from another thread: a seat count must not wait for a payment either.
fn sold(showing: &Arc<Showing>) -> u32 {
    let showing = Arc::clone(showing);
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(showing.sold());
    });
    rx.recv_timeout(Duration::from_secs(5))
        .expect("`sold` was still counting 5 s after it was asked, while a customer was paying")
}

#[test]
fn signatures_are_kept() {
    let _: fn(u32) -> Showing = Showing::new;
    type Card = fn(u32) -> bool;
    let _: fn(&Showing, Card) -> Option<u32> = |showing, card| showing.book(card);
    let _: fn(&Showing) -> u32 = Showing::sold;
    fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<Showing>();
}

#[test]
fn the_last_seat_is_held_for_the_customer_paying_for_it() {
    let showing = Arc::new(Showing::new(1));
    let ann = pays(&showing, "Ann");
    assert_eq!(ann.seat, 0);
    assert_eq!(sold(&showing), 1, "the seat Ann is paying for is not held");
    turned_away(&showing, "Bob", "Ann was paying for the only seat");
    assert_eq!(ann.answer(true, "Ann"), Some(0));
    assert_eq!(sold(&showing), 1);
    turned_away(&showing, "Cid", "the only seat was sold");
}

#[test]
fn other_seats_still_sell_while_someone_pays() {
    let showing = Arc::new(Showing::new(3));
    let ann = pays(&showing, "Ann");
    let bob = pays(&showing, "Bob");
    assert_ne!(
        ann.seat, bob.seat,
        "Ann and Bob are paying for the same seat"
    );
    let cid = buys(&showing, "Cid");
    assert!(
        cid != ann.seat && cid != bob.seat,
        "Cid got seat {cid}, which someone else was paying for"
    );
    assert_eq!(sold(&showing), 3);
    turned_away(&showing, "Dee", "every seat was sold or held");
    let (ann_seat, bob_seat) = (ann.seat, bob.seat);
    assert_eq!(ann.answer(true, "Ann"), Some(ann_seat));
    assert_eq!(bob.answer(true, "Bob"), Some(bob_seat));
    let seats: HashSet<u32> = [ann_seat, bob_seat, cid].into();
    assert_eq!(seats, HashSet::from([0, 1, 2]));
}

#[test]
fn a_declined_card_gives_its_seat_back_at_once() {
    let showing = Arc::new(Showing::new(1));
    let ann = pays(&showing, "Ann");
    turned_away(&showing, "Bob", "Ann was paying for the only seat");
    assert_eq!(ann.answer(false, "Ann"), None, "a declined card got a seat");
    assert_eq!(sold(&showing), 0, "a declined card kept its seat");
    assert_eq!(buys(&showing, "Cid"), 0);
    assert_eq!(sold(&showing), 1);
}

#[test]
fn a_declined_seat_in_the_middle_goes_back_on_sale() {
    // Ann and Bob pay at the same time; Ann's card is declined while Bob is still paying. Her
    // seat must go to the next customer, and Bob's seat must stay his.
    for seats in [2, 3] {
        let showing = Arc::new(Showing::new(seats));
        let ann = pays(&showing, "Ann");
        let bob = pays(&showing, "Bob");
        let (ann_seat, bob_seat) = (ann.seat, bob.seat);
        assert_ne!(
            ann_seat, bob_seat,
            "Ann and Bob are paying for the same seat"
        );
        assert_eq!(ann.answer(false, "Ann"), None, "a declined card got a seat");
        let cid = pays(&showing, "Cid");
        assert_ne!(
            cid.seat, bob_seat,
            "seat {bob_seat} was offered to Cid while Bob was still paying for it (room of {seats})"
        );
        let cid_seat = cid.seat;
        assert_eq!(cid.answer(true, "Cid"), Some(cid_seat));
        assert_eq!(bob.answer(true, "Bob"), Some(bob_seat));
        assert_eq!(sold(&showing), 2, "room of {seats}");
        if seats == 2 {
            assert_eq!(cid_seat, ann_seat);
            turned_away(&showing, "Dee", "both seats were sold");
        } else {
            let dee = buys(&showing, "Dee");
            let sold: HashSet<u32> = [bob_seat, cid_seat, dee].into();
            assert_eq!(sold, HashSet::from([0, 1, 2]), "room of 3");
        }
    }
}

#[test]
fn the_last_payer_declining_also_frees_their_seat() {
    let showing = Arc::new(Showing::new(2));
    let ann = pays(&showing, "Ann");
    let bob = pays(&showing, "Bob");
    let (ann_seat, bob_seat) = (ann.seat, bob.seat);
    assert_eq!(bob.answer(false, "Bob"), None);
    assert_eq!(sold(&showing), 1);
    let cid = buys(&showing, "Cid");
    assert_eq!(cid, bob_seat);
    assert_eq!(ann.answer(true, "Ann"), Some(ann_seat));
    turned_away(&showing, "Dee", "both seats were sold");
}

#[test]
fn a_crashed_terminal_gives_its_seat_back_at_once() {
    quiet_crashes();
    let showing = Arc::new(Showing::new(1));
    let ann = pays(&showing, "Ann");
    turned_away(&showing, "Bob", "Ann was paying for the only seat");
    ann.crash("Ann");
    assert_eq!(
        sold(&showing),
        0,
        "Ann's card terminal crashed while she paid for seat 0, and the seat is still taken"
    );
    assert_eq!(buys(&showing, "Cid"), 0);
    assert_eq!(sold(&showing), 1);
    turned_away(&showing, "Dee", "the only seat was sold");
}

#[test]
fn a_crash_in_the_middle_frees_only_its_own_seat() {
    quiet_crashes();
    let showing = Arc::new(Showing::new(3));
    let ann = pays(&showing, "Ann");
    let bob = pays(&showing, "Bob");
    let cid = pays(&showing, "Cid");
    let seats = [ann.seat, bob.seat, cid.seat];
    bob.crash("Bob");
    assert_eq!(
        sold(&showing),
        2,
        "Bob's card terminal crashed while he paid for seat {}: that seat, and only that one, \
         goes back on sale",
        seats[1]
    );
    let dee = pays(&showing, "Dee");
    assert_eq!(
        dee.seat, seats[1],
        "Dee was offered a seat someone else was paying for"
    );
    turned_away(&showing, "Eve", "every seat was sold or held");
    assert_eq!(ann.answer(true, "Ann"), Some(seats[0]));
    assert_eq!(dee.answer(false, "Dee"), None);
    assert_eq!(cid.answer(true, "Cid"), Some(seats[2]));
    assert_eq!(buys(&showing, "Fay"), seats[1]);
    assert_eq!(sold(&showing), 3);
}

#[test]
fn no_seat_no_charge() {
    for capacity in [0, 3, 64] {
        let showing = Arc::new(Showing::new(capacity));
        let mut seats = HashSet::new();
        for _ in 0..capacity {
            let seat = buys(&showing, "a customer");
            assert!(seat < capacity, "seat {seat} in a room of {capacity}");
            assert!(seats.insert(seat), "seat {seat} was sold twice");
        }
        assert_eq!(sold(&showing), capacity);
        turned_away(&showing, "one customer too many", "the room was full");
        assert_eq!(sold(&showing), capacity);
    }
}

#[test]
fn declined_cards_never_keep_seats() {
    let showing = Arc::new(Showing::new(3));
    for _ in 0..5 {
        let paying = pays(&showing, "a customer whose card is declined");
        assert_eq!(paying.answer(false, "a declined customer"), None);
    }
    assert_eq!(sold(&showing), 0);
    for _ in 0..3 {
        buys(&showing, "a customer");
    }
    turned_away(&showing, "a fourth customer", "the room was full");
    assert_eq!(sold(&showing), 3);
}

#[test]
fn many_box_offices_never_sell_a_seat_twice() {
    quiet_crashes();
    for capacity in [37, 5, 64] {
        let showing = Showing::new(capacity);
        let start = Barrier::new(8);
        let paid = AtomicU32::new(0);
        let seats: Vec<u32> = thread::scope(|scope| {
            let offices: Vec<_> = (0..8u32)
                .map(|office| {
                    let (showing, start, paid) = (&showing, &start, &paid);
                    scope.spawn(move || {
                        start.wait();
                        let mut seats = Vec::new();
                        for customer in 0..12u32 {
                            if (office + customer) % 7 == 3 {
                                // This customer's card terminal crashes.
                                let crashed = thread::scope(|terminal| {
                                    terminal
                                        .spawn(|| showing.book(|_seat| panic::panic_any(CRASH)))
                                        .join()
                                });
                                // Charged, it crashed; with the room full, it was not charged.
                                if let Ok(Some(seat)) = crashed {
                                    panic!("seat {seat} was sold although its terminal crashed");
                                }
                                continue;
                            }
                            // Every fifth card is declined.
                            let card_ok = (office + customer) % 5 != 0;
                            let got = showing.book(|_seat| {
                                if card_ok {
                                    paid.fetch_add(1, ::std::sync::atomic::Ordering::SeqCst);
                                }
                                thread::yield_now();
                                card_ok
                            });
                            seats.extend(got);
                        }
                        seats
                    })
                })
                .collect();
            offices
                .into_iter()
                .flat_map(|office| office.join().unwrap())
                .collect()
        });
        let mut distinct: HashSet<u32> = seats.iter().copied().collect();
        assert_eq!(
            distinct.len(),
            seats.len(),
            "a seat was sold twice in a room of {capacity}: {seats:?}"
        );
        assert_eq!(
            paid.load(::std::sync::atomic::Ordering::SeqCst) as usize,
            seats.len(),
            "more customers paid than got a seat (room of {capacity})"
        );
        assert_eq!(showing.sold() as usize, seats.len(), "room of {capacity}");
        // Whatever the rush left over is still for sale, and no more.
        while let Some(seat) = showing.book(|_seat| true) {
            assert!(distinct.insert(seat), "seat {seat} was sold twice");
        }
        assert_eq!(distinct, (0..capacity).collect(), "room of {capacity}");
        assert_eq!(showing.sold(), capacity);
    }
}
