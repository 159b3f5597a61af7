//! Shingles: the sets whose Jaccard similarity decides what is a near-duplicate.
//!
//! A passage is normalized with [`crate::text::normalize`] (Unicode NFKC, case, quotes,
//! dashes, whitespace), cut into word tokens with the semantics of [`crate::text::words`]
//! (so punctuation never counts), and each run of `n` consecutive tokens (a word n-gram) or
//! of `n` consecutive characters of the tokens joined by single spaces (a character n-gram)
//! is hashed to 64 bits. The set of hashes, sorted and without repeats, is the passage's
//! shingle set.
//!
//! Two distinct shingles share a hash with probability about 2⁻⁶⁴, so for any corpus that
//! fits in memory the sets are, for every practical purpose, the sets of shingles
//! themselves.

use crate::text::{normalize_into, words};

/// How passages are cut into shingles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shingles {
    /// Runs of `n` consecutive words (word n-grams). A passage with fewer than `n` words
    /// has one shingle: all its words.
    Words(usize),
    /// Runs of `n` consecutive characters of the passage's words joined by single spaces
    /// (punctuation left out). A passage shorter than `n` characters has one shingle: all
    /// of it.
    Chars(usize),
}

impl Default for Shingles {
    /// Word 3-grams: see [`Shingles::DEFAULT_WORD_N`].
    fn default() -> Shingles {
        Shingles::Words(Shingles::DEFAULT_WORD_N)
    }
}

impl Shingles {
    /// The default word n-gram length, 3.
    ///
    /// Three words is the shortest run that keeps word order (two-word shingles such as
    /// `of the` or `said on` are shared by unrelated sentences), and the longest that still
    /// leaves a short news sentence enough shingles to compare: a sentence of ten words has
    /// eight. Longer shingles (5-grams, common for whole web pages) would leave such a
    /// sentence six, and one changed word would remove five of them.
    pub const DEFAULT_WORD_N: usize = 3;

    /// The default character n-gram length, 5: about one English word.
    pub const DEFAULT_CHAR_N: usize = 5;

    /// The n-gram length.
    pub fn n(self) -> usize {
        match self {
            Shingles::Words(n) | Shingles::Chars(n) => n,
        }
    }

    /// The kind's name: `word` or `char`.
    pub fn kind(self) -> &'static str {
        match self {
            Shingles::Words(_) => "word",
            Shingles::Chars(_) => "char",
        }
    }
}

/// Reusable buffers for shingling, so a hot loop allocates nothing per passage.
#[derive(Default)]
pub(crate) struct Shingler {
    normalized: String,
    tokens: Vec<u64>,
    joined: String,
}

impl Shingler {
    /// Adds the words of `text` (normalized on its own) to the buffers: their hashes for
    /// word shingles, their characters for character shingles. Returns how many words
    /// `text` holds.
    fn push_words(&mut self, text: &str, kind: Shingles) -> usize {
        let mut count = 0usize;
        if let (true, Shingles::Words(_)) = (text.is_ascii(), kind) {
            // For ASCII, normalization only lowers the case and collapses whitespace, and
            // whitespace never joins or splits a word: the words are those of the text
            // itself, lowered as they are hashed.
            let tokens = &mut self.tokens;
            let bytes = text.as_bytes();
            ascii_words(text, |start, w| {
                tokens.push(hash_lower_in(bytes, start, w.as_bytes()));
                count += 1;
            });
            return count;
        }
        self.normalized.clear();
        normalize_into(text, &mut self.normalized);
        match kind {
            Shingles::Words(_) => {
                let tokens = &mut self.tokens;
                for_each_word(&self.normalized, |w| {
                    tokens.push(hash_bytes(w.as_bytes()));
                    count += 1;
                });
            }
            Shingles::Chars(_) => {
                let joined = &mut self.joined;
                for_each_word(&self.normalized, |w| {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    joined.push_str(w);
                    count += 1;
                });
            }
        }
        count
    }

