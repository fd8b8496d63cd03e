use super::*;

#[test]
fn the_connection_goes_back_after_a_report() {
    let pool = Pool::new(2);
    assert_eq!(
        run_report(&pool, "sales").as_deref(),
        Some("connection 2 ran: SELECT * FROM sales")
    );
    assert_eq!(pool.idle_count(), 2);
    assert_eq!(pool.queries_run(), 1);
}

#[test]
fn a_small_pool_serves_many_reports() {
    let pool = Pool::new(2);
    for i in 0..50 {
        assert!(
            run_report(&pool, &format!("day_{i}")).is_some(),
            "report {i} found no free connection"
        );
    }
    assert_eq!(pool.idle_count(), 2);
    assert_eq!(pool.queries_run(), 50);
}

#[test]
fn one_connection_is_reused_every_time() {
    let pool = Pool::new(1);
    for name in ["a", "b", "c"] {
        assert_eq!(
            run_report(&pool, name),
            Some(format!("connection 1 ran: SELECT * FROM {name}"))
        );
    }
    assert_eq!(pool.queries_run(), 3);
}

#[test]
fn no_lease_is_left_holding_the_pool() {
    let pool = Pool::new(3);
    run_report(&pool, "audit");
    run_report(&pool, "audit");
    // Each live lease holds a clone of the `Rc`: only the pool's own must remain.
    assert_eq!(Rc::strong_count(&pool.idle), 1);
}

#[test]
fn an_empty_pool_reports_none() {
    let pool = Pool::new(0);
    assert_eq!(run_report(&pool, "sales"), None);
    let pool = Pool::new(1);
    let held = pool.acquire().expect("one connection is free");
    assert_eq!(run_report(&pool, "sales"), None);
    drop(held);
    assert!(run_report(&pool, "sales").is_some());
}
