//! Deictic and relative expressions: `today`, `tonight`, `now`, `recently`, `soon`, `this
//! week`, `last Friday`, `next summer`, `the past three years`; anchored ones (`the
//! following day`, `that year`, `the same period last year`).

use super::{Grammar, Hit};
use crate::dates::expr::{Amount, Expr, RefPoint, Rel, YearRef};
use crate::dates::lexicon::{Pod, Unit, W};

impl<'a> Grammar<'a> {
    /// `today`, `yesterday afternoon`, `tonight`, `now`, `currently`, `recently`, `soon`.
    pub(super) fn deictic(&self, i: usize) -> Hit {
        let day = match self.w(i) {
            W::Today => Some(0),
            W::Yesterday => Some(-1),
            W::Tomorrow => Some(1),
            _ => None,
        };
        if let Some(d) = day {
            return self.with_part_of_day(i + 1, Expr::DayRel(d));
        }
        // `will one day be`, `could one day`: an unspecified future.
        if self.lex(i).num == 1 && self.lex(i + 1).unit == Unit::Day && !self.lex(i + 1).plural {
            let modal = i.checked_sub(1).is_some_and(|p| {
                matches!(
                    self.text_of(p),
                    "will" | "would" | "could" | "might" | "may" | "can" | "shall"
                )
            });
            if modal {
                return Some((i + 2, Expr::Ref(RefPoint::Future)));
            }
        }
        let r = match self.w(i) {
            W::Tonight => {
                return Some((
                    i + 1,
                    Expr::PartOfDay {
                        day: Box::new(Expr::DayRel(0)),
                        pod: Pod::Night,
                    },
                ));
            }
            W::Now => {
                // `now-defunct`, `now 72`: still the present; but not `from now` (a shift).
                RefPoint::Present
            }
            W::Currently | W::Nowadays => RefPoint::Present,
            W::Recently => RefPoint::Past,
            // `current prices`: an adjective of time. (`recent` before a noun, `the recent
            // gains`, is left alone: in news annotation it is rarely an expression.)
            // (`current account`, `current assets`: terms of accounting, not of time.)
            W::Current
                if self.is_word(i + 1)
                    && !self.upper(i + 1)
                    && self.lex(i + 1).is_empty()
                    && !matches!(
                        self.text_of(i + 1),
                        "account" | "accounts" | "assets" | "liabilities" | "ratio"
                    ) =>
            {
                RefPoint::Present
            }
            W::Soon => {
                // `as soon as`, `soon after` are conjunctions.
                if self.word_eq(i + 1, "as") || self.is(i + 1, W::After) {
                    return None;
                }
                RefPoint::Future
            }
            W::These if self.lex(i + 1).unit == Unit::Day && self.lex(i + 1).plural => {
                return Some((i + 2, Expr::Ref(RefPoint::Present)));
            }
            _ => return None,
        };
        Some((i + 1, Expr::Ref(r)))
    }

