//! Normalization for matching: the form in which two printings of the same passage compare
//! equal although one was typed with curly quotes, an em dash, a non-breaking space or a
//! capital letter the other lacks.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::Span;

/// Normalizes `text` for matching.
///
/// The steps, in order: Unicode NFKC (so `ﬁ` is `fi`, a full-width `Ａ` is `A`, `…` is
/// `...`); lower case; curly and typographic quotes folded to `'` and `"`; every dash and
/// hyphen (`‐ ‑ ‒ – — ― −`) folded to `-`; zero-width and soft-hyphen characters dropped;
/// every run of whitespace collapsed to one space, and none at either end.
///
/// The function is idempotent: `normalize(&normalize(s)) == normalize(s)`.
///
/// ```
/// use copydesk::text::normalize;
///
/// assert_eq!(
///     normalize("“I really  believe there’s a lot of goodwill” — Trump"),
///     "\"i really believe there's a lot of goodwill\" - trump",
/// );
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Like [`normalize`], but appends to `out` so a hot loop can reuse one buffer.
pub fn normalize_into(text: &str, out: &mut String) {
    run(text, &mut Plain(out));
}

/// Normalized text together with the map from each of its bytes back to the span of the
/// original text it came from.
///
/// ```
/// use copydesk::text::{Normalized, Span};
///
/// let original = "He said:  “Great   progress”";
/// let n = Normalized::new(original);
/// assert_eq!(n.as_str(), "he said: \"great progress\"");
/// let found = n.as_str().find("great progress").unwrap();
/// let span = n.to_original(Span::new(found, found + "great progress".len()));
/// assert_eq!(span.slice(original), "Great   progress");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// `origin[i]` is the original span of the piece that produced normalized byte `i`.
    origin: Vec<Span>,
}

