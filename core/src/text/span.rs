//! Byte spans into an input text, and their conversion to character offsets.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an input string.
///
/// Every piece copydesk reports (a block, a sentence, a quote, a date) carries the span it
/// came from, so `&input[span.range()]` finds it again. Spans produced by copydesk for a text
/// always lie on `char` boundaries of that text.
///
/// ```
/// use copydesk::text::Span;
///
/// let text = "Kim said “yes”.";
/// let span = Span::new(9, 18);
/// assert_eq!(span.slice(text), "“yes”");
/// assert_eq!(span.get(text), Some("“yes”"));
/// assert_eq!(Span::new(10, 18).get(text), None); // not on a char boundary
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; an inverted pair is clamped to an empty span at `start`.
    pub const fn new(start: usize, end: usize) -> Span {
        if end < start {
            Span { start, end: start }
        } else {
            Span { start, end }
        }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The piece of `text` this span covers, or `None` when the span is out of bounds or not
    /// on `char` boundaries of `text`.
    pub fn get<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.range())
    }

    /// The piece of `text` this span covers.
    ///
    /// Use it with spans that copydesk produced for this very `text`: they always lie on
    /// `char` boundaries. For a span of unknown origin use [`Span::get`]; this method returns
    /// an empty string rather than panic when the span does not fit.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        self.get(text).unwrap_or_default()
    }

    /// The same span moved `offset` bytes to the right, for a span found in a piece of a
    /// larger text.
    pub const fn shift(self, offset: usize) -> Span {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }

    /// True when `other` lies entirely inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span shrunk to exclude leading and trailing whitespace of `text`. An all-blank
    /// span becomes empty at its start.
    pub fn trim(self, text: &str) -> Span {
        let piece = self.slice(text);
        let trimmed_start = piece.trim_start();
        let start = self.start + (piece.len() - trimmed_start.len());
        let end = start + trimmed_start.trim_end().len();
        Span::new(start, end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Converts byte offsets of one text into character offsets (Unicode scalar values, which is
/// what Python `str` indices count) and back.
///
/// This is the one place where spans cross from bytes to characters: the Python module and
/// any other consumer that indexes by character goes through it.
///
/// ```
/// use copydesk::text::{CharOffsets, Span};
///
/// let text = "“Yes,” Kim said.";
/// let offsets = CharOffsets::new(text);
/// // “ is three bytes in UTF-8 but one character.
/// assert_eq!(offsets.char_span(Span::new(3, 7)), (1, 5));
/// assert_eq!(offsets.byte_offset(5), Some(7));
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `checkpoints[k]` is the number of chars that start before byte `k * STRIDE`; the
    /// last entry is the number of chars in the text.
    /// Empty when the text is ASCII, where bytes and chars coincide.
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 256;

impl<'a> CharOffsets<'a> {
    /// Builds the conversion table for `text` in one pass (nothing is allocated for ASCII).
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        if text.is_ascii() {
            return CharOffsets {
                text,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut count = 0usize;
        for chunk in text.as_bytes().chunks(STRIDE) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        // A last checkpoint for the end of the text, which `char_offset(len)` reaches when
        // the length is a multiple of the stride.
        checkpoints.push(count);
        CharOffsets { text, checkpoints }
    }

    /// The character offset of byte offset `byte` (clamped to the text's length). A byte
    /// inside a multi-byte character maps to the character that contains it.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / STRIDE;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = block * STRIDE;
        let tail = self.text.as_bytes().get(from..byte).unwrap_or_default();
        let n = base + tail.iter().filter(|&&b| !is_continuation(b)).count();
        // A byte in the middle of a character belongs to the character that started earlier.
        match self.text.as_bytes().get(byte) {
            Some(&b) if is_continuation(b) => n.saturating_sub(1),
            _ => n,
        }
    }

    /// Converts a byte span into a `(start, end)` pair of character offsets.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }

    /// The byte offset where character `index` starts, or `None` past the end of the text
    /// (the text's length in characters maps to its length in bytes).
    pub fn byte_offset(&self, index: usize) -> Option<usize> {
        if self.checkpoints.is_empty() {
            return (index <= self.text.len()).then_some(index);
        }
        // The last block whose checkpoint is at or before `index`.
        let block = self
            .checkpoints
            .partition_point(|&c| c <= index)
            .saturating_sub(1);
        let mut count = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = block * STRIDE;
        let bytes = self.text.as_bytes().get(from..).unwrap_or_default();
        // Character starts from the block on; continuation bytes of a character that started
        // in the previous block are skipped.
        let starts = bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| !is_continuation(b))
            .map(|(i, _)| from + i);
        for pos in starts {
            if count == index {
                return Some(pos);
            }
            count += 1;
        }
        (count == index).then_some(self.text.len())
    }

    /// Converts a `(start, end)` pair of character offsets into a byte span.
    pub fn byte_span(&self, start: usize, end: usize) -> Option<Span> {
        Some(Span::new(self.byte_offset(start)?, self.byte_offset(end)?))
    }
}

/// How offsets are counted where spans leave Rust: in bytes of UTF-8, or in characters
/// (Unicode scalar values: Python `str` indices, and what the CLI's JSON output uses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OffsetUnit {
    /// Byte offsets into the UTF-8 text, as Rust slices it.
    Bytes,
    /// Character offsets, as Python slices a `str`.
    #[default]
    Chars,
}

/// Converts the byte spans of one text into offsets of a chosen [`OffsetUnit`].
///
/// ```
/// use copydesk::text::{OffsetUnit, Span, SpanConverter};
///
/// let text = "“Yes,” he said.";
/// let he = Span::new(11, 13);
/// assert_eq!(he.slice(text), "he");
/// assert_eq!(SpanConverter::new(text, OffsetUnit::Chars).convert(he), (7, 9));
/// assert_eq!(SpanConverter::new(text, OffsetUnit::Bytes).convert(he), (11, 13));
/// ```
#[derive(Clone, Debug)]
pub struct SpanConverter<'a> {
    chars: Option<CharOffsets<'a>>,
}

