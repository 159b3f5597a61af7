//! Remarks: one quotation followed across the articles that carry it.
//!
//! A *remark* is a cluster of quotations ([`Quote`]) from one speaker that are the same
//! words: near-identical after small edits (Jaccard similarity of their shingle sets at
//! least [`RemarkOptions::threshold`]), or one contained in the other (a fragment one
//! outlet quotes inside the full remark another prints, containment at least
//! [`RemarkOptions::containment`]). The pairs are found and verified by the dedup engine
//! ([`Deduper`], in containment mode), each quotation a passage; what this module adds is
//! the speaker:
//!
//! - quotations join only when their speakers agree: the same name, one name's words
//!   all in the other's with the same last word (`Trump` and `Donald Trump`), or a
//!   one-word name that is the other's first, a family name written first (`Kim` and
//!   `Kim Jong Un`); never `Kim Jong Un` and `Moon Jae-in`;
//! - a quotation whose speaker the article does not give joins a remark by its words, but
//!   only when it is near-identical to it: a fragment (a pair by containment alone) needs
//!   a speaker on both sides, since a short fragment can be anyone's words;
//! - pairs are joined strongest first, and a join that would put two speakers who do not
//!   agree in one remark is refused, so no remark has two speakers.
//!
//! Each remark's *canonical* quotation is its first appearance: the earliest published
//! (articles without a date come last), then the first in input order, as in `dedupe`.
//! Every quotation of the kinds compared ([`RemarkOptions::kinds`]: direct and partial by
//! default, never terms) with at least [`RemarkOptions::min_words`] words is in exactly
//! one remark; a remark printed once is a remark of one.
//!
//! ```
//! use copydesk::article;
//! use copydesk::dedup::{RemarkOptions, remarks};
//!
//! let vox = article::parse("Trump said the two countries had held direct talks at “extremely high levels.”");
//! let irish = article::parse("“We have had direct talks at very high levels, extremely high levels, with North Korea,” Donald Trump said.");
//! let found = remarks([vox, irish], &RemarkOptions::default())?;
//! let shared: Vec<_> = found.remarks().iter().filter(|r| r.size() > 1).collect();
//! assert_eq!(shared.len(), 1);
//! assert_eq!(found.speaker(shared[0]), Some("Donald Trump"));
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::exact::intersection;
use super::json::round_score;
use super::{Deduper, Level, Options, Shingles, shingles};
use crate::article::{Article, Block, BlockKind, Published, Quote, QuoteJson, QuoteKind};
use crate::error::{Error, ErrorKind, Result};
use crate::text::{OffsetUnit, Span, SpanConverter};

/// How remarks are found. Build with [`RemarkOptions::default`] and change what you need.
#[derive(Clone, Debug, PartialEq)]
pub struct RemarkOptions {
    /// The Jaccard similarity at or above which two quotations are the same words with
    /// small edits, in `(0, 1]` (default 0.7).
    pub threshold: f64,
    /// The containment at or above which the shorter quotation is a fragment of the
    /// longer, in `(0, 1]` (default 0.8).
    pub containment: f64,
    /// How quotations are cut into shingles (default: word 3-grams).
    pub shingles: Shingles,
    /// The kinds of quotation compared (default: direct and partial; a term is nobody's
    /// words).
    pub kinds: Vec<QuoteKind>,
    /// Quotations with fewer words are left out (default 3).
    pub min_words: usize,
    /// Only join quotations from different articles (default: false).
    pub cross_only: bool,
}

impl Default for RemarkOptions {
    fn default() -> RemarkOptions {
        RemarkOptions {
            threshold: 0.7,
            containment: 0.8,
            shingles: Shingles::default(),
            kinds: vec![QuoteKind::Direct, QuoteKind::Partial],
            min_words: 3,
            cross_only: false,
        }
    }
}

impl RemarkOptions {
    /// The dedup engine's options for these.
    fn engine(&self) -> Options {
        Options {
            level: Level::Paragraph,
            threshold: self.threshold,
            shingles: self.shingles,
            containment: Some(self.containment),
            cross_only: self.cross_only,
            kinds: vec![BlockKind::Paragraph],
            min_words: self.min_words,
            ..Options::default()
        }
    }

    /// Checks every value, with a message that says what is accepted.
    pub fn validate(&self) -> Result<()> {
        if self.kinds.is_empty() {
            return Err(Error::new(ErrorKind::InvalidArgument(
                "kinds must name at least one kind of quotation (direct, partial, term)".into(),
            )));
        }
        self.engine().validate()
    }
}

