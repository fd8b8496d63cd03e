// Question 4: How is memory allocated for a `String`?
// A `String` owns a heap buffer of bytes that is always valid UTF-8: one character takes 1 to
// 4 bytes. Bytes from outside (a file, a socket, a serial line) are not a `String` yet; they
// become one only once they have been checked to be UTF-8.
//
// A weather station sends its reports as UTF-8 text over a serial line, and the line hands
// them over in chunks of whatever size the hardware had ready, so a chunk can end in the
// middle of a character ("°" is two bytes, "🌧" is four). `SerialDecoder::push` must return,
// at once, all the text that the bytes received so far spell out completely; `finish` is
// called once when the line goes quiet and returns what is left. Bytes that are not UTF-8 at
// all (line noise) must come out as U+FFFD, exactly as `String::from_utf8_lossy` would show
// the whole stream. As written, every character split between two chunks turns into noise.
//
// The decoder runs on the station's gateway, a small board with a slow allocator. When the
// line is clean, a push may make one heap allocation at most, and ask for no more bytes than
// the chunk's length plus 3; the hidden tests count them. Noise may cost more.
//
// Keep the signatures of the methods. The decoder is used again after `finish`.

#[derive(Default)]
pub struct SerialDecoder {
    received: usize,
}

impl SerialDecoder {
    pub fn new() -> Self {
        SerialDecoder { received: 0 }
    }

    /// The bytes received so far.
    pub fn bytes_received(&self) -> usize {
        self.received
    }

    /// Decodes the next chunk from the line.
    pub fn push(&mut self, chunk: &[u8]) -> String {
        self.received += chunk.len();
        String::from_utf8_lossy(chunk).into_owned()
    }

    /// The line went quiet: returns whatever is still undecoded.
    pub fn finish(&mut self) -> String {
        String::new()
    }
}

fn main() {
    let mut line = SerialDecoder::new();
    // "21°C" with the two bytes of '°' in different chunks.
    let mut shown = line.push(b"21\xC2");
    shown += &line.push(b"\xB0C");
    shown += &line.finish();
    println!("{shown}");
}
