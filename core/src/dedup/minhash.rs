//! MinHash signatures and the banding of locality-sensitive hashing (LSH).
//!
//! Permutation `i` maps a shingle hash `x` to the high 32 bits of `aᵢ·x + bᵢ (mod 2⁶⁴)`
//! with `aᵢ` odd: multiply-add-shift hashing, which costs one multiplication per shingle
//! and permutation. (Restricting `aᵢ` and `x` to 32 bits, which vectorizes, biases the
//! estimate by about 0.02 at Jaccard 0.8: the unit test below catches it.) Two sets agree on permutation `i`'s minimum with probability close to
//! their Jaccard similarity (a unit test measures the bias). The signature is cut into
//! `bands` bands of `rows` values; two passages become candidates when all the values of
//! at least one band agree, which happens with probability `1 - (1 - J^rows)^bands`.

use super::shingle::mix64;
use crate::error::{Error, ErrorKind, Result};

/// The banding of the signature: `bands` bands of `rows` values each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Banding {
    /// Number of bands.
    pub bands: usize,
    /// Signature values per band.
    pub rows: usize,
}

/// The largest probability of missing a pair at exactly the threshold that
/// [`Banding::for_threshold`] accepts: one in a million. Pairs above the threshold are
/// missed even more rarely.
pub const MISS_AT_THRESHOLD: f64 = 1e-6;

impl Banding {
    /// The probability that a pair of Jaccard similarity `j` becomes a candidate.
    pub fn candidate_probability(&self, j: f64) -> f64 {
        1.0 - (1.0 - j.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// The banding for `num_perm` permutations and a Jaccard `threshold`: the most rows per
    /// band (so the fewest candidates below the threshold) that still miss a pair at the
    /// threshold with probability at most [`MISS_AT_THRESHOLD`], using as many bands as
    /// fit.
    ///
    /// For 128 permutations: 0.8 gives 32 bands of 4 rows (a pair at 0.8 is missed with
    /// probability 5·10⁻⁸, one at 0.5 is a candidate with probability 0.87, one at 0.2 with
    /// probability 0.05), 0.9 gives 21 bands of 6, 0.5 gives 64 bands of 2.
    ///
    /// ```
    /// use copydesk::dedup::Banding;
    ///
    /// let b = Banding::for_threshold(128, 0.8);
    /// assert_eq!((b.bands, b.rows), (32, 4));
    /// assert!(1.0 - b.candidate_probability(0.8) < 1e-6);
    /// ```
    pub fn for_threshold(num_perm: usize, threshold: f64) -> Banding {
        let num_perm = num_perm.max(1);
        let mut best = Banding {
            bands: num_perm,
            rows: 1,
        };
        for rows in 1..=num_perm {
            let b = Banding {
                bands: num_perm / rows,
                rows,
            };
            if 1.0 - b.candidate_probability(threshold) <= MISS_AT_THRESHOLD {
                best = b;
            } else {
                break;
            }
        }
        best
    }

    pub(crate) fn check(&self, num_perm: usize) -> Result<()> {
        if self.bands == 0 || self.rows == 0 || self.bands * self.rows > num_perm {
            return Err(Error::new(ErrorKind::InvalidArgument(format!(
                "{} bands of {} rows need {} permutations, but the signature has {num_perm}; \
                 use fewer bands or rows, or more permutations",
                self.bands,
                self.rows,
                self.bands * self.rows
            ))));
        }
        Ok(())
    }
}

/// A family of `num_perm` hash permutations, fixed by a seed.
#[derive(Clone, Debug)]
pub(crate) struct Permutations {
    a: Vec<u64>,
    b: Vec<u64>,
}

impl Permutations {
    pub(crate) fn new(num_perm: usize, seed: u64) -> Permutations {
        let mut state = seed;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            mix64(state)
        };
        let mut a = Vec::with_capacity(num_perm);
        let mut b = Vec::with_capacity(num_perm);
        for _ in 0..num_perm {
            a.push(next() | 1);
            b.push(next());
        }
        Permutations { a, b }
    }

    /// The signature of a shingle set into `sig` (resized to the number of permutations).
    /// An empty set gets all `u32::MAX`.
    pub(crate) fn signature(&self, shingles: &[u64], sig: &mut Vec<u32>) {
        sig.clear();
        sig.resize(self.a.len(), u32::MAX);
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512dq") {
                // SAFETY: the CPU has just been found to support AVX-512 DQ (and so F),
                // the only requirement of the function.
                unsafe { min_hashes_avx512(&self.a, &self.b, shingles, sig) };
                return;
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has just been found to support AVX2.
                unsafe { min_hashes_avx2(&self.a, &self.b, shingles, sig) };
                return;
            }
        }
        min_hashes(&self.a, &self.b, shingles, sig);
    }
}

