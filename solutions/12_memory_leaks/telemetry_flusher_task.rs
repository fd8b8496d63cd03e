// Question 12: What is the possibility of memory leaks in Rust?
//
// `tokio::spawn` detaches a task: it runs until its future is done, whether or not anybody
// keeps its `JoinHandle`, and everything the future owns lives as long as it runs. A
// background loop that owns an `Arc` of the state it serves is one more owner of that state,
// one that never goes away: the last handle can be dropped, yet the count never reaches zero,
// the state is never freed, and the task runs for ever.
//
// `Telemetry` is a cheap handle, cloned into every request handler, to a buffer of events that
// a background task flushes to a sink every `period`. When the last handle is dropped, the
// buffer must go at once, not at the next tick: its destructor sends what is still buffered and
// closes the sink. And the background task must end then too, whatever the period. As written
// none of this ever happens. Fix it without changing what the handle offers (`start`, `Clone`,
// `record`) or how often the buffer is flushed while handles exist.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;
use tokio::sync::oneshot;

/// Where flushed batches go (a connection to a metrics server, in real life).
type Sink = UnboundedSender<Vec<String>>;

struct Buffer {
    pending: Mutex<Vec<String>>,
    sink: Sink,
    // Never sent on: dropped with the buffer, which is what tells the flusher to stop.
    _stop: oneshot::Sender<()>,
}

impl Buffer {
    fn flush(&self) {
        let batch = std::mem::take(&mut *self.pending.lock().unwrap());
        if !batch.is_empty() {
            // Nobody listening is not the buffer's problem.
            let _ = self.sink.send(batch);
        }
    }
}

impl Drop for Buffer {
    // The last events go out when the buffer goes; the sink closes right after.
    fn drop(&mut self) {
        self.flush();
    }
}

#[derive(Clone)]
struct Telemetry {
    buffer: Arc<Buffer>,
}

impl Telemetry {
    /// Starts the background flusher; call it inside a Tokio runtime.
    fn start(sink: Sink, period: Duration) -> Telemetry {
        let (stop, mut stopped) = oneshot::channel();
        let buffer = Arc::new(Buffer {
            pending: Mutex::new(Vec::new()),
            sink,
            _stop: stop,
        });
        // The task reaches the buffer through a `Weak`, which does not keep it alive: only the
        // handles own it, so dropping the last one frees it at once.
        let flusher = Arc::downgrade(&buffer);
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(period);
            ticks.tick().await; // The first tick is immediate.
            loop {
                tokio::select! {
                    _ = ticks.tick() => {}
                    // The buffer is gone (its sender with it): end now, not at the next tick.
                    _ = &mut stopped => break,
                }
                // Own the buffer only while flushing it, never across an `.await`.
                let Some(buffer) = flusher.upgrade() else {
                    break;
                };
                buffer.flush();
            }
        });
        Telemetry { buffer }
    }

    fn record(&self, event: &str) {
        self.buffer.pending.lock().unwrap().push(event.to_owned());
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (sink, mut batches) = tokio::sync::mpsc::unbounded_channel();
    let telemetry = Telemetry::start(sink, Duration::from_millis(50));
    telemetry.record("GET /cart 200");
    telemetry.record("POST /pay 502");
    println!("{:?}", batches.recv().await);
    telemetry.record("GET / 200");
    drop(telemetry);
    // Once the buffer is gone, the last batch comes and then the end of the channel.
    while let Some(batch) = batches.recv().await {
        println!("{batch:?}");
    }
    println!("sink closed");
}