/// The quotation kind called `name` (`direct`, `partial`, `term`), or an error that lists
/// them: the one reading of kind names for `copydesk quotes --kinds` and Python's
/// `quotes(kinds=...)`.
///
/// # Errors
///
/// `name` is not a kind of quotation.
pub fn quote_kind_named(name: &str) -> Result<QuoteKind> {
    QuoteKind::from_name(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = QuoteKind::ALL.iter().map(|k| k.as_str()).collect();
        Error::new(ErrorKind::InvalidArgument(format!(
            "unknown kind of quotation {name:?}; use {}",
            names.join(", ")
        )))
    })
}

/// A quotation of the input: its article (index in input order) and its index in the
/// article's [`Article::quotes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuoteRef {
    /// Index of the article, in the order the articles were given.
    pub article: usize,
    /// Index of the quotation in the article's `quotes`.
    pub quote: usize,
}

/// One quotation of a remark and how close its words are to the canonical quotation's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RemarkMember {
    /// The quotation.
    pub quote: QuoteRef,
    /// Jaccard similarity to the canonical quotation (1 for the canonical itself).
    pub similarity: f64,
    /// Containment of the shorter of it and the canonical quotation in the longer.
    pub containment: f64,
}

/// Quotations of one speaker that are the same remark.
#[derive(Clone, Debug, PartialEq)]
pub struct Remark {
    /// The remark's number: remarks are numbered in the input order of their first
    /// quotation.
    pub id: usize,
    /// The first appearance: the earliest published, then the first in input order.
    pub canonical: QuoteRef,
    /// Every quotation, the canonical first, then in input order.
    pub members: Vec<RemarkMember>,
    /// The member whose article names the speaker most fully, when any does.
    pub speaker: Option<QuoteRef>,
}

impl Remark {
    /// The number of quotations.
    pub fn size(&self) -> usize {
        self.members.len()
    }
}

/// Counts that describe a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RemarkStats {
    /// Articles given.
    pub articles: usize,
    /// Quotations in them, of every kind.
    pub quotations: usize,
    /// Quotations compared: of the kinds asked for, with at least `min_words` words.
    pub compared: usize,
    /// Remarks.
    pub remarks: usize,
    /// Remarks carried by more than one article.
    pub shared: usize,
    /// Joins refused because the speakers did not agree.
    pub refused: usize,
}

/// What [`remarks`] finds: remarks, and the articles their quotations are in.
#[derive(Clone, Debug)]
pub struct Remarks {
    articles: Vec<Arc<Article>>,
    remarks: Vec<Remark>,
    stats: RemarkStats,
}

impl Remarks {
    /// The remarks, in the input order of their first quotation.
    pub fn remarks(&self) -> &[Remark] {
        &self.remarks
    }

    /// The articles, in input order.
    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }

    /// Counts that describe the run.
    pub fn stats(&self) -> &RemarkStats {
        &self.stats
    }

    /// The article of `q` and the quotation, or `None` when `q` is not one of this
    /// result's quotations.
    pub fn quote(&self, q: QuoteRef) -> Option<(&Article, &Quote)> {
        let article = self.articles.get(q.article)?;
        Some((article, article.quotes.get(q.quote)?))
    }

    /// The words of quotation `q` (empty when there is no such quotation).
    pub fn text(&self, q: QuoteRef) -> &str {
        self.quote(q).map_or("", |(a, quote)| a.quote_text(quote))
    }

    /// The speaker of `remark` by the fullest name its articles give, when one does.
    pub fn speaker(&self, remark: &Remark) -> Option<&str> {
        let (a, q) = self.quote(remark.speaker?)?;
        a.speaker(q)
    }

    /// The articles that carry `remark`, each once, in the order of the remark's members
    /// (the first appearance first).
    pub fn carriers(&self, remark: &Remark) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for m in &remark.members {
            if !out.contains(&m.quote.article) {
                out.push(m.quote.article);
            }
        }
        out
    }

    /// The outlets that carry `remark`, as their articles name them, each once.
    pub fn outlets(&self, remark: &Remark) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in self.carriers(remark) {
            if let Some(name) = self.articles.get(a).and_then(|a| a.meta.outlet.as_deref())
                && !out.contains(&name)
            {
                out.push(name);
            }
        }
        out
    }
}

