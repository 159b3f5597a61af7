//! Resolution: an expression's meaning plus the reference date (and, for bare weekdays and
//! months, the direction the sentence points in) gives its TIMEX3 type and value and its
//! calendar interval.
//!
//! Without a reference date, what the text itself fixes is resolved (`July 1953`,
//! `1990s`) and the rest is left underspecified (`XXXX-05`, `XXXX-WXX-6`): never today's
//! date.

use jiff::civil::Date;

use super::calendar::{
    add_days, add_months, fixed_month_day, holiday_spans, is_period, is_tabled, iso_week,
    iso_week_start, monday_of, month_start, once, season_interval, season_of, shift_month, weekday,
    ymd,
};
use super::expr::{Amount, Clock, Expr, Mod, RefPoint, Rel, YearRef};
use super::grammar::duration_value;
use super::lexicon::{Holiday, Season, Unit};
use super::{Direction, TimexType};

/// A resolved expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: String,
    /// `[start, end)`.
    pub interval: Option<(Date, Date)>,
}

fn date_val(d: Date) -> String {
    format!(
        "{}-{:02}-{:02}",
        year_val(i32::from(d.year())),
        d.month(),
        d.day()
    )
}

/// A year as TIMEX3 writes it: `1998`, `0044`, and years before 1 AD (astronomical year 0
/// and below) with `BC`: year -489 is `BC0490`.
fn year_val(y: i32) -> String {
    if y <= 0 {
        format!("BC{:04}", 1 - y)
    } else {
        format!("{y:04}")
    }
}

fn day(d: Date) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: date_val(d),
        interval: add_days(d, 1).map(|e| (d, e)),
    }
}

fn year(y: i32) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: year_val(y),
        interval: ymd(y, 1, 1).zip(ymd(y + 1, 1, 1)),
    }
}

fn month(y: i32, m: i32) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: format!("{}-{m:02}", year_val(y)),
        interval: month_start(y, m).zip(month_start(y, m + 1)),
    }
}

fn week(d: Date) -> Resolved {
    let (y, w) = iso_week(d);
    let start = iso_week_start(y, w);
    Resolved {
        kind: TimexType::Date,
        value: format!("{}-W{w:02}", year_val(y)),
        interval: start.and_then(|s| add_days(s, 7).map(|e| (s, e))),
    }
}

fn weekend(d: Date) -> Resolved {
    let (y, w) = iso_week(d);
    let sat = iso_week_start(y, w).and_then(|s| add_days(s, 5));
    Resolved {
        kind: TimexType::Date,
        value: format!("{}-W{w:02}-WE", year_val(y)),
        interval: sat.and_then(|s| add_days(s, 2).map(|e| (s, e))),
    }
}

fn quarter(y: i32, q: i32) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: format!("{}-Q{q}", year_val(y)),
        interval: month_start(y, 3 * q - 2).zip(month_start(y, 3 * q + 1)),
    }
}

fn half(y: i32, h: i32) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: format!("{}-H{h}", year_val(y)),
        interval: month_start(y, 6 * h - 5).zip(month_start(y, 6 * h + 1)),
    }
}

fn season(y: i32, s: Season) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: format!("{}-{}", year_val(y), s.code()),
        interval: season_interval(y, s),
    }
}

fn decade(d: i32) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: format!("{d:03}"),
        interval: ymd(d * 10, 1, 1).zip(ymd(d * 10 + 10, 1, 1)),
    }
}

fn century(c: i32) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: format!("{c:02}"),
        interval: ymd(c * 100, 1, 1).zip(ymd(c * 100 + 100, 1, 1)),
    }
}

fn vague(kind: TimexType, value: &str) -> Resolved {
    Resolved {
        kind,
        value: value.to_owned(),
        interval: None,
    }
}

fn reference_value(r: RefPoint) -> &'static str {
    match r {
        RefPoint::Present => "PRESENT_REF",
        RefPoint::Past => "PAST_REF",
        RefPoint::Future => "FUTURE_REF",
    }
}

