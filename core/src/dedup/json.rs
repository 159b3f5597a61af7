//! The JSON form of clusters and pairs, shared by every front end.

use std::collections::HashMap;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::result::{Cluster, Dedup, Pair};
use crate::text::{OffsetUnit, SpanConverter};

/// A passage as JSON: `article` (its id), `source`, `published`, `block` (null at article
/// level), `start`, `end` (offsets into the article's text in the chosen unit) and `text`;
/// as a cluster member also `similarity` to the canonical passage, and `containment` when
/// the run asked for it.
pub struct PassageJson<'a> {
    dedup: &'a Dedup,
    passage: usize,
    unit: OffsetUnit,
    scores: Option<(f64, f64)>,
    /// The article's converter, when the caller shares one among many passages.
    converter: Option<&'a SpanConverter<'a>>,
}

impl<'a> PassageJson<'a> {
    /// A view of passage `passage` of `dedup`, offsets in `unit`.
    pub fn new(dedup: &'a Dedup, passage: usize, unit: OffsetUnit) -> PassageJson<'a> {
        PassageJson {
            dedup,
            passage,
            unit,
            scores: None,
            converter: None,
        }
    }

    fn with_converter(mut self, converter: Option<&'a SpanConverter<'a>>) -> PassageJson<'a> {
        self.converter = converter;
        self
    }

    fn scored(mut self, similarity: f64, containment: f64) -> PassageJson<'a> {
        self.scores = Some((similarity, containment));
        self
    }
}

impl Serialize for PassageJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.dedup.passage(self.passage);
        let (start, end) = match self.converter {
            Some(converter) => converter.convert(p.span),
            None => SpanConverter::new(&p.article.text, self.unit).convert(p.span),
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("article", &p.article.id)?;
        map.serialize_entry("source", &p.article.source)?;
        map.serialize_entry("published", &p.article.published)?;
        map.serialize_entry("block", &p.block)?;
        map.serialize_entry("start", &start)?;
        map.serialize_entry("end", &end)?;
        map.serialize_entry("text", p.text())?;
        if let Some((similarity, containment)) = self.scores {
            map.serialize_entry("similarity", &round_score(similarity))?;
            if self.dedup.has_containment() {
                map.serialize_entry("containment", &round_score(containment))?;
            }
        }
        map.end()
    }
}

/// A score as JSON writes it: six decimals, enough to compare with any threshold one would
/// type, and stable across platforms. Front ends that build their own records (Python's
/// `to_dict`) round with it too.
///
/// ```
/// assert_eq!(copydesk::dedup::round_score(11.0 / 13.0), 0.846154);
/// ```
pub fn round_score(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A cluster as JSON: `cluster` (its number), `size`, `canonical` (a passage) and `members`
/// (passages with their `similarity` to the canonical one, the canonical first).
///
/// ```
/// use copydesk::article;
/// use copydesk::dedup::{self, ClusterJson, Options};
/// use copydesk::text::OffsetUnit;
///
/// let a = article::parse("Officials are eyeing late May or June for the summit.");
/// let b = article::parse("Officials are eyeing late May or June for the summit.");
/// let result = dedup::dedupe([a, b], &Options::default())?;
/// let json = serde_json::to_value(ClusterJson::new(&result, &result.clusters()[0], OffsetUnit::Chars)).unwrap();
/// assert_eq!(json["size"], 2);
/// assert_eq!(json["members"][1]["similarity"], 1.0);
/// assert_eq!(json["canonical"]["end"], 53);
/// # Ok::<(), copydesk::Error>(())
/// ```
pub struct ClusterJson<'a> {
    dedup: &'a Dedup,
    cluster: &'a Cluster,
    unit: OffsetUnit,
}

impl<'a> ClusterJson<'a> {
    /// A view of `cluster` of `dedup`, offsets in `unit`.
    pub fn new(dedup: &'a Dedup, cluster: &'a Cluster, unit: OffsetUnit) -> ClusterJson<'a> {
        ClusterJson {
            dedup,
            cluster,
            unit,
        }
    }
}

impl Serialize for ClusterJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.cluster;
        // One converter per article of the cluster: building one takes time linear in the
        // article's length, so building one per member made a cluster of many passages of one
        // long article quadratic (a 50 MB one-line dump never finished).
        let mut converters: HashMap<usize, SpanConverter<'_>> = HashMap::new();
        for m in &c.members {
            let p = self.dedup.passage(m.passage);
            converters
                .entry(p.article_index)
                .or_insert_with(|| SpanConverter::new(&p.article.text, self.unit));
        }
        let converter = |passage: usize| converters.get(&self.dedup.passage(passage).article_index);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("cluster", &c.id)?;
        map.serialize_entry("size", &c.size())?;
        map.serialize_entry(
            "canonical",
            &PassageJson::new(self.dedup, c.canonical, self.unit)
                .with_converter(converter(c.canonical)),
        )?;
        let members: Vec<PassageJson<'_>> = c
            .members
            .iter()
            .map(|m| {
                PassageJson::new(self.dedup, m.passage, self.unit)
                    .scored(m.similarity, m.containment)
                    .with_converter(converter(m.passage))
            })
            .collect();
        map.serialize_entry("members", &members)?;
        map.end()
    }
}

/// A pair as JSON: `a` and `b` (passages), `similarity`, and `containment` when the run
/// asked for it.
pub struct PairJson<'a> {
    dedup: &'a Dedup,
    pair: Pair,
    unit: OffsetUnit,
}

impl<'a> PairJson<'a> {
    /// A view of `pair` of `dedup`, offsets in `unit`.
    pub fn new(dedup: &'a Dedup, pair: Pair, unit: OffsetUnit) -> PairJson<'a> {
        PairJson { dedup, pair, unit }
    }
}

impl Serialize for PairJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("a", &PassageJson::new(self.dedup, self.pair.a, self.unit))?;
        map.serialize_entry("b", &PassageJson::new(self.dedup, self.pair.b, self.unit))?;
        map.serialize_entry("similarity", &round_score(self.pair.similarity))?;
        if self.dedup.has_containment() {
            map.serialize_entry("containment", &round_score(self.pair.containment))?;
        }
        map.end()
    }
}
