use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::marker::{PhantomData, Send, Sync};
use ::std::mem::drop;
use ::std::sync::Barrier;
use ::std::thread;

// Asks the compiler whether a type is `Send` and `Sync` without failing the build when it is
// not: an inherent method, whose bound is checked, is chosen before the trait's default.
struct Probe<T: ?Sized>(PhantomData<T>);

trait Otherwise {
    fn is_send(&self) -> bool {
        false
    }
    fn is_sync(&self) -> bool {
        false
    }
}

impl<T: ?Sized> Otherwise for Probe<T> {}

impl<T: ?Sized + Send> Probe<T> {
    fn is_send(&self) -> bool {
        true
    }
}

impl<T: ?Sized + Sync> Probe<T> {
    fn is_sync(&self) -> bool {
        true
    }
}

fn probe<T: ?Sized>() -> Probe<T> {
    Probe(PhantomData)
}

fn tags(lines: &[Line]) -> Vec<(Option<&str>, &str)> {
    lines
        .iter()
        .map(|line| (line.span.as_deref(), line.text.as_str()))
        .collect()
}

#[test]
fn a_line_is_tagged_with_the_innermost_span() {
    let tracer = Tracer::new();
    tracer.log("start");
    let request = tracer.span("GET /");
    let query = tracer.span("db");
    {
        let outer = tracer.enter(&request);
        tracer.log("parsed");
        {
            let inner = tracer.enter(&query);
            assert_eq!(inner.name(), "db");
            tracer.log("select");
        }
        tracer.log("render");
        assert_eq!(outer.name(), "GET /");
    }
    tracer.log("idle");
    assert_eq!(
        tags(&tracer.lines()),
        [
            (None, "start"),
            (Some("GET /"), "parsed"),
            (Some("db"), "select"),
            (Some("db"), "leave db"),
            (Some("GET /"), "render"),
            (Some("GET /"), "leave GET /"),
            (None, "idle"),
        ]
    );
}

#[test]
fn a_span_is_entered_again_after_it_was_left() {
    let tracer = Tracer::new();
    let span = tracer.span("job");
    drop(tracer.enter(&span));
    let again = tracer.enter(&span);
    tracer.log("twice");
    drop(again);
    assert_eq!(
        tags(&tracer.lines()),
        [
            (Some("job"), "leave job"),
            (Some("job"), "twice"),
            (Some("job"), "leave job"),
        ]
    );
}

#[test]
fn workers_share_one_tracer_and_tag_only_their_own_lines() {
    const WORKERS: usize = 4;
    let tracer = Tracer::new();
    let spans: Vec<Span> = (0..WORKERS)
        .map(|w| tracer.span(&format!("req {w}")))
        .collect();
    // Every worker is inside its own span before any of them logs.
    let all_inside = Barrier::new(WORKERS);
    thread::scope(|scope| {
        for (w, span) in spans.iter().enumerate() {
            let (tracer, all_inside) = (&tracer, &all_inside);
            scope.spawn(move || {
                let _entered = tracer.enter(span);
                all_inside.wait();
                for i in 0..5 {
                    tracer.log(&format!("worker {w} line {i}"));
                }
                all_inside.wait();
            });
        }
    });
    let lines = tracer.lines();
    assert_eq!(lines.len(), WORKERS * 6, "every line is kept: {lines:?}");
    for line in &lines {
        let worker = match line.text.strip_prefix("worker ") {
            Some(rest) => &rest[..1],
            None => &line.text["leave req ".len()..],
        };
        assert_eq!(
            line.span.as_deref(),
            Some(format!("req {worker}").as_str()),
            "the line {:?} was logged by worker {worker}, inside its own span, but was tagged \
             with another thread's span",
            line.text
        );
    }
}

#[test]
fn a_span_made_on_one_thread_is_entered_on_another() {
    let tracer = Tracer::new();
    let span = tracer.span("POST /cart");
    thread::scope(|scope| {
        let tracer = &tracer;
        scope
            .spawn(move || {
                let entered = tracer.enter(&span);
                tracer.log(&format!("handling {}", entered.name()));
            })
            .join()
            .unwrap();
    });
    tracer.log("acceptor");
    assert_eq!(
        tags(&tracer.lines()),
        [
            (Some("POST /cart"), "handling POST /cart"),
            (Some("POST /cart"), "leave POST /cart"),
            (None, "acceptor"),
        ]
    );
}

#[test]
fn helpers_read_the_span_from_a_lent_guard() {
    let tracer = Tracer::new();
    let span = tracer.span("export");
    let entered = tracer.enter(&span);
    let names: Vec<String> = thread::scope(|scope| {
        let helpers: Vec<_> = (0..3)
            .map(|h| {
                let (tracer, entered) = (&tracer, &entered);
                scope.spawn(move || {
                    tracer.log(&format!("helper {h}"));
                    entered.name().to_owned()
                })
            })
            .collect();
        helpers.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(names, ["export", "export", "export"]);
    drop(entered);
    for line in tracer.lines() {
        if line.text.starts_with("helper") {
            assert_eq!(
                line.span, None,
                "a helper thread never entered a span: its lines are not tagged"
            );
        }
    }
}

#[test]
fn the_tracer_and_spans_cross_threads() {
    assert!(
        probe::<Tracer>().is_send() && probe::<Tracer>().is_sync(),
        "one tracer serves every worker"
    );
    assert!(
        probe::<Span>().is_send(),
        "a span is made on one thread and entered on another"
    );
    assert!(
        probe::<Entered<'static>>().is_sync(),
        "a guard can be lent to helper threads"
    );
}

#[test]
fn a_guard_cannot_be_moved_to_another_thread() {
    assert!(
        !probe::<Entered<'static>>().is_send(),
        "an `Entered` guard can be moved to another thread: dropped there, it would leave that \
         thread's span and not the span it entered, and its own thread would stay inside it. \
         The compiler must reject the move; nothing in what the guard holds tells it so"
    );
}
