// Question 1: What is Rust, and where is it mostly used?
// Network services are one of Rust's main uses: a proxy or a message broker handles millions
// of messages without a garbage collector's pauses, and the borrow checker lets it hand each
// message out as a view into its receive buffer instead of a copy, while proving that nobody
// still holds that view when the buffer is overwritten.
//
// A broker reads framed messages from a socket. On the wire, a frame is a 4-byte big-endian
// length, then that many bytes of payload (a payload may be empty). The socket hands over bytes
// in whatever chunks the network made: a read may stop in the middle of a header or of a
// payload, and one read may bring several frames. `FrameReader` turns those chunks back into
// frames, and makes these promises (the hidden tests check each one):
// 1. `next_frame` returns the payload of the next frame, whole, in the order sent, each frame
//    once. When the source ends exactly after a frame it returns `Ok(None)`; when it ends in the
//    middle of a frame, an error of kind `UnexpectedEof`. A frame whose header and payload
//    together take more than the reader's `capacity` bytes is an error of kind `InvalidData`,
//    returned as soon as its header has arrived. Every other frame is delivered, however its
//    bytes were split between reads. Errors of the source are passed on.
// 2. No copies: the payload `next_frame` returns is a view into the receive buffer itself, the
//    bytes the source wrote there (the tests check that it lies inside that buffer).
// 3. Fixed memory: the receive buffer is the reader's only heap memory, and it never grows.
//    `new` panics when `capacity` is below 4 bytes, since not even a header would fit (it
//    already does); otherwise it makes exactly one heap allocation, of exactly `capacity`
//    bytes. `next_frame` makes none on its way to a frame or to the end of the stream (an
//    error may allocate its message).
// 4. Few reads, like a real socket: `next_frame` reads only when the buffer holds no complete
//    frame. The first read is offered the whole buffer. Each later read is offered at least
//    all of the buffer after the last byte received; when that is no room at all, the bytes
//    not yet handed out first move to the front, and the read is offered all of the buffer
//    after them. Moving them up earlier, to offer more, is allowed too. (So a source that has
//    several frames ready hands them all over in one read.)
// 5. Linear time: handling a stream takes time in proportion to its length, whatever the
//    capacity, the sizes of the frames and the sizes of the reads. Two hidden tests time a
//    reader with a capacity of 4 MiB (4,194,304 bytes), in the unoptimized test build, on
//    (a) one read that brings 699,050 frames of 2-byte payloads, and (b) 64-byte reads that
//    bring 4 frames of 1,000,000-byte payloads. Each fails if the reader takes more than
//    0.2 s and more than 30 times as long as a yardstick timed beside it: the same reads made
//    into a plain buffer, and the frames found by walking the whole stream once. Done in
//    linear time, it takes about as long as the yardstick.
// As written, it does not compile.
//
// Keep the signatures of `new` and `next_frame`; the rest of `FrameReader` is yours.

use std::io::{self, Read};

/// Bytes of the length that comes before every payload.
const HEADER: usize = 4;

pub struct FrameReader<R> {
    source: R,
    buf: Box<[u8]>,
    /// How many bytes at the front of `buf` have been received and not yet handed out.
    filled: usize,
}

impl<R: Read> FrameReader<R> {
    /// A reader of frames from `source`, with a receive buffer of `capacity` bytes.
    ///
    /// Panics if `capacity` is below `HEADER`: not even a frame's header would fit.
    pub fn new(source: R, capacity: usize) -> Self {
        assert!(
            capacity >= HEADER,
            "a receive buffer of {capacity} bytes cannot hold a {HEADER}-byte frame header"
        );
        FrameReader {
            source,
            buf: vec![0; capacity].into_boxed_slice(),
            filled: 0,
        }
    }

    /// The payload of the frame at the front of the buffer, if all of it has arrived.
    fn front_frame(&self) -> io::Result<Option<&[u8]>> {
        let received = &self.buf[..self.filled];
        let Some(header) = received.first_chunk::<HEADER>() else {
            return Ok(None);
        };
        let len = u32::from_be_bytes(*header) as usize;
        if len > self.buf.len().saturating_sub(HEADER) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a frame of {len} bytes does not fit the receive buffer"),
            ));
        }
        Ok(received.get(HEADER..HEADER + len))
    }

    /// The payload of the next frame, or `None` once the source has ended between frames.
    pub fn next_frame(&mut self) -> io::Result<Option<&[u8]>> {
        loop {
            if let Some(payload) = self.front_frame()? {
                // Handed out: the frame leaves the buffer, and what came after it moves up.
                let used = HEADER + payload.len();
                self.buf.copy_within(used..self.filled, 0);
                self.filled -= used;
                return Ok(Some(payload));
            }
            let read = self.source.read(&mut self.buf[self.filled..])?;
            if read == 0 {
                return if self.filled == 0 {
                    Ok(None)
                } else {
                    Err(io::ErrorKind::UnexpectedEof.into())
                };
            }
            self.filled += read;
        }
    }
}

fn main() -> io::Result<()> {
    let mut wire = Vec::new();
    for message in ["hello", "", "framed world"] {
        wire.extend_from_slice(&(message.len() as u32).to_be_bytes());
        wire.extend_from_slice(message.as_bytes());
    }
    let mut reader = FrameReader::new(wire.as_slice(), 64);
    while let Some(payload) = reader.next_frame()? {
        println!("{:?}", String::from_utf8_lossy(payload));
    }
    Ok(())
}
