//! `dedupe`, `Deduper` and their results, with spans as Python `str` indices.

use std::sync::Arc;

use copydesk::article::{self, Article as RustArticle, Document};
use copydesk::dedup::{self, Dedup, Level, Options, Shingles};
use copydesk::text::CharOffsets;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::article::{Article, shorten};
use crate::convert::published_to_py;
use crate::errors::{invalid, to_pyerr};

/// One passage: where it is (article id and index, block, `[start, end)` str indices into
/// the article's text) and its text.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct Passage {
    /// The passage's number (passages are numbered in input order).
    index: usize,
    /// The id of its article.
    article: String,
    /// The position of its article in the input.
    article_index: usize,
    /// The block it is (or is in); `None` at article level.
    block: Option<usize>,
    /// Index of the first character in the article's text.
    start: usize,
    /// Index one past the last character.
    end: usize,
    /// The passage's text.
    text: String,
}

fn passage(d: &Dedup, index: usize) -> Passage {
    from_passage(d.passage(index))
}

fn from_passage(p: dedup::Passage<'_>) -> Passage {
    let index = p.index;
    let (start, end) = CharOffsets::new(&p.article.text).char_span(p.span);
    Passage {
        index,
        article: p.article.id.clone(),
        article_index: p.article_index,
        block: p.block,
        start,
        end,
        text: p.text().to_owned(),
    }
}

#[pymethods]
impl Passage {
    fn __repr__(&self) -> String {
        format!(
            "Passage(article={:?}, block={}, start={}, end={}, text={:?})",
            self.article,
            self.block.map_or("None".into(), |b| b.to_string()),
            self.start,
            self.end,
            shorten(&self.text, 50)
        )
    }
}

/// A member of a cluster: the passage, its similarity (Jaccard) and containment relative
/// to the cluster's canonical passage, and whether it is the canonical one.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct Member {
    /// The cluster's number.
    cluster: usize,
    /// True for the cluster's canonical passage (earliest published, then first).
    canonical: bool,
    /// Jaccard similarity of shingle sets to the canonical passage.
    similarity: f64,
    /// Containment of the smaller of it and the canonical passage in the larger.
    containment: f64,
    /// The passage.
    passage: Py<Passage>,
}

#[pymethods]
impl Member {
    /// The passage's article id.
    #[getter]
    fn article(&self) -> String {
        self.passage.get().article.clone()
    }

    /// The passage's text.
    #[getter]
    fn text(&self) -> String {
        self.passage.get().text.clone()
    }

    fn __repr__(&self) -> String {
        let p = self.passage.get();
        format!(
            "Member(cluster={}, canonical={}, similarity={:.3}, article={:?}, text={:?})",
            self.cluster,
            if self.canonical { "True" } else { "False" },
            self.similarity,
            p.article,
            shorten(&p.text, 40)
        )
    }
}

/// Passages that are near-duplicates of each other; `members[0]` is the canonical one.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct Cluster {
    /// The cluster's number (clusters are numbered in the input order of their first
    /// passage).
    id: usize,
    /// The canonical passage: the earliest published, then the first in input order.
    canonical: Py<Passage>,
    /// Every member, the canonical first.
    members: Vec<Py<Member>>,
}

#[pymethods]
impl Cluster {
    /// The number of members.
    #[getter]
    fn size(&self) -> usize {
        self.members.len()
    }

    fn __len__(&self) -> usize {
        self.members.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Cluster(id={}, size={}, canonical={:?})",
            self.id,
            self.members.len(),
            shorten(&self.canonical.get().text, 50)
        )
    }
}

/// Two passages found to be near-duplicates (`a` before `b` in input order).
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct Pair {
    dedup: Arc<Dedup>,
    a: usize,
    b: usize,
    /// Jaccard similarity of their shingle sets.
    #[pyo3(get)]
    similarity: f64,
    /// Containment of the smaller shingle set in the larger.
    #[pyo3(get)]
    containment: f64,
}

#[pymethods]
impl Pair {
    /// The first passage.
    #[getter]
    fn a(&self) -> Passage {
        passage(&self.dedup, self.a)
    }

