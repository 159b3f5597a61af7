//! Expressions read in their discourse, after each was resolved on its own: the temporal
//! focus (the date the text last named) for `the following year`, `that month` and clock
//! times without a day; the quarter last named for `the quarter` and `a year earlier` in
//! company news; and the two parts of a range, which must run forwards.

use jiff::civil::Date;

use super::expr::{self, Expr, Rel, YearRef};
use super::genre::Genre;
use super::grammar::Match;
use super::{Interval, Timex, TimexType, calendar, lexicon, resolve};

/// Quarters in company news, read in their discourse:
///
/// - "a year earlier", "a year ago" and "year-ago" after a quarter refer to that quarter a
///   year before ("third-quarter profit rose to $5 million from $4 million a year
///   earlier": the third quarter of the year before), not to the whole year; the quarter
///   must be among the three expressions before, within 400 bytes;
/// - "the quarter", "the latest quarter", "the latest period" and "this quarter" refer to
///   the quarter the text last named, when it named one ("the current quarter" is always
///   the reference's own);
///
/// Only the quarters the text names count as antecedents, not the year-ago ones.
pub(super) fn quarters(matches: &[Match], found: &mut [Timex]) {
    let n = matches.len().min(found.len());
    let mut named: Vec<Option<(i32, i32)>> = vec![None; n];
    for (k, m) in matches.iter().enumerate().take(n) {
        let e = &m.expr;
        let year_ago = matches!(
            e,
            Expr::Shift { n: expr::Amount::Exact(n), unit: lexicon::Unit::Year, sign: -1 } if *n == 1.0
        ) || matches!(e, Expr::Year(YearRef::Rel(-1)));
        let the_quarter = matches!(e, Expr::QuarterRel(-1) | Expr::QuarterRel(0));
        let Some(here) = found.get(k).map(|t| t.span.start) else {
            break;
        };
        let named_at = |named: &[Option<(i32, i32)>], j: usize| named.get(j).copied().flatten();
        let set = |t: &mut Timex, (y, q): (i32, i32)| {
            let (start, end) = (
                calendar::month_start(y, 3 * q - 2),
                calendar::month_start(y, 3 * q + 1),
            );
            t.value = format!("{y:04}-Q{q}");
            t.interval = start.zip(end).map(|(start, end)| Interval { start, end });
        };
        if year_ago && m.modifier.is_none() {
            let near = (k.saturating_sub(3)..k)
                .rev()
                .take_while(|&j| {
                    found
                        .get(j)
                        .is_some_and(|t| here.saturating_sub(t.span.end) <= 400)
                })
                .find_map(|j| named_at(&named, j));
            if let (Some((y, q)), Some(t)) = (near, found.get_mut(k)) {
                set(t, (y - 1, q));
            }
        } else if the_quarter {
            let antecedent = (0..k).rev().find_map(|j| named_at(&named, j));
            if let Some(t) = found.get_mut(k) {
                if let Some(q) = antecedent {
                    set(t, q);
                }
                if let Some(slot) = named.get_mut(k) {
                    *slot = quarter_of(&t.value);
                }
            }
        } else if matches!(e, Expr::Quarter { q, year, .. } if *q != 0 && *year != YearRef::Rel(-1))
            && let (Some(t), Some(slot)) = (found.get(k), named.get_mut(k))
        {
            *slot = quarter_of(&t.value);
        }
    }
}

/// How fine a date is, as the temporal focus of the expressions after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    /// A season or a half.
    Part,
    Year,
}

/// The first day and the grain of a date or time that can be a temporal focus: a calendar
/// day, week, month, quarter, season, half or year (not a decade, a `*_REF`, a length).
fn focus_of(t: &Timex) -> Option<(Date, Grain)> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    let start = t.interval?.start;
    // `BC0490-09`: a year before 1 AD reads as any other.
    let v = t.value.strip_prefix("BC").unwrap_or(&t.value).as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        v.get(r)
            .is_some_and(|s| s.iter().all(|b| b.is_ascii_digit()))
    };
    if !digits(0..4) {
        return None;
    }
    let grain = if t.kind == TimexType::Time {
        Grain::Day
    } else {
        match v.get(4..) {
            Some([]) => Grain::Year,
            Some([b'-', b'W', ..]) => Grain::Week,
            Some([b'-', b'Q', ..]) => Grain::Quarter,
            Some([b'-', m1, m2]) if m1.is_ascii_digit() && m2.is_ascii_digit() => Grain::Month,
            Some([b'-', _, _, b'-', d1, d2]) if d1.is_ascii_digit() && d2.is_ascii_digit() => {
                Grain::Day
            }
            Some([b'-', a, b]) if a.is_ascii_alphabetic() && b.is_ascii_alphanumeric() => {
                Grain::Part
            }
            _ => return None,
        }
    };
    Some((start, grain))
}

