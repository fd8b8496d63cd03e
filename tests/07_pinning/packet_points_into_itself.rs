use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use std::marker::{PhantomData, Unpin};
use std::pin::{Pin, pin};

/// Tells at run time whether `T: Unpin`, by method resolution: the impl that needs
/// `T: Unpin` is found first, the fallback one only when it does not apply.
struct Probe<T>(PhantomData<T>);

trait IsUnpin {
    fn is_unpin(&self) -> bool {
        true
    }
}
impl<T: Unpin> IsUnpin for Probe<T> {}

trait NotUnpin {
    fn is_unpin(&self) -> bool {
        false
    }
}
impl<T> NotUnpin for &Probe<T> {}

#[test]
fn a_packet_is_not_unpin() {
    let packet_probe = &Probe::<Packet>(PhantomData);
    assert!(
        !packet_probe.is_unpin(),
        "Packet points into itself, so it must not be Unpin: otherwise `Pin::new` accepts \
         it and a parsed packet can be moved"
    );
    // The probe itself works: ordinary types are Unpin.
    let string_probe = &Probe::<String>(PhantomData);
    assert!(string_probe.is_unpin());
}

#[test]
fn reads_the_payload_of_every_packet() {
    let raws: [&[u8]; 3] = [b"\x02hdHello", b"\x00plain", b"\x03v1;ping"];
    assert_eq!(payloads(&raws), ["Hello", "plain", "ping"]);
}

#[test]
fn edge_cases_of_the_format() {
    let full = [[0u8].as_slice(), [b'z'; 63].as_slice()].concat();
    let raws: [&[u8]; 4] = [b"", b"\x05short", b"\x09too short", &full];
    assert_eq!(payloads(&raws), ["", "", "", &"z".repeat(63)]);
}

#[test]
fn no_packets() {
    assert!(payloads(&[]).is_empty());
    assert!(inbox(&[]).is_empty());
}

#[test]
fn the_inbox_hands_out_parsed_packets() {
    let raws: [&[u8]; 3] = [b"\x01:first", b"\x00second", b"\x02::third"];
    for (i, packet) in inbox(&raws).iter().enumerate() {
        assert!(
            !packet.payload.is_null(),
            "packet {i} from the inbox has not been parsed"
        );
    }
}

#[test]
fn the_inbox_keeps_every_packet() {
    let raws: Vec<&[u8]> = vec![b"\x00a"; 40];
    assert_eq!(inbox(&raws).len(), 40);
    assert_eq!(payloads(&raws), vec!["a"; 40]);
}

#[test]
fn a_packet_pinned_on_the_stack() {
    let mut packet = pin!(Packet::new(b"\x01#stack"));
    packet.as_mut().parse();
    assert_eq!(packet.as_ref().payload(), b"stack");
}

#[test]
fn a_boxed_packet_can_be_passed_around_after_parsing() {
    let mut packet = Box::pin(Packet::new(b"\x02..heap"));
    packet.as_mut().parse();
    let mut shelf = vec![Box::pin(Packet::new(b"")), packet];
    shelf.swap(0, 1);
    let packet = shelf.remove(0);
    assert_eq!(packet.as_ref().payload(), b"heap");
}

#[test]
#[should_panic(expected = "parse the packet")]
fn an_unparsed_packet_has_no_payload() {
    let packet = pin!(Packet::new(b"\x00data"));
    packet.as_ref().payload();
}

/// Tells at run time whether `T` is a pinned pointer to a `Packet`, the same way.
struct PointerProbe<T>(PhantomData<T>);

trait IsPinnedPacket {
    fn is_pinned_packet(&self) -> bool {
        true
    }
}
impl<P: ::std::ops::Deref<Target = Packet>> IsPinnedPacket for PointerProbe<Pin<P>> {}

trait NotPinnedPacket {
    fn is_pinned_packet(&self) -> bool {
        false
    }
}
impl<T> NotPinnedPacket for &PointerProbe<T> {}

/// A probe for the type of the items of `items`.
fn probe_items<T>(_: &[T]) -> PointerProbe<T> {
    PointerProbe(PhantomData)
}

#[test]
fn the_inbox_hands_out_pinned_packets() {
    let packets = inbox(&[b"\x00x"]);
    let items_probe = &probe_items(&packets);
    assert!(
        items_probe.is_pinned_packet(),
        "`inbox` hands out packets that are not pinned (its items are not `Pin<...>`): \
         a caller could still move a parsed packet, whatever `unsafe` promise was made inside"
    );
    // The probe itself works.
    let pinned = [Box::pin(Packet::new(b""))];
    let pinned_probe = &probe_items(&pinned);
    assert!(pinned_probe.is_pinned_packet());
    let boxed = [Box::new(Packet::new(b""))];
    let boxed_probe = &probe_items(&boxed);
    assert!(!boxed_probe.is_pinned_packet());
}
