use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::io;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

use counting::{last_allocation, measure};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// The bytes on the wire for these payloads: each one after its 4-byte big-endian length.
fn wire(payloads: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for payload in payloads {
        bytes.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        bytes.extend_from_slice(payload);
    }
    bytes
}

/// A payload of `len` bytes that tells its frames apart.
fn payload(seed: usize, len: usize) -> Vec<u8> {
    (0..len).map(|i| (seed * 31 + i * 7) as u8).collect()
}

/// What `next_frame` returned, in words, for a failure message.
fn outcome(result: &io::Result<Option<&[u8]>>) -> String {
    match result {
        Ok(Some(p)) => frame(p),
        Ok(None) => "the end of the stream (Ok(None))".to_string(),
        Err(e) => format!("an error of kind {:?} ({e})", e.kind()),
    }
}

/// The frame expected, in words, for a failure message.
fn frame(want: &[u8]) -> String {
    format!(
        "a frame of {} bytes ({:?}...)",
        want.len(),
        &want[..want.len().min(8)]
    )
}

/// A socket: hands over its bytes in chunks of the planned sizes (taken in turn), never more
/// than the read offers, and counts its reads. It never touches the heap while reading.
struct Socket {
    data: Vec<u8>,
    at: usize,
    chunks: Vec<usize>,
    turn: usize,
    /// Fails the read that would hand over the byte at this position, if any.
    fail_at: Option<usize>,
    reads: Arc<AtomicUsize>,
    first_offer: Arc<AtomicUsize>,
}

impl Socket {
    fn new(data: Vec<u8>, chunks: &[usize]) -> Self {
        Socket {
            data,
            at: 0,
            chunks: chunks.to_vec(),
            turn: 0,
            fail_at: None,
            reads: Arc::new(AtomicUsize::new(0)),
            first_offer: Arc::new(AtomicUsize::new(usize::MAX)),
        }
    }
}

