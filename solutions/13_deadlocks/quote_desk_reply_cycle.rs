// Question 13: Explain deadlocks concerning Rust.
//
// An async mutex (`tokio::sync::Mutex`) turns waiting for a lock into an `.await`, so it never
// blocks a thread. It does not make deadlocks impossible: a task that holds a lock and awaits
// something that can only happen once another task has had that lock waits for ever, on any
// runtime, with every thread idle and no error anywhere.
//
// `QuoteDesk` caches share prices. On a miss it asks the market feed, a task of its own, and
// awaits the answer. Each time the feed fetches, it first refreshes every price already in the
// cache and only then answers, so that a quote that comes from the feed never leaves older
// prices in the cache than its own. Hits work; the first miss never returns. Fix the desk so
// that it never waits for the feed while the feed would have to wait for it. Keep the feed's
// order (refresh, then answer), and hits must be answered at once even while a fetch is under
// way. Keep the signatures of `open`, `quote` and `cached`. (As shipped, the tests fail when
// they give up waiting.)

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
        // waits for the answer: the lock is taken again only once the answer is here.
        let (reply, answer) = oneshot::channel();
        self.feed.send((symbol.to_owned(), reply)).await.ok()?;
        let price = answer.await.ok()??;
        self.prices.lock().await.insert(symbol.to_owned(), price);
        Some(price)
    }

    /// The cached price of `symbol`, without asking the feed.
    async fn cached(&self, symbol: &str) -> Option<u64> {
        self.prices.lock().await.get(symbol).copied()
    }
}

/// Fetches the market for each request, refreshes the cache, then answers.
async fn run_feed(
    mut market: Market,
    latency: Duration,
    mut requests: mpsc::Receiver<Request>,
    prices: Prices,
) {
    while let Some((symbol, reply)) = requests.recv().await {
        tokio::time::sleep(latency).await;
        let snapshot = market();
        let mut cached = prices.lock().await;
        for (name, price) in cached.iter_mut() {
            if let Some(&fresh) = snapshot.get(name) {
                *price = fresh;
            }
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
