//! The engine: shingles, exact grouping, MinHash LSH and verification, incrementally.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::exact::{all_pairs, intersection};
use super::minhash::{Banding, Permutations, band_keys};
use super::result::{self, Dedup, PassageRef, RepPair, Stats};
use super::shingle::{Shingler, mix64};
use super::{IdBuildHasher, Options, passages_of};
use crate::article::{self, Article};
use crate::error::Result;

const NONE: u32 = u32::MAX;

/// Finds near-duplicate passages in a corpus that arrives in batches.
///
/// Add articles with [`Deduper::add`]; ask whether a new passage duplicates one already
/// held with [`Deduper::query`]; get the clusters of everything held with
/// [`Deduper::result`]. Adding the same articles in one batch or in many gives the same
/// result.
///
/// ```
/// use copydesk::article;
/// use copydesk::dedup::{Deduper, Options};
///
/// let mut d = Deduper::new(Options::default())?;
/// d.add([article::parse("Officials are eyeing late May or June for the summit to take place.")]);
/// let found = d.query("Officials are eyeing late May or June for the summit to take place on Monday.");
/// assert_eq!(found.len(), 1);
/// assert!(found[0].similarity >= 0.8);
/// assert!(d.query("Something else entirely, said nobody at all.").is_empty());
/// # Ok::<(), copydesk::Error>(())
/// ```
pub struct Deduper {
    opts: Options,
    banding: Banding,
    perms: Permutations,
    articles: Vec<Arc<Article>>,
    passages: Vec<PassageRef>,
    /// The shingle sets, one after another; passage `i` is `shingles[bounds[i]..bounds[i + 1]]`.
    shingles: Vec<u64>,
    bounds: Vec<usize>,
    /// The first passage with the same shingle set (itself when it is the first).
    rep: Vec<u32>,
    /// First passages by the hash of their shingle set.
    by_set: HashMap<u64, Vec<u32>, IdBuildHasher>,
    /// The later passages with the same shingle set as a first one.
    copies: HashMap<u32, Vec<u32>, IdBuildHasher>,
    /// Per band: the last passage inserted under each key...
    heads: Vec<HashMap<u64, u32, IdBuildHasher>>,
    /// ...and, per band and passage, the passage inserted before it under the same key.
    chains: Vec<Vec<u32>>,
    /// Verified pairs of first passages, `a < b`.
    pairs: Vec<RepPair>,
    candidates: u64,
    seen_passages: u64,
}

/// A passage held by a [`Deduper`] that a queried text duplicates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// The passage's index (see [`Dedup::passage`]).
    pub passage: usize,
    /// Jaccard similarity of the shingle sets.
    pub similarity: f64,
    /// Containment of the smaller set in the larger.
    pub containment: f64,
}

/// One passage ready to be held: where it is, its shingles and its band keys.
struct Prepared {
    passage: PassageRef,
    shingles: Vec<u64>,
    set_hash: u64,
    keys: Vec<u64>,
}

