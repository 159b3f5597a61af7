//! The [`Article`] model and the parser that builds it from text.
//!
//! An article is its input text plus an ordered list of [`Block`]s, each a kind and a span
//! into that text. Nothing is copied out of the text and nothing is dropped: every
//! non-whitespace byte of the input belongs to exactly one block, and `&text[block.span]`
//! is exactly the block's text.
//!
//! ```
//! use copydesk::article::{self, BlockKind, Reason};
//!
//! let text = "Skip to content\n\
//!             Talks to resume in May\n\
//!             Officials from both countries have met twice, the ministry said.\n\
//!             “We will see what happens,” the minister told reporters on Monday.\n\
//!             © 2018 Example News. All rights reserved.";
//! let a = article::parse(text);
//! let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [
//!     BlockKind::Boilerplate, BlockKind::Title, BlockKind::Paragraph,
//!     BlockKind::Paragraph, BlockKind::Boilerplate,
//! ]);
//! assert_eq!(a.blocks[0].reason, Some(Reason::Ui));
//! assert_eq!(a.blocks[4].reason, Some(Reason::Copyright));
//! assert_eq!(a.title(), Some("Talks to resume in May"));
//!
//! let quote = &a.quotes[0];
//! assert_eq!(a.quote_text(quote), "We will see what happens");
//! assert_eq!(a.speaker(quote), Some("the minister"));
//! ```
//!
//! # How text is classified
//!
//! [`parse`] splits the text into paragraphs ([`crate::text::paragraphs`]: hard-wrapped wire
//! copy is joined, one-line-per-paragraph scraped pages are kept apart), splits off the
//! pieces that share a line with others (a wire dateline before the lede, a photo credit
//! after a caption, a source tag after the last sentence), and classifies each piece:
//!
//! 1. by what it says, whatever its place: page residue from a lexicon of interface words,
//!    share and related links, "Read more", video players, newsletter and subscription
//!    prompts, advertising labels, cookie notices, comment counters and copyright lines
//!    ([`Reason`] says which); photo credits (`Joe Raedle/Getty Images`,
//!    `Photograph: ...`, `(AP Photo/...)`); bylines (`By ...`, `Reporting by ...`);
//!    datelines (`BAHIA BLANCA, Argentina, Feb 26 -`, `SEOUL (Reuters) -`,
//!    `Updated 3:41 PM ET, Sat April 7, 2018`, a live blog's `10.03 BST`); wire sign-offs and
//!    source tags (`Reuter`, `– Guardian`, `With AFP`); captions marked as such
//!    (`Image caption, ...`, `FILE PHOTO: ...`);
//! 2. by its neighbours: a line printed twice in a row, or followed by a credit, is a
//!    caption; headline-like lines after a "Related" label are links;
//! 3. by its place: before the first body paragraph come the kicker (a short section
//!    label), the title (the first headline-like line) and the dek (the line after the
//!    title); in the body, a short headline-like line alone between paragraphs is a
//!    heading;
//! 4. everything else is a paragraph.
//!
//! A block whose text repeats an earlier block's exactly has [`Block::repeat_of`] set.
//! Quotations in paragraphs are found with their speaker and verb ([`Quote`]), and a
//! publication date printed in the page's header gives [`Article::published`] when the
//! source gave none.

pub(crate) mod classify;
pub(crate) mod datetext;
mod json;
mod language;
pub(crate) mod lexicon;
mod markdown;
mod page;
mod published;
pub(crate) mod quotes;
mod region;

pub use json::ArticleJson;
pub(crate) use json::QuoteJson;
pub use markdown::to_markdown;
pub use page::{Found, PageMeta};
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
    /// Page residue set aside: menus, share links, copyright lines, "READ MORE"; the
    /// block's [`Block::reason`] says which.
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

