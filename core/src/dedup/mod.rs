//! Near-duplicate passages: the same text told again, within one article and across a
//! corpus, and which copies are copies of which.
//!
//! # What is compared
//!
//! A *passage* is a paragraph (the default), a sentence, or a whole article ([`Level`]),
//! taken from the blocks of parsed articles whose kind is matched ([`Options::kinds`]): by
//! default titles, deks, headings, paragraphs and captions; never bylines, datelines,
//! kickers, credits, source tags or boilerplate, which repeat by nature. Passages with
//! fewer than [`Options::min_words`] words (3 by default: `READ MORE`, `Reuter`) are left
//! out.
//!
//! Two passages are near-duplicates when the Jaccard similarity of their shingle sets
//! ([`Shingles`]: word 3-grams by default, after [`crate::text::normalize`]) is at least
//! the threshold (0.8 by default). With [`Options::containment`], a passage whose shingles
//! are mostly contained in another's (a caption that quotes a body sentence, a trimmed wire
//! paragraph) is a near-duplicate too, and the pair carries its containment score.
//!
//! # How
//!
//! 1. Each passage is shingled, and passages with identical shingle sets (which includes
//!    every pair identical after normalization) are grouped by hashing: only the first of
//!    each group goes further.
//! 2. A MinHash signature of 128 permutations is cut into bands ([`Banding`], chosen from
//!    the threshold so that a pair at the threshold is missed with probability below one
//!    in a million); passages that agree on a whole band are candidates.
//! 3. Every candidate is verified on the shingle sets themselves: **no pair below the
//!    threshold is ever reported**. In containment mode the candidates come from an exact
//!    prefix-filtered search ([`all_pairs`]) instead, since MinHash estimates Jaccard, not
//!    containment.
//! 4. Verified pairs are joined into clusters (union-find). Each cluster's *canonical*
//!    passage is the earliest published (by date; articles without a date come last), then
//!    the first in input order.
//!
//! Signatures and verification run in parallel on the current rayon pool; the output is
//! the same, in the same order, whatever the number of threads.
//!
//! # Memory
//!
//! Held per passage, besides the articles themselves: its shingle set (8 bytes a shingle;
//! a 25-word paragraph has 23), about 60 bytes of position and bookkeeping, and the LSH
//! index: per band a 4-byte chain link and an 8-byte hash-table entry, 13 to 22 bytes with
//! the table's slack. With 32 bands that is 0.7 to 1 KB for a news paragraph. Passages
//! added but not yet indexed (the index takes them all at once when an answer is asked
//! for) hold their band keys meanwhile: 4 bytes a band. Indexing takes, for the time it
//! runs, the candidate pairs (8 bytes each). Verified pairs take 24 bytes each.
//! `bench/results/dedup.md` has the peak memory measured at 100,000 and 1,000,000
//! passages.
//!
//! # Example
//!
//! ```
//! use copydesk::article;
//! use copydesk::dedup::{self, Options};
//!
//! let a = article::parse("Talks are under way in a neutral country, officials said.\n\nMore later.");
//! let b = article::parse("Unrelated opening paragraph of the other story.\n\nTalks are under way in a neutral country, officials said on Monday.");
//! let result = dedup::dedupe(vec![a, b], &Options::default())?;
//! assert_eq!(result.clusters().len(), 1);
//! let cluster = &result.clusters()[0];
//! let canonical = result.passage(cluster.canonical);
//! assert_eq!(canonical.text(), "Talks are under way in a neutral country, officials said.");
//! // Eight shared word 3-grams of ten.
//! assert!((cluster.members[1].similarity - 0.8).abs() < 1e-9);
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! [`Deduper`] takes articles in batches and answers whether a new passage duplicates one
//! it holds.

mod clean;
mod engine;
mod exact;
mod index;
mod json;
mod minhash;
mod remarks;
mod result;
mod shingle;

pub use clean::{Cleaned, CleanedJson};
pub use engine::{Deduper, Match};
pub use exact::{ScoredPair, all_pairs, exact_pairs};
pub use index::{
    INDEX_FORMAT_VERSION, Index, IndexCluster, IndexClusterJson, IndexMatch, IndexMember,
    IndexPassage, IndexReport, IndexStats, IndexedArticle,
};
pub use json::{ClusterJson, PairJson, PassageJson, round_score};
pub use minhash::{Banding, MISS_AT_THRESHOLD};
pub use remarks::{
    QuoteRef, Remark, RemarkFinder, RemarkJson, RemarkMember, RemarkOptions, RemarkStats, Remarks,
    quote_kind_named, remarks,
};
pub use result::{Cluster, Dedup, Member, Pair, Passage, PassageRef, Stats};
pub use shingle::{Shingles, shingle_strings, shingles};

