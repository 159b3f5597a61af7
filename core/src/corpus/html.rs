//! `html`: one web page per file (`.html`, `.htm`, `.xhtml`, and a page sniffed in a file
//! of any name). The page becomes a [`Document`] with [`Document::html`] set, which
//! [`crate::article::parse_document`] reads with the HTML parser.

use super::compress::Stream;
use super::decode;
use super::format::{Format, Origin, Ready, Records};
use crate::article::Document;

pub(crate) struct Html;
pub(crate) static HTML: Html = Html;

impl Format for Html {
    fn name(&self) -> &'static str {
        "html"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm", "xhtml", "shtml"]
    }
    fn sniff(&self, head: &[u8]) -> bool {
        looks_like_html(head)
    }
    fn whole_file(&self) -> bool {
        true
    }
    fn open(&self, mut stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        let item = stream
            .read_document()
            .and_then(|bytes| decode::decode_html(&bytes, None, origin.opts.strict))
            .map(|(html, warning)| {
                let mut doc = page(html, origin.stem, origin.name);
                if let Some(w) = warning {
                    doc.warnings.insert(0, format!("{}: {w}", origin.name));
                }
                doc
            })
            .map_err(|e| e.with_path(origin.name));
        Ready::boxed(vec![item])
    }
}

/// The document of one decoded page.
pub(crate) fn page(html: String, id: &str, source: &str) -> Document {
    let mut warnings = Vec::new();
    if html.trim().is_empty() {
        warnings.push(format!("{source}: no markup (the page is empty or blank)"));
    }
    Document {
        id: id.to_owned(),
        source: source.to_owned(),
        html: Some(html),
        warnings,
        ..Document::default()
    }
}

/// The HTML standard's sniffing of HTML ("rules for identifying an unknown MIME type"):
/// after whitespace, one of the tags a page opens with, then a space or `>`; an XML
/// declaration followed by an `<html` element (XHTML) counts too.
pub(crate) fn looks_like_html(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
        .unwrap_or(head.len());
    let rest = head.get(start..).unwrap_or_default();
    const OPENINGS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<script",
        b"<iframe",
        b"<h1",
        b"<div",
        b"<font",
        b"<table",
        b"<a",
        b"<style",
        b"<title",
        b"<b",
        b"<body",
        b"<br",
        b"<p",
        b"<!--",
    ];
    for opening in OPENINGS {
        if rest
            .get(..opening.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(opening))
            && matches!(rest.get(opening.len()), Some(b' ' | b'>'))
        {
            return true;
        }
    }
    if rest
        .get(..5)
        .is_some_and(|r| r.eq_ignore_ascii_case(b"<?xml"))
    {
        let lower = String::from_utf8_lossy(rest).to_ascii_lowercase();
        return lower.contains("<html") && !lower.contains("<timeml");
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_pages_not_prose_or_other_markup() {
        for page in [
            "<!DOCTYPE html>\n<html>",
            "  \n<HTML lang=de>",
            "<!-- saved from url --><html>",
            "\u{feff}<p>Hello</p>",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        ] {
            assert!(looks_like_html(page.as_bytes()), "{page}");
        }
        for other in [
            "Plain <b> text",
            "<svg>",
            "<pre>",
            "<TimeML>",
            "<?xml version='1.0'?><rss>",
        ] {
            assert!(!looks_like_html(other.as_bytes()), "{other}");
        }
    }
}