    /// The shingle set of the concatenation of `pieces` (each normalized on its own), and
    /// the number of words it holds. `out` is cleared first.
    pub(crate) fn shingle<'a>(
        &mut self,
        pieces: impl IntoIterator<Item = &'a str>,
        kind: Shingles,
        out: &mut Vec<u64>,
    ) -> usize {
        self.tokens.clear();
        self.joined.clear();
        let mut words = 0;
        for piece in pieces {
            words += self.push_words(piece, kind);
        }
        out.clear();
        match kind {
            Shingles::Words(n) => word_ngrams(&self.tokens, n.max(1), out),
            Shingles::Chars(n) => char_ngrams(&self.joined, n.max(1), out),
        }
        out.sort_unstable();
        out.dedup();
        words
    }
}

/// The shingle set of `text`: sorted 64-bit hashes, without repeats. Empty when the text
/// has no word.
///
/// ```
/// use copydesk::dedup::{Shingles, shingles};
///
/// let a = shingles("“Great progress,” Trump tweeted.", Shingles::Words(3));
/// let b = shingles("great progress -- TRUMP tweeted", Shingles::Words(3));
/// assert_eq!(a, b); // the same words, so the same shingles
/// assert_eq!(a.len(), 2); // "great progress trump", "progress trump tweeted"
/// ```
pub fn shingles(text: &str, kind: Shingles) -> Vec<u64> {
    let mut out = Vec::new();
    Shingler::default().shingle([text], kind, &mut out);
    out
}

/// The shingles of `text` as strings (word n-grams joined by a space, or character
/// n-grams), in the order they occur, with repeats: what another tool needs to hash exactly
/// the shingles copydesk compares.
///
/// ```
/// use copydesk::dedup::{Shingles, shingle_strings};
///
/// assert_eq!(
///     shingle_strings("Kim’s “letters”, again.", Shingles::Words(2)),
///     ["kim's letters", "letters again"],
/// );
/// assert_eq!(shingle_strings("Ab, c", Shingles::Chars(3)), ["ab ", "b c"]);
/// ```
pub fn shingle_strings(text: &str, kind: Shingles) -> Vec<String> {
    let normalized = crate::text::normalize(text);
    let mut tokens: Vec<&str> = Vec::new();
    for_each_word(&normalized, |w| tokens.push(w));
    match kind {
        Shingles::Words(n) => {
            let n = n.max(1);
            if tokens.is_empty() {
                return Vec::new();
            }
            if tokens.len() < n {
                return vec![tokens.join(" ")];
            }
            tokens.windows(n).map(|w| w.join(" ")).collect()
        }
        Shingles::Chars(n) => {
            let n = n.max(1);
            let joined = tokens.join(" ");
            let chars: Vec<char> = joined.chars().collect();
            if chars.is_empty() {
                return Vec::new();
            }
            if chars.len() < n {
                return vec![joined];
            }
            chars.windows(n).map(|w| w.iter().collect()).collect()
        }
    }
}

/// Calls `each` with every word token of normalized text, with the semantics of
/// [`crate::text::words`].
///
/// ASCII text (nearly all of most English corpora) takes a fast path that implements the
/// ASCII part of the Unicode word-boundary rules (UAX #29) directly; any other text goes
/// through `words`. A property test checks that both give the same tokens.
pub(crate) fn for_each_word<'a>(text: &'a str, mut each: impl FnMut(&'a str)) {
    if text.is_ascii() {
        ascii_words(text, |_, w| each(w));
    } else {
        for (_, w) in words(text) {
            each(w);
        }
    }
}

/// The character classes of UAX #29 word boundaries, for ASCII.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_`: ExtendNumLet.
    Underscore,
    /// `:`: MidLetter (joins letters only).
    MidLetter,
    /// `.` and `'`: MidNumLet and Single_Quote (join letters, and join digits).
    MidNumLet,
    /// `,` and `;`: MidNum (join digits only).
    MidNum,
    Other,
}

/// [`Class`] of every byte (bytes from 0x80 up are never looked up: the text is ASCII).
#[allow(
    clippy::indexing_slicing,
    reason = "a constant loop over 0..256 fills a table of 256 entries"
)]
const CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> Class {
    // A `u8` indexes a table of 256 entries, so the fallback is never taken.
    CLASSES.get(usize::from(b)).copied().unwrap_or(Class::Other)
}