/// Resolves an expression against `reference` (when known), reading bare names in
/// `direction`.
pub(crate) fn resolve(expr: &Expr, reference: Option<Date>, direction: Direction) -> Resolved {
    resolve_inner(expr, reference, direction).unwrap_or_else(|| underspecified(expr))
}

/// The value of an expression the reference date cannot fix (or without one).
fn underspecified(expr: &Expr) -> Resolved {
    let date = TimexType::Date;
    match expr {
        Expr::Year(YearRef::Abs(y)) => year(*y),
        Expr::Year(_) => vague(date, "XXXX"),
        Expr::Month {
            month: m,
            year: YearRef::Abs(y),
            ..
        } => self::month(*y, i32::from(*m)),
        Expr::Month { month: m, .. } => vague(date, &format!("XXXX-{m:02}")),
        Expr::MonthDay {
            month: m, day: d, ..
        } => vague(date, &format!("XXXX-{m:02}-{d:02}")),
        Expr::DayOfMonth(d) => vague(date, &format!("XXXX-XX-{d:02}")),
        Expr::MonthDayWeekday {
            month: m, day: d, ..
        } => vague(date, &format!("XXXX-{m:02}-{d:02}")),
        Expr::Weekday { weekday: w, .. } => vague(date, &format!("XXXX-WXX-{w}")),
        Expr::Quarter { q, .. } => vague(date, &format!("XXXX-Q{q}")),
        Expr::QuarterRel(_) => vague(date, "XXXX-QX"),
        Expr::Half { h, .. } => vague(date, &format!("XXXX-H{h}")),
        Expr::Season { season: s, .. } => vague(date, &format!("XXXX-{}", s.code())),
        Expr::Holiday { holiday: h, .. } => match fixed_month_day(*h) {
            Some((m, d)) => vague(date, &format!("XXXX-{m:02}-{d:02}")),
            None if is_period(*h) => vague(date, "XXXX"),
            None => vague(date, "XXXX-XX-XX"),
        },
        Expr::DayRel(_) => vague(date, "XXXX-XX-XX"),
        Expr::UnitRel { unit, .. } => vague(
            date,
            match unit {
                Unit::Week => "XXXX-WXX",
                Unit::Weekend => "XXXX-WXX-WE",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Decade => "XXX",
                Unit::Century | Unit::Millennium => "XX",
                _ => "XXXX",
            },
        ),
        Expr::CenturyRel(_) => vague(date, "XX"),
        Expr::Shift { unit, .. } => vague(
            date,
            match unit {
                Unit::Day => "XXXX-XX-XX",
                Unit::Week | Unit::Fortnight => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Second | Unit::Minute | Unit::Hour => "XXXX-XX-XXTXX:XX",
                _ => "XXXX",
            },
        ),
        Expr::Time { clock, .. } => {
            vague(TimexType::Time, &format!("XXXX-XX-XX{}", clock_val(clock)))
        }
        Expr::PartOfDay { pod, .. } => {
            vague(TimexType::Time, &format!("XXXX-XX-XXT{}", pod.code()))
        }
        Expr::WeekOf(_) => vague(date, "XXXX-WXX"),
        Expr::WeekendOf(_) => vague(date, "XXXX-WXX-WE"),
        Expr::Decade(d) => decade(*d),
        Expr::Century(c) => century(*c),
        Expr::Ref(r) => vague(date, reference_value(*r)),
        Expr::Duration { n, unit } | Expr::InFuture { n, unit } => {
            vague(TimexType::Duration, &duration_value(*n, *unit))
        }
        Expr::DurationValue(v) => vague(TimexType::Duration, v),
        Expr::Set(s) => vague(TimexType::Set, &s.value),
        Expr::YearBeforeFocus(f) => underspecified(f),
        Expr::Anchored {
            fallback: Some(f), ..
        } => underspecified(f),
        Expr::Anchored { unit, weekday, .. } => underspecified(&if *weekday != 0 {
            Expr::Weekday {
                weekday: *weekday,
                rel: Rel::Bare,
            }
        } else {
            Expr::UnitRel {
                unit: *unit,
                offset: 0,
            }
        }),
    }
}

