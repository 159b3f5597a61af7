//! The JSON form of an article, shared by every front end.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Article, Quote};
use crate::text::{OffsetUnit, Span, SpanConverter};

/// A view of an [`Article`] that serializes to its documented JSON form: `id`, `source`,
/// `published`, `url`, `outlet`, `language` (with `language_from`, `source` or `text`, when
/// it is known), `title`; `blocks`, each `kind`, `text`,
/// `start`, `end`, and when they apply `reason` (boilerplate), `repeat_of` (the index of
/// the block it repeats) and, with [`ArticleJson::with_sentences`], `sentences`; and
/// `quotes`, each `text`, `start`, `end`, `block`, `kind` (`direct`, `partial`, `term`),
/// `speaker` (the speaker's fullest name) with `speaker_start`, `speaker_end` (where the
/// article gives that name), `speaker_mention` (the words naming them here: `he`, `the
/// minister`) with `mention_start`, `mention_end`, and `verb` (`null` when the text does
/// not say).
///
/// Offsets are counted in the chosen [`OffsetUnit`]; the CLI and Python use characters.
///
/// ```
/// use copydesk::article::{self, ArticleJson};
/// use copydesk::text::OffsetUnit;
///
/// let a = article::parse("“Yes.” No.");
/// let json = serde_json::to_value(ArticleJson::new(&a, OffsetUnit::Chars)).unwrap();
/// assert_eq!(json["blocks"][0]["end"], 10);
/// ```
pub struct ArticleJson<'a> {
    article: &'a Article,
    converter: SpanConverter<'a>,
    sentences: bool,
    inferred: Option<&'a crate::dates::Inferred>,
}

impl<'a> ArticleJson<'a> {
    /// A view of `article` with offsets in `unit`.
    pub fn new(article: &'a Article, unit: OffsetUnit) -> ArticleJson<'a> {
        ArticleJson {
            article,
            converter: SpanConverter::new(&article.text, unit),
            sentences: false,
            inferred: None,
        }
    }

    /// Also write `published_inferred`: when the article was published by its own
    /// expressions (see [`crate::dates::infer_published`]).
    pub fn with_inferred(
        mut self,
        inferred: Option<&'a crate::dates::Inferred>,
    ) -> ArticleJson<'a> {
        self.inferred = inferred;
        self
    }

    /// Also list each block's sentences.
    pub fn with_sentences(mut self, yes: bool) -> ArticleJson<'a> {
        self.sentences = yes;
        self
    }
}

impl Serialize for ArticleJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.article;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &a.id)?;
        map.serialize_entry("source", &a.source)?;
        map.serialize_entry("published", &a.published)?;
        if let Some(inferred) = self.inferred {
            map.serialize_entry(
                "published_inferred",
                &inferred.to_json(&a.text, &self.converter),
            )?;
        }
        map.serialize_entry("url", &a.meta.url)?;
        map.serialize_entry("outlet", &a.meta.outlet)?;
        map.serialize_entry("language", &a.meta.language)?;
        if a.meta.language.is_some() {
            let from = if a.language_detected {
                "text"
            } else {
                "source"
            };
            map.serialize_entry("language_from", from)?;
        }
        map.serialize_entry("title", &a.title())?;
        if let Some(crawled) = &a.crawled {
            map.serialize_entry("crawled", crawled)?;
        }
        if let Some(page) = &a.page {
            map.serialize_entry("metadata", page)?;
        }
        if !a.warnings.is_empty() {
            map.serialize_entry("warnings", &a.warnings)?;
        }
        map.serialize_entry("blocks", &Blocks(self))?;
        map.serialize_entry("quotes", &Quotes(self))?;
        map.end()
    }
}

struct Blocks<'v, 'a>(&'v ArticleJson<'a>);

impl Serialize for Blocks<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let a = view.article;
        let mut seq = serializer.serialize_seq(Some(a.blocks.len()))?;
        for (i, block) in a.blocks.iter().enumerate() {
            let sentences = view.sentences.then(|| {
                a.block_sentences(i)
                    .into_iter()
                    .map(|s| Piece::new(view, s.span))
                    .collect::<Vec<_>>()
            });
            seq.serialize_element(&BlockJson {
                kind: block.kind.as_str(),
                piece: Piece::new(view, block.span),
                reason: block.reason.map(|r| r.as_str()),
                repeat_of: block.repeat_of,
                element: block.element.as_ref(),
                sentences,
            })?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct BlockJson<'a> {
    kind: &'static str,
    #[serde(flatten)]
    piece: Piece<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    repeat_of: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    element: Option<&'a super::ElementPlace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<Piece<'a>>>,
}

struct Quotes<'v, 'a>(&'v ArticleJson<'a>);

impl Serialize for Quotes<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let a = view.article;
        let mut seq = serializer.serialize_seq(Some(a.quotes.len()))?;
        for q in &a.quotes {
            seq.serialize_element(&QuoteJson::new(a, q, &view.converter))?;
        }
        seq.end()
    }
}

/// A quotation as JSON: `text`, `start`, `end`, `block`, `kind`, `speaker` with
/// `speaker_start`, `speaker_end`, `speaker_mention` with `mention_start`, `mention_end`,
/// and `verb`; one form for an article's `quotes` and for the members of `copydesk
/// quotes`' remarks.
#[derive(serde::Serialize)]
pub(crate) struct QuoteJson<'a> {
    #[serde(flatten)]
    piece: Piece<'a>,
    block: usize,
    kind: &'static str,
    speaker: Option<&'a str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    speaker_mention: Option<&'a str>,
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    verb: Option<&'a str>,
}

impl<'a> QuoteJson<'a> {
    /// Quotation `q` of `a`, offsets by `converter` (built on `a.text`).
    pub(crate) fn new(a: &'a Article, q: &Quote, converter: &SpanConverter<'_>) -> QuoteJson<'a> {
        let piece = |span: Span| Piece::of(&a.text, converter, span);
        let speaker = a.speaker_of(q).map(|s| piece(s.name));
        let mention = q.mention.map(piece);
        QuoteJson {
            piece: piece(q.span),
            block: q.block,
            kind: q.kind.as_str(),
            speaker: speaker.as_ref().map(|p| p.text),
            speaker_start: speaker.as_ref().map(|p| p.start),
            speaker_end: speaker.as_ref().map(|p| p.end),
            speaker_mention: mention.as_ref().map(|p| p.text),
            mention_start: mention.as_ref().map(|p| p.start),
            mention_end: mention.as_ref().map(|p| p.end),
            verb: q.verb.map(|v| v.slice(&a.text)),
        }
    }
}

#[derive(serde::Serialize)]
struct Piece<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Piece<'a> {
    fn new(view: &ArticleJson<'a>, span: Span) -> Piece<'a> {
        Piece::of(&view.article.text, &view.converter, span)
    }

    fn of(text: &'a str, converter: &SpanConverter<'_>, span: Span) -> Piece<'a> {
        let (start, end) = converter.convert(span);
        Piece {
            text: span.slice(text),
            start,
            end,
        }
    }
}
