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

pub struct SerialDecoder {
    received: usize,
    /// The first bytes of a character whose other bytes have not arrived yet (at most 3). Its
    /// room is made once, in `new`, so carrying bytes over never allocates.
    cut: Vec<u8>,
}

impl Default for SerialDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl SerialDecoder {
    pub fn new() -> Self {
        SerialDecoder {
            received: 0,
            cut: Vec::with_capacity(3),
        }
    }

    /// The bytes received so far.
    pub fn bytes_received(&self) -> usize {
        self.received
    }

    /// Decodes the next chunk from the line.
    pub fn push(&mut self, chunk: &[u8]) -> String {
        self.received += chunk.len();
        // The one allocation: the bytes carried over, then the chunk, in one buffer.
        let mut bytes = Vec::with_capacity(self.cut.len() + chunk.len());
        bytes.extend_from_slice(&self.cut);
        bytes.extend_from_slice(chunk);
        // A character cut off at the end waits for the rest of its bytes.
        let ready = decodable(&bytes);
        self.cut.clear();
        self.cut.extend_from_slice(&bytes[ready..]);
        bytes.truncate(ready);
        // A `String` is a `Vec<u8>` known to hold UTF-8: once checked, the buffer itself
        // becomes the text, with no copy. Only noise has to be rebuilt with U+FFFD in it.
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(noisy) => String::from_utf8_lossy(noisy.as_bytes()).into_owned(),
        }
    }

    /// The line went quiet: returns whatever is still undecoded.
    pub fn finish(&mut self) -> String {
        // A character cut off for good is shown as one U+FFFD, as `from_utf8_lossy` does.
        let text = String::from_utf8_lossy(&self.cut).into_owned();
        self.cut.clear();
        text
    }
}

/// How many of `bytes` can be decoded now: all of them, unless they end inside a character
/// that the next bytes may still complete. Noise in the middle is decodable (as U+FFFD).
fn decodable(bytes: &[u8]) -> usize {
    let mut start = 0;
    loop {
        match std::str::from_utf8(&bytes[start..]) {
            Ok(_) => return bytes.len(),
            Err(error) => match error.error_len() {
                // Bytes that can never start a character: skip them, they are noise.
                Some(len) => start += error.valid_up_to() + len,
                // The input ended inside a character: its other bytes are still on the way.
                None => return start + error.valid_up_to(),
            },
        }
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
