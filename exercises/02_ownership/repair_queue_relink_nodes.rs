// Question 2: What are ownership and borrowing in Rust?
// In a linked list each node owns the next one (`Option<Box<Node>>`). To change the chain you
// walk it with a mutable reference to a link, and you can only take a value out of a link by
// leaving something valid in its place. The borrow checker also decides how long each
// reborrow along the walk lasts, and that is where hand-written list code usually stops
// compiling.
//
// A repair shop keeps its jobs in a singly linked queue, highest priority first; jobs of equal
// priority keep their arrival order. `insert` puts a new job after every job whose priority is
// at least its own; `remove` takes the job with the given id out of the queue and returns it.
// Neither compiles. Fix them so that they relink the existing nodes in place: no job is copied,
// no node is rebuilt, no other collection is used (the tests count allocations and check node
// addresses). Keep the types and signatures.

struct Job {
    id: u32,
    priority: u8,
    note: String,
}

struct Node {
    job: Job,
    next: Option<Box<Node>>,
}

#[derive(Default)]
struct RepairQueue {
    head: Option<Box<Node>>,
    len: usize,
}

impl RepairQueue {
    fn insert(&mut self, job: Job) {
        // TODO: find the link the new job belongs in.
        let mut link = &mut self.head;
        while let Some(node) = link {
            if node.job.priority < job.priority {
                break;
            }
            link = &mut node.next;
        }
        let rest = link.take();
        *link = Some(Box::new(Node { job, next: rest }));
        self.len += 1;
    }

    fn remove(&mut self, id: u32) -> Option<Job> {
        // TODO: unlink the node of `id`.
        let mut link = &mut self.head;
        while let Some(node) = link {
            if node.job.id == id {
                let rest = node.next.take();
                let removed = std::mem::replace(link, rest)?;
                self.len -= 1;
                return Some(removed.job);
            }
            link = &mut node.next;
        }
        None
    }

    fn pop(&mut self) -> Option<Job> {
        let node = self.head.take()?;
        self.head = node.next;
        self.len -= 1;
        Some(node.job)
    }

    fn ids(&self) -> Vec<u32> {
        let mut ids = Vec::with_capacity(self.len);
        let mut link = &self.head;
        while let Some(node) = link {
            ids.push(node.job.id);
            link = &node.next;
        }
        ids
    }
}

impl Drop for RepairQueue {
    // Dropped one node at a time: the default drop would recurse once per node.
    fn drop(&mut self) {
        let mut link = self.head.take();
        while let Some(mut node) = link {
            link = node.next.take();
        }
    }
}

fn main() {
    let mut queue = RepairQueue::default();
    for (id, priority, note) in [
        (1, 2, "bike"),
        (2, 5, "boiler"),
        (3, 2, "lamp"),
        (4, 9, "gas"),
    ] {
        queue.insert(Job {
            id,
            priority,
            note: note.to_string(),
        });
    }
    let lamp = queue.remove(3).map(|job| job.note);
    println!("{:?}, removed {lamp:?}", queue.ids());
    while let Some(job) = queue.pop() {
        println!("next: {} ({})", job.note, job.priority);
    }
}
