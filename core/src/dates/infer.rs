//! When was an undated article published? The reference date under which the article's own
//! temporal expressions agree best.
//!
//! News names dates near its own: a full date is mostly within days of publication (before
//! it, for what happened; after it, for what is planned), a past-tense weekday (`CNN
//! reported Saturday`) is within the week before, a year-less date (`on March 3`) is near
//! in the direction its tense says, a year written alone is mostly the current year or the
//! last. Each kind of expression is a likelihood over the candidate days (the days of the
//! years the article names, and the year after each); the posterior over the candidates
//! gives the most likely day, the run of days around it that are nearly as likely
//! (`earliest..=latest`, a support interval), the belief that it holds the date, and the evidence: the expressions that decided it.
//!
//! Expressions that carry no calendar information of their own (`yesterday`, `last week`,
//! `two years ago`) are left out: they say where a date is from the reference, not where
//! the reference is. An article that names no year gets no guess: a day without a year is
//! not a publication date.
//!
//! The engine's own resolution is used to tell each year-less expression's direction: the
//! article is read under two references half a year apart, and an expression that falls
//! before both is read in the past (its tense or its verb said so), after both in the
//! future, and otherwise as the nearest such day.

use jiff::ToSpan;
use jiff::civil::Date;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Timex, TimexType};
use crate::article::{Article, BlockKind};
use crate::text::{Span, SpanConverter};

/// How far below the best day's log-likelihood a day may be and still be in the interval
/// (a support interval: `e^-3`, about a twentieth of the best day's likelihood).
pub const SUPPORT: f64 = 3.0;

/// At most this many expressions are read (the first ones, which hold the news).
const MAX_EXPRESSIONS: usize = 300;

/// An inferred publication date.
#[derive(Clone, Debug, PartialEq)]
pub struct Inferred {
    /// The most likely day.
    pub date: Date,
    /// The first day of the run of days around `date` whose likelihood is within
    /// [`SUPPORT`] of the best.
    pub earliest: Date,
    /// Its last day (inclusive).
    pub latest: Date,
    /// The belief that the publication date is in `earliest..=latest` (0 to 1).
    pub confidence: f64,
    /// The expressions that decided it, most telling first.
    pub evidence: Vec<Evidence>,
}

/// An expression that told where the publication date is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// Where it is in the article's text.
    pub span: Span,
    /// What it says without a reference (`1987-02-26`, `XXXX-WXX-6`, `1986`).
    pub value: String,
}

impl Inferred {
    /// A view for JSON output: `date`, `earliest`, `latest` (ISO dates, inclusive),
    /// `confidence`, and `evidence`, each `text`, `start`, `end` (in `converter`'s unit,
    /// into `input`, the article's text) and `value` (the expression without a reference).
    pub fn to_json<'a>(
        &'a self,
        input: &'a str,
        converter: &'a SpanConverter<'a>,
    ) -> InferredJson<'a> {
        InferredJson {
            inferred: self,
            input,
            converter,
        }
    }
}

/// The JSON view of an [`Inferred`] date (see [`Inferred::to_json`]).
pub struct InferredJson<'a> {
    inferred: &'a Inferred,
    input: &'a str,
    converter: &'a SpanConverter<'a>,
}

impl Serialize for InferredJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let i = self.inferred;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("date", &i.date.to_string())?;
        map.serialize_entry("earliest", &i.earliest.to_string())?;
        map.serialize_entry("latest", &i.latest.to_string())?;
        map.serialize_entry("confidence", &((i.confidence * 1000.0).round() / 1000.0))?;
        let evidence: Vec<serde_json::Value> = i
            .evidence
            .iter()
            .map(|e| {
                let (start, end) = self.converter.convert(e.span);
                serde_json::json!({
                    "text": e.span.slice(self.input),
                    "start": start,
                    "end": end,
                    "value": e.value,
                })
            })
            .collect();
        map.serialize_entry("evidence", &evidence)?;
        map.end()
    }
}

/// What an expression says about the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Clue {
    /// A full date.
    Day(Date),
    /// A month of a year: its first day.
    Month(Date),
    /// A year.
    Year(i16),
    /// A month and day without a year, read in a direction.
    YearlessDay { month: i8, day: i8, dir: Dir },
    /// A weekday (0 Monday .. 6 Sunday), read in a direction.
    Weekday { weekday: i8, dir: Dir },
    /// A month without a year (`in March`), read in a direction.
    YearlessMonth { month: i8, dir: Dir },
}

