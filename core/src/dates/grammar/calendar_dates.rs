//! Calendar dates: days of the month, month names, `April 27th`, `Aug. 7, 1998`, `July
//! 1953`, `in January`, `27 April 2018`, numeric dates (`2018-04-17`, `4/17/2018`), and
//! the context a bare month name needs to be one.

use super::{Grammar, Hit};
use crate::dates::expr::{Expr, Rel, YearRef};
use crate::dates::lexicon::{Unit, W};
use crate::dates::token::Kind;

/// Words after `the March` or `the May` that show a name or a verb, or a protest march,
/// not a month labelling a noun (`the March of Dimes`, `the March was`, `the March route`).
const NOT_A_MONTH_LABEL: &[&str] = &[
    "of",
    "for",
    "on",
    "in",
    "at",
    "by",
    "to",
    "from",
    "with",
    "as",
    "and",
    "or",
    "but",
    "was",
    "is",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "can",
    "may",
    "that",
    "which",
    "who",
    "through",
    "against",
    "organizers",
    "marchers",
    "route",
];

impl<'a> Grammar<'a> {
    /// A day of the month written as a number, `27th` or an ordinal word; returns the day
    /// and the token after it.
    pub(super) fn day_number(&self, i: usize) -> Option<(u8, usize)> {
        if let Some((v, digits)) = self.num(i) {
            if digits > 2 || !(1..=31).contains(&v) || self.continues_number(i) {
                return None;
            }
            // `Jun 10.0` in a table of figures is a number, not a day.
            if (self.punct(i + 1, '.') || self.punct(i + 1, ','))
                && self.adjacent(i + 1)
                && self.num(i + 2).is_some()
                && self.adjacent(i + 2)
            {
                return None;
            }
            let mut end = i + 1;
            if self.adjacent(end) && matches!(self.text_of(end), "st" | "nd" | "rd" | "th") {
                end += 1;
            }
            return Some((v as u8, end));
        }
        let lex = self.lex(i);
        if lex.ord != 0 {
            let mut day = u32::from(lex.ord);
            let mut end = i + 1;
            // `twenty-first`
            if lex.ord < 20 || !lex.ord.is_multiple_of(10) {
                return (day <= 31).then_some((day as u8, end));
            }
            let _ = &mut day;
            let _ = &mut end;
            return (day <= 31).then_some((day as u8, end));
        }
        if (lex.num == 20 || lex.num == 30) && self.dash(i + 1) {
            let o = self.lex(i + 2).ord;
            if (1..10).contains(&o) {
                let day = lex.num + u32::from(o);
                return (day <= 31).then_some((day as u8, i + 3));
            }
        }
        None
    }

