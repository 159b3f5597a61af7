//! Exact all-pairs similarity search by prefix filtering.
//!
//! Every pair whose Jaccard similarity (or containment) reaches the threshold shares a
//! token within a short *prefix* of each set, once the tokens of every set are sorted from
//! the rarest in the corpus to the most common (Chaudhuri et al. 2006; Bayardo et al.
//! 2007). Indexing the prefixes and probing them finds every such pair, and only a few
//! others, which are then verified exactly. Nothing is estimated: the search is exact.
//!
//! copydesk uses it for containment, which MinHash does not estimate, and the benchmark
//! uses it as the reference that MinHash LSH recall is measured against.
#![allow(
    clippy::indexing_slicing,
    reason = "set ids, token ranks and prefix positions index arrays built together with them from the same sets; no input value is ever an index"
)]

use std::collections::HashMap;

use super::IdBuildHasher;
use super::shingle::{Shingles, shingles};

/// A pair of sets found by [`all_pairs`], with `a < b` (indices into the input).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoredPair {
    /// Index of the first set.
    pub a: u32,
    /// Index of the second set.
    pub b: u32,
    /// Jaccard similarity: shared shingles over shingles of either.
    pub jaccard: f64,
    /// Containment of the smaller set in the larger: shared shingles over the smaller
    /// set's shingles.
    pub containment: f64,
}

/// Every pair of `sets` (each sorted, without repeats) whose Jaccard similarity is at least
/// `jaccard`, or, when `containment` is given, whose containment is at least that; sorted
/// by `(a, b)`. Empty sets never pair.
///
/// ```
/// use copydesk::dedup::{Shingles, all_pairs, shingles};
///
/// let texts = [
///     "The talks are under way in a neutral country, officials said.",
///     "The talks are under way in a neutral country, officials said on Monday.",
///     "Nothing in common with the others at all.",
/// ];
/// let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t, Shingles::Words(3))).collect();
/// let pairs = all_pairs(&sets, 0.8, None);
/// assert_eq!(pairs.len(), 1);
/// assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
/// assert!((pairs[0].jaccard - 9.0 / 11.0).abs() < 1e-12);
/// ```
pub fn all_pairs<S: AsRef<[u64]> + Sync>(
    sets: &[S],
    jaccard: f64,
    containment: Option<f64>,
) -> Vec<ScoredPair> {
    let ranked = rank_tokens(sets);
    // Search for the weaker condition, keep what meets either.
    let contain = containment.map(|c| c.min(jaccard));
    let mut order: Vec<u32> = (0..ranked.len() as u32)
        .filter(|&i| !ranked[i as usize].is_empty())
        .collect();
    order.sort_by_key(|&i| (ranked[i as usize].len(), i));

    let mut index: Vec<Vec<u32>> = Vec::new();
    let mut seen: Vec<u32> = vec![u32::MAX; ranked.len()];
    let mut candidates: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for &x in &order {
        let xs = &ranked[x as usize];
        let len = xs.len();
        candidates.clear();
        // Jaccard: probe with the prefix, and skip sets too short to reach the threshold.
        // Containment: probe with every token, since the smaller set's prefix decides.
        let probe = match contain {
            Some(_) => len,
            None => prefix_len(len, jaccard),
        };
        for &token in &xs[..probe] {
            let Some(list) = index.get(token as usize) else {
                continue;
            };
            for &y in list {
                if seen[y as usize] == x {
                    continue;
                }
                seen[y as usize] = x;
                let ylen = ranked[y as usize].len();
                if contain.is_none() && (ylen as f64) < jaccard * len as f64 - 1e-9 {
                    continue;
                }
                candidates.push(y);
            }
        }
        for &y in &candidates {
            let ys = &ranked[y as usize];
            let shared = intersection(xs, ys);
            let union = len + ys.len() - shared;
            let j = shared as f64 / union as f64;
            let c = shared as f64 / len.min(ys.len()) as f64;
            if j >= jaccard || containment.is_some_and(|t| c >= t) {
                let (a, b) = if x < y { (x, y) } else { (y, x) };
                out.push(ScoredPair {
                    a,
                    b,
                    jaccard: j,
                    containment: c,
                });
            }
        }
        let indexed = prefix_len(len, contain.unwrap_or(jaccard));
        for &token in &xs[..indexed] {
            let slot = token as usize;
            if index.len() <= slot {
                index.resize_with(slot + 1, Vec::new);
            }
            index[slot].push(x);
        }
    }
    out.sort_by_key(|p| (p.a, p.b));
    out
}