impl<'a> SpanConverter<'a> {
    /// A converter for spans of `text` into `unit`.
    pub fn new(text: &'a str, unit: OffsetUnit) -> SpanConverter<'a> {
        SpanConverter {
            chars: (unit == OffsetUnit::Chars).then(|| CharOffsets::new(text)),
        }
    }

    /// The `(start, end)` offsets of `span` in the converter's unit.
    pub fn convert(&self, span: Span) -> (usize, usize) {
        match &self.chars {
            Some(chars) => chars.char_span(span),
            None => (span.start, span.end),
        }
    }
}

const fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_shrinks_to_content() {
        let text = "  hello world \n";
        assert_eq!(Span::new(0, text.len()).trim(text), Span::new(2, 13));
        assert_eq!(Span::new(0, 2).trim(text), Span::new(2, 2));
    }

    #[test]
    fn char_offsets_round_trip_across_blocks() {
        let text = "é".repeat(300) + "abc" + &"日本".repeat(200);
        let offsets = CharOffsets::new(&text);
        for (i, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(b), i);
            assert_eq!(offsets.byte_offset(i), Some(b));
        }
        let n = text.chars().count();
        assert_eq!(offsets.char_offset(text.len()), n);
        assert_eq!(offsets.byte_offset(n), Some(text.len()));
        assert_eq!(offsets.byte_offset(n + 1), None);
    }

    #[test]
    fn end_of_text_at_a_stride_boundary() {
        // Found by fuzzing: 256 bytes exactly, the end fell past the last checkpoint.
        for len in [STRIDE, 2 * STRIDE] {
            let text = "é".repeat(len / 2);
            assert_eq!(text.len(), len);
            let offsets = CharOffsets::new(&text);
            assert_eq!(offsets.char_offset(len), len / 2);
            assert_eq!(offsets.byte_offset(len / 2), Some(len));
        }
    }

    #[test]
    fn mid_char_byte_maps_to_its_char() {
        let text = "a€b";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.char_offset(2), 1);
        assert_eq!(offsets.char_offset(4), 2);
    }
}
