// Question 2: What are ownership and borrowing in Rust?
// A `&mut` reference is exclusive, so it cannot be copied: it can only be moved, or reborrowed
// for a shorter time. An iterator whose items are `&mut` must therefore give each item away for
// the whole borrow of the collection, while keeping no way of reaching that item again.
//
// A help desk keeps its tickets in a `Vec`. `Queue::unassigned` returns an iterator over the
// tickets nobody is assigned to, in queue order, as `&mut Ticket`, so that `dispatch` can hand
// them to agents. Items must be usable together and after the iterator is gone (the tests hold
// several at once), and walking the queue must not allocate.
// It does not compile: `next` hands out a reference that only lives as long as its own call.
// Fix the iterator. Keep `Unassigned<'q>` as the iterator type, its `Item`, and the signatures
// of `Queue::unassigned` and `dispatch`.

struct Ticket {
    id: u32,
    subject: String,
    assignee: Option<String>,
}

struct Queue {
    tickets: Vec<Ticket>,
}

struct Unassigned<'q> {
    tickets: &'q mut [Ticket],
    next: usize,
}

impl<'q> Iterator for Unassigned<'q> {
    type Item = &'q mut Ticket;

    fn next(&mut self) -> Option<Self::Item> {
        // TODO
        while self.next < self.tickets.len() {
            let i = self.next;
            self.next += 1;
            if self.tickets[i].assignee.is_none() {
                return Some(&mut self.tickets[i]);
            }
        }
        None
    }
}

impl Queue {
    fn unassigned(&mut self) -> Unassigned<'_> {
        Unassigned {
            tickets: &mut self.tickets,
            next: 0,
        }
    }
}

// Assigns the agents, in order, to the unassigned tickets, in order; returns how many tickets
// were assigned.
fn dispatch(queue: &mut Queue, agents: &[&str]) -> usize {
    let mut assigned = 0;
    for (ticket, agent) in queue.unassigned().zip(agents) {
        ticket.assignee = Some(agent.to_string());
        assigned += 1;
    }
    assigned
}

fn main() {
    let mut queue = Queue {
        tickets: vec![
            Ticket {
                id: 1,
                subject: "printer jam".into(),
                assignee: Some("ana".into()),
            },
            Ticket {
                id: 2,
                subject: "vpn down".into(),
                assignee: None,
            },
            Ticket {
                id: 3,
                subject: "new laptop".into(),
                assignee: None,
            },
        ],
    };
    println!("assigned {}", dispatch(&mut queue, &["bo"]));
    for ticket in &queue.tickets {
        println!("#{} {}: {:?}", ticket.id, ticket.subject, ticket.assignee);
    }
}
