//! What a web page says about its article outside the article's text: the metadata of its
//! `<head>` (JSON-LD, Open Graph, `<meta>` tags), its microdata and its URL, each value
//! with where it was found.

use serde::Serialize;

/// A value and where in the page it was found (`json-ld`, `meta og:title`, `microdata`,
/// `title`, `url`, `header`...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Found<T> {
    /// The value, as the page writes it (white space collapsed).
    pub value: T,
    /// Where it was found.
    pub from: String,
}

impl<T> Found<T> {
    /// `value`, found at `from`.
    pub fn new(value: T, from: impl Into<String>) -> Found<T> {
        Found {
            value,
            from: from.into(),
        }
    }
}

/// The metadata of a web page. Every field is what the page says, first found in the order
/// JSON-LD, Open Graph and other `<meta>` tags, microdata, the document itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PageMeta {
    /// The article's headline.
    pub title: Option<Found<String>>,
    /// The page's description (often the dek).
    pub description: Option<Found<String>>,
    /// The authors' names, in the page's order.
    pub authors: Vec<Found<String>>,
    /// The publication date as the page writes it.
    pub published: Option<Found<String>>,
    /// The last modification date as the page writes it.
    pub modified: Option<Found<String>>,
    /// The site's or outlet's name.
    pub site_name: Option<Found<String>>,
    /// The page's language (`<html lang>`, `og:locale`, `inLanguage`).
    pub language: Option<Found<String>>,
    /// The canonical URL.
    pub url: Option<Found<String>>,
    /// The lead image's URL.
    pub image: Option<Found<String>>,
    /// The section the article is filed in.
    pub section: Option<Found<String>>,
    /// Keywords and tags.
    pub keywords: Vec<String>,
    /// What the page says it is (`NewsArticle`, `article`...).
    pub kind: Option<Found<String>>,
}
