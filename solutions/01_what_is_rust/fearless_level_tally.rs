// Question 1: What is Rust, and where is it mostly used?
// Feature: fearless concurrency. Whether a type may be sent to or shared with another thread is
// part of its type (the `Send` and `Sync` traits), so a data race is a compile error rather than
// a bug found in production.
//
// A log analyser counts how many lines of each level ("INFO", "WARN", ...) a server wrote. Each
// chunk of the log is counted on its own thread, and all threads add to one shared tally. The
// level is the first word of a line; blank lines are skipped.
//
// It does not compile: the shared tally uses a reference-counted pointer and a cell that are only
// safe on a single thread. Replace them with their thread-safe counterparts.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

fn count_levels(chunks: Vec<Vec<String>>) -> HashMap<String, usize> {
    // `Arc` counts its owners atomically and `Mutex` lets one thread at a time change the map:
    // together they are `Send` and `Sync`. `Rc` is neither, and `RefCell` is `Send` but not
    // `Sync`: no two threads may share one.
    let tally = Arc::new(Mutex::new(HashMap::new()));
    let mut workers = Vec::new();
    for chunk in chunks {
        let tally = Arc::clone(&tally);
        workers.push(thread::spawn(move || {
            for line in chunk {
                if let Some(level) = line.split_whitespace().next() {
                    let mut counts = tally.lock().expect("no worker panicked");
                    *counts.entry(level.to_string()).or_insert(0) += 1;
                }
            }
        }));
    }
    for worker in workers {
        worker.join().expect("a worker panicked");
    }
    Arc::try_unwrap(tally)
        .expect("every worker has finished")
        .into_inner()
        .expect("no worker panicked")
}

fn main() {
    let chunks = vec![
        vec!["INFO started".to_string(), "WARN disk 91% full".to_string()],
        vec!["INFO request /".to_string(), "ERROR timeout".to_string()],
    ];
    println!("{:?}", count_levels(chunks));
}