    /// The second passage.
    #[getter]
    fn b(&self) -> Passage {
        passage(&self.dedup, self.b)
    }

    /// `(a.index, b.index)`: the passages' numbers.
    #[getter]
    fn indices(&self) -> (usize, usize) {
        (self.a, self.b)
    }

    fn __repr__(&self) -> String {
        format!(
            "Pair(a={}, b={}, similarity={:.3})",
            self.a, self.b, self.similarity
        )
    }
}

/// What `dedupe` found: `clusters`, `pairs`, `duplicates`, `to_pandas()`.
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct DedupResult {
    inner: Arc<Dedup>,
}

#[pymethods]
impl DedupResult {
    /// The clusters, in the input order of their first passage.
    #[getter]
    fn clusters(&self, py: Python<'_>) -> PyResult<Vec<Cluster>> {
        let d = &self.inner;
        d.clusters()
            .iter()
            .map(|c| {
                let members = c
                    .members
                    .iter()
                    .map(|m| {
                        Py::new(
                            py,
                            Member {
                                cluster: c.id,
                                canonical: m.passage == c.canonical,
                                similarity: m.similarity,
                                containment: m.containment,
                                passage: Py::new(py, passage(d, m.passage))?,
                            },
                        )
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(Cluster {
                    id: c.id,
                    canonical: Py::new(py, passage(d, c.canonical))?,
                    members,
                })
            })
            .collect()
    }

    /// Every near-duplicate pair, sorted by passage number.
    #[getter]
    fn pairs(&self, py: Python<'_>) -> Vec<Pair> {
        let d = Arc::clone(&self.inner);
        let pairs = py.detach(|| d.pairs());
        pairs
            .into_iter()
            .map(|p| Pair {
                dedup: Arc::clone(&self.inner),
                a: p.a,
                b: p.b,
                similarity: p.similarity,
                containment: p.containment,
            })
            .collect()
    }

    /// Every member that is not its cluster's canonical passage.
    #[getter]
    fn duplicates(&self, py: Python<'_>) -> PyResult<Vec<Py<Member>>> {
        let mut out = Vec::new();
        for c in self.clusters(py)? {
            out.extend(c.members.into_iter().skip(1));
        }
        Ok(out)
    }

    /// Passage `index`.
    fn passage(&self, py: Python<'_>, index: usize) -> PyResult<Passage> {
        if index >= self.inner.passage_count() {
            return Err(invalid(
                py,
                format!(
                    "no passage {index}: there are {}",
                    self.inner.passage_count()
                ),
            ));
        }
        Ok(passage(&self.inner, index))
    }

    /// Counts that describe the run.
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.inner.stats();
        let dict = PyDict::new(py);
        dict.set_item("articles", s.articles)?;
        dict.set_item("passages", s.passages)?;
        dict.set_item("exact_copies", s.exact_copies)?;
        dict.set_item("candidates", s.candidates)?;
        dict.set_item("verified", s.verified)?;
        dict.set_item("clusters", s.clusters)?;
        dict.set_item("duplicates", s.duplicates)?;
        dict.set_item("bands", s.banding.bands)?;
        dict.set_item("rows", s.banding.rows)?;
        Ok(dict)
    }

    /// One row per cluster member: `cluster`, `canonical`, `article`, `published`,
    /// `block`, `start`, `end`, `similarity`, `containment`, `text`. Needs pandas.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|_| {
            pyo3::exceptions::PyImportError::new_err("to_pandas needs pandas: pip install pandas")
        })?;
        let d = &self.inner;
        let columns = [
            "cluster",
            "canonical",
            "article",
            "published",
            "block",
            "start",
            "end",
            "similarity",
            "containment",
            "text",
        ];
        let lists: Vec<Bound<'py, PyList>> = columns.iter().map(|_| PyList::empty(py)).collect();
        for c in d.clusters() {
            for m in &c.members {
                let p = passage(d, m.passage);
                let published = d.passage(m.passage).article.published;
                let published = published
                    .as_ref()
                    .map(|p| published_to_py(py, p))
                    .transpose()?;
                lists[0].append(c.id)?;
                lists[1].append(m.passage == c.canonical)?;
                lists[2].append(p.article)?;
                lists[3].append(published)?;
                lists[4].append(p.block)?;
                lists[5].append(p.start)?;
                lists[6].append(p.end)?;
                lists[7].append(m.similarity)?;
                lists[8].append(m.containment)?;
                lists[9].append(p.text)?;
            }
        }
        let data = PyDict::new(py);
        for (name, list) in columns.iter().zip(lists) {
            data.set_item(name, list)?;
        }
        pandas.getattr("DataFrame")?.call1((data,))
    }

    fn __len__(&self) -> usize {
        self.inner.clusters().len()
    }

    fn __repr__(&self) -> String {
        let s = self.inner.stats();
        format!(
            "DedupResult(articles={}, passages={}, clusters={}, duplicates={})",
            s.articles, s.passages, s.clusters, s.duplicates
        )
    }
}