/// A holiday's value: its day, or for a period (Lent, Ramadan...) the year it starts in,
/// with the period as interval (TIMEX3 has no code for them as it has for seasons).
fn holiday_value(h: Holiday, (start, end): (Date, Date)) -> Resolved {
    if is_period(h) {
        Resolved {
            kind: TimexType::Date,
            value: year_val(i32::from(start.year())),
            interval: Some((start, end)),
        }
    } else {
        day(start)
    }
}

fn clock_val(c: &Clock) -> String {
    format!("T{:02}:{:02}", c.hour, c.minute.unwrap_or(0))
}

/// Picks among candidate years for a yearly recurring date: the direction decides, and
/// without one the nearest to the reference (ties to the past).
fn pick_year(
    reference: Date,
    direction: Direction,
    rel: Rel,
    at: impl Fn(i32) -> Option<(Date, Date)>,
) -> Option<i32> {
    let ry = i32::from(reference.year());
    let cands: Vec<(i32, Date, Date)> = (ry - 1..=ry + 1)
        .filter_map(|y| at(y).map(|(s, e)| (y, s, e)))
        .collect();
    pick_occurrence(reference, direction, rel, &cands).map(|c| c.0)
}

/// Picks among the occurrences `(year, start, end)` of a recurring date, in order, the way
/// [`pick_year`] does.
fn pick_occurrence(
    reference: Date,
    direction: Direction,
    rel: Rel,
    cands: &[(i32, Date, Date)],
) -> Option<(i32, Date, Date)> {
    let ry = i32::from(reference.year());
    let contains = |s: Date, e: Date| s <= reference && reference < e;
    match rel {
        Rel::This => return cands.iter().find(|c| c.0 == ry).copied(),
        Rel::Last => {
            // The most recent one that ended before the reference's own period started.
            return cands
                .iter()
                .rev()
                .find(|(_, _, e)| *e <= reference)
                .copied();
        }
        Rel::Next => return cands.iter().find(|(_, s, _)| *s > reference).copied(),
        Rel::Bare => {}
    }
    if let Some(c) = cands.iter().find(|(_, s, e)| contains(*s, *e)) {
        return Some(*c);
    }
    let dist = |s: Date, e: Date| -> i64 {
        if e <= reference {
            (reference - e).get_days().into()
        } else {
            (s - reference).get_days().into()
        }
    };
    // The tense decides among the candidates within nine months; past that, the nearest
    // one wins (`stock of record Nov. 16` in a past-tense sentence of late October is
    // still this November).
    let directed = match direction {
        Direction::Ended => cands
            .iter()
            .find(|(_, s, e)| *s > reference && dist(*s, *e) <= 31)
            .or_else(|| cands.iter().rev().find(|(_, s, _)| *s <= reference)),
        Direction::Past | Direction::SurelyPast => {
            cands.iter().rev().find(|(_, s, _)| *s <= reference)
        }
        Direction::Future => cands.iter().find(|(_, s, _)| *s > reference),
        _ => None,
    };
    if let Some(c) = directed {
        // A past cue misleads more often than a future one (`said ... payable Nov. 16`).
        // A future cue reaches ten months ahead: news gives the year of a date further
        // off, so `will pay 2.36 times its March 31 book value`, written in mid-April, is
        // the March 31 just past, not the next one.
        let window = match direction {
            Direction::SurelyPast | Direction::Ended => 366,
            Direction::Future => 300,
            _ => 270,
        };
        if dist(c.1, c.2) <= window {
            return Some(*c);
        }
    }
    let mut best: Option<(i64, (i32, Date, Date))> = None;
    for c @ (_, s, e) in cands {
        let d = dist(*s, *e);
        // Ties go to the earlier year: news reports more than it announces.
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, *c));
        }
    }
    best.map(|b| b.1)
}

fn year_of(y: YearRef, reference: Option<Date>) -> Option<i32> {
    match y {
        YearRef::Abs(y) => Some(y),
        YearRef::Rel(off) => reference.map(|r| i32::from(r.year()) + off),
        YearRef::Infer => None,
    }
}

