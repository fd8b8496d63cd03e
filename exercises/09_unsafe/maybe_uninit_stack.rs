// Question 9: What is unsafe Rust? Explain with an example.
//
// A message router on a small device keeps up to N pending messages inline, with no heap
// allocation, in an `InlineStack<T, N>`: an array of `MaybeUninit<T>` slots plus a
// length. The invariant: slots[..len] hold values, slots[len..] are uninitialised memory.
// The unsafe code is hidden behind a safe API, and that API is sound only if every path
// through it keeps the invariant.
//
// The hidden tests count how often values are dropped. `MaybeUninit<T>` never drops
// what it holds (it cannot know whether it holds anything), so when a stack that still
// holds values goes away, its values are leaked: their destructors never run (a file
// never closed, a lock never released, a message never acknowledged). Leaking is not
// undefined behaviour, but it is a bug. Fix it so that every value pushed is dropped
// exactly once: never twice, never zero times, and an uninitialised slot never. That
// holds even when one value's destructor panics: the other values are still dropped, and
// the panic still reaches whoever dropped the stack.

use std::mem::MaybeUninit;
use std::slice;

struct InlineStack<T, const N: usize> {
    // Invariant: len <= N; slots[..len] are initialised, slots[len..] are not.
    slots: [MaybeUninit<T>; N],
    len: usize,
}

impl<T, const N: usize> InlineStack<T, N> {
    fn new() -> Self {
        InlineStack {
            slots: [const { MaybeUninit::uninit() }; N],
            len: 0,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// Pushes `value` on top, or hands it back when the stack is full.
    fn push(&mut self, value: T) -> Result<(), T> {
        if self.len == N {
            return Err(value);
        }
        self.slots[self.len].write(value);
        self.len += 1;
        Ok(())
    }

    /// Takes the top value off, moving it to the caller.
    fn pop(&mut self) -> Option<T> {
        let top = self.len.checked_sub(1)?;
        // Shrink first: from here on the slot counts as uninitialised, so the value we
        // read out of it has exactly one owner, the caller.
        self.len = top;
        // SAFETY: top < the old len, so slot `top` was initialised, and it is read only once.
        Some(unsafe { self.slots[top].assume_init_read() })
    }

    /// The values, bottom first.
    fn as_slice(&self) -> &[T] {
        // SAFETY: `MaybeUninit<T>` has the same layout as `T`, and slots[..len] are
        // initialised; the slice borrows `self`, so the stack cannot change meanwhile.
        unsafe { slice::from_raw_parts(self.slots.as_ptr().cast::<T>(), self.len) }
    }
}

// TODO

fn main() {
    let mut pending: InlineStack<String, 4> = InlineStack::new();
    for text in ["ping", "temp 21.5", "door open"] {
        pending.push(text.to_string()).unwrap();
    }
    println!("pending: {:?}", pending.as_slice());
    println!("next: {:?}", pending.pop());
    println!("{} still pending", pending.len());
}
