//! What deduplication finds: clusters of passages, pairs, and the passages themselves.
#![allow(
    clippy::indexing_slicing,
    reason = "passage and article indices are assigned when the passages are held and index the arrays filled in the same step; `Dedup::passage` documents its panic like slice indexing, and the Python and CLI surfaces check indices first"
)]

use std::collections::HashMap;
use std::sync::Arc;

use super::exact::intersection;
use super::minhash::Banding;
use super::{IdBuildHasher, Options};
use crate::article::Article;
use crate::text::Span;

/// Where a passage is: its article (index in input order), its block (none at article
/// level) and its span in the article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PassageRef {
    /// Index of the article, in the order the articles were given.
    pub article: u32,
    /// Index of the block in the article (`None` for a whole article).
    pub block: Option<u32>,
    /// Byte span in the article's text.
    pub span: Span,
}

/// A passage, with its article at hand.
#[derive(Clone, Copy, Debug)]
pub struct Passage<'a> {
    /// The passage's index: passages are numbered in input order.
    pub index: usize,
    /// The article it is part of.
    pub article: &'a Article,
    /// The article's index, in input order.
    pub article_index: usize,
    /// Index of the block in the article (`None` for a whole article).
    pub block: Option<usize>,
    /// Byte span in the article's text.
    pub span: Span,
}

impl<'a> Passage<'a> {
    /// The passage's text, as it is in the article.
    pub fn text(&self) -> &'a str {
        self.span.slice(&self.article.text)
    }
}

/// One passage of a cluster and how close it is to the cluster's canonical passage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member {
    /// The passage's index.
    pub passage: usize,
    /// Jaccard similarity to the canonical passage (1 for the canonical itself). A member
    /// joined to the cluster through another member can be below the threshold.
    pub similarity: f64,
    /// Containment of the smaller of it and the canonical passage in the larger.
    pub containment: f64,
}

/// Passages that are near-duplicates of each other, directly or through other members.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The cluster's number: clusters are numbered in the input order of their first
    /// passage.
    pub id: usize,
    /// The canonical passage: the earliest published, then the first in input order.
    pub canonical: usize,
    /// Every member, the canonical first, then in input order.
    pub members: Vec<Member>,
}

impl Cluster {
    /// The number of members.
    pub fn size(&self) -> usize {
        self.members.len()
    }

    /// The members other than the canonical passage: the duplicates.
    pub fn duplicates(&self) -> &[Member] {
        self.members.get(1..).unwrap_or_default()
    }
}

/// Two passages found to be near-duplicates, `a < b`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    /// The first passage's index.
    pub a: usize,
    /// The second passage's index.
    pub b: usize,
    /// Jaccard similarity of their shingle sets.
    pub similarity: f64,
    /// Containment of the smaller set in the larger.
    pub containment: f64,
}

/// Counts that describe a run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    /// Articles given.
    pub articles: usize,
    /// Passages compared (with at least `min_words` words).
    pub passages: usize,
    /// Passages whose shingle set repeats an earlier passage's exactly.
    pub exact_copies: usize,
    /// Candidate pairs from LSH (between distinct shingle sets).
    pub candidates: u64,
    /// Verified pairs between distinct shingle sets.
    pub verified: usize,
    /// Clusters.
    pub clusters: usize,
    /// Passages in a cluster that are not its canonical passage.
    pub duplicates: usize,
    /// The LSH banding used.
    pub banding: Banding,
}

/// A verified pair of distinct shingle sets (each named by its first passage).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RepPair {
    pub a: u32,
    pub b: u32,
    pub jaccard: f64,
    pub containment: f64,
}

/// The result of deduplication: clusters, and the passages they are made of.
#[derive(Clone, Debug)]
pub struct Dedup {
    articles: Vec<Arc<Article>>,
    passages: Vec<PassageRef>,
    clusters: Vec<Cluster>,
    /// The later passages with the same shingle set as a first one.
    copies: HashMap<u32, Vec<u32>, IdBuildHasher>,
    rep_pairs: Vec<RepPair>,
    cross_only: bool,
    containment: bool,
    stats: Stats,
}