fn resolve_inner(expr: &Expr, reference: Option<Date>, direction: Direction) -> Option<Resolved> {
    match expr {
        Expr::Year(y) => Some(year(year_of(*y, reference)?)),
        Expr::Decade(d) => Some(decade(*d)),
        Expr::Century(c) => Some(century(*c)),
        Expr::CenturyRel(off) => {
            let r = reference?;
            Some(century(i32::from(r.year()) / 100 + off))
        }
        Expr::Month {
            month: m,
            year: y,
            rel,
        } => {
            let m = i32::from(*m);
            if let Some(y) = year_of(*y, reference) {
                return Some(month(y, m));
            }
            let r = reference?;
            let y = pick_year(r, direction, *rel, |y| {
                month_start(y, m).zip(month_start(y, m + 1))
            })?;
            Some(month(y, m))
        }
        Expr::MonthDay {
            month: m,
            day: d,
            year: y,
        } => {
            let (m, d) = (i32::from(*m), i32::from(*d));
            if let Some(y) = year_of(*y, reference) {
                return ymd(y, m, d).map(day);
            }
            let r = reference?;
            let y = pick_year(r, direction, Rel::Bare, |y| {
                ymd(y, m, d).and_then(|s| add_days(s, 1).map(|e| (s, e)))
            })?;
            ymd(y, m, d).map(day)
        }
        Expr::MonthDayWeekday {
            month,
            day: d,
            weekday: wd,
        } => {
            let r = reference?;
            let (m, dd) = (i32::from(*month), i32::from(*d));
            let ry = i32::from(r.year());
            let fitting = (ry - 1..=ry + 1)
                .filter_map(|y| ymd(y, m, dd))
                .filter(|c| weekday(*c) == i32::from(*wd))
                .min_by_key(|c| {
                    let diff: i64 = (*c - r).get_days().into();
                    diff.abs()
                });
            match fitting {
                Some(c) => Some(day(c)),
                None => resolve_inner(
                    &Expr::MonthDay {
                        month: *month,
                        day: *d,
                        year: YearRef::Infer,
                    },
                    reference,
                    direction,
                ),
            }
        }
        Expr::DayOfMonth(d) => {
            let r = reference?;
            let d = i32::from(*d);
            let ry = i32::from(r.year());
            let rm = i32::from(r.month());
            let cands: Vec<Date> = (-1..=1)
                .filter_map(|off| {
                    let (y, m) = shift_month(ry, rm, off);
                    ymd(y, m, d)
                })
                .collect();
            let pick = match direction {
                d if d.backward() => cands.iter().rev().find(|c| **c <= r),
                Direction::Future => cands.iter().find(|c| **c >= r),
                _ => cands.iter().min_by_key(|c| {
                    let diff: i64 = (**c - r).get_days().into();
                    (diff.abs(), diff > 0)
                }),
            };
            pick.copied().map(day)
        }
        Expr::Weekday { weekday: wd, rel } => {
            let r = reference?;
            Some(day(weekday_date(r, i32::from(*wd), *rel, direction)?))
        }
        Expr::Quarter { q: 0, year: y, .. } => {
            // `the 1988 period`: the quarter just reported, in that year.
            let r = reference?;
            let rq = (i32::from(r.month()) - 1) / 3;
            let q = if rq == 0 { 4 } else { rq };
            Some(quarter(year_of(*y, reference)?, q))
        }
        Expr::Quarter { q, year: y, .. } => {
            let q = i32::from(*q);
            if let Some(y) = year_of(*y, reference) {
                return Some(quarter(y, q));
            }
            let r = reference?;
            let ry = i32::from(r.year());
            let rq = (i32::from(r.month()) - 1) / 3 + 1;
            // A quarter later in the year than the reference's, read in the past tense, is
            // last year's.
            let y = if q > rq && direction.backward() {
                ry - 1
            } else {
                ry
            };
            Some(quarter(y, q))
        }
        Expr::QuarterRel(off) => {
            let r = reference?;
            let ry = i32::from(r.year());
            let rq = (i32::from(r.month()) - 1) / 3;
            let total = ry * 4 + rq + off;
            Some(quarter(total.div_euclid(4), total.rem_euclid(4) + 1))
        }
        Expr::Half { h, year: y } => {
            let h = i32::from(*h);
            let y = match year_of(*y, reference) {
                Some(y) => y,
                None => i32::from(reference?.year()),
            };
            Some(half(y, h))
        }
        Expr::Season {
            season: s,
            year: y,
            rel,
        } => {
            if let Some(y) = year_of(*y, reference) {
                return Some(season(y, *s));
            }
            let r = reference?;
            let y = pick_year(r, direction, *rel, |y| season_interval(y, *s))?;
            Some(season(y, *s))
        }
        Expr::Holiday {
            holiday: h,
            year: y,
            rel,
        } => {
            if let Some(d) = once(*h) {
                return Some(day(d));
            }
            if let Some(y) = year_of(*y, reference) {
                return match holiday_spans(*h, y).first() {
                    Some(span) => Some(holiday_value(*h, *span)),
                    // A tabled holiday in a year the table does not hold: the year is
                    // known, the day is not.
                    None if is_tabled(*h) => {
                        Some(vague(TimexType::Date, &format!("{}-XX-XX", year_val(y))))
                    }
                    None => None,
                };
            }
            let r = reference?;
            let ry = i32::from(r.year());
            let cands: Vec<(i32, Date, Date)> = (ry - 1..=ry + 1)
                .flat_map(|y| {
                    holiday_spans(*h, y)
                        .into_iter()
                        .map(move |(s, e)| (y, s, e))
                })
                .collect();
            let (_, s, e) = pick_occurrence(r, direction, *rel, &cands)?;
            Some(holiday_value(*h, (s, e)))
        }
        Expr::DayRel(off) => add_days(reference?, i64::from(*off)).map(day),
        Expr::UnitRel { unit, offset } => unit_rel(reference?, *unit, *offset, direction),
        Expr::Shift { n, unit, sign } => {
            let r = reference?;
            let n = match n {
                Amount::Exact(v) => *v,
                Amount::Vague => {
                    return Some(vague(
                        TimexType::Date,
                        if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
                    ));
                }
            };
            shift(r, n, *unit, *sign)
        }
        Expr::Ref(p) => Some(Resolved {
            kind: TimexType::Date,
            value: reference_value(*p).to_owned(),
            interval: None,
        }),
        Expr::Time { day: d, clock } => {
            let base = match d {
                Some(d) => resolve_inner(d, reference, direction)?,
                None => day(reference?),
            };
            let (start, _) = base.interval?;
            time_on(start, clock)
        }
        Expr::PartOfDay { day: d, pod } => {
            let base = resolve_inner(d, reference, direction)?;
            let (start, _) = base.interval?;
            let mut value = date_val(start);
            value.push('T');
            value.push_str(pod.code());
            Some(Resolved {
                kind: TimexType::Time,
                value,
                interval: base.interval,
            })
        }
        Expr::WeekOf(d) => {
            let base = resolve_inner(d, reference, direction)?;
            let (start, _) = base.interval?;
            Some(week(start))
        }
        Expr::WeekendOf(d) => {
            let base = resolve_inner(d, reference, direction)?;
            let (day, next) = base.interval?;
            // A Monday's weekend is the one before it; any other day's the one that holds
            // or follows it. The interval runs over the day too (`Labor Day weekend`:
            // Saturday to Monday; `Thanksgiving weekend`: Thursday to Sunday).
            let anchor = if weekday(day) == 1 {
                add_days(day, -1)?
            } else {
                day
            };
            let w = weekend(anchor);
            let (sat, mon) = w.interval?;
            Some(Resolved {
                interval: Some((sat.min(day), mon.max(next))),
                ..w
            })
        }
        Expr::InFuture {
            n: Amount::Exact(v),
            unit,
        } if direction == Direction::Future => shift(reference?, *v, *unit, 1),
        Expr::Anchored { fallback, .. } => {
            resolve_inner(fallback.as_deref()?, reference, direction)
        }
        Expr::YearBeforeFocus(f) => resolve_inner(f, reference, direction),
        Expr::Duration { .. } | Expr::InFuture { .. } | Expr::DurationValue(_) | Expr::Set(_) => {
            None
        }
    }
}

