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

    /// Pinned access to both requests: the pin of the race is projected onto its fields.
    ///
    /// Pinning is structural for `primary` and `backup`: once the race is pinned, its
    /// requests are pinned too. That is sound because nothing ever moves them out of a
    /// pinned race: they are only polled through these pins, or dropped where they are
    /// (`Pin::set` drops the old value in place). `Race` has no `Drop` impl that could move
    /// them, and it is `Unpin` only when both requests are, by the automatic impl.
    fn project(self: Pin<&mut Self>) -> (Pin<&mut Option<A>>, Pin<&mut Option<B>>) {
        // SAFETY: `self` is only split into its fields here, never moved, and the fields
        // are structurally pinned, as described above.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: both fields live inside the pinned race, and (see above) they are never
        // moved out of it while it is pinned.
        unsafe {
            (
                Pin::new_unchecked(&mut this.primary),
                Pin::new_unchecked(&mut this.backup),
            )
        }
    }
}

impl<A, B> Future for Race<A, B>
where
    A: Future,
    B: Future<Output = A::Output>,
{
    type Output = Winner<A::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let (mut primary, mut backup) = self.project();
        let (Some(primary_request), Some(backup_request)) =
            (primary.as_mut().as_pin_mut(), backup.as_mut().as_pin_mut())
        else {
            panic!("a Race was polled again after it was decided");
        };
        let winner = if let Poll::Ready(answer) = primary_request.poll(cx) {
            Winner::Primary(answer)
        } else if let Poll::Ready(answer) = backup_request.poll(cx) {
            Winner::Backup(answer)
        } else {
            return Poll::Pending;
        };
        // Decided: cancel the loser now, and let the winner go too. `take()` would move a
        // pinned request out before dropping it, breaking the promise `Pin` made to it;
        // `set` drops each one where it is.
        primary.set(None);
        backup.set(None);
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
