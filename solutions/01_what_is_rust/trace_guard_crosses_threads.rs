// Question 1: What is Rust, and where is it mostly used?
// Feature: fearless concurrency. From what a type holds, the compiler works out whether its
// values may be moved to another thread and whether several threads may use one at the same
// time, and rejects every program that breaks either. The follow-up an interviewer asks: which
// of these types can cross a thread, and why? And where does the compiler need you to say so?
//
// A web server traces its requests. A `Tracer` keeps every line the server logs, tagged with
// the span the logging thread is in: the innermost one it entered and has not left. The
// acceptor thread makes a `Span` for each request; the worker that handles the request enters
// it, and the `Entered` guard it gets leaves the span when it is dropped. Each thread keeps its
// own list of the spans it is in, so entering and leaving never wait for other threads.
//
// The server used to handle every request on one thread. Now it has several workers, and the
// tracer no longer builds. Keep these promises:
//   - one tracer serves every worker at once: the workers borrow it, from scoped threads;
//   - a span is made on one thread and entered on another;
//   - a worker may lend its guard to helper threads it starts for the request, which read the
//     span's name from it;
//   - a guard ends on the thread that entered the span. A guard moved to another thread would
//     be dropped there, and leave that thread's span instead: so moving a guard to another
//     thread must not build;
//   - a line is tagged with the span its own thread is in, never another thread's.
// Keep the signatures, and keep which span a thread is in kept per thread.

use std::cell::RefCell;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Debug, Clone, PartialEq)]
struct Line {
    /// The span the logging thread was in, if any.
    span: Option<Arc<str>>,
    text: String,
}

struct Tracer {
    lines: Mutex<Vec<Line>>,
}

struct Span {
    name: Arc<str>,
}

struct Entered<'t> {
    tracer: &'t Tracer,
    name: Arc<str>,
    /// Dropping the guard changes the list of the thread that entered the span, so the guard
    /// may be lent to other threads but never moved to one: like a lock's guard.
    stays_on_its_thread: PhantomData<MutexGuard<'static, ()>>,
}

thread_local! {
    /// The spans this thread is in, innermost last.
    static INSIDE: RefCell<Vec<Arc<str>>> = const { RefCell::new(Vec::new()) };
}

impl Tracer {
    fn new() -> Self {
        Tracer {
            lines: Mutex::new(Vec::new()),
        }
    }

    fn span(&self, name: &str) -> Span {
        Span {
            name: Arc::from(name),
        }
    }

    /// Enters `span` on the calling thread, until the guard is dropped.
    fn enter(&self, span: &Span) -> Entered<'_> {
        INSIDE.with(|inside| inside.borrow_mut().push(Arc::clone(&span.name)));
        Entered {
            tracer: self,
            name: Arc::clone(&span.name),
            stays_on_its_thread: PhantomData,
        }
    }

    /// Logs `text`, tagged with the span the calling thread is in.
    fn log(&self, text: &str) {
        let span = INSIDE.with(|inside| inside.borrow().last().cloned());
        let text = text.to_owned();
        self.lines.lock().unwrap().push(Line { span, text });
    }

    fn lines(&self) -> Vec<Line> {
        self.lines.lock().unwrap().clone()
    }
}

impl Entered<'_> {
    fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        self.tracer.log(&format!("leave {}", self.name));
        INSIDE.with(|inside| inside.borrow_mut().pop());
    }
}

fn main() {
    let tracer = Tracer::new();
    let requests = [tracer.span("GET /"), tracer.span("POST /cart")];
    std::thread::scope(|scope| {
        for span in requests {
            let tracer = &tracer;
            scope.spawn(move || {
                let entered = tracer.enter(&span);
                tracer.log(&format!("handling {}", entered.name()));
            });
        }
    });
    tracer.log("idle");
    for line in tracer.lines() {
        println!("{:?}: {}", line.span, line.text);
    }
}