/// Permutations are computed this many at a time: their running minimums (64-bit) stay
/// in vector registers while the shingles stream past.
const BLOCK: usize = 64;

/// The MinHash kernel: for each permutation, the least hash over the shingles. Written
/// plainly so that the compiler vectorizes it for whatever instructions the caller allows:
/// 64-bit multiplication is one instruction with AVX-512 DQ, three with AVX2.
///
/// The minimum is taken over the whole 64-bit `a·x + b` and its high 32 bits kept at the
/// end: the high half of the least value is the least high half, so this is the same
/// signature with no shift or narrowing per shingle.
#[inline(always)]
fn min_hashes(a: &[u64], b: &[u64], shingles: &[u64], sig: &mut [u32]) {
    let (a_blocks, a_rest) = a.as_chunks::<BLOCK>();
    let (b_blocks, b_rest) = b.as_chunks::<BLOCK>();
    let (sig_blocks, sig_rest) = sig.as_chunks_mut::<BLOCK>();
    for ((a, b), sig) in a_blocks.iter().zip(b_blocks).zip(sig_blocks) {
        // Blocks of a fixed size, so the minimums can live in registers.
        let mut least = [u64::MAX; BLOCK];
        for &x in shingles {
            for ((m, &a), &b) in least.iter_mut().zip(a).zip(b) {
                *m = (*m).min(a.wrapping_mul(x).wrapping_add(b));
            }
        }
        for (s, &m) in sig.iter_mut().zip(&least) {
            *s = (m >> 32) as u32;
        }
    }
    for ((s, &a), &b) in sig_rest.iter_mut().zip(a_rest).zip(b_rest) {
        let least = shingles
            .iter()
            .fold(u64::MAX, |m, &x| m.min(a.wrapping_mul(x).wrapping_add(b)));
        *s = (least >> 32) as u32;
    }
}

/// [`min_hashes`] compiled for AVX-512 (same results, bit for bit).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn min_hashes_avx512(a: &[u64], b: &[u64], shingles: &[u64], sig: &mut [u32]) {
    min_hashes(a, b, shingles, sig);
}

/// [`min_hashes`] compiled for AVX2 (same results, bit for bit).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn min_hashes_avx2(a: &[u64], b: &[u64], shingles: &[u64], sig: &mut [u32]) {
    min_hashes(a, b, shingles, sig);
}

/// The keys of a signature's bands.
///
/// Band `b`'s key is `c_b + Σ m_{b,j}·v_j (mod 2³²)` over its values `v_j`, with random
/// `c_b` and random odd `m_{b,j}`. Two bands that differ in one value never share a key
/// (an odd multiplier is invertible modulo 2³²); bands that differ in more share one with
/// probability about 2⁻³², since MinHash values are random. Either way a shared key only
/// adds a candidate, which verification then drops.
#[derive(Clone, Debug)]
pub(crate) struct BandKeys {
    rows: usize,
    base: Vec<u32>,
    mult: Vec<u32>,
}

