//! Articles with their repeated passages taken out.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::result::Dedup;
use crate::text::{OffsetUnit, Span, SpanConverter};

/// An article with every passage that repeats an earlier one (a cluster member other than
/// the canonical passage) taken out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    /// The article's index, in input order.
    pub article: usize,
    /// The text without the removed passages. Each removed passage takes the whitespace
    /// after it along (before it, at the end of the text), so paragraphs stay apart as they
    /// were.
    pub text: String,
    /// What was removed: `(passage, cluster)`, in text order.
    pub removed: Vec<(usize, usize)>,
}

impl Dedup {
    /// Article `article` without its duplicates ([`Cleaned`]). The canonical passage of
    /// each cluster (earliest published, then first in input order) stays where it is.
    ///
    /// ```
    /// use copydesk::article;
    /// use copydesk::dedup::{self, Options};
    ///
    /// let text = "Officials met in a neutral country on Monday.\n\nOfficials met in a neutral country on Monday.\n\nNothing else.";
    /// let result = dedup::dedupe([article::parse(text)], &Options::default())?;
    /// let clean = result.clean(0);
    /// assert_eq!(clean.text, "Officials met in a neutral country on Monday.\n\nNothing else.");
    /// assert_eq!(clean.removed, [(1, 0)]);
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn clean(&self, article: usize) -> Cleaned {
        let mut removed: Vec<(usize, usize)> = self
            .duplicates()
            .filter(|(_, m)| self.passage(m.passage).article_index == article)
            .map(|(c, m)| (m.passage, c.id))
            .collect();
        removed.sort_by_key(|&(p, _)| (self.passage(p).span.start, p));
        let Some(a) = self.articles().get(article) else {
            return Cleaned {
                article,
                text: String::new(),
                removed: Vec::new(),
            };
        };
        let text = a.text.as_str();
        let mut cuts: Vec<Span> = removed
            .iter()
            .map(|&(p, _)| swallow_space(text, self.passage(p).span))
            .collect();
        cuts.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for cut in cuts {
            if cut.start > at {
                out.push_str(Span::new(at, cut.start).slice(text));
            }
            at = at.max(cut.end);
        }
        out.push_str(Span::new(at, text.len()).slice(text));
        Cleaned {
            article,
            text: out,
            removed,
        }
    }
}

/// The span grown over the whitespace after it, or, when nothing but whitespace follows,
/// over the whitespace before it.
fn swallow_space(text: &str, span: Span) -> Span {
    let after = Span::new(span.end, text.len()).slice(text);
    let rest = after.trim_start();
    if !rest.is_empty() {
        return Span::new(span.start, span.end + (after.len() - rest.len()));
    }
    let before = Span::new(0, span.start).slice(text);
    let kept = before.trim_end();
    Span::new(kept.len(), text.len())
}

/// A cleaned article as JSON: `id`, `source`, `published`, `text` (without the removed
/// passages), and `removed`: each passage taken out, with its `block`, `start`, `end`
/// (offsets into the original text, in the chosen unit), `cluster` and `text`.
pub struct CleanedJson<'a> {
    dedup: &'a Dedup,
    cleaned: &'a Cleaned,
    unit: OffsetUnit,
}

impl<'a> CleanedJson<'a> {
    /// A view of `cleaned`, an article of `dedup`, offsets in `unit`.
    pub fn new(dedup: &'a Dedup, cleaned: &'a Cleaned, unit: OffsetUnit) -> CleanedJson<'a> {
        CleanedJson {
            dedup,
            cleaned,
            unit,
        }
    }
}

impl Serialize for CleanedJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(a) = self.dedup.articles().get(self.cleaned.article) {
            let converter = SpanConverter::new(&a.text, self.unit);
            map.serialize_entry("id", &a.id)?;
            map.serialize_entry("source", &a.source)?;
            map.serialize_entry("published", &a.published)?;
            map.serialize_entry("text", &self.cleaned.text)?;
            let removed: Vec<Removed<'_>> = self
                .cleaned
                .removed
                .iter()
                .map(|&(p, cluster)| {
                    let passage = self.dedup.passage(p);
                    let (start, end) = converter.convert(passage.span);
                    Removed {
                        block: passage.block,
                        start,
                        end,
                        cluster,
                        text: passage.text(),
                    }
                })
                .collect();
            map.serialize_entry("removed", &removed)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Removed<'a> {
    block: Option<usize>,
    start: usize,
    end: usize,
    cluster: usize,
    text: &'a str,
}