/// Finds the remarks among the quotations of `articles` (in input order).
///
/// # Errors
///
/// An [`ErrorKind::InvalidArgument`] when an option is out of range.
pub fn remarks<A: Into<Arc<Article>>>(
    articles: impl IntoIterator<Item = A>,
    opts: &RemarkOptions,
) -> Result<Remarks> {
    let mut finder = RemarkFinder::new(opts.clone())?;
    finder.add(articles);
    Ok(finder.result())
}

/// Takes articles in batches and finds the remarks among all of them: what [`remarks`]
/// does, for input that arrives a batch at a time.
pub struct RemarkFinder {
    opts: RemarkOptions,
    deduper: Deduper,
    articles: Vec<Arc<Article>>,
    /// For each article, the quotations compared (the blocks of its stand-in, in order).
    compared: Vec<Vec<usize>>,
}

impl RemarkFinder {
    /// A finder with these options.
    ///
    /// # Errors
    ///
    /// An invalid option ([`RemarkOptions::validate`]).
    pub fn new(opts: RemarkOptions) -> Result<RemarkFinder> {
        opts.validate()?;
        Ok(RemarkFinder {
            deduper: Deduper::new(opts.engine())?,
            opts,
            articles: Vec::new(),
            compared: Vec::new(),
        })
    }

    /// The options in use.
    pub fn options(&self) -> &RemarkOptions {
        &self.opts
    }

    /// Adds a batch of articles.
    pub fn add<A: Into<Arc<Article>>>(&mut self, articles: impl IntoIterator<Item = A>) {
        let batch: Vec<Arc<Article>> = articles.into_iter().map(Into::into).collect();
        let mut stand_ins = Vec::with_capacity(batch.len());
        for a in &batch {
            let kept: Vec<usize> = (a.quotes.iter().enumerate())
                .filter(|(_, q)| self.opts.kinds.contains(&q.kind))
                .map(|(i, _)| i)
                .collect();
            stand_ins.push(stand_in(a, &kept));
            self.compared.push(kept);
        }
        self.deduper.add(stand_ins);
        self.articles.extend(batch);
    }

