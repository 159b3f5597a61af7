//! A persisted, incremental dedup index: [`Index`] (its documentation has the format).
#![allow(
    clippy::indexing_slicing,
    reason = "passage, article and band numbers are assigned by the index itself and index the arrays it filled in the same step; bytes read from disk are decoded by the checked Reader"
)]

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::engine::{Scratch, Signer, scores_at_least, set_hash, with_containment};
use super::exact::intersection;
use super::minhash::{BandKeys, Banding, Permutations};
use super::result::{self, PassageRef, RepPair, Stats};
use super::shingle::{Shingler, mix64};
use super::{IdBuildHasher, Level, Options, Shingles, kind_named};
use crate::article::{Article, Published};
use crate::error::{Error, ErrorKind, Result};
use crate::text::{CharOffsets, Span};

/// The version of the on-disk format this code writes and reads.
pub const INDEX_FORMAT_VERSION: u32 = 1;

const MAGIC: &[u8; 8] = b"CDESKIDX";
const SEGMENT_KIND: u32 = 1;
const MANIFEST: &str = "MANIFEST";
const LOCK: &str = "LOCK";
const NONE: u32 = u32::MAX;

/// An article held by an index: what is kept of it.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexedArticle {
    /// The article's id.
    pub id: String,
    /// Where it came from (a path, `path:line`).
    pub source: String,
    /// Its publication date, when known.
    pub published: Option<Published>,
}

/// A passage held by an index, or one of a batch being added or queried.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexPassage {
    /// The passage's number in the index (passages are numbered in the order added).
    pub index: usize,
    /// Its article.
    pub article: Arc<IndexedArticle>,
    /// Its block in the article (`None` at article level).
    pub block: Option<usize>,
    /// Its byte span in the article's text.
    pub span: Span,
    /// Its span in characters (Unicode code points), as the command line and Python give it.
    pub chars: (usize, usize),
    /// Its text: for the passages of the batch, and for those held when the index stores
    /// texts.
    pub text: Option<String>,
    /// True for a passage of the batch just added or queried.
    pub new: bool,
}

/// A member of an [`IndexCluster`].
#[derive(Clone, Debug, PartialEq)]
pub struct IndexMember {
    /// The passage.
    pub passage: IndexPassage,
    /// Jaccard similarity to the canonical passage (1 for itself).
    pub similarity: f64,
    /// Containment of the smaller of it and the canonical passage in the larger.
    pub containment: f64,
}

/// A cluster of the whole index (with the batch), as [`super::Cluster`] gives it for one
/// run: the canonical passage first, then the others in input order.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexCluster {
    /// The cluster's number among all the clusters of the index with the batch, in the
    /// input order of their first passage.
    pub id: usize,
    /// Every member, the canonical passage first.
    pub members: Vec<IndexMember>,
}

impl IndexCluster {
    /// The canonical passage: the earliest published, then the first in input order.
    pub fn canonical(&self) -> Option<&IndexPassage> {
        self.members.first().map(|m| &m.passage)
    }
}

/// What [`Index::add`] and [`Index::query`] answer: the clusters that hold a passage of the
/// batch, with counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexReport {
    /// The clusters with at least one passage of the batch, in cluster order.
    pub clusters: Vec<IndexCluster>,
    /// Articles in the batch.
    pub articles: usize,
    /// Passages of the batch compared.
    pub passages: usize,
    /// Passages of the batch that duplicate a passage held or an earlier one of the batch
    /// (members of a cluster that are not its canonical passage).
    pub duplicates: usize,
    /// Whether the scores include containment.
    pub containment: bool,
}

/// A passage held that a queried text duplicates.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexMatch {
    /// The passage held.
    pub passage: IndexPassage,
    /// Jaccard similarity of the shingle sets.
    pub similarity: f64,
    /// Containment of the smaller set in the larger.
    pub containment: f64,
}

/// Counts that describe an index.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexStats {
    /// The format version of the index on disk.
    pub version: u32,
    /// Articles held.
    pub articles: usize,
    /// Passages held.
    pub passages: usize,
    /// Passages whose shingle set repeats an earlier one's exactly.
    pub exact_copies: usize,
    /// Verified pairs between distinct shingle sets.
    pub pairs: usize,
    /// Segments (one per `add` since the last `compact`).
    pub segments: usize,
    /// Bytes on disk of the manifest and segments.
    pub bytes: u64,
    /// The manifest's generation: how many writes the index has had.
    pub generation: u64,
    /// Whether passage texts are stored.
    pub store_text: bool,
}

