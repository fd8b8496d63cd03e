// Question 12: What is the possibility of memory leaks in Rust?
//
// Rust's guarantee is memory safety, and a leak is not unsafe, so safe Rust can leak.
// `std::mem::forget` is a safe function: it takes a value and never runs its destructor. When
// a destructor does more than free memory (returns a connection to its pool, unlocks a file,
// flushes a buffer), forgetting the value leaks that resource as well.
//
// A `Lease` gives its connection back to the pool when it is dropped. `run_report` borrows a
// connection, runs one query and is done with it, but after a few reports the pool is empty
// and every further report fails. Find the leak and let the lease go back through its own
// destructor: once a report's result is dropped, nothing it allocated may stay on the heap.

use std::cell::RefCell;
use std::rc::Rc;

struct Connection {
    id: u32,
    queries_run: u32,
}

struct Pool {
    idle: Rc<RefCell<Vec<Connection>>>,
}

/// A connection on loan from a pool, returned to it on drop.
struct Lease {
    conn: Option<Connection>,
    home: Rc<RefCell<Vec<Connection>>>,
}

impl Pool {
    fn new(size: u32) -> Self {
        let conns = (1..=size)
            .map(|id| Connection { id, queries_run: 0 })
            .collect();
        Pool {
            idle: Rc::new(RefCell::new(conns)),
        }
    }

    fn acquire(&self) -> Option<Lease> {
        let conn = self.idle.borrow_mut().pop()?;
        Some(Lease {
            conn: Some(conn),
            home: Rc::clone(&self.idle),
        })
    }

    fn idle_count(&self) -> usize {
        self.idle.borrow().len()
    }

    /// How many queries the idle connections have run between them.
    fn queries_run(&self) -> u32 {
        self.idle.borrow().iter().map(|c| c.queries_run).sum()
    }
}

impl Lease {
    fn query(&mut self, sql: &str) -> String {
        let conn = self
            .conn
            .as_mut()
            .expect("a lease holds its connection until dropped");
        conn.queries_run += 1;
        format!("connection {} ran: {sql}", conn.id)
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.home.borrow_mut().push(conn);
        }
    }
}

/// Runs the report `name`, or returns `None` when no connection is free.
fn run_report(pool: &Pool, name: &str) -> Option<String> {
    let mut lease = pool.acquire()?;
    let result = lease.query(&format!("SELECT * FROM {name}"));
    // TODO: done with the connection.
    std::mem::forget(lease);
    Some(result)
}

fn main() {
    let pool = Pool::new(2);
    for name in ["sales", "stock", "staff"] {
        println!("{name}: {:?}", run_report(&pool, name));
    }
}
