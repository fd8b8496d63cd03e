// Question 7: What is pinning in Rust, and why is it important?
//
// A nightly maintenance script keeps its steps in a list and runs them one by one. Each
// step comes from a different async fn, so each is a future of a different type, and the
// list stores them boxed as `dyn Future` trait objects. The file does not compile: a boxed
// `dyn Future` cannot be awaited.
//
// Change how a step is stored, in the `Step` type and in `step`, so that `run_steps`
// compiles and runs the steps in order. `run_steps` itself needs no change. Building the
// list only wraps the steps (it needs no runtime): each step runs when `run_steps` gets to
// it, after the one before it has finished.

use std::future::Future;

/// A maintenance step that reports what it did.
pub type Step = Box<dyn Future<Output = String>>;

/// Wraps any step future so that different steps fit in one list.
pub fn step(future: impl Future<Output = String> + 'static) -> Step {
    Box::new(future)
}

async fn vacuum(table: String) -> String {
    tokio::task::yield_now().await;
    format!("vacuumed {table}")
}

async fn reindex(table: String, indexes: u32) -> String {
    tokio::task::yield_now().await;
    format!("rebuilt {indexes} indexes on {table}")
}

async fn backup(target: String) -> String {
    tokio::task::yield_now().await;
    format!("backed up to {target}")
}

/// Vacuum and reindex every table, then back everything up.
pub fn nightly_steps(tables: &[&str], backup_target: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for table in tables {
        steps.push(step(vacuum(table.to_string())));
        steps.push(step(reindex(table.to_string(), 2)));
    }
    steps.push(step(backup(backup_target.to_string())));
    steps
}

/// Runs the steps one after another and returns their reports, in order.
pub async fn run_steps(steps: Vec<Step>) -> Vec<String> {
    let mut reports = Vec::new();
    for step in steps {
        reports.push(step.await);
    }
    reports
}
