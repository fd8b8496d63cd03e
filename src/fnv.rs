//! The 64-bit FNV-1a hash: a few lines, the same on every machine, in every build and every
//! version of rustprep, which is what a record kept on disk or a share of a class needs of a hash
//! (std's `DefaultHasher` promises neither). It is no defence against someone who wants a
//! collision.

/// The FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a's published values: shares and records never move between versions.
    #[test]
    fn the_published_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
