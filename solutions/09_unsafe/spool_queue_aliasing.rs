// Question 9: What is unsafe Rust? Explain with an example.
//
// A print server queues jobs in a `Spool`: a singly linked list of heap nodes that keeps a
// raw pointer to its last node, so that adding at the back (`push_back`), taking from the
// front (`pop_front`) and amending the newest job (`back_mut`) all take constant time.
//
// Every hidden test passes when run normally. Under Miri, which checks the rules that
// unsafe code must keep (including Rust's aliasing rules: which pointers may still be used
// after another pointer to the same memory has been used), they fail: this code has
// undefined behaviour, even though nothing looks wrong in the output.
//
// Read Miri's report, find out why the raw pointer is no longer allowed to be used, and
// make the spool sound. Keep it a linked list of nodes, one heap allocation per job, with
// a raw pointer to the last node; keep the public methods as they are. Every job pushed
// must be dropped exactly once: when it is popped and dropped by its caller, or when the
// spool goes away.

use std::ptr;

struct Node<T> {
    job: T,
    next: *mut Node<T>,
}

// The spool owns the nodes from `head` on. Each is made by `Box::into_raw` and freed by
// `Box::from_raw`, once, and in between is reached through raw pointers only. Under the
// aliasing rules that Miri checks, a `Box` is like a `&mut`: it claims to be the only way
// to its node, and each time it is moved (into `Some(..)`, into a field) the claim is made
// again, which invalidates every raw pointer made from it before, `tail` included. Raw
// pointers make no such claim about each other.
struct Spool<T> {
    /// The first node, or null when the spool is empty.
    head: *mut Node<T>,
    /// The last node, or null when the spool is empty.
    tail: *mut Node<T>,
    len: usize,
}

impl<T> Spool<T> {
    fn new() -> Self {
        Spool {
            head: ptr::null_mut(),
            tail: ptr::null_mut(),
            len: 0,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// Adds a job at the back.
    fn push_back(&mut self, job: T) {
        let node = Box::into_raw(Box::new(Node {
            job,
            next: ptr::null_mut(),
        }));
        if self.tail.is_null() {
            self.head = node;
        } else {
            // SAFETY: `tail` points to the last node, which the list owns and keeps alive
            // until `pop_front` frees it, and `&mut self` means no one else is using the list.
            unsafe { (*self.tail).next = node };
        }
        self.tail = node;
        self.len += 1;
    }

    /// Takes the oldest job.
    fn pop_front(&mut self) -> Option<T> {
        if self.head.is_null() {
            return None;
        }
        // SAFETY: a non-null `head` came from `Box::into_raw` in `push_back` and has not been
        // freed: it is taken back here once, and `head` moves on to the next node at once.
        let node = unsafe { Box::from_raw(self.head) };
        let Node { job, next } = *node;
        self.head = next;
        if self.head.is_null() {
            self.tail = ptr::null_mut();
        }
        self.len -= 1;
        Some(job)
    }

    /// The newest job, to amend it (a late extra page, a changed tray).
    fn back_mut(&mut self) -> Option<&mut T> {
        // SAFETY: `tail` is null or points to the last node, owned by the list; the
        // returned borrow holds `&mut self`, so the list cannot change meanwhile.
        unsafe { self.tail.as_mut() }.map(|node| &mut node.job)
    }
}

// Without a `Box` to own them, nothing frees the nodes left when the spool goes away.
impl<T> Drop for Spool<T> {
    fn drop(&mut self) {
        while self.pop_front().is_some() {}
    }
}

fn main() {
    let mut spool = Spool::new();
    spool.push_back(String::from("report.pdf"));
    spool.push_back(String::from("label.png"));
    if let Some(job) = spool.back_mut() {
        job.push_str(" x2");
    }
    while let Some(job) = spool.pop_front() {
        println!("printing {job}");
    }
}
