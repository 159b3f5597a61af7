//! Parts of a year and centuries: quarters and halves (`the third quarter of 1990`,
//! `Q3`, `third-quarter`, `the first half`) and `the 20th century`.

use super::{Grammar, Hit, POSSESSIVES, is_decade_or_century};
use crate::dates::expr::{Expr, YearRef};
use crate::dates::lexicon::{Unit, W};

impl<'a> Grammar<'a> {
    /// `the third quarter`, `third-quarter`, `Q3`, `the fourth quarter of 1990`,
    /// `the 1988 third quarter`, `fiscal 1989`'s quarters, `the first half of 1989`.
    pub(super) fn quarter_expr(&self, i: usize) -> Hit {
        let mut k = i;
        let mut year = YearRef::Infer;
        let mut fiscal = false;
        let mut last_of = false;
        if self.is(k, W::Fiscal) {
            fiscal = true;
            k += 1;
            if self.dash(k) {
                k += 1;
            }
        }
        if let Some((y, e)) = self.year_number(k)
            && (self.lex(e).ord != 0 || self.word_eq(e, "Q"))
        {
            year = YearRef::Abs(y);
            k = e;
        }
        if self.is(k, W::Fiscal) && !fiscal {
            fiscal = true;
            k += 1;
        }
        // `Q3`, `Q3 2018`, `3Q`
        let (q, after, half) = if self.word_eq(k, "Q") && self.adjacent(k + 1) {
            let (v, _) = self.num(k + 1)?;
            (v, k + 2, false)
        } else {
            let o = self.lex(k).ord;
            let o = if o == 0 {
                // `last half`
                if self.is(k, W::Last) && self.is(k + 1, W::Half) {
                    2
                } else if (self.is(k, W::Last) || self.word_eq(k, "final"))
                    && self.lex(k + 1).unit == Unit::Quarter
                    && self.is(k + 2, W::Of)
                {
                    // `the last quarter of 1986`, `the final quarter of last year`: the
                    // fourth (a year must follow, checked below).
                    last_of = true;
                    4
                } else {
                    return None;
                }
            } else {
                u32::from(o)
            };
            let j = if self.dash(k + 1) && self.adjacent(k + 1) {
                k + 2
            } else {
                k + 1
            };
            let is_half = self.is(j, W::Half);
            if self.lex(j).unit != Unit::Quarter && !is_half {
                return None;
            }
            if self.lex(j).plural {
                return None;
            }
            (o, j + 1, is_half)
        };
        if !(1..=4).contains(&q) || (half && q > 2) {
            return None;
        }
        let mut end = after;
        // `of 1990`, `1990`, `of fiscal 1990`, `of this year`, `of last year`
        let of = if self.is(end, W::Of) { end + 1 } else { end };
        let of_f = if self.is(of, W::Fiscal) { of + 1 } else { of };
        if let Some((y, e)) = self.year_number(of_f) {
            year = YearRef::Abs(y);
            end = e;
        } else if of > end
            && let Some(off) = self.year_shift(of)
        {
            year = YearRef::Rel(off);
            end = of + 2;
        }
        if last_of && year == YearRef::Infer {
            return None;
        }
        // `the first half of the statement period`, `the first quarter of the game`: a part
        // of something else than a year (`of the year`, `of the current fiscal year` stay,
        // and so does `the third quarter of $226 million`; a decade's or a century's halves
        // are below).
        if year == YearRef::Infer && self.is(after, W::Of) {
            let n = if matches!(self.w(of), W::The | W::This | W::Last | W::Next)
                || self.text_of(of) == "each"
                || POSSESSIVES.iter().any(|w| self.word_eq(of, w))
            {
                of + 1
            } else {
                of
            };
            let word = n > of && self.tok(n).is_some_and(|t| t.is_word());
            let temporal = !word
                || self.lex(n).unit.is_some()
                || self.num(n).is_some()
                || self.lex(n).month != 0
                || self.is(n, W::Fiscal)
                || matches!(
                    self.text_of(n),
                    "current" | "financial" | "calendar" | "same" | "previous" | "coming"
                );
            if !temporal {
                return None;
            }
        }
        // `the last half of the '80s` is the decade's (see `decade_half`).
        if year == YearRef::Infer && self.is(after, W::Of) {
            let n = if self.is(of, W::The) { of + 1 } else { of };
            let whole = self
                .core(of)
                .or_else(|| self.core(n))
                .is_some_and(|(_, e)| is_decade_or_century(&e));
            if whole || self.this_decade_or_century(n).is_some() {
                return None;
            }
        }
        // `half` alone (`the first half`) needs a year or a determiner.
        if half {
            if year == YearRef::Infer && !(i > 0 && self.is(i - 1, W::The)) {
                return None;
            }
            return Some((end, Expr::Half { h: q as u8, year }));
        }
        Some((
            end,
            Expr::Quarter {
                q: q as u8,
                year,
                fiscal,
            },
        ))
    }

    /// `the 20th century`, `the twentieth century`, `the 11th century`.
    pub(super) fn century(&self, i: usize) -> Hit {
        let (n, after) = if let Some((v, d)) = self.num(i) {
            if d > 2
                || !matches!(self.text_of(i + 1), "st" | "nd" | "rd" | "th")
                || !self.adjacent(i + 1)
            {
                return None;
            }
            (v, i + 2)
        } else {
            let o = self.lex(i).ord;
            if o == 0 {
                return None;
            }
            // `twenty-first`
            (u32::from(o), i + 1)
        };
        let (n, after) = if (n == 20 || self.lex(i).num == 20) && self.dash(after) {
            let o = self.lex(after + 1).ord;
            if o == 0 {
                return None;
            }
            (20 + u32::from(o), after + 2)
        } else if self.lex(i).num == 20 && self.dash(i + 1) {
            let o = self.lex(i + 2).ord;
            (20 + u32::from(o), i + 3)
        } else {
            (n, after)
        };
        if self.lex(after).unit != Unit::Century || self.lex(after).plural || n == 0 || n > 30 {
            return None;
        }
        Some((after + 1, Expr::Century(n as i32 - 1)))
    }
}