/// A clock time on day `d`.
pub(crate) fn time_on(d: Date, clock: &Clock) -> Option<Resolved> {
    let mut value = date_val(d);
    value.push_str(&clock_val(clock));
    Some(Resolved {
        kind: TimexType::Time,
        value,
        interval: add_days(d, 1).map(|e| (d, e)),
    })
}

/// An [`Expr::Anchored`] told from `focus`, a day of the date the text last named: `offset`
/// units from it, or for a weekday the first one after (`offset` > 0) or before it.
pub(crate) fn anchored(focus: Date, unit: Unit, wd: u8, offset: i32) -> Option<Resolved> {
    if wd != 0 {
        let rel = if offset < 0 { Rel::Last } else { Rel::Next };
        return weekday_date(focus, i32::from(wd), rel, Direction::Unknown).map(day);
    }
    match unit {
        Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year => {
            unit_rel(focus, unit, offset, Direction::Unknown)
        }
        _ => None,
    }
}

/// The date of weekday `wd` (Monday = 1) relative to `r`.
///
/// Bare: in the past tense the most recent one on or before the reference day, in the
/// future tense the first on or after it; with no tense cue, the past (news reports). `last`
/// is the most recent one strictly before the reference, `next` the first strictly after,
/// `this` the one of the reference's week (Monday to Sunday).
pub(crate) fn weekday_date(r: Date, wd: i32, rel: Rel, direction: Direction) -> Option<Date> {
    let rw = weekday(r);
    let back = i64::from((rw - wd).rem_euclid(7));
    let fwd = i64::from((wd - rw).rem_euclid(7));
    match rel {
        Rel::Last => add_days(r, -(if back == 0 { 7 } else { back })),
        Rel::Next => add_days(r, if fwd == 0 { 7 } else { fwd }),
        Rel::This => add_days(monday_of(r)?, i64::from(wd - 1)),
        Rel::Bare => match direction {
            Direction::Future => add_days(r, fwd),
            _ => add_days(r, -back),
        },
    }
}

