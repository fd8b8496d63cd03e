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
    thread::scope(|scope| {
        let blend = &blend;
        let mut rest = samples;
        // The original value of the sample just before `rest`, once the first stretch is lent.
        let mut before = None;
        for worker in 0..workers {
            let size = len * (worker + 1) / workers - len * worker / workers;
            let (stretch, tail) = rest.split_at_mut(size);
            // A stretch's neighbours belong to other threads once it starts: read their
            // original values now, while nobody writes them.
            let first_before = before.unwrap_or(stretch[0]);
            let last = stretch[size - 1];
            let after = tail.first().copied().unwrap_or(last);
            before = Some(last);
            scope.spawn(move || smooth_stretch(stretch, first_before, after, blend));
            rest = tail;
        }
    });
}

/// Smooths `stretch` in place, given the original values of the samples on either side of it.
fn smooth_stretch(
    stretch: &mut [i32],
    mut before: i32,
    after: i32,
    blend: &impl Fn(i32, i32, i32) -> i32,
) {
    for i in 0..stretch.len() {
        let sample = stretch[i];
        let next = stretch.get(i + 1).copied().unwrap_or(after);
        stretch[i] = blend(before, sample, next);
        before = sample;
    }
}

fn main() {
    let mut track = [0, 40, 80, 0, -80, -40, 0, 40, 80, 120];
    smooth(&mut track, 3, |before, sample, after| {
        (before + 2 * sample + after) / 4
    });
    println!("{track:?}");
}
