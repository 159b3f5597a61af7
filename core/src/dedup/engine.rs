//! The engine: shingles, exact grouping, MinHash LSH and verification, incrementally.
#![allow(
    clippy::indexing_slicing,
    reason = "passage ids, chunk rows and chain links are assigned by the engine itself and index the arrays it sized for them; no input value is ever an index"
)]

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard};

use rayon::prelude::*;

use super::exact::{all_pairs, intersection};
use super::minhash::{BandKeys, Banding, Permutations};
use super::result::{self, Dedup, Passage, PassageRef, RepPair, Stats};
use super::shingle::{Shingler, mix64};
use super::{IdBuildHasher, Options, PassageSpec, passages_of};
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
/// assert!(d.passage(found[0].passage).unwrap().text().starts_with("Officials are eyeing"));
/// assert!(d.query("Something else entirely, said nobody at all.").is_empty());
/// # Ok::<(), copydesk::Error>(())
/// ```
pub struct Deduper {
    opts: Options,
    banding: Banding,
    perms: Permutations,
    band_keys: BandKeys,
    articles: Vec<Arc<Article>>,
    passages: Vec<PassageRef>,
    /// The shingle sets, in the runs in which they were made (moved, not copied):
    /// passage `i`'s set is `runs[at[i].run][at[i].start..at[i].end]`.
    runs: Vec<Vec<u64>>,
    at: Vec<SetAt>,
    /// The first passage with the same shingle set (itself when it is the first).
    rep: Vec<u32>,
    /// First passages by the hash of their shingle set.
    by_set: HashMap<u64, u32, IdBuildHasher>,
    /// Further first passages whose different sets share a hash (about never: 2⁻⁶⁴).
    by_set_more: HashMap<u64, Vec<u32>, IdBuildHasher>,
    /// The later passages with the same shingle set as a first one.
    copies: HashMap<u32, Vec<u32>, IdBuildHasher>,
    /// The LSH index and the pairs it found. A lock only so that `query` and `result`,
    /// which take `&self`, can index the passages still waiting; `add` reaches it
    /// without locking.
    index: RwLock<Index>,
}

/// The LSH index of the passages with a new shingle set, and the verified pairs found
/// among them.
///
/// Passages wait in `pending` until an answer is asked for ([`Deduper::query`],
/// [`Deduper::result`]); then they are inserted band by band, each band's table sized once
/// for all of them and kept in cache for many inserts, however small the batches that
/// `add` was given. The candidates of a passage are the passages before it in input order
/// that share a band key, so when they are indexed changes nothing found.
#[derive(Default)]
struct Index {
    /// Per band: the last passage inserted under each key, and, per passage, the one
    /// inserted before it under the same key.
    bands: Vec<Band>,
    /// The passages waiting, in runs of consecutive ones, in input order.
    pending: Vec<KeyRun>,
    /// Verified pairs of first passages, `a < b`.
    pairs: Vec<RepPair>,
    candidates: u64,
}

/// The band keys of consecutive passages `first..first + len`, band by band: band `b`'s
/// keys are `keys[b * len..(b + 1) * len]`. Exact copies among them are not indexed.
struct KeyRun {
    first: u32,
    len: usize,
    keys: Vec<u32>,
}

impl KeyRun {
    /// The passages of the run and their keys in band `b`.
    fn band(&self, b: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        let keys = self
            .keys
            .get(b * self.len..(b + 1) * self.len)
            .unwrap_or(&[]);
        (self.first..).zip(keys.iter().copied())
    }
}

impl Index {
    fn new(bands: usize) -> Index {
        Index {
            bands: (0..bands).map(|_| Band::default()).collect(),
            ..Index::default()
        }
    }
}

/// One band of the LSH index. Keys are 32 bits: two unrelated passages share one by chance
/// with probability 2⁻³², which only adds a candidate that verification then drops.
#[derive(Default)]
struct Band {
    heads: HashMap<u32, u32, IdBuildHasher>,
    chain: Vec<u32>,
}

impl Band {
    /// Holds `id` under `key`, linked to the passage held there before it; adds to
    /// `candidates` a pair of each passage held there before and `id`.
    fn insert(&mut self, key: u32, id: u32, candidates: &mut Vec<(u32, u32)>) {
        if let Some(q) = self.heads.insert(key, id) {
            // `chain` has an entry for every passage held, `id` included.
            self.chain[id as usize] = q;
            candidates.extend(self.walk(q).map(|p| (p, id)));
        }
    }

