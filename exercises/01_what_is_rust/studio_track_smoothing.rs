// Question 1: What is Rust, and where is it mostly used?
// Feature: memory safety and data-race freedom without a garbage collector. Threads may borrow
// data that lives on the caller's stack, and the compiler still proves that no two threads ever
// touch the same memory while one of them writes it. The follow-up an interviewer asks: what
// does that cost you when the work you split is not quite independent?
//
// A recording studio smooths a track of audio samples in place before mastering. The engineer
// picks the filter: `blend(window)` gives a sample its new value from the original values of the
// five samples centred on it: `window[2]` is the sample itself, `window[0]` and `window[1]` are
// the two samples before it, `window[3]` and `window[4]` the two after it. Where the window runs
// past an end of the track, each missing sample counts as that end's sample: the window of the
// first sample `s0` of a track `s0, s1, s2, ...` is `[s0, s0, s0, s1, s2]`. Tracks are long, so
// the work is shared by `workers` threads. Keep these promises:
//   - every sample ends up as `blend` of the original values (the values before `smooth` was
//     called), exactly as if one thread had smoothed the track, however the threads interleave;
//   - `blend` is called exactly once for each sample;
//   - the track is cut into `workers` stretches of consecutive samples whose lengths differ by
//     at most one, and each stretch is smoothed by a thread of its own: `workers` threads call
//     `blend`, each for one stretch only;
//   - those threads run at the same time: `smooth` still finishes when `blend` makes each worker
//     thread's n-th call wait until every worker thread whose stretch has at least n samples has
//     made its n-th call;
//   - the samples are smoothed where they are, never copied: the bytes `smooth` asks of the
//     heap, on all threads together, are the same for a track of a million samples as for a
//     track of a thousand (with the same number of workers).
// `workers` is at least 1 and at most the number of samples. Keep the signature of `smooth`.
// The version below is how the one-thread loop was spread over threads; it does not build.

use std::thread;

fn smooth(samples: &mut [i32], workers: usize, blend: impl Fn([i32; 5]) -> i32 + Sync) {
    let len = samples.len();
    assert!(
        workers >= 1 && workers <= len,
        "between 1 and {len} workers, not {workers}"
    );
    let mut handles = Vec::new();
    for worker in 0..workers {
        let stretch = len * worker / workers..len * (worker + 1) / workers;
        handles.push(thread::spawn(|| {
            // The two samples before `i` have been overwritten already: keep their original
            // values. Past the ends of the track, the end samples stand in.
            let start = stretch.start;
            let mut before = [
                samples[start.saturating_sub(2)],
                samples[start.saturating_sub(1)],
            ];
            for i in stretch {
                let sample = samples[i];
                let after = [samples[(i + 1).min(len - 1)], samples[(i + 2).min(len - 1)]];
                samples[i] = blend([before[0], before[1], sample, after[0], after[1]]);
                before = [before[1], sample];
            }
        }));
    }
    for handle in handles {
        handle.join().expect("a worker panicked");
    }
}

fn main() {
    let mut track = [0, 40, 80, 0, -80, -40, 0, 40, 80, 120];
    smooth(&mut track, 3, |w| {
        (w[0] + 2 * w[1] + 2 * w[2] + 2 * w[3] + w[4]) / 8
    });
    println!("{track:?}");
}