/// Reads the options shared by `dedupe` and `Deduper`.
#[allow(clippy::too_many_arguments)]
fn options(
    py: Python<'_>,
    level: &str,
    threshold: f64,
    shingle: &str,
    n: Option<usize>,
    containment: Option<&Bound<'_, PyAny>>,
    cross_only: bool,
    kinds: Option<Vec<String>>,
    min_words: usize,
    num_perm: usize,
    seed: Option<u64>,
) -> PyResult<Options> {
    let level: Level = level.parse().map_err(|e| to_pyerr(py, e))?;
    let shingles = match shingle {
        "word" => Shingles::Words(n.unwrap_or(Shingles::DEFAULT_WORD_N)),
        "char" => Shingles::Chars(n.unwrap_or(Shingles::DEFAULT_CHAR_N)),
        other => {
            return Err(invalid(
                py,
                format!("shingle must be 'word' or 'char', not {other:?}"),
            ));
        }
    };
    let containment = match containment {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) if v.is_instance_of::<pyo3::types::PyBool>() => {
            v.extract::<bool>()?.then_some(threshold)
        }
        Some(v) => Some(
            v.extract::<f64>()
                .map_err(|_| invalid(py, "containment must be None, True, False or a number"))?,
        ),
    };
    let defaults = Options::default();
    let kinds = match kinds {
        None => defaults.kinds.clone(),
        Some(names) => names
            .iter()
            .map(|name| dedup::kind_named(name).map_err(|e| to_pyerr(py, e)))
            .collect::<PyResult<Vec<_>>>()?,
    };
    let opts = Options {
        level,
        threshold,
        shingles,
        containment,
        cross_only,
        kinds,
        min_words,
        num_perm,
        seed: seed.unwrap_or(defaults.seed),
        ..defaults
    };
    opts.validate().map_err(|e| to_pyerr(py, e))?;
    Ok(opts)
}

/// What an input item is, before parsing (done without the interpreter).
enum Item {
    Parsed(Arc<RustArticle>),
    Text(Box<Document>),
}

/// At article level a text is one passage as it is, not parsed into blocks.
fn whole_texts(items: Vec<Item>, level: Level) -> Vec<Item> {
    if level != Level::Article {
        return items;
    }
    items
        .into_iter()
        .map(|item| match item {
            Item::Text(doc) => Item::Parsed(Arc::new(dedup::whole_text(doc.id, doc.text))),
            parsed => parsed,
        })
        .collect()
}

