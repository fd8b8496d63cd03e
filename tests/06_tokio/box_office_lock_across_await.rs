use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::marker::Send;

fn order(seat: u32, customer: &str, card: &str) -> Order {
    Order {
        seat,
        customer: customer.to_string(),
        card: card.to_string(),
    }
}

const GOOD_CARD: &str = "4111 1111 1111 1111";
const BAD_CARD: &str = "0000 0000 0000 0000";

#[tokio::test]
async fn different_seats_all_sell() {
    let office = Arc::new(BoxOffice::new(3));
    let orders = vec![
        order(1, "Ana", GOOD_CARD),
        order(2, "Bea", GOOD_CARD),
        order(3, "Cy", GOOD_CARD),
    ];
    assert_eq!(
        sell_all(Arc::clone(&office), orders).await,
        [Ok(()), Ok(()), Ok(())]
    );
    assert_eq!(office.holder(1).await.as_deref(), Some("Ana"));
    assert_eq!(office.holder(2).await.as_deref(), Some("Bea"));
    assert_eq!(office.holder(3).await.as_deref(), Some("Cy"));
    assert_eq!(office.takings_cents(), 3 * u64::from(TICKET_PRICE_CENTS));
}

#[tokio::test]
async fn a_seat_is_sold_only_once_when_two_customers_race() {
    let office = Arc::new(BoxOffice::new(10));
    let orders = vec![order(7, "Dee", GOOD_CARD), order(7, "Eli", GOOD_CARD)];
    assert_eq!(
        sell_all(Arc::clone(&office), orders).await,
        [Ok(()), Err(SaleError::AlreadySold)],
        "both customers paid for seat 7"
    );
    assert_eq!(office.holder(7).await.as_deref(), Some("Dee"));
    assert_eq!(
        office.takings_cents(),
        u64::from(TICKET_PRICE_CENTS),
        "only the customer who got the seat may be charged for it"
    );
}

#[tokio::test]
async fn a_declined_card_leaves_the_seat_free_for_the_next_customer() {
    let office = Arc::new(BoxOffice::new(5));
    let orders = vec![order(4, "Fay", BAD_CARD), order(4, "Gus", GOOD_CARD)];
    assert_eq!(
        sell_all(Arc::clone(&office), orders).await,
        [Err(SaleError::CardDeclined), Ok(())],
        "Gus asked for seat 4 while Fay's card was being charged for it: his sale must wait \
         for hers to end and, as her card is declined, get the seat"
    );
    assert_eq!(office.holder(4).await.as_deref(), Some("Gus"));
    assert_eq!(office.takings_cents(), u64::from(TICKET_PRICE_CENTS));
}

#[tokio::test]
async fn seats_that_do_not_exist_cannot_be_sold() {
    let office = Arc::new(BoxOffice::new(2));
    let orders = vec![order(0, "Hal", GOOD_CARD), order(3, "Ivy", GOOD_CARD)];
    assert_eq!(
        sell_all(Arc::clone(&office), orders).await,
        [Err(SaleError::NoSuchSeat), Err(SaleError::NoSuchSeat)]
    );
    assert_eq!(office.holder(1).await, None);
    assert_eq!(office.takings_cents(), 0);
}

#[tokio::test]
async fn a_sold_seat_stays_sold() {
    let office = Arc::new(BoxOffice::new(1));
    assert_eq!(
        sell_all(Arc::clone(&office), vec![order(1, "Jo", GOOD_CARD)]).await,
        [Ok(())]
    );
    assert_eq!(
        sell_all(Arc::clone(&office), vec![order(1, "Kai", GOOD_CARD)]).await,
        [Err(SaleError::AlreadySold)]
    );
    assert_eq!(office.holder(1).await.as_deref(), Some("Jo"));
    assert_eq!(office.takings_cents(), u64::from(TICKET_PRICE_CENTS));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rush_on_a_multi_threaded_runtime_sells_each_seat_once() {
    let office = Arc::new(BoxOffice::new(10));
    let orders: Vec<Order> = (0..60)
        .map(|i| order(i % 10 + 1, &format!("fan{i}"), GOOD_CARD))
        .collect();
    let results = sell_all(Arc::clone(&office), orders.clone()).await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        10,
        "every seat must be sold exactly once"
    );
    for (order, result) in orders.iter().zip(&results) {
        let holder = office.holder(order.seat).await;
        match result {
            Ok(()) => assert_eq!(holder.as_deref(), Some(order.customer.as_str())),
            Err(e) => assert_eq!(*e, SaleError::AlreadySold),
        }
    }
    assert_eq!(
        office.takings_cents(),
        10 * u64::from(TICKET_PRICE_CENTS),
        "ten seats were sold, so ten customers should have been charged"
    );
}