impl Read for Socket {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.reads.fetch_add(1, Ordering::Relaxed) == 0 {
            self.first_offer.store(out.len(), Ordering::Relaxed);
        }
        if self.fail_at.is_some_and(|at| at <= self.at) {
            return Err(io::ErrorKind::ConnectionReset.into());
        }
        let planned = self.chunks[self.turn % self.chunks.len()];
        self.turn += 1;
        let mut n = planned.min(out.len()).min(self.data.len() - self.at);
        if let Some(at) = self.fail_at {
            n = n.min(at - self.at);
        }
        out[..n].copy_from_slice(&self.data[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Reads every frame, checking each against `expected`, then the end.
fn read_all(reader: &mut FrameReader<Socket>, expected: &[Vec<u8>], what: &str) {
    for (i, want) in expected.iter().enumerate() {
        match reader.next_frame() {
            Ok(Some(got)) => assert!(
                got == want.as_slice(),
                "{what}: frame {i} should be {} bytes ({:?}...), got {} bytes ({:?}...)",
                want.len(),
                &want[..want.len().min(8)],
                got.len(),
                &got[..got.len().min(8)]
            ),
            Ok(None) => panic!(
                "{what}: frame {i} of {}: expected {}, got the end of the stream (Ok(None))",
                expected.len(),
                frame(want)
            ),
            Err(e) => panic!(
                "{what}: frame {i} of {}: expected {}, got an error of kind {:?} ({e})",
                expected.len(),
                frame(want),
                e.kind()
            ),
        }
    }
    match reader.next_frame() {
        Ok(None) => {}
        Ok(Some(got)) => panic!(
            "{what}: after the {} frames sent came a frame of {} bytes that was never sent",
            expected.len(),
            got.len()
        ),
        Err(e) => panic!(
            "{what}: the source ended after the last frame, so `next_frame` must return \
             Ok(None), not the error {e}"
        ),
    }
}

fn mixed_payloads(largest: usize) -> Vec<Vec<u8>> {
    let lens = [
        3,
        0,
        largest,
        1,
        17,
        largest,
        0,
        0,
        9,
        largest - 1,
        2,
        largest,
        5,
    ];
    (0..lens.len())
        .map(|i| payload(i, lens[i].min(largest)))
        .collect()
}

#[test]
fn the_signatures_stay() {
    let _: fn(Socket, usize) -> FrameReader<Socket> = FrameReader::new;
    let _: for<'a> fn(&'a mut FrameReader<Socket>) -> io::Result<Option<&'a [u8]>> =
        FrameReader::next_frame;
}

#[test]
fn new_panics_below_a_header_of_capacity() {
    for capacity in 0..HEADER {
        let made = std::panic::catch_unwind(|| {
            FrameReader::new(Socket::new(wire(&[payload(1, 0)]), &[8]), capacity)
        });
        assert!(
            made.is_err(),
            "a capacity of {capacity} bytes cannot hold a frame header: expected `new` to \
             panic, got a reader"
        );
    }
    // The smallest capacity that can: a header alone, frames with empty payloads.
    let payloads = vec![Vec::new(); 3];
    for plan in [[1], [3], [100]] {
        let mut reader = FrameReader::new(Socket::new(wire(&payloads), &plan), HEADER);
        let what = format!("capacity {HEADER}, empty payloads, reads of {plan:?}");
        read_all(&mut reader, &payloads, &what);
    }
}

#[test]
fn frames_come_out_whole_however_the_bytes_are_split() {
    let plans: &[&[usize]] = &[
        &[1],
        &[2],
        &[3],
        &[5],
        &[7, 1],
        &[1, 2, 3, 5, 8, 13],
        &[4],
        &[11, 4, 1],
        &[25],
        &[1 << 20],
    ];
    for largest in [1, 6, 20] {
        let payloads = mixed_payloads(largest);
        let bytes = wire(&payloads);
        // Exactly the largest frame, a byte more, a few more, and room for everything.
        for capacity in [
            HEADER + largest,
            HEADER + largest + 1,
            HEADER + largest + 7,
            4096,
        ] {
            for plan in plans {
                let mut reader = FrameReader::new(Socket::new(bytes.clone(), plan), capacity);
                let what = format!(
                    "largest payload {largest} bytes, capacity {capacity}, reads of {plan:?}"
                );
                read_all(&mut reader, &payloads, &what);
            }
        }
    }
}

#[test]
fn a_frame_as_large_as_the_buffer_arrives_after_others() {
    let capacity = 64;
    let payloads = vec![
        payload(1, 5),
        payload(2, capacity - HEADER),
        payload(3, 0),
        payload(4, capacity - HEADER),
        payload(5, 30),
        payload(6, capacity - HEADER),
    ];
    let bytes = wire(&payloads);
    for plan in [[1], [9], [63], [64], [1000]] {
        let mut reader = FrameReader::new(Socket::new(bytes.clone(), &plan), capacity);
        let what = format!("frames up to the whole capacity of {capacity}, reads of {plan:?}");
        read_all(&mut reader, &payloads, &what);
    }
}

#[test]
fn the_end_of_the_source() {
    let mut reader = FrameReader::new(Socket::new(Vec::new(), &[8]), 32);
    let got = reader.next_frame();
    assert!(
        matches!(got, Ok(None)),
        "an empty source: expected the end of the stream (Ok(None)), got {}",
        outcome(&got)
    );
    let whole = wire(&[payload(1, 6), payload(2, 10)]);
    // Cut inside the second header, at its end, and inside its payload.
    for cut in [11, 12, 13, 14, 15, 23] {
        for plan in [[1], [3], [100]] {
            let mut reader = FrameReader::new(Socket::new(whole[..cut].to_vec(), &plan), 32);
            let first = reader.next_frame();
            assert!(
                matches!(first, Ok(Some(p)) if p == payload(1, 6).as_slice()),
                "a source cut after {cut} bytes (reads of {plan:?}): the first frame is whole: \
                 expected {}, got {}",
                frame(&payload(1, 6)),
                outcome(&first)
            );
            let second = reader.next_frame();
            assert!(
                matches!(&second, Err(e) if e.kind() == io::ErrorKind::UnexpectedEof),
                "a source cut after {cut} bytes, in the middle of a frame (reads of {plan:?}): \
                 expected an error of kind UnexpectedEof, got {}",
                outcome(&second)
            );
        }
    }
}

#[test]
fn a_frame_too_large_is_refused_as_soon_as_its_header_arrives() {
    let capacity = 32;
    let good = wire(&[payload(1, 7)]);
    for too_large in [capacity - HEADER + 1, 1000, u32::MAX as usize] {
        let mut bytes = good.clone();
        bytes.extend_from_slice(&(too_large as u32).to_be_bytes());
        bytes.extend_from_slice(&[7; 100]);
        let socket = Socket::new(bytes, &[1]);
        let reads = Arc::clone(&socket.reads);
        let mut reader = FrameReader::new(socket, capacity);
        let first = reader.next_frame();
        assert!(
            matches!(first, Ok(Some(p)) if p == payload(1, 7).as_slice()),
            "the frame before the one of {too_large} bytes is whole: expected {}, got {}",
            frame(&payload(1, 7)),
            outcome(&first)
        );
        let second = reader.next_frame();
        assert!(
            matches!(&second, Err(e) if e.kind() == io::ErrorKind::InvalidData),
            "a frame of {too_large} bytes cannot fit a buffer of {capacity}: expected an error \
             of kind InvalidData, got {}",
            outcome(&second)
        );
        let made = reads.load(Ordering::Relaxed);
        assert!(
            made == good.len() + HEADER,
            "reads of one byte: the frame of {too_large} bytes must be refused as soon as its \
             header has arrived, without reading on: expected {} reads (one per byte up to the \
             end of its header), got {made}",
            good.len() + HEADER
        );
    }
}

#[test]
fn errors_of_the_source_are_passed_on() {
    let bytes = wire(&[payload(1, 4), payload(2, 9)]);
    let mut socket = Socket::new(bytes, &[3]);
    socket.fail_at = Some(12);
    let mut reader = FrameReader::new(socket, 64);
    let first = reader.next_frame();
    assert!(
        matches!(first, Ok(Some(p)) if p == payload(1, 4).as_slice()),
        "the frame before the failing read is whole: expected {}, got {}",
        frame(&payload(1, 4)),
        outcome(&first)
    );
    let second = reader.next_frame();
    assert!(
        matches!(&second, Err(e) if e.kind() == io::ErrorKind::ConnectionReset),
        "the source failed with ConnectionReset: expected `next_frame` to pass that error on, \
         got {}",
        outcome(&second)
    );
}

#[test]
fn frames_that_are_ready_come_from_one_read() {
    let payloads: Vec<Vec<u8>> = (0..5).map(|i| payload(i, 3 + i)).collect();
    let bytes = wire(&payloads);
    let capacity = 128;
    let socket = Socket::new(bytes, &[1000]);
    let (reads, first_offer) = (Arc::clone(&socket.reads), Arc::clone(&socket.first_offer));
    let mut reader = FrameReader::new(socket, capacity);
    for (i, want) in payloads.iter().enumerate() {
        let got = reader.next_frame();
        assert!(
            matches!(got, Ok(Some(p)) if p == want.as_slice()),
            "frame {i} of five, all ready in the socket: expected {}, got {}",
            frame(want),
            outcome(&got)
        );
        let offered = first_offer.load(Ordering::Relaxed);
        assert!(
            offered == capacity,
            "the first read must be offered the whole empty buffer: expected {capacity} bytes, \
             got {offered}"
        );
        let made = reads.load(Ordering::Relaxed);
        assert!(
            made == 1,
            "five frames ({} bytes) were ready in the socket and the buffer had room for all: \
             after frame {i}, expected one read, got {made}",
            wire(&payloads).len()
        );
    }
    let end = reader.next_frame();
    assert!(
        matches!(end, Ok(None)),
        "after the five frames, expected the end of the stream (Ok(None)), got {}",
        outcome(&end)
    );
    let made = reads.load(Ordering::Relaxed);
    assert!(
        made == 2,
        "after the five frames, one more read finds the end of the source: expected 2 reads in \
         all, got {made}"
    );
}

#[test]
fn a_complete_frame_is_handed_out_without_reading() {
    // Three frames per read: while one is waiting in the buffer, reading would block a socket.
    let payloads: Vec<Vec<u8>> = (0..9).map(|i| payload(i, 6)).collect();
    let bytes = wire(&payloads);
    let socket = Socket::new(bytes, &[30]);
    let reads = Arc::clone(&socket.reads);
    let mut reader = FrameReader::new(socket, 30);
    for (i, want) in payloads.iter().enumerate() {
        let got = reader.next_frame();
        assert!(
            matches!(got, Ok(Some(p)) if p == want.as_slice()),
            "frame {i} of nine, three to a read: expected {}, got {}",
            frame(want),
            outcome(&got)
        );
        let made = reads.load(Ordering::Relaxed);
        assert!(
            made == i / 3 + 1,
            "three 10-byte frames come in each read of 30 bytes: after frame {i}, expected {} \
             reads, got {made}; `next_frame` reads only when no complete frame is waiting",
            i / 3 + 1
        );
    }
}

#[test]
fn payloads_are_views_into_the_one_buffer_and_nothing_allocates() {
    for (capacity, plan) in [(24, [1]), (24, [5]), (24, [24]), (100, [7]), (4096, [4096])] {
        let payloads = mixed_payloads(capacity - HEADER);
        let socket = Socket::new(wire(&payloads), &plan);
        let (mut reader, usage) = measure(|| FrameReader::new(socket, capacity));
        assert!(
            (usage.allocations, usage.bytes) == (1, capacity),
            "`new` with a capacity of {capacity}: expected exactly one heap allocation, of \
             {capacity} bytes, got {} allocations of {} bytes in all",
            usage.allocations,
            usage.bytes
        );
        let (buffer, size) = last_allocation().expect("one allocation");
        let what = format!("capacity {capacity}, reads of {plan:?}");
        let ((), usage) = measure(|| {
            for (i, want) in payloads.iter().enumerate() {
                let result = reader.next_frame();
                let Ok(Some(got)) = result else {
                    panic!(
                        "{what}: frame {i}: expected {}, got {}",
                        frame(want),
                        outcome(&result)
                    );
                };
                assert!(
                    got == want.as_slice(),
                    "{what}: frame {i}: expected {}, got {}",
                    frame(want),
                    frame(got)
                );
                let at = got.as_ptr() as usize;
                assert!(
                    at >= buffer && at + got.len() <= buffer + size,
                    "{what}: frame {i} ({} bytes) is not inside the receive buffer `new` \
                     allocated: the payload must be a view into it, not a copy",
                    got.len()
                );
            }
            let end = reader.next_frame();
            assert!(
                matches!(end, Ok(None)),
                "{what}: after the last frame, expected the end of the stream (Ok(None)), got {}",
                outcome(&end)
            );
        });
        assert_eq!(
            usage.allocations, 0,
            "{what}: `next_frame` allocated {} times ({} bytes) over the stream; the receive \
             buffer must be the only heap memory, and it never grows",
            usage.allocations, usage.bytes
        );
    }
}

const CAPACITY: usize = 4 << 20;
const TIMES_THE_YARDSTICK: u32 = 30;

/// The yardstick: the same reads made into a plain buffer of the same size, then the frames
/// found by walking the whole stream once.
fn yardstick(bytes: &[u8], plan: &[usize]) -> usize {
    let mut socket = Socket::new(bytes.to_vec(), plan);
    let mut plain = vec![0u8; CAPACITY];
    let mut end = 0;
    loop {
        if end == plain.len() {
            end = 0;
        }
        match socket.read(&mut plain[end..]) {
            Ok(0) => break,
            Ok(n) => end += n,
            Err(e) => panic!("{e}"),
        }
    }
    std::hint::black_box(&plain);
    let mut at = 0;
    let mut sum = 0;
    while at < bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + HEADER].try_into().unwrap()) as usize;
        let payload = &bytes[at + HEADER..at + HEADER + len];
        sum += payload.len() + payload.first().map_or(0, |&b| b as usize);
        at += HEADER + len;
    }
    sum
}

