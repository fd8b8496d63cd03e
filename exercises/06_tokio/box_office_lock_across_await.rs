// Question 6: Explain Tokio and where it is used.
//
// A box office sells concert seats. A sale checks that the seat is free, charges the
// customer's card (an async call to the payment service) and marks the seat as sold. The
// seat map stays locked for the whole sale, payment included, so that two customers can
// never pay for the same seat. `sell_all` runs many sales at once on Tokio tasks, and the
// file does not compile.
//
// Read the compiler's explanation. Then fix the lock so the seat map can stay locked
// across the payment, with the sales still running as spawned tasks (one per order) and
// `charge_card` left as it is. Releasing the lock before the payment and taking it again
// after, and nothing more, is not a fix: between the two, another sale can find the same
// seat free, so a seat could be sold twice or paid for by two customers. A customer who
// asks for a seat while someone is paying for it waits for that sale to end, and gets the
// seat if that card is declined; turning them away as "already sold" is wrong. (Holding
// only the seat being paid for, with rivals for that seat waiting, also meets all this.)

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

pub const TICKET_PRICE_CENTS: u32 = 4_500;

#[derive(Debug, Clone, PartialEq)]
pub enum SaleError {
    NoSuchSeat,
    AlreadySold,
    CardDeclined,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub seat: u32,
    pub customer: String,
    pub card: String,
}

/// Seats are numbered from 1; `None` means the seat is still free.
pub struct BoxOffice {
    seats: Mutex<HashMap<u32, Option<String>>>,
    /// Every amount charged so far, in cents.
    takings: AtomicU64,
}

impl BoxOffice {
    pub fn new(seat_count: u32) -> Self {
        let seats = (1..=seat_count).map(|seat| (seat, None)).collect();
        BoxOffice {
            seats: Mutex::new(seats),
            takings: AtomicU64::new(0),
        }
    }

    /// The money charged to customers' cards so far, in cents.
    pub fn takings_cents(&self) -> u64 {
        self.takings.load(Ordering::SeqCst)
    }

    /// Asks the payment service to charge `card`; `false` if the card is declined.
    async fn charge_card(&self, card: &str, cents: u32) -> bool {
        // The payment service answers later; other tasks run in the meantime.
        tokio::task::yield_now().await;
        if cents == 0 || card.starts_with("0000") {
            return false;
        }
        self.takings.fetch_add(u64::from(cents), Ordering::SeqCst);
        true
    }

    /// Who holds `seat`, if it is sold.
    pub async fn holder(&self, seat: u32) -> Option<String> {
        self.seats.lock().unwrap().get(&seat).cloned().flatten()
    }

    pub async fn sell(&self, order: &Order) -> Result<(), SaleError> {
        let mut seats = self.seats.lock().unwrap();
        let seat = seats.get_mut(&order.seat).ok_or(SaleError::NoSuchSeat)?;
        if seat.is_some() {
            return Err(SaleError::AlreadySold);
        }
        if !self.charge_card(&order.card, TICKET_PRICE_CENTS).await {
            return Err(SaleError::CardDeclined);
        }
        *seat = Some(order.customer.clone());
        Ok(())
    }
}

/// Runs every sale on its own task; the results come back in the order of `orders`.
pub async fn sell_all(office: Arc<BoxOffice>, orders: Vec<Order>) -> Vec<Result<(), SaleError>> {
    let sales: Vec<_> = orders
        .into_iter()
        .map(|order| {
            let office = Arc::clone(&office);
            tokio::spawn(async move { office.sell(&order).await })
        })
        .collect();
    let mut results = Vec::new();
    for sale in sales {
        results.push(sale.await.expect("a sale panicked"));
    }
    results
}