impl BlockKind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [BlockKind; 11] = [
        BlockKind::Title,
        BlockKind::Dek,
        BlockKind::Byline,
        BlockKind::Dateline,
        BlockKind::Kicker,
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::Caption,
        BlockKind::Credit,
        BlockKind::SourceTag,
        BlockKind::Boilerplate,
    ];

    /// The kind named `name` (`"source_tag"`, `"paragraph"`...), as [`BlockKind::as_str`]
    /// writes it.
    pub fn from_name(name: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Why a block was set aside as [`BlockKind::Boilerplate`].
///
/// The names in JSON are the snake-case forms (`read_more`, `ui`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// Interface words and icon labels: `clock menu more-arrow no yes mobile`,
    /// `Skip to content`, `Print`, `5 min read`.
    Ui,
    /// Site navigation: breadcrumbs (`Home > World > Asia`) and footer links.
    Navigation,
    /// Share and follow prompts: `Share this article`, `Facebook Twitter Email`.
    Share,
    /// Links to other stories: `Related:`, `More from ...`, `Most read` and the headlines
    /// listed under them.
    Related,
    /// `READ MORE`, `Continue reading`, `Read the full story`.
    ReadMore,
    /// Video and audio players: `Now watching`, `Play video`, `Listen to this article`.
    Video,
    /// Newsletter sign-up prompts.
    Newsletter,
    /// Subscription and paywall prompts, donation appeals.
    Subscribe,
    /// Advertising labels: `Advertisement`, `Sponsored content`.
    Ad,
    /// Copyright and reuse notices: `© 2018 Newsmax. All rights reserved.`
    Copyright,
    /// Cookie and privacy notices.
    Cookie,
    /// Comment counters and prompts: `12 comments`, `Join the conversation`.
    Comments,
    /// Tag and topic lists: `Filed under:`, `Topics: ...`.
    Tags,
    /// A bare link: a URL or an e-mail address on a line of its own.
    Link,
    /// Wire-service framing: `MORE`, `-30-`, `###`, `(END)`.
    WireMarker,
    /// Outside the article in a web page: the page around it (sidebars, teasers, the site's
    /// header), found by the page's layout rather than by what the block says.
    Outside,
}

impl Reason {
    /// The reason's name as written in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::Ui => "ui",
            Reason::Navigation => "navigation",
            Reason::Share => "share",
            Reason::Related => "related",
            Reason::ReadMore => "read_more",
            Reason::Video => "video",
            Reason::Newsletter => "newsletter",
            Reason::Subscribe => "subscribe",
            Reason::Ad => "ad",
            Reason::Copyright => "copyright",
            Reason::Cookie => "cookie",
            Reason::Comments => "comments",
            Reason::Tags => "tags",
            Reason::Link => "link",
            Reason::WireMarker => "wire_marker",
            Reason::Outside => "outside",
        }
    }

    /// Every reason, in the order of the documentation.
    pub const ALL: [Reason; 16] = [
        Reason::Ui,
        Reason::Navigation,
        Reason::Share,
        Reason::Related,
        Reason::ReadMore,
        Reason::Video,
        Reason::Newsletter,
        Reason::Subscribe,
        Reason::Ad,
        Reason::Copyright,
        Reason::Cookie,
        Reason::Comments,
        Reason::Tags,
        Reason::Link,
        Reason::WireMarker,
        Reason::Outside,
    ];

    /// The reason named `name` (`"read_more"`, `"ui"`...), as [`Reason::as_str`] writes it.
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// One block of an article: its kind and its span in the article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where the block is in [`Article::text`].
    pub span: Span,
    /// Why a [`BlockKind::Boilerplate`] block was set aside (`None` for other kinds).
    pub reason: Option<Reason>,
    /// For a block whose text repeats an earlier block's exactly (a caption printed as
    /// image text and again as caption, say): the index of the first copy.
    pub repeat_of: Option<usize>,
    /// For a block of a web page: the element of the markup it is the text of.
    pub element: Option<ElementPlace>,
}

impl Block {
    /// A block of `kind` at `span`, with no reason and no repeat.
    pub const fn new(kind: BlockKind, span: Span) -> Block {
        Block {
            kind,
            span,
            reason: None,
            repeat_of: None,
            element: None,
        }
    }
}

/// Where a block of a web page is in the page's markup: the element whose text it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ElementPlace {
    /// The line of the markup on which the element's start tag ends (1-based).
    pub line: u32,
    /// The element and its ancestors up from `body`, each with its id or first class:
    /// `body > div#main > article.story > p`.
    pub path: String,
}

