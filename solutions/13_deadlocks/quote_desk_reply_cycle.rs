// Question 13: Explain deadlocks concerning Rust.
//
// `QuoteDesk` caches share prices for a trading screen. On a miss it asks the market feed, a
// task of its own, and awaits the answer. Since it went live, the first quote of a symbol that
// is not cached yet never returns, and neither does any quote after it: no error, no panic, no
// CPU used, every task idle.
//
// What the desk promises, and must go on promising:
// - A hit is answered at once, even while a fetch is under way for another symbol.
// - Each fetch of the feed refreshes every price already cached, and only then answers (keep
//   that order): when a quote from the feed returns, no cached price is older than its own.
// - The cache never goes back in time: once the feed has made a fetch, no price from an older
//   fetch is written into the cache. Askers can be slow to run again after their answer has
//   arrived (a busy runtime), and by then the feed may have fetched again for someone else.
// - The market bills every fetch. A symbol is fetched once, however many ask for it at the
//   same time, even if some of them give up (their quote dropped, by a timeout say) before the
//   answer comes; its price is cached from then on (so every later fetch refreshes it). A symbol
//   the market does not know is `None`, is not cached, and costs a fetch each time it is asked.
// Keep the signatures of `open`, `quote` and `cached`. (As shipped, the tests fail when they
// give up waiting.)

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc, oneshot};

/// Every price the market knows at one moment, in cents (a remote service, in real life).
type Market = Box<dyn FnMut() -> HashMap<String, u64> + Send>;

/// A symbol to fetch, and where to send its price (`None`: the market does not know it).
type Request = (String, oneshot::Sender<Option<u64>>);

type Prices = Arc<Mutex<HashMap<String, u64>>>;

struct QuoteDesk {
    prices: Prices,
    feed: mpsc::Sender<Request>,
}

impl QuoteDesk {
    /// Opens the desk and starts its feed, whose every fetch takes `latency`.
    fn open(market: Market, latency: Duration) -> QuoteDesk {
        let prices = Prices::default();
        let (feed, requests) = mpsc::channel(16);
        tokio::spawn(run_feed(market, latency, requests, Arc::clone(&prices)));
        QuoteDesk { prices, feed }
    }

    /// The price of `symbol`: from the cache, or else from the feed (and then cached).
    async fn quote(&self, symbol: &str) -> Option<u64> {
        // The guard is a temporary of this `if let`: the lock is released when it ends.
        if let Some(&price) = self.prices.lock().await.get(symbol) {
            return Some(price);
        }
        // The feed needs `prices` before it answers, so nothing may hold them while this task
        // waits. Nor does this task write the answer into the cache: by the time it runs again,
        // the feed may have fetched again, and the price would go back in time. The feed has
        // already cached it, in the same locked step as its refresh.
        let (reply, answer) = oneshot::channel();
        self.feed.send((symbol.to_owned(), reply)).await.ok()?;
        answer.await.ok()?
    }

    /// The cached price of `symbol`, without asking the feed.
    async fn cached(&self, symbol: &str) -> Option<u64> {
        self.prices.lock().await.get(symbol).copied()
    }
}

/// Fetches the market for each request, refreshes the cache (and caches the price asked for),
/// then answers.
async fn run_feed(
    mut market: Market,
    latency: Duration,
    mut requests: mpsc::Receiver<Request>,
    prices: Prices,
) {
    while let Some((symbol, reply)) = requests.recv().await {
        // Asked for while an earlier fetch was under way, which cached it: the asker missed, but
        // the price is here now, and no fetch may be made for it again. Requests come one at a
        // time, so this look and the cache write of the fetch before cannot cross.
        if let Some(&price) = prices.lock().await.get(&symbol) {
            let _ = reply.send(Some(price));
            continue;
        }
        tokio::time::sleep(latency).await;
        let snapshot = market();
        let mut cached = prices.lock().await;
        for (name, price) in cached.iter_mut() {
            if let Some(&fresh) = snapshot.get(name) {
                *price = fresh;
            }
        }
        // Cached under the same lock as the refresh: no later fetch can come between.
        if let Some(&price) = snapshot.get(&symbol) {
            cached.insert(symbol.clone(), price);
        }
        drop(cached);
        // The asker may have given up: then nobody needs the answer.
        let _ = reply.send(snapshot.get(&symbol).copied());
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut tick = 0;
    let market: Market = Box::new(move || {
        tick += 1;
        HashMap::from([
            ("ACME".to_owned(), 1000 + tick),
            ("INIT".to_owned(), 250 + tick),
        ])
    });
    let desk = QuoteDesk::open(market, Duration::from_millis(30));
    println!("ACME {:?}", desk.quote("ACME").await);
    println!("INIT {:?}", desk.quote("INIT").await);
    println!("ACME again {:?}", desk.quote("ACME").await);
}
