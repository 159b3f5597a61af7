//! `Article`, `Block` and `Sentence`, and the functions that make them.

use std::path::PathBuf;
use std::sync::Arc;

use copydesk::article::{self, ArticleJson, Document};
use copydesk::corpus::{self, ReadOptions};
use copydesk::text::{CharOffsets, OffsetUnit};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::batch::{self, PerItem, Progress};
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
    /// For a block of a web page: the line of its element's start tag in the markup and
    /// the element's path (`body > div#main > article > p`); else None.
    element: Option<(u32, String)>,
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
    /// `direct` (a quotation), `partial` (a quoted fragment of the writer's sentence) or
    /// `term` (scare quotes, a title, a name: never attributed).
    kind: &'static str,
    /// Who said it, by the fullest name the article gives (`Donald Trump` for a quotation
    /// given to `he` or `Mr Trump`), or None.
    speaker: Option<String>,
    /// The attributing verb (`said`, `tweeted`, `according to`), or None.
    verb: Option<String>,
    /// Where the article gives the speaker's name: `(start, end)` str indices, or None.
    speaker_span: Option<(usize, usize)>,
    /// The words that name the speaker where the quotation is attributed (`he`, `the
    /// minister`), or None.
    speaker_mention: Option<String>,
    /// Where those words are: `(start, end)` str indices, or None.
    mention_span: Option<(usize, usize)>,
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
            element: b.element.as_ref().map(|e| (e.line, e.path.clone())),
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

    /// The language as an ISO 639-1 code (`"en"`): the source's (a record's field, the
    /// page's markup) or, when the source gives none, told from the text; `None` when it
    /// cannot be told reliably.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.inner.meta.language.as_deref()
    }

    /// True when `language` was told from the text rather than given by the source.
    #[getter]
    fn language_detected(&self) -> bool {
        self.inner.language_detected
    }

    /// When a crawler fetched the page (a WARC record's date), kept apart from `published`.
    #[getter]
    fn crawled<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .crawled
            .as_ref()
            .map(|p| published_to_py(py, p))
            .transpose()
    }

    /// For a web page: what its metadata says (title, authors, published, site_name,
    /// language, url...), each value a dict of `value` and `from` (where it was found);
    /// `None` for text input.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(page) = &self.inner.page else {
            return Ok(None);
        };
        let json = serde_json::to_string(page).map_err(|e| invalid(py, e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,)).map(Some)
    }

    /// When the article was published, by its own temporal expressions: a dict of `date`,
    /// `earliest`, `latest` (ISO dates, inclusive), `confidence` and `evidence` (each
    /// `text`, `start`, `end`, `value`), the same as `copydesk parse --infer-published`
    /// writes; `None` when the text does not tell. `window` bounds it: a year (`"1987"`),
    /// a month (`"1987-02"`) or `"FIRST..LAST"`, the period the collection is from. The
    /// article's own `published` is not looked at.
    #[pyo3(signature = (*, window = None))]
    fn infer_published<'py>(
        &self,
        py: Python<'py>,
        window: Option<&str>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let window = window
            .map(copydesk::dates::parse_window)
            .transpose()
            .map_err(|e| crate::errors::to_pyerr(py, e))?;
        let a = &self.inner;
        let Some(inferred) = copydesk::dates::infer_published_within(a, window) else {
            return Ok(None);
        };
        let converter = copydesk::text::SpanConverter::new(&a.text, OffsetUnit::Chars);
        let json = serde_json::to_string(&inferred.to_json(&a.text, &converter))
            .map_err(|e| invalid(py, e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,)).map(Some)
    }

    /// Problems met while reading and parsing that did not stop it.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner.warnings.clone()
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
            .map(|q| Quote::new(a, q, &offsets))
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

    /// The article as HTML for Jupyter: its metadata and a table of its blocks (kind,
    /// start, end, text shortened), boilerplate greyed.
    fn _repr_html_(&self) -> String {
        crate::html::article(&self.inner)
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

    /// The block as a dict, the same shape as a block in `copydesk parse` output:
    /// `kind`, `text`, `start`, `end`, and `reason` / `repeat_of` / `element` when they
    /// apply.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind)?;
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        if let Some(reason) = self.reason {
            d.set_item("reason", reason)?;
        }
        if let Some(repeat_of) = self.repeat_of {
            d.set_item("repeat_of", repeat_of)?;
        }
        if let Some((line, path)) = &self.element {
            let e = PyDict::new(py);
            e.set_item("line", line)?;
            e.set_item("path", path)?;
            d.set_item("element", e)?;
        }
        Ok(d)
    }
}