impl Dedup {
    /// The clusters, in the input order of their first passage.
    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// The articles, in input order.
    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }

    /// The number of passages compared.
    pub fn passage_count(&self) -> usize {
        self.passages.len()
    }

    /// Passage `index` (indices come from clusters, pairs and matches).
    ///
    /// # Panics
    ///
    /// When `index` is not below [`Dedup::passage_count`].
    pub fn passage(&self, index: usize) -> Passage<'_> {
        let p = self.passages[index];
        let article_index = p.article as usize;
        Passage {
            index,
            // Every passage's article index was assigned from `articles` when it was held.
            article: &self.articles[article_index],
            article_index,
            block: p.block.map(|b| b as usize),
            span: p.span,
        }
    }

    /// Every passage, in input order.
    pub fn passages(&self) -> impl Iterator<Item = Passage<'_>> {
        (0..self.passages.len()).map(|i| self.passage(i))
    }

    /// Every duplicate (a member that is not its cluster's canonical passage), with its
    /// cluster, in cluster order.
    pub fn duplicates(&self) -> impl Iterator<Item = (&Cluster, &Member)> {
        self.clusters
            .iter()
            .flat_map(|c| c.duplicates().iter().map(move |m| (c, m)))
    }

    /// True when the run was asked for containment scores.
    pub fn has_containment(&self) -> bool {
        self.containment
    }

    /// Every pair of passages found to be near-duplicates (and, in cross-only mode, from
    /// different articles), sorted. Passages with identical shingle sets pair with each
    /// other and with everything their set pairs with, so a passage printed `k` times gives
    /// `k(k-1)/2` pairs.
    pub fn pairs(&self) -> Vec<Pair> {
        let mut out = Vec::new();
        let article = |i: u32| self.passages[i as usize].article;
        let mut push = |x: u32, y: u32, similarity: f64, containment: f64| {
            if self.cross_only && article(x) == article(y) {
                return;
            }
            let (a, b) = if x < y { (x, y) } else { (y, x) };
            out.push(Pair {
                a: a as usize,
                b: b as usize,
                similarity,
                containment,
            });
        };
        let mut firsts: Vec<&u32> = self.copies.keys().collect();
        firsts.sort_unstable();
        for &first in firsts {
            let group = group(first, &self.copies);
            for (k, &x) in group.iter().enumerate() {
                for &y in &group[k + 1..] {
                    push(x, y, 1.0, 1.0);
                }
            }
        }
        for p in &self.rep_pairs {
            for &x in &group(p.a, &self.copies) {
                for &y in &group(p.b, &self.copies) {
                    push(x, y, p.jaccard, p.containment);
                }
            }
        }
        out.sort_unstable_by_key(|p| (p.a, p.b));
        out
    }

    /// Counts that describe the run.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }
}

/// The passages with the same shingle set as first passage `first`, itself included.
fn group(first: u32, copies: &HashMap<u32, Vec<u32>, IdBuildHasher>) -> Vec<u32> {
    let mut g = vec![first];
    if let Some(more) = copies.get(&first) {
        g.extend_from_slice(more);
    }
    g
}

/// What [`build`] needs from the engine.
pub(crate) struct Parts<'a> {
    pub opts: &'a Options,
    pub articles: Vec<Arc<Article>>,
    pub passages: &'a [PassageRef],
    pub rep: &'a [u32],
    pub copies: &'a HashMap<u32, Vec<u32>, IdBuildHasher>,
    pub rep_pairs: Vec<RepPair>,
    pub set: &'a (dyn Fn(usize) -> &'a [u64] + Sync),
    pub stats: Stats,
}