fn unit_rel(r: Date, unit: Unit, offset: i32, direction: Direction) -> Option<Resolved> {
    let ry = i32::from(r.year());
    let off = i64::from(offset);
    match unit {
        Unit::Day => add_days(r, off).map(day),
        Unit::Week | Unit::Fortnight => add_days(r, 7 * off).map(week),
        Unit::Weekend => {
            // `the weekend` (offset 0): the one just past in the past tense or when the
            // reference falls on it, else the coming one.
            let monday = monday_of(r)?;
            // With no cue, the nearest: Monday to Wednesday look back, Thursday and Friday
            // ahead.
            let back = match direction {
                d if d.backward() => weekday(r) < 6,
                Direction::Future => false,
                _ => weekday(r) <= 3,
            };
            let base = if offset == 0 && back {
                add_days(monday, -7)?
            } else {
                monday
            };
            add_days(base, 7 * off).map(weekend)
        }
        Unit::Month => {
            let (y, m) = shift_month(ry, i32::from(r.month()), offset);
            Some(month(y, m))
        }
        Unit::Quarter => {
            let rq = (i32::from(r.month()) - 1) / 3;
            let total = ry * 4 + rq + offset;
            Some(quarter(total.div_euclid(4), total.rem_euclid(4) + 1))
        }
        Unit::Year => Some(year(ry + offset)),
        Unit::Decade => Some(decade(ry.div_euclid(10) + offset)),
        Unit::Century => Some(century(ry.div_euclid(100) + offset)),
        Unit::Millennium => None,
        Unit::Second | Unit::Minute | Unit::Hour | Unit::None => None,
    }
}