/// Reads `items`: strings (ids are their positions, counted from `first`), Articles, or
/// `(id, text)` pairs.
fn items(py: Python<'_>, items: &Bound<'_, PyAny>, first: usize) -> PyResult<Vec<Item>> {
    if items.is_instance_of::<PyString>() {
        return Err(invalid(
            py,
            "dedupe takes a list of texts, Articles or (id, text) pairs, not one string; wrap it in a list",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        if let Ok(text) = item.cast::<PyString>() {
            out.push(Item::Text(Box::new(Document {
                id: (first + i).to_string(),
                source: "<text>".to_owned(),
                text: text.to_cow()?.into_owned(),
                ..Document::default()
            })));
        } else if let Ok(a) = item.cast::<Article>() {
            out.push(Item::Parsed(Arc::clone(a.get().inner())));
        } else if let Ok(t) = item.cast::<PyTuple>() {
            let pair: (String, String) = t.extract().map_err(|_| {
                invalid(
                    py,
                    format!("item {i}: a tuple must be (id, text), two strings"),
                )
            })?;
            out.push(Item::Text(Box::new(Document {
                id: pair.0,
                source: "<text>".to_owned(),
                text: pair.1,
                ..Document::default()
            })));
        } else {
            let type_name = item.get_type().name()?;
            return Err(invalid(
                py,
                format!(
                    "item {i} is {type_name}: dedupe takes texts, Articles or (id, text) pairs"
                ),
            ));
        }
    }
    Ok(out)
}

/// The items as articles, texts parsed in parallel, in input order.
fn parse_items(items: Vec<Item>) -> Vec<Arc<RustArticle>> {
    let mut docs = Vec::new();
    let mut slots = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Parsed(a) => slots.push(Some(a)),
            Item::Text(doc) => {
                docs.push(*doc);
                slots.push(None);
            }
        }
    }
    let mut parsed = article::parse_batch(docs).into_iter().map(Arc::new);
    slots
        .into_iter()
        .filter_map(|slot| slot.or_else(|| parsed.next()))
        .collect()
}

/// Finds near-duplicate passages among `items` and clusters them.
///
/// `items` are texts (their ids are their positions), Articles (from `parse` or `read`,
/// with their publication dates), or `(id, text)` pairs. A passage is a paragraph, a
/// sentence or a whole article (`level`). Two passages are near-duplicates when the Jaccard
/// similarity of their shingle sets (word 3-grams after normalization; `shingle="char"`
/// and `n` change that) is at least `threshold`; `containment=True` (or a number) also
/// pairs a passage mostly contained in a longer one. `cross_only=True` ignores repeats
/// inside one article. Every pair reported is verified exactly. Returns a `DedupResult`
/// with `clusters`, `pairs`, `duplicates` and `to_pandas()`.
#[pyfunction]
#[pyo3(signature = (items, level = "paragraph", threshold = 0.8, *, shingle = "word", n = None, containment = None, cross_only = false, kinds = None, min_words = 3, num_perm = 128, seed = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn dedupe(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    level: &str,
    threshold: f64,
    shingle: &str,
    n: Option<usize>,
    containment: Option<&Bound<'_, PyAny>>,
    cross_only: bool,
    kinds: Option<Vec<String>>,
    min_words: usize,
    num_perm: usize,
    seed: Option<u64>,
) -> PyResult<DedupResult> {
    let opts = options(
        py,
        level,
        threshold,
        shingle,
        n,
        containment,
        cross_only,
        kinds,
        min_words,
        num_perm,
        seed,
    )?;
    let items = whole_texts(self::items(py, items, 0)?, opts.level);
    let result = py
        .detach(|| dedup::dedupe(parse_items(items), &opts))
        .map_err(|e| to_pyerr(py, e))?;
    Ok(DedupResult {
        inner: Arc::new(result),
    })
}

/// A passage held by a `Deduper` that a queried text duplicates.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct Match {
    /// The passage held.
    passage: Py<Passage>,
    /// Jaccard similarity of shingle sets.
    similarity: f64,
    /// Containment of the smaller shingle set in the larger.
    containment: f64,
}

#[pymethods]
impl Match {
    fn __repr__(&self) -> String {
        let p = self.passage.get();
        format!(
            "Match(similarity={:.3}, article={:?}, text={:?})",
            self.similarity,
            p.article,
            shorten(&p.text, 40)
        )
    }
}

/// Finds near-duplicates in a corpus that arrives in batches.
#[pyclass(module = "copydesk")]
pub(crate) struct Deduper {
    inner: dedup::Deduper,
    /// The latest result, kept until more is added.
    snapshot: Option<Arc<Dedup>>,
}

impl Deduper {
    fn snapshot(&mut self, py: Python<'_>) -> Arc<Dedup> {
        if let Some(s) = &self.snapshot {
            return Arc::clone(s);
        }
        let inner = &self.inner;
        let s = Arc::new(py.detach(|| inner.result()));
        self.snapshot = Some(Arc::clone(&s));
        s
    }
}

