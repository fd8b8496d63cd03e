// Question 1: What is Rust, and where is it mostly used?
// Feature: fearless concurrency. Safe Rust rules out data races: two threads never touch the
// same memory unsynchronised. It does not rule out logic that is wrong when threads interleave.
//
// A cinema sells the seats of one screening room from many box-office threads at once. A room
// has at most 64 seats, numbered from 0. `book` sells one customer a seat: it finds a free seat,
// charges the customer's card for that seat through `charge` (which may take a while), and
// returns the seat the customer got. However the threads interleave:
//   - no seat is ever sold to, or held for, two customers at the same time;
//   - a customer is charged only for a seat that stays theirs while they pay;
//   - a customer is turned away uncharged (`None`) only when every seat is sold or held;
//   - while someone pays, everyone else is answered at once: nobody waits for another's card;
//   - a payment can fail: the card is declined (`charge` returns false, and `book` returns
//     `None`), or the card terminal crashes mid-payment (`charge` panics, and that box office's
//     thread with it). Either way the seat goes back on sale at once, for the very next
//     customer, and every other box office goes on selling.
// With one box office it all works. Since the room opened several, the support desk has had
// calls from pairs of customers holding tickets for the same seat. Make `book` correct. Keep the
// signatures of `Showing::new`, `book` and `sold` (the seats sold, or held for a payer).

use std::sync::atomic::{AtomicU32, Ordering};

struct Showing {
    capacity: u32,
    sold: AtomicU32,
}

impl Showing {
    fn new(capacity: u32) -> Self {
        assert!(capacity <= 64, "a room has at most 64 seats");
        Showing {
            capacity,
            sold: AtomicU32::new(0),
        }
    }

    /// Sells one seat. `charge` is told which seat it pays for, and says whether the card paid.
    fn book(&self, charge: impl FnOnce(u32) -> bool) -> Option<u32> {
        // Seats are sold from the front: the next free seat is the number sold so far.
        let seat = self.sold.load(Ordering::Relaxed);
        if seat >= self.capacity {
            return None;
        }
        if !charge(seat) {
            return None;
        }
        self.sold.fetch_add(1, Ordering::Relaxed);
        Some(seat)
    }

    fn sold(&self) -> u32 {
        self.sold.load(Ordering::Relaxed)
    }
}

fn main() {
    let showing = Showing::new(2);
    std::thread::scope(|scope| {
        for window in 0..4 {
            let showing = &showing;
            scope.spawn(move || {
                let seat = showing.book(|_seat| true);
                println!("window {window}: seat {seat:?}");
            });
        }
    });
    println!("sold {} of 2", showing.sold());
}