/// A persisted, incremental dedup index: articles are added in batches, each `add` answers
/// which of the new passages duplicate anything held (earlier batches included), and the
/// index stays on disk between runs.
///
/// # On disk
///
/// An index is a directory:
///
/// - `MANIFEST`: the current state. Its first line is `copydesk-index <version>
///   <checksum>`, the rest a JSON object: the matching options (fixed when the index was
///   created), whether passage texts are stored, a generation number, and the list of
///   segments with the byte length and checksum of each.
/// - `seg-NNNNNNNN.cdx`: segments, one per `add` (or one for all after `compact` or
///   `remove`), never changed once written. A segment starts with a 32-byte header: the
///   magic `CDESKIDX`, the format version (u32), the segment kind (u32, 1), the length of
///   the body (u64) and its checksum (u64); the body holds, little-endian, the segment's
///   articles (id, source, publication date), its passages (article, block, byte and
///   character spans, the shingle set, the first earlier passage with the same set, the
///   text when stored), the band keys of the passages with a new set, and the verified
///   pairs found when the segment was added.
/// - `LOCK`: locked (an advisory file lock) by the one process writing.
///
/// A checksum is 64 bits: each 8-byte little-endian word of the data (the last padded
/// with zeros) mixed into the running value by a SplitMix64 finalizer.
///
/// # Guarantees
///
/// - Writes are atomic: a new segment is written to a temporary file, synced and renamed;
///   then a new `MANIFEST` is written the same way, and the rename is the switch. A process
///   killed at any point leaves the manifest of before (segments it wrote but did not
///   switch to are ignored, and removed by the next writer).
/// - Readers take no lock: any number can read while one process writes. A second writer
///   gets an error naming the directory.
/// - The clusters are those of one [`super::dedupe`] over every article ever added, in the
///   order added (removed articles left out), with the same canonical passages: the index
///   keeps each passage's shingle set, its exact-copy link and the verified pairs, and
///   matches a new passage with the same band keys and the same exact verification.
///
/// Opening an index reads its segments into memory (about the shingle sets plus 60 bytes a
/// passage, plus the LSH tables); `compact` merges the segments into one.
///
/// # Example
///
/// ```
/// use copydesk::article;
/// use copydesk::dedup::{Index, Options};
///
/// let dir = tempfile::tempdir()?;
/// let mut index = Index::create(dir.path(), &Options::default(), false)?;
/// index.add(vec![article::parse("Officials are eyeing late May or June for the summit to take place.")])?;
/// drop(index);
///
/// let mut index = Index::open_writer(dir.path())?;
/// let report = index.add(vec![article::parse(
///     "Officials are eyeing late May or June for the summit to take place on Monday.",
/// )])?;
/// assert_eq!(report.clusters.len(), 1);
/// let canonical = report.clusters[0].canonical().unwrap();
/// assert!(!canonical.new && canonical.text.is_none());   // held, its text not stored
/// assert_eq!(Index::open(dir.path())?.stats().articles, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Index {
    dir: PathBuf,
    opts: Options,
    store_text: bool,
    banding: Banding,
    perms: Permutations,
    band_keys: BandKeys,
    generation: u64,
    next_segment: u64,
    segments: Vec<SegmentEntry>,
    articles: Vec<Arc<IndexedArticle>>,
    passages: Vec<Held>,
    /// Passage `i`'s shingle set is `sets[set_ends[i - 1]..set_ends[i]]`.
    sets: Vec<u64>,
    set_ends: Vec<u64>,
    /// The first passage with the same shingle set (itself when it is the first).
    rep: Vec<u32>,
    /// First passages by the hash of their set.
    by_set: HashMap<u64, Vec<u32>, IdBuildHasher>,
    /// Per band: the first passages under each key, in input order.
    bands: Vec<HashMap<u32, Vec<u32>, IdBuildHasher>>,
    /// Verified pairs of first passages, `a < b`.
    pairs: Vec<RepPair>,
    /// Held while this handle may write.
    lock: Option<File>,
}

/// What is kept of a passage.
#[derive(Clone, Debug)]
struct Held {
    article: u32,
    block: Option<u32>,
    span: Span,
    chars: (u32, u32),
    text: Option<String>,
}

/// A passage shingled and signed, not yet held.
struct Prepared {
    held: Held,
    set: Vec<u64>,
    hash: u64,
    keys: Vec<u32>,
}

/// What [`Index::stage`] added in memory, so that it can be written or taken back.
struct Staged {
    articles: usize,
    passages: usize,
    pairs: usize,
    /// The band keys of the batch's passages, passage by passage.
    keys: Vec<u32>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
struct SegmentEntry {
    file: String,
    bytes: u64,
    checksum: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
struct StoredOptions {
    level: String,
    threshold: f64,
    shingle: String,
    n: usize,
    containment: Option<f64>,
    cross_only: bool,
    kinds: Vec<String>,
    min_words: usize,
    num_perm: usize,
    bands: usize,
    rows: usize,
    seed: u64,
}

impl StoredOptions {
    fn of(opts: &Options) -> StoredOptions {
        let banding = opts.banding();
        StoredOptions {
            level: opts.level.as_str().to_owned(),
            threshold: opts.threshold,
            shingle: opts.shingles.kind().to_owned(),
            n: opts.shingles.n(),
            containment: opts.containment,
            cross_only: opts.cross_only,
            kinds: opts.kinds.iter().map(|k| k.as_str().to_owned()).collect(),
            min_words: opts.min_words,
            num_perm: opts.num_perm,
            bands: banding.bands,
            rows: banding.rows,
            seed: opts.seed,
        }
    }

    fn options(&self) -> Result<Options> {
        let shingles = match self.shingle.as_str() {
            "word" => Shingles::Words(self.n),
            "char" => Shingles::Chars(self.n),
            other => return Err(invalid(format!("unknown shingle kind {other:?}"))),
        };
        let opts = Options {
            level: self.level.parse::<Level>()?,
            threshold: self.threshold,
            shingles,
            containment: self.containment,
            cross_only: self.cross_only,
            kinds: self
                .kinds
                .iter()
                .map(|k| kind_named(k))
                .collect::<Result<_>>()?,
            min_words: self.min_words,
            num_perm: self.num_perm,
            banding: Some(Banding {
                bands: self.bands,
                rows: self.rows,
            }),
            seed: self.seed,
        };
        opts.validate()?;
        Ok(opts)
    }

