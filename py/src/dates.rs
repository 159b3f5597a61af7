//! `find_dates`: temporal expressions, with spans as Python `str` indices.

use copydesk::dates::{self, Interval, Timex};
use copydesk::text::CharOffsets;
use pyo3::prelude::*;

use crate::convert::published_arg;

/// A range written as two expressions ("from 2017 to 2021"): its text, `[start, end)` str
/// indices and resolved interval.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct DateRange {
    /// The whole range as written, connecting words included.
    text: String,
    /// Index of the first character.
    start: usize,
    /// Index one past the last character.
    end: usize,
    /// `(first day, day after the last)` as `datetime.date`, or None.
    interval: Option<(Py<PyAny>, Py<PyAny>)>,
}

/// A temporal expression found in a text.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct TemporalExpression {
    /// The expression as written.
    text: String,
    /// Index of the first character in the text.
    start: usize,
    /// Index one past the last character.
    end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    r#type: &'static str,
    /// The TIMEX3 value: `2018-04-17`, `2018-W16`, `P3Y`, `PRESENT_REF`...
    value: String,
    /// The TIMEX3 mod (`START`, `END`, `APPROX`...), or None.
    r#mod: Option<&'static str>,
    /// For sets: `EVERY` or `EACH`, or None.
    quant: Option<String>,
    /// For sets: `2X` for "twice a week", or None.
    freq: Option<String>,
    /// `(first day, day after the last)` as `datetime.date`, or None.
    interval: Option<(Py<PyAny>, Py<PyAny>)>,
    /// The range the expression is part of, or None.
    range: Option<Py<DateRange>>,
}

#[pymethods]
impl TemporalExpression {
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
    fn __repr__(&self) -> String {
        format!(
            "DateRange(text={:?}, start={}, end={})",
            self.text, self.start, self.end
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
                },
            )?)
        }
        None => None,
    };
    Ok(TemporalExpression {
        text: t.text(text).to_owned(),
        start,
        end,
        r#type: t.kind.as_str(),
        value: t.value.clone(),
        r#mod: t.modifier.map(|m| m.as_str()),
        quant: t.quant.clone(),
        freq: t.freq.clone(),
        interval: date_pair(py, t.interval)?,
        range,
    })
}

/// Finds the temporal expressions of `text` and resolves them against `reference` (the
/// publication date: a `datetime.date`, a `datetime.datetime` or an ISO 8601 string).
#[pyfunction]
#[pyo3(signature = (text, reference = None))]
pub(crate) fn find_dates(
    py: Python<'_>,
    text: String,
    reference: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<TemporalExpression>> {
    let reference = published_arg(py, reference)?.map(|p| p.date());
    let found = py.detach(|| dates::find(&text, reference));
    let offsets = CharOffsets::new(&text);
    found
        .iter()
        .map(|t| to_py(py, &text, &offsets, t))
        .collect()
}