/// Joins verified pairs and exact copies into clusters.
pub(crate) fn build(parts: Parts<'_>) -> Dedup {
    let Parts {
        opts,
        articles,
        passages,
        rep,
        copies,
        rep_pairs,
        set,
        mut stats,
    } = parts;
    let n = passages.len();
    let article = |i: u32| passages[i as usize].article;
    let mut uf = UnionFind::new(n);
    let mut firsts: Vec<&u32> = copies.keys().collect();
    firsts.sort_unstable();
    for &first in firsts {
        let g = group(first, copies);
        // Cross-only: identical passages join only when they come from two articles or more
        // (then every copy pairs with a copy in another article).
        if opts.cross_only && g.iter().all(|&x| article(x) == article(first)) {
            continue;
        }
        for &x in &g[1..] {
            uf.union(first, x);
        }
    }
    for p in &rep_pairs {
        if !opts.cross_only {
            uf.union(p.a, p.b);
            continue;
        }
        for &x in &group(p.a, copies) {
            for &y in &group(p.b, copies) {
                if article(x) != article(y) {
                    uf.union(x, y);
                }
            }
        }
    }
    let mut components: HashMap<u32, Vec<u32>, IdBuildHasher> = HashMap::default();
    for i in 0..n as u32 {
        let root = uf.find(i);
        if root != i || uf.size[i as usize] > 1 {
            components.entry(root).or_default().push(i);
        }
    }
    // Members were pushed in increasing order, so each list is sorted and its first entry
    // is the cluster's first passage.
    let mut lists: Vec<Vec<u32>> = components.into_values().filter(|m| m.len() > 1).collect();
    lists.sort_unstable_by_key(|m| m[0]);
    let date = |i: u32| articles[article(i) as usize].published.map(|p| p.date());
    let clusters: Vec<Cluster> = lists
        .into_iter()
        .enumerate()
        .map(|(id, mut members)| {
            let canonical = first_appearance_first(&mut members, date).unwrap_or_default();
            let c = set(rep[canonical as usize] as usize);
            let members = members
                .into_iter()
                .map(|m| {
                    let (similarity, containment) = if rep[m as usize] == rep[canonical as usize] {
                        (1.0, 1.0)
                    } else {
                        let s = set(rep[m as usize] as usize);
                        let shared = intersection(c, s);
                        (
                            shared as f64 / (c.len() + s.len() - shared) as f64,
                            shared as f64 / c.len().min(s.len()) as f64,
                        )
                    };
                    Member {
                        passage: m as usize,
                        similarity,
                        containment,
                    }
                })
                .collect();
            Cluster {
                id,
                canonical: canonical as usize,
                members,
            }
        })
        .collect();
    stats.exact_copies = copies.values().map(Vec::len).sum();
    stats.verified = rep_pairs.len();
    stats.clusters = clusters.len();
    stats.duplicates = clusters.iter().map(|c| c.size() - 1).sum();
    Dedup {
        articles,
        passages: passages.to_vec(),
        clusters,
        copies: copies.clone(),
        rep_pairs,
        cross_only: opts.cross_only,
        containment: opts.containment.is_some(),
        stats,
    }
}

/// Disjoint sets with union by size and path halving.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a as usize] < self.size[b as usize] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b as usize] = a;
        self.size[a as usize] += self.size[b as usize];
    }
}

/// Moves the first appearance among `members` (in input order) to the front and returns
/// it: the earliest published, undated last, then the first in input order. The one rule
/// for a cluster's canonical passage and a remark's canonical quotation.
pub(crate) fn first_appearance_first<T: Copy + Ord>(
    members: &mut Vec<T>,
    date: impl Fn(T) -> Option<jiff::civil::Date>,
) -> Option<T> {
    let canonical = members
        .iter()
        .copied()
        .min_by_key(|&i| (date(i).is_none(), date(i), i))?;
    members.retain(|&m| m != canonical);
    members.insert(0, canonical);
    Some(canonical)
}
