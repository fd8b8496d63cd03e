use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use std::future::Future;

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

/// Tells at run time whether `T` is a future, by method resolution: the impl that needs
/// `T: Future` is found first, the fallback one only when it does not apply.
struct Probe<T>(::std::marker::PhantomData<T>);

trait IsFuture {
    fn is_future(&self) -> bool {
        true
    }
}
impl<T: Future> IsFuture for Probe<T> {}

trait NotFuture {
    fn is_future(&self) -> bool {
        false
    }
}
impl<T> NotFuture for &Probe<T> {}

#[test]
fn a_step_is_itself_a_future() {
    let step_probe = &Probe::<Step>(::std::marker::PhantomData);
    assert!(
        step_probe.is_future(),
        "a `Step` cannot be awaited as it is: change the `Step` type itself (and `step`), \
         not only how `run_steps` uses it"
    );
    // The probe itself works.
    let boxed_probe = &Probe::<Box<dyn Future<Output = String>>>(::std::marker::PhantomData);
    assert!(!boxed_probe.is_future());
}

#[test]
fn the_list_is_built_outside_any_runtime_and_run_one_step_at_a_time() {
    // Building the list only wraps the futures: no runtime is needed, nothing runs yet.
    let journal = Arc::new(Mutex::new(Vec::new()));
    let steps: Vec<Step> = ["a", "b", "c"]
        .into_iter()
        .map(|name| {
            let journal = Arc::clone(&journal);
            step(async move {
                journal.lock().unwrap().push(format!("{name} starts"));
                tokio::task::yield_now().await;
                journal.lock().unwrap().push(format!("{name} ends"));
                name.to_string()
            })
        })
        .collect();
    assert!(journal.lock().unwrap().is_empty());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    assert_eq!(runtime.block_on(run_steps(steps)), ["a", "b", "c"]);
    assert_eq!(
        *journal.lock().unwrap(),
        [
            "a starts", "a ends", "b starts", "b ends", "c starts", "c ends"
        ],
        "each step must run only when the one before it has finished"
    );
}