    /// `this week`, `last month`, `next year`, `the past week`, `last Friday`,
    /// `next summer`, `the past three years`, `the coming weeks`, `recent years`.
    pub(super) fn relative(&self, i: usize) -> Hit {
        let (offset, rel, k) = match self.w(i) {
            W::This => (0, Rel::This, i + 1),
            W::Current => (0, Rel::This, i + 1),
            W::Last | W::Past | W::Previous => (-1, Rel::Last, i + 1),
            W::Latest => (-1, Rel::Last, i + 1),
            W::Next | W::Coming | W::Following => (1, Rel::Next, i + 1),
            W::Recent => {
                let u = self.lex(i + 1);
                if u.unit.is_some() && u.plural {
                    return Some((i + 2, Expr::Ref(RefPoint::Past)));
                }
                return None;
            }
            W::Year => return self.year_ago_period(i),
            _ => return None,
        };
        // `this past spring`, `this coming Sunday`
        let (k, rel, offset) = if rel == Rel::This && matches!(self.w(k), W::Past | W::Coming) {
            if self.is(k, W::Past) {
                (k + 1, Rel::Last, -1)
            } else {
                (k + 1, Rel::Next, 1)
            }
        } else {
            (k, rel, offset)
        };
        let k = if self.is(k, W::Fiscal) && self.lex(k + 1).unit == Unit::Year {
            k + 1
        } else {
            k
        };
        let lex = self.lex(k);
        // A number of units: a duration (`the past three years`, `the next 14 months`).
        if rel != Rel::This {
            let amount = if let Some((e, a, _)) = self.vague_amount(k) {
                Some((e, a))
            } else {
                self.number(k, false).map(|(e, v)| {
                    // `the next 12 to 18 months`: the lower bound.
                    let joined = self.is(e, W::To) || self.is(e, W::Or) || self.dash(e);
                    match joined.then(|| self.number(e + 1, false)).flatten() {
                        Some((e2, _)) if self.lex(e2).unit.is_some() => (e2, Amount::Exact(v)),
                        _ => (e, Amount::Exact(v)),
                    }
                })
            };
            if let Some((e, n)) = amount {
                let u = self.lex(e);
                if u.unit.is_some() && u.unit != Unit::Weekend {
                    return Some((e + 1, Expr::Duration { n, unit: u.unit }));
                }
            }
            // `the coming weeks`, `the past few years`, `the next several days`
            if lex.unit.is_some() && lex.plural {
                return Some((
                    k + 1,
                    if offset > 0 {
                        Expr::Ref(RefPoint::Future)
                    } else {
                        Expr::Ref(RefPoint::Past)
                    },
                ));
            }
        }
        if lex.unit.is_some() && !lex.plural {
            if lex.unit == Unit::Quarter {
                // `the current quarter`: the reference's own, whatever quarter the text named
                // last (`this quarter`, `the latest quarter` take that one).
                if self.is(i, W::Current) {
                    return Some((
                        k + 1,
                        Expr::UnitRel {
                            unit: Unit::Quarter,
                            offset: 0,
                        },
                    ));
                }
                let off = if self.is(i, W::Latest) { -1 } else { offset };
                return Some((k + 1, Expr::QuarterRel(off)));
            }
            if lex.unit == Unit::Day {
                // `the next day`, `the previous day`
                if rel == Rel::This {
                    return None;
                }
                return Some((k + 1, Expr::DayRel(offset)));
            }
            if matches!(lex.unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            // `over the past decade`, `in the last decade`, `the past century`: the last ten
            // or hundred years up to now, not the previous calendar decade (`late last
            // decade` and `the last century` keep their calendar reading).
            let past_span = i.checked_sub(1).is_some_and(|p| self.is(p, W::The))
                && (self.is(i, W::Past) || (self.is(i, W::Last) && lex.unit == Unit::Decade));
            if matches!(lex.unit, Unit::Decade | Unit::Century)
                && past_span
                && !self.is(k + 1, W::Of)
            {
                return Some((
                    k + 1,
                    Expr::Duration {
                        n: Amount::Exact(1.0),
                        unit: lex.unit,
                    },
                ));
            }
            if lex.unit == Unit::Century {
                return Some((k + 1, Expr::CenturyRel(offset)));
            }
            // `this year's third quarter`
            if lex.unit == Unit::Year {
                let p = self.possessive(k + 1);
                if p > k + 1
                    && let Some((e, Expr::Quarter { q, .. })) = self.quarter_expr(p)
                {
                    return Some((
                        e,
                        Expr::Quarter {
                            q,
                            year: YearRef::Rel(offset),
                            fiscal: false,
                        },
                    ));
                }
                // `last year's quarter`, `last year's period`: the period in focus, a year
                // before.
                if p > k + 1
                    && offset == -1
                    && (self.is(p, W::Period)
                        || (self.lex(p).unit == Unit::Quarter && !self.lex(p).plural))
                {
                    return Some((
                        p + 1,
                        Expr::YearBeforeFocus(Box::new(Expr::Year(YearRef::Rel(-1)))),
                    ));
                }
            }
            return Some((
                k + 1,
                Expr::UnitRel {
                    unit: lex.unit,
                    offset,
                },
            ));
        }
        if rel == Rel::This && self.is(i, W::Current) {
            return None;
        }
        if lex.weekday != 0 && self.upper(k) && !lex.weekday_plural {
            let day = Expr::Weekday {
                weekday: lex.weekday,
                rel,
            };
            // `this coming Sunday, March eighth`
            let comma = if self.punct(k + 1, ',') { k + 2 } else { k + 1 };
            if let Some((end, md @ Expr::MonthDay { .. })) = self.month_expr(comma) {
                return Some((end, md));
            }
            return self.with_part_of_day(k + 1, day);
        }
        if lex.month != 0 {
            // `last Oct. 23`: the date, which `last` puts in the past however far back (see
            // the tense module).
            if rel == Rel::Last
                && let Some(hit @ (_, Expr::MonthDay { .. })) = self.month_expr(k)
            {
                return Some(hit);
            }
            let (month, after) = self.month_name(k)?;
            return Some((
                after,
                Expr::Month {
                    month,
                    year: YearRef::Infer,
                    rel,
                },
            ));
        }
        if lex.season.is_some() {
            return self.season_expr(k, rel, i);
        }
        if self.holiday_word(k) {
            return self.holiday_expr(k, rel);
        }
        if let Some(pod) = lex.pod {
            // `this morning`, `last night`
            let day = match (rel, pod) {
                (Rel::This, _) => 0,
                (Rel::Last, Pod::Night | Pod::Evening) => -1,
                (Rel::Last, _) => -1,
                (Rel::Next, _) => 1,
                (Rel::Bare, _) => 0,
            };
            if lex.plural || self.word_eq(k, "nights") || self.word_eq(k, "mornings") {
                return None;
            }
            return Some((
                k + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::DayRel(day)),
                    pod,
                },
            ));
        }
        None
    }

    /// `the following year`, `the previous day`, `the preceding Friday`, `the next
    /// morning`: with `the`, these count from the date the text last named, not from the
    /// reference date (which stays their reading when the text named none before them).
    /// `j` is the word after `the`; `hit` what [`Grammar::relative`] read from it.
    pub(super) fn anchor_relative(&self, j: usize, hit: (usize, Expr)) -> (usize, Expr) {
        let (end, expr) = hit;
        let following = self.is(j, W::Following) || self.is(j, W::Previous);
        let wrap = |e: Expr, unit: Unit, weekday: u8, offset: i32| Expr::Anchored {
            unit,
            weekday,
            offset,
            fallback: Some(Box::new(e)),
        };
        let expr = match expr {
            // `the next day`, `the following morning`
            Expr::DayRel(off) if following || self.is(j, W::Next) => {
                wrap(Expr::DayRel(off), Unit::Day, 0, off)
            }
            Expr::PartOfDay { day, pod }
                if matches!(*day, Expr::DayRel(_)) && (following || self.is(j, W::Next)) =>
            {
                let off = if let Expr::DayRel(off) = *day { off } else { 0 };
                Expr::PartOfDay {
                    day: Box::new(wrap(*day, Unit::Day, 0, off)),
                    pod,
                }
            }
            Expr::UnitRel { unit, offset }
                if following
                    && matches!(unit, Unit::Week | Unit::Month | Unit::Year)
                    && !self.dash(end) =>
            {
                wrap(Expr::UnitRel { unit, offset }, unit, 0, offset)
            }
            Expr::Weekday { weekday, rel } if following && rel != Rel::This => {
                let off = if rel == Rel::Last { -1 } else { 1 };
                wrap(Expr::Weekday { weekday, rel }, Unit::None, weekday, off)
            }
            e => e,
        };
        (end, expr)
    }

    /// `that year`, `that same day`, `(the) same month`, `that night`: the period of the
    /// date the text last named (no expression when it named none). `i` is the unit's word
    /// (or `same`).
    pub(super) fn demonstrative(&self, i: usize) -> Hit {
        let i = if self.is(i, W::Same) { i + 1 } else { i };
        let lex = self.lex(i);
        if lex.plural || self.dash(i + 1) || !self.is_word(i) {
            return None;
        }
        let anchored = |unit| Expr::Anchored {
            unit,
            weekday: 0,
            offset: 0,
            fallback: None,
        };
        if let Some(pod) = lex.pod {
            return Some((
                i + 1,
                Expr::PartOfDay {
                    day: Box::new(anchored(Unit::Day)),
                    pod,
                },
            ));
        }
        // `that day care center`, `that day trader`: compounds, not the day.
        if lex.unit == Unit::Day
            && matches!(
                self.text_of(i + 1),
                "care" | "trader" | "traders" | "trading" | "job" | "jobs" | "labor" | "laborers"
            )
        {
            return None;
        }
        match lex.unit {
            Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year => {
                Some((i + 1, anchored(lex.unit)))
            }
            _ => None,
        }
    }

    /// `period last year`, `quarter of a year earlier`, `period a year ago` after `the
    /// same` or `the` (`i` is `period` or `quarter`); after `the same` (`same`), also
    /// `month`, and a year written out: `the same month of 1985`, `the same quarter in
    /// 1985`.
    pub(super) fn period_year_before(&self, i: usize, same: bool) -> Hit {
        let unit = self.lex(i).unit;
        let month = same && unit == Unit::Month;
        if !(self.is(i, W::Period) || unit == Unit::Quarter || month) || self.lex(i).plural {
            return None;
        }
        if same
            && matches!(self.w(i + 1), W::Of | W::In)
            && let Some((y, e)) = self.year_number(i + 2)
        {
            return Some((
                e,
                Expr::YearBeforeFocus(Box::new(Expr::Year(YearRef::Abs(y)))),
            ));
        }
        let k = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
        let last_year = matches!(self.w(k), W::Last) && self.is(k + 1, W::Year);
        let year_ago = (self.is(k, W::A) || self.lex(k).num == 1)
            && self.is(k + 1, W::Year)
            && matches!(self.w(k + 2), W::Ago | W::Earlier | W::Before);
        let previous_year =
            self.is(k, W::The) && self.is(k + 1, W::Previous) && self.is(k + 2, W::Year);
        let end = if last_year {
            k + 2
        } else if year_ago || previous_year {
            k + 3
        } else {
            return None;
        };
        Some((
            end,
            Expr::YearBeforeFocus(Box::new(Expr::Year(YearRef::Rel(-1)))),
        ))
    }
}