impl Normalized {
    /// Normalizes `original` and records where every output byte came from.
    pub fn new(original: &str) -> Normalized {
        let mut sink = Mapped {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
        };
        run(original, &mut sink);
        Normalized {
            text: sink.text,
            origin: sink.origin,
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text, owned.
    pub fn into_string(self) -> String {
        self.text
    }

    /// Maps a span of the normalized text back to the smallest span of the original text
    /// that produced it. An empty span maps to an empty span where it falls.
    pub fn to_original(&self, span: Span) -> Span {
        let Some(last) = self.origin.last() else {
            return Span::default();
        };
        // Positions past the end clamp to the last byte's origin.
        let at = |i: usize| self.origin.get(i).unwrap_or(last);
        if span.is_empty() {
            let point = if span.start >= self.origin.len() {
                last.end
            } else {
                at(span.start).start
            };
            return Span::new(point, point);
        }
        Span::new(at(span.start).start, at(span.end - 1).end)
    }
}

/// Where normalized output goes: a plain string, or a string with its origin map.
trait Sink {
    fn push_char(&mut self, c: char, from: Span);
    fn is_empty(&self) -> bool;
}

struct Plain<'a>(&'a mut String);

impl Sink for Plain<'_> {
    #[inline]
    fn push_char(&mut self, c: char, _: Span) {
        self.0.push(c);
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

struct Mapped {
    text: String,
    origin: Vec<Span>,
}

impl Sink for Mapped {
    fn push_char(&mut self, c: char, from: Span) {
        self.text.push(c);
        self.origin.extend(std::iter::repeat_n(from, c.len_utf8()));
    }
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The single implementation behind [`normalize`] and [`Normalized`].
///
/// ASCII takes a fast path. Other text is cut into *chunks* that normalize independently: a
/// chunk starts at a character that cannot combine with what precedes it (a starter whose
/// NFKC quick check is `Yes`) and takes the combining characters after it. Each chunk is
/// mapped to a fixed point of NFKC, lower case and folding, which is what makes the whole
/// function idempotent.
fn run(text: &str, sink: &mut impl Sink) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Start of a whitespace run not yet written, if any.
    let mut pending_space: Option<Span> = None;
    let mut chunk_out = String::new();
    while let Some(&b) = bytes.get(i) {
        // ASCII takes the fast path unless a combining character follows it.
        if b.is_ascii() && combining_at(text, i + 1).is_none() {
            if b.is_ascii_whitespace() {
                extend_space(&mut pending_space, Span::new(i, i + 1));
            } else {
                flush_space(sink, &mut pending_space);
                sink.push_char(b.to_ascii_lowercase() as char, Span::new(i, i + 1));
            }
            i += 1;
            continue;
        }
        // A chunk: this character plus any combining characters after it.
        let start = i;
        let mut end = i + utf8_len(b);
        while let Some(len) = combining_at(text, end) {
            end += len;
        }
        let span = Span::new(start, end);
        chunk_out.clear();
        fold_chunk(span.slice(text), &mut chunk_out);
        for c in chunk_out.chars() {
            if c.is_whitespace() {
                extend_space(&mut pending_space, span);
            } else {
                flush_space(sink, &mut pending_space);
                sink.push_char(c, span);
            }
        }
        i = end;
    }
    // Trailing whitespace is dropped, which `flush_space` never reaches.
}

#[inline]
fn extend_space(pending: &mut Option<Span>, at: Span) {
    *pending = Some(match *pending {
        Some(run) => run.cover(at),
        None => at,
    });
}

#[inline]
fn flush_space(sink: &mut impl Sink, pending: &mut Option<Span>) {
    if let Some(run) = pending.take() {
        // Leading whitespace is dropped: a space is written only between two non-spaces.
        if !sink.is_empty() {
            sink.push_char(' ', run);
        }
    }
}

/// The length of the character at byte `at` when it continues the chunk before it (a
/// combining character), or `None` when a new chunk starts there or the text ends.
#[inline]
fn combining_at(text: &str, at: usize) -> Option<usize> {
    if text.as_bytes().get(at)?.is_ascii() {
        return None;
    }
    let c = text.get(at..)?.chars().next()?;
    (!starts_chunk(c)).then(|| c.len_utf8())
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// True when `c` begins a new normalization chunk: it has no combining class and does not
/// compose with a preceding character.
fn starts_chunk(c: char) -> bool {
    if is_dropped(c) || !is_stable_starter(c) {
        return false;
    }
    // Some characters decompose into ones that combine with what precedes them (Tibetan
    // vowel signs, half-width katakana voicing marks and Hangul letters): they count as
    // what they become.
    std::iter::once(c)
        .nfkd()
        .next()
        .is_none_or(is_stable_starter)
}

/// A starter that cannot compose with a preceding character.
fn is_stable_starter(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfkc_quick(std::iter::once(c)) != IsNormalized::Maybe
}

/// Normalizes one chunk to the fixed point of NFKC, lower case and folding.
fn fold_chunk(chunk: &str, out: &mut String) {
    let mut current = chunk.to_owned();
    // Three rounds reach the fixed point for every chunk seen in practice; the loop stops as
    // soon as a round changes nothing.
    for _ in 0..4 {
        let mut next = String::with_capacity(current.len());
        for c in current.nfkc() {
            if is_dropped(c) {
                continue;
            }
            for lower in c.to_lowercase() {
                next.push(fold_char(lower));
            }
        }
        if next == current {
            break;
        }
        current = next;
    }
    out.push_str(&current);
}

/// Characters that carry no text for matching: zero-width spaces and joiners, the soft
/// hyphen, the byte-order mark, word joiner, and bidirectional controls.
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Folds typographic quotes and dashes to their ASCII forms.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
        | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_case_and_space() {
        assert_eq!(
            normalize("  Mr Kim’s “father” – Kim\u{00A0}Jong-il\u{200B}!  "),
            "mr kim's \"father\" - kim jong-il!"
        );
    }

    #[test]
    fn composes_and_decomposes_compatibly() {
        // e + combining acute composes; the ligature and full-width letters decompose.
        assert_eq!(normalize("Cafe\u{0301} ﬁle ＡＢ …"), "café file ab ...");
    }

    #[test]
    fn map_points_back_into_original() {
        let original = "Ａ — “b”";
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), "a - \"b\"");
        assert_eq!(n.to_original(Span::new(0, 1)).slice(original), "Ａ");
        assert_eq!(n.to_original(Span::new(2, 3)).slice(original), "—");
        assert_eq!(n.to_original(Span::new(4, 7)).slice(original), "“b”");
        assert_eq!(n.to_original(Span::new(1, 2)).slice(original), " ");
    }

    #[test]
    fn idempotent_where_decompositions_combine() {
        // Found by the property tests: characters that become combining marks or conjoining
        // jamo under NFKC.
        for text in ["ﾡￂ", "`\u{f73}", "a\u{ff9e}\u{301}b", "\u{f75}\u{f75}"] {
            let once = normalize(text);
            assert_eq!(normalize(&once), once, "{text:?}");
        }
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n\t\u{3000} "), "");
        assert_eq!(
            Normalized::new("").to_original(Span::new(0, 0)),
            Span::default()
        );
    }
}
