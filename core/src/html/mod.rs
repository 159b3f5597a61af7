//! Web pages: the article found in an HTML page, its metadata read, and every piece of the
//! page accounted for.
//!
//! The page is parsed as browsers parse it (html5ever's HTML5 tree builder), rendered to
//! its visible text as a browser's "select all, copy" gives it, and cut into blocks at the
//! block elements. The article's text ([`Article::text`]) is that visible text, so every
//! span indexes it and every visible character is in exactly one block, as for text input.
//! Each block is then given its kind from the page's layout, its markup and its text (see
//! `content.rs`): the container the article's prose is in, the title that repeats the
//! page's metadata, the header under it (byline, dates, dek), and the furniture around and
//! inside it (navigation, share buttons, related stories, comments, ads...), set aside as
//! [`BlockKind::Boilerplate`](crate::article::BlockKind::Boilerplate) with its [`Reason`](crate::article::Reason) (`outside` for
//! the page around the article).
//!
//! ```
//! use copydesk::article::BlockKind;
//!
//! let page = r#"<html lang="en"><head><title>Rates rise again | The Daily</title>
//!   <meta property="article:published_time" content="2024-05-02T09:00:00Z"></head>
//!   <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Rates rise again</h1><p class="byline">By Ann Smith</p>
//!   <p>The central bank raised its main rate by a quarter point on Thursday, the third rise this year.</p>
//!   <p>“We will do what it takes,” the governor told reporters after the meeting.</p></article>
//!   <footer>© 2024 The Daily</footer></body></html>"#;
//! let a = copydesk::html::parse(page);
//! assert_eq!(a.title(), Some("Rates rise again"));
//! assert_eq!(a.published.unwrap().to_string(), "2024-05-02T09:00:00Z");
//! let kinds: Vec<&str> = a.blocks.iter().map(|b| b.kind.as_str()).collect();
//! assert_eq!(kinds, ["boilerplate", "title", "byline", "paragraph", "paragraph", "boilerplate"]);
//! assert_eq!(a.speaker(&a.quotes[0]), Some("the governor"));
//! assert_eq!(a.page.as_ref().unwrap().language.as_ref().unwrap().value, "en");
//! ```

// Node ids index the arena they were made by, and every per-node table is as long as the
// arena: indexing by them is safe by construction.
#![allow(clippy::indexing_slicing)]

mod content;
mod dom;
mod markup;
mod meta;
mod render;

use crate::article::{Article, Document, Published, quotes};

/// Parses a web page given as markup into an article.
pub fn parse(html: &str) -> Article {
    parse_document(Document {
        html: Some(html.to_owned()),
        source: "<html>".to_owned(),
        ..Document::default()
    })
}

/// Parses a document whose [`Document::html`] holds a page (a document without markup is
/// read as an empty page).
///
/// The source's metadata wins over the page's: a record's title, URL and date are kept,
/// and the page's fill in what the source leaves out.
pub fn parse_document(mut doc: Document) -> Article {
    let html = doc.html.take().unwrap_or_default();
    let dom = dom::parse(&html);
    drop(html);
    let rendered = render::render(&dom);
    let meta = meta::read(&dom, doc.meta.url.as_deref());
    let mut titles = Vec::new();
    if let Some(t) = &doc.meta.title {
        titles.push(t.clone());
    }
    titles.extend(meta.titles.iter().cloned());
    let mut page = meta.page;
    let authors: Vec<String> = page.authors.iter().map(|a| a.value.clone()).collect();
    let decided = content::decide(&dom, &rendered, &titles, &authors);
    let text = rendered.text;
    let blocks = decided.blocks;
    if page.authors.is_empty()
        && let Some(line) = &decided.byline
    {
        for name in byline_names(line) {
            page.authors
                .push(crate::article::Found::new(name, "header"));
        }
    }
    let from_meta = page
        .published
        .as_ref()
        .and_then(|p| Published::parse(&p.value).ok());
    let published = doc.published.or(from_meta).or(decided.header_date);
    if doc.meta.language.is_none() {
        doc.meta.language = page.language.as_ref().map(|l| primary_language(&l.value));
    }
    if doc.meta.url.is_none() {
        doc.meta.url = page.url.as_ref().map(|u| u.value.clone());
    }
    if doc.meta.outlet.is_none() {
        doc.meta.outlet = page.site_name.as_ref().map(|s| s.value.clone());
    }
    let (quotes, speakers) = quotes::find(&text, &blocks);
    let mut warnings = doc.warnings;
    warnings.extend(dom.warnings.iter().map(|w| format!("{}: {w}", doc.source)));
    let mut article = Article {
        id: doc.id,
        source: doc.source,
        meta: doc.meta,
        published,
        crawled: doc.crawled,
        text,
        blocks,
        quotes,
        speakers,
        page: Some(Box::new(page)),
        warnings,
        language_detected: false,
    };
    article.detect_language();
    article
}

/// `en-US` -> `en`; `de_DE` -> `de`.
fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .trim()
        .to_ascii_lowercase()
}

/// The names on a byline: `By Ann Smith and Bo Li` -> `Ann Smith`, `Bo Li`.
fn byline_names(line: &str) -> Vec<String> {
    let line = line.lines().next().unwrap_or("").trim();
    let rest = match line.split_once(' ') {
        Some((first, rest)) if crate::article::lexicon::is_byline_word(first) => rest,
        _ => line,
    };
    // "Autor: Anna Schmidt", "Text: ..."
    let rest = match rest.split_once(": ") {
        Some((label, names)) if !label.contains(' ') => names,
        _ => rest,
    };
    let rest = rest.split(['|', '•', '·', '(']).next().unwrap_or("");
    let rest = rest.split(", ").next().unwrap_or("");
    rest.split(" and ")
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" & "))
        .map(str::trim)
        .filter(|n| {
            let words = n.split_whitespace().count();
            (1..=4).contains(&words) && n.chars().next().is_some_and(char::is_uppercase)
        })
        .map(String::from)
        .collect()
}
