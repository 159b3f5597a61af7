//! The text primitives, with spans as Python `str` indices.

use copydesk::text::{CharOffsets, Span};
use pyo3::prelude::*;

fn char_spans(text: &str, spans: Vec<Span>) -> Vec<(usize, usize)> {
    let offsets = CharOffsets::new(text);
    spans.into_iter().map(|s| offsets.char_span(s)).collect()
}

/// The `(start, end)` str indices of each sentence of `text`.
#[pyfunction]
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    char_spans(text, copydesk::text::sentences(text))
}

/// The `(start, end)` str indices of each paragraph of `text`.
#[pyfunction]
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    char_spans(text, copydesk::text::paragraphs(text))
}

/// `text` normalized for matching: NFKC, lower case, quotes and dashes folded, whitespace
/// collapsed.
#[pyfunction]
pub(crate) fn normalize(text: &str) -> String {
    copydesk::text::normalize(text)
}
