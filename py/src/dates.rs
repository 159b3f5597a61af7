//! `find_dates`: temporal expressions, with spans as Python `str` indices.

use std::sync::Arc;

use copydesk::article::Article as RustArticle;
use copydesk::dates::{self, Interval, Timex};
use copydesk::text::CharOffsets;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::article::{Article, shorten};
use crate::batch::{self, PerItem, Progress};
use crate::convert::published_arg;
use crate::errors::{invalid, to_pyerr};

/// A range written as two expressions ("from 2017 to 2021"): its text, `[start, end)` str
/// indices and resolved interval.
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct DateRange {
    /// The whole range as written, connecting words included.
    #[pyo3(get)]
    text: String,
    /// Index of the first character.
    #[pyo3(get)]
    start: usize,
    /// Index one past the last character.
    #[pyo3(get)]
    end: usize,
    /// `(first day, day after the last)` as `datetime.date`, or None.
    #[pyo3(get)]
    interval: Option<(Py<PyAny>, Py<PyAny>)>,
    /// The interval as the library has it (for `to_dict`).
    interval_rs: Option<Interval>,
}

/// A temporal expression found in a text.
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct TemporalExpression {
    /// The id of the article it was found in (`find_dates_many` on Articles), or None.
    #[pyo3(get)]
    article: Option<String>,
    /// The expression as written.
    #[pyo3(get)]
    text: String,
    /// Index of the first character in the text.
    #[pyo3(get)]
    start: usize,
    /// Index one past the last character.
    #[pyo3(get)]
    end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[pyo3(get)]
    r#type: &'static str,
    /// The TIMEX3 value: `2018-04-17`, `2018-W16`, `P3Y`, `PRESENT_REF`...
    #[pyo3(get)]
    value: String,
    /// The TIMEX3 mod (`START`, `END`, `APPROX`...), or None.
    #[pyo3(get)]
    r#mod: Option<&'static str>,
    /// For sets: `EVERY` or `EACH`, or None.
    #[pyo3(get)]
    quant: Option<String>,
    /// For sets: `2X` for "twice a week", or None.
    #[pyo3(get)]
    freq: Option<String>,
    /// `(first day, day after the last)` as `datetime.date`, or None.
    #[pyo3(get)]
    interval: Option<(Py<PyAny>, Py<PyAny>)>,
    /// The interval as the library has it (for `to_dict`).
    interval_rs: Option<Interval>,
    /// The range the expression is part of, or None.
    #[pyo3(get)]
    range: Option<Py<DateRange>>,
    /// The genre the text was read in: `news` (year-less dates against the publication
    /// date), `narrative` (against the time the text is in) or `colloquial` (a post, read
    /// as people type).
    #[pyo3(get)]
    genre: &'static str,
}

/// An interval as the CLI's JSON writes it: `[first day, day after the last]`, ISO 8601.
fn interval_iso(i: Option<Interval>) -> Option<[String; 2]> {
    i.map(|i| [i.start.to_string(), i.end.to_string()])
}

#[pymethods]
impl TemporalExpression {
    /// The expression as a dict, the same shape as one line of `copydesk dates` output:
    /// `article` (when known), `text`, `start`, `end`, `type`, `value`, `mod`, `interval`
    /// (two ISO dates or None), `quant`, `freq`, `range` where they apply, and `genre`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        if let Some(article) = &self.article {
            d.set_item("article", article)?;
        }
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("type", self.r#type)?;
        d.set_item("value", &self.value)?;
        d.set_item("mod", self.r#mod)?;
        d.set_item("interval", interval_iso(self.interval_rs))?;
        if let Some(quant) = &self.quant {
            d.set_item("quant", quant)?;
        }
        if let Some(freq) = &self.freq {
            d.set_item("freq", freq)?;
        }
        if let Some(range) = &self.range {
            d.set_item("range", range.get().to_dict(py)?)?;
        }
        d.set_item("genre", self.genre)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let interval = match &self.interval {
            Some((a, b)) => format!(
                "({}, {})",
                a.bind(py).str().map(|s| s.to_string()).unwrap_or_default(),
                b.bind(py).str().map(|s| s.to_string()).unwrap_or_default()
            ),
            None => "None".to_owned(),
        };
        format!(
            "TemporalExpression(text={:?}, start={}, end={}, type={:?}, value={:?}, mod={}, interval={interval})",
            self.text,
            self.start,
            self.end,
            self.r#type,
            self.value,
            self.r#mod
                .map_or_else(|| "None".to_owned(), |m| format!("{m:?}")),
        )
    }
}