/// The point `n` units before (`sign` -1) or after the reference, at the unit's
/// granularity: `68 years ago` is a year, `two weeks ago` a week, `10 days ago` a day.
fn shift(r: Date, n: f64, unit: Unit, sign: i32) -> Option<Resolved> {
    let k = (n.round() as i64) * i64::from(sign);
    let ry = i32::from(r.year());
    match unit {
        Unit::Day => add_days(r, k).map(day),
        Unit::Week => add_days(r, 7 * k).map(week),
        Unit::Fortnight => add_days(r, 14 * k).map(week),
        Unit::Month => {
            let d = add_months(r, k)?;
            Some(month(i32::from(d.year()), i32::from(d.month())))
        }
        Unit::Quarter => {
            let rq = (i32::from(r.month()) - 1) / 3;
            let total = ry * 4 + rq + i32::try_from(k).ok()?;
            Some(quarter(total.div_euclid(4), total.rem_euclid(4) + 1))
        }
        Unit::Year => Some(year(ry + i32::try_from(k).ok()?)),
        Unit::Decade => Some(year(ry + 10 * i32::try_from(k).ok()?)),
        Unit::Century => Some(year(ry + 100 * i32::try_from(k).ok()?)),
        Unit::Hour | Unit::Minute | Unit::Second => Some(vague(
            TimexType::Time,
            if sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
        )),
        Unit::Millennium | Unit::Weekend | Unit::None => None,
    }
}

/// The interval narrowed by a `START`, `MID` or `END` modifier: thirds of the period, in
/// whole months for years and quarters (`early 2000` is January to April), whole years for
/// decades and centuries, and days otherwise (`late May` is May 21 to May 31).
pub(crate) fn narrow(interval: (Date, Date), m: Mod) -> Option<(Date, Date)> {
    let (s, e) = interval;
    let part = match m {
        Mod::Start => 0,
        Mod::Mid => 1,
        Mod::End => 2,
        _ => return Some(interval),
    };
    let months = (i32::from(e.year()) - i32::from(s.year())) * 12 + i32::from(e.month())
        - i32::from(s.month());
    let whole_months = s.day() == 1 && e.day() == 1;
    if whole_months && months >= 24 && months % 12 == 0 {
        // Decades and centuries: the first 40%, the next 30%, the last 30% of the years
        // (`the early 1980s` is 1980-1983, `the mid-1990s` 1994-1996, `the late 1970s`
        // 1977-1979).
        let years = i64::from(months / 12);
        let cut = |k: i64| add_months(s, 12 * k);
        let (a, b) = match part {
            0 => (s, cut((years * 4 + 9) / 10)?),
            1 => (cut((years * 4 + 9) / 10)?, cut((years * 7 + 9) / 10)?),
            _ => (cut((years * 7 + 9) / 10)?, e),
        };
        return Some((a, b));
    }
    if whole_months && months >= 12 {
        // Years, decades, centuries: thirds in whole months (4/4/4 for a year).
        let third = months / 3;
        let a = add_months(s, i64::from(third * part))?;
        let b = if part == 2 {
            e
        } else {
            add_months(s, i64::from(third * (part + 1)))?
        };
        return Some((a, b));
    }
    if whole_months && months == 3 {
        let a = add_months(s, i64::from(part))?;
        let b = add_months(s, i64::from(part + 1))?;
        return Some((a, b));
    }
    if whole_months && months == 1 {
        // Days 1-10, 11-20, 21-end.
        let a = add_days(s, i64::from(10 * part))?;
        let b = if part == 2 {
            e
        } else {
            add_days(s, i64::from(10 * (part + 1)))?
        };
        return Some((a, b));
    }
    let days: i64 = (e - s).get_days().into();
    if days < 3 {
        return Some(interval);
    }
    let third = days / 3;
    let a = add_days(s, third * i64::from(part))?;
    let b = if part == 2 {
        e
    } else {
        add_days(s, third * i64::from(part + 1))?
    };
    Some((a, b))
}

#[allow(dead_code)]
fn season_now(r: Date) -> (i32, Season) {
    season_of(r)
}
