use super::*;

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
