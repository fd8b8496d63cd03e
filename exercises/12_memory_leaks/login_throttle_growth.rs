// Question 12: What is the possibility of memory leaks in Rust?
//
// Ownership frees what nobody owns any more. It cannot know that something still owned will
// never be needed again, and a collection that only ever grows is a leak in every way that
// matters to a server that runs for months: its memory use climbs with all the traffic it
// has ever seen.
//
// `LoginThrottle` lets each user make at most 3 login attempts in any 60 seconds (an attempt
// made exactly 60 seconds later no longer counts). A refused attempt is not recorded. It
// answers correctly, but it remembers every allowed attempt of every user forever. Make it
// forget what can no longer matter: attempts older than the window, and users left with no
// recent attempts. Do the cleaning in `attempt`, so that what is stored never exceeds what
// the last 60 seconds of traffic needs. (Times are whole seconds and never go backwards.)

use std::collections::HashMap;

const WINDOW_SECS: u64 = 60;
const MAX_ATTEMPTS: usize = 3;

#[derive(Default)]
struct LoginThrottle {
    // Times of each user's allowed attempts, oldest first.
    attempts: HashMap<String, Vec<u64>>,
}

impl LoginThrottle {
    /// Records an attempt by `user` at time `now`; says whether it is allowed.
    fn attempt(&mut self, user: &str, now: u64) -> bool {
        // TODO: nothing stored is ever removed.
        let times = self.attempts.entry(user.to_owned()).or_default();
        let recent = times.iter().filter(|&&t| now - t < WINDOW_SECS).count();
        if recent >= MAX_ATTEMPTS {
            return false;
        }
        times.push(now);
        true
    }

    /// How many users the throttle keeps records for.
    fn tracked_users(&self) -> usize {
        self.attempts.len()
    }

    /// How many attempt times it stores in all.
    fn stored_attempts(&self) -> usize {
        self.attempts.values().map(Vec::len).sum()
    }
}

fn main() {
    let mut throttle = LoginThrottle::default();
    for t in [0, 5, 10, 15, 61] {
        println!("t={t}: {}", throttle.attempt("mo", t));
    }
}
