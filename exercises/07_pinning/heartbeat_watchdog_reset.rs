// Question 7: What is pinning in Rust, and why is it important?
//
// A fleet server runs a watchdog for every connected sensor. A sensor must send a
// heartbeat at least once every `timeout`; each heartbeat gives it a fresh `timeout`
// from that moment on. Log lines are forwarded by a relay even when the sensor itself has
// hung, so they prove nothing: they must not put the deadline off. When the deadline
// passes, the sensor is declared lost; when its channel closes, it has disconnected.
//
// `watch` keeps one timer, pinned on the stack so that `select!` can poll it again on
// every turn of the loop, and replaces it on each heartbeat. That line does not compile.
// Make the watchdog work as described; keep the signature of `watch`.

use std::pin::pin;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;

pub enum Message {
    Heartbeat,
    Log(String),
}

pub enum Verdict {
    /// No heartbeat for `timeout`: the sensor is presumed dead.
    Lost { heartbeats: u32 },
    /// The sensor closed its channel.
    Disconnected { heartbeats: u32 },
}

pub async fn watch(mut messages: mpsc::Receiver<Message>, timeout: Duration) -> Verdict {
    let mut heartbeats = 0;
    let mut deadline = pin!(sleep(timeout));
    loop {
        tokio::select! {
            message = messages.recv() => match message {
                Some(Message::Heartbeat) => {
                    heartbeats += 1;
                    deadline = pin!(sleep(timeout));
                }
                Some(Message::Log(line)) => println!("relayed: {line}"),
                None => return Verdict::Disconnected { heartbeats },
            },
            () = &mut deadline => return Verdict::Lost { heartbeats },
        }
    }
}