/// Word tokens of ASCII text by the rules WB5 to WB13b of UAX #29 (the rules for Katakana,
/// Hebrew, regional indicators, Extend and Format characters cannot apply to ASCII), keeping
/// those with a letter or digit, each with its byte offset in `text`.
fn ascii_words<'a>(text: &'a str, mut each: impl FnMut(usize, &'a str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&first) = bytes.get(i) {
        let c = class(first);
        if !matches!(c, Class::Letter | Class::Digit | Class::Underscore) {
            i += 1;
            continue;
        }
        let start = i;
        let mut prev = c;
        let mut alnum = c != Class::Underscore;
        i += 1;
        while let Some(&b) = bytes.get(i) {
            let next = class(b);
            match next {
                Class::Letter | Class::Digit | Class::Underscore => {
                    // WB5, WB8, WB9, WB10, WB13a, WB13b: word characters never break.
                    alnum |= next != Class::Underscore;
                    prev = next;
                    i += 1;
                }
                Class::MidLetter | Class::MidNumLet | Class::MidNum => {
                    let after = bytes.get(i + 1).map(|&b| class(b));
                    let joins = match (prev, next, after) {
                        // WB6, WB7: letter (MidLetter | MidNumLetQ) letter.
                        (
                            Class::Letter,
                            Class::MidLetter | Class::MidNumLet,
                            Some(Class::Letter),
                        ) => true,
                        // WB11, WB12: digit (MidNum | MidNumLetQ) digit.
                        (Class::Digit, Class::MidNum | Class::MidNumLet, Some(Class::Digit)) => {
                            true
                        }
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    // The middle character and the one after it belong to the word; the
                    // one after is a letter or digit, so `prev` takes its class.
                    prev = after.unwrap_or(Class::Other);
                    i += 2;
                }
                Class::Other => break,
            }
        }
        if alnum {
            // `start..i` lies on ASCII bytes, so on char boundaries.
            each(start, &text[start..i]);
        }
    }
}

/// Hashes of the word n-grams of `tokens` (fewer than `n` tokens: one shingle of all).
fn word_ngrams(tokens: &[u64], n: usize, out: &mut Vec<u64>) {
    if tokens.is_empty() {
        return;
    }
    if tokens.len() < n {
        out.push(combine(tokens));
        return;
    }
    out.extend(tokens.windows(n).map(combine));
}

/// The hash of a word n-gram from its words' hashes: multilinear in them (each position has
/// its own odd multiplier, so order counts), then mixed. The word hashes are random
/// already, so this needs one mixing, not one per word.
#[inline]
fn combine(window: &[u64]) -> u64 {
    let mut h = SEED ^ window.len() as u64;
    let mut m = K;
    for &t in window {
        h = h.wrapping_add(t.wrapping_mul(m));
        m = m.wrapping_mul(K) | 1;
    }
    mix64(h)
}

/// Hashes of the character n-grams of `text`.
fn char_ngrams(text: &str, n: usize, out: &mut Vec<u64>) {
    if text.is_empty() {
        return;
    }
    // Byte offset of each char, plus the end: n-gram k spans starts[k]..starts[k + n].
    let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    starts.push(text.len());
    let chars = starts.len() - 1;
    if chars < n {
        out.push(hash_bytes(text.as_bytes()));
        return;
    }
    let bytes = text.as_bytes();
    // `starts` holds char boundaries of `text`, so every range is in bounds.
    out.extend(
        starts
            .windows(n + 1)
            .filter_map(|w| Some(hash_bytes(bytes.get(*w.first()?..*w.last()?)?))),
    );
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;
const SEED: u64 = 0x243F_6A88_85A3_08D3;

/// The SplitMix64 finalizer: a bijection of `u64` with full avalanche.
#[inline]
pub(crate) fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A 64-bit hash of a byte string: eight bytes at a time through [`mix64`].
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_with(bytes, |word| word)
}

