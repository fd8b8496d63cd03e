use super::*;

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
        [Err(SaleError::CardDeclined), Ok(())]
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
