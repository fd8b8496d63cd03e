// Question 1: What is Rust, and where is it mostly used?
// Feature: memory safety and data-race freedom without a garbage collector. Threads may borrow
// data that lives on the caller's stack, and the compiler still proves that no two threads ever
// touch the same memory while one of them writes it. The follow-up an interviewer asks: what
// does that cost you when the work you split is not quite independent?
//
// A recording studio smooths a track of audio samples in place before mastering. The engineer
// picks the filter: `blend(before, sample, after)` gives a sample its new value from its own
// original value and the original values of its two neighbours; at either end of the track the
// missing neighbour is the sample itself. Tracks are long, so the work is shared by `workers`
// threads. Keep these promises:
//   - every sample ends up as `blend` of the original values (the values before `smooth` was
//     called), exactly as if one thread had smoothed the track, however the threads interleave;
//   - `blend` is called exactly once for each sample;
//   - the track is cut into `workers` stretches of consecutive samples whose lengths differ by
//     at most one, and each stretch is smoothed by a thread of its own: `workers` threads call
//     `blend`, each for one stretch only;
//   - those threads run at the same time: a thread's call of `blend` may wait until each of
//     the other worker threads has called it as many times (when their stretches are that
//     long), and `smooth` still finishes;
//   - the samples are smoothed where they are, never copied: the bytes `smooth` asks of the
//     heap, on all threads together, are the same for a track of a million samples as for a
//     track of a thousand (with the same number of workers).
// `workers` is at least 1 and at most the number of samples. Keep the signature of `smooth`.
// The version below is how the one-thread loop was spread over threads; it does not build.

use std::thread;

fn smooth(samples: &mut [i32], workers: usize, blend: impl Fn(i32, i32, i32) -> i32 + Sync) {
    let len = samples.len();
    assert!(
        workers >= 1 && workers <= len,
        "between 1 and {len} workers, not {workers}"
    );
    let mut handles = Vec::new();
    for worker in 0..workers {
        let stretch = len * worker / workers..len * (worker + 1) / workers;
        handles.push(thread::spawn(|| {
            // The sample before `i` has been overwritten already: keep its original value.
            let mut before = samples[stretch.start.saturating_sub(1)];
            for i in stretch {
                let sample = samples[i];
                let after = samples.get(i + 1).copied().unwrap_or(sample);
                samples[i] = blend(before, sample, after);
                before = sample;
            }
        }));
    }
    for handle in handles {
        handle.join().expect("a worker panicked");
    }
}

fn main() {
    let mut track = [0, 40, 80, 0, -80, -40, 0, 40, 80, 120];
    smooth(&mut track, 3, |before, sample, after| {
        (before + 2 * sample + after) / 4
    });
    println!("{track:?}");
}
