//! Randomness is passed into the engine, never taken from a global. Tests and
//! the benchmark use [`SeededRandom`] so every run is reproducible; the browser
//! passes a source backed by `crypto.getRandomValues` (see `crate::platform`).

/// A source of random bytes.
pub trait RandomSource {
    fn fill(&mut self, buf: &mut [u8]);

    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill(&mut b);
        u64::from_le_bytes(b)
    }

    /// `n_bytes` random bytes as lowercase hex.
    fn hex(&mut self, n_bytes: usize) -> String {
        let mut b = vec![0u8; n_bytes];
        self.fill(&mut b);
        to_hex(&b)
    }

    /// A GUID-shaped identifier (version 4 layout), as Azure AD object IDs look.
    fn guid(&mut self) -> String {
        let mut b = [0u8; 16];
        self.fill(&mut b);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h = to_hex(&b);
        format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

pub fn to_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 0xf) as usize] as char);
    }
    s
}

/// SplitMix64: small, fast, deterministic. Not for secrets; the browser build
/// uses the platform's cryptographic source instead.
#[derive(Debug, Clone)]
pub struct SeededRandom {
    state: u64,
}

impl SeededRandom {
    pub fn new(seed: u64) -> Self {
        SeededRandom { state: seed }
    }
}

impl RandomSource for SeededRandom {
    fn fill(&mut self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            chunk.copy_from_slice(&z.to_le_bytes()[..chunk.len()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_is_reproducible_and_differs_by_seed() {
        let a = SeededRandom::new(7).hex(16);
        assert_eq!(a, SeededRandom::new(7).hex(16));
        assert_ne!(a, SeededRandom::new(8).hex(16));
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn guid_has_version_4_layout() {
        let g = SeededRandom::new(1).guid();
        assert_eq!(g.len(), 36);
        assert_eq!(&g[14..15], "4");
        assert!(matches!(&g[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = SeededRandom::new(3);
        assert!((0..1000).all(|_| r.below(10) < 10));
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn odd_lengths_fill_every_byte() {
        let mut r = SeededRandom::new(9);
        let mut b = [0u8; 13];
        r.fill(&mut b);
        assert!(b[8..].iter().any(|&x| x != 0));
    }
}