/// The direction the engine read a year-less expression in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Past,
    Future,
    Nearest,
}

/// Infers when `article` was published from its own expressions, whatever its
/// [`Article::published`] says (the caller decides whether to use it). `None` when the
/// article names no year.
///
/// ```
/// use copydesk::{article, dates};
///
/// let a = article::parse("Results for 1987 were strong, the company said on Tuesday.\n\n\
///     The dividend of March 3, 1987 was paid on Monday, March 2 ... it said it met on Feb 26.");
/// let guess = dates::infer_published(&a).unwrap();
/// assert!(guess.earliest <= guess.date && guess.date <= guess.latest);
/// assert_eq!(guess.date.year(), 1987);
/// ```
pub fn infer_published(article: &Article) -> Option<Inferred> {
    infer_published_within(article, None)
}

/// [`infer_published`] when the publication date is known to lie in `window` (first and
/// last day, inclusive): the period a collection was gathered in, say. The year is then
/// the window's, not the article's to tell, and the expressions place the day in it. A
/// page's crawl date ([`Article::crawled`]) closes the window on its own: a page was
/// published before it was fetched (within [`CRAWL_LOOKBACK_YEARS`] when no window is
/// given). `None` when the article has no clue to the day.
pub fn infer_published_within(article: &Article, window: Option<(Date, Date)>) -> Option<Inferred> {
    let clues = clues(article);
    let crawled = article.crawled.map(|c| c.date());
    let window = match (window, crawled) {
        (Some((lo, hi)), Some(c)) => Some((lo, hi.min(c))),
        (Some(w), None) => Some(w),
        (None, Some(c)) => Some((
            c.checked_sub(jiff::Span::new().years(CRAWL_LOOKBACK_YEARS))
                .unwrap_or(c),
            c,
        )),
        (None, None) => None,
    };
    infer_from(&clues, window, crawled)
}

/// Reads a window of publication dates: `1987` (a year), `1987-02` (a month), or
/// `FIRST..LAST` with each end a date as [`crate::article::Published::parse`] reads it
/// (`1987-01-01..1987-06-30`), both ends inclusive.
///
/// ```
/// use copydesk::dates::parse_window;
/// use jiff::civil::date;
///
/// assert_eq!(parse_window("1987")?, (date(1987, 1, 1), date(1987, 12, 31)));
/// assert_eq!(parse_window("2024-02")?, (date(2024, 2, 1), date(2024, 2, 29)));
/// assert_eq!(parse_window("2018-04-01..2018-04-30")?.1, date(2018, 4, 30));
/// assert!(parse_window("2018-05-01..2018-04-30").is_err());
/// # Ok::<(), copydesk::Error>(())
/// ```
pub fn parse_window(value: &str) -> crate::Result<(Date, Date)> {
    let v = value.trim();
    let bad = |why: &str| {
        crate::Error::new(crate::ErrorKind::InvalidArgument(format!(
            "cannot read {value:?} as a window of dates: {why}; write a year (1987), a month \
             (1987-02) or FIRST..LAST (1987-01-01..1987-06-30)"
        )))
    };
    if let Some((a, b)) = v.split_once("..") {
        let lo = crate::article::Published::parse(a)?.date();
        let hi = crate::article::Published::parse(b)?.date();
        if lo > hi {
            return Err(bad("its first day is after its last"));
        }
        return Ok((lo, hi));
    }
    if let Some(y) = year(v) {
        let lo = Date::new(y, 1, 1).map_err(|_| bad("no such year"))?;
        return Ok((lo, lo.last_of_year()));
    }
    if let Some(first) = year_month(v) {
        return Ok((first, first.last_of_month()));
    }
    Err(bad("it is not a year, a month or two dates"))
}

/// How far before its crawl date a page is looked for, when nothing else bounds it.
pub const CRAWL_LOOKBACK_YEARS: i64 = 2;

/// How fast the belief falls off before a crawl date, in days (see [`posterior`]).
const CRAWL_LAG_DAYS: f64 = 120.0;

/// A window may hold at most this many days (about twenty years).
const MAX_WINDOW_DAYS: usize = 7305;

