// Question 13: Explain deadlocks concerning Rust.
//
// Async tasks take turns on a few threads, and a task gives its thread up only at an `.await`.
// A `std::sync::Mutex` guard kept across an `.await` keeps the lock while its task is
// suspended. If another task on the same thread then calls `lock()`, that call blocks the
// whole thread, and the suspended task, which needs that very thread to run again and
// release the lock, never does. (`tokio::spawn` rejects such a future because the guard is
// not `Send`, but `join!`, `select!` and single-threaded runtimes accept it.)
//
// `AuditLog::record` appends an entry and then holds the log for a cooldown, so that writes
// reach the slow storage behind it at least `cooldown` apart. Two records made concurrently
// never finish. Keep the behaviour (each record keeps the log to itself until its cooldown
// is over), but use a lock that an async task can wait for without blocking its thread.
// (As shipped the tests hang until rustprep stops them.)

use std::time::Duration;
use tokio::sync::Mutex;

struct AuditLog {
    // `tokio::sync::Mutex`: a task waiting for it is suspended at `.await` instead of blocking
    // its thread, so the task holding it can still run, finish its cooldown and release it.
    entries: Mutex<Vec<String>>,
    cooldown: Duration,
}

impl AuditLog {
    fn new(cooldown: Duration) -> Self {
        AuditLog {
            entries: Mutex::new(Vec::new()),
            cooldown,
        }
    }

    /// Appends `entry` and returns its position (1 for the first entry).
    async fn record(&self, entry: &str) -> usize {
        let mut entries = self.entries.lock().await;
        entries.push(entry.to_owned());
        let position = entries.len();
        // The storage needs a rest before the next write.
        tokio::time::sleep(self.cooldown).await;
        drop(entries);
        position
    }

    async fn entries(&self) -> Vec<String> {
        self.entries.lock().await.clone()
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let log = AuditLog::new(Duration::from_millis(20));
    let (a, b) = tokio::join!(log.record("login ana"), log.record("login bo"));
    println!("{a} {b} {:?}", log.entries().await);
}
