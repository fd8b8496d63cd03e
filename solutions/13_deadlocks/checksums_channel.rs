// Question 13: Explain deadlocks concerning Rust.
//
// A channel's receiver learns that no more messages will come only when every `Sender` is
// gone. While one sender is alive, even one that nobody will ever send on, `recv` (and a `for`
// loop or `collect` over the receiver) keeps waiting. If the thread that waits is the one that
// keeps that sender alive, it is waiting for itself: it can never wake up.
//
// `checksum_all` computes the checksums of some files on worker threads and gathers the
// results from a channel. Every worker finishes, yet the function never returns. Make the
// gathering end once the last worker is done. Keep the work on the workers: the calling
// thread only gathers. A worker can also fail: if reading a file's bytes (`as_ref`) panics,
// that worker ends without sending anything, and `checksum_all` must still return, with the
// checksums of the other files. (As shipped the tests hang until rustprep stops them.)

use std::sync::mpsc;
use std::thread;

/// Fletcher-16 checksum of `data`.
fn checksum(data: &[u8]) -> u16 {
    let (mut low, mut high) = (0u16, 0u16);
    for &byte in data {
        low = (low + u16::from(byte)) % 255;
        high = (high + low) % 255;
    }
    (high << 8) | low
}

/// The checksum of every file that could be read, sorted by file name.
fn checksum_all<D>(files: Vec<(String, D)>) -> Vec<(String, u16)>
where
    D: AsRef<[u8]> + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    for (name, data) in files {
        let tx = tx.clone();
        thread::spawn(move || {
            let sum = checksum(data.as_ref());
            tx.send((name, sum)).expect("the receiver is waiting");
        });
    }
    // The workers own clones; this original sender would otherwise live until the function
    // returns, so the receiver below would wait for it forever.
    drop(tx);
    let mut results: Vec<(String, u16)> = rx.into_iter().collect();
    results.sort();
    results
}

fn main() {
    let files = vec![
        ("a.txt".to_owned(), b"abcde".to_vec()),
        ("b.txt".to_owned(), b"abcdef".to_vec()),
    ];
    println!("{:?}", checksum_all(files));
}