    /// The options that differ, as `name: held (asked: given)`.
    fn differences(&self, asked: &StoredOptions) -> Vec<String> {
        let mut out = Vec::new();
        let mut cmp = |name: &str, held: String, given: String| {
            if held != given {
                out.push(format!("{name} {held} (asked for {given})"));
            }
        };
        cmp("level", self.level.clone(), asked.level.clone());
        cmp(
            "threshold",
            self.threshold.to_string(),
            asked.threshold.to_string(),
        );
        cmp("shingle", self.shingle.clone(), asked.shingle.clone());
        cmp("n", self.n.to_string(), asked.n.to_string());
        let opt = |c: Option<f64>| c.map_or("off".to_owned(), |c| c.to_string());
        cmp("containment", opt(self.containment), opt(asked.containment));
        cmp(
            "cross_only",
            self.cross_only.to_string(),
            asked.cross_only.to_string(),
        );
        cmp("kinds", self.kinds.join(","), asked.kinds.join(","));
        cmp(
            "min_words",
            self.min_words.to_string(),
            asked.min_words.to_string(),
        );
        cmp(
            "num_perm",
            self.num_perm.to_string(),
            asked.num_perm.to_string(),
        );
        cmp(
            "banding",
            format!("{}x{}", self.bands, self.rows),
            format!("{}x{}", asked.bands, asked.rows),
        );
        cmp("seed", self.seed.to_string(), asked.seed.to_string());
        out
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    generation: u64,
    options: StoredOptions,
    store_text: bool,
    next_segment: u64,
    segments: Vec<SegmentEntry>,
}

impl Index {
    /// Opens the index in `dir` for reading (no lock is taken; any number of readers can
    /// share an index with one writer).
    ///
    /// # Errors
    ///
    /// No index there, an index of another format version, or a damaged file.
    pub fn open(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        // A writer may replace the segments between reading the manifest and reading
        // them (compaction deletes the old ones): read again from the new manifest.
        let mut tries = 0;
        loop {
            match Index::load(dir) {
                Err(e) if tries < 5 && is_not_found(&e) && dir.join(MANIFEST).exists() => {
                    tries += 1;
                }
                other => return other,
            }
        }
    }

    /// Opens the index in `dir` for writing: as [`Index::open`], and takes the writer's
    /// lock, held until the index is dropped.
    ///
    /// # Errors
    ///
    /// As [`Index::open`], or another process is writing to the index.
    pub fn open_writer(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        let lock = take_lock(dir)?;
        let mut index = Index::open(dir)?;
        index.lock = Some(lock);
        index.remove_unused()?;
        Ok(index)
    }

    /// Creates an index in `dir` with these matching options (the directory is made if
    /// needed), or opens the one there for writing when its options are the same.
    /// `store_text` keeps each passage's text in the index, so that answers can show the
    /// text of passages held.
    ///
    /// # Errors
    ///
    /// An invalid option; an index there whose options differ (the message says what the
    /// index holds); another process writing; a file that cannot be written.
    pub fn create(dir: impl AsRef<Path>, opts: &Options, store_text: bool) -> Result<Index> {
        let dir = dir.as_ref();
        opts.validate()?;
        if dir.join(MANIFEST).exists() {
            let index = Index::open_writer(dir)?;
            let (held, asked) = (StoredOptions::of(&index.opts), StoredOptions::of(opts));
            let mut diff = held.differences(&asked);
            if index.store_text != store_text {
                diff.push(format!(
                    "store_text {} (asked for {store_text})",
                    index.store_text
                ));
            }
            if !diff.is_empty() {
                return Err(index_error(
                    dir,
                    format!(
                        "the index was made with {}; use those options, or make a new index in another directory",
                        diff.join(", ")
                    ),
                ));
            }
            return Ok(index);
        }
        fs::create_dir_all(dir).map_err(|e| Error::from(e).with_path(dir))?;
        let lock = take_lock(dir)?;
        let mut index = Index::empty(dir, opts.clone(), store_text);
        index.lock = Some(lock);
        index.write_manifest()?;
        Ok(index)
    }

    /// True when `dir` holds an index (a manifest).
    pub fn exists(dir: impl AsRef<Path>) -> bool {
        dir.as_ref().join(MANIFEST).is_file()
    }

    fn empty(dir: &Path, opts: Options, store_text: bool) -> Index {
        let banding = opts.banding();
        Index {
            dir: dir.to_owned(),
            perms: Permutations::new(opts.num_perm, opts.seed),
            band_keys: BandKeys::new(banding, opts.seed),
            banding,
            bands: (0..banding.bands).map(|_| HashMap::default()).collect(),
            opts,
            store_text,
            generation: 0,
            next_segment: 1,
            segments: Vec::new(),
            articles: Vec::new(),
            passages: Vec::new(),
            sets: Vec::new(),
            set_ends: Vec::new(),
            rep: Vec::new(),
            by_set: HashMap::default(),
            pairs: Vec::new(),
            lock: None,
        }
    }

    fn load(dir: &Path) -> Result<Index> {
        let manifest = read_manifest(dir)?;
        let opts = manifest
            .options
            .options()
            .map_err(|e| index_error(&dir.join(MANIFEST), format!("bad options: {e}")))?;
        let mut index = Index::empty(dir, opts, manifest.store_text);
        index.generation = manifest.generation;
        index.next_segment = manifest.next_segment;
        for entry in &manifest.segments {
            let path = dir.join(&entry.file);
            let bytes = fs::read(&path).map_err(|e| Error::from(e).with_path(&path))?;
            let body = check_segment(&path, &bytes, entry)?;
            index
                .decode_segment(body)
                .map_err(|why| index_error(&path, damaged(&why)))?;
        }
        index.segments = manifest.segments;
        Ok(index)
    }

    /// The matching options, fixed when the index was created.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The directory of the index.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Counts that describe the index.
    pub fn stats(&self) -> IndexStats {
        let bytes = self.segments.iter().map(|s| s.bytes).sum::<u64>()
            + fs::metadata(self.dir.join(MANIFEST)).map_or(0, |m| m.len());
        IndexStats {
            version: INDEX_FORMAT_VERSION,
            articles: self.articles.len(),
            passages: self.passages.len(),
            exact_copies: self
                .rep
                .iter()
                .enumerate()
                .filter(|&(i, &r)| r as usize != i)
                .count(),
            pairs: self.pairs.len(),
            segments: self.segments.len(),
            bytes,
            generation: self.generation,
            store_text: self.store_text,
        }
    }

    /// The articles held, in the order added.
    pub fn articles(&self) -> impl Iterator<Item = &IndexedArticle> {
        self.articles.iter().map(|a| a.as_ref())
    }

