//! Years and decades in digits and words: `1998`, `'98`, `fiscal 1989`, `FY2018`, `the
//! 1990s`, `nineteen ninety-six`, and the checks that tell a year from a price, a count, a
//! phone number or a clock time.

use super::{Grammar, Hit, POSSESSIVES};
use crate::dates::expr::{Expr, YearRef};
use crate::dates::lexicon::W;
use crate::dates::token::Kind;

impl<'a> Grammar<'a> {
    /// A year in digits with the context that makes it one, or `'98`, `fiscal 1989`,
    /// `FY2018`, and decades: `1990s`, `'90s`, `1990's`.
    pub(super) fn year_expr(&self, i: usize) -> Hit {
        // `'98`, `'90s`
        if self.punct(i, '\'') || self.punct(i, '’') {
            let (v, digits) = self.num(i + 1)?;
            if digits != 2 || !self.adjacent(i + 1) {
                return None;
            }
            let year = if v < 30 {
                2000 + v as i32
            } else {
                1900 + v as i32
            };
            if self.word_eq(i + 2, "s") && self.adjacent(i + 2) {
                return Some((i + 3, Expr::Decade(year / 10)));
            }
            // `'98` alone is too often a closing quote after a number; it needs a month or
            // `in`/`since` before it.
            let prev_ok = i.checked_sub(1).is_some_and(|p| {
                self.lex(p).month != 0 || matches!(self.w(p), W::In | W::Since | W::Of)
            });
            return prev_ok.then_some((i + 2, Expr::Year(YearRef::Abs(year))));
        }
        if self.is(i, W::Fiscal) {
            let j = if self.is(i + 1, W::Year) {
                i + 2
            } else {
                i + 1
            };
            let (y, end) = self.year_number(j)?;
            return Some((end, Expr::Year(YearRef::Abs(y))));
        }
        if self.word_eq(i, "FY") {
            let (y, end) = self.year_number(i + 1)?;
            return Some((end, Expr::Year(YearRef::Abs(y))));
        }
        let (v, digits) = self.num(i)?;
        // `490 BC`, `490 B.C.`, `44 BCE`, `1066 AD`: a year of an era, written out however
        // many digits it has.
        if (1..=9999).contains(&v)
            && let Some((end, before_christ)) = self.era_after(i + 1)
        {
            let y = v as i32;
            // Astronomical numbering: 1 BC is year 0, 490 BC is -489.
            let year = if before_christ { 1 - y } else { y };
            return Some((end, Expr::Year(YearRef::Abs(year))));
        }
        // `80s`, `1990s`, `1990's`
        if self.word_eq(i + 1, "s") && self.adjacent(i + 1) {
            if digits == 4 && v % 10 == 0 && (1000..2100).contains(&v) {
                return Some((i + 2, Expr::Decade(v as i32 / 10)));
            }
            if digits == 2 && v % 10 == 0 && !self.age_before(i) {
                return Some((i + 2, Expr::Decade(190 + v as i32 / 10)));
            }
            return None;
        }
        if (self.punct(i + 1, '\'') || self.punct(i + 1, '’'))
            && self.word_eq(i + 2, "s")
            && self.adjacent(i + 1)
            && digits == 4
            && v % 10 == 0
        {
            // `1990's`: a decade unless it is a possessive (`1990's budget` reads the same;
            // a decade is the common case).
            return Some((i + 3, Expr::Decade(v as i32 / 10)));
        }
        if !self.bare_year_ok(i) {
            return None;
        }
        let y = v as i32;
        Some((i + 1, Expr::Year(YearRef::Abs(y))))
    }

