// Question 9: What is unsafe Rust? Explain with an example.
//
// A web server keeps global traffic statistics that every worker thread updates after
// each response. They live in a `static mut`, and any access to a `static mut` is
// unsafe: nothing stops two threads from touching it at once, and such a data race is
// undefined behaviour. In Rust 2024, taking a reference to a `static mut` is an error by
// default (the `static_mut_refs` lint is deny-by-default: it can be allowed, and the race
// would still be there), which is why `record` does not compile.
//
// Do not get past the error with a raw pointer: the race would still be there. Change
// the statistics into something that threads may update together through a shared
// reference (std::sync::atomic), so that `record` and `snapshot` need no `unsafe` at
// all. Keep the name `TRAFFIC`, and the signatures of `record` and `snapshot`.

use std::sync::atomic::{AtomicU64, Ordering};

// Atomics can be changed through `&self`, and they are `Sync`, so a plain `static` works:
// the unsafe code (the hardware's atomic instructions) is inside std, behind a safe API.
struct Traffic {
    requests: AtomicU64,
    bytes: AtomicU64,
    largest: AtomicU64,
}

impl Traffic {
    fn add(&self, response_bytes: u64) {
        // Relaxed is enough: each counter is independent, and no other data is published
        // through them. (A snapshot taken while workers run may mix counters from slightly
        // different moments; one taken after they are joined is exact.)
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(response_bytes, Ordering::Relaxed);
        self.largest.fetch_max(response_bytes, Ordering::Relaxed);
    }
}

static TRAFFIC: Traffic = Traffic {
    requests: AtomicU64::new(0),
    bytes: AtomicU64::new(0),
    largest: AtomicU64::new(0),
};

/// Called by every worker thread after each response.
fn record(response_bytes: u64) {
    TRAFFIC.add(response_bytes);
}

/// (requests served, bytes sent, largest response) so far.
fn snapshot() -> (u64, u64, u64) {
    (
        TRAFFIC.requests.load(Ordering::Relaxed),
        TRAFFIC.bytes.load(Ordering::Relaxed),
        TRAFFIC.largest.load(Ordering::Relaxed),
    )
}

fn main() {
    std::thread::scope(|s| {
        for worker in 1..=4 {
            s.spawn(move || {
                for _ in 0..100 {
                    record(worker * 512);
                }
            });
        }
    });
    println!("{:?}", snapshot());
}