/// A quotation in a paragraph: the quoted words, what kind of quotation they are and, when
/// the text says who spoke, the speaker and the verb that attributes them (`said`,
/// `tweeted`, `told`, `according to`).
///
/// The span covers the quoted words without the quotation marks (and without a comma
/// that only leads into the attribution). A quotation that runs on into the next
/// paragraph is one quote per paragraph. Only speech is attributed: a [`QuoteKind::Term`]
/// never has a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Index of the paragraph in [`Article::blocks`].
    pub block: usize,
    /// Where the quoted words are in [`Article::text`].
    pub span: Span,
    /// A quotation, a quoted fragment of the writer's sentence, or a quoted term.
    pub kind: QuoteKind,
    /// Where the text names the speaker for this quotation (`Jenny Town`, `the
    /// president`, `he`); for a quotation that continues an earlier one of the same
    /// speaker, the earlier naming.
    pub mention: Option<Span>,
    /// The speaker: an index into [`Article::speakers`], when the mention is resolved to
    /// one (a pronoun with no one to refer to is not).
    pub speaker: Option<usize>,
    /// Where the attributing verb is, when there is one.
    pub verb: Option<Span>,
}

/// What a quotation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuoteKind {
    /// A quotation: a sentence or more of someone's words, set off from the writer's
    /// (`“We will see what happens,” the minister said`).
    Direct,
    /// A quoted fragment inside the writer's sentence of reported speech (`Trump said they
    /// had talks at “extremely high levels.”`).
    Partial,
    /// Quoted words that are not speech: scare quotes, titles of works, nicknames, a word
    /// talked about (`the reference to “irony”`). Never attributed.
    Term,
}

impl QuoteKind {
    /// Every kind, in order.
    pub const ALL: &[QuoteKind] = &[QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Term];

    /// The kind's name: `direct`, `partial` or `term`.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
        }
    }

    /// The kind named `name` (`direct`, `partial`, `term`).
    pub fn from_name(name: &str) -> Option<QuoteKind> {
        QuoteKind::ALL.iter().copied().find(|k| k.as_str() == name)
    }
}

/// Someone (or some organisation) quoted in an article: one per person however the text
/// names them (`President Donald Trump`, `Mr Trump`, `Trump`, `he` are one speaker).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest name the article gives, without titles (`Donald Trump`), where the
    /// article first gives it; a speaker the text only describes (`a White House
    /// spokesman`) is named by the description.
    pub name: Span,
    /// The mention that gives the name, with its title or description when it has one
    /// (`President Donald Trump`, `John Smith, the finance minister`).
    pub first_mention: Span,
    /// The title or role the article gives them (`President`, `the finance minister`).
    pub title: Option<Span>,
    /// True for an organisation (`the ministry`, `Acme Corp`), false for a person or
    /// when the text does not tell.
    pub organization: bool,
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
    /// Its language as an ISO 639-1 code (e.g. `en`): as given by the source (a record's
    /// field, the page's markup) or, when the source says nothing, told from the text
    /// ([`Article::language_detected`] says which).
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
    /// When a crawler fetched the page (a WARC record's `WARC-Date`): kept apart from the
    /// publication date, which it never stands in for.
    pub crawled: Option<Published>,
    /// The page's markup, decoded, when the document is a web page (an HTML file, a WARC
    /// response, a record's `html` field). The article is then read from it by
    /// the HTML parser and [`Document::text`] is left empty: the article's text is the
    /// page's extracted text.
    pub html: Option<String>,
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
    /// When a crawler fetched the page (see [`Document::crawled`]).
    pub crawled: Option<Published>,
    /// The input text; every span indexes it.
    pub text: String,
    /// The blocks, in the order of the text.
    pub blocks: Vec<Block>,
    /// The quotations in the paragraphs, in the order of the text.
    pub quotes: Vec<Quote>,
    /// The speakers of the quotations, in the order the article first names them.
    pub speakers: Vec<Speaker>,
    /// For a web page: what its metadata says (title, authors, dates, site, language...),
    /// each value with where it was found. `None` for text input.
    pub page: Option<Box<PageMeta>>,
    /// Problems met while reading and parsing that did not stop it, each a one-line message.
    pub warnings: Vec<String>,
    /// True when [`Metadata::language`] was told from the text rather than given by the
    /// source.
    pub language_detected: bool,
}