impl BandKeys {
    pub(crate) fn new(banding: Banding, seed: u64) -> BandKeys {
        let mut state = seed ^ 0x5851_F42D_4C95_7F2D;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            (mix64(state) >> 32) as u32
        };
        BandKeys {
            rows: banding.rows,
            base: (0..banding.bands).map(|_| next()).collect(),
            mult: (0..banding.bands * banding.rows)
                .map(|_| next() | 1)
                .collect(),
        }
    }

    /// The key of each band of `sig`, appended to `keys`.
    pub(crate) fn keys(&self, sig: &[u32], keys: &mut Vec<u32>) {
        let bands = sig
            .chunks_exact(self.rows)
            .zip(self.mult.chunks_exact(self.rows))
            .zip(&self.base);
        for ((values, mult), &base) in bands {
            let h = values
                .iter()
                .zip(mult)
                .fold(base, |h, (&v, &m)| h.wrapping_add(m.wrapping_mul(v)));
            keys.push(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banding_for_common_thresholds() {
        let cases = [(0.8, 32, 4), (0.9, 21, 6), (0.5, 64, 2), (0.3, 128, 1)];
        for (t, bands, rows) in cases {
            assert_eq!(
                Banding::for_threshold(128, t),
                Banding { bands, rows },
                "{t}"
            );
        }
    }

    #[test]
    fn signature_agreement_estimates_jaccard() {
        // Sets of 200 shingles sharing `common`: Jaccard = common / (400 - common).
        let perms = Permutations::new(128, 7);
        for common in [40u64, 133, 180] {
            let j = common as f64 / (400 - common) as f64;
            let mut total = 0.0;
            let trials = 200;
            for t in 0..trials {
                let base = t * 1_000_000;
                let a: Vec<u64> = (0..200).map(|i| mix64(base + i)).collect();
                let b: Vec<u64> = (0..200)
                    .map(|i| mix64(base + if i < common { i } else { 500 + i }))
                    .collect();
                let (mut sa, mut sb) = (Vec::new(), Vec::new());
                perms.signature(&a, &mut sa);
                perms.signature(&b, &mut sb);
                let agree = sa.iter().zip(&sb).filter(|(x, y)| x == y).count();
                total += agree as f64 / 128.0;
            }
            let mean = total / trials as f64;
            // 25,600 agreements: the standard error is below 0.004.
            assert!((mean - j).abs() < 0.015, "J={j:.3} estimated {mean:.3}");
        }
    }

    #[test]
    fn equal_bands_share_keys_and_different_ones_do_not() {
        let banding = Banding { bands: 4, rows: 3 };
        let keys = BandKeys::new(banding, 1);
        let sig: Vec<u32> = (0..12).collect();
        let mut other = sig.clone();
        other[4] += 1; // band 1 differs
        let (mut a, mut b) = (Vec::new(), Vec::new());
        keys.keys(&sig, &mut a);
        keys.keys(&other, &mut b);
        assert_eq!(a.len(), 4);
        assert_eq!((a[0], a[2], a[3]), (b[0], b[2], b[3]));
        assert_ne!(a[1], b[1]);
        // Bands with the same values still get their own keys.
        let flat = vec![7u32; 12];
        let mut c = Vec::new();
        keys.keys(&flat, &mut c);
        assert!(c.windows(2).all(|w| w[0] != w[1]), "{c:?}");
    }

    #[test]
    fn band_keys_rarely_collide() {
        let banding = Banding { bands: 1, rows: 4 };
        let keys = BandKeys::new(banding, 9);
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for i in 0..100_000u64 {
            let h = mix64(i);
            let sig = [h as u32, (h >> 32) as u32, i as u32, 0];
            out.clear();
            keys.keys(&sig, &mut out);
            seen.insert(out[0]);
        }
        // 100,000 random 32-bit keys: about one collision expected.
        assert!(seen.len() >= 99_990, "{}", seen.len());
    }
}