    /// Adds a batch of articles and writes it to disk (atomically: see the module
    /// documentation). The answer is the clusters of everything held with the batch that
    /// have a passage of the batch.
    ///
    /// # Errors
    ///
    /// The index was opened for reading only, or it cannot be written.
    pub fn add<A: Into<Arc<Article>>>(
        &mut self,
        articles: impl IntoIterator<Item = A>,
    ) -> Result<IndexReport> {
        self.check_writer()?;
        let batch: Vec<Arc<Article>> = articles.into_iter().map(Into::into).collect();
        let staged = self.stage(&batch);
        let report = self.report(&staged, &batch);
        if let Err(e) = self.commit(&staged) {
            self.unstage(staged);
            return Err(e);
        }
        Ok(report)
    }

    /// Answers as [`Index::add`] would, without adding: the clusters that the batch's
    /// passages would be in.
    pub fn query<A: Into<Arc<Article>>>(
        &mut self,
        articles: impl IntoIterator<Item = A>,
    ) -> IndexReport {
        let batch: Vec<Arc<Article>> = articles.into_iter().map(Into::into).collect();
        let staged = self.stage(&batch);
        let report = self.report(&staged, &batch);
        self.unstage(staged);
        report
    }

    /// The passages held that `text` duplicates (Jaccard at least the threshold), most
    /// similar first, then in input order.
    pub fn query_text(&self, text: &str) -> Vec<IndexMatch> {
        let mut set = Vec::new();
        let words = Shingler::default().shingle([text], self.opts.shingles, &mut set);
        if set.is_empty() || words < self.opts.min_words {
            return Vec::new();
        }
        let (mut sig, mut keys) = (Vec::new(), Vec::new());
        self.perms.signature(&set, &mut sig);
        self.band_keys.keys(&sig, &mut keys);
        let mut firsts: Vec<u32> = keys
            .iter()
            .zip(&self.bands)
            .filter_map(|(key, band)| band.get(key))
            .flatten()
            .copied()
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
            for i in (0..self.passages.len()).filter(|&i| self.rep[i] == f) {
                out.push(IndexMatch {
                    passage: self.passage(i, None),
                    similarity: j,
                    containment: c,
                });
            }
        }
        out.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.passage.index.cmp(&b.passage.index))
        });
        out
    }

    /// True when `text` duplicates a passage held.
    pub fn is_duplicate(&self, text: &str) -> bool {
        !self.query_text(text).is_empty()
    }

    /// Every cluster of the index, as one [`super::dedupe`] of all its articles gives them.
    pub fn clusters(&self) -> Vec<IndexCluster> {
        let staged = Staged {
            articles: 0,
            passages: 0,
            pairs: 0,
            keys: Vec::new(),
        };
        self.clusters_with(&staged, &[], true)
    }

    /// Removes the articles for which `remove` is true, and rewrites the index as if they
    /// had never been added (one segment, the pairs found again). Returns how many were
    /// removed.
    ///
    /// # Errors
    ///
    /// The index was opened for reading only, or it cannot be written.
    pub fn remove(&mut self, remove: impl Fn(&IndexedArticle) -> bool) -> Result<usize> {
        self.check_writer()?;
        let keep: Vec<bool> = self.articles.iter().map(|a| !remove(a)).collect();
        let removed = keep.iter().filter(|&&k| !k).count();
        if removed > 0 {
            self.rebuild(&keep)?;
        }
        Ok(removed)
    }

    /// Merges the segments into one and removes files no longer used.
    ///
    /// # Errors
    ///
    /// The index was opened for reading only, or it cannot be written.
    pub fn compact(&mut self) -> Result<()> {
        self.check_writer()?;
        let keep = vec![true; self.articles.len()];
        self.rebuild(&keep)
    }

    fn check_writer(&self) -> Result<()> {
        if self.lock.is_none() {
            return Err(index_error(
                &self.dir,
                "the index was opened for reading; open it for writing to change it".into(),
            ));
        }
        Ok(())
    }

    fn set(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.set_ends[i - 1] };
        &self.sets[start as usize..self.set_ends[i] as usize]
    }

    fn passage(&self, i: usize, batch: Option<(&[Arc<Article>], usize)>) -> IndexPassage {
        let p = &self.passages[i];
        let article = Arc::clone(&self.articles[p.article as usize]);
        let (text, new) = match batch {
            Some((articles, first_article)) if p.article as usize >= first_article => {
                let a = articles.get(p.article as usize - first_article);
                (a.map(|a| p.span.slice(&a.text).to_owned()), true)
            }
            _ => (p.text.clone(), false),
        };
        IndexPassage {
            index: i,
            article,
            block: p.block.map(|b| b as usize),
            span: p.span,
            chars: (p.chars.0 as usize, p.chars.1 as usize),
            text,
            new,
        }
    }

    /// Shingles and signs the batch's passages (in parallel), holds them in memory, and
    /// finds their exact copies and verified pairs.
    fn stage(&mut self, batch: &[Arc<Article>]) -> Staged {
        let first_article = self.articles.len();
        let signer = Signer {
            opts: &self.opts,
            perms: &self.perms,
            band_keys: &self.band_keys,
        };
        let store_text = self.store_text;
        let prepared: Vec<Vec<Prepared>> = batch
            .par_iter()
            .enumerate()
            .map_init(Scratch::default, |scratch, (k, a)| {
                let mut out = Vec::new();
                let chars = CharOffsets::new(&a.text);
                signer.sign(
                    a,
                    (first_article + k) as u32,
                    scratch,
                    |p, set, hash, keys| {
                        let (start, end) = chars.char_span(p.span);
                        out.push(Prepared {
                            held: Held {
                                article: p.article,
                                block: p.block,
                                span: p.span,
                                chars: (start as u32, end as u32),
                                text: store_text.then(|| p.span.slice(&a.text).to_owned()),
                            },
                            set: set.to_vec(),
                            hash,
                            keys: keys.to_vec(),
                        });
                    },
                );
                out
            })
            .collect();
        for a in batch {
            self.articles.push(Arc::new(IndexedArticle {
                id: a.id.clone(),
                source: a.source.clone(),
                published: a.published,
            }));
        }
        let before = (self.passages.len(), self.pairs.len());
        let keys = self.insert(prepared.into_iter().flatten());
        Staged {
            articles: batch.len(),
            passages: self.passages.len() - before.0,
            pairs: self.pairs.len() - before.1,
            keys,
        }
    }

    /// Holds prepared passages in order: an exact copy is linked to the first passage with
    /// its set; a new set meets, band by band, the earlier new sets with the same key, and
    /// the candidates are verified. Returns the band keys, passage by passage.
    fn insert(&mut self, prepared: impl Iterator<Item = Prepared>) -> Vec<u32> {
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        let mut all_keys = Vec::new();
        for p in prepared {
            let id = self.passages.len() as u32;
            self.sets.extend_from_slice(&p.set);
            self.set_ends.push(self.sets.len() as u64);
            self.passages.push(p.held);
            all_keys.extend_from_slice(&p.keys);
            let same = self.by_set.get(&p.hash).and_then(|firsts| {
                firsts
                    .iter()
                    .copied()
                    .find(|&f| self.set(f as usize) == p.set.as_slice())
            });
            if let Some(first) = same {
                self.rep.push(first);
                continue;
            }
            self.rep.push(id);
            self.by_set.entry(p.hash).or_default().push(id);
            for (band, &key) in self.bands.iter_mut().zip(&p.keys) {
                let under = band.entry(key).or_default();
                candidates.extend(under.iter().map(|&q| (q, id)));
                under.push(id);
            }
        }
        candidates.par_sort_unstable();
        candidates.dedup();
        let threshold = self.opts.threshold;
        let verified: Vec<RepPair> = candidates
            .par_iter()
            .filter_map(|&(a, b)| {
                scores_at_least(self.set(a as usize), self.set(b as usize), threshold).map(
                    |(jaccard, containment)| RepPair {
                        a,
                        b,
                        jaccard,
                        containment,
                    },
                )
            })
            .collect();
        self.pairs.extend(verified);
        all_keys
    }

    /// Takes back what [`Index::stage`] held.
    fn unstage(&mut self, staged: Staged) {
        let bands = self.banding.bands;
        let first = self.passages.len() - staged.passages;
        for (k, id) in (first..self.passages.len()).enumerate().rev() {
            if self.rep[id] as usize != id {
                continue;
            }
            let hash = set_hash(self.set(id));
            if let Some(firsts) = self.by_set.get_mut(&hash) {
                firsts.retain(|&f| f as usize != id);
                if firsts.is_empty() {
                    self.by_set.remove(&hash);
                }
            }
            let keys = staged.keys.get(k * bands..(k + 1) * bands).unwrap_or(&[]);
            for (band, key) in self.bands.iter_mut().zip(keys) {
                if let Some(under) = band.get_mut(key) {
                    under.retain(|&q| q as usize != id);
                    if under.is_empty() {
                        band.remove(key);
                    }
                }
            }
        }
        let sets_end = if first == 0 {
            0
        } else {
            self.set_ends[first - 1]
        };
        self.sets.truncate(sets_end as usize);
        self.set_ends.truncate(first);
        self.passages.truncate(first);
        self.rep.truncate(first);
        self.pairs.truncate(self.pairs.len() - staged.pairs);
        self.articles
            .truncate(self.articles.len() - staged.articles);
    }

    fn report(&self, staged: &Staged, batch: &[Arc<Article>]) -> IndexReport {
        let clusters = self.clusters_with(staged, batch, false);
        let duplicates = clusters
            .iter()
            .flat_map(|c| c.members.iter().skip(1))
            .filter(|m| m.passage.new)
            .count();
        IndexReport {
            clusters,
            articles: staged.articles,
            passages: staged.passages,
            duplicates,
            containment: self.opts.containment.is_some(),
        }
    }

    /// The clusters of everything held (the staged batch included), all of them or those
    /// with a passage of the batch.
    fn clusters_with(
        &self,
        staged: &Staged,
        batch: &[Arc<Article>],
        all: bool,
    ) -> Vec<IndexCluster> {
        let n = self.passages.len();
        let first_new = n - staged.passages;
        let first_article = self.articles.len() - staged.articles;
        let ghosts: Vec<Arc<Article>> = self
            .articles
            .iter()
            .map(|a| {
                Arc::new(Article {
                    id: a.id.clone(),
                    published: a.published,
                    ..crate::dedup::whole_text("", "")
                })
            })
            .collect();
        let passages: Vec<PassageRef> = self
            .passages
            .iter()
            .map(|p| PassageRef {
                article: p.article,
                block: p.block,
                span: Span::new(0, 0),
            })
            .collect();
        let mut copies: HashMap<u32, Vec<u32>, IdBuildHasher> = HashMap::default();
        for (i, &r) in self.rep.iter().enumerate() {
            if r as usize != i {
                copies.entry(r).or_default().push(i as u32);
            }
        }
        let pairs = with_containment(self.pairs.clone(), &self.rep, |i| self.set(i), &self.opts);
        let set = |i: usize| self.set(i);
        let dedup = result::build(result::Parts {
            opts: &self.opts,
            articles: ghosts,
            passages: &passages,
            rep: &self.rep,
            copies: &copies,
            rep_pairs: pairs,
            set: &set,
            stats: Stats::default(),
        });
        let batch = Some((batch, first_article));
        dedup
            .clusters()
            .iter()
            .filter(|c| all || c.members.iter().any(|m| m.passage >= first_new))
            .map(|c| IndexCluster {
                id: c.id,
                members: c
                    .members
                    .iter()
                    .map(|m| IndexMember {
                        passage: self.passage(m.passage, batch),
                        similarity: m.similarity,
                        containment: m.containment,
                    })
                    .collect(),
            })
            .collect()
    }

    /// Writes the staged batch as a new segment and switches the manifest to it.
    fn commit(&mut self, staged: &Staged) -> Result<()> {
        let first_passage = self.passages.len() - staged.passages;
        let first_article = self.articles.len() - staged.articles;
        let body = self.encode_segment(
            first_article..self.articles.len(),
            first_passage..self.passages.len(),
            self.pairs.len() - staged.pairs..self.pairs.len(),
            &staged.keys,
        );
        let entry = self.write_segment(&body)?;
        test_pause();
        let mut segments = self.segments.clone();
        segments.push(entry);
        self.switch(segments)
    }

    /// Rewrites the index from the articles kept: one segment, everything matched again.
    fn rebuild(&mut self, keep: &[bool]) -> Result<()> {
        let mut fresh = Index::empty(&self.dir, self.opts.clone(), self.store_text);
        fresh.generation = self.generation;
        fresh.next_segment = self.next_segment;
        let mut renumber = vec![NONE; self.articles.len()];
        for (i, a) in self.articles.iter().enumerate() {
            if keep[i] {
                renumber[i] = fresh.articles.len() as u32;
                fresh.articles.push(Arc::clone(a));
            }
        }
        let kept: Vec<usize> = (0..self.passages.len())
            .filter(|&i| keep[self.passages[i].article as usize])
            .collect();
        let prepared: Vec<Prepared> = kept
            .par_iter()
            .map_init(Vec::new, |sig, &i| {
                let set = self.set(i).to_vec();
                self.perms.signature(&set, sig);
                let mut keys = Vec::new();
                self.band_keys.keys(sig, &mut keys);
                let mut held = self.passages[i].clone();
                held.article = renumber[held.article as usize];
                Prepared {
                    hash: set_hash(&set),
                    held,
                    set,
                    keys,
                }
            })
            .collect();
        let keys = fresh.insert(prepared.into_iter());
        let body = fresh.encode_segment(
            0..fresh.articles.len(),
            0..fresh.passages.len(),
            0..fresh.pairs.len(),
            &keys,
        );
        let entry = fresh.write_segment(&body)?;
        fresh.lock = self.lock.take();
        std::mem::swap(self, &mut fresh);
        if let Err(e) = self.switch(vec![entry]) {
            // Back to the index as it was, which is still what the manifest says.
            fresh.lock = self.lock.take();
            std::mem::swap(self, &mut fresh);
            return Err(e);
        }
        self.remove_unused()
    }

    fn encode_segment(
        &self,
        articles: std::ops::Range<usize>,
        passages: std::ops::Range<usize>,
        pairs: std::ops::Range<usize>,
        keys: &[u32],
    ) -> Vec<u8> {
        let bands = self.banding.bands;
        let mut w = Vec::new();
        put_u64(&mut w, articles.len() as u64);
        put_u64(&mut w, passages.len() as u64);
        put_u64(&mut w, pairs.len() as u64);
        put_u32(&mut w, bands as u32);
        put_u32(&mut w, u32::from(self.store_text));
        for a in &self.articles[articles] {
            put_str(&mut w, &a.id);
            put_str(&mut w, &a.source);
            put_str(
                &mut w,
                &a.published.map(|p| p.to_string()).unwrap_or_default(),
            );
        }
        let first = passages.start;
        for i in passages.clone() {
            let p = &self.passages[i];
            put_u32(&mut w, p.article);
            put_u32(&mut w, p.block.unwrap_or(NONE));
            put_u32(&mut w, p.span.start as u32);
            put_u32(&mut w, p.span.end as u32);
            put_u32(&mut w, p.chars.0);
            put_u32(&mut w, p.chars.1);
            put_u32(&mut w, self.rep[i]);
            if self.store_text {
                put_str(&mut w, p.text.as_deref().unwrap_or(""));
            }
            let set = self.set(i);
            put_u32(&mut w, set.len() as u32);
            for &x in set {
                put_u64(&mut w, x);
            }
            if self.rep[i] as usize == i {
                let k = i - first;
                for &key in keys.get(k * bands..(k + 1) * bands).unwrap_or(&[]) {
                    put_u32(&mut w, key);
                }
            }
        }
        for p in &self.pairs[pairs] {
            put_u32(&mut w, p.a);
            put_u32(&mut w, p.b);
            put_u64(&mut w, p.jaccard.to_bits());
            put_u64(&mut w, p.containment.to_bits());
        }
        w
    }

    /// Reads a segment's body into memory, after the segments before it.
    fn decode_segment(&mut self, body: &[u8]) -> std::result::Result<(), String> {
        let mut r = Reader { bytes: body, at: 0 };
        let (articles, passages, pairs) = (r.u64()?, r.u64()?, r.u64()?);
        let bands = r.u32()? as usize;
        if bands != self.banding.bands {
            return Err(format!(
                "{bands} bands where the options say {}",
                self.banding.bands
            ));
        }
        let store_text = r.u32()? != 0;
        for _ in 0..articles {
            let id = r.string()?;
            let source = r.string()?;
            let published = r.string()?;
            let published = if published.is_empty() {
                None
            } else {
                Some(Published::parse(&published).map_err(|e| e.to_string())?)
            };
            self.articles.push(Arc::new(IndexedArticle {
                id,
                source,
                published,
            }));
        }
        for _ in 0..passages {
            let id = self.passages.len() as u32;
            let article = r.u32()?;
            if article as usize >= self.articles.len() {
                return Err(format!("passage {id} names article {article}"));
            }
            let block = Some(r.u32()?).filter(|&b| b != NONE);
            let span = Span::new(r.u32()? as usize, r.u32()? as usize);
            let chars = (r.u32()?, r.u32()?);
            let rep = r.u32()?;
            if rep > id {
                return Err(format!("passage {id} is a copy of a later one"));
            }
            let text = if store_text { Some(r.string()?) } else { None };
            let len = r.u32()? as usize;
            for _ in 0..len {
                self.sets.push(r.u64()?);
            }
            self.set_ends.push(self.sets.len() as u64);
            self.passages.push(Held {
                article,
                block,
                span,
                chars,
                text,
            });
            self.rep.push(rep);
            if rep == id {
                let hash = set_hash(self.set(id as usize));
                self.by_set.entry(hash).or_default().push(id);
                for b in 0..bands {
                    let key = r.u32()?;
                    self.bands[b].entry(key).or_default().push(id);
                }
            }
        }
        let n = self.passages.len() as u32;
        for _ in 0..pairs {
            let (a, b) = (r.u32()?, r.u32()?);
            if a >= b || b >= n {
                return Err(format!("a pair ({a}, {b}) outside the passages"));
            }
            let jaccard = f64::from_bits(r.u64()?);
            let containment = f64::from_bits(r.u64()?);
            self.pairs.push(RepPair {
                a,
                b,
                jaccard,
                containment,
            });
        }
        if r.at != body.len() {
            return Err(format!("{} bytes after the end", body.len() - r.at));
        }
        Ok(())
    }

    /// Writes a segment file (temporary name, synced, renamed) and returns its entry.
    fn write_segment(&mut self, body: &[u8]) -> Result<SegmentEntry> {
        let name = format!("seg-{:08}.cdx", self.next_segment);
        self.next_segment += 1;
        let checksum = checksum(body);
        let mut bytes = Vec::with_capacity(body.len() + 32);
        bytes.extend_from_slice(MAGIC);
        put_u32(&mut bytes, INDEX_FORMAT_VERSION);
        put_u32(&mut bytes, SEGMENT_KIND);
        put_u64(&mut bytes, body.len() as u64);
        put_u64(&mut bytes, checksum);
        bytes.extend_from_slice(body);
        write_atomic(&self.dir.join(&name), &bytes)?;
        Ok(SegmentEntry {
            file: name,
            bytes: bytes.len() as u64,
            checksum: format!("{checksum:016x}"),
        })
    }

    /// Makes `segments` the index: a new manifest, written then renamed over the old one.
    fn switch(&mut self, segments: Vec<SegmentEntry>) -> Result<()> {
        let old = std::mem::replace(&mut self.segments, segments);
        self.generation += 1;
        if let Err(e) = self.write_manifest() {
            self.segments = old;
            self.generation -= 1;
            return Err(e);
        }
        Ok(())
    }

    fn write_manifest(&self) -> Result<()> {
        let manifest = Manifest {
            format: "copydesk-index".into(),
            version: INDEX_FORMAT_VERSION,
            generation: self.generation,
            options: StoredOptions::of(&self.opts),
            store_text: self.store_text,
            next_segment: self.next_segment,
            segments: self.segments.clone(),
        };
        let body = serde_json::to_string_pretty(&manifest)
            .map_err(|e| invalid(format!("cannot write the manifest: {e}")))?;
        let text = format!(
            "copydesk-index {INDEX_FORMAT_VERSION} {:016x}\n{body}\n",
            checksum(body.as_bytes())
        );
        write_atomic(&self.dir.join(MANIFEST), text.as_bytes())
    }

    /// Deletes the files of the directory that the manifest does not use: segments of a
    /// writer killed before its switch, or replaced by a compaction, and temporary files.
    fn remove_unused(&self) -> Result<()> {
        let entries = fs::read_dir(&self.dir).map_err(|e| Error::from(e).with_path(&self.dir))?;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let segment = name.starts_with("seg-") && name.ends_with(".cdx");
            let unused = (segment && !self.segments.iter().any(|s| s.file == name))
                || name.ends_with(".tmp");
            if unused {
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(())
    }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("path", &self.dir)
            .field("articles", &self.articles.len())
            .field("passages", &self.passages.len())
            .field("segments", &self.segments.len())
            .field("writer", &self.lock.is_some())
            .finish()
    }
}