    /// The chain of passages from `q` on.
    fn walk(&self, mut q: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::from_fn(move || {
            let here = q;
            (here != NONE).then(|| {
                q = self.chain[here as usize];
                here
            })
        })
    }

    /// The passages held under `key`, latest first.
    fn under(&self, key: u32) -> impl Iterator<Item = u32> + '_ {
        self.walk(self.heads.get(&key).copied().unwrap_or(NONE))
    }
}

/// Where a passage's shingle set is kept.
#[derive(Clone, Copy)]
struct SetAt {
    run: u32,
    start: u32,
    end: u32,
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

/// Passages ready to be held, for a run of consecutive articles: where each is, its
/// shingle set and its band keys, in flat buffers (few allocations for many passages).
#[derive(Default)]
struct Chunk {
    passages: Vec<PassageRef>,
    /// The shingle sets one after another; passage `i` ends at `ends[i]`.
    shingles: Vec<u64>,
    ends: Vec<u32>,
    set_hashes: Vec<u64>,
    /// `bands` keys per passage, passage by passage while the chunk is made, then band by
    /// band ([`Chunk::keys_by_band`]).
    keys: Vec<u32>,
}

impl Chunk {
    /// A chunk for `articles` articles of `bytes` bytes: room for about as many passages
    /// and shingles as they will give (a word and its space take about six bytes).
    fn with_capacity(articles: usize, bytes: usize, bands: usize) -> Chunk {
        let words = bytes / 6;
        Chunk {
            passages: Vec::with_capacity(articles),
            shingles: Vec::with_capacity(words),
            ends: Vec::with_capacity(articles),
            set_hashes: Vec::with_capacity(articles),
            keys: Vec::with_capacity(articles * bands),
        }
    }

    /// Turns `keys` from passage by passage to band by band (in cache: a chunk is small),
    /// so that indexing reads each band's keys in one run.
    fn keys_by_band(&mut self, bands: usize) {
        let n = self.passages.len();
        let mut by_band = vec![0u32; self.keys.len()];
        for (i, keys) in self.keys.chunks_exact(bands).enumerate() {
            for (b, &key) in keys.iter().enumerate() {
                // `keys` holds `bands` keys for each of the `n` passages.
                by_band[b * n + i] = key;
            }
        }
        self.keys = by_band;
    }
}

/// Articles are prepared this many at a time, each run on one thread.
const CHUNK: usize = 64;

/// Buffers reused from passage to passage.
#[derive(Default)]
pub(crate) struct Scratch {
    shingler: Shingler,
    specs: Vec<PassageSpec>,
    pieces: Vec<crate::text::Span>,
    set: Vec<u64>,
    sig: Vec<u32>,
    keys: Vec<u32>,
}

/// What shingles, signs and bands passages: the options and the hash functions they fix.
pub(crate) struct Signer<'o> {
    pub opts: &'o Options,
    pub perms: &'o Permutations,
    pub band_keys: &'o BandKeys,
}

impl Signer<'_> {
    /// Calls `each` with every passage of `a` (article number `article`) that is compared:
    /// where it is, its shingle set, the hash of the set and its band keys.
    pub(crate) fn sign(
        &self,
        a: &Article,
        article: u32,
        scratch: &mut Scratch,
        mut each: impl FnMut(PassageRef, &[u64], u64, &[u32]),
    ) {
        scratch.specs.clear();
        scratch.pieces.clear();
        passages_of(a, self.opts, &mut scratch.specs, &mut scratch.pieces);
        for spec in &scratch.specs {
            // `passages_of` gives piece ranges within `pieces`.
            let pieces = &scratch.pieces[spec.pieces.clone()];
            let words = scratch.shingler.shingle(
                pieces.iter().map(|s| s.slice(&a.text)),
                self.opts.shingles,
                &mut scratch.set,
            );
            let set = &scratch.set;
            if set.is_empty() || words < self.opts.min_words {
                continue;
            }
            let passage = PassageRef {
                article,
                block: spec.block.map(|b| b as u32),
                span: spec.span,
            };
            self.perms.signature(set, &mut scratch.sig);
            scratch.keys.clear();
            self.band_keys.keys(&scratch.sig, &mut scratch.keys);
            each(passage, set, set_hash(set), &scratch.keys);
        }
    }
}

