//! Text primitives shared by parsing, deduplication and dates.
//!
//! - [`Span`]: a byte range into the original input; [`CharOffsets`] converts spans to
//!   character offsets (Python `str` indices) and back, in one place.
//! - [`paragraphs`], [`sentences`] and [`words`]: segmentation with spans.
//! - [`normalize`] and [`Normalized`]: the form in which text is compared, with a map back
//!   to the original offsets.

mod normalize;
mod segment;
mod span;

pub use normalize::{Normalized, normalize, normalize_into};
pub(crate) use segment::sentences_in_paragraph;
pub use segment::{paragraphs, sentences, words};
pub use span::{CharOffsets, OffsetUnit, Span, SpanConverter};