    /// The remarks among everything added so far.
    // Indices here are safe by construction: quotation numbers index `refs` and
    // `speakers` (one entry per number), `refs` were made from the articles held, and the
    // engine's passages are the blocks of one stand-in per article (`base`, `compared`).
    #[allow(clippy::indexing_slicing)]
    pub fn result(&self) -> Remarks {
        let dedup = self.deduper.result();
        // Quotations are numbered in input order; the engine's passages map onto them by
        // their stand-in's article and block.
        let mut base = Vec::with_capacity(self.compared.len());
        let mut refs: Vec<QuoteRef> = Vec::new();
        for (article, kept) in self.compared.iter().enumerate() {
            base.push(refs.len());
            refs.extend(kept.iter().map(|&quote| QuoteRef { article, quote }));
        }
        let number = |p: usize| {
            let passage = dedup.passage(p);
            base[passage.article_index] + passage.block.unwrap_or(0)
        };
        let compared: Vec<usize> = dedup.passages().map(|p| number(p.index)).collect();
        let speakers: Vec<Option<Name>> = refs
            .iter()
            .map(|&q| {
                let a = &self.articles[q.article];
                a.speaker(&a.quotes[q.quote]).map(Name::new)
            })
            .collect();

        // Strongest pairs first; ties in input order.
        let mut pairs: Vec<(usize, usize, f64, f64)> = dedup
            .pairs()
            .into_iter()
            .map(|p| (number(p.a), number(p.b), p.similarity, p.containment))
            .collect();
        pairs.sort_by(|x, y| {
            y.2.total_cmp(&x.2)
                .then(y.3.total_cmp(&x.3))
                .then((x.0, x.1).cmp(&(y.0, y.1)))
        });
        let mut joined = Joined::new(refs.len(), &speakers);
        let mut refused = 0;
        for &(a, b, similarity, _) in &pairs {
            let near_identical = similarity >= self.opts.threshold;
            if !joined.join(a, b, near_identical) {
                refused += 1;
            }
        }

        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for &q in &compared {
            groups.entry(joined.find(q)).or_default().push(q);
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
        for g in &mut groups {
            g.sort_unstable();
        }
        groups.sort_unstable_by_key(|g| g[0]);
        let date = |q: usize| self.articles[refs[q].article].published.map(|p| p.date());
        let set = |q: usize| shingles(self.text_of(refs[q]), self.opts.shingles);
        let remarks: Vec<Remark> = groups
            .into_iter()
            .enumerate()
            .map(|(id, mut members)| {
                let canonical =
                    super::result::first_appearance_first(&mut members, date).unwrap_or(0);
                let c = set(canonical);
                let speaker = members
                    .iter()
                    .copied()
                    .filter(|&q| speakers[q].is_some())
                    .max_by_key(|&q| (speakers[q].as_ref().map(Name::len), usize::MAX - q))
                    .map(|q| refs[q]);
                let members = members
                    .into_iter()
                    .map(|m| {
                        let (similarity, containment) = if m == canonical {
                            (1.0, 1.0)
                        } else {
                            scores(&c, &set(m))
                        };
                        RemarkMember {
                            quote: refs[m],
                            similarity,
                            containment,
                        }
                    })
                    .collect();
                Remark {
                    id,
                    canonical: refs[canonical],
                    members,
                    speaker,
                }
            })
            .collect();
        let shared = remarks
            .iter()
            .filter(|r| {
                r.members
                    .iter()
                    .any(|m| m.quote.article != r.canonical.article)
            })
            .count();
        Remarks {
            stats: RemarkStats {
                articles: self.articles.len(),
                quotations: self.articles.iter().map(|a| a.quotes.len()).sum(),
                compared: compared.len(),
                remarks: remarks.len(),
                shared,
                refused,
            },
            articles: self.articles.clone(),
            remarks,
        }
    }

    fn text_of(&self, q: QuoteRef) -> &str {
        self.articles
            .get(q.article)
            .and_then(|a| a.quotes.get(q.quote).map(|quote| a.quote_text(quote)))
            .unwrap_or_default()
    }
}

/// An article that stands in for `a` in the engine: the words of its quotations `kept`,
/// one paragraph each, and nothing else (so the engine holds the quotations, not the
/// whole text).
fn stand_in(a: &Article, kept: &[usize]) -> Article {
    let mut text = String::new();
    let mut blocks = Vec::with_capacity(kept.len());
    for quote in kept.iter().filter_map(|&i| a.quotes.get(i)) {
        let words = a.quote_text(quote);
        let start = text.len();
        text.push_str(words);
        blocks.push(Block::new(
            BlockKind::Paragraph,
            Span::new(start, text.len()),
        ));
        text.push_str("\n\n");
    }
    Article {
        id: a.id.clone(),
        source: a.source.clone(),
        meta: Default::default(),
        published: a.published,
        crawled: None,
        text,
        blocks,
        quotes: Vec::new(),
        speakers: Vec::new(),
        page: None,
        warnings: Vec::new(),
        language_detected: false,
    }
}

/// Jaccard similarity and containment of two shingle sets.
fn scores(a: &[u64], b: &[u64]) -> (f64, f64) {
    let shared = intersection(a, b);
    let union = a.len() + b.len() - shared;
    let small = a.len().min(b.len());
    if union == 0 || small == 0 {
        return (0.0, 0.0);
    }
    (shared as f64 / union as f64, shared as f64 / small as f64)
}

/// A speaker's name as words, lower-cased, for telling whether two names are one person.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Name(Vec<String>);

impl Name {
    fn new(name: &str) -> Name {
        Name(
            name.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect(),
        )
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// The same person: every word of the shorter name in the longer, with the same last
    /// word (`Trump`, `Donald Trump`, `Donald J. Trump`), or a one-word name that is the
    /// longer's first word, a family name written first (`Kim` and `Kim Jong Un`, `Xi`
    /// and `Xi Jinping`).
    fn agrees(&self, other: &Name) -> bool {
        let (short, long) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        let (Some(last), Some(long_last), Some(long_first)) =
            (short.0.last(), long.0.last(), long.0.first())
        else {
            return false;
        };
        if short.len() == 1 && last == long_first {
            return true;
        }
        last == long_last && short.0.iter().all(|w| long.0.contains(w))
    }
}

/// Quotations joined into remarks: disjoint sets, each with the fullest speaker name of
/// its members, where a join of two sets whose speakers disagree is refused.
struct Joined<'a> {
    parent: Vec<usize>,
    /// For each root, the member whose name is the set's speaker.
    speaker: Vec<Option<usize>>,
    names: &'a [Option<Name>],
}

// Every index is a quotation number below the `n` the sets were made for.
#[allow(clippy::indexing_slicing)]
impl<'a> Joined<'a> {
    fn new(n: usize, names: &'a [Option<Name>]) -> Joined<'a> {
        Joined {
            parent: (0..n).collect(),
            speaker: (0..n).map(|q| names[q].as_ref().map(|_| q)).collect(),
            names,
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            let grand = self.parent[self.parent[x]];
            self.parent[x] = grand;
            x = grand;
        }
        x
    }

    fn name(&self, root: usize) -> Option<&Name> {
        self.speaker[root].and_then(|q| self.names[q].as_ref())
    }

    /// Joins the sets of `a` and `b` unless their speakers disagree, or (for a pair that
    /// is not `near_identical`) either set has no speaker. True when they are one set
    /// after the call.
    fn join(&mut self, a: usize, b: usize, near_identical: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let ok = match (self.name(ra), self.name(rb)) {
            (Some(x), Some(y)) => x.agrees(y),
            _ => near_identical,
        };
        if !ok {
            return false;
        }
        let fuller = match (self.name(ra), self.name(rb)) {
            (Some(x), Some(y)) if y.len() > x.len() => self.speaker[rb],
            (None, _) => self.speaker[rb],
            _ => self.speaker[ra],
        };
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        self.speaker[root] = fuller;
        true
    }
}

/// A remark as JSON, shaped like `dedupe`'s clusters: `cluster` (its number), `size`, `speaker` (the fullest name, or
/// null), `articles` (how many carry it), `outlets` (their names, each once), `canonical`
/// (the first appearance) and `members` (the canonical first). Each quotation is written
/// as in an article's `quotes` (`text`, `start`, `end`, `block`, `kind`, `speaker`,
/// `speaker_mention`, `verb`, with their offsets) with its article's `article` (id),
/// `source`, `outlet` and `published`, and, as a member, its `similarity` and
/// `containment` to the canonical quotation.
pub struct RemarkJson<'a> {
    remarks: &'a Remarks,
    remark: &'a Remark,
    unit: OffsetUnit,
}

impl<'a> RemarkJson<'a> {
    /// A view of `remark` of `remarks`, offsets in `unit`.
    pub fn new(remarks: &'a Remarks, remark: &'a Remark, unit: OffsetUnit) -> RemarkJson<'a> {
        RemarkJson {
            remarks,
            remark,
            unit,
        }
    }
}

