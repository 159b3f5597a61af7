//! Tokens for the date grammar: words, digit runs and single punctuation characters, each
//! with its byte span, looked up once in the lexicon.

use super::lexicon::{self, Lex};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits: its value (saturating) and its number of digits.
    Num { value: u32, digits: u8 },
    /// One other non-space character.
    Punct(char),
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the start of the text) comes right before the token.
    pub space_before: bool,
    /// The first character is upper case.
    pub upper: bool,
    /// Every letter is upper case (a word like `EST` or a shouted headline).
    pub all_upper: bool,
    /// The lexicon entry of a word, when it has one.
    pub lex: Option<&'static Lex>,
}

impl Tok {
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub(crate) fn num(&self) -> Option<(u32, u8)> {
        match self.kind {
            Kind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// Longest word the lexicon holds; longer words are never looked up.
const MAX_WORD: usize = 16;

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    let mut lower = [0u8; MAX_WORD];
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let tok = if b.is_ascii_digit() {
            let mut value: u32 = 0;
            while let Some(&d) = bytes.get(i).filter(|d| d.is_ascii_digit()) {
                value = value.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                i += 1;
            }
            let digits = (i - start).min(255) as u8;
            Tok {
                start,
                end: i,
                kind: Kind::Num { value, digits },
                space_before,
                upper: false,
                all_upper: false,
                lex: None,
            }
        } else if b.is_ascii_alphabetic() {
            let mut all_upper = true;
            while let Some(&c) = bytes.get(i).filter(|c| c.is_ascii_alphabetic()) {
                all_upper &= c.is_ascii_uppercase();
                i += 1;
            }
            // A word that goes on in non-ASCII letters is not a lexicon word.
            let mut ascii = true;
            while let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
                if c.is_alphabetic() {
                    ascii = false;
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            let word = bytes.get(start..i).unwrap_or_default();
            let lex = if ascii && word.len() <= MAX_WORD {
                for (d, s) in lower.iter_mut().zip(word) {
                    *d = s.to_ascii_lowercase();
                }
                // The buffer holds ASCII letters only, so it is valid UTF-8.
                lower
                    .get(..word.len())
                    .and_then(|w| std::str::from_utf8(w).ok())
                    .and_then(lexicon::lookup)
            } else {
                None
            };
            Tok {
                start,
                end: i,
                kind: Kind::Word,
                space_before,
                upper: b.is_ascii_uppercase(),
                all_upper: all_upper && word.len() > 1,
                lex,
            }
        } else {
            let c = text
                .get(i..)
                .and_then(|s| s.chars().next())
                .unwrap_or('\u{fffd}');
            i += c.len_utf8().max(1);
            if c.is_alphabetic() {
                // A word in another script: one token up to the next non-letter.
                while let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
                    if c.is_alphanumeric() {
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                }
                Tok {
                    start,
                    end: i,
                    kind: Kind::Word,
                    space_before,
                    upper: c.is_uppercase(),
                    all_upper: false,
                    lex: None,
                }
            } else if c.is_whitespace() {
                space_before = true;
                continue;
            } else {
                Tok {
                    start,
                    end: i,
                    kind: Kind::Punct(c),
                    space_before,
                    upper: false,
                    all_upper: false,
                    lex: None,
                }
            }
        };
        out.push(tok);
        space_before = false;
    }
}

/// Reads `toks` of `text` as colloquial text is typed (see `genre`): informal spellings as
/// the words they stand for (`tmr`, `2nite`: a digit and a word written together become
/// one word), and weekday and month names written in lower case as names, except the
/// everyday words among them (`may`, `march`; `wed`, `sat`, `sun` unless a word that
/// points to a day comes before: `this sun`).
pub(crate) fn read_as_typed(text: &str, toks: &mut Vec<Tok>) {
    let word = |t: &Tok| text.get(t.start..t.end).map(str::to_ascii_lowercase);
    let spelled = |w: &str| {
        lexicon::COLLOQUIAL_SPELLINGS
            .iter()
            .find(|(s, _)| *s == w)
            .and_then(|(_, standard)| lexicon::lookup(standard))
    };
    // `2nite`, `2moro`: a digit and a word with nothing between them.
    let mut i = 0;
    while i + 1 < toks.len() {
        let (Some(a), Some(b)) = (toks.get(i), toks.get(i + 1)) else {
            break;
        };
        if a.num().is_some_and(|(v, d)| v == 2 && d == 1)
            && b.kind == Kind::Word
            && !b.space_before
            && let Some(joined) = text.get(a.start..b.end).map(str::to_ascii_lowercase)
            && let Some(lex) = spelled(&joined)
        {
            let merged = Tok {
                start: a.start,
                end: b.end,
                kind: Kind::Word,
                space_before: a.space_before,
                upper: false,
                all_upper: false,
                lex: Some(lex),
            };
            toks.splice(i..i + 2, [merged]);
        }
        i += 1;
    }
    let mut previous: Option<String> = None;
    for t in toks.iter_mut() {
        if t.kind != Kind::Word {
            previous = None;
            continue;
        }
        let Some(w) = word(t) else { continue };
        if let Some(lex) = spelled(&w) {
            t.lex = Some(lex);
        }
        if !t.upper
            && let Some(lex) = t.lex
        {
            let points = previous
                .as_deref()
                .is_some_and(|p| lexicon::DAY_POINTERS.contains(&p));
            let weekday = lex.weekday != 0
                && !lex.weekday_plural
                && (!lexicon::WEEKDAY_ABBR_WORDS.contains(&w.as_str()) || points);
            let month = lex.month != 0 && !lexicon::MONTH_WORDS.contains(&w.as_str());
            if weekday || month {
                t.upper = true;
            }
        }
        previous = Some(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let mut toks = Vec::new();
        let text = "On Aug. 7, 1998 at 10:35 a.m. — the 1990s’ end";
        tokenize(text, &mut toks);
        let pieces: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            pieces,
            [
                "On", "Aug", ".", "7", ",", "1998", "at", "10", ":", "35", "a", ".", "m", ".", "—",
                "the", "1990", "s", "’", "end"
            ]
        );
        assert!(!toks[17].space_before);
        assert_eq!(toks[1].lex.map(|l| l.month), Some(8));
        assert_eq!(toks[5].num(), Some((1998, 4)));
    }

    #[test]
    fn non_ascii_text_is_safe() {
        let mut toks = Vec::new();
        for text in [
            "",
            "日本語 2018年4月",
            "café Mayé",
            "\u{0}\u{ffff}",
            "e\u{301}",
        ] {
            tokenize(text, &mut toks);
            for t in &toks {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            }
        }
    }
}