fn read_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join(MANIFEST);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(index_error(
                dir,
                "no index here (no MANIFEST); create one with `copydesk index add` or Index::create".into(),
            ));
        }
        Err(e) => return Err(Error::from(e).with_path(&path)),
    };
    let (head, body) = text.split_once('\n').unwrap_or((&text, ""));
    let body = body.strip_suffix('\n').unwrap_or(body);
    let words: Vec<&str> = head.split(' ').collect();
    let [magic, version, sum] = words.as_slice() else {
        return Err(index_error(&path, "not a copydesk index manifest".into()));
    };
    if *magic != "copydesk-index" {
        return Err(index_error(&path, "not a copydesk index manifest".into()));
    }
    if *version != INDEX_FORMAT_VERSION.to_string() {
        return Err(index_error(
            &path,
            format!(
                "index format version {version}; this copydesk reads version {INDEX_FORMAT_VERSION}"
            ),
        ));
    }
    if *sum != format!("{:016x}", checksum(body.as_bytes())) {
        return Err(index_error(
            &path,
            damaged("the manifest's checksum does not match"),
        ));
    }
    serde_json::from_str(body).map_err(|e| index_error(&path, damaged(&e.to_string())))
}

/// The body of a segment file, after its header and checksum are checked.
fn check_segment<'b>(path: &Path, bytes: &'b [u8], entry: &SegmentEntry) -> Result<&'b [u8]> {
    let fail = |why: &str| Err(index_error(path, damaged(why)));
    if bytes.len() < 32 || &bytes[..8] != MAGIC {
        return fail("not a copydesk index segment");
    }
    let mut r = Reader {
        bytes: &bytes[8..32],
        at: 0,
    };
    let (version, kind) = (r.u32().unwrap_or(0), r.u32().unwrap_or(0));
    let (len, sum) = (r.u64().unwrap_or(0), r.u64().unwrap_or(0));
    if version != INDEX_FORMAT_VERSION {
        return Err(index_error(
            path,
            format!(
                "index format version {version}; this copydesk reads version {INDEX_FORMAT_VERSION}"
            ),
        ));
    }
    let body = &bytes[32..];
    if kind != SEGMENT_KIND || len != body.len() as u64 || entry.bytes != bytes.len() as u64 {
        return fail("the segment's length is not the one recorded (truncated?)");
    }
    if checksum(body) != sum || entry.checksum != format!("{sum:016x}") {
        return fail("the segment's checksum does not match");
    }
    Ok(body)
}