impl Quote {
    /// Quotation `q` of article `a`, its spans as str indices (`offsets` of `a.text`).
    pub(crate) fn new(a: &article::Article, q: &article::Quote, offsets: &CharOffsets) -> Quote {
        let (start, end) = offsets.char_span(q.span);
        Quote {
            text: a.quote_text(q).to_owned(),
            start,
            end,
            block: q.block,
            kind: q.kind.as_str(),
            speaker: a.speaker(q).map(str::to_owned),
            verb: a.verb(q).map(str::to_owned),
            speaker_span: a.speaker_of(q).map(|s| offsets.char_span(s.name)),
            speaker_mention: a.speaker_mention(q).map(str::to_owned),
            mention_span: q.mention.map(|s| offsets.char_span(s)),
        }
    }

    /// The quoted words.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }
}

#[pymethods]
impl Quote {
    fn __repr__(&self) -> String {
        format!(
            "Quote(kind={}, speaker={}, verb={}, text={:?})",
            self.kind,
            self.speaker
                .as_deref()
                .map_or_else(|| "None".into(), |s| format!("{s:?}")),
            self.verb
                .as_deref()
                .map_or_else(|| "None".into(), |s| format!("{s:?}")),
            shorten(&self.text, 50)
        )
    }

    /// The quote as a dict, the same shape as a quote in `copydesk parse` output: `text`,
    /// `start`, `end`, `block`, `kind`, `speaker`, `speaker_start`, `speaker_end`,
    /// `speaker_mention`, `mention_start`, `mention_end`, `verb`.
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("block", self.block)?;
        d.set_item("kind", self.kind)?;
        d.set_item("speaker", self.speaker.as_deref())?;
        d.set_item("speaker_start", self.speaker_span.map(|s| s.0))?;
        d.set_item("speaker_end", self.speaker_span.map(|s| s.1))?;
        d.set_item("speaker_mention", self.speaker_mention.as_deref())?;
        d.set_item("mention_start", self.mention_span.map(|s| s.0))?;
        d.set_item("mention_end", self.mention_span.map(|s| s.1))?;
        d.set_item("verb", self.verb.as_deref())?;
        Ok(d)
    }
}

#[pymethods]
impl Sentence {
    fn __repr__(&self) -> String {
        format!(
            "Sentence(start={}, end={}, block={}, text={:?})",
            self.start,
            self.end,
            self.block,
            shorten(&self.text, 50)
        )
    }

    /// The sentence as a dict: `text`, `start`, `end` (as in `copydesk parse --sentences`)
    /// and `block`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("block", self.block)?;
        Ok(d)
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

/// Parses one web page from its markup: the article found in the page, its metadata
/// read (`Article.metadata`), every piece of the page's visible text in one block.
#[pyfunction]
#[pyo3(signature = (html, *, url = None, published = None, id = None))]
pub(crate) fn parse_html(
    py: Python<'_>,
    html: String,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<String>,
) -> PyResult<Article> {
    let published = published_arg(py, published)?;
    let doc = Document {
        id: id.unwrap_or_default(),
        source: "<html>".to_owned(),
        html: Some(html),
        published,
        meta: article::Metadata {
            url,
            ..article::Metadata::default()
        },
        ..Document::default()
    };
    let article = py.detach(|| article::parse_document(doc));
    Ok(Article {
        inner: Arc::new(article),
    })
}

/// Reads and parses the articles of a file or directory.
///
/// Formats are told from each file's name and first bytes (text, JSON, JSONL, HTML, WARC,
/// CSV, TSV, Parquet, TimeML, gzip/zstd/bzip2-compressed); `format` names one for every
/// input, with the names of the CLI's `--input-format`. `html_field` names the record
/// field holding a page's markup; `max_document_size` (bytes, default 64 MiB) is the
/// size limit of one document once decompressed.
///
/// `progress`, when given, is called with the number of articles read since the last call
/// (`progress=tqdm().update` fits); an exception it raises stops the reading.
#[pyfunction]
#[pyo3(signature = (path, *, published = None, strict = false, text_field = None, id_field = None, errors = "raise", progress = None, format = None, html_field = None, max_document_size = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn read<'py>(
    py: Python<'py>,
    path: PathBuf,
    published: Option<&Bound<'py, PyAny>>,
    strict: bool,
    text_field: Option<String>,
    id_field: Option<String>,
    errors: &str,
    progress: Option<&Bound<'py, PyAny>>,
    format: Option<&str>,
    html_field: Option<String>,
    max_document_size: Option<u64>,
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
    let progress = Progress::new(py, progress)?;
    // The format names are the CLI's --input-format names, defined once in the core.
    let format = format
        .map(str::parse::<corpus::InputFormat>)
        .transpose()
        .map_err(|e| crate::errors::to_pyerr(py, e))?;
    if max_document_size == Some(0) {
        return Err(invalid(
            py,
            "max_document_size must be a number of bytes above 0",
        ));
    }
    let opts = ReadOptions {
        format,
        published: published_arg(py, published)?,
        strict,
        text_field,
        html_field,
        id_field,
        max_document_size: max_document_size.unwrap_or(corpus::DEFAULT_MAX_DOCUMENT_SIZE),
        ..ReadOptions::default()
    };
    let mut documents = corpus::read(&[path], &opts);
    let warn = py.import("warnings")?.getattr("warn")?;
    let out = PyList::empty(py);
    loop {
        // A batch of documents read and parsed without the interpreter.
        let (articles, problems, warnings, done) = py.detach(|| {
            let mut docs = Vec::new();
            let mut problems = Vec::new();
            for item in documents.by_ref().take(batch::BATCH) {
                match item {
                    Ok(doc) => docs.push(doc),
                    Err(err) => problems.push(err),
                }
            }
            let done = docs.len() + problems.len();
            let warnings: Vec<String> = docs.iter().flat_map(|d| d.warnings.clone()).collect();
            (article::parse_batch(docs), problems, warnings, done)
        });
        let mut problems = problems.into_iter();
        if let Some(first) = problems.next() {
            if raise {
                return Err(to_pyerr(py, first));
            }
            for err in std::iter::once(first).chain(problems) {
                warn.call1((err.to_string(),))?;
            }
        }
        for warning in &warnings {
            warn.call1((warning.as_str(),))?;
        }
        for a in articles {
            out.append(Article { inner: Arc::new(a) })?;
        }
        if done == 0 {
            return Ok(out);
        }
        progress.advance(done)?;
    }
}

