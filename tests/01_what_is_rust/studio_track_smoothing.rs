use super::*;

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread::ThreadId;

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

/// A filter that tells `before`, `sample` and `after` apart.
fn lopsided(before: i32, sample: i32, after: i32) -> i32 {
    before.wrapping_mul(3) + sample.wrapping_mul(100) - after.wrapping_mul(7)
}

/// What one thread smoothing the whole track would give.
fn expected(track: &[i32], blend: impl Fn(i32, i32, i32) -> i32) -> Vec<i32> {
    (0..track.len())
        .map(|i| {
            let sample = track[i];
            let before = if i == 0 { sample } else { track[i - 1] };
            let after = track.get(i + 1).copied().unwrap_or(sample);
            blend(before, sample, after)
        })
        .collect()
}

fn track(len: usize) -> Vec<i32> {
    (0..len as i32).map(|i| (i * 37) % 101 - 50).collect()
}

/// A filter for the tests of how the work is shared: it records which thread blended which
/// sample, and makes each thread wait at `first` on its first call and at `second` (if any) on
/// its second, until every worker has reached the same call.
struct Watched {
    calls: Mutex<HashMap<ThreadId, Vec<i32>>>,
    first: Barrier,
    second: Option<Barrier>,
}

impl Watched {
    fn new(workers: usize, wait_twice: bool) -> Self {
        Watched {
            calls: Mutex::new(HashMap::new()),
            first: Barrier::new(workers),
            second: wait_twice.then(|| Barrier::new(workers)),
        }
    }

    fn blend(&self, before: i32, sample: i32, after: i32) -> i32 {
        let me = std::thread::current().id();
        let call = {
            let mut calls = self.calls.lock().unwrap();
            let mine = calls.entry(me).or_default();
            mine.push(sample);
            mine.len()
        };
        match call {
            1 => {
                self.first.wait();
            }
            2 => {
                if let Some(second) = &self.second {
                    second.wait();
                }
            }
            _ => {}
        }
        lopsided(before, sample, after)
    }
}

#[test]
fn every_sample_is_blended_from_original_values() {
    let cases = [
        (vec![5], 1),
        (vec![1, 2], 1),
        (vec![1, 2], 2),
        (vec![0, 40, 80, 0, -80, -40, 0, 40, 80, 120], 3),
        (track(10), 4),
        (track(9), 4),
        (track(7), 7),
        (track(100), 3),
        (track(1001), 8),
    ];
    for (original, workers) in cases {
        let mut samples = original.clone();
        smooth(&mut samples, workers, lopsided);
        assert_eq!(
            samples,
            expected(&original, lopsided),
            "smoothing {original:?} with {workers} workers"
        );
    }
}

#[test]
fn the_filter_may_borrow_from_the_caller() {
    let weights = [1, 2, 1];
    let mut samples = vec![0, 40, 80, 0, -80, -40, 0, 40, 80, 120];
    let blend = |before: i32, sample: i32, after: i32| {
        (weights[0] * before + weights[1] * sample + weights[2] * after) / 4
    };
    smooth(&mut samples, 3, blend);
    assert_eq!(samples, [10, 40, 50, 0, -50, -40, 0, 40, 80, 110]);
}

#[test]
fn blend_is_called_once_per_sample() {
    for (len, workers) in [(1, 1), (10, 4), (9, 4), (64, 5), (300, 7)] {
        let calls = AtomicUsize::new(0);
        let mut samples = track(len);
        smooth(&mut samples, workers, |before, sample, after| {
            calls.fetch_add(1, Ordering::SeqCst);
            lopsided(before, sample, after)
        });
        assert_eq!(
            calls.load(Ordering::SeqCst),
            len,
            "calls of `blend` for {len} samples and {workers} workers"
        );
        assert_eq!(samples, expected(&track(len), lopsided));
    }
}

#[test]
fn each_worker_thread_smooths_one_balanced_stretch() {
    let cases: [(usize, usize); 6] = [(10, 4), (9, 4), (7, 7), (5, 1), (100, 3), (13, 5)];
    for (len, workers) in cases {
        // Every sample is different, so the samples a thread blended show where it worked.
        let original: Vec<i32> = (0..len as i32).map(|i| 1000 + i).collect();
        let watched = Watched::new(workers, false);
        let mut samples = original.clone();
        smooth(&mut samples, workers, |b, s, a| watched.blend(b, s, a));
        let calls = watched.calls.into_inner().unwrap();
        assert_eq!(
            calls.len(),
            workers,
            "threads that called `blend`, for {len} samples and {workers} workers"
        );
        let mut lengths = Vec::new();
        for blended in calls.values() {
            let mut sorted = blended.clone();
            sorted.sort();
            let consecutive = sorted.windows(2).all(|pair| pair[1] == pair[0] + 1);
            assert!(
                consecutive,
                "a thread blended {sorted:?} of {len} samples: a stretch is consecutive samples"
            );
            lengths.push(sorted.len());
        }
        let (shortest, longest) = (lengths.iter().min(), lengths.iter().max());
        assert!(
            longest.unwrap() - shortest.unwrap() <= 1,
            "stretch lengths {lengths:?} for {len} samples and {workers} workers"
        );
        assert_eq!(samples, expected(&original, lopsided));
    }
}

#[test]
fn the_workers_run_at_the_same_time() {
    for (len, workers) in [(2, 2), (9, 4), (10, 4), (12, 3), (50, 6)] {
        // Each thread's first `blend` waits until every worker has reached its own first one.
        let watched = Watched::new(workers, false);
        let mut samples = track(len);
        smooth(&mut samples, workers, |b, s, a| watched.blend(b, s, a));
        assert_eq!(samples, expected(&track(len), lopsided));
    }
}

#[test]
fn neighbours_are_blended_from_values_they_had_before() {
    for (len, workers) in [(9, 3), (12, 3), (20, 4), (41, 5)] {
        // Every worker has written its first sample before any worker reaches its third:
        // a stretch that reads a neighbour's sample late reads the new value.
        let watched = Watched::new(workers, true);
        let mut samples = track(len);
        smooth(&mut samples, workers, |b, s, a| watched.blend(b, s, a));
        assert_eq!(
            samples,
            expected(&track(len), lopsided),
            "{len} samples, {workers} workers"
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
    assert_eq!(short, short_expected);
    assert!(long == long_expected, "a million samples smoothed wrongly");
    assert!(
        long_bytes <= short_bytes + 1024,
        "`smooth` asked the heap for {short_bytes} bytes for 1000 samples and {long_bytes} \
         for a million (4 workers both times): the samples were copied"
    );
}
