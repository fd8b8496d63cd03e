// Question 7: What is pinning in Rust, and why is it important?
//
// A storage client hedges its reads: it sends the same read to two replicas and takes
// whichever answer comes first. `Race` is the future behind that. Each poll polls the
// primary request first, then the backup. As soon as one of them is ready the race is
// decided, and the other request is cancelled on the spot, by dropping it (that releases
// its connection): not later, when the `Race` itself happens to be dropped.
//
// `Race` only accepts futures that are `Unpin`, and the futures of async fns are not, so
// `fastest_replica` does not compile. Make `Race` work with any two futures. The client
// makes thousands of races a second, so a race must not allocate: both requests stay
// inside the `Race` (the hidden tests count heap allocations). And `Race` must not claim to
// be `Unpin` when one of its requests is not.
//
// Safe code cannot get a `Pin<&mut A>` to a field out of a `Pin<&mut Self>` unless the
// field is boxed, so this exercise allows `unsafe`: every unsafe block must say, in a
// `// SAFETY:` comment, why what it does keeps the promise that `Pin` makes.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Which request answered first, and its answer.
pub enum Winner<T> {
    Primary(T),
    Backup(T),
}

pub struct Race<A, B> {
    /// `None` once the race is decided.
    primary: Option<A>,
    /// `None` once the race is decided.
    backup: Option<B>,
}

impl<A, B> Race<A, B> {
    pub fn new(primary: A, backup: B) -> Self {
        Race {
            primary: Some(primary),
            backup: Some(backup),
        }
    }
}

impl<A, B> Future for Race<A, B>
where
    A: Future + Unpin,
    B: Future<Output = A::Output> + Unpin,
{
    type Output = Winner<A::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let (Some(primary), Some(backup)) = (this.primary.as_mut(), this.backup.as_mut()) else {
            panic!("a Race was polled again after it was decided");
        };
        let winner = if let Poll::Ready(answer) = Pin::new(primary).poll(cx) {
            Winner::Primary(answer)
        } else if let Poll::Ready(answer) = Pin::new(backup).poll(cx) {
            Winner::Backup(answer)
        } else {
            return Poll::Pending;
        };
        // Decided: cancel the loser now, and let the winner go too.
        drop(this.primary.take());
        drop(this.backup.take());
        Poll::Ready(winner)
    }
}

async fn read_from(replica: &str, key: &str) -> String {
    format!("{key}@{replica}")
}

/// Reads `key` from the nearest replica and from a remote one, and keeps the first answer.
pub async fn fastest_replica(key: &str) -> String {
    match Race::new(read_from("eu-west", key), read_from("us-east", key)).await {
        Winner::Primary(answer) | Winner::Backup(answer) => answer,
    }
}
