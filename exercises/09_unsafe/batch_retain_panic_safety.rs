// Question 9: What is unsafe Rust? Explain with an example.
//
// A telemetry uplink collects readings in a `Batch<T, N>` before sending them: up to N
// values stored inline, in an array of `MaybeUninit<T>` slots and a length. The invariant
// that makes its unsafe code sound: slots[..len] hold values, slots[len..] do not.
// Before each send, `retain` throws away the readings that a filter, supplied by the
// caller, rejects, keeping the others in their order.
//
// The filter is the caller's code, and the caller's code can panic. A panic unwinds
// through `retain`, and later the batch's own destructor runs: whatever state `retain` was
// in when the filter panicked, the batch must be sound in it. Right now it is not: a
// panicking filter makes readings get dropped twice (undefined behaviour: a double free
// for a reading that owns memory).
//
// Make `retain` panic-safe. When the filter panics, the panic must still reach the
// caller, and afterwards the batch holds, in their order, every reading the filter had
// accepted and every reading it had not judged yet (the one it panicked on included);
// readings it had rejected may already be gone. No reading is ever dropped twice, and none
// is leaked. Without a panic, `retain` works as it does now: the rejected readings are
// dropped by `retain` itself. Do not change the signatures.

use std::mem::MaybeUninit;
use std::ptr;
use std::slice;

struct Batch<T, const N: usize> {
    // Invariant: len <= N; slots[..len] are initialised, slots[len..] are not.
    slots: [MaybeUninit<T>; N],
    len: usize,
}

impl<T, const N: usize> Batch<T, N> {
    fn new() -> Self {
        Batch {
            slots: [const { MaybeUninit::uninit() }; N],
            len: 0,
        }
    }

    /// Adds `value` at the end, or hands it back when the batch is full.
    fn push(&mut self, value: T) -> Result<(), T> {
        if self.len == N {
            return Err(value);
        }
        self.slots[self.len].write(value);
        self.len += 1;
        Ok(())
    }

    fn as_slice(&self) -> &[T] {
        // SAFETY: `MaybeUninit<T>` has the layout of `T`, and slots[..len] are initialised.
        unsafe { slice::from_raw_parts(self.slots.as_ptr().cast::<T>(), self.len) }
    }

    /// Keeps the values `keep` accepts, in their order, and drops the others.
    fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let mut kept = 0;
        for i in 0..self.len {
            // SAFETY: i < len, so slot i is initialised, and each slot is read once.
            let value = unsafe { self.slots[i].assume_init_read() };
            if keep(&value) {
                self.slots[kept].write(value);
                kept += 1;
            }
        }
        self.len = kept;
    }
}

impl<T, const N: usize> Drop for Batch<T, N> {
    fn drop(&mut self) {
        let values = ptr::slice_from_raw_parts_mut(self.slots.as_mut_ptr().cast::<T>(), self.len);
        // SAFETY: slots[..len] are initialised, and after this the batch is gone.
        unsafe { ptr::drop_in_place(values) }
    }
}

fn main() {
    let mut batch: Batch<String, 8> = Batch::new();
    for reading in ["t=21.5", "t=-999", "h=40", "t=22.0"] {
        batch.push(reading.to_string()).unwrap();
    }
    batch.retain(|reading| !reading.ends_with("-999"));
    println!("sending {:?}", batch.as_slice());
}