impl Deduper {
    /// A deduper with these options.
    ///
    /// # Errors
    ///
    /// An invalid option ([`Options::validate`]).
    pub fn new(opts: Options) -> Result<Deduper> {
        opts.validate()?;
        let banding = opts.banding();
        Ok(Deduper {
            perms: Permutations::new(opts.num_perm, opts.seed),
            heads: (0..banding.bands).map(|_| HashMap::default()).collect(),
            chains: vec![Vec::new(); banding.bands],
            banding,
            opts,
            articles: Vec::new(),
            passages: Vec::new(),
            shingles: Vec::new(),
            bounds: vec![0],
            rep: Vec::new(),
            by_set: HashMap::default(),
            copies: HashMap::default(),
            pairs: Vec::new(),
            candidates: 0,
            seen_passages: 0,
        })
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The number of articles held.
    pub fn articles(&self) -> usize {
        self.articles.len()
    }

    /// The number of passages held (those with at least `min_words` words).
    pub fn passages(&self) -> usize {
        self.passages.len()
    }

    /// Adds a batch of articles. Their passages are shingled and signed in parallel, then
    /// matched against everything held and each other, in input order.
    pub fn add<A: Into<Arc<Article>>>(&mut self, articles: impl IntoIterator<Item = A>) {
        let first = self.articles.len();
        let batch: Vec<Arc<Article>> = articles.into_iter().map(Into::into).collect();
        let prepared: Vec<Vec<Prepared>> = batch
            .par_iter()
            .enumerate()
            .map_init(
                || (Shingler::default(), Vec::new()),
                |(shingler, sig), (i, a)| self.prepare(a, (first + i) as u32, shingler, sig),
            )
            .collect();
        self.articles.extend(batch);
        let mut found: Vec<(u32, u32)> = Vec::new();
        for p in prepared.into_iter().flatten() {
            self.seen_passages += 1;
            self.insert(p, &mut found);
        }
        self.candidates += found.len() as u64;
        let verified: Vec<RepPair> = found
            .par_iter()
            .filter_map(|&(a, b)| self.verify(a, b))
            .collect();
        self.pairs.extend(verified);
    }

    /// Shingles, signs and bands the passages of one article.
    fn prepare(
        &self,
        a: &Article,
        article: u32,
        shingler: &mut Shingler,
        sig: &mut Vec<u32>,
    ) -> Vec<Prepared> {
        let mut out = Vec::new();
        for (block, span, pieces) in passages_of(a, &self.opts) {
            let mut set = Vec::new();
            let words = shingler.shingle(
                pieces.iter().map(|s| s.slice(&a.text)),
                self.opts.shingles,
                &mut set,
            );
            if set.is_empty() || words < self.opts.min_words {
                continue;
            }
            let set_hash = set
                .iter()
                .fold(mix64(set.len() as u64), |h, &x| mix64(h ^ x));
            let mut keys = Vec::with_capacity(self.banding.bands);
            self.perms.signature(&set, sig);
            band_keys(sig, self.banding, &mut keys);
            out.push(Prepared {
                passage: PassageRef {
                    article,
                    block: block.map(|b| b as u32),
                    span,
                },
                shingles: set,
                set_hash,
                keys,
            });
        }
        out
    }

    /// Holds one prepared passage; candidate pairs with earlier passages go to `found`.
    fn insert(&mut self, p: Prepared, found: &mut Vec<(u32, u32)>) {
        let id = self.passages.len() as u32;
        self.passages.push(p.passage);
        self.shingles.extend_from_slice(&p.shingles);
        self.bounds.push(self.shingles.len());
        for chain in &mut self.chains {
            chain.push(NONE);
        }
        let same = self.by_set.get(&p.set_hash).and_then(|firsts| {
            firsts
                .iter()
                .copied()
                .find(|&f| self.set(f as usize) == p.shingles.as_slice())
        });
        if let Some(first) = same {
            self.rep.push(first);
            self.copies.entry(first).or_default().push(id);
            return;
        }
        self.rep.push(id);
        self.by_set.entry(p.set_hash).or_default().push(id);
        let start = found.len();
        for (band, &key) in p.keys.iter().enumerate() {
            let mut q = match self.heads[band].insert(key, id) {
                Some(head) => head,
                None => continue,
            };
            self.chains[band][id as usize] = q;
            while q != NONE {
                found.push((q, id));
                q = self.chains[band][q as usize];
            }
        }
        let mine = &mut found[start..];
        mine.sort_unstable();
        let unique = dedup_sorted(mine);
        found.truncate(start + unique);
    }

    /// The shingle set of passage `i`.
    fn set(&self, i: usize) -> &[u64] {
        // `bounds` has one more entry than there are passages, so both indices exist.
        &self.shingles[self.bounds[i]..self.bounds[i + 1]]
    }

    /// The pair's scores when its Jaccard similarity reaches the threshold.
    fn verify(&self, a: u32, b: u32) -> Option<RepPair> {
        let (x, y) = (self.set(a as usize), self.set(b as usize));
        // A pair whose sizes differ too much cannot reach the threshold.
        let (small, large) = (x.len().min(y.len()), x.len().max(y.len()));
        if (small as f64) < self.opts.threshold * large as f64 - 1e-9 {
            return None;
        }
        let shared = intersection(x, y);
        let jaccard = shared as f64 / (large + small - shared) as f64;
        (jaccard >= self.opts.threshold).then(|| RepPair {
            a,
            b,
            jaccard,
            containment: shared as f64 / small as f64,
        })
    }

    /// The passages held that `text` duplicates (Jaccard at least the threshold), most
    /// similar first, then in input order. Containment is not searched here: it is found
    /// when the clusters are made ([`Deduper::result`]).
    pub fn query(&self, text: &str) -> Vec<Match> {
        let mut set = Vec::new();
        let words = Shingler::default().shingle([text], self.opts.shingles, &mut set);
        if set.is_empty() || words < self.opts.min_words {
            return Vec::new();
        }
        let mut sig = Vec::new();
        let mut keys = Vec::new();
        self.perms.signature(&set, &mut sig);
        band_keys(&sig, self.banding, &mut keys);
        let mut firsts: Vec<u32> = Vec::new();
        for (band, key) in keys.iter().enumerate() {
            let mut q = self.heads[band].get(key).copied().unwrap_or(NONE);
            while q != NONE {
                firsts.push(q);
                q = self.chains[band][q as usize];
            }
        }
        firsts.sort_unstable();
        firsts.dedup();
        let mut out = Vec::new();
        for f in firsts {
            let held = self.set(f as usize);
            let shared = intersection(held, &set);
            let j = shared as f64 / (held.len() + set.len() - shared) as f64;
            if j < self.opts.threshold {
                continue;
            }
            let c = shared as f64 / held.len().min(set.len()) as f64;
            let copies = self.copies.get(&f).map_or(&[][..], Vec::as_slice);
            for &i in std::iter::once(&f).chain(copies) {
                out.push(Match {
                    passage: i as usize,
                    similarity: j,
                    containment: c,
                });
            }
        }
        out.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.passage.cmp(&b.passage))
        });
        out
    }

    /// True when `text` duplicates a passage held ([`Deduper::query`] is not empty).
    pub fn is_duplicate(&self, text: &str) -> bool {
        !self.query(text).is_empty()
    }

    /// The clusters of everything held so far.
    pub fn result(&self) -> Dedup {
        let mut pairs = self.pairs.clone();
        if let Some(c) = self.opts.containment {
            let firsts: Vec<u32> = (0..self.passages.len() as u32)
                .filter(|&i| self.rep[i as usize] == i)
                .collect();
            let sets: Vec<&[u64]> = firsts.iter().map(|&i| self.set(i as usize)).collect();
            for p in all_pairs(&sets, self.opts.threshold, Some(c)) {
                pairs.push(RepPair {
                    a: firsts[p.a as usize],
                    b: firsts[p.b as usize],
                    jaccard: p.jaccard,
                    containment: p.containment,
                });
            }
        }
        pairs.sort_unstable_by_key(|p| (p.a, p.b));
        pairs.dedup_by_key(|p| (p.a, p.b));
        let stats = Stats {
            articles: self.articles.len(),
            passages: self.passages.len(),
            candidates: self.candidates,
            banding: self.banding,
            ..Stats::default()
        };
        result::build(result::Parts {
            opts: &self.opts,
            articles: self.articles.clone(),
            passages: &self.passages,
            rep: &self.rep,
            copies: &self.copies,
            rep_pairs: pairs,
            set: &|i| self.set(i),
            stats,
        })
    }
}

/// Moves the distinct values of a sorted slice to its front and returns how many there are.
fn dedup_sorted<T: PartialEq + Copy>(v: &mut [T]) -> usize {
    if v.is_empty() {
        return 0;
    }
    let mut w = 1;
    for r in 1..v.len() {
        if v[r] != v[w - 1] {
            v[w] = v[r];
            w += 1;
        }
    }
    w
}

/// Parses and holds raw texts: each `(id, text)` is one article.
impl Deduper {
    /// Adds texts as articles, each parsed with [`article::parse_document`] under its id.
    pub fn add_texts<I, S>(&mut self, texts: impl IntoIterator<Item = (I, S)>)
    where
        I: Into<String>,
        S: Into<String>,
    {
        let docs: Vec<article::Document> = texts
            .into_iter()
            .map(|(id, text)| article::Document {
                id: id.into(),
                text: text.into(),
                ..article::Document::default()
            })
            .collect();
        self.add(article::parse_batch(docs));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_sorted_keeps_distinct() {
        let mut v = [1, 1, 2, 3, 3, 3, 4];
        let n = dedup_sorted(&mut v);
        assert_eq!(&v[..n], &[1, 2, 3, 4]);
    }
}
