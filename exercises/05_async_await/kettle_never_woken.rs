// Question 5: What are `async` and `await` in Rust?
//
// `Kettle` is a future written by hand, without `async`: each time it is polled it heats
// the water by one step, and it is ready once the water reaches the target temperature.
// Awaited on a runtime, the kettle is polled once and then never again, so it never boils.
//
// An executor does not poll a pending future in a loop: it waits until something asks it
// to poll again. Fix `poll` so that an awaited kettle boils. Keep one step of heating per
// poll: the kettle must not finish in a single poll.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub struct Kettle {
    temperature: u32,
    target: u32,
    step: u32,
}

impl Kettle {
    pub fn new(temperature: u32, target: u32, step: u32) -> Self {
        assert!(step > 0, "a kettle that does not heat never boils");
        Kettle {
            temperature,
            target,
            step,
        }
    }

    pub fn temperature(&self) -> u32 {
        self.temperature
    }
}

impl Future for Kettle {
    /// The temperature reached.
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        if self.temperature >= self.target {
            return Poll::Ready(self.temperature);
        }
        self.temperature = (self.temperature + self.step).min(self.target);
        // Not hot enough yet: surely the kettle will be polled again later.
        Poll::Pending
    }
}