/// Polls `future` once, with the calling task's waker.
async fn poll_once<F: ::std::future::Future>(
    future: ::std::pin::Pin<&mut F>,
) -> ::std::task::Poll<F::Output> {
    let mut future = Some(future);
    ::std::future::poll_fn(|cx| {
        ::std::task::Poll::Ready(future.take().expect("polled once").poll(cx))
    })
    .await
}

#[tokio::test]
async fn every_sale_runs_on_its_own_task() {
    let office = Arc::new(BoxOffice::new(4));
    let orders: Vec<Order> = (1..=4)
        .map(|seat| order(seat, &format!("fan{seat}"), GOOD_CARD))
        .collect();
    let metrics = ::tokio::runtime::Handle::current().metrics();
    let before = metrics.num_alive_tasks();
    let mut selling = ::std::pin::pin!(sell_all(Arc::clone(&office), orders));
    // One poll by hand: the sales start, and none of them can run before this test yields.
    assert!(
        poll_once(selling.as_mut()).await.is_pending(),
        "sell_all finished in one poll, without waiting for any payment"
    );
    assert_eq!(
        metrics.num_alive_tasks() - before,
        4,
        "sell_all must run each of the 4 sales on its own spawned task"
    );
    assert_eq!(selling.await, [Ok(()), Ok(()), Ok(()), Ok(())]);
    assert_eq!(office.takings_cents(), 4 * u64::from(TICKET_PRICE_CENTS));
}

#[tokio::test]
async fn the_seat_map_stays_locked_while_a_card_is_charged() {
    let office = BoxOffice::new(3);
    assert_eq!(office.sell(&order(1, "Lou", GOOD_CARD)).await, Ok(()));

    let max = order(2, "Max", GOOD_CARD);
    let mut sale = ::std::pin::pin!(office.sell(&max));
    assert!(
        poll_once(sale.as_mut()).await.is_pending(),
        "a sale finished in one poll: it must wait for the payment service (`charge_card`) \
         with the seat map locked"
    );
    // While Max's card is being charged, Ned asks for the same seat, and someone asks who
    // holds seat 1.
    let ned = order(2, "Ned", GOOD_CARD);
    let mut rival = ::std::pin::pin!(office.sell(&ned));
    assert!(
        poll_once(rival.as_mut()).await.is_pending(),
        "Ned's sale of seat 2 ended while Max was still paying for it"
    );
    let mut asking = ::std::pin::pin!(office.holder(1));
    let early = poll_once(asking.as_mut()).await;

    assert_eq!(sale.await, Ok(()));
    assert_eq!(rival.await, Err(SaleError::AlreadySold));
    let holder = match early {
        ::std::task::Poll::Ready(holder) => holder,
        ::std::task::Poll::Pending => asking.await,
    };
    assert_eq!(
        holder.as_deref(),
        Some("Lou"),
        "holder(1), asked while a sale of seat 2 was running, must still name seat 1's \
         customer: it may wait for the lock, not give up"
    );
    assert_eq!(office.holder(2).await.as_deref(), Some("Max"));
    assert_eq!(office.takings_cents(), 2 * u64::from(TICKET_PRICE_CENTS));
}

#[test]
fn a_sale_can_run_on_any_runtime_thread() {
    fn assert_send<T: Send>(_: &T) {}
    let office = Arc::new(BoxOffice::new(1));
    // Built, never polled: this only checks at compile time that the sales (and a look-up)
    // may move between threads, as spawned tasks on a multi-threaded runtime must.
    assert_send(&sell_all(
        Arc::clone(&office),
        vec![order(1, "Ola", GOOD_CARD)],
    ));
    assert_send(&office.holder(1));
}