fn take_lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::from(e).with_path(&path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(index_error(
            dir,
            "another process is writing to this index; wait for it to finish (readers need no lock)".into(),
        )),
        Err(fs::TryLockError::Error(e)) => Err(Error::from(e).with_path(&path)),
    }
}

/// Writes `bytes` to `path` whole or not at all: a temporary file, synced, renamed over
/// `path`, and the directory synced.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension(match path.extension() {
        Some(ext) => format!("{}.tmp", ext.to_string_lossy()),
        None => "tmp".to_owned(),
    });
    let write = || -> std::io::Result<()> {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent() {
            // Makes the rename durable; not every platform can open a directory.
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::from(e).with_path(path)
    })
}

/// For the test that kills a writer between writing its segment and switching to it:
/// `COPYDESK_INDEX_TEST_PAUSE_MS` makes the writer wait that long there.
fn test_pause() {
    if let Some(ms) = std::env::var("COPYDESK_INDEX_TEST_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// The checksum of the format: each 8-byte little-endian word (the last padded with zeros)
/// mixed into the running value.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    let mut h = 0x6A09_E667_F3BC_C908u64 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in words.by_ref() {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = mix64(h ^ u64::from_le_bytes(b));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = mix64(h ^ u64::from_le_bytes(b));
    }
    h
}