/// The clues of an article, with the expressions they come from.
fn clues(article: &Article) -> Vec<(Clue, Span, String)> {
    // Two references half a year and three days apart (so that a weekday falls on another
    // day of the week): an expression's direction is where it falls from both.
    let (ra, rb) = (
        Date::constant(2001, 1, 17),
        Date::constant(2001, 7, 21), // 185 days on
    );
    let mut none = Vec::new();
    let mut a = Vec::new();
    let mut b = Vec::new();
    for block in &article.blocks {
        if block.kind == BlockKind::Boilerplate {
            continue;
        }
        let piece = article.block_text(block);
        let shift = |mut t: Vec<Timex>| {
            for x in &mut t {
                x.span = Span::new(
                    x.span.start + block.span.start,
                    x.span.end + block.span.start,
                );
            }
            t
        };
        none.extend(shift(super::find(piece, None)));
        a.extend(shift(super::find(piece, Some(ra))));
        b.extend(shift(super::find(piece, Some(rb))));
        if none.len() >= MAX_EXPRESSIONS {
            break;
        }
    }
    none.truncate(MAX_EXPRESSIONS);
    let start_of = |t: &Timex, refd: Date| -> Option<i64> {
        let i = t.interval?;
        Some(days_between(refd, i.start))
    };
    let mut out: Vec<(Clue, Span, String)> = Vec::new();
    for t in &none {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) || t.modifier.is_some() {
            continue;
        }
        let v = t.value.as_str();
        let clue = if let Some(d) = full_date(v) {
            Some(Clue::Day(d))
        } else if let Some(m) = year_month(v) {
            Some(Clue::Month(m))
        } else if let Some(y) = year(v) {
            Some(Clue::Year(y))
        } else {
            let dir = || {
                let oa = a
                    .iter()
                    .find(|x| x.span == t.span)
                    .and_then(|x| start_of(x, ra))?;
                let ob = b
                    .iter()
                    .find(|x| x.span == t.span)
                    .and_then(|x| start_of(x, rb))?;
                Some(if oa <= 0 && ob <= 0 {
                    Dir::Past
                } else if oa >= 0 && ob >= 0 {
                    Dir::Future
                } else {
                    Dir::Nearest
                })
            };
            if let Some((month, day)) = yearless_day(v) {
                dir().map(|dir| Clue::YearlessDay { month, day, dir })
            } else if let Some(weekday) = weekday(v) {
                dir().map(|dir| Clue::Weekday { weekday, dir })
            } else if let Some(month) = yearless_month(v) {
                dir().map(|dir| Clue::YearlessMonth { month, dir })
            } else {
                None
            }
        };
        // One clue of each value: a date named five times is one piece of evidence.
        if let Some(c) = clue
            && !out.iter().any(|(o, _, _)| *o == c)
        {
            out.push((c, t.span, t.value.clone()));
        }
    }
    out
}

