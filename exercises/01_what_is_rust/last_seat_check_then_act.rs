// Question 1: What is Rust, and where is it mostly used?
// Feature: fearless concurrency, and its limit. Safe Rust rules out data races: two threads can
// never touch the same memory unsynchronised. It does not rule out race conditions in your
// logic: each atomic operation is indivisible, but a sequence of them is not.
//
// A cinema sells the seats of one showing from many box-office threads at once. `book` sells
// one seat: it charges the customer's card through `charge` (which may take a while, and may be
// declined) and returns whether the customer got a seat. The rules:
//   - never sell more seats than `capacity`, however the threads interleave;
//   - a customer is only charged when a seat is set aside for them, and a declined card gives
//     the seat back at once;
//   - while one customer is paying, other customers must not wait for them: they are answered
//     at once (a seat, or `false` when none is left).
// It compiles, and with one box office it even works. With several, the last seat can be sold
// twice. Make `book` correct; keep the signatures of `Showing::new`, `book` and `sold`.

use std::sync::atomic::{AtomicU32, Ordering};

struct Showing {
    capacity: u32,
    sold: AtomicU32,
}

impl Showing {
    fn new(capacity: u32) -> Self {
        Showing {
            capacity,
            sold: AtomicU32::new(0),
        }
    }

    fn book(&self, charge: impl FnOnce() -> bool) -> bool {
        // TODO: every step is atomic, and yet two customers can both get the last seat.
        if self.sold.load(Ordering::Relaxed) >= self.capacity {
            return false;
        }
        if !charge() {
            return false;
        }
        self.sold.fetch_add(1, Ordering::Relaxed);
        true
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
                let booked = showing.book(|| true);
                println!("window {window}: booked {booked}");
            });
        }
    });
    println!("sold {} of 2", showing.sold());
}