#[pymethods]
impl Deduper {
    #[new]
    #[pyo3(signature = (level = "paragraph", threshold = 0.8, *, shingle = "word", n = None, containment = None, cross_only = false, kinds = None, min_words = 3, num_perm = 128, seed = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        level: &str,
        threshold: f64,
        shingle: &str,
        n: Option<usize>,
        containment: Option<&Bound<'_, PyAny>>,
        cross_only: bool,
        kinds: Option<Vec<String>>,
        min_words: usize,
        num_perm: usize,
        seed: Option<u64>,
    ) -> PyResult<Deduper> {
        let opts = options(
            py,
            level,
            threshold,
            shingle,
            n,
            containment,
            cross_only,
            kinds,
            min_words,
            num_perm,
            seed,
        )?;
        let inner = dedup::Deduper::new(opts).map_err(|e| to_pyerr(py, e))?;
        Ok(Deduper {
            inner,
            snapshot: None,
        })
    }

    /// Adds a batch: texts, Articles or `(id, text)` pairs.
    fn add(&mut self, py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<()> {
        let items = whole_texts(
            self::items(py, items, self.inner.articles())?,
            self.inner.options().level,
        );
        let inner = &mut self.inner;
        py.detach(|| inner.add(parse_items(items)));
        self.snapshot = None;
        Ok(())
    }

    /// The passages held that `text` duplicates, most similar first.
    fn query(&self, py: Python<'_>, text: &str) -> PyResult<Vec<Match>> {
        let inner = &self.inner;
        let found = py.detach(|| inner.query(text));
        found
            .into_iter()
            .filter_map(|m| Some((inner.passage(m.passage)?, m)))
            .map(|(p, m)| {
                Ok(Match {
                    passage: Py::new(py, from_passage(p))?,
                    similarity: m.similarity,
                    containment: m.containment,
                })
            })
            .collect()
    }

    /// True when `text` duplicates a passage held.
    fn is_duplicate(&self, py: Python<'_>, text: &str) -> bool {
        let inner = &self.inner;
        py.detach(|| inner.is_duplicate(text))
    }

    /// The clusters of everything held so far.
    fn result(&mut self, py: Python<'_>) -> DedupResult {
        DedupResult {
            inner: self.snapshot(py),
        }
    }

    /// The number of passages held.
    fn __len__(&self) -> usize {
        self.inner.passages()
    }

    fn __repr__(&self) -> String {
        format!(
            "Deduper(articles={}, passages={}, threshold={})",
            self.inner.articles(),
            self.inner.passages(),
            self.inner.options().threshold
        )
    }
}

/// The shingles of `text` as strings, in order, with repeats: what another tool needs to
/// hash exactly the shingles copydesk compares.
#[pyfunction]
#[pyo3(signature = (text, shingle = "word", n = None))]
pub(crate) fn shingles(
    py: Python<'_>,
    text: &str,
    shingle: &str,
    n: Option<usize>,
) -> PyResult<Vec<String>> {
    let kind = match shingle {
        "word" => Shingles::Words(n.unwrap_or(Shingles::DEFAULT_WORD_N)),
        "char" => Shingles::Chars(n.unwrap_or(Shingles::DEFAULT_CHAR_N)),
        other => {
            return Err(invalid(
                py,
                format!("shingle must be 'word' or 'char', not {other:?}"),
            ));
        }
    };
    Ok(dedup::shingle_strings(text, kind))
}

/// The exact all-pairs search (prefix filtering) on word n-gram sets of `texts`: every
/// pair `(i, j, jaccard)` with `i < j` and Jaccard at least `threshold`. The reference the
/// benchmark measures recall against.
#[pyfunction]
#[pyo3(signature = (texts, threshold = 0.8, n = 3))]
pub(crate) fn exact_pairs(
    py: Python<'_>,
    texts: Vec<String>,
    threshold: f64,
    n: usize,
) -> Vec<(u32, u32, f64)> {
    py.detach(|| {
        dedup::exact_pairs(&texts, Shingles::Words(n), threshold, None)
            .into_iter()
            .map(|p| (p.a, p.b, p.jaccard))
            .collect()
    })
}
