// Question 3: What are lifetimes in Rust?
// `'static` is the lifetime of the whole program. `std::thread::spawn` requires its closure to
// be `'static` (`F: Send + 'static`): the new thread may run on after the function that started
// it has returned, so it must not hold borrows of that function's data.
//
// A building's energy dashboard adds up the readings (in watt-hours) of all its meters, and
// splits the work between `workers` threads (at least one, whatever `workers` says): one thread
// per chunk, though the calling thread may add up one chunk itself. The hidden tests count the
// threads started. It does not compile: each thread borrows a chunk of `readings`, and `spawn`
// cannot prove the threads end before `readings` does.
//
// Let the threads borrow the readings safely. Copying the readings for the threads would compile
// too, but a large building has millions of them: the hidden tests check that nothing is copied.
// The standard library can prove that borrowing threads finish in time.

use std::thread;

fn total_energy(readings: &[u64], workers: usize) -> u64 {
    let chunk_len = readings.len().div_ceil(workers.max(1)).max(1);
    // A scope joins every thread spawned in it before `scope` returns, so the threads may borrow
    // anything that outlives the scope, such as `readings`: no `'static` needed.
    thread::scope(|scope| {
        let mut handles = Vec::new();
        for chunk in readings.chunks(chunk_len) {
            handles.push(scope.spawn(move || chunk.iter().sum::<u64>()));
        }
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a worker panicked"))
            .sum()
    })
}

fn main() {
    let readings: Vec<u64> = (1..=1_000).collect();
    println!("{} Wh", total_energy(&readings, 4));
}
