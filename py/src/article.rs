//! `Article`, `Block` and `Sentence`, and the functions that make them.

use std::path::PathBuf;
use std::sync::Arc;

use copydesk::article::{self, ArticleJson, Document};
use copydesk::corpus::{self, ReadOptions};
use copydesk::text::{CharOffsets, OffsetUnit};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::{published_arg, published_to_py};
use crate::errors::{invalid, to_pyerr};

/// A parsed article: its text, where it came from, and its blocks in order.
#[pyclass(frozen, module = "copydesk")]
pub(crate) struct Article {
    inner: Arc<article::Article>,
}

/// One block of an article: its kind, text and `[start, end)` str indices in the article.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct Block {
    /// What the block is: `title`, `paragraph`, `caption`, `boilerplate`...
    kind: &'static str,
    /// The block's text.
    text: String,
    /// Index of the first character in the article's text.
    start: usize,
    /// Index one past the last character.
    end: usize,
    /// Position of the block in the article.
    index: usize,
    /// Why a `boilerplate` block was set aside (`ui`, `share`, `copyright`...), else None.
    reason: Option<&'static str>,
    /// For a block whose text repeats an earlier block's exactly, the earlier block's
    /// index; else None.
    repeat_of: Option<usize>,
}

/// A quotation in a paragraph: the quoted words, their `[start, end)` str indices, and the
/// speaker and verb when the text names them.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct Quote {
    /// The quoted words, without the quotation marks.
    text: String,
    /// Index of the first character in the article's text.
    start: usize,
    /// Index one past the last character.
    end: usize,
    /// Index of the paragraph block it is in.
    block: usize,
    /// Who said it, as the text names them (`Jenny Town`, `the president`), or None.
    speaker: Option<String>,
    /// The attributing verb (`said`, `tweeted`, `according to`), or None.
    verb: Option<String>,
    /// Where the speaker is named: `(start, end)` str indices, or None.
    speaker_span: Option<(usize, usize)>,
}

/// A sentence of an article: its text, `[start, end)` str indices and block index.
#[pyclass(frozen, get_all, module = "copydesk")]
pub(crate) struct Sentence {
    /// The sentence's text.
    text: String,
    /// Index of the first character in the article's text.
    start: usize,
    /// Index one past the last character.
    end: usize,
    /// Index of the block it belongs to.
    block: usize,
}

impl Article {
    /// The library's article, for other parts of the module (`dedupe` takes Articles).
    pub(crate) fn inner(&self) -> &Arc<article::Article> {
        &self.inner
    }

    fn block(&self, offsets: &CharOffsets<'_>, index: usize) -> Block {
        let a = &self.inner;
        let b = &a.blocks[index];
        let (start, end) = offsets.char_span(b.span);
        Block {
            kind: b.kind.as_str(),
            text: a.block_text(b).to_owned(),
            start,
            end,
            index,
            reason: b.reason.map(|r| r.as_str()),
            repeat_of: b.repeat_of,
        }
    }
}

/// `text` on one line, cut to `max` characters with an ellipsis (for `__repr__`).
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max - 1).collect();
    format!("{cut}…")
}

#[pymethods]
impl Article {
    /// A stable identifier: the record's id, or the file's name.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Where the article came from: a path, `path:line`, or `<stdin>`.
    #[getter]
    fn source(&self) -> &str {
        &self.inner.source
    }

    /// The input text; every `start`/`end` indexes it.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The headline, from the text or the source's metadata.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title()
    }

    /// The publication date (`datetime.date`, or `datetime.datetime` when the time is known).
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .published
            .as_ref()
            .map(|p| published_to_py(py, p))
            .transpose()
    }

    /// The article's URL, when the source gave one.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.meta.url.as_deref()
    }

    /// The outlet, when the source gave one.
    #[getter]
    fn outlet(&self) -> Option<&str> {
        self.inner.meta.outlet.as_deref()
    }

    /// The language, when the source gave one.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.inner.meta.language.as_deref()
    }

    /// Every block, in order.
    #[getter]
    fn blocks(&self) -> Vec<Block> {
        let offsets = CharOffsets::new(&self.inner.text);
        (0..self.inner.blocks.len())
            .map(|i| self.block(&offsets, i))
            .collect()
    }

    /// The body paragraphs.
    #[getter]
    fn paragraphs(&self) -> Vec<Block> {
        let offsets = CharOffsets::new(&self.inner.text);
        self.inner
            .blocks_of(article::BlockKind::Paragraph)
            .map(|(i, _)| self.block(&offsets, i))
            .collect()
    }

    /// The quotations in the paragraphs, in order.
    #[getter]
    fn quotes(&self) -> Vec<Quote> {
        let a = &self.inner;
        let offsets = CharOffsets::new(&a.text);
        a.quotes
            .iter()
            .map(|q| {
                let (start, end) = offsets.char_span(q.span);
                Quote {
                    text: a.quote_text(q).to_owned(),
                    start,
                    end,
                    block: q.block,
                    speaker: a.speaker(q).map(str::to_owned),
                    verb: a.verb(q).map(str::to_owned),
                    speaker_span: q.speaker.map(|s| offsets.char_span(s)),
                }
            })
            .collect()
    }

    /// The clean article as Markdown: front matter (id, source, published, url), the title
    /// as a heading, dek, headings, paragraphs, captions with their credit in brackets and
    /// the source tag; boilerplate and blocks printed twice are left out.
    fn to_markdown(&self) -> String {
        article::to_markdown(&self.inner)
    }

    /// Every sentence of every block, in order.
    #[getter]
    fn sentences(&self) -> Vec<Sentence> {
        let a = &self.inner;
        let offsets = CharOffsets::new(&a.text);
        a.sentences()
            .into_iter()
            .map(|s| {
                let (start, end) = offsets.char_span(s.span);
                Sentence {
                    text: s.span.slice(&a.text).to_owned(),
                    start,
                    end,
                    block: s.block,
                }
            })
            .collect()
    }

    /// The article as a dict, the same shape as one line of `copydesk parse` output.
    #[pyo3(signature = (*, sentences = false))]
    fn to_dict<'py>(&self, py: Python<'py>, sentences: bool) -> PyResult<Bound<'py, PyAny>> {
        let view = ArticleJson::new(&self.inner, OffsetUnit::Chars).with_sentences(sentences);
        let json = serde_json::to_string(&view).map_err(|e| invalid(py, e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,))
    }

    fn __repr__(&self) -> String {
        let a = &self.inner;
        let title = a.title().map(|t| shorten(t, 60));
        format!(
            "Article(id={:?}, published={}, title={}, blocks={})",
            a.id,
            a.published
                .map_or_else(|| "None".into(), |p| format!("'{p}'")),
            title.map_or_else(|| "None".into(), |t| format!("{t:?}")),
            a.blocks.len()
        )
    }
}

