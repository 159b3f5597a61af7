//! Expressions that open with `the`, which is then inside the extent: `the future`, `the
//! 1990s`, `the weekend`, `the 27th`, `the year-ago quarter`, `the first nine months`, `the
//! week ended March 28`.

use super::{Grammar, Hit, longer};
use crate::dates::expr::{Amount, Expr, RefPoint, Rel, YearRef};
use crate::dates::lexicon::{Unit, W};
use crate::dates::token::Kind;

impl<'a> Grammar<'a> {
    /// Expressions that open with `the`, which is then part of the extent: `the future`,
    /// `the past three years`, `the third quarter`, `the 1990s`, `the weekend`, `the 27th`,
    /// `the year-ago quarter`, `the first nine months`.
    pub(super) fn with_the(&self, i: usize) -> Hit {
        let j = i + 1;
        let lex = self.lex(j);
        match lex.w {
            W::Future => return Some((j + 1, Expr::Ref(RefPoint::Future))),
            W::Past
                if !self.lex(j + 1).unit.is_some()
                    && self.num(j + 1).is_none()
                    && self.lex(j + 1).num == 0
                    && !matches!(self.w(j + 1), W::Few | W::Several | W::Couple) =>
            {
                // `the past` alone; `the past week` is relative.
                if self.is_word(j + 1) && !self.upper(j + 1) && self.lex(j + 1).is_empty() {
                    return None;
                }
                return Some((j + 1, Expr::Ref(RefPoint::Past)));
            }
            W::Present if !self.is_word(j + 1) || self.is(j + 1, W::And) => {
                return Some((j + 1, Expr::Ref(RefPoint::Present)));
            }
            W::Near if self.is(j + 1, W::Future) || self.is(j + 1, W::Term) => {
                return Some((j + 2, Expr::Ref(RefPoint::Future)));
            }
            _ => {}
        }
        if self.word_eq(j, "short") && self.is(j + 1, W::Term) {
            return Some((j + 2, Expr::Ref(RefPoint::Future)));
        }
        let mut best = None;
        if let Some(d) = self.decade_words(j) {
            longer(&mut best, Some(d));
        }
        // `the 1990s`, `the '80s`, `the third quarter`, `the 20th century`
        if let Some((end, e)) = self.year_expr(j)
            && matches!(e, Expr::Decade(_))
        {
            longer(&mut best, Some((end, e)));
        }
        // `the third quarter`, but `the third-quarter results`: the adjective leaves `the` out.
        if let Some(hit) = self.quarter_expr(j) {
            let hyphenated = (j..hit.0).any(|x| {
                self.dash(x) && matches!(self.lex(x + 1).unit, Unit::Quarter)
                    || self.dash(x) && self.is(x + 1, W::Half)
            });
            if !hyphenated {
                longer(&mut best, Some(hit));
            }
        }
        longer(&mut best, self.century(j));
        // (`the year-ago results`: the adjective leaves `the` out.)
        if let Some(hit) = self.relative(j)
            && !matches!(hit.1, Expr::Year(YearRef::Rel(-1)))
        {
            longer(&mut best, Some(self.anchor_relative(j, hit)));
        }
        // `the same day`, `the same month`
        if lex.w == W::Same {
            longer(&mut best, self.demonstrative(j + 1));
        }
        // `the same period last year`, `the corresponding quarter a year earlier`, `the
        // quarter a year ago`
        if lex.w == W::Same || self.word_eq(j, "corresponding") || self.word_eq(j, "comparable") {
            longer(&mut best, self.period_year_before(j + 1, true));
        }
        longer(&mut best, self.period_year_before(j, false));
        // `the week` (not `the week of March 6`)
        if lex.unit == Unit::Week && !lex.plural && !self.is(j + 1, W::Of) && !self.dash(j + 1) {
            // `the week ended March 28`, `the week ending Feb 27`, `the week to April 1`:
            // the week of that day, which the date after it names on its own.
            let ended = self.period_ended(j + 1);
            let expr = match ended.and_then(|k| self.month_expr(k)) {
                Some((_, day @ Expr::MonthDay { .. })) => Expr::WeekOf(Box::new(day)),
                _ => Expr::UnitRel {
                    unit: Unit::Week,
                    offset: 0,
                },
            };
            longer(&mut best, Some((j + 1, expr)));
        }
        // `the weekend`
        if lex.unit == Unit::Weekend && !lex.plural {
            longer(
                &mut best,
                Some((
                    j + 1,
                    Expr::UnitRel {
                        unit: Unit::Weekend,
                        offset: 0,
                    },
                )),
            );
        }
        // `the summer`, `the winter of 1994`
        if lex.season.is_some() {
            longer(&mut best, self.season_expr(j, Rel::Bare, j));
        }
        // `the year 2000`, `the year two thousand`
        if lex.w == W::Year {
            if let Some((y, e)) = self.year_number(j + 1) {
                longer(&mut best, Some((e, Expr::Year(YearRef::Abs(y)))));
            } else if let Some(hit) = self.year_in_words(j + 1) {
                longer(&mut best, Some(hit));
            }
        }
        // `the 27th`, `the 4th of July`
        if let Some((day, end)) = self.day_number(j) {
            // `the 27th`; ordinal words (`the second`) only as `the second of May`.
            let ordinal_form = self.num(j).is_some() && end > j + 1;
            if ordinal_form {
                if let Some(hit) = self.day_month(j) {
                    longer(&mut best, Some(hit));
                } else if (!self.is_word(end) || self.is(end, W::And) || self.is(end, W::Or))
                    && !self.punct(end, '-')
                    && self
                        .tok(end)
                        .is_none_or(|t| !matches!(t.kind, Kind::Num { .. }))
                {
                    longer(&mut best, Some((end, Expr::DayOfMonth(day))));
                }
            }
        }
        // `the nine months`, `the first nine months`, `the next two years`, `the last decade`
        let (k, first) = if lex.ord == 1 && !self.lex(j + 1).unit.is_some() {
            (j + 1, true)
        } else {
            (j, false)
        };
        if (first || self.num(k).is_some() || self.lex(k).num != 0)
            && let Some((e, v)) = self.number(k, false)
        {
            let u = self.lex(e);
            // `the first two quarters of 1990`: its first half.
            if first
                && v == 2.0
                && u.unit == Unit::Quarter
                && self.is(e + 1, W::Of)
                && let Some((y, end)) = self.year_number(e + 2)
            {
                longer(
                    &mut best,
                    Some((
                        end,
                        Expr::Half {
                            h: 1,
                            year: YearRef::Abs(y),
                        },
                    )),
                );
            }
            if u.unit.is_some() && (u.plural || v == 1.0) {
                longer(
                    &mut best,
                    Some((
                        e + 1,
                        Expr::Duration {
                            n: Amount::Exact(v),
                            unit: u.unit,
                        },
                    )),
                );
            }
        }
        // `the day before yesterday`, `the day after tomorrow`
        if lex.w == W::Day {
            if self.is(j + 1, W::Before) && self.is(j + 2, W::Yesterday) {
                longer(&mut best, Some((j + 3, Expr::DayRel(-2))));
            }
            if self.is(j + 1, W::After) && self.is(j + 2, W::Tomorrow) {
                longer(&mut best, Some((j + 3, Expr::DayRel(2))));
            }
        }
        // `the week of March 6`
        if lex.unit == Unit::Week
            && !lex.plural
            && self.is(j + 1, W::Of)
            && let Some((e, day @ Expr::MonthDay { .. })) = self.month_expr(j + 2)
        {
            longer(&mut best, Some((e, Expr::WeekOf(Box::new(day)))));
        }
        // `the year-ago quarter`, `the year-earlier period`
        // (`the year-ago results` leaves `the` out: only the quarter and period forms take it.)
        if let Some(hit @ (_, Expr::QuarterRel(_) | Expr::Quarter { .. })) = self.year_ago_period(j)
        {
            longer(&mut best, Some(hit));
        }
        // `the quarter`: in company news, the quarter just reported.
        if lex.unit == Unit::Quarter && !lex.plural && !self.is(j + 1, W::Of) && !self.dash(j + 1) {
            longer(&mut best, Some((j + 1, Expr::QuarterRel(-1))));
        }
        // `the year`, `the fiscal year`, `the full year`
        let k = if matches!(lex.w, W::Fiscal | W::Full | W::Whole | W::Entire) {
            j + 1
        } else {
            j
        };
        if self.is(k, W::Year)
            && !self.lex(k).plural
            && !self.is(k + 1, W::Of)
            && !self.dash(k + 1)
            && self.num(k + 1).is_none()
            && !matches!(
                self.w(k + 1),
                W::Ago | W::Earlier | W::Before | W::After | W::Later
            )
        {
            // `the year ended March 31`, `the fiscal year ending June 30`: a fiscal year,
            // a length anchored by the date that follows.
            let anchored = self.period_ended(k + 1).is_some();
            let expr = if anchored {
                Expr::Duration {
                    n: Amount::Exact(1.0),
                    unit: Unit::Year,
                }
            } else {
                Expr::UnitRel {
                    unit: Unit::Year,
                    offset: 0,
                }
            };
            longer(&mut best, Some((k + 1, expr)));
        }
        // `the 1988 period`, `the 1989 quarter`: the same quarter of that year.
        if let Some((y, e)) = self.year_number(j)
            && (self.is(e, W::Period) || (self.lex(e).unit == Unit::Quarter && !self.lex(e).plural))
        {
            longer(
                &mut best,
                Some((
                    e + 1,
                    Expr::Quarter {
                        q: 0,
                        year: YearRef::Abs(y),
                        fiscal: false,
                    },
                )),
            );
        }
        // `the latest period`
        if lex.w == W::Latest && self.is(j + 1, W::Period) {
            longer(&mut best, Some((j + 2, Expr::QuarterRel(-1))));
        }
        best
    }

