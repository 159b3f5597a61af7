//! The clean article as Markdown: the text a reader came for, without the page around it.

use std::fmt::Write;

use super::{Article, BlockKind};

/// Writes the clean article as Markdown: a front matter block with the article's `id`,
/// `source`, `published` and `url`, then the title (`# ...`), dek (in italics), kicker,
/// byline and datelines, headings (`## ...`), paragraphs (wrapped wire copy joined into
/// one line each) and captions (in italics, with their credit in brackets), and the
/// source tag. Boilerplate and blocks printed twice are left out.
///
/// ```
/// use copydesk::article;
///
/// let a = article::parse("Skip to content\nTalks resume in May\nOfficials met in Seoul on Monday, the ministry said.\nShare this article");
/// let md = article::to_markdown(&a);
/// assert!(md.ends_with("# Talks resume in May\n\nOfficials met in Seoul on Monday, the ministry said.\n"));
/// assert!(!md.contains("Skip to content"));
/// ```
pub fn to_markdown(article: &Article) -> String {
    let mut out = String::with_capacity(article.text.len() + 128);
    out.push_str("---\n");
    front(&mut out, "id", Some(&article.id));
    front(&mut out, "source", Some(&article.source));
    front(
        &mut out,
        "published",
        article.published.map(|p| p.to_string()).as_deref(),
    );
    front(&mut out, "url", article.meta.url.as_deref());
    out.push_str("---\n");

    let blocks = &article.blocks;
    if !blocks.iter().any(|b| b.kind == BlockKind::Title)
        && let Some(title) = &article.meta.title
    {
        let _ = write!(out, "\n# {}\n", escape(&one_line(title)));
    }
    let mut i = 0;
    while let Some(block) = blocks.get(i) {
        i += 1;
        if block.kind == BlockKind::Boilerplate || block.repeat_of.is_some() {
            continue;
        }
        let text = escape(&one_line(article.block_text(block)));
        out.push('\n');
        match block.kind {
            BlockKind::Title => {
                let _ = writeln!(out, "# {text}");
            }
            BlockKind::Heading => {
                let _ = writeln!(out, "## {text}");
            }
            BlockKind::Dek => {
                let _ = writeln!(out, "*{text}*");
            }
            BlockKind::Kicker => {
                let _ = writeln!(out, "**{text}**");
            }
            BlockKind::Caption => {
                out.push('*');
                out.push_str(&text);
                out.push('*');
                // The credits printed after the caption, in brackets.
                while let Some(next) = blocks.get(i).filter(|b| b.kind == BlockKind::Credit) {
                    if next.repeat_of.is_none() {
                        let credit = escape(&one_line(article.block_text(next)));
                        let _ = write!(out, " ({})", credit.trim_matches(['(', ')']));
                    }
                    i += 1;
                }
                out.push('\n');
            }
            BlockKind::Dateline => {
                // A wire dateline opens the paragraph it was printed with.
                let same_line = blocks.get(i).filter(|next| {
                    next.kind == BlockKind::Paragraph
                        && !article
                            .text
                            .get(block.span.end..next.span.start)
                            .unwrap_or("\n")
                            .contains('\n')
                });
                if let Some(next) = same_line {
                    i += 1;
                    let body = escape(&one_line(article.block_text(next)));
                    let _ = writeln!(out, "{text} {body}");
                } else {
                    let _ = writeln!(out, "{text}");
                }
            }
            _ => {
                let _ = writeln!(out, "{text}");
            }
        }
    }
    out
}

fn front(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        // A JSON string is a valid YAML scalar, whatever it holds.
        let quoted = serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into());
        let _ = writeln!(out, "{key}: {quoted}");
    }
}

/// The text on one line: wrapped wire copy joined, runs of spaces made one.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes what Markdown would read as markup: emphasis, code, links and HTML anywhere,
/// and headings, quotes, lists and rules at the start of the line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['#', '>', '-', '+', '=', '|', '~']) {
        out.insert(0, '\\');
    } else if let Some((n, _)) = out.split_once(['.', ')']) {
        // "1987. A year" would be a numbered list: escape the full stop.
        if !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()) {
            let at = n.len();
            out.insert(at, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("1987. A year"), "1987\\. A year");
        assert_eq!(escape("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape("Kim said 2.5 pct"), "Kim said 2.5 pct");
    }
}
