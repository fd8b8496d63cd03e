use super::*;

use std::sync::{Arc, Mutex};

#[tokio::test]
async fn the_nightly_steps_run_in_order() {
    let steps = nightly_steps(&["orders", "users"], "s3://backups/night");
    assert_eq!(
        run_steps(steps).await,
        [
            "vacuumed orders",
            "rebuilt 2 indexes on orders",
            "vacuumed users",
            "rebuilt 2 indexes on users",
            "backed up to s3://backups/night",
        ]
    );
}

#[tokio::test]
async fn without_tables_only_the_backup_runs() {
    let steps = nightly_steps(&[], "/mnt/tape");
    assert_eq!(run_steps(steps).await, ["backed up to /mnt/tape"]);
}

#[tokio::test]
async fn an_empty_list_reports_nothing() {
    assert!(run_steps(Vec::new()).await.is_empty());
}

#[tokio::test(start_paused = true)]
async fn steps_of_any_kind_share_one_list() {
    let steps = vec![
        step(async { "warmed the cache".to_string() }),
        step(async {
            tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            "waited for replicas".to_string()
        }),
        step(vacuum("audit_log".to_string())),
        step(std::future::ready("nothing to do".to_string())),
    ];
    assert_eq!(
        run_steps(steps).await,
        [
            "warmed the cache",
            "waited for replicas",
            "vacuumed audit_log",
            "nothing to do"
        ]
    );
}

#[tokio::test]
async fn steps_only_run_when_run_steps_gets_to_them() {
    let journal = Arc::new(Mutex::new(Vec::new()));
    let steps: Vec<Step> = (1..=3)
        .map(|n| {
            let journal = Arc::clone(&journal);
            step(async move {
                journal.lock().unwrap().push(n);
                format!("step {n}")
            })
        })
        .collect();
    assert!(
        journal.lock().unwrap().is_empty(),
        "building the list must not run any step"
    );
    assert_eq!(run_steps(steps).await, ["step 1", "step 2", "step 3"]);
    assert_eq!(*journal.lock().unwrap(), [1, 2, 3]);
}