    /// A month name at `i` with its abbreviation dot; the token after it.
    pub(super) fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        let lex = self.lex(i);
        if lex.month == 0 {
            return None;
        }
        let t = self.tok(i)?;
        if lex.month_abbr {
            // `Aug.`, `Sept. 30`, `Dec 7`, `7 Dec`: an abbreviation needs its capital and a
            // dot or a number after it, or a day of the month before it (`Mar-a-Lago` is
            // not March).
            if !t.upper {
                return None;
            }
            if self.punct(i + 1, '.') && self.adjacent(i + 1) {
                return Some((lex.month, i + 2));
            }
            let day_before = i
                .checked_sub(1)
                .and_then(|p| self.num(p))
                .is_some_and(|(d, digits)| digits <= 2 && (1..=31).contains(&d));
            if self.num(i + 1).is_some() || day_before {
                return Some((lex.month, i + 1));
            }
            return None;
        }
        if !t.upper {
            return None;
        }
        Some((lex.month, i + 1))
    }

    /// `April 27th`, `Aug. 7, 1998`, `July 1953`, `May of 2018`, `January this year`,
    /// `in January`, `May or June`.
    pub(super) fn month_expr(&self, i: usize) -> Hit {
        let (month, after) = self.month_name(i)?;
        // Day, then an optional year.
        if let Some((day, end)) = self.day_number(after) {
            // `May 2` but not `May 2,000`, `June 30-year bonds`.
            let count_after = self.dash(end) && self.lex(end + 1).unit.is_some();
            let thousands = self.punct(end, ',')
                && self.adjacent(end)
                && self.num(end + 1).is_some_and(|(_, d)| d == 3);
            if !count_after && !thousands {
                let mut end = end;
                let mut year = YearRef::Infer;
                let comma = if self.punct(end, ',') { end + 1 } else { end };
                if let Some((y, e)) = self.year_number(comma)
                    && !self.next_is_count_noun(e)
                {
                    year = YearRef::Abs(y);
                    end = e;
                } else if let Some(off) = self.year_shift(end) {
                    // `November 30 last year`
                    year = YearRef::Rel(off);
                    end += 2;
                }
                if self.num(after).is_some() || year != YearRef::Infer || self.lex(after).ord != 0 {
                    return Some((end, Expr::MonthDay { month, day, year }));
                }
            }
        }
        // `scheduled for June eight, Wolverine said`, `due May one on its bonds`: wire
        // copy spells the day out; only where the number ends a phrase (`in May two
        // companies merged`, `in March one of them` are counts).
        let end = after + 1;
        let spelled_day = (1..=31).contains(&self.lex(after).num)
            && self.num(after).is_none()
            && !self.dash(end)
            && self.upper(i)
            && !(self.punct(end, ',') && self.lex(end + 1).num != 0)
            && (self.tok(end).is_none()
                || [',', '.', ';', ')'].iter().any(|&c| self.punct(end, c))
                || matches!(
                    self.text_of(end),
                    "on" | "at" | "and" | "when" | "with" | "from" | "Reuter"
                ));
        if spelled_day {
            return Some((
                end,
                Expr::MonthDay {
                    month,
                    day: self.lex(after).num as u8,
                    year: YearRef::Infer,
                },
            ));
        }
        // Month and year.
        let of = if self.is(after, W::Of) || self.punct(after, ',') {
            after + 1
        } else {
            after
        };
        // `January nineteen ninety-seven`
        if let Some((e, Expr::Year(YearRef::Abs(y)))) = self.year_in_words(of) {
            return Some((
                e,
                Expr::Month {
                    month,
                    year: YearRef::Abs(y),
                    rel: Rel::Bare,
                },
            ));
        }
        if let Some((y, e)) = self.year_number(of)
            && !self.next_is_count_noun(e)
        {
            return Some((
                e,
                Expr::Month {
                    month,
                    year: YearRef::Abs(y),
                    rel: Rel::Bare,
                },
            ));
        }
        // `January this year`, `June last year`
        if let Some(off) = self.year_shift(after) {
            return Some((
                after + 2,
                Expr::Month {
                    month,
                    year: YearRef::Rel(off),
                    rel: Rel::Bare,
                },
            ));
        }
        if !self.bare_month_ok(i, after) {
            return None;
        }
        Some((
            after,
            Expr::Month {
                month,
                year: YearRef::Infer,
                rel: Rel::Bare,
            },
        ))
    }

    /// `this year`, `last year`, `next year` at `i`, after a month or a date: the year's
    /// offset from the reference's.
    pub(super) fn year_shift(&self, i: usize) -> Option<i32> {
        if self.lex(i + 1).unit != Unit::Year || self.lex(i + 1).plural {
            return None;
        }
        match self.w(i) {
            W::This => Some(0),
            W::Last | W::Past => Some(-1),
            W::Next => Some(1),
            _ => None,
        }
    }

    /// Whether a month name standing alone is the month: always for the unambiguous names;
    /// `May` and `March` (a modal verb and a verb or noun) only after a preposition or
    /// modifier of time, or beside another month (`May or June`).
    pub(super) fn bare_month_ok(&self, i: usize, after: usize) -> bool {
        let lex = self.lex(i);
        if lex.month_abbr {
            return self.punct(i + 1, '.') && self.upper(i);
        }
        if lex.month != 5 && lex.month != 3 {
            return true;
        }
        if self.tok(i).is_some_and(|t| t.all_upper) {
            return false;
        }
        // `the March trade surplus`, `its May truck sales`: the label of a figure.
        if after == i + 1 && self.stat_after(after) {
            return true;
        }
        // `The March accession`, `the May elections`: a capitalised name between a
        // determiner and a lower-case noun (not `the March of Dimes`, `the March was`).
        let determiner = i.checked_sub(1).is_some_and(|p| {
            ["the", "its", "their", "this", "that"]
                .iter()
                .any(|w| self.word_eq(p, w))
        });
        if determiner
            && after == i + 1
            && self.upper(i)
            && self.is_word(after)
            && !self.upper(after)
            && self.lex(after).w == W::None
            && !NOT_A_MONTH_LABEL.iter().any(|w| self.word_eq(after, w))
        {
            return true;
        }
        let prev = i.checked_sub(1).map_or(W::None, |p| self.w(p));
        let prev_ok = matches!(
            prev,
            W::In
                | W::Since
                | W::Until
                | W::Through
                | W::From
                | W::Early
                | W::Late
                | W::Mid
                | W::Last
                | W::Next
                | W::This
                | W::Of
                | W::Before
                | W::After
                | W::Between
                | W::Or
                | W::And
                | W::To
                | W::Past
                | W::Coming
                | W::End
                | W::Beginning
        ) || i.checked_sub(1).is_some_and(|p| {
            self.word_eq(p, "by")
                || self.word_eq(p, "during")
                || self.word_eq(p, "targeting")
                || self.word_eq(p, "eyeing")
        }) || (i >= 1
            && self.dash(i - 1)
            && i >= 2
            && matches!(self.w(i - 2), W::Mid | W::End));
        if prev_ok && (prev != W::And && prev != W::Or && prev != W::To || self.month_before(i)) {
            // `in May` but not `in May we trust`... a following capitalised word is a name.
            return !(self.upper(after) && self.is_word(after) && self.lex(after).month == 0);
        }
        // `May or June`, `May and June`
        if matches!(self.w(after), W::Or | W::And | W::To | W::Through) || self.dash(after) {
            let next = after + 1;
            let nlex = self.lex(next);
            let next_next = if matches!(nlex.w, W::Early | W::Late | W::Mid) {
                next + 1
            } else {
                next
            };
            return self.lex(next_next).month != 0 && self.upper(next_next);
        }
        false
    }

    pub(super) fn month_before(&self, i: usize) -> bool {
        // `June or May`: a month two tokens before.
        i >= 2 && self.lex(i - 2).month != 0 && self.upper(i - 2)
            || i >= 3 && self.lex(i - 3).month != 0 && self.upper(i - 3)
    }

    /// `27 April 2018`, `the 27th of April`, `27th April`.
    pub(super) fn day_month(&self, i: usize) -> Hit {
        let (day, after) = self.day_number(i)?;
        let of = if self.is(after, W::Of) {
            after + 1
        } else {
            after
        };
        let (month, end) = self.month_name(of)?;
        // `4 May` needs a year or a day with a suffix (`4th May`): `21 May` alone may be a
        // count before a name, but `the 4th of May` is clear.
        let mut end = end;
        let mut year = YearRef::Infer;
        let comma = if self.punct(end, ',') { end + 1 } else { end };
        if let Some((y, e)) = self.year_number(comma) {
            year = YearRef::Abs(y);
            end = e;
        }
        Some((end, Expr::MonthDay { month, day, year }))
    }

    /// `2018-04-17`, `4/17/2018`, `17/4/2018` (a first number above 12 is the day),
    /// `4/17/18`.
    pub(super) fn numeric_date(&self, i: usize) -> Hit {
        let (a, da) = self.num(i)?;
        let sep = self.tok(i + 1)?;
        let Kind::Punct(c) = sep.kind else {
            return None;
        };
        if !(c == '-' || c == '/' || c == '.') || sep.space_before {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        if !self.punct(i + 3, c)
            || !self.adjacent(i + 2)
            || !self.adjacent(i + 3)
            || !self.adjacent(i + 4)
        {
            return None;
        }
        let (cv, dc) = self.num(i + 4)?;
        // Glued to more digits or separators: a part or phone number.
        if self.adjacent(i + 5)
            && (self.num(i + 5).is_some() || self.punct(i + 5, c) || self.punct(i + 5, '-'))
        {
            return None;
        }
        let (y, m, d) = if da == 4 && c == '-' && db <= 2 && dc <= 2 {
            (a as i32, b, cv)
        } else if c != '-' && da <= 2 && db <= 2 && (dc == 4 || dc == 2) {
            let y = if dc == 4 {
                cv as i32
            } else if cv < 30 {
                2000 + cv as i32
            } else {
                1900 + cv as i32
            };
            if a > 12 { (y, b, a) } else { (y, a, b) }
        } else {
            return None;
        };
        crate::dates::calendar::ymd(y, m as i32, d as i32)?;
        Some((
            i + 5,
            Expr::MonthDay {
                month: m as u8,
                day: d as u8,
                year: YearRef::Abs(y),
            },
        ))
    }
}
