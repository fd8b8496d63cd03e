// Question 7: What is pinning in Rust, and why is it important?
//
// A `Packet` keeps its bytes inline and, once `parse` has run, a raw pointer to where its
// payload starts inside those same bytes. The value points into itself, like the future
// of an async fn that holds a borrow of one of its own locals across an `.await`. Moving
// such a value copies its bytes to a new place, but the pointer still points at the old
// one. (`payload` checks for that and panics rather than read through a stale pointer.)
//
// The methods already take `Pin`, but here `Pin` guarantees nothing: `Packet` is `Unpin`,
// so `Pin::new` accepts it and the packet can still be moved, which is what `inbox` does.
//
// Make `Packet` opt out of `Unpin`, so that the compiler rejects what `inbox` does. Then
// change `inbox` (and `payloads`) so that each packet stays where it was parsed, and so
// that the packets `inbox` hands out are pinned: no caller may move one either. Leave
// `parse` and `payload` as they are, and `new` too, apart from the field you add.

use std::marker::PhantomPinned;
use std::pin::Pin;

const CAPACITY: usize = 64;

/// On the wire: one byte `n`, the length of the header, then `n` header bytes, then the
/// payload.
pub struct Packet {
    bytes: [u8; CAPACITY],
    len: usize,
    /// Where the payload starts inside `bytes`, once parsed; null before.
    payload: *const u8,
    payload_len: usize,
    /// Makes `Packet` `!Unpin`: once pinned, it can no longer be moved by safe code, and
    /// `Pin::new` refuses it. Without this marker, `Pin` promises nothing about a packet.
    /// (Today's rustc also stops assuming that a `&mut` to a `!Unpin` value is the only way
    /// to reach it; that is how the compiler works now, not a guarantee of the language, and
    /// nothing here relies on it: the soundness argument is the pin's.)
    _pinned: PhantomPinned,
}

impl Packet {
    pub fn new(raw: &[u8]) -> Self {
        assert!(
            raw.len() <= CAPACITY,
            "a packet holds at most {CAPACITY} bytes"
        );
        let mut bytes = [0; CAPACITY];
        bytes[..raw.len()].copy_from_slice(raw);
        Packet {
            bytes,
            len: raw.len(),
            payload: std::ptr::null(),
            payload_len: 0,
            _pinned: PhantomPinned,
        }
    }

    /// Skips the header and remembers where the payload starts.
    pub fn parse(self: Pin<&mut Self>) {
        // SAFETY: only fields are assigned here; the packet itself is never moved.
        let this = unsafe { self.get_unchecked_mut() };
        let header_len = this.bytes[..this.len]
            .first()
            .map_or(0, |&n| usize::from(n));
        let start = (1 + header_len).min(this.len);
        this.payload = this.bytes[start..].as_ptr();
        this.payload_len = this.len - start;
    }

    /// The payload found by `parse`.
    pub fn payload(self: Pin<&Self>) -> &[u8] {
        let this = self.get_ref();
        assert!(
            !this.payload.is_null(),
            "parse the packet before reading its payload"
        );
        // Where `parse` would make the pointer point if it ran now, in this very packet.
        let here = this.bytes[this.len - this.payload_len..].as_ptr();
        assert!(
            this.payload == here,
            "this packet was moved after it was parsed: its payload pointer still points \
             at the place it was moved from"
        );
        // SAFETY: the pointer is where `parse` put it inside this packet's own bytes (checked
        // above), and the `payload_len` bytes from there are the last of the packet's `len`.
        unsafe { std::slice::from_raw_parts(this.payload, this.payload_len) }
    }
}

/// Parses every raw packet and returns the packets, ready to be read.
pub fn inbox(raws: &[&[u8]]) -> Vec<Pin<Box<Packet>>> {
    let mut packets = Vec::new();
    for raw in raws {
        // Pinned on the heap before it is parsed: it will never move again. Pushing the
        // box moves only the pointer to the packet, not the packet.
        let mut packet = Box::pin(Packet::new(raw));
        packet.as_mut().parse();
        packets.push(packet);
    }
    packets
}

/// The payload of every raw packet, as text.
pub fn payloads(raws: &[&[u8]]) -> Vec<String> {
    inbox(raws)
        .iter()
        .map(|packet| String::from_utf8_lossy(packet.as_ref().payload()).into_owned())
        .collect()
}