use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;
use std::sync::Arc;

use crate::article::{Article, BlockKind};
use crate::error::{Error, ErrorKind, Result};
use crate::text::Span;

/// What a passage is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Level {
    /// Each matched block (the default).
    #[default]
    Paragraph,
    /// Each sentence of each matched block.
    Sentence,
    /// All the matched blocks of an article together.
    Article,
}

impl Level {
    /// The level's name: `paragraph`, `sentence` or `article`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Paragraph => "paragraph",
            Level::Sentence => "sentence",
            Level::Article => "article",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = Error;

    fn from_str(s: &str) -> Result<Level> {
        match s {
            "paragraph" => Ok(Level::Paragraph),
            "sentence" => Ok(Level::Sentence),
            "article" => Ok(Level::Article),
            other => Err(invalid(format!(
                "level must be paragraph, sentence or article, not {other:?}"
            ))),
        }
    }
}

/// The block kinds matched by default: titles, deks, headings, paragraphs and captions.
///
/// Left out: bylines, datelines, kickers, credits, source tags and boilerplate. They repeat
/// by nature (the same author, the same `WASHINGTON (Reuters) -`, the same share links),
/// and clustering them would say nothing about copied reporting.
pub const DEFAULT_KINDS: &[BlockKind] = &[
    BlockKind::Title,
    BlockKind::Dek,
    BlockKind::Heading,
    BlockKind::Paragraph,
    BlockKind::Caption,
];

/// The block kind named `name` (`paragraph`, `caption`, `source_tag`...), for choosing
/// [`Options::kinds`] from a command line or Python.
///
/// ```
/// use copydesk::article::BlockKind;
/// use copydesk::dedup::kind_named;
///
/// assert_eq!(kind_named("caption")?, BlockKind::Caption);
/// assert!(kind_named("sidebar").unwrap_err().to_string().contains("paragraph, caption"));
/// # Ok::<(), copydesk::Error>(())
/// ```
pub fn kind_named(name: &str) -> Result<BlockKind> {
    BlockKind::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = BlockKind::ALL.iter().map(|k| k.as_str()).collect();
        invalid(format!(
            "unknown block kind {name:?}; use one of {}",
            names.join(", ")
        ))
    })
}

/// How deduplication runs. Build with [`Options::default`] and change what you need.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// What a passage is (default: paragraph).
    pub level: Level,
    /// The Jaccard similarity at or above which two passages are near-duplicates, in
    /// `(0, 1]` (default 0.8).
    pub threshold: f64,
    /// How passages are cut into shingles (default: word 3-grams).
    pub shingles: Shingles,
    /// Also report pairs where the smaller passage's shingles are contained in the larger's
    /// at least this much (default: off).
    pub containment: Option<f64>,
    /// Only pairs of passages from different articles (default: false).
    pub cross_only: bool,
    /// The block kinds whose text is matched (default: [`DEFAULT_KINDS`]).
    pub kinds: Vec<BlockKind>,
    /// Passages with fewer words are left out (default 3).
    pub min_words: usize,
    /// MinHash permutations (default 128).
    pub num_perm: usize,
    /// The LSH banding; `None` chooses it from the threshold ([`Banding::for_threshold`]).
    pub banding: Option<Banding>,
    /// The seed of the MinHash permutations (the same seed gives the same candidates).
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            level: Level::Paragraph,
            threshold: 0.8,
            shingles: Shingles::default(),
            containment: None,
            cross_only: false,
            kinds: DEFAULT_KINDS.to_vec(),
            min_words: 3,
            num_perm: 128,
            banding: None,
            seed: 0x00C0_FFEE,
        }
    }
}

