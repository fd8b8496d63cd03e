use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::mem::drop;
use ::tokio;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::allocations;

#[tokio::test]
async fn a_job_runs_after_the_order_is_gone() {
    let order = String::from("  Annual report 2024  ");
    let job = prepare_job(&order, 3, 10);
    drop(order);
    assert_eq!(
        job.await,
        Receipt {
            title: "Annual report 2024".to_string(),
            copies: 3,
            sheets: 15
        }
    );
}

#[tokio::test]
async fn jobs_can_be_printed_on_other_tasks() {
    let orders = ["Flyer", "Menu", "Poster"];
    let mut printing = Vec::new();
    for (i, title) in orders.iter().enumerate() {
        let copies = i as u32 + 1;
        printing.push(tokio::spawn(prepare_job(title, copies, 4)));
    }
    let mut sheets = Vec::new();
    for job in printing {
        sheets.push(job.await.expect("the print task panicked").sheets);
    }
    assert_eq!(sheets, [2, 4, 6]);
}

#[tokio::test]
async fn an_odd_page_count_needs_one_more_sheet() {
    let receipt = prepare_job("Leaflet", 5, 3).await;
    assert_eq!(receipt.sheets, 10);
    assert_eq!(receipt.copies, 5);
}

#[tokio::test]
async fn zero_copies_use_no_paper() {
    let receipt = prepare_job("Draft", 0, 99).await;
    assert_eq!(
        receipt,
        Receipt {
            title: "Draft".to_string(),
            copies: 0,
            sheets: 0
        }
    );
}

#[tokio::test]
async fn jobs_prepared_in_a_loop_keep_their_own_numbers() {
    let jobs: Vec<_> = (1..=4)
        .map(|copies| prepare_job("Card", copies, 2))
        .collect();
    let mut copies = Vec::new();
    for job in jobs {
        copies.push(job.await.copies);
    }
    assert_eq!(copies, [1, 2, 3, 4]);
}

/// Polls `future` to the end on this thread, outside any runtime, with a waker that does
/// nothing. Returns its output and how many polls answered `Pending` before that.
fn poll_to_the_end<F: ::std::future::Future>(future: F) -> (F::Output, usize) {
    let mut future = ::std::pin::pin!(future);
    let mut cx = ::std::task::Context::from_waker(::std::task::Waker::noop());
    for pending in 0..1000 {
        if let ::std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return (output, pending);
        }
    }
    panic!("the print job was still not done after 1000 polls");
}

#[test]
fn preparing_a_job_copies_only_the_title() {
    let (job, count) = allocations(|| prepare_job("  Price list  ", 2, 5));
    assert_eq!(
        count, 1,
        "heap allocations made by prepare_job: the trimmed title is the only copy it needs"
    );
    let (receipt, pending) = poll_to_the_end(job);
    assert_eq!(receipt.title, "Price list");
    assert_eq!((receipt.copies, receipt.sheets), (2, 6));
    assert!(
        pending > 0,
        "the job was done on its first poll: it must still wait for the printer when awaited"
    );
}

#[test]
fn a_job_waits_for_the_printer_only_when_awaited() {
    let job = prepare_job("Notice", 7, 1);
    let (receipt, pending) = poll_to_the_end(job);
    assert_eq!((receipt.copies, receipt.sheets), (7, 7));
    assert!(
        pending > 0,
        "the receipt was ready on the first poll: prepare_job must not print anything itself, \
         the returned future waits for the printer"
    );
}
