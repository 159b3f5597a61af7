//! The [`Article`] model and the parser that builds it from text.
//!
//! An article is its input text plus an ordered list of [`Block`]s, each a kind and a span
//! into that text. Nothing is copied out of the text and nothing is dropped: every
//! non-whitespace byte of the input belongs to exactly one block.
//!
//! ```
//! use copydesk::article;
//!
//! let a = article::parse("First paragraph. Two sentences.\n\nSecond paragraph.");
//! assert_eq!(a.blocks.len(), 2);
//! assert_eq!(a.block_text(&a.blocks[1]), "Second paragraph.");
//! assert_eq!(a.sentences().len(), 3);
//! ```

mod json;
mod published;

pub use json::ArticleJson;
pub use published::Published;

use serde::{Deserialize, Serialize};

use crate::text::{Span, sentences_in_paragraph};

/// What a block of an article is.
///
/// The names in JSON are the snake-case forms (`source_tag`, `paragraph`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// The headline.
    Title,
    /// The standfirst under the headline.
    Dek,
    /// The author line.
    Byline,
    /// The place (and date) line that opens wire copy: `BAHIA BLANCA, Argentina, Feb 26 -`.
    Dateline,
    /// A section label printed above the headline.
    Kicker,
    /// A subheading inside the body.
    Heading,
    /// Body text.
    Paragraph,
    /// A photo or video caption.
    Caption,
    /// A photo credit: `Joe Raedle/Getty Images`.
    Credit,
    /// A trailing attribution to the originating outlet: `– Guardian`.
    SourceTag,
    /// Page residue set aside: menus, share links, copyright lines, "READ MORE".
    Boilerplate,
}

impl BlockKind {
    /// The kind's name as written in JSON and on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Dek => "dek",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Kicker => "kicker",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::SourceTag => "source_tag",
            BlockKind::Boilerplate => "boilerplate",
        }
    }
}

/// One block of an article: its kind and its span in the article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where the block is in [`Article::text`].
    pub span: Span,
}

/// A sentence of an article: the block it belongs to and its span in [`Article::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the block in [`Article::blocks`].
    pub block: usize,
    /// Where the sentence is in [`Article::text`].
    pub span: Span,
}

/// Metadata that comes with an article from its source rather than from its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The article's URL.
    pub url: Option<String>,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// Its language, as given by the source (e.g. `en`).
    pub language: Option<String>,
    /// A title given separately from the text (by a JSON record, say).
    pub title: Option<String>,
}

/// An article's raw input before parsing: its text and what its source says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// A stable identifier: the record's id, or the file's name.
    pub id: String,
    /// Where it came from: a file path, `path:line` for a JSONL record, or `<stdin>`.
    pub source: String,
    /// The text, as decoded; every span of the parsed article indexes it.
    pub text: String,
    /// Metadata from the source.
    pub meta: Metadata,
    /// The publication date, when known.
    pub published: Option<Published>,
    /// Problems met while reading that did not stop it (e.g. invalid UTF-8 replaced),
    /// each a one-line message naming the place.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document holding `text`, with no id, source or metadata.
    pub fn new(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            ..Document::default()
        }
    }
}

/// A parsed article: the input text, where it came from, and its blocks in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// A stable identifier (see [`Document::id`]).
    pub id: String,
    /// Where it came from (see [`Document::source`]).
    pub source: String,
    /// Metadata from the source.
    pub meta: Metadata,
    /// The publication date, when known.
    pub published: Option<Published>,
    /// The input text; every span indexes it.
    pub text: String,
    /// The blocks, in the order of the text.
    pub blocks: Vec<Block>,
}

impl Article {
    /// The text of `block`, which must be one of this article's blocks.
    pub fn block_text(&self, block: &Block) -> &str {
        block.span.slice(&self.text)
    }

    /// The text of the title block, or else the title given by the source.
    pub fn title(&self) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| self.block_text(b))
            .or(self.meta.title.as_deref())
    }

    /// The blocks of one kind, with their indices.
    pub fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(move |(_, b)| b.kind == kind)
    }

    /// The sentences of block `index` (empty when there is no such block).
    pub fn block_sentences(&self, index: usize) -> Vec<Sentence> {
        let Some(block) = self.blocks.get(index) else {
            return Vec::new();
        };
        sentences_in_paragraph(self.block_text(block))
            .into_iter()
            .map(|s| Sentence {
                block: index,
                span: s.shift(block.span.start),
            })
            .collect()
    }

    /// Every sentence of every block, in order.
    pub fn sentences(&self) -> Vec<Sentence> {
        (0..self.blocks.len())
            .flat_map(|i| self.block_sentences(i))
            .collect()
    }
}

/// Parses `text` into an article with no id, source or metadata.
pub fn parse(text: &str) -> Article {
    parse_document(Document::new(text))
}

/// Parses many documents in parallel (on the current rayon pool), keeping their order.
pub fn parse_batch(docs: Vec<Document>) -> Vec<Article> {
    use rayon::prelude::*;
    docs.into_par_iter().map(parse_document).collect()
}

/// Parses a document read from a source into an article.
pub fn parse_document(doc: Document) -> Article {
    let blocks = crate::text::paragraphs(&doc.text)
        .into_iter()
        .map(|span| Block {
            kind: BlockKind::Paragraph,
            span,
        })
        .collect();
    Article {
        id: doc.id,
        source: doc.source,
        meta: doc.meta,
        published: doc.published,
        text: doc.text,
        blocks,
    }
}