/// [`hash_bytes`] of the ASCII lower case of `word`, which is `text[start..]`'s first
/// `word.len()` bytes, without copying them. A word of at most 8 bytes is read with one
/// load of the 8 bytes from `start` when the text has them, its tail masked off.
#[inline]
fn hash_lower_in(text: &[u8], start: usize, word: &[u8]) -> u64 {
    let len = word.len();
    if len <= 8
        && let Some(eight) = text.get(start..start + 8)
    {
        let mut w = [0u8; 8];
        w.copy_from_slice(eight);
        let mask = if len == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * len)) - 1
        };
        return mix64(lower(u64::from_le_bytes(w) & mask) ^ SEED);
    }
    hash_with(word, lower)
}

/// The ASCII lower case of eight ASCII bytes.
#[inline]
fn lower(word: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Sets bit 5 of every byte in A..=Z, which lowers it. Every byte is ASCII (below
    // 0x80), so no addition carries into the next byte: the high bit of each byte of
    // `word + 0x3F..` says `b >= b'A'`, of `word + 0x25..` says `b > b'Z'`.
    let at_least_a = word.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & HIGH;
    let above_z = word.wrapping_add(0x2525_2525_2525_2525) & HIGH;
    word | ((at_least_a & !above_z) >> 2)
}

#[inline(always)]
fn hash_with(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    if bytes.len() <= 8 {
        // A word of at most 8 bytes is its bytes, zero-padded (words hold no zero byte):
        // one bijective mixing keeps every such word apart.
        let mut word = [0u8; 8];
        for (to, from) in word.iter_mut().zip(bytes) {
            *to = *from;
        }
        return mix64(map(u64::from_le_bytes(word)) ^ SEED);
    }
    let mut h = SEED ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix64(h ^ map(u64::from_le_bytes(word)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        for (to, from) in word.iter_mut().zip(rest) {
            *to = *from;
        }
        h = mix64(h ^ map(u64::from_le_bytes(word)) ^ K);
    }
    mix64(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        ascii_words(text, |_, w| out.push(w));
        out
    }

    #[test]
    fn ascii_path_follows_the_word_rules() {
        assert_eq!(
            tokens("kim's 3.5 pct, 1,000 u.s. a:b a_b __ x.,y 2018s jong-un"),
            [
                "kim's", "3.5", "pct", "1,000", "u.s", "a:b", "a_b", "x", "y", "2018s", "jong",
                "un"
            ]
        );
    }

    fn slow_word_hashes(text: &str) -> Vec<u64> {
        let normalized = crate::text::normalize(text);
        words(&normalized)
            .map(|(_, w)| hash_bytes(w.as_bytes()))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_gives_the_normalized_words(text in "[\\x00-\\x7F]{0,80}") {
            let mut s = Shingler::default();
            s.push_words(&text, Shingles::Words(1));
            proptest::prop_assert_eq!(&s.tokens, &slow_word_hashes(&text));
        }

        #[test]
        fn ascii_fast_path_on_word_like_text(text in "[a-zA-Z0-9 .,:;'_\"!?()\\t\\n-]{0,80}") {
            let mut s = Shingler::default();
            s.push_words(&text, Shingles::Words(1));
            proptest::prop_assert_eq!(&s.tokens, &slow_word_hashes(&text));
        }
    }

    #[test]
    fn short_passages_have_one_shingle() {
        assert_eq!(shingles("Reuter", Shingles::Words(3)).len(), 1);
        assert_eq!(shingles("two words", Shingles::Words(3)).len(), 1);
        assert!(shingles(" -- ", Shingles::Words(3)).is_empty());
        assert_eq!(shingles("ab", Shingles::Chars(5)).len(), 1);
    }

    #[test]
    fn hashed_shingles_match_the_string_shingles() {
        let text = "Mike Pompeo met with Kim Jong Un in North Korea last week, Pompeo said.";
        for kind in [Shingles::Words(1), Shingles::Words(3), Shingles::Chars(4)] {
            let mut strings = shingle_strings(text, kind);
            strings.sort();
            strings.dedup();
            assert_eq!(shingles(text, kind).len(), strings.len(), "{kind:?}");
        }
    }
}
