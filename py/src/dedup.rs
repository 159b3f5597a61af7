//! `dedupe`, `Deduper` and their results, with spans as Python `str` indices.

use std::sync::Arc;

use copydesk::article::{self, Article as RustArticle, Document, Published};
use copydesk::dedup::{self, ClusterJson, Dedup, Level, Options, PairJson, Shingles, round_score};
use copydesk::text::{CharOffsets, OffsetUnit};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::article::{Article, shorten};
use crate::batch::{self, Progress};
use crate::convert::published_to_py;
use crate::errors::{invalid, to_pyerr};

/// A value serialized by the library (its JSON form, as the CLI writes it:
/// `serde_json::to_string(&view)`) read back as Python dicts and lists.
pub(crate) fn json_to_py(
    py: Python<'_>,
    json: serde_json::Result<String>,
) -> PyResult<Bound<'_, PyAny>> {
    let json = json.map_err(|e| invalid(py, e.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// One passage: where it is (article id and index, block, `[start, end)` str indices into
/// the article's text) and its text.
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct Passage {
    /// The passage's number (passages are numbered in input order).
    #[pyo3(get)]
    index: usize,
    /// The id of its article.
    #[pyo3(get)]
    article: String,
    /// The position of its article in the input.
    #[pyo3(get)]
    article_index: usize,
    /// Where its article came from: a path, `path:line`, `<text>`.
    #[pyo3(get)]
    source: String,
    /// Its article's publication date.
    published_rs: Option<Published>,
    /// The block it is (or is in); `None` at article level.
    #[pyo3(get)]
    block: Option<usize>,
    /// Index of the first character in the article's text.
    #[pyo3(get)]
    start: usize,
    /// Index one past the last character.
    #[pyo3(get)]
    end: usize,
    /// The passage's text.
    #[pyo3(get)]
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
        source: p.article.source.clone(),
        published_rs: p.article.published,
        block: p.block,
        start,
        end,
        text: p.text().to_owned(),
    }
}

impl Passage {
    /// The passage's fields as in the CLI's JSON.
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("article", &self.article)?;
        d.set_item("source", &self.source)?;
        d.set_item("published", self.published_rs.map(|p| p.to_string()))?;
        d.set_item("block", self.block)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

#[pymethods]
impl Passage {
    /// Its article's publication date (`datetime.date`, or `datetime.datetime` when the
    /// time is known), or None.
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.published_rs
            .as_ref()
            .map(|p| published_to_py(py, p))
            .transpose()
    }

    /// The passage as a dict, as in the CLI's JSON: `article`, `source`, `published` (ISO
    /// 8601 or None), `block`, `start`, `end`, `text`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

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
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct Member {
    /// The cluster's number.
    #[pyo3(get)]
    cluster: usize,
    /// True for the cluster's canonical passage (earliest published, then first).
    #[pyo3(get)]
    canonical: bool,
    /// Jaccard similarity of shingle sets to the canonical passage.
    #[pyo3(get)]
    similarity: f64,
    /// Containment of the smaller of it and the canonical passage in the larger.
    #[pyo3(get)]
    containment: f64,
    /// The passage.
    #[pyo3(get)]
    passage: Py<Passage>,
    /// Whether the run looked for containment (the CLI writes `containment` only then).
    with_containment: bool,
}

#[pymethods]
impl Member {
    /// The member as a dict, as a member in `copydesk dedupe` output (the passage's fields,
    /// `similarity`, and `containment` when the run looked for it) with `cluster` and
    /// `canonical`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = self.passage.get().dict(py)?;
        d.set_item("similarity", round_score(self.similarity))?;
        if self.with_containment {
            d.set_item("containment", round_score(self.containment))?;
        }
        d.set_item("cluster", self.cluster)?;
        d.set_item("canonical", self.canonical)?;
        Ok(d)
    }

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
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct Cluster {
    /// The cluster's number (clusters are numbered in the input order of their first
    /// passage).
    #[pyo3(get)]
    id: usize,
    /// The canonical passage: the earliest published, then the first in input order.
    #[pyo3(get)]
    canonical: Py<Passage>,
    /// Every member, the canonical first.
    #[pyo3(get)]
    members: Vec<Py<Member>>,
    /// The result it belongs to, and its position there (for `to_dict`).
    dedup: Arc<Dedup>,
    position: usize,
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

    /// The cluster as a dict, the same shape as one line of `copydesk dedupe` output:
    /// `cluster`, `size`, `canonical` and `members`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = self.dedup.clusters().get(self.position);
        let c = c.ok_or_else(|| invalid(py, "the cluster is no longer in its result"))?;
        json_to_py(
            py,
            serde_json::to_string(&ClusterJson::new(&self.dedup, c, OffsetUnit::Chars)),
        )
    }

    /// The cluster as HTML for Jupyter: a table of its members, the canonical first.
    fn _repr_html_(&self) -> String {
        crate::html::cluster(&self.dedup, self.position)
    }

    fn __repr__(&self) -> String {
        let articles: Vec<String> = self
            .members
            .iter()
            .map(|m| format!("{:?}", m.get().passage.get().article))
            .collect();
        format!(
            "Cluster(id={}, size={}, canonical={:?}, articles=[{}])",
            self.id,
            self.members.len(),
            shorten(&self.canonical.get().text, 50),
            articles.join(", ")
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

    /// The pair as a dict, the same shape as one line of `copydesk dedupe --output pairs`:
    /// `a`, `b` (passages), `similarity`, and `containment` when the run looked for it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pair = dedup::Pair {
            a: self.a,
            b: self.b,
            similarity: self.similarity,
            containment: self.containment,
        };
        json_to_py(
            py,
            serde_json::to_string(&PairJson::new(&self.dedup, pair, OffsetUnit::Chars)),
        )
    }

    fn __repr__(&self) -> String {
        let article = |i: usize| self.dedup.passage(i).article.id.clone();
        format!(
            "Pair(a={}, b={}, similarity={:.3}, articles=({:?}, {:?}))",
            self.a,
            self.b,
            self.similarity,
            article(self.a),
            article(self.b)
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
            .enumerate()
            .map(|(position, c)| {
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
                                with_containment: d.has_containment(),
                            },
                        )
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(Cluster {
                    id: c.id,
                    canonical: Py::new(py, passage(d, c.canonical))?,
                    members,
                    dedup: Arc::clone(d),
                    position,
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
        data_frame(py, &columns, lists)
    }

    /// The result as a dict: `clusters` (each as one line of `copydesk dedupe` output) and
    /// `stats`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = &self.inner;
        let clusters: Vec<ClusterJson<'_>> = d
            .clusters()
            .iter()
            .map(|c| ClusterJson::new(d, c, OffsetUnit::Chars))
            .collect();
        let out = PyDict::new(py);
        out.set_item(
            "clusters",
            json_to_py(py, serde_json::to_string(&clusters))?,
        )?;
        out.set_item("stats", self.stats(py)?)?;
        Ok(out)
    }

    /// The result as HTML for Jupyter: its counts and a table of its clusters.
    fn _repr_html_(&self) -> String {
        crate::html::dedup(&self.inner)
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

/// A pandas DataFrame of `columns`, each the list of the same position in `lists`; an
/// `ImportError` naming the extra when pandas is not installed.
pub(crate) fn data_frame<'py>(
    py: Python<'py>,
    columns: &[&str],
    lists: Vec<Bound<'py, PyList>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = py.import("pandas").map_err(|_| {
        pyo3::exceptions::PyImportError::new_err(
            "to_pandas needs pandas, an optional extra: pip install 'copydesk[pandas]' (or pip install pandas)",
        )
    })?;
    let data = PyDict::new(py);
    for (name, list) in columns.iter().zip(lists) {
        data.set_item(name, list)?;
    }
    pandas.getattr("DataFrame")?.call1((data,))
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
pub(crate) enum Item {
    Parsed(Arc<RustArticle>),
    Text(Box<Document>),
}

/// A text under `id`: at article level one passage as it is, else a document to parse
/// into blocks.
fn text_item(id: String, text: String, level: Level) -> Item {
    if level == Level::Article {
        return Item::Parsed(Arc::new(dedup::whole_text(id, text)));
    }
    Item::Text(Box::new(Document {
        id,
        source: "<text>".to_owned(),
        text,
        ..Document::default()
    }))
}

/// Refuses one string where an iterable of items is expected by function `what`.
pub(crate) fn not_one_string(py: Python<'_>, items: &Bound<'_, PyAny>, what: &str) -> PyResult<()> {
    if items.is_instance_of::<PyString>() {
        return Err(invalid(
            py,
            format!(
                "{what} takes a list of texts, Articles or (id, text) pairs, not one string; wrap it in a list"
            ),
        ));
    }
    Ok(())
}

/// Reads item `i`: a string (its id is its position `id`), an Article, or an `(id, text)`
/// pair.
pub(crate) fn item(
    py: Python<'_>,
    item: &Bound<'_, PyAny>,
    i: usize,
    id: usize,
    level: Level,
) -> PyResult<Item> {
    if let Ok(text) = item.cast::<PyString>() {
        Ok(text_item(
            id.to_string(),
            text.to_cow()?.into_owned(),
            level,
        ))
    } else if let Ok(a) = item.cast::<Article>() {
        Ok(Item::Parsed(Arc::clone(a.get().inner())))
    } else if let Ok(t) = item.cast::<PyTuple>() {
        let pair: (String, String) = t.extract().map_err(|_| {
            invalid(
                py,
                format!("item {i}: a tuple must be (id, text), two strings"),
            )
        })?;
        Ok(text_item(pair.0, pair.1, level))
    } else {
        let type_name = item.get_type().name()?;
        Err(invalid(
            py,
            format!("item {i} is {type_name}: texts, Articles or (id, text) pairs are taken"),
        ))
    }
}

/// Adds `items` to `deduper` a batch at a time (parsed and matched without the
/// interpreter), telling `progress` after each batch.
fn add_items<'py>(
    py: Python<'py>,
    deduper: &mut dedup::Deduper,
    items: &Bound<'py, PyAny>,
    progress: &Progress<'py>,
) -> PyResult<()> {
    not_one_string(py, items, "dedupe")?;
    let first = deduper.articles();
    let level = deduper.options().level;
    batch::for_each_batch(
        items,
        progress,
        |i, it| item(py, &it, i, first + i, level),
        |batch| {
            py.detach(|| deduper.add(parse_items(batch)));
            Ok(())
        },
    )?;
    Ok(())
}

/// The items as articles, texts parsed in parallel, in input order.
pub(crate) fn parse_items(items: Vec<Item>) -> Vec<Arc<RustArticle>> {
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
///
/// `items` may be any iterable, a generator included: it is read a batch of 1,000 items at
/// a time, each batch parsed and matched in parallel without the interpreter. `progress`,
/// when given, is called with the number of items done since the last call, between
/// batches (`progress=tqdm(total=len(items)).update` fits); an exception it raises stops
/// the work and propagates.
#[pyfunction]
#[pyo3(signature = (items, level = "paragraph", threshold = 0.8, *, shingle = "word", n = None, containment = None, cross_only = false, kinds = None, min_words = 3, num_perm = 128, seed = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn dedupe<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
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
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<DedupResult> {
    let progress = Progress::new(py, progress)?;
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
    let mut deduper = dedup::Deduper::new(opts).map_err(|e| to_pyerr(py, e))?;
    add_items(py, &mut deduper, items, &progress)?;
    let result = py.detach(|| deduper.result());
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
    /// The match as a dict: the passage's fields (as in the CLI's JSON), `similarity` and
    /// `containment`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = self.passage.get().dict(py)?;
        d.set_item("similarity", round_score(self.similarity))?;
        d.set_item("containment", round_score(self.containment))?;
        Ok(d)
    }

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

    /// Adds a batch: texts (their ids are their positions among everything added),
    /// Articles or `(id, text)` pairs. `progress` is called as in `dedupe`; when it raises,
    /// the batches of 1,000 items done before stay added.
    #[pyo3(signature = (items, *, progress = None))]
    fn add<'py>(
        &mut self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let progress = Progress::new(py, progress)?;
        self.snapshot = None;
        add_items(py, &mut self.inner, items, &progress)
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