impl Article {
    /// The text of `block`, which must be one of this article's blocks.
    pub fn block_text(&self, block: &Block) -> &str {
        block.span.slice(&self.text)
    }

    /// The text of the title block, or else the title given by the source, or else (for a
    /// web page) the headline of the page's metadata.
    pub fn title(&self) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| self.block_text(b))
            .or(self.meta.title.as_deref())
            .or_else(|| Some(self.page.as_ref()?.title.as_ref()?.value.as_str()))
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

    /// The quoted words of `quote`, which must be one of this article's quotes.
    pub fn quote_text(&self, quote: &Quote) -> &str {
        quote.span.slice(&self.text)
    }

    /// The speaker of `quote` by name (the fullest the article gives: `Donald Trump` for
    /// a quotation the text gives to `he` or `Mr Trump`), when it is known.
    pub fn speaker(&self, quote: &Quote) -> Option<&str> {
        self.speaker_of(quote).map(|s| s.name.slice(&self.text))
    }

    /// The speaker of `quote`, when it is known.
    pub fn speaker_of(&self, quote: &Quote) -> Option<&Speaker> {
        quote.speaker.and_then(|i| self.speakers.get(i))
    }

    /// The words that name the speaker of `quote` where it is attributed (`he`, `the
    /// minister`, `Smith`), when the text names them.
    pub fn speaker_mention(&self, quote: &Quote) -> Option<&str> {
        quote.mention.map(|s| s.slice(&self.text))
    }

    /// The verb that attributes `quote`, when there is one.
    pub fn verb(&self, quote: &Quote) -> Option<&str> {
        quote.verb.map(|s| s.slice(&self.text))
    }

    /// The blocks that carry the article's own text, for comparing articles: title, dek,
    /// headings, paragraphs and captions, leaving out repeats (and everything that is
    /// residue, credit, byline or dateline).
    pub fn content_blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks.iter().enumerate().filter(|(_, b)| {
            b.repeat_of.is_none()
                && matches!(
                    b.kind,
                    BlockKind::Title
                        | BlockKind::Dek
                        | BlockKind::Heading
                        | BlockKind::Paragraph
                        | BlockKind::Caption
                )
        })
    }
}

/// Parses `text` into an article with no id, source or metadata.
///
/// ```
/// use copydesk::article::{self, BlockKind};
///
/// let text = "CAIRO, March 3 - Egypt's cotton exports rose in February,\n\
///             the ministry said.\n Reuter";
/// let a = article::parse(text);
/// let kinds: Vec<&str> = a.blocks.iter().map(|b| b.kind.as_str()).collect();
/// assert_eq!(kinds, ["dateline", "paragraph", "source_tag"]);
/// assert_eq!(a.block_text(&a.blocks[0]), "CAIRO, March 3 -");
/// ```
pub fn parse(text: &str) -> Article {
    parse_document(Document::new(text))
}

/// Parses many documents in parallel (on the current rayon pool), keeping their order.
pub fn parse_batch(docs: Vec<Document>) -> Vec<Article> {
    use rayon::prelude::*;
    docs.into_par_iter().map(parse_document).collect()
}

/// Parses a document read from a source into an article.
///
/// The title the source gives ([`Metadata::title`]) marks the line of the text that
/// repeats it as the title. When the source gives no publication date, a date printed in
/// the article's header (`Published 10:03 BST, 17 April 2018`) gives it.
pub fn parse_document(doc: Document) -> Article {
    if doc.html.is_some() {
        return crate::html::parse_document(doc);
    }
    let classified = classify::classify(&doc.text, doc.meta.title.as_deref());
    let (quotes, speakers) = quotes::find(&doc.text, &classified.blocks);
    let mut article = Article {
        id: doc.id,
        source: doc.source,
        meta: doc.meta,
        published: doc.published.or(classified.published),
        crawled: doc.crawled,
        text: doc.text,
        blocks: classified.blocks,
        quotes,
        speakers,
        page: None,
        warnings: doc.warnings,
        language_detected: false,
    };
    article.detect_language();
    article
}

impl Article {
    /// Tells the language from the text when the source gave none.
    pub(crate) fn detect_language(&mut self) {
        if self.meta.language.is_none() {
            self.meta.language = language::detect(&self.text, &self.blocks);
            self.language_detected = self.meta.language.is_some();
        }
    }
}