    /// An era written at `i`, in capitals and apart from the number before it: `BC`,
    /// `BCE`, `B.C.`, `B.C.E.` (true) or `AD`, `CE`, `A.D.` (false), with the token after it.
    fn era_after(&self, i: usize) -> Option<(usize, bool)> {
        // Apart from the number (`2BC` is a name or a code, not 2 BC).
        if self.adjacent(i) {
            return None;
        }
        let caps = |k: usize| self.tok(k).is_some_and(|t| t.all_upper);
        let word = |k: usize, w: &str| caps(k) && self.text_of(k) == w;
        if word(i, "BC") || word(i, "BCE") {
            return Some((i + 1, true));
        }
        if word(i, "AD") || word(i, "CE") {
            return Some((i + 1, false));
        }
        // `B.C.`, `B.C.E.`, `A.D.`: letters and dots written together.
        let dotted = |k: usize, letters: &[&str]| {
            letters.iter().enumerate().all(|(n, l)| {
                let at = k + 2 * n;
                self.text_of(at) == *l
                    && self.punct(at + 1, '.')
                    && self.adjacent(at + 1)
                    && (n == 0 || self.adjacent(at))
            })
        };
        if dotted(i, &["B", "C", "E"]) {
            return Some((i + 6, true));
        }
        if dotted(i, &["B", "C"]) {
            return Some((i + 4, true));
        }
        if dotted(i, &["A", "D"]) {
            return Some((i + 4, false));
        }
        None
    }

    /// Whether the two-digit decade at `i` is somebody's age: a possessive before it, past
    /// `early`, `mid-`, `late` (`in his 30s`, `in their late 20s`, `in her mid-40s`).
    pub(super) fn age_before(&self, i: usize) -> bool {
        let mut k = i;
        while let Some(p) = k.checked_sub(1) {
            if matches!(self.w(p), W::Early | W::Mid | W::Late) || self.dash(p) {
                k = p;
                continue;
            }
            return POSSESSIVES.iter().any(|w| self.word_eq(p, w));
        }
        false
    }

    /// A year number in digits at `i` (four digits, or two after an apostrophe).
    pub(super) fn year_number(&self, i: usize) -> Option<(i32, usize)> {
        if let Some((v, 4)) = self.num(i)
            && (1000..2200).contains(&v)
        {
            return Some((v as i32, i + 1));
        }
        if (self.punct(i, '\'') || self.punct(i, '’'))
            && let Some((v, 2)) = self.num(i + 1)
        {
            let y = if v < 30 { 2000 + v } else { 1900 + v };
            return Some((y as i32, i + 2));
        }
        None
    }

