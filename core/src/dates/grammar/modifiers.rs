//! Modifiers around a period: `early`, `late`, `mid-`, `the end of`, `pre-`/`post-`,
//! `year-end`, `the first half of the '80s` (TIMEX3 `mod` START/MID/END...), and the
//! quantity modifiers `about`, `nearly`, `more than`, `at least`, `up to`.

use super::{Grammar, Hit, Match, is_decade_or_century};
use crate::dates::calendar::is_period;
use crate::dates::expr::{Expr, Mod, YearRef};
use crate::dates::lexicon::{Unit, W};

impl<'a> Grammar<'a> {
    /// `the first half of the '80s`, `the last half of the century`: the decade or century
    /// itself, its start or end.
    pub(super) fn decade_half(&self, i: usize) -> Option<Match> {
        if !(self.is(i, W::The) && self.is(i + 2, W::Half) && self.is(i + 3, W::Of)) {
            return None;
        }
        let m = match (self.lex(i + 1).ord, self.w(i + 1)) {
            (1, _) => Mod::Start,
            (2, _) | (_, W::Last) => Mod::End,
            _ => return None,
        };
        let whole = |k: usize| {
            self.core(k)
                .filter(|(_, e)| is_decade_or_century(e))
                .or_else(|| self.this_decade_or_century(k))
        };
        let (end, expr) =
            whole(i + 4).or_else(|| whole(i + 5).filter(|_| self.is(i + 4, W::The)))?;
        Some(Match {
            start: i,
            end,
            expr,
            modifier: Some(m),
        })
    }

    /// `decade` or `century` at `i` after `the`: the reference's own.
    pub(super) fn this_decade_or_century(&self, i: usize) -> Hit {
        let lex = self.lex(i);
        if lex.plural || i == 0 || !self.is(i - 1, W::The) {
            return None;
        }
        match lex.unit {
            Unit::Century => Some((i + 1, Expr::CenturyRel(0))),
            Unit::Decade => Some((
                i + 1,
                Expr::UnitRel {
                    unit: Unit::Decade,
                    offset: 0,
                },
            )),
            _ => None,
        }
    }