/// Narrative anchoring: `the following year`, `the previous day`, `that month`, `the same
/// day` count from the temporal focus, the date the text last named ("On May 22, 1995, he
/// was promoted, and the following year he moved": 1996), as TimeML annotates them. The
/// focus must be fine enough for the unit (a day for `the next day`, any date for `the
/// following year`); when none is, `the following year` keeps its reading against the
/// reference date, and a demonstrative (`that year`, `the same day`), which has none, is
/// no expression: the returned flags say which expressions to keep. A demonstrative also
/// needs its focus within 400 bytes before it (`I will never forget that day` far from any
/// date is left alone). A clock time without a day (`the blast, at 10:40 a.m.`) is on the
/// day in focus when one was named within 400 bytes before it, else on the reference day.
/// Each expression with a calendar value becomes the focus of the ones after it.
///
/// The focus is carried from one block of an article to the next in `focus`. In a
/// [`Genre::Narrative`] text a year-less date is moved into the time in focus first (see
/// [`super::genre`]), and only expressions the text fixes (not those read against the
/// reference date) become the focus.
pub(super) fn anchor(
    matches: &[Match],
    found: &mut [Timex],
    focus: &mut Focus,
    genre: Genre,
) -> Vec<bool> {
    let n = matches.len().min(found.len());
    let mut keep = vec![true; found.len()];
    let narrative = genre == Genre::Narrative;
    for (k, m) in matches.iter().enumerate().take(n) {
        let (anchor, pod) = match &m.expr {
            Expr::Anchored {
                unit,
                weekday,
                offset,
                fallback,
            } => (Some((*unit, *weekday, *offset, fallback.is_some())), None),
            Expr::PartOfDay { day, pod } => match day.as_ref() {
                Expr::Anchored {
                    unit,
                    weekday,
                    offset,
                    fallback,
                } => (
                    Some((*unit, *weekday, *offset, fallback.is_some())),
                    Some(*pod),
                ),
                _ => (None, None),
            },
            _ => (None, None),
        };
        let Some(t) = found.get_mut(k) else { break };
        // In a narrative, dates whose year the resolver chose, and periods told from the
        // day of writing (`the end of the year`, `next month`, `two years ago`), are
        // moved into the time in focus. Only the first kind then become the focus: a
        // flashback (`two years ago, the talks had failed`) does not move the narrative
        // (letting it do so scored 76.1 value F1 on WikiWars' development documents
        // against 76.3).
        let mut moved = false;
        if narrative && let Some((d, g, _)) = focus.day {
            if year_chosen(&m.expr) {
                in_narrative_time(&m.expr, t, d, g);
                moved = true;
            } else if let Some((unit, offset)) = told_from_now(&m.expr)
                && g <= grain_needed(unit)
                && let Some(r) = resolve::anchored(d, unit, 0, offset)
            {
                set_resolved(t, r);
            }
        }
        // A clock time without a day (`at 10:40 a.m.`) is on the day in focus, when the
        // text named one shortly before.
        if let Expr::Time { day: None, clock } = &m.expr
            && let Some((d, Grain::Day, end)) = focus.day
            && t.span.start.saturating_sub(end) <= 400
            && let Some(r) = resolve::time_on(d, clock)
        {
            t.value = r.value;
            t.interval = r.interval.map(|(start, end)| Interval { start, end });
        }
        // `the same period last year`: the month, quarter, half or season in focus, a year
        // before.
        if let Expr::YearBeforeFocus(year) = &m.expr
            && let Some(prev) = focus.period.as_ref()
            && let Some((value, interval)) = year_before(prev, year)
        {
            t.value = value;
            t.interval = Some(interval);
            t.kind = TimexType::Date;
            continue;
        }
        if let Some((unit, weekday, offset, has_fallback)) = anchor {
            let needed = if weekday != 0 {
                Grain::Week
            } else {
                grain_needed(unit)
            };
            let near = |end: usize| has_fallback || t.span.start.saturating_sub(end) <= 400;
            let resolved = focus
                .day
                .filter(|&(_, g, end)| g <= needed && near(end))
                .and_then(|(d, _, _)| resolve::anchored(d, unit, weekday, offset));
            match resolved {
                Some(mut r) => {
                    if let Some(p) = pod {
                        r.kind = TimexType::Time;
                        r.value = format!("{}T{}", r.value, p.code());
                    }
                    set_resolved(t, r);
                }
                None => {
                    // Dropped, or read against the reference date for want of a focus:
                    // either way no focus for what follows.
                    if !has_fallback && let Some(slot) = keep.get_mut(k) {
                        *slot = false;
                    }
                    continue;
                }
            }
        }
        if narrative && !moved && from_reference(&m.expr) {
            continue;
        }
        if let Some((d, g)) = focus_of(t) {
            focus.day = Some((d, g, t.span.end));
            if matches!(g, Grain::Month | Grain::Quarter | Grain::Part) {
                focus.period = Some(t.clone());
            }
        }
    }
    keep
}