#[pymethods]
impl DateRange {
    /// The range as a dict, as in `copydesk dates` output: `text`, `start`, `end`,
    /// `interval` (two ISO dates or None).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("interval", interval_iso(self.interval_rs))?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let interval = self.interval_rs.map_or_else(
            || "None".to_owned(),
            |i| format!("({}, {})", i.start, i.end),
        );
        format!(
            "DateRange(text={:?}, start={}, end={}, interval={interval})",
            shorten(&self.text, 60),
            self.start,
            self.end
        )
    }
}

fn date_pair(py: Python<'_>, i: Option<Interval>) -> PyResult<Option<(Py<PyAny>, Py<PyAny>)>> {
    let Some(i) = i else {
        return Ok(None);
    };
    let date = py.import("datetime")?.getattr("date")?;
    let make = |d: jiff::civil::Date| -> PyResult<Py<PyAny>> {
        Ok(date.call1((d.year(), d.month(), d.day()))?.unbind())
    };
    Ok(Some((make(i.start)?, make(i.end)?)))
}

fn to_py(
    py: Python<'_>,
    text: &str,
    offsets: &CharOffsets<'_>,
    t: &Timex,
    article: Option<&str>,
    genre: dates::Genre,
) -> PyResult<TemporalExpression> {
    let (start, end) = offsets.char_span(t.span);
    let range = match &t.range {
        Some(r) => {
            let (rs, re) = offsets.char_span(r.span);
            Some(Py::new(
                py,
                DateRange {
                    text: r.span.slice(text).to_owned(),
                    start: rs,
                    end: re,
                    interval: date_pair(py, r.interval)?,
                    interval_rs: r.interval,
                },
            )?)
        }
        None => None,
    };
    Ok(TemporalExpression {
        article: article.map(str::to_owned),
        text: t.text(text).to_owned(),
        start,
        end,
        r#type: t.kind.as_str(),
        value: t.value.clone(),
        r#mod: t.modifier.map(|m| m.as_str()),
        quant: t.quant.clone(),
        freq: t.freq.clone(),
        interval: date_pair(py, t.interval)?,
        interval_rs: t.interval,
        range,
        genre: genre.as_str(),
    })
}

/// Reads `genre=`: None (the text's own evidence decides), `news`, `narrative` or
/// `colloquial`.
fn genre_arg(py: Python<'_>, genre: Option<&str>) -> PyResult<Option<dates::Genre>> {
    genre
        .map(|g| g.parse::<dates::Genre>().map_err(|e| to_pyerr(py, e)))
        .transpose()
}

/// Finds the temporal expressions of `text` and resolves them against `reference` (the
/// publication date: a `datetime.date`, a `datetime.datetime` or an ISO 8601 string).
/// `genre` is what year-less dates are read against: `news` (the reference), `narrative`
/// (the time the text is in: the year of the date it last named), or None for the genre
/// the text's own evidence points to; each expression's `.genre` says which was used.
#[pyfunction]
#[pyo3(signature = (text, reference = None, *, genre = None))]
pub(crate) fn find_dates(
    py: Python<'_>,
    text: String,
    reference: Option<&Bound<'_, PyAny>>,
    genre: Option<&str>,
) -> PyResult<Vec<TemporalExpression>> {
    let reference = published_arg(py, reference)?.map(|p| p.date());
    let genre = genre_arg(py, genre)?;
    let reading = py.detach(|| dates::read(&text, reference, genre));
    let offsets = CharOffsets::new(&text);
    reading
        .timexes
        .iter()
        .map(|t| to_py(py, &text, &offsets, t, None, reading.genre))
        .collect()
}