fn linear_time(bytes: Vec<u8>, frames: usize, plan: &'static [usize], what: &str) {
    let expected = yardstick(&bytes, plan);
    let yardstick = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(yardstick(std::hint::black_box(&bytes), plan));
            start.elapsed()
        })
        .min()
        .expect("three runs");
    // At most 4 s, well inside the test's own time limit: on a loaded machine, where the
    // yardstick is slow too, a quadratic edit still fails here with this message.
    let limit =
        (yardstick * TIMES_THE_YARDSTICK).clamp(Duration::from_millis(200), Duration::from_secs(4));
    let socket = Socket::new(bytes, plan);
    let (done, finished) = mpsc::channel();
    // On a thread of its own, so that a slow reader fails the test with a message rather than
    // running into its time limit.
    thread::spawn(move || {
        let mut reader = FrameReader::new(socket, CAPACITY);
        let mut sum = 0;
        let mut count = 0;
        let outcome = loop {
            match reader.next_frame() {
                Ok(Some(payload)) => {
                    sum += payload.len() + payload.first().map_or(0, |&b| b as usize);
                    count += 1;
                }
                Ok(None) => break Ok((count, sum)),
                Err(e) => break Err((count, e.to_string())),
            }
        };
        let _ = done.send(outcome);
    });
    match finished.recv_timeout(limit) {
        Ok(Ok((count, sum))) => {
            assert!(
                count == frames,
                "{what}: expected {frames} frames, then the end of the stream; got {count} \
                 frames, then the end"
            );
            assert!(
                sum == expected,
                "{what}: all {frames} frames came out, but not with the bytes sent: the sum of \
                 their lengths and first bytes should be {expected}, got {sum}"
            );
        }
        Ok(Err((count, e))) => panic!(
            "{what}: expected {frames} frames, then the end of the stream; after {count} \
             frames, `next_frame` returned the error {e}"
        ),
        Err(RecvTimeoutError::Timeout) => panic!(
            "{what}, with a buffer of {CAPACITY} bytes: reading them took more than {limit:?}, \
             {TIMES_THE_YARDSTICK} times as long as the same reads into a plain buffer and one \
             walk over the frames ({yardstick:?}): the time must grow in proportion to the \
             bytes received"
        ),
        Err(RecvTimeoutError::Disconnected) => panic!(
            "{what}: expected {frames} frames, then the end of the stream; `next_frame` \
             panicked instead (its message is above)"
        ),
    }
}

#[test]
fn many_small_frames_in_one_read_take_linear_time() {
    // 699,050 frames of 6 bytes: one read brings them all (4 MiB less 4 bytes). Handing each
    // out and then moving the rest of the buffer up moves about 1.5 TB.
    let frames = CAPACITY / 6;
    let mut bytes = Vec::with_capacity(CAPACITY);
    for i in 0..frames {
        bytes.extend_from_slice(&[0, 0, 0, 2, i as u8, (i >> 8) as u8]);
    }
    linear_time(
        bytes,
        frames,
        &[CAPACITY],
        "699,050 frames of 2-byte payloads in one read",
    );
}

#[test]
fn large_frames_in_small_reads_take_linear_time() {
    let payloads: Vec<Vec<u8>> = (0..4).map(|i| payload(i, 1_000_000)).collect();
    linear_time(
        wire(&payloads),
        payloads.len(),
        &[64],
        "4 frames of 1,000,000-byte payloads in 64-byte reads",
    );
}