/// [`all_pairs`] on the shingle sets of `texts`, shingled in parallel.
///
/// ```
/// use copydesk::dedup::{Shingles, exact_pairs};
///
/// let texts = ["Talks are under way, officials said.", "Talks are under way, officials said."];
/// let pairs = exact_pairs(&texts, Shingles::Words(3), 0.8, None);
/// assert_eq!((pairs[0].a, pairs[0].b, pairs[0].jaccard), (0, 1, 1.0));
/// ```
pub fn exact_pairs<S: AsRef<str> + Sync>(
    texts: &[S],
    kind: Shingles,
    jaccard: f64,
    containment: Option<f64>,
) -> Vec<ScoredPair> {
    use rayon::prelude::*;
    let sets: Vec<Vec<u64>> = texts
        .par_iter()
        .map(|t| shingles(t.as_ref(), kind))
        .collect();
    all_pairs(&sets, jaccard, containment)
}

/// The prefix that must share a token with any set that overlaps a set of `len` tokens in
/// at least `threshold * len` of them: `len - floor(threshold * len) + 1`, at most `len`.
/// (Rounding down makes the prefix one token longer than needed at worst, never shorter.)
fn prefix_len(len: usize, threshold: f64) -> usize {
    let needed = (threshold * len as f64).floor().max(0.0) as usize;
    (len - needed.min(len) + 1).min(len)
}

/// Each set's tokens replaced by their rank from the rarest to the most common in the
/// corpus (ties by token value), sorted.
fn rank_tokens<S: AsRef<[u64]>>(sets: &[S]) -> Vec<Vec<u32>> {
    let mut freq: HashMap<u64, u32, IdBuildHasher> = HashMap::default();
    for set in sets {
        for &t in set.as_ref() {
            *freq.entry(t).or_insert(0) += 1;
        }
    }
    let mut tokens: Vec<(u32, u64)> = freq.iter().map(|(&t, &f)| (f, t)).collect();
    tokens.sort_unstable();
    let rank: HashMap<u64, u32, IdBuildHasher> = tokens
        .iter()
        .enumerate()
        .map(|(r, &(_, t))| (t, r as u32))
        .collect();
    sets.iter()
        .map(|set| {
            let mut r: Vec<u32> = set
                .as_ref()
                .iter()
                .filter_map(|t| rank.get(t).copied())
                .collect();
            r.sort_unstable();
            r
        })
        .collect()
}

/// The number of elements two sorted slices share.
pub(crate) fn intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intersection_counts_shared_elements() {
        let cases: [(&[u64], &[u64], usize); 6] = [
            (&[], &[], 0),
            (&[1, 2, 3], &[], 0),
            (&[1, 3, 5, 7], &[2, 3, 4, 7, 9], 2),
            (&[1, 2, 3], &[1, 2, 3], 3),
            (&[10, 20], &[1, 2, 3], 0),
            (&[5], &[1, 5, 9], 1),
        ];
        for (a, b, n) in cases {
            assert_eq!(intersection(a, b), n, "{a:?} {b:?}");
            assert_eq!(intersection(b, a), n, "{b:?} {a:?}");
        }
    }

    fn brute(sets: &[Vec<u64>], t: f64, c: Option<f64>) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for a in 0..sets.len() {
            for b in a + 1..sets.len() {
                let (x, y) = (&sets[a], &sets[b]);
                if x.is_empty() || y.is_empty() {
                    continue;
                }
                let s = intersection(x, y);
                let j = s as f64 / (x.len() + y.len() - s) as f64;
                let cont = s as f64 / x.len().min(y.len()) as f64;
                if j >= t || c.is_some_and(|c| cont >= c) {
                    out.push((a as u32, b as u32));
                }
            }
        }
        out
    }

    #[test]
    fn prefix_filtering_finds_exactly_what_brute_force_finds() {
        // Small sets over a small alphabet: many overlaps at every level.
        let mut state = 1u64;
        let mut next = || {
            state = super::super::shingle::mix64(state.wrapping_add(1));
            state
        };
        let sets: Vec<Vec<u64>> = (0..300)
            .map(|_| {
                let len = 1 + (next() % 12) as usize;
                let mut s: Vec<u64> = (0..len).map(|_| next() % 20).collect();
                s.sort_unstable();
                s.dedup();
                s
            })
            .collect();
        for (t, c) in [
            (0.8, None),
            (0.5, None),
            (0.3, None),
            (0.8, Some(0.8)),
            (0.9, Some(0.6)),
        ] {
            let got: Vec<(u32, u32)> = all_pairs(&sets, t, c).iter().map(|p| (p.a, p.b)).collect();
            assert_eq!(got, brute(&sets, t, c), "t={t} c={c:?}");
        }
    }
}