fn put_u32(w: &mut Vec<u8>, x: u32) {
    w.extend_from_slice(&x.to_le_bytes());
}

fn put_u64(w: &mut Vec<u8>, x: u64) {
    w.extend_from_slice(&x.to_le_bytes());
}

fn put_str(w: &mut Vec<u8>, s: &str) {
    put_u32(w, s.len() as u32);
    w.extend_from_slice(s.as_bytes());
}

/// Reads the little-endian values of a segment, failing (never panicking) at its end.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> std::result::Result<&[u8], String> {
        let piece = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or_else(|| format!("truncated at byte {}", self.at))?;
        self.at += n;
        Ok(piece)
    }

    fn u32(&mut self) -> std::result::Result<u32, String> {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> std::result::Result<u64, String> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(b))
    }

    fn string(&mut self) -> std::result::Result<String, String> {
        let len = self.u32()? as usize;
        let at = self.at;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|_| format!("bad text at byte {at}"))
    }
}

fn damaged(why: &str) -> String {
    format!(
        "the index is damaged ({why}); restore the directory from a copy, or make it again with `copydesk index add`"
    )
}

fn index_error(path: &Path, message: String) -> Error {
    Error::new(ErrorKind::Index(message)).with_path(path)
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidArgument(message))
}

fn is_not_found(e: &Error) -> bool {
    matches!(e.kind(), ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound)
}

