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

struct Traffic {
    requests: u64,
    bytes: u64,
    largest: u64,
}

impl Traffic {
    fn add(&mut self, response_bytes: u64) {
        self.requests += 1;
        self.bytes += response_bytes;
        self.largest = self.largest.max(response_bytes);
    }
}

// TODO: a `static mut` shared by threads has no sound use here.
static mut TRAFFIC: Traffic = Traffic {
    requests: 0,
    bytes: 0,
    largest: 0,
};

/// Called by every worker thread after each response.
fn record(response_bytes: u64) {
    // There is no true SAFETY comment to write here: workers call this at the same time.
    unsafe { TRAFFIC.add(response_bytes) }
}

/// (requests served, bytes sent, largest response) so far.
fn snapshot() -> (u64, u64, u64) {
    unsafe { (TRAFFIC.requests, TRAFFIC.bytes, TRAFFIC.largest) }
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