    /// `early`, `late`, `mid`, `earlier`, `later`, `the beginning/middle/end of` + a period.
    pub(super) fn part_modified(&self, i: usize) -> Option<Match> {
        // `pre-1990`, `post-1959`
        if (self.word_eq(i, "pre") || self.word_eq(i, "post"))
            && self.dash(i + 1)
            && self.adjacent(i + 1)
        {
            // The year is glued to its prefix, so no count check: `post-1959 records`.
            let year = match self.year_number(i + 2) {
                Some((y, e)) if !(self.word_eq(e, "s") && self.adjacent(e)) => {
                    Some((e, Expr::Year(YearRef::Abs(y))))
                }
                _ => self
                    .year_expr(i + 2)
                    .filter(|(_, x)| matches!(x, Expr::Decade(_))),
            };
            if let Some((end, expr)) = year {
                let m = if self.word_eq(i, "pre") {
                    Mod::Before
                } else {
                    Mod::After
                };
                return Some(Match {
                    start: i,
                    end,
                    expr,
                    modifier: Some(m),
                });
            }
        }
        // `year-end`, `year end`, `year's end`
        if self.is(i, W::Year) {
            let j = if self.dash(i + 1) {
                i + 2
            } else {
                self.possessive(i + 1)
            };
            if self.is(j, W::End) && !self.is(j + 1, W::Of) {
                return Some(Match {
                    start: i,
                    end: j + 1,
                    expr: Expr::UnitRel {
                        unit: Unit::Year,
                        offset: 0,
                    },
                    modifier: Some(Mod::End),
                });
            }
        }
        if let Some(m) = self.decade_half(i) {
            return Some(m);
        }
        let (m, inner) = match self.w(i) {
            W::Early => (Mod::Start, i + 1),
            W::Late => (Mod::End, i + 1),
            W::Mid | W::Middle if self.dash(i + 1) && self.adjacent(i + 1) => (Mod::Mid, i + 2),
            W::Mid => (Mod::Mid, i + 1),
            // `end-September`, `end-1986`: wire copy's end of a period.
            W::End if self.dash(i + 1) && self.adjacent(i + 1) && self.adjacent(i + 2) => {
                (Mod::End, i + 2)
            }
            W::Earlier => (Mod::Start, i + 1),
            W::Later => (Mod::End, i + 1),
            W::The => {
                let m = match self.w(i + 1) {
                    W::Beginning | W::Start => Mod::Start,
                    W::Middle => Mod::Mid,
                    W::End => Mod::End,
                    _ => return None,
                };
                if !self.is(i + 2, W::Of) {
                    return None;
                }
                (m, i + 3)
            }
            _ => return None,
        };
        let earlier_later = matches!(self.w(i), W::Earlier | W::Later);
        // `mid-afternoon`, `late morning yesterday`, `early Friday evening`: a part of a day.
        if let Some(pod) = self.lex(inner).pod
            && !self.lex(inner).plural
            && !earlier_later
        {
            let (end, day) = match self.day_after_time(inner + 1) {
                Some((e, d)) => (e, d),
                None => (inner + 1, Expr::DayRel(0)),
            };
            return Some(Match {
                start: i,
                end,
                expr: Expr::PartOfDay {
                    day: Box::new(day),
                    pod,
                },
                modifier: Some(m),
            });
        }
        // `the end of the year`, `the end of the month`.
        if self.is(inner, W::The) && !earlier_later {
            let unit = self.lex(inner + 1).unit;
            if matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter)
                && !self.lex(inner + 1).plural
                && !self.is(inner + 2, W::Of)
            {
                return Some(Match {
                    start: i,
                    end: inner + 2,
                    expr: Expr::UnitRel { unit, offset: 0 },
                    modifier: Some(m),
                });
            }
        }
        let (end, expr) = self.core(inner)?;
        let ok = matches!(
            &expr,
            Expr::Year(_)
                | Expr::Decade(_)
                | Expr::Century(_)
                | Expr::CenturyRel(_)
                | Expr::Month { .. }
                | Expr::Quarter { .. }
                | Expr::Half { .. }
                | Expr::Season { .. }
                | Expr::UnitRel { .. }
                | Expr::DayRel(_)
                | Expr::Weekday { .. }
                | Expr::PartOfDay { .. }
                | Expr::Anchored { .. }
        ) || matches!(&expr, Expr::Holiday { holiday, .. } if is_period(*holiday));
        if !ok {
            return None;
        }
        // `earlier`/`later` only before a relative period: `earlier this year`, `later today`,
        // `later that day`.
        if earlier_later
            && !matches!(
                expr,
                Expr::UnitRel { .. } | Expr::DayRel(_) | Expr::Anchored { .. }
            )
            && !matches!(expr, Expr::Weekday { .. })
        {
            return None;
        }
        Some(Match {
            start: i,
            end,
            expr,
            modifier: Some(m),
        })
    }

    /// `about`, `nearly`, `more than`, `at least`, `up to`, `no more than` + an expression.
    pub(super) fn quantity_modified(&self, i: usize) -> Option<Match> {
        let (m, inner) = match self.w(i) {
            W::About | W::Around | W::Approximately => (Mod::Approx, i + 1),
            W::Some if self.num(i + 1).is_some() || self.lex(i + 1).num > 1 => (Mod::Approx, i + 1),
            W::Nearly => (Mod::EqualOrLess, i + 1),
            W::Almost => (Mod::LessThan, i + 1),
            W::More if self.is(i + 1, W::Than) => (Mod::MoreThan, i + 2),
            W::Less if self.is(i + 1, W::Than) => (Mod::LessThan, i + 2),
            W::At if self.is(i + 1, W::Least) => (Mod::EqualOrMore, i + 2),
            W::At if self.is(i + 1, W::Most) => (Mod::EqualOrLess, i + 2),
            W::Up if self.is(i + 1, W::To) => (Mod::EqualOrLess, i + 2),
            _ if self.word_eq(i, "no") && self.is(i + 1, W::More) && self.is(i + 2, W::Than) => {
                (Mod::EqualOrLess, i + 3)
            }
            _ => return None,
        };
        let (end, expr) = self.core(inner)?;
        let ok = match &expr {
            Expr::Duration { .. } | Expr::DurationValue(_) | Expr::Shift { .. } => true,
            Expr::Time { .. } => m == Mod::Approx,
            Expr::Year(_) | Expr::MonthDay { .. } | Expr::Month { .. } => {
                m == Mod::Approx && !self.is(i, W::Some)
            }
            _ => false,
        };
        if !ok {
            return None;
        }
        Some(Match {
            start: i,
            end,
            expr,
            modifier: Some(m),
        })
    }
}
