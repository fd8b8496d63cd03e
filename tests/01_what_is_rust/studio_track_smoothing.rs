use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::mem::drop;

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::thread::ThreadId;
use std::time::Duration;

// The heap is counted on every thread while `smooth` runs: a copy made on a worker thread costs
// as much as one made on the caller's. (Each test runs alone in its own process, so no other
// test allocates meanwhile.)
static COUNTING: AtomicBool = AtomicBool::new(false);
static BYTES: AtomicUsize = AtomicUsize::new(0);

struct AllThreads;

unsafe impl GlobalAlloc for AllThreads {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Ordering::SeqCst) {
            BYTES.fetch_add(layout.size(), Ordering::SeqCst);
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Ordering::SeqCst) {
            BYTES.fetch_add(new_size, Ordering::SeqCst);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: AllThreads = AllThreads;

/// Smooths `track` with a plain filter and returns the bytes asked of the heap meanwhile.
fn bytes_asked(track: &mut [i32], workers: usize) -> usize {
    BYTES.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    smooth(track, workers, lopsided);
    COUNTING.store(false, Ordering::SeqCst);
    BYTES.load(Ordering::SeqCst)
}

/// A filter that tells all five samples of the window apart.
fn lopsided(window: [i32; 5]) -> i32 {
    let weights = [1_000_000, 10_000, 100, 3, -7];
    window
        .iter()
        .zip(weights)
        .fold(0i32, |sum, (&sample, weight)| {
            sum.wrapping_add(sample.wrapping_mul(weight))
        })
}

/// What one thread smoothing the whole track would give.
fn expected(track: &[i32], blend: impl Fn([i32; 5]) -> i32) -> Vec<i32> {
    let last = track.len() as isize - 1;
    let at = |i: isize| track[i.clamp(0, last) as usize];
    (0..=last)
        .map(|i| blend([at(i - 2), at(i - 1), at(i), at(i + 1), at(i + 2)]))
        .collect()
}

/// Fails, unless `samples` is what one thread smoothing `original` with `lopsided` gives, with a
/// message naming the first sample that differs and what its window should have held.
fn assert_smoothed(samples: &[i32], original: &[i32], case: &str) {
    let want = expected(original, lopsided);
    assert_eq!(
        samples.len(),
        want.len(),
        "{case}: the track changed length"
    );
    if let Some(i) = (0..want.len()).find(|&i| samples[i] != want[i]) {
        let last = original.len() as isize - 1;
        let at = |j: isize| original[j.clamp(0, last) as usize];
        let i = i as isize;
        let window = [at(i - 2), at(i - 1), at(i), at(i + 1), at(i + 2)];
        panic!(
            "{case}: sample {i} came out as {}, not {}, the blend of its original window \
             {window:?}: its window held a value another thread had already overwritten, or \
             that was not its neighbour's",
            samples[i as usize], want[i as usize]
        );
    }
}

fn track(len: usize) -> Vec<i32> {
    (0..len as i32).map(|i| (i * 37) % 101 - 50).collect()
}

/// How long a worker thread waits at a gate for the others before the test gives up on them.
const PATIENCE: Duration = Duration::from_secs(5);

/// A filter for the tests of how the work is shared: it records which thread blended which
/// sample, and makes each thread's n-th call (for n up to `gates`) wait until `workers` threads
/// have made their n-th call. A gate that waits in vain, or that sees too many threads, fails
/// the test with a message that says so.
struct Watched {
    workers: usize,
    gates: usize,
    calls: Mutex<HashMap<ThreadId, Vec<i32>>>,
    arrived: Mutex<Vec<usize>>,
    moved: Condvar,
}

impl Watched {
    fn new(workers: usize, gates: usize) -> Self {
        Watched {
            workers,
            gates,
            calls: Mutex::new(HashMap::new()),
            arrived: Mutex::new(vec![0; gates + 1]),
            moved: Condvar::new(),
        }
    }

    fn blend(&self, window: [i32; 5]) -> i32 {
        let me = std::thread::current().id();
        let call = {
            let mut calls = self.calls.lock().unwrap_or_else(|e| e.into_inner());
            let mine = calls.entry(me).or_default();
            mine.push(window[2]);
            mine.len()
        };
        if call <= self.gates {
            self.gate(call);
        }
        lopsided(window)
    }

    fn gate(&self, call: usize) {
        let workers = self.workers;
        let mut arrived = self.arrived.lock().unwrap_or_else(|e| e.into_inner());
        arrived[call] += 1;
        let here = arrived[call];
        assert!(
            here <= workers,
            "{here} threads made a call number {call} of `blend`, for {workers} workers: \
             there must be exactly {workers} worker threads"
        );
        self.moved.notify_all();
        let (arrived, waited) = self
            .moved
            .wait_timeout_while(arrived, PATIENCE, |arrived| arrived[call] < workers)
            .unwrap_or_else(|e| e.into_inner());
        if waited.timed_out() {
            let here = arrived[call];
            drop(arrived);
            panic!(
                "after {PATIENCE:?}, only {here} of {workers} worker threads had made a call \
                 number {call} of `blend`: `workers` threads must be smoothing at the same time"
            );
        }
    }
}

#[test]
fn every_sample_is_blended_from_original_values() {
    let cases = [
        (vec![5], 1),
        (vec![1, 2], 1),
        (vec![1, 2], 2),
        (vec![1, 2, 3], 3),
        (vec![0, 40, 80, 0, -80, -40, 0, 40, 80, 120], 3),
        (track(10), 4),
        (track(9), 4),
        (track(7), 7),
        (track(11), 6),
        (track(8), 5),
        (track(100), 3),
        (track(1001), 8),
    ];
    for (original, workers) in cases {
        let mut samples = original.clone();
        smooth(&mut samples, workers, lopsided);
        assert_smoothed(
            &samples,
            &original,
            &format!("smoothing {original:?} with {workers} workers"),
        );
    }
}

#[test]
fn the_filter_may_borrow_from_the_caller() {
    let weights = [1, 2, 2, 2, 1];
    let mut samples = vec![0, 40, 80, 0, -80, -40, 0, 40, 80, 120];
    let blend = |window: [i32; 5]| window.iter().zip(&weights).map(|(s, w)| s * w).sum::<i32>() / 8;
    smooth(&mut samples, 3, blend);
    assert_eq!(samples, [20, 30, 20, 0, -20, -25, 0, 40, 75, 100]);
}

#[test]
fn blend_is_called_once_per_sample() {
    for (len, workers) in [(1, 1), (10, 4), (9, 4), (7, 7), (64, 5), (300, 7)] {
        let calls = AtomicUsize::new(0);
        let mut samples = track(len);
        smooth(&mut samples, workers, |window| {
            calls.fetch_add(1, Ordering::SeqCst);
            lopsided(window)
        });
        assert_eq!(
            calls.load(Ordering::SeqCst),
            len,
            "calls of `blend` for {len} samples and {workers} workers"
        );
        assert_smoothed(
            &samples,
            &track(len),
            &format!("{len} samples, {workers} workers"),
        );
    }
}

#[test]
fn each_worker_thread_smooths_one_balanced_stretch() {
    let cases: [(usize, usize); 7] = [(10, 4), (9, 4), (7, 7), (5, 1), (100, 3), (13, 5), (11, 6)];
    for (len, workers) in cases {
        // Every sample is different, so the samples a thread blended show where it worked.
        let original: Vec<i32> = (0..len as i32).map(|i| 1000 + i).collect();
        // Only the first call waits: every stretch has at least one sample.
        let watched = Watched::new(workers, 1);
        let mut samples = original.clone();
        smooth(&mut samples, workers, |window| watched.blend(window));
        let calls = watched.calls.into_inner().unwrap();
        assert_eq!(
            calls.len(),
            workers,
            "threads that called `blend`, for {len} samples and {workers} workers"
        );
        let mut stretches: Vec<Vec<i32>> = calls.into_values().collect();
        for blended in &mut stretches {
            blended.sort();
            let consecutive = blended.windows(2).all(|pair| pair[1] == pair[0] + 1);
            assert!(
                consecutive,
                "a thread blended samples {blended:?} of 1000..{}: a stretch is consecutive \
                 samples",
                1000 + len
            );
        }
        // In track order, for the message.
        stretches.sort();
        let lengths: Vec<usize> = stretches.iter().map(Vec::len).collect();
        let (shortest, longest) = (lengths.iter().min(), lengths.iter().max());
        assert!(
            longest.unwrap() - shortest.unwrap() <= 1,
            "stretch lengths {lengths:?} (in track order) for {len} samples and {workers} workers"
        );
        assert_smoothed(
            &samples,
            &original,
            &format!("{len} samples, {workers} workers"),
        );
    }
}

#[test]
fn the_workers_run_at_the_same_time() {
    for (len, workers) in [(2, 2), (9, 4), (10, 4), (12, 3), (50, 6)] {
        // Each thread's first two calls wait until every worker has made as many.
        let watched = Watched::new(workers, 2);
        let mut samples = track(len);
        smooth(&mut samples, workers, |window| watched.blend(window));
        assert_smoothed(
            &samples,
            &track(len),
            &format!("{len} samples, {workers} workers"),
        );
    }
}

#[test]
fn neighbours_are_blended_from_values_they_had_before() {
    for (len, workers) in [(12, 3), (16, 4), (20, 4), (27, 5), (41, 5)] {
        // Every stretch has at least four samples, and each worker's first three calls wait
        // for the others: every worker has written its first two samples before any worker
        // reads what it needs for its fourth, so a stretch that reads a neighbour's samples
        // late reads new values.
        let watched = Watched::new(workers, 3);
        let mut samples = track(len);
        smooth(&mut samples, workers, |window| watched.blend(window));
        assert_smoothed(
            &samples,
            &track(len),
            &format!("{len} samples, {workers} workers"),
        );
    }
}

#[test]
fn the_track_is_never_copied() {
    let mut short = track(1_000);
    let mut long = track(1_000_000);
    let short_expected = expected(&short, lopsided);
    let long_expected = expected(&long, lopsided);
    let short_bytes = bytes_asked(&mut short, 4);
    let long_bytes = bytes_asked(&mut long, 4);
    assert!(
        short == short_expected,
        "a thousand samples smoothed wrongly"
    );
    assert!(long == long_expected, "a million samples smoothed wrongly");
    assert!(
        long_bytes <= short_bytes + 1024,
        "`smooth` asked the heap for {short_bytes} bytes for 1000 samples and {long_bytes} \
         for a million (4 workers both times): the samples were copied"
    );
}
