//! Randomness is injected so tests control it: the operating system's CSPRNG in production,
//! a seeded generator in tests.

use std::sync::Mutex;

use rand::{Rng, SeedableRng, rngs::StdRng};

/// Randomness for codes, ids and decoys. Seedable so tests are reproducible.
pub trait Random: Send + Sync + std::fmt::Debug {
    /// Fills `buf` with random bytes.
    fn fill(&self, buf: &mut [u8]);

    /// A uniformly drawn number below `bound` (rejection sampling, no modulo bias).
    fn below(&self, bound: u64) -> u64 {
        if bound <= 1 {
            return 0;
        }
        let zone = u64::MAX - (u64::MAX % bound);
        loop {
            let mut b = [0u8; 8];
            self.fill(&mut b);
            let v = u64::from_le_bytes(b);
            if v < zone {
                return v % bound;
            }
        }
    }

    /// `len` random bytes, hex encoded.
    fn token_hex(&self, len: usize) -> String {
        let mut buf = vec![0u8; len];
        self.fill(&mut buf);
        hex(&buf)
    }
}

/// The operating system's CSPRNG.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsRandom;

impl Random for OsRandom {
    #[allow(clippy::disallowed_methods)]
    fn fill(&self, buf: &mut [u8]) {
        rand::rng().fill_bytes(buf);
    }
}

/// A deterministic generator for tests.
#[derive(Debug)]
pub struct SeededRandom(Mutex<StdRng>);

impl SeededRandom {
    pub fn new(seed: u64) -> Self {
        Self(Mutex::new(StdRng::seed_from_u64(seed)))
    }
}

impl Random for SeededRandom {
    fn fill(&self, buf: &mut [u8]) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .fill_bytes(buf);
    }
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let rng = SeededRandom::new(7);
        let mut seen = [false; 10];
        for _ in 0..1000 {
            let v = rng.below(10) as usize;
            assert!(v < 10);
            seen[v] = true;
        }
        assert!(seen.iter().all(|s| *s));
    }
}