impl Serialize for RemarkJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let r = self.remark;
        let carriers = self.remarks.carriers(r);
        let converters: HashMap<usize, SpanConverter<'_>> = carriers
            .iter()
            .filter_map(|&i| {
                let a = self.remarks.articles.get(i)?;
                Some((i, SpanConverter::new(&a.text, self.unit)))
            })
            .collect();
        let member =
            |m: &RemarkMember, scored: bool| -> std::result::Result<MemberJson<'_>, S::Error> {
                use serde::ser::Error as _;
                let missing = || S::Error::custom("a remark names a quotation that is not there");
                let (a, q) = self.remarks.quote(m.quote).ok_or_else(missing)?;
                let converter = converters.get(&m.quote.article).ok_or_else(missing)?;
                Ok(MemberJson {
                    article: &a.id,
                    source: &a.source,
                    outlet: a.meta.outlet.as_deref(),
                    published: a.published,
                    quote: QuoteJson::new(a, q, converter),
                    similarity: scored.then(|| round_score(m.similarity)),
                    containment: scored.then(|| round_score(m.containment)),
                })
            };
        let canonical = RemarkMember {
            quote: r.canonical,
            similarity: 1.0,
            containment: 1.0,
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("cluster", &r.id)?;
        map.serialize_entry("size", &r.size())?;
        map.serialize_entry("speaker", &self.remarks.speaker(r))?;
        map.serialize_entry("articles", &carriers.len())?;
        map.serialize_entry("outlets", &self.remarks.outlets(r))?;
        map.serialize_entry("canonical", &member(&canonical, false)?)?;
        let members = r
            .members
            .iter()
            .map(|m| member(m, true))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        map.serialize_entry("members", &members)?;
        map.end()
    }
}

#[derive(serde::Serialize)]
struct MemberJson<'a> {
    article: &'a str,
    source: &'a str,
    outlet: Option<&'a str>,
    published: Option<Published>,
    #[serde(flatten)]
    quote: QuoteJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    containment: Option<f64>,
}
