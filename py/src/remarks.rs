//! `quotes`: remarks followed across articles, with spans as Python `str` indices.

use std::sync::Arc;

use copydesk::dedup::{self, RemarkJson, RemarkOptions, Remarks as RustRemarks, round_score};
use copydesk::text::{CharOffsets, OffsetUnit};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::article::{Quote, shorten};
use crate::batch::{self, Progress};
use crate::convert::published_to_py;
use crate::dedup::{data_frame, item, json_to_py, not_one_string, parse_items};
use crate::errors::{invalid, to_pyerr};

/// One quotation of a remark: the `quote` itself (spans into its article's text), the
/// article that prints it, and how close it is to the remark's first appearance.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct RemarkMember {
    /// The number of its remark's cluster.
    cluster: usize,
    /// Whether this is the remark's first appearance (its canonical quotation).
    canonical: bool,
    /// The id of the article that prints it.
    article: String,
    /// The article's outlet, when the text names it.
    outlet: Option<String>,
    /// The quotation, with its spans, kind, speaker and verb.
    quote: Py<Quote>,
    /// Jaccard similarity of its shingle set to the canonical quotation's.
    similarity: f64,
    /// Containment of the smaller shingle set in the larger.
    containment: f64,
}

#[pymethods]
impl RemarkMember {
    /// The quotation as a dict, as a member in `copydesk quotes` output: the quote's fields,
    /// `article`, `outlet`, `similarity` and `containment`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = self.quote.get().to_dict(py)?;
        d.set_item("article", &self.article)?;
        d.set_item("outlet", self.outlet.as_deref())?;
        d.set_item("similarity", round_score(self.similarity))?;
        d.set_item("containment", round_score(self.containment))?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "RemarkMember(cluster={}, article={:?}, similarity={:.3}, text={:?})",
            self.cluster,
            self.article,
            self.similarity,
            shorten(self.quote.get().text(), 40)
        )
    }
}

/// A remark: the quotations of one speaker that are the same words, in the order of their
/// first appearance (the earliest published first).
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct Remark {
    /// The remark's number.
    #[pyo3(get)]
    id: usize,
    /// The fullest name its quotations give the speaker, or None.
    #[pyo3(get)]
    speaker: Option<String>,
    /// Its quotations, the first appearance first.
    #[pyo3(get)]
    members: Vec<Py<RemarkMember>>,
    /// The ids of the articles that carry it, each once, in member order.
    #[pyo3(get)]
    articles: Vec<String>,
    /// The outlets that carry it, each once, in member order.
    #[pyo3(get)]
    outlets: Vec<String>,
    result: Arc<RustRemarks>,
}

#[pymethods]
impl Remark {
    /// The first appearance.
    #[getter]
    fn canonical(&self, py: Python<'_>) -> Py<RemarkMember> {
        self.members[0].clone_ref(py)
    }

    /// The number of quotations.
    #[getter]
    fn size(&self) -> usize {
        self.members.len()
    }

    fn __len__(&self) -> usize {
        self.members.len()
    }

    /// The remark as a dict, one line of `copydesk quotes` output.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = &self.result.remarks()[self.id];
        json_to_py(
            py,
            serde_json::to_string(&RemarkJson::new(&self.result, r, OffsetUnit::Chars)),
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Remark(id={}, size={}, speaker={:?}, articles={}, text={:?})",
            self.id,
            self.members.len(),
            self.speaker,
            self.articles.len(),
            shorten(self.members[0].get().quote.get().text(), 40)
        )
    }
}

/// What `quotes` found: `clusters` (one per remark), `shared` (those carried by two articles or more),
/// `stats`, `to_pandas()`.
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct RemarkResult {
    inner: Arc<RustRemarks>,
}

impl RemarkResult {
    fn remark(&self, py: Python<'_>, r: &dedup::Remark) -> PyResult<Remark> {
        let result = &self.inner;
        let mut members = Vec::with_capacity(r.members.len());
        for m in &r.members {
            let (a, q) = result
                .quote(m.quote)
                .ok_or_else(|| invalid(py, "a remark names a quotation that is not there"))?;
            let offsets = CharOffsets::new(&a.text);
            members.push(Py::new(
                py,
                RemarkMember {
                    cluster: r.id,
                    canonical: m.quote == r.canonical,
                    article: a.id.clone(),
                    outlet: a.meta.outlet.clone(),
                    quote: Py::new(py, Quote::new(a, q, &offsets))?,
                    similarity: m.similarity,
                    containment: m.containment,
                },
            )?);
        }
        let articles = result
            .carriers(r)
            .into_iter()
            .filter_map(|i| result.articles().get(i).map(|a| a.id.clone()))
            .collect();
        Ok(Remark {
            id: r.id,
            speaker: result.speaker(r).map(str::to_owned),
            members,
            articles,
            outlets: result.outlets(r).into_iter().map(str::to_owned).collect(),
            result: Arc::clone(result),
        })
    }
}

#[pymethods]
impl RemarkResult {
    /// Every remark as a cluster of its quotations, a remark printed once included, in
    /// input order of their first quotation.
    #[getter]
    fn clusters(&self, py: Python<'_>) -> PyResult<Vec<Remark>> {
        self.inner
            .remarks()
            .iter()
            .map(|r| self.remark(py, r))
            .collect()
    }