impl Index {
    /// The matching options and whether texts are stored, of the index in `dir`, read from
    /// its manifest alone; `None` when there is no index there.
    ///
    /// # Errors
    ///
    /// A manifest that cannot be read or is damaged.
    pub fn stored_options(dir: impl AsRef<Path>) -> Result<Option<(Options, bool)>> {
        let dir = dir.as_ref();
        if !Index::exists(dir) {
            return Ok(None);
        }
        let manifest = read_manifest(dir)?;
        let opts = manifest
            .options
            .options()
            .map_err(|e| index_error(&dir.join(MANIFEST), format!("bad options: {e}")))?;
        Ok(Some((opts, manifest.store_text)))
    }
}

/// A passage as JSON: the fields of a `copydesk dedupe` passage (`article`, `source`,
/// `published`, `block`, `start`, `end` in characters, `text`, null for a passage held
/// when texts are not stored) and `new` (a passage of the batch).
impl Serialize for IndexPassage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        self.entries(&mut map)?;
        map.end()
    }
}

impl IndexPassage {
    fn entries<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> std::result::Result<(), M::Error> {
        map.serialize_entry("article", &self.article.id)?;
        map.serialize_entry("source", &self.article.source)?;
        map.serialize_entry("published", &self.article.published)?;
        map.serialize_entry("block", &self.block)?;
        map.serialize_entry("start", &self.chars.0)?;
        map.serialize_entry("end", &self.chars.1)?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("new", &self.new)
    }
}

/// A cluster as JSON, as `copydesk dedupe` writes one: `cluster`, `size`, `canonical` (a
/// passage) and `members` (passages with `similarity`, and `containment` when the options
/// ask for it).
pub struct IndexClusterJson<'a> {
    cluster: &'a IndexCluster,
    containment: bool,
}

impl<'a> IndexClusterJson<'a> {
    /// The JSON view of `cluster`; `containment` adds each member's containment score.
    pub fn new(cluster: &'a IndexCluster, containment: bool) -> IndexClusterJson<'a> {
        IndexClusterJson {
            cluster,
            containment,
        }
    }
}

impl Serialize for IndexClusterJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct MemberJson<'m>(&'m IndexMember, bool);
        impl Serialize for MemberJson<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                self.0.passage.entries(&mut map)?;
                map.serialize_entry("similarity", &super::round_score(self.0.similarity))?;
                if self.1 {
                    map.serialize_entry("containment", &super::round_score(self.0.containment))?;
                }
                map.end()
            }
        }
        let c = self.cluster;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("cluster", &c.id)?;
        map.serialize_entry("size", &c.members.len())?;
        map.serialize_entry("canonical", &c.canonical())?;
        let members: Vec<MemberJson<'_>> = c
            .members
            .iter()
            .map(|m| MemberJson(m, self.containment))
            .collect();
        map.serialize_entry("members", &members)?;
        map.end()
    }
}
