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
    thread::scope(|scope| {
        let blend = &blend;
        let mut rest = samples;
        // The original values of the two samples just before `rest`, once the first stretch is
        // lent: they may come from two different stretches, when a stretch is one sample long.
        let mut before = None;
        for worker in 0..workers {
            let size = len * (worker + 1) / workers - len * worker / workers;
            let (stretch, tail) = rest.split_at_mut(size);
            // A stretch's neighbours belong to other threads once it starts: read their
            // original values now, while nobody writes them.
            let last = stretch[size - 1];
            let first_before = before.unwrap_or([stretch[0]; 2]);
            let after = tail.first().copied().unwrap_or(last);
            let far_after = tail.get(1).copied().unwrap_or(after);
            let second_last = if size > 1 {
                stretch[size - 2]
            } else {
                first_before[1]
            };
            before = Some([second_last, last]);
            scope.spawn(move || smooth_stretch(stretch, first_before, [after, far_after], blend));
            rest = tail;
        }
    });
}

/// Smooths `stretch` in place, given the original values of the two samples on either side of
/// it.
fn smooth_stretch(
    stretch: &mut [i32],
    before: [i32; 2],
    after: [i32; 2],
    blend: &impl Fn([i32; 5]) -> i32,
) {
    let len = stretch.len();
    let [mut far_before, mut before] = before;
    for i in 0..len {
        let ahead = |k: usize| {
            stretch
                .get(i + k)
                .copied()
                .unwrap_or_else(|| after[i + k - len])
        };
        let window = [far_before, before, stretch[i], ahead(1), ahead(2)];
        far_before = before;
        before = stretch[i];
        stretch[i] = blend(window);
    }
}

fn main() {
    let mut track = [0, 40, 80, 0, -80, -40, 0, 40, 80, 120];
    smooth(&mut track, 3, |w| {
        (w[0] + 2 * w[1] + 2 * w[2] + 2 * w[3] + w[4]) / 8
    });
    println!("{track:?}");
}