fn infer_from(
    clues: &[(Clue, Span, String)],
    window: Option<(Date, Date)>,
    crawled: Option<Date>,
) -> Option<Inferred> {
    if let Some((lo, hi)) = window {
        if lo > hi {
            return None;
        }
        let mut days = Vec::new();
        let mut d = lo;
        while d <= hi && days.len() < MAX_WINDOW_DAYS {
            days.push(d);
            match d.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
        // Within a window only the clues that place a day tell anything; an article with
        // none of them gets no guess rather than the window's middle.
        if !clues.iter().any(|(c, _, _)| {
            matches!(
                c,
                Clue::Day(_)
                    | Clue::YearlessDay { .. }
                    | Clue::Month(_)
                    | Clue::YearlessMonth { .. }
            )
        }) {
            return None;
        }
        return posterior(clues, &days, 1.0, crawled);
    }
    let mut years: Vec<i16> = Vec::new();
    for (c, _, _) in clues {
        let y = match c {
            Clue::Day(d) | Clue::Month(d) => d.year(),
            Clue::Year(y) => *y,
            _ => continue,
        };
        for y in [y, y.saturating_add(1)] {
            if (1..=9999).contains(&y) && !years.contains(&y) {
                years.push(y);
            }
        }
    }
    years.sort_unstable();
    let mut days: Vec<Date> = Vec::new();
    for y in years {
        let Ok(mut d) = Date::new(y, 1, 1) else {
            continue;
        };
        while d.year() == y {
            days.push(d);
            match d.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
    }
    if days.is_empty() {
        return None;
    }
    let n = days.len() as f64;
    let (total, periodic) = sums(clues, &days);
    // The article's year may be none of those it names (AP and Reuters style leave the
    // current year out and write it for other years): that hypothesis has every named
    // date, month and year in its far tail, and the year-less clues fit it as well as they
    // fit an average candidate year. The guess is made only when the named years explain
    // the article better.
    let named_far: f64 = clues
        .iter()
        .map(|(c, _, _)| match c {
            Clue::Day(_) | Clue::Month(_) => FAR_DAY.ln(),
            Clue::Year(_) => FAR_YEAR.ln(),
            _ => 0.0,
        })
        .sum();
    // Both sides are summed over years: the named ones (each candidate day's likelihood,
    // a year's days averaged) against OTHER_YEARS plausible others, each like the average.
    let in_named = log_sum_exp(&total) - 365.25f64.ln();
    let elsewhere = OTHER_YEARS.ln() + named_far + log_sum_exp(&periodic) - n.ln();
    let p_named = 1.0 / (1.0 + (elsewhere - in_named).exp());
    if p_named.is_nan() || p_named < 0.5 {
        return None;
    }
    posterior(clues, &days, p_named, None)
}

/// Each candidate day's log-likelihood summed over the clues, and summed over the
/// year-less clues only.
fn sums(clues: &[(Clue, Span, String)], days: &[Date]) -> (Vec<f64>, Vec<f64>) {
    let mut total = vec![0.0; days.len()];
    let mut periodic = vec![0.0; days.len()];
    for (c, _, _) in clues {
        let yearless = matches!(
            c,
            Clue::YearlessDay { .. } | Clue::Weekday { .. } | Clue::YearlessMonth { .. }
        );
        for ((t, p), &r) in total.iter_mut().zip(periodic.iter_mut()).zip(days) {
            let ll = log_likelihood(*c, r);
            *t += ll;
            if yearless {
                *p += ll;
            }
        }
    }
    (total, periodic)
}

/// The guess over `days`: the most likely day, its support interval, and
/// the evidence; `prior` is the belief that the day is among `days` at all.
fn posterior(
    clues: &[(Clue, Span, String)],
    days: &[Date],
    prior: f64,
    crawled: Option<Date>,
) -> Option<Inferred> {
    let n = days.len() as f64;
    let (mut total, _) = sums(clues, days);
    // A page is mostly fetched soon after it is published: the belief falls off by e
    // every CRAWL_LAG_DAYS before the crawl.
    if let Some(c) = crawled {
        for (t, &r) in total.iter_mut().zip(days) {
            *t -= days_between(r, c).max(0) as f64 / CRAWL_LAG_DAYS;
        }
    }
    let per_clue: Vec<Vec<f64>> = clues
        .iter()
        .map(|(c, _, _)| days.iter().map(|&r| log_likelihood(*c, r)).collect())
        .collect();
    let best_ll = total.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let weights: Vec<f64> = total.iter().map(|l| (l - best_ll).exp()).collect();
    let sum: f64 = weights.iter().sum();
    let (best, best_weight) =
        weights
            .iter()
            .copied()
            .enumerate()
            .fold(None, |acc: Option<(usize, f64)>, (k, w)| match acc {
                Some((_, bw)) if bw >= w => acc,
                _ => Some((k, w)),
            })?;
    // The interval: the run of days around it whose likelihood is within SUPPORT of the
    // best (a support interval); the confidence is the belief it holds.
    let floor = best_weight * (-SUPPORT).exp();
    let (mut lo, mut hi) = (best, best);
    while lo > 0 && weights.get(lo - 1).is_some_and(|&w| w >= floor) {
        lo -= 1;
    }
    while weights.get(hi + 1).is_some_and(|&w| w >= floor) {
        hi += 1;
    }
    let held: f64 = weights.get(lo..=hi).map_or(0.0, |w| w.iter().sum::<f64>()) / sum;
    // Evidence: the clues that favour the chosen day most over the average candidate.
    let mut telling: Vec<(f64, &(Clue, Span, String))> = per_clue
        .iter()
        .zip(clues)
        .filter_map(|(lls, clue)| {
            let mean = lls.iter().sum::<f64>() / n;
            let gain = lls.get(best)? - mean;
            (gain > 0.5).then_some((gain, clue))
        })
        .collect();
    telling.sort_by(|x, y| y.0.total_cmp(&x.0));
    let evidence = telling
        .iter()
        .map(|(_, (_, span, value))| Evidence {
            span: *span,
            value: value.clone(),
        })
        .collect();
    Some(Inferred {
        date: *days.get(best)?,
        earliest: *days.get(lo)?,
        latest: *days.get(hi)?,
        confidence: prior * held,
        evidence,
    })
}

/// `ln(sum(exp(x)))`, without overflow.
fn log_sum_exp(xs: &[f64]) -> f64 {
    let top = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !top.is_finite() {
        return top;
    }
    top + xs.iter().map(|x| (x - top).exp()).sum::<f64>().ln()
}

/// The density of a named full date (or month) a day, far from publication: most full dates
/// that carry their year are of other years (TimeBank: 12 of 14), as wire style writes
/// the year only then.
const FAR_DAY: f64 = 0.6 / 3650.0;

/// The chance of a named year a few years from the year of publication, a year.
const FAR_YEAR: f64 = 0.05;

/// How many other years the publication year could be, when it is none of those named.
const OTHER_YEARS: f64 = 10.0;

/// `log p(clue | published on r)`, up to a constant per clue.
fn log_likelihood(clue: Clue, r: Date) -> f64 {
    match clue {
        Clue::Day(d) => {
            let o = days_between(r, d) as f64;
            // Mostly the days just before publication; what is planned, after it; and
            // anything in the article's story, over a few years.
            (0.2 * laplace(o, -1.0, 2.0)
                + 0.1 * laplace(o, 3.0, 15.0)
                + 0.1 * laplace(o, 0.0, 90.0)
                + FAR_DAY)
                .ln()
        }
        Clue::Month(first) => {
            let o = month_distance(r, first) as f64;
            (0.6 * laplace(o, 0.0, 20.0) + 0.25 * laplace(o, 0.0, 120.0) + FAR_DAY).ln()
        }
        Clue::Year(y) => {
            // Where a year written alone falls from the year of publication, as counted
            // on TimeBank (37 such years): as often the year before or after as the year
            // itself, and a few years back for the background.
            let dy = i32::from(y) - i32::from(r.year());
            let p = match dy {
                0 => 0.16,
                -1 | 1 => 0.22,
                -6..=-2 => 0.065,
                2..=5 => 0.04,
                _ => 0.004,
            };
            f64::ln(p)
        }
        Clue::YearlessDay { month, day, dir } => match place_yearless(r, month, day, dir) {
            Some(o) => {
                let o = o as f64;
                // Mostly the days just before (or after) publication, and a broad spread
                // over the months around it: a story recalls what happened in the spring.
                let near = match dir {
                    Dir::Past => 0.45 * laplace(o, -1.0, 3.0) + 0.25 * laplace(o, -30.0, 60.0),
                    Dir::Future => 0.45 * laplace(o, 2.0, 8.0) + 0.25 * laplace(o, 30.0, 60.0),
                    Dir::Nearest => 0.45 * laplace(o, 0.0, 4.0) + 0.25 * laplace(o, 0.0, 60.0),
                };
                (near + 0.3 / 365.0).ln()
            }
            None => (0.3f64 / 365.0).ln(),
        },
        Clue::YearlessMonth { month, dir } => match place_month(r, month, dir) {
            Some(o) => (0.7 * laplace(o as f64, 0.0, 25.0) + 0.3 / 365.0).ln(),
            None => (0.3f64 / 365.0).ln(),
        },
        Clue::Weekday { weekday, dir } => {
            let rw = i32::from(r.weekday().to_monday_zero_offset());
            let w = i32::from(weekday);
            // Days from r back to the weekday (0..6) and on to it (0..6).
            let back = (rw - w).rem_euclid(7);
            let on = (w - rw).rem_euclid(7);
            let (table, k) = match dir {
                Dir::Past => ([0.2, 0.4, 0.15, 0.09, 0.07, 0.05, 0.04], back),
                Dir::Future => ([0.1, 0.3, 0.2, 0.13, 0.1, 0.09, 0.08], on),
                Dir::Nearest => ([0.3, 0.2, 0.13, 0.07, 0.07, 0.13, 0.1], back),
            };
            let p: f64 = usize::try_from(k)
                .ok()
                .and_then(|k| table.get(k).copied())
                .unwrap_or(0.04);
            p.ln()
        }
    }
}

/// Density of the Laplace distribution at `x`.
fn laplace(x: f64, centre: f64, scale: f64) -> f64 {
    (-(x - centre).abs() / scale).exp() / (2.0 * scale)
}

/// Days from `r` to `d` (negative when `d` is before `r`).
fn days_between(r: Date, d: Date) -> i64 {
    r.until(d).map_or(0, |s| i64::from(s.get_days()))
}

/// Days from `r` to the month starting on `first`: 0 when `r` is in it.
fn month_distance(r: Date, first: Date) -> i64 {
    let next = first.checked_add(1.month()).unwrap_or(first);
    if r < first {
        days_between(r, first)
    } else if r >= next {
        days_between(r, next) - 1
    } else {
        0
    }
}

/// Days from `r` to the `month`-`day` it refers to, read in `dir`.
fn place_yearless(r: Date, month: i8, day: i8, dir: Dir) -> Option<i64> {
    let at = |y: i16| Date::new(y, month, day).ok();
    let y = r.year();
    let candidates: Vec<Date> = [y - 1, y, y + 1].into_iter().filter_map(at).collect();
    let pick = match dir {
        Dir::Past => candidates.iter().rev().find(|&&d| d <= r),
        Dir::Future => candidates.iter().find(|&&d| d >= r),
        Dir::Nearest => candidates.iter().min_by_key(|&&d| days_between(r, d).abs()),
    };
    pick.map(|&d| days_between(r, d))
}

/// Days from `r` to the month `month` it refers to, read in `dir` (0 when `r` is in it).
fn place_month(r: Date, month: i8, dir: Dir) -> Option<i64> {
    let y = r.year();
    let firsts: Vec<Date> = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, month, 1).ok())
        .collect();
    let distances: Vec<i64> = firsts.iter().map(|&f| month_distance(r, f)).collect();
    match dir {
        Dir::Past => distances.iter().copied().filter(|&o| o <= 0).max(),
        Dir::Future => distances.iter().copied().filter(|&o| o >= 0).min(),
        Dir::Nearest => distances.iter().copied().min_by_key(|o| o.abs()),
    }
}

