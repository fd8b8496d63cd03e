use super::*;

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::Duration;

// Books a seat for a second customer on another thread, while the first customer is still
// inside `charge`. Returns whether the second customer got a seat and whether their card was
// charged. Correct code answers them at once; the deadline only turns a hang into a message.
fn second_customer_while_first_pays(showing: &Arc<Showing>, card_ok: bool) -> (bool, bool) {
    let other = Arc::clone(showing);
    let charged = Arc::new(AtomicBool::new(false));
    let charged_seen = Arc::clone(&charged);
    let (done, answer) = mpsc::channel();
    thread::spawn(move || {
        let booked = other.book(|| {
            charged_seen.store(true, ::std::sync::atomic::Ordering::SeqCst);
            card_ok
        });
        let _ = done.send(booked);
    });
    let booked = answer.recv_timeout(Duration::from_secs(5)).expect(
        "a second customer was still waiting for an answer 5 s after asking, while the first \
         one was paying: customers must not wait for each other's payment",
    );
    (booked, charged.load(::std::sync::atomic::Ordering::SeqCst))
}

#[test]
fn signatures_are_kept() {
    let _: fn(u32) -> Showing = Showing::new;
    let _: fn(&Showing, fn() -> bool) -> bool = |showing, card| showing.book(card);
    let _: fn(&Showing) -> u32 = Showing::sold;
    fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<Showing>();
}

#[test]
fn the_last_seat_is_sold_once_while_its_buyer_pays() {
    let showing = Arc::new(Showing::new(1));
    let mut second = None;
    let first = showing.book(|| {
        second = Some(second_customer_while_first_pays(&showing, true));
        true
    });
    let (second_booked, second_charged) =
        second.expect("the first customer's card was never charged");
    assert!(
        first,
        "the first customer paid for the only seat and did not get it"
    );
    assert!(
        !second_booked,
        "the only seat was sold twice: a second customer got it while the first one was paying"
    );
    assert!(
        !second_charged,
        "the second customer was charged although the only seat was already set aside"
    );
    assert_eq!(showing.sold(), 1);
}

#[test]
fn a_declined_card_gives_the_seat_back() {
    let showing = Arc::new(Showing::new(1));
    let mut second = None;
    let first = showing.book(|| {
        second = Some(second_customer_while_first_pays(&showing, true));
        false
    });
    assert!(!first, "a declined card must not get a seat");
    let (second_booked, second_charged) =
        second.expect("the first customer's card was never charged");
    assert!(
        !second_booked && !second_charged,
        "while the first customer paid, their seat was not set aside for them"
    );
    assert_eq!(showing.sold(), 0, "a declined card kept its seat");
    assert!(
        showing.book(|| true),
        "the seat given back by a declined card could not be sold"
    );
    assert_eq!(showing.sold(), 1);
}

#[test]
fn other_seats_still_sell_while_someone_pays() {
    let showing = Arc::new(Showing::new(2));
    let mut second = None;
    let first = showing.book(|| {
        second = Some(second_customer_while_first_pays(&showing, true));
        true
    });
    assert!(first);
    assert_eq!(
        second,
        Some((true, true)),
        "a free seat was not sold while another customer was paying"
    );
    assert_eq!(showing.sold(), 2);
    let mut charged = false;
    assert!(!showing.book(|| {
        charged = true;
        true
    }));
    assert!(!charged, "a customer was charged for a sold-out showing");
}

#[test]
fn no_seat_no_charge() {
    for capacity in [0, 3] {
        let showing = Showing::new(capacity);
        for _ in 0..capacity {
            assert!(showing.book(|| true));
        }
        let mut charged = false;
        assert!(!showing.book(|| {
            charged = true;
            true
        }));
        assert!(!charged, "capacity {capacity}: charged with no seat left");
        assert_eq!(showing.sold(), capacity);
    }
}

#[test]
fn declined_cards_never_keep_seats() {
    let showing = Showing::new(3);
    for _ in 0..5 {
        assert!(!showing.book(|| false));
    }
    assert_eq!(showing.sold(), 0);
    for _ in 0..3 {
        assert!(showing.book(|| true));
    }
    assert!(!showing.book(|| true));
    assert_eq!(showing.sold(), 3);
}

#[test]
fn many_box_offices_never_oversell() {
    for capacity in [37, 5] {
        let showing = Showing::new(capacity);
        let start = Barrier::new(8);
        let paid = ::std::sync::atomic::AtomicU32::new(0);
        let booked: u32 = thread::scope(|scope| {
            let offices: Vec<_> = (0..8u32)
                .map(|office| {
                    let (showing, start, paid) = (&showing, &start, &paid);
                    scope.spawn(move || {
                        start.wait();
                        let mut booked = 0;
                        for customer in 0..10u32 {
                            // Every fifth card is declined.
                            let card_ok = (office + customer) % 5 != 0;
                            if showing.book(|| {
                                if card_ok {
                                    paid.fetch_add(1, ::std::sync::atomic::Ordering::SeqCst);
                                }
                                thread::yield_now();
                                card_ok
                            }) {
                                booked += 1;
                            }
                        }
                        booked
                    })
                })
                .collect();
            offices
                .into_iter()
                .map(|office| office.join().unwrap())
                .sum()
        });
        assert_eq!(
            booked, capacity,
            "{booked} seats sold for a showing of {capacity}"
        );
        assert_eq!(showing.sold(), capacity);
        assert_eq!(
            paid.load(::std::sync::atomic::Ordering::SeqCst),
            capacity,
            "more customers paid than got a seat"
        );
    }
}