    /// `the nineties`, `the eighties`.
    pub(super) fn decade_words(&self, j: usize) -> Option<(usize, Expr)> {
        let word = self.text_of(j).to_ascii_lowercase();
        let d = match word.as_str() {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => return None,
        };
        Some((j + 1, Expr::Decade(190 + d)))
    }

    /// `year-ago`/`year-earlier` + optional ordinal + `quarter`/`period`; alone, the year
    /// before.
    pub(super) fn year_ago_period(&self, j: usize) -> Hit {
        if !self.is(j, W::Year) {
            return None;
        }
        let ago = |k: usize| self.is(k, W::Ago) || self.is(k, W::Earlier);
        // `the year ago quarter`: wire copy drops the hyphen, then only before a period.
        let unhyphenated = ago(j + 1)
            && (self.lex(j + 2).unit == Unit::Quarter
                || self.is(j + 2, W::Period)
                || (self.lex(j + 2).ord != 0 && self.lex(j + 3).unit == Unit::Quarter));
        let k = if self.dash(j + 1) && ago(j + 2) {
            j + 3
        } else if unhyphenated {
            j + 2
        } else {
            return None;
        };
        if self.lex(k).ord != 0 && self.lex(k + 1).unit == Unit::Quarter {
            let q = self.lex(k).ord;
            if (1..=4).contains(&q) {
                return Some((
                    k + 2,
                    Expr::Quarter {
                        q,
                        year: YearRef::Rel(-1),
                        fiscal: false,
                    },
                ));
            }
        }
        if self.lex(k).unit == Unit::Quarter || self.is(k, W::Period) {
            return Some((k + 1, Expr::QuarterRel(-5)));
        }
        // `the year-earlier nine months`: the length.
        if let Some((e, v)) = self.number(k, false) {
            let u = self.lex(e);
            if u.unit.is_some() && u.plural {
                return Some((
                    e + 1,
                    Expr::Duration {
                        n: Amount::Exact(v),
                        unit: u.unit,
                    },
                ));
            }
        }
        // `a year-earlier loss`: the year before.
        Some((k, Expr::Year(YearRef::Rel(-1))))
    }

    /// `ended`, `ending`, `to`, `through`, `that ended` at `i` after a period's name (`the
    /// week ended March 28`, `the year ending June 30`): the token after them, where the
    /// date that closes the period starts.
    pub(super) fn period_ended(&self, i: usize) -> Option<usize> {
        let k = if self.is(i, W::That) { i + 1 } else { i };
        matches!(self.text_of(k), "ended" | "ending" | "to" | "through").then_some(k + 1)
    }
}
