//! HTML views of results for Jupyter (`_repr_html_`): small tables, every piece of input
//! text escaped.

use std::fmt::Write;

use copydesk::article::{Article, BlockKind};
use copydesk::dedup::Dedup;
use copydesk::text::CharOffsets;

use crate::article::shorten;

/// Rows shown before a table says how many more there are.
const MAX_ROWS: usize = 200;
/// Characters of text shown per row.
const TEXT_CHARS: usize = 120;

/// `text` with the characters that mean something in HTML escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const TABLE: &str = "<table class=\"copydesk\"><thead><tr>";
const CELL_TEXT: &str = " style=\"text-align:left\"";

fn header(out: &mut String, columns: &[&str]) {
    out.push_str(TABLE);
    for c in columns {
        let _ = write!(out, "<th{CELL_TEXT}>{}</th>", escape(c));
    }
    out.push_str("</tr></thead><tbody>");
}

fn more(out: &mut String, shown: usize, total: usize, what: &str, columns: usize) {
    if total > shown {
        let _ = write!(
            out,
            "<tr><td colspan=\"{columns}\"{CELL_TEXT}>… {} more {what}</td></tr>",
            total - shown
        );
    }
}

/// An article: a line of metadata and a table of its blocks, boilerplate greyed.
pub(crate) fn article(a: &Article) -> String {
    let mut out = String::from("<div class=\"copydesk-article\"><p>");
    let _ = write!(out, "<b>Article</b> <code>{}</code>", escape(&a.id));
    if let Some(title) = a.title() {
        let _ = write!(out, " · {}", escape(&shorten(title, TEXT_CHARS)));
    }
    if let Some(p) = &a.published {
        let _ = write!(out, " · published {}", escape(&p.to_string()));
    }
    if let Some(outlet) = &a.meta.outlet {
        let _ = write!(out, " · {}", escape(outlet));
    }
    let _ = write!(
        out,
        " · {} blocks, {} characters</p>",
        a.blocks.len(),
        a.text.chars().count()
    );
    header(&mut out, &["#", "kind", "start", "end", "text"]);
    let offsets = CharOffsets::new(&a.text);
    for (i, b) in a.blocks.iter().take(MAX_ROWS).enumerate() {
        let (start, end) = offsets.char_span(b.span);
        let style = if b.kind == BlockKind::Boilerplate {
            " style=\"color:#999\""
        } else {
            ""
        };
        // Why residue was set aside, as `copydesk parse --format text` shows it.
        let reason = b
            .reason
            .map_or_else(String::new, |r| format!("[{}] ", r.as_str()));
        let _ = write!(
            out,
            "<tr{style}><td>{i}</td><td>{}</td><td>{start}</td><td>{end}</td><td{CELL_TEXT}>{reason}{}</td></tr>",
            b.kind.as_str(),
            escape(&shorten(a.block_text(b), TEXT_CHARS))
        );
    }
    more(&mut out, MAX_ROWS, a.blocks.len(), "blocks", 5);
    out.push_str("</tbody></table></div>");
    out
}

/// A dedup result: a line of counts and a table of its clusters (size, where the copies
/// are, the canonical text).
pub(crate) fn dedup(d: &Dedup) -> String {
    let s = d.stats();
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"copydesk-dedup\"><p><b>DedupResult</b> · {} articles, {} passages, {} clusters, {} duplicates</p>",
        s.articles, s.passages, s.clusters, s.duplicates
    );
    header(
        &mut out,
        &[
            "cluster",
            "size",
            "min similarity",
            "where",
            "canonical text",
        ],
    );
    let clusters = d.clusters();
    for c in clusters.iter().take(MAX_ROWS) {
        let min = c
            .members
            .iter()
            .map(|m| m.similarity)
            .fold(1.0_f64, f64::min);
        let places: Vec<String> = c
            .members
            .iter()
            .map(|m| {
                let p = d.passage(m.passage);
                match p.block {
                    Some(b) => format!("{} #{b}", p.article.id),
                    None => p.article.id.clone(),
                }
            })
            .collect();
        let canonical = d.passage(c.canonical);
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{min:.3}</td><td{CELL_TEXT}>{}</td><td{CELL_TEXT}>{}</td></tr>",
            c.id,
            c.size(),
            escape(&places.join(", ")),
            escape(&shorten(canonical.text(), TEXT_CHARS))
        );
    }
    more(&mut out, MAX_ROWS, clusters.len(), "clusters", 5);
    out.push_str("</tbody></table></div>");
    out
}

/// One cluster of a dedup result: a table of its members, the canonical first.
pub(crate) fn cluster(d: &Dedup, index: usize) -> String {
    let Some(c) = d.clusters().get(index) else {
        return String::new();
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"copydesk-cluster\"><p><b>Cluster</b> {} · {} members</p>",
        c.id,
        c.size()
    );
    header(
        &mut out,
        &[
            "canonical",
            "article",
            "block",
            "start",
            "end",
            "similarity",
            "text",
        ],
    );
    for m in c.members.iter().take(MAX_ROWS) {
        let p = d.passage(m.passage);
        let (start, end) = CharOffsets::new(&p.article.text).char_span(p.span);
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{start}</td><td>{end}</td><td>{:.3}</td><td{CELL_TEXT}>{}</td></tr>",
            if m.passage == c.canonical { "✓" } else { "" },
            escape(&p.article.id),
            p.block.map_or_else(String::new, |b| b.to_string()),
            m.similarity,
            escape(&shorten(p.text(), TEXT_CHARS))
        );
    }
    more(&mut out, MAX_ROWS, c.members.len(), "members", 7);
    out.push_str("</tbody></table></div>");
    out
}
