// Question 4: How is memory allocated for a `String`?
// A `String` is a `Vec<u8>` with one extra promise: its bytes are valid UTF-8. So a `Vec<u8>`
// that holds UTF-8 can become a `String` without a copy; it only has to be checked.
//
// A hardware inventory tool reads the product name of every USB device as raw bytes (a
// `Vec<u8>` it owns). Almost every device sends UTF-8; a few cheap ones send bytes that are
// not, and those must be shown with U+FFFD in place of each bad sequence, as
// `String::from_utf8_lossy` shows them. The hidden tests count heap allocations: a valid name
// must become a `String` with no allocation at all, in the very buffer it arrived in, and a
// bad name may cost only what building its repaired copy costs. As written, every name is
// copied.
//
// Keep the signature of `product_name`.

fn product_name(raw: Vec<u8>) -> String {
    // TODO
    String::from_utf8_lossy(&raw).to_string()
}

fn main() {
    let names = [b"Keyboard K120".to_vec(), b"Webcam \xE9lite".to_vec()];
    for raw in names {
        println!("{}", product_name(raw));
    }
}
