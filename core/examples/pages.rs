//! Parses web pages and prints one JSON line per page: its title, date, authors and blocks
//! (kind, reason, text). `eval/pages.py` scores these lines; this is its engine.
//!
//! ```sh
//! cargo run --release -p copydesk --example pages -- PAGE.html... > pages.jsonl
//! cargo run --release -p copydesk --example pages -- --text PAGE.txt... > pages.jsonl
//! ```
//!
//! Each argument is one page (HTML, or with `--text` the page's visible text). Pages are
//! decoded as UTF-8 when they are, else as Windows-1252; `copydesk parse` decodes as
//! browsers do.

use std::time::Instant;

use copydesk::article::{self, Document};
use serde_json::json;

fn decode(bytes: Vec<u8>) -> String {
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let text_mode = args.first().is_some_and(|a| a == "--text");
    if text_mode {
        args.remove(0);
    }
    if args.is_empty() {
        return Err("usage: pages [--text] PAGE... (HTML pages, or their text with --text)".into());
    }
    let mut parse_time = 0.0;
    for path in &args {
        let content = decode(std::fs::read(path)?);
        let doc = if text_mode {
            Document::new(content)
        } else {
            Document {
                html: Some(content),
                source: path.clone(),
                ..Document::default()
            }
        };
        let t = Instant::now();
        let a = article::parse_document(doc);
        parse_time += t.elapsed().as_secs_f64();
        let blocks: Vec<_> = a
            .blocks
            .iter()
            .map(|b| {
                json!({"kind": b.kind.as_str(), "reason": b.reason.map(|r| r.as_str()),
                       "text": a.block_text(b),
                       "path": b.element.as_ref().map(|e| e.path.as_str())})
            })
            .collect();
        let page = a.page.as_deref();
        let authors: Vec<&str> = page
            .map(|p| p.authors.iter().map(|x| x.value.as_str()).collect())
            .unwrap_or_default();
        let line = json!({
            "file": path,
            "title": a.title(),
            "meta_title": page.and_then(|p| p.title.as_ref()).map(|s| &s.value),
            "published": a.published.map(|p| p.date().to_string()),
            "authors": authors,
            "site_name": page.and_then(|p| p.site_name.as_ref()).map(|s| &s.value),
            "description": page.and_then(|p| p.description.as_ref()).map(|s| &s.value),
            "language": a.meta.language,
            "blocks": blocks,
        });
        println!("{line}");
    }
    eprintln!("parsed {} pages in {:.3} s", args.len(), parse_time);
    Ok(())
}