    /// Whether the four-digit number at `i` reads as a year: between 1100 and 2199, not a
    /// price, a decimal, a part of a longer number, a phone number or a count of things.
    pub(super) fn bare_year_ok(&self, i: usize) -> bool {
        let Some((v, 4)) = self.num(i) else {
            return false;
        };
        if !(1100..2200).contains(&v) {
            return false;
        }
        if let Some(p) = i.checked_sub(1) {
            let prev = self.tok(p);
            if let Some(prev) = prev
                && !self.tok(i).is_some_and(|t| t.space_before)
            {
                // Glued to what comes before: `$1990`, `1,990`, `555-1990`, `#1990`, `No.1990`.
                if matches!(prev.kind, Kind::Num { .. } | Kind::Word) {
                    return false;
                }
                if let Kind::Punct(c) = prev.kind
                    && c != '('
                    && c != '"'
                    && c != '“'
                    && c != '['
                    && c != '/'
                {
                    // `1986-1990` is a range: the first year is checked by itself.
                    let dash_after_year = (c == '-' || c == '–')
                        && p.checked_sub(1).is_some_and(|q| {
                            self.num(q)
                                .is_some_and(|(y, d)| d == 4 && (1100..2200).contains(&y))
                        });
                    // `mid-1996`, `pre-1990`, `post-1959`, `end-1986`
                    let prefixed = c == '-'
                        && p.checked_sub(1).is_some_and(|q| {
                            matches!(
                                self.text_of(q).to_ascii_lowercase().as_str(),
                                "mid" | "pre" | "post" | "early" | "late" | "end"
                            )
                        });
                    if !dash_after_year && !prefixed {
                        return false;
                    }
                }
            }
            let pl = self.lex(p);
            if self.punct(p, '$') || self.punct(p, '£') || self.punct(p, '€') || self.punct(p, '#')
            {
                return false;
            }
            if matches!(
                self.text_of(p),
                "No" | "no"
                    | "Nos"
                    | "number"
                    | "Number"
                    | "Room"
                    | "Flight"
                    | "flight"
                    | "route"
                    | "Route"
            ) {
                return false;
            }
            // `about 2000 people` is a count.
            if matches!(
                pl.w,
                W::About | W::Nearly | W::Almost | W::Some | W::Over | W::Under | W::Than
            ) && self.next_is_count_noun(i + 1)
            {
                return false;
            }
        }
        // Glued to what follows: `1990.5`, `1,990`, `1990-555`, `1990%`.
        if let Some(n) = self.tok(i + 1)
            && !n.space_before
        {
            match n.kind {
                Kind::Num { .. } | Kind::Word => return false,
                Kind::Punct(c) => {
                    if c == '%' {
                        return false;
                    }
                    if (c == '.' || c == ',' || c == ':' || c == '/')
                        && self.num(i + 2).is_some()
                        && self.adjacent(i + 2)
                    {
                        return false;
                    }
                    if (c == '-' || c == '–')
                        && let Some((_, d)) = self.num(i + 2)
                    {
                        // `1990-91`, `2017-2021` are ranges of years; a phone or
                        // part number has other lengths.
                        if !(d == 2 || d == 4) {
                            return false;
                        }
                    }
                }
            }
        }
        // `at 1400 GMT`, `1358 local time`, `0930 hrs`, `1500 local (0600 GMT)`, `1400
        // hours`: a 24-hour clock time (or a count of hours), not a year.
        if v % 100 < 60
            && v / 100 < 24
            && (self.military_suffix(i + 1).is_some()
                || matches!(self.text_of(i + 1), "local" | "hours"))
        {
            return false;
        }
        !self.next_is_count_noun(i + 1)
    }

    /// A plural noun after a number makes it a count (`2000 people`, `1500 troops`).
    pub(super) fn next_is_count_noun(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        if !t.is_word() || t.upper {
            return false;
        }
        let word = self.text_of(i);
        if let Some(lex) = t.lex {
            return lex.unit.is_some() && lex.plural;
        }
        let plural =
            word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us");
        plural
            || matches!(
                word,
                "people"
                    | "percent"
                    | "men"
                    | "women"
                    | "children"
                    | "feet"
                    | "police"
                    | "miles"
                    | "km"
                    | "kilometers"
                    | "tons"
                    | "barrels"
                    | "points"
                    | "mph"
                    | "metres"
                    | "meters"
            )
    }

    /// `nineteen ninety-six`, `two thousand`, `the year two thousand`.
    pub(super) fn year_in_words(&self, i: usize) -> Hit {
        let lex = self.lex(i);
        if lex.num == 2 && self.lex(i + 1).num == 1000 {
            // `two thousand` alone is a count more often than a year; ask for `the year`.
            let the_year = i >= 2 && self.is(i - 1, W::Year) && self.is(i - 2, W::The);
            if !the_year {
                return None;
            }
            let mut end = i + 2;
            let mut y = 2000;
            if self.is(end, W::And) && self.lex(end + 1).num != 0 && self.lex(end + 1).num < 100 {
                y += self.lex(end + 1).num as i32;
                end += 2;
            }
            return Some((end, Expr::Year(YearRef::Abs(y))));
        }
        if !(lex.num == 19 || lex.num == 18 || lex.num == 20) {
            return None;
        }
        let (end, tens) = self.number(i + 1, false)?;
        if !(10.0..100.0).contains(&tens) || self.num(i + 1).is_some() {
            return None;
        }
        Some((
            end,
            Expr::Year(YearRef::Abs(lex.num as i32 * 100 + tens as i32)),
        ))
    }
}