/// Parses many articles from their texts, in parallel, in order.
///
/// `published` is one date for all (a `datetime.date`, `datetime.datetime` or ISO 8601
/// string) or an iterable with one per text (None where unknown); `ids` an iterable of
/// one id per text (by default a text's id is its position, `"0"`, `"1"`...). `progress`,
/// when given, is called with the number of texts parsed since the last call (between
/// batches of 1,000, with the interpreter held: `progress=tqdm(total=len(texts)).update`
/// fits); an exception it raises stops the work and propagates.
#[pyfunction]
#[pyo3(signature = (texts, published = None, ids = None, *, progress = None))]
pub(crate) fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    ids: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<Article>> {
    if texts.is_instance_of::<pyo3::types::PyString>() {
        return Err(invalid(
            py,
            "parse_many takes an iterable of texts, not one string: use parse(text) or wrap it in a list",
        ));
    }
    let progress = Progress::new(py, progress)?;
    let mut published = PerItem::new(published, batch::is_one_date)?;
    let mut ids = PerItem::new(ids, |v| Ok(v.is_instance_of::<pyo3::types::PyString>()))?;
    if matches!(ids, PerItem::Same(_)) {
        return Err(invalid(
            py,
            "ids must be an iterable with one id per text, not one string",
        ));
    }
    let mut out = Vec::new();
    let count = batch::for_each_batch(
        texts,
        &progress,
        |i, item| {
            let text: String = item.extract().map_err(|_| {
                let type_name = item
                    .get_type()
                    .name()
                    .map_or_else(|_| "?".to_owned(), |n| n.to_string());
                invalid(
                    py,
                    format!("item {i} is {type_name}: parse_many takes texts (str)"),
                )
            })?;
            let given = ids.next(py, i, "ids")?;
            let id = match &given {
                Some(id) => id.str()?.to_cow()?.into_owned(),
                None => i.to_string(),
            };
            // A bad date names the item it belongs to (and its id, when ids were given).
            let date = batch::date_of(py, published.next(py, i, "published")?).map_err(|e| {
                let which = match given {
                    Some(_) => format!("item {i} (id {id:?})"),
                    None => format!("item {i}"),
                };
                let err = invalid(py, format!("published of {which}: {}", e.value(py)));
                err.set_cause(py, Some(e));
                err
            })?;
            Ok(Document {
                id,
                source: "<text>".to_owned(),
                text,
                published: date,
                ..Document::default()
            })
        },
        |docs| {
            let articles = py.detach(|| article::parse_batch(docs));
            out.extend(articles.into_iter().map(|a| Article { inner: Arc::new(a) }));
            Ok(())
        },
    )?;
    published.finish(py, count, "published")?;
    ids.finish(py, count, "ids")?;
    Ok(out)
}