/// The temporal focus of a text, carried through its discourse.
#[derive(Clone, Debug, Default)]
pub(super) struct Focus {
    /// The first day and grain of the date last named, and where it ends in the text.
    day: Option<(Date, Grain, usize)>,
    /// The period last named (a month, quarter, half or season), for `the same period last
    /// year`: `the third quarter ended Sept. 30 ... the same period last year`.
    period: Option<Timex>,
}

/// Moves `t`, a date whose year the resolver chose (`e`), into the time in focus, `d` of
/// grain `g`: the focus year when only a year is in focus, else the year that puts it
/// nearest the focus (the later one at equal distance). Weighting days ahead over days
/// back, as if narratives only ran forwards, scored lower on WikiWars (74.3 value F1 on
/// the development documents against 75.1), flashbacks being common.
fn in_narrative_time(e: &Expr, t: &mut Timex, d: Date, g: Grain) {
    let Some(start) = t.interval.map(|iv| iv.start) else {
        return;
    };
    let focus_year = i32::from(d.year());
    let year = if g == Grain::Year {
        focus_year
    } else {
        let day_of = |y: i32| -> Option<i64> {
            let moved = calendar::add_months(start, 12 * i64::from(y - i32::from(start.year())))?;
            Some((moved - d).get_days().into())
        };
        (focus_year - 1..=focus_year + 1)
            .filter_map(|y| day_of(y).map(|days| (days.abs(), std::cmp::Reverse(y), y)))
            .min()
            .map_or(focus_year, |(_, _, y)| y)
    };
    if year == i32::from(start.year()) {
        return;
    }
    let Some(fixed) = with_year(e, year) else {
        return;
    };
    let r = resolve::resolve(&fixed, Some(d), super::Direction::Unknown);
    let digits = r.value.strip_prefix("BC").unwrap_or(&r.value);
    if digits
        .get(0..4)
        .is_none_or(|y| !y.bytes().all(|b| b.is_ascii_digit()))
    {
        return;
    }
    set_resolved(t, r);
}

/// Writes resolution `r` into `t`: its type, value, and interval narrowed by `t`'s `START`,
/// `MID` or `END`.
fn set_resolved(t: &mut Timex, r: resolve::Resolved) {
    let iv = r.interval.and_then(|iv| match t.modifier {
        Some(md) if md.is_part() => resolve::narrow(iv, md),
        _ => Some(iv),
    });
    t.kind = r.kind;
    t.value = r.value;
    t.interval = iv.map(|(start, end)| Interval { start, end });
}

/// The coarsest focus a date `unit`s away from it can be told from: a day for `the next
/// day`, any date for `the following year`.
fn grain_needed(unit: lexicon::Unit) -> Grain {
    match unit {
        lexicon::Unit::Day => Grain::Day,
        lexicon::Unit::Week => Grain::Week,
        lexicon::Unit::Month => Grain::Month,
        lexicon::Unit::Quarter => Grain::Quarter,
        _ => Grain::Year,
    }
}

/// A period told from the day of writing that a narrative tells from its focus instead:
/// `this year`, `the end of the month` (offset 0), `next year` (1), `last month` (-1),
/// `two years ago` (-2), as `(unit, offset)`. Days and weeks (`today`, `this week`) stay
/// with the day of writing.
fn told_from_now(e: &Expr) -> Option<(lexicon::Unit, i32)> {
    use lexicon::Unit;
    match e {
        Expr::UnitRel { unit, offset }
            if matches!(unit, Unit::Month | Unit::Quarter | Unit::Year) =>
        {
            Some((*unit, *offset))
        }
        Expr::Year(YearRef::Rel(k)) => Some((Unit::Year, *k)),
        Expr::Shift {
            n: expr::Amount::Exact(n),
            unit,
            sign,
        } if n.fract() == 0.0
            && (1.0..=1000.0).contains(n)
            && matches!(
                unit,
                Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year
            ) =>
        {
            Some((*unit, *sign * (*n as i32)))
        }
        _ => None,
    }
}

/// `e`, a date whose year the resolver chose, with the year `year` written out.
fn with_year(e: &Expr, year: i32) -> Option<Expr> {
    let y = YearRef::Abs(year);
    Some(match e {
        Expr::Month { month, rel, .. } => Expr::Month {
            month: *month,
            year: y,
            rel: *rel,
        },
        Expr::MonthDay { month, day, .. } => Expr::MonthDay {
            month: *month,
            day: *day,
            year: y,
        },
        Expr::Season { season, rel, .. } => Expr::Season {
            season: *season,
            year: y,
            rel: *rel,
        },
        Expr::Holiday { holiday, rel, .. } => Expr::Holiday {
            holiday: *holiday,
            year: y,
            rel: *rel,
        },
        _ => return None,
    })
}