#[pymethods]
impl Block {
    fn __repr__(&self) -> String {
        let reason = self
            .reason
            .map_or_else(String::new, |r| format!(", reason={r:?}"));
        let repeat = self
            .repeat_of
            .map_or_else(String::new, |r| format!(", repeat_of={r}"));
        format!(
            "Block(kind={:?}, start={}, end={}, text={:?}{reason}{repeat})",
            self.kind,
            self.start,
            self.end,
            shorten(&self.text, 50)
        )
    }
}

#[pymethods]
impl Quote {
    fn __repr__(&self) -> String {
        format!(
            "Quote(speaker={}, verb={}, text={:?})",
            self.speaker
                .as_deref()
                .map_or_else(|| "None".into(), |s| format!("{s:?}")),
            self.verb
                .as_deref()
                .map_or_else(|| "None".into(), |s| format!("{s:?}")),
            shorten(&self.text, 50)
        )
    }
}

#[pymethods]
impl Sentence {
    fn __repr__(&self) -> String {
        format!(
            "Sentence(start={}, end={}, text={:?})",
            self.start,
            self.end,
            shorten(&self.text, 50)
        )
    }
}

/// Parses one article from its text.
#[pyfunction]
#[pyo3(signature = (text, published = None, id = None))]
pub(crate) fn parse(
    py: Python<'_>,
    text: String,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<String>,
) -> PyResult<Article> {
    let published = published_arg(py, published)?;
    let doc = Document {
        id: id.unwrap_or_default(),
        source: "<text>".to_owned(),
        text,
        published,
        ..Document::default()
    };
    let article = py.detach(|| article::parse_document(doc));
    Ok(Article {
        inner: Arc::new(article),
    })
}

/// Reads and parses the articles of a file or directory.
#[pyfunction]
#[pyo3(signature = (path, *, published = None, strict = false, text_field = None, id_field = None, errors = "raise"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn read<'py>(
    py: Python<'py>,
    path: PathBuf,
    published: Option<&Bound<'py, PyAny>>,
    strict: bool,
    text_field: Option<String>,
    id_field: Option<String>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let raise = match errors {
        "raise" => true,
        "warn" => false,
        other => {
            return Err(invalid(
                py,
                format!("errors must be 'raise' or 'warn', not {other:?}"),
            ));
        }
    };
    let opts = ReadOptions {
        published: published_arg(py, published)?,
        strict,
        text_field,
        id_field,
        ..ReadOptions::default()
    };
    let (docs, problems) = py.detach(|| {
        let mut docs = Vec::new();
        let mut problems = Vec::new();
        for item in corpus::read(&[path], &opts) {
            match item {
                Ok(doc) => docs.push(doc),
                Err(err) => problems.push(err),
            }
        }
        (docs, problems)
    });
    let warn = py.import("warnings")?.getattr("warn")?;
    let mut problems = problems.into_iter();
    if let Some(first) = problems.next() {
        if raise {
            return Err(to_pyerr(py, first));
        }
        for err in std::iter::once(first).chain(problems) {
            warn.call1((err.to_string(),))?;
        }
    }
    for doc in &docs {
        for warning in &doc.warnings {
            warn.call1((warning.as_str(),))?;
        }
    }
    let articles = py.detach(|| article::parse_batch(docs));
    PyList::new(
        py,
        articles.into_iter().map(|a| Article { inner: Arc::new(a) }),
    )
}