fn digits(s: &str) -> Option<i32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `1987-02-26` (and `1987-02-26T15:00`) as a date.
fn full_date(v: &str) -> Option<Date> {
    let (y, m, d) = (v.get(0..4)?, v.get(5..7)?, v.get(8..10)?);
    if v.get(4..5)? != "-" || v.get(7..8)? != "-" || v.len() > 10 && v.get(10..11)? != "T" {
        return None;
    }
    Date::new(
        i16::try_from(digits(y)?).ok()?,
        i8::try_from(digits(m)?).ok()?,
        i8::try_from(digits(d)?).ok()?,
    )
    .ok()
}

/// `1987-02` as the month's first day.
fn year_month(v: &str) -> Option<Date> {
    if v.len() != 7 || v.get(4..5)? != "-" {
        return None;
    }
    let (y, m) = (digits(v.get(0..4)?)?, digits(v.get(5..7)?)?);
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, 1).ok()
}

/// `1987` as a year.
fn year(v: &str) -> Option<i16> {
    if v.len() != 4 {
        return None;
    }
    i16::try_from(digits(v)?).ok()
}

/// `XXXX-03-15` as month and day.
fn yearless_day(v: &str) -> Option<(i8, i8)> {
    let rest = v.strip_prefix("XXXX-")?;
    if rest.len() != 5 || rest.get(2..3)? != "-" {
        return None;
    }
    let (m, d) = (digits(rest.get(0..2)?)?, digits(rest.get(3..5)?)?);
    Date::new(2000, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    Some((m as i8, d as i8))
}

/// `XXXX-03` as a month.
fn yearless_month(v: &str) -> Option<i8> {
    let m = digits(v.strip_prefix("XXXX-")?)?;
    if v.len() != 7 || !(1..=12).contains(&m) {
        return None;
    }
    i8::try_from(m).ok()
}

/// `XXXX-WXX-6` as a weekday, 0 Monday .. 6 Sunday.
fn weekday(v: &str) -> Option<i8> {
    let n = digits(v.strip_prefix("XXXX-WXX-")?)?;
    (1..=7).contains(&n).then(|| (n - 1) as i8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use jiff::civil::date;

    fn guess(text: &str) -> Option<Inferred> {
        infer_published(&article::parse(text))
    }

    #[test]
    fn no_year_no_guess() {
        assert_eq!(
            guess("The talks were held on Saturday, officials said on March 3."),
            None
        );
    }

    #[test]
    fn a_full_date_and_a_past_weekday_pin_the_day() {
        // 26 February 1987 was a Thursday: "on Wednesday" in the past puts the article on
        // the Thursday or just after.
        let g = guess(
            "The board met on February 25, 1987, and said on Wednesday that it would pay the \
             dividend on March 15.",
        )
        .unwrap();
        assert!(g.earliest <= g.date && g.date <= g.latest);
        assert!(
            (date(1987, 2, 25)..=date(1987, 2, 28)).contains(&g.date),
            "{g:?}"
        );
        assert!(!g.evidence.is_empty());
    }

    #[test]
    fn a_year_alone_is_no_guess() {
        // Wire style writes a year for other years as often as for its own.
        assert_eq!(
            guess("Sales in 1986 rose by a third, the company said."),
            None
        );
        let a = article::parse("Sales in 1986 rose by a third, the company said.");
        let window = parse_window("1987").unwrap();
        assert_eq!(
            infer_published_within(&a, Some(window)),
            None,
            "nothing places the day"
        );
    }

    #[test]
    fn within_a_window_a_dateline_gives_the_day() {
        let a = article::parse(
            "SALVADOR, Feb 26 - Bahia cocoa zone showers continued throughout the week, the \
             company said.",
        );
        let g = infer_published_within(&a, Some(parse_window("1987").unwrap())).unwrap();
        assert_eq!(g.date, date(1987, 2, 26), "{g:?}");
        assert!(g.earliest <= g.date && g.date <= g.latest && g.latest < date(1987, 4, 1));
        assert!(g.confidence > 0.5 && g.confidence <= 1.0, "{g:?}");
        assert_eq!(
            g.evidence.first().map(|e| e.value.as_str()),
            Some("XXXX-02-26")
        );
    }

    #[test]
    fn a_crawl_date_closes_the_window() {
        let mut a = article::parse("The mayor said on Feb 26 that the bridge would reopen.");
        a.crawled = Some(crate::article::Published::from_date(date(2024, 3, 2)));
        let g = infer_published(&a).unwrap();
        assert!(g.latest <= date(2024, 3, 2), "never after the crawl: {g:?}");
        assert_eq!(g.date.year(), 2024);
    }

    #[test]
    fn windows_are_read_or_refused_clearly() {
        assert_eq!(
            parse_window("1987-02").unwrap(),
            (date(1987, 2, 1), date(1987, 2, 28))
        );
        let err = parse_window("spring").unwrap_err().to_string();
        assert!(
            err.contains("\"spring\"") && err.contains("FIRST..LAST"),
            "{err}"
        );
        let err = parse_window("2018-02-01..2018-02-30")
            .unwrap_err()
            .to_string();
        assert!(err.contains("February 2018 has 28 days"), "{err}");
    }

    #[test]
    fn directions_read_off_the_engine() {
        assert_eq!(full_date("1987-02-26T15:01"), Some(date(1987, 2, 26)));
        assert_eq!(full_date("1987-02-30"), None);
        assert_eq!(yearless_day("XXXX-03-15"), Some((3, 15)));
        assert_eq!(weekday("XXXX-WXX-6"), Some(5));
        assert_eq!(
            place_yearless(date(1987, 3, 20), 3, 15, Dir::Past),
            Some(-5)
        );
        assert_eq!(
            place_yearless(date(1987, 3, 10), 3, 15, Dir::Past),
            Some(-360)
        );
        assert_eq!(
            place_yearless(date(1987, 3, 10), 3, 15, Dir::Future),
            Some(5)
        );
        assert_eq!(month_distance(date(1987, 3, 10), date(1987, 3, 1)), 0);
        assert_eq!(month_distance(date(1987, 4, 10), date(1987, 3, 1)), -10);
    }
}
