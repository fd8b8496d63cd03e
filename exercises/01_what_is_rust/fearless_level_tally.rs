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

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::thread;

fn count_levels(chunks: Vec<Vec<String>>) -> HashMap<String, usize> {
    // TODO: this tally cannot be shared between threads.
    let tally = Rc::new(RefCell::new(HashMap::new()));
    let mut workers = Vec::new();
    for chunk in chunks {
        let tally = Rc::clone(&tally);
        workers.push(thread::spawn(move || {
            for line in chunk {
                if let Some(level) = line.split_whitespace().next() {
                    *tally.borrow_mut().entry(level.to_string()).or_insert(0) += 1;
                }
            }
        }));
    }
    for worker in workers {
        worker.join().expect("a worker panicked");
    }
    Rc::try_unwrap(tally)
        .expect("every worker has finished")
        .into_inner()
}

fn main() {
    let chunks = vec![
        vec!["INFO started".to_string(), "WARN disk 91% full".to_string()],
        vec!["INFO request /".to_string(), "ERROR timeout".to_string()],
    ];
    println!("{:?}", count_levels(chunks));
}