/// Whether `e` is read against the reference date, not fixed by the text or its focus:
/// `today`, `last year`, `three years ago`, `next month`, a bare weekday, `now`.
fn from_reference(e: &Expr) -> bool {
    match e {
        Expr::DayRel(_)
        | Expr::UnitRel { .. }
        | Expr::Shift { .. }
        | Expr::Year(YearRef::Rel(_))
        | Expr::Weekday { .. }
        | Expr::Ref(_)
        | Expr::InFuture { .. }
        | Expr::CenturyRel(_)
        | Expr::DayOfMonth(_) => true,
        Expr::Month { year, rel, .. }
        | Expr::Season { year, rel, .. }
        | Expr::Holiday { year, rel, .. } => *year == YearRef::Infer && *rel != Rel::Bare,
        Expr::Quarter { year, .. } | Expr::Half { year, .. } => {
            matches!(year, YearRef::Rel(_))
        }
        Expr::Time { day: Some(d), .. } | Expr::PartOfDay { day: d, .. } | Expr::WeekOf(d) => {
            from_reference(d)
        }
        _ => false,
    }
}

/// The value and interval of a period one year before `t`'s (`1998-H1` gives `1997-H1`),
/// or of the same period in the year written out (`the same month of 1985`).
fn year_before(t: &Timex, year: &Expr) -> Option<(String, Interval)> {
    let y: i32 = t.value.get(0..4)?.parse().ok()?;
    let to = match year {
        Expr::Year(YearRef::Abs(to)) => *to,
        _ => y - 1,
    };
    if to >= y {
        return None;
    }
    moved_by_years(t, to - y)
}

/// The value and interval of `t`'s period `years` years later (earlier when negative):
/// `1986-06` by 1 is `1987-06`.
fn moved_by_years(t: &Timex, years: i32) -> Option<(String, Interval)> {
    let iv = t.interval?;
    let y: i32 = t.value.get(0..4)?.parse().ok()?;
    let rest = t.value.get(4..)?;
    let to = y.checked_add(years).filter(|to| (0..=9999).contains(to))?;
    let shift = |d: Date| calendar::add_months(d, 12 * i64::from(years));
    Some((
        format!("{to:04}{rest}"),
        Interval {
            start: shift(iv.start)?,
            end: shift(iv.end)?,
        },
    ))
}

/// Whether the text left the year of `e` for the resolver to choose: `June`, `May 5`,
/// `summer`, `Easter`, with no year and no `last`/`next`.
fn year_chosen(e: &Expr) -> bool {
    match e {
        Expr::Month { year, rel, .. }
        | Expr::Season { year, rel, .. }
        | Expr::Holiday { year, rel, .. } => *year == YearRef::Infer && *rel == Rel::Bare,
        Expr::MonthDay { year, .. } => *year == YearRef::Infer,
        _ => false,
    }
}

/// The two parts of a range run forwards: "April to June", written in March with a past
/// cue nearer June, must not end the June before it starts. When the end comes before the
/// start, the part whose year the resolver chose moves by a year (the end forwards, else
/// the start backwards).
pub(super) fn order_range(ma: &Match, mb: &Match, ta: &mut Timex, tb: &mut Timex) {
    let before = |ta: &Timex, tb: &Timex| match (ta.interval, tb.interval) {
        (Some(x), Some(y)) => y.end <= x.start,
        _ => false,
    };
    // Only between named periods of the calendar (`Friday to December's figures` is no
    // range of one period).
    let named = |e: &Expr| {
        matches!(
            e,
            Expr::Month { .. } | Expr::MonthDay { .. } | Expr::Season { .. } | Expr::Holiday { .. }
        )
    };
    if !named(&ma.expr) || !named(&mb.expr) || !before(ta, tb) {
        return;
    }
    let (t, years) = if year_chosen(&mb.expr) {
        (tb, 1)
    } else if year_chosen(&ma.expr) {
        (ta, -1)
    } else {
        return;
    };
    if let Some((value, interval)) = moved_by_years(t, years) {
        t.value = value;
        t.interval = Some(interval);
    }
}

/// `(year, quarter)` of a value like `1989-Q3`.
fn quarter_of(value: &str) -> Option<(i32, i32)> {
    let (y, q) = value.split_once("-Q")?;
    let y: i32 = y.parse().ok()?;
    let q: i32 = q.parse().ok()?;
    (y > 0 && (1..=4).contains(&q)).then_some((y, q))
}