    /// The remarks carried by two articles or more.
    #[getter]
    fn shared(&self, py: Python<'_>) -> PyResult<Vec<Remark>> {
        self.inner
            .remarks()
            .iter()
            .filter(|r| self.inner.carriers(r).len() > 1)
            .map(|r| self.remark(py, r))
            .collect()
    }

    /// Counts that describe the run: `articles`, `quotations` (all the articles hold),
    /// `compared` (of the kinds and length compared), `remarks`, `shared` (carried by two
    /// articles or more) and `refused` (joins refused because the speakers disagree).
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.inner.stats();
        let dict = PyDict::new(py);
        dict.set_item("articles", s.articles)?;
        dict.set_item("quotations", s.quotations)?;
        dict.set_item("compared", s.compared)?;
        dict.set_item("remarks", s.remarks)?;
        dict.set_item("shared", s.shared)?;
        dict.set_item("refused", s.refused)?;
        Ok(dict)
    }

    /// One row per quotation: `cluster`, `canonical`, `speaker` (the remark's), `article`,
    /// `outlet`, `published`, `block`, `start`, `end`, `kind`, `similarity`,
    /// `containment`, `text`. Needs pandas.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let columns = [
            "cluster",
            "canonical",
            "speaker",
            "article",
            "outlet",
            "published",
            "block",
            "start",
            "end",
            "kind",
            "similarity",
            "containment",
            "text",
        ];
        let lists: Vec<Bound<'py, PyList>> = columns.iter().map(|_| PyList::empty(py)).collect();
        let result = &self.inner;
        for r in result.remarks() {
            let speaker = result.speaker(r);
            for m in &r.members {
                let Some((a, q)) = result.quote(m.quote) else {
                    continue;
                };
                let offsets = CharOffsets::new(&a.text);
                let (start, end) = offsets.char_span(q.span);
                let published = a
                    .published
                    .as_ref()
                    .map(|p| published_to_py(py, p))
                    .transpose()?;
                lists[0].append(r.id)?;
                lists[1].append(m.quote == r.canonical)?;
                lists[2].append(speaker)?;
                lists[3].append(&a.id)?;
                lists[4].append(a.meta.outlet.as_deref())?;
                lists[5].append(published)?;
                lists[6].append(q.block)?;
                lists[7].append(start)?;
                lists[8].append(end)?;
                lists[9].append(q.kind.as_str())?;
                lists[10].append(m.similarity)?;
                lists[11].append(m.containment)?;
                lists[12].append(a.quote_text(q))?;
            }
        }
        data_frame(py, &columns, lists)
    }

    /// The result as a dict: `clusters` (each as one line of `copydesk quotes` output) and
    /// `stats`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let result = &self.inner;
        let remarks: Vec<RemarkJson<'_>> = result
            .remarks()
            .iter()
            .map(|r| RemarkJson::new(result, r, OffsetUnit::Chars))
            .collect();
        let out = PyDict::new(py);
        out.set_item("clusters", json_to_py(py, serde_json::to_string(&remarks))?)?;
        out.set_item("stats", self.stats(py)?)?;
        Ok(out)
    }

    fn __len__(&self) -> usize {
        self.inner.remarks().len()
    }

    fn __repr__(&self) -> String {
        let s = self.inner.stats();
        format!(
            "RemarkResult(articles={}, compared={}, remarks={}, shared={})",
            s.articles, s.compared, s.remarks, s.shared
        )
    }
}

/// Follows each remark across `items`: the quotations of one speaker that are the same
/// words, the first appearance first.
///
/// `items` are texts, Articles or `(id, text)` pairs, any iterable, read a batch at a time.
/// Two quotations are the same words when the Jaccard similarity of their word 3-gram sets
/// is at least `threshold`, or one is a fragment of the other (containment at least
/// `containment`); they join only when their speakers agree (`Trump` and `Donald
/// Trump`), and one whose speaker is not given joins by near-identical words only.
/// `kinds` are the kinds compared (`direct` and `partial` unless told; `term` too if named),
/// `min_words` the shortest quotation compared, `cross_only=True` ignores repeats inside
/// one article. Returns a `RemarkResult` with `clusters`, `shared`, `stats` and
/// `to_pandas()`.
#[pyfunction]
#[pyo3(signature = (items, threshold = 0.7, *, containment = 0.8, kinds = None, min_words = 3, cross_only = false, progress = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn quotes<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threshold: f64,
    containment: f64,
    kinds: Option<Vec<String>>,
    min_words: usize,
    cross_only: bool,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<RemarkResult> {
    let progress = Progress::new(py, progress)?;
    let defaults = RemarkOptions::default();
    let kinds = match kinds {
        None => defaults.kinds.clone(),
        Some(names) => names
            .iter()
            .map(|name| dedup::quote_kind_named(name).map_err(|e| to_pyerr(py, e)))
            .collect::<PyResult<Vec<_>>>()?,
    };
    let opts = RemarkOptions {
        threshold,
        containment,
        kinds,
        min_words,
        cross_only,
        ..defaults
    };
    let mut finder = dedup::RemarkFinder::new(opts).map_err(|e| to_pyerr(py, e))?;
    not_one_string(py, items, "quotes")?;
    batch::for_each_batch(
        items,
        &progress,
        |i, it| item(py, &it, i, i, dedup::Level::Paragraph),
        |batch| {
            py.detach(|| finder.add(parse_items(batch)));
            Ok(())
        },
    )?;
    let result = py.detach(|| finder.result());
    Ok(RemarkResult {
        inner: Arc::new(result),
    })
}
