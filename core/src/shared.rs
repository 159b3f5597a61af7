//! What several modules use and none owns: the hash of the lexicon tables and the names
//! of the months.

use std::hash::{BuildHasherDefault, Hasher};

/// The English month names in lower case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Builds [`Fnv`] hashers: the hasher of the lexicons' tables.
pub(crate) type FnvBuild = BuildHasherDefault<Fnv>;

/// FNV-1a, the lexicons' hash: their keys are a few bytes long, where SipHash's setup
/// costs more than the hashing. The tables are fixed at start-up from our own files, so
/// the flooding SipHash guards against cannot happen: input only looks words up.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