/// The hash that groups identical shingle sets. The shingle hashes are random already:
/// their sum tells sets apart (and equal hashes are compared as sets before they count as
/// equal).
pub(crate) fn set_hash(set: &[u64]) -> u64 {
    let sum = set.iter().fold(0u64, |h, &x| h.wrapping_add(x));
    mix64(sum ^ set.len() as u64)
}

/// Jaccard similarity and containment of two shingle sets, when the Jaccard similarity
/// reaches `threshold`.
pub(crate) fn scores_at_least(x: &[u64], y: &[u64], threshold: f64) -> Option<(f64, f64)> {
    // A pair whose sizes differ too much cannot reach the threshold.
    let (small, large) = (x.len().min(y.len()), x.len().max(y.len()));
    if (small as f64) < threshold * large as f64 - 1e-9 {
        return None;
    }
    let shared = intersection(x, y);
    let jaccard = shared as f64 / (large + small - shared) as f64;
    (jaccard >= threshold).then(|| (jaccard, shared as f64 / small as f64))
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
            index: RwLock::new(Index::new(banding.bands)),
            band_keys: BandKeys::new(banding, opts.seed),
            banding,
            opts,
            articles: Vec::new(),
            passages: Vec::new(),
            runs: Vec::new(),
            at: Vec::new(),
            rep: Vec::new(),
            by_set: HashMap::default(),
            by_set_more: HashMap::default(),
            copies: HashMap::default(),
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

    /// Passage `index` (from [`Match::passage`]), or `None` when there is no such passage.
    pub fn passage(&self, index: usize) -> Option<Passage<'_>> {
        let p = self.passages.get(index)?;
        let article_index = p.article as usize;
        Some(Passage {
            index,
            article: self.articles.get(article_index)?,
            article_index,
            block: p.block.map(|b| b as usize),
            span: p.span,
        })
    }

    /// Adds a batch of articles. Their passages are shingled and signed in parallel, and
    /// exact copies grouped at once; near-duplicates are matched against everything held
    /// when an answer is next asked for ([`Deduper::query`], [`Deduper::result`]), all
    /// the batches added since in one pass.
    pub fn add<A: Into<Arc<Article>>>(&mut self, articles: impl IntoIterator<Item = A>) {
        let first = self.articles.len();
        let batch: Vec<Arc<Article>> = articles.into_iter().map(Into::into).collect();
        let chunks: Vec<Chunk> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map_init(Scratch::default, |scratch, (c, articles)| {
                let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
                let mut chunk = Chunk::with_capacity(articles.len(), bytes, self.banding.bands);
                for (k, a) in articles.iter().enumerate() {
                    let index = (first + c * CHUNK + k) as u32;
                    self.prepare(a, index, &mut chunk, scratch);
                }
                chunk.keys_by_band(self.banding.bands);
                chunk
            })
            .collect();
        self.articles.extend(batch);
        let incoming: usize = chunks.iter().map(|c| c.passages.len()).sum();
        self.rep.reserve(incoming);
        self.passages.reserve(incoming);
        self.at.reserve(incoming);
        // Exact copies first, in input order; the band keys wait for the LSH index.
        let mut pending = Vec::with_capacity(chunks.len());
        for chunk in chunks {
            let run = self.runs.len() as u32;
            self.runs.push(chunk.shingles);
            let first = self.passages.len() as u32;
            let mut start = 0;
            for (i, &end) in chunk.ends.iter().enumerate() {
                let at = SetAt { run, start, end };
                self.hold(chunk.passages[i], at, chunk.set_hashes[i]);
                start = end;
            }
            pending.push(KeyRun {
                first,
                len: chunk.ends.len(),
                keys: chunk.keys,
            });
        }
        let index = self.index.get_mut().unwrap_or_else(PoisonError::into_inner);
        index.pending.append(&mut pending);
    }

    /// Indexes the passages waiting (but exact copies), and verifies their candidates.
    fn flush(&self, index: &mut Index) {
        let pending = std::mem::take(&mut index.pending);
        let waiting: usize = pending.iter().map(|r| r.len).sum();
        let fresh = |id: u32| self.rep.get(id as usize) == Some(&id);
        // Band by band (each band's table stays in cache), bands in parallel; within a
        // band, passages in input order. Each passage inserted meets the earlier ones that
        // share its key: its candidates.
        let total = self.passages.len();
        let mut candidates: Vec<(u32, u32)> = index
            .bands
            .par_iter_mut()
            .enumerate()
            .map(|(b, band)| {
                band.chain.resize(total, NONE);
                band.heads.reserve(waiting);
                let mut found = Vec::new();
                for run in &pending {
                    for (id, key) in run.band(b).filter(|&(id, _)| fresh(id)) {
                        band.insert(key, id, &mut found);
                    }
                }
                found
            })
            .flatten()
            .collect();
        drop(pending);
        // A pair that shares many bands is verified once.
        candidates.par_sort_unstable();
        candidates.dedup();
        let verified: Vec<RepPair> = candidates
            .par_iter()
            .filter_map(|&(a, b)| self.verify(a, b))
            .collect();
        index.candidates += candidates.len() as u64;
        index.pairs.extend(verified);
    }

    /// The index with every passage held in it.
    fn index(&self) -> RwLockReadGuard<'_, Index> {
        {
            let index = self.index.read().unwrap_or_else(PoisonError::into_inner);
            if index.pending.is_empty() {
                return index;
            }
        }
        {
            let mut index = self.index.write().unwrap_or_else(PoisonError::into_inner);
            if !index.pending.is_empty() {
                self.flush(&mut index);
            }
        }
        self.index.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Shingles, signs and bands the passages of one article into `chunk`.
    fn prepare(&self, a: &Article, article: u32, chunk: &mut Chunk, scratch: &mut Scratch) {
        let signer = Signer {
            opts: &self.opts,
            perms: &self.perms,
            band_keys: &self.band_keys,
        };
        signer.sign(a, article, scratch, |passage, set, set_hash, keys| {
            chunk.passages.push(passage);
            chunk.set_hashes.push(set_hash);
            chunk.shingles.extend_from_slice(set);
            chunk.ends.push(chunk.shingles.len() as u32);
            chunk.keys.extend_from_slice(keys);
        });
    }

    /// Holds a passage and its shingle set, as a copy of the first earlier passage with
    /// exactly the same set if there is one.
    fn hold(&mut self, passage: PassageRef, at: SetAt, set_hash: u64) {
        let id = self.passages.len() as u32;
        self.passages.push(passage);
        self.at.push(at);
        let set = self.set(id as usize);
        let firsts = self.by_set.get(&set_hash).into_iter().chain(
            self.by_set_more
                .get(&set_hash)
                .map_or(&[][..], Vec::as_slice),
        );
        let same = firsts.copied().find(|&f| self.set(f as usize) == set);
        if let Some(first) = same {
            self.rep.push(first);
            self.copies.entry(first).or_default().push(id);
            return;
        }
        self.rep.push(id);
        match self.by_set.entry(set_hash) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.by_set_more.entry(set_hash).or_default().push(id);
            }
        }
    }

    /// The shingle set of passage `i`.
    fn set(&self, i: usize) -> &[u64] {
        // `at` holds every passage's place, and every place is within its run.
        let at = self.at[i];
        &self.runs[at.run as usize][at.start as usize..at.end as usize]
    }

    /// The pair's scores when its Jaccard similarity reaches the threshold.
    fn verify(&self, a: u32, b: u32) -> Option<RepPair> {
        let (x, y) = (self.set(a as usize), self.set(b as usize));
        scores_at_least(x, y, self.opts.threshold).map(|(jaccard, containment)| RepPair {
            a,
            b,
            jaccard,
            containment,
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
        self.band_keys.keys(&sig, &mut keys);
        let index = self.index();
        let mut firsts: Vec<u32> = keys
            .iter()
            .zip(&index.bands)
            .flat_map(|(&key, band)| band.under(key))
            .collect();
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
        let index = self.index();
        let pairs = with_containment(index.pairs.clone(), &self.rep, |i| self.set(i), &self.opts);
        let stats = Stats {
            articles: self.articles.len(),
            passages: self.passages.len(),
            candidates: index.candidates,
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

/// The verified pairs of representatives, with the pairs of one mostly contained in the
/// other added when `opts` asks for containment, sorted and each once: what clusters are
/// built from, by the in-memory engine and by the persisted index alike.
pub(super) fn with_containment<'s>(
    mut pairs: Vec<RepPair>,
    rep: &[u32],
    set: impl Fn(usize) -> &'s [u64],
    opts: &Options,
) -> Vec<RepPair> {
    if let Some(c) = opts.containment {
        let firsts: Vec<u32> = (0..rep.len() as u32)
            .filter(|&i| rep[i as usize] == i)
            .collect();
        let sets: Vec<&[u64]> = firsts.iter().map(|&i| set(i as usize)).collect();
        for p in all_pairs(&sets, opts.threshold, Some(c)) {
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
    pairs
}