/// What `find_dates_many` reads in: a text, or a parsed article (read block by block,
/// boilerplate skipped, against its publication date unless a reference is given).
enum DatesItem {
    Text(String, Option<jiff::civil::Date>),
    Article(Arc<RustArticle>),
}

/// Finds the temporal expressions of many texts or Articles, in parallel; one list per
/// item, in order.
///
/// A text (`str`) is read as `find_dates` reads it. An Article (from `read`, `parse` or
/// `parse_many`) is read the way `copydesk dates` reads it: block by block, page residue
/// skipped, against its publication date; its expressions carry its id in `.article`.
/// `references` is one date for all items (a `datetime.date`, `datetime.datetime` or ISO
/// 8601 string) or an iterable with one per item (None where unknown); a reference given
/// for an Article replaces its publication date. `genre` is as for `find_dates`, for every
/// item (None: each item's own). `progress`, when given, is called with
/// the number of items done since the last call, between batches of 1,000
/// (`progress=tqdm(total=len(texts)).update` fits); an exception it raises stops the work
/// and propagates.
#[pyfunction]
#[pyo3(signature = (texts, references = None, *, genre = None, progress = None))]
pub(crate) fn find_dates_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    references: Option<&Bound<'py, PyAny>>,
    genre: Option<&str>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<Vec<TemporalExpression>>> {
    let genre = genre_arg(py, genre)?;
    if texts.is_instance_of::<PyString>() {
        return Err(invalid(
            py,
            "find_dates_many takes an iterable of texts or Articles, not one string: use find_dates(text) or wrap it in a list",
        ));
    }
    let progress = Progress::new(py, progress)?;
    let mut references = PerItem::new(references, batch::is_one_date)?;
    let mut out = Vec::new();
    let count = batch::for_each_batch(
        texts,
        &progress,
        |i, item| {
            let reference = batch::date_of(py, references.next(py, i, "references")?)?;
            if let Ok(text) = item.cast::<PyString>() {
                return Ok(DatesItem::Text(
                    text.to_cow()?.into_owned(),
                    reference.map(|p| p.date()),
                ));
            }
            if let Ok(a) = item.cast::<Article>() {
                let inner = Arc::clone(a.get().inner());
                return Ok(DatesItem::Article(match reference {
                    Some(p) => {
                        let mut changed = RustArticle::clone(&inner);
                        changed.published = Some(p);
                        Arc::new(changed)
                    }
                    None => inner,
                }));
            }
            let type_name = item.get_type().name()?;
            Err(invalid(
                py,
                format!("item {i} is {type_name}: find_dates_many takes texts (str) or Articles"),
            ))
        },
        |batch| {
            let found: Vec<dates::Reading> = py.detach(|| {
                use rayon::prelude::*;
                batch
                    .par_iter()
                    .map(|item| match item {
                        DatesItem::Text(text, reference) => dates::read(text, *reference, genre),
                        DatesItem::Article(a) => dates::read_article(a, genre),
                    })
                    .collect()
            });
            for (item, reading) in batch.iter().zip(&found) {
                let (text, id) = match item {
                    DatesItem::Text(text, _) => (text.as_str(), None),
                    DatesItem::Article(a) => (a.text.as_str(), Some(a.id.as_str())),
                };
                let offsets = CharOffsets::new(text);
                out.push(
                    reading
                        .timexes
                        .iter()
                        .map(|t| to_py(py, text, &offsets, t, id, reading.genre))
                        .collect::<PyResult<Vec<_>>>()?,
                );
            }
            Ok(())
        },
    )?;
    references.finish(py, count, "references")?;
    Ok(out)
}