impl Options {
    /// Checks every value, with a message that says what is accepted.
    pub fn validate(&self) -> Result<()> {
        let unit = |name: &str, v: f64| {
            if v.is_finite() && v > 0.0 && v <= 1.0 {
                Ok(())
            } else {
                Err(invalid(format!(
                    "{name} must be a number above 0 and at most 1, not {v}"
                )))
            }
        };
        unit("threshold", self.threshold)?;
        if let Some(c) = self.containment {
            unit("containment", c)?;
        }
        if self.shingles.n() == 0 {
            return Err(invalid("n (the shingle length) must be at least 1".into()));
        }
        if !(1..=1024).contains(&self.num_perm) {
            return Err(invalid(format!(
                "num_perm must be between 1 and 1024, not {}",
                self.num_perm
            )));
        }
        if let Some(b) = self.banding {
            b.check(self.num_perm)?;
        }
        Ok(())
    }

    /// The banding in use: the one given, or the one chosen from the threshold.
    pub fn banding(&self) -> Banding {
        self.banding
            .unwrap_or_else(|| Banding::for_threshold(self.num_perm, self.threshold))
    }
}

/// Finds the near-duplicate passages of `articles` (in input order) and clusters them.
///
/// # Errors
///
/// An [`ErrorKind::InvalidArgument`] when an option is out of range.
pub fn dedupe<A: Into<Arc<Article>>>(
    articles: impl IntoIterator<Item = A>,
    opts: &Options,
) -> Result<Dedup> {
    let mut deduper = Deduper::new(opts.clone())?;
    deduper.add(articles);
    Ok(deduper.result())
}

/// An article that is one passage: `text` as a single paragraph block (trimmed of
/// surrounding whitespace), not parsed. This is how a plain text is compared as a whole
/// ([`Level::Article`]) whatever kinds its parsed blocks would have.
///
/// ```
/// use copydesk::dedup::{self, Level, Options, whole_text};
///
/// let opts = Options { level: Level::Article, ..Options::default() };
/// let texts = ["Reuter\n\nThe talks went on.", "Reuter\n\nThe talks went on."];
/// let result = dedup::dedupe(texts.iter().map(|&t| whole_text("x", t)), &opts)?;
/// assert_eq!(result.passage(0).text(), texts[0]);
/// # Ok::<(), copydesk::Error>(())
/// ```
pub fn whole_text(id: impl Into<String>, text: impl Into<String>) -> Article {
    let text = text.into();
    let span = Span::new(0, text.len()).trim(&text);
    Article {
        id: id.into(),
        source: "<text>".to_owned(),
        meta: Default::default(),
        published: None,
        crawled: None,
        blocks: vec![crate::article::Block::new(BlockKind::Paragraph, span)],
        quotes: Vec::new(),
        speakers: Vec::new(),
        page: None,
        warnings: Vec::new(),
        language_detected: false,
        text,
    }
}

/// A passage of an article before shingling: its block (none at article level), its
/// span, and the range of its pieces (the spans whose text is shingled) in a shared list.
pub(crate) struct PassageSpec {
    pub block: Option<usize>,
    pub span: Span,
    pub pieces: std::ops::Range<usize>,
}

/// The passages of `article` under `opts`, appended to `out`, their pieces to `pieces`.
pub(crate) fn passages_of(
    article: &Article,
    opts: &Options,
    out: &mut Vec<PassageSpec>,
    pieces: &mut Vec<Span>,
) {
    let matched = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| opts.kinds.contains(&b.kind) && !b.span.is_empty());
    let mut one = |block: Option<usize>, span: Span, pieces: &mut Vec<Span>| {
        pieces.push(span);
        out.push(PassageSpec {
            block,
            span,
            pieces: pieces.len() - 1..pieces.len(),
        });
    };
    match opts.level {
        Level::Paragraph => {
            for (i, b) in matched {
                one(Some(i), b.span, pieces);
            }
        }
        Level::Sentence => {
            for (i, _) in matched {
                for s in article.block_sentences(i) {
                    one(Some(s.block), s.span, pieces);
                }
            }
        }
        Level::Article => {
            let start = pieces.len();
            pieces.extend(matched.map(|(_, b)| b.span));
            if let (Some(first), Some(last)) = (pieces.get(start), pieces.last()) {
                out.push(PassageSpec {
                    block: None,
                    span: first.cover(*last),
                    pieces: start..pieces.len(),
                });
            }
        }
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidArgument(message))
}

/// A hasher for keys that are already well-mixed 64-bit hashes: it passes them through.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = shingle::mix64(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = shingle::mix64(u64::from(n));
    }
}

pub(crate) type IdBuildHasher = BuildHasherDefault<IdHasher>;
