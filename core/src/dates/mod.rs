//! Temporal expressions, found and resolved against the publication date.
//!
//! [`find`] reads a text and returns every temporal expression in it as a [`Timex`]: its
//! span, its TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`) and value (`2018-04-17`,
//! `2018-W16`, `2018-Q2`, `P68Y`, `XXXX-WXX-1`, `PRESENT_REF`...), its `mod` (`START` for
//! "early June", `APPROX` for "about two years"), `quant`/`freq` for sets, and, where the
//! value is a calendar date or period, the resolved interval `[start, end)` in dates.
//! Ranges ("from 2017 to 2021", "late May or early June", "May 5-7") come as their TimeML
//! parts, each carrying the whole [`DateRange`] too.
//!
//! ```
//! use copydesk::dates::{self, TimexType};
//! use jiff::civil::date;
//!
//! let text = "CNN reported Saturday that the summit could be in late May or early June.";
//! let found = dates::find(text, Some(date(2018, 4, 17)));
//! let values: Vec<(&str, &str)> = found.iter().map(|t| (t.text(text), t.value.as_str())).collect();
//! assert_eq!(values, [("Saturday", "2018-04-14"), ("late May", "2018-05"), ("early June", "2018-06")]);
//! assert_eq!(found[0].kind, TimexType::Date);
//! assert_eq!(found[1].modifier.map(|m| m.as_str()), Some("END"));
//! // "late May" is May 21 to May 31; the range runs on to the end of early June.
//! let late_may = found[1].interval.unwrap();
//! assert_eq!((late_may.start.to_string(), late_may.end.to_string()), ("2018-05-21".into(), "2018-06-01".into()));
//! let range = found[1].range.as_ref().unwrap();
//! assert_eq!(range.span.slice(text), "late May or early June");
//! assert_eq!(range.interval.unwrap().end.to_string(), "2018-06-11");
//! ```
//!
//! Without a reference date what the text fixes is still resolved, and the rest is left
//! underspecified, never guessed from today's date:
//!
//! ```
//! let found = copydesk::dates::find("Talks resume in May; the war ended in July 1953.", None);
//! let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["XXXX-05", "1953-07"]);
//! ```
//!
//! ## How bare weekdays and months are read
//!
//! A weekday, month, date, season or holiday named without a year or `last`/`next`/`this`
//! is read in the direction of its sentence, the way news uses them:
//!
//! 1. The cue word nearest to the expression in its sentence decides (at equal distance,
//!    the one before it). Past cues: past-tense verbs (`said`, `reported`, `met`, words in
//!    `-ed`), `ago`, `yesterday`, `last`, `earlier`. Future cues: `will`, `'ll`, `would`,
//!    `could`, `might`, the modal `may`, `going to`, `plans to`, `set to`, `expected`,
//!    `scheduled`, `slated`, `due`, `effective`, `targeting`, `eyeing`, `upcoming`, `next`,
//!    `tomorrow`. `by`/`until` right before the expression make it a deadline ahead, and
//!    `since` a start in the past however far back (then rule 2's limit is a year). A
//!    future cue after `was`/`had`/`been` is the future in the past, so a past cue; a
//!    participle after `be` ("will be paid") and an adjective like `unspecified` are none.
//! 2. A weekday then goes back or ahead within the week (the reference day itself when it
//!    is that weekday: "CNN reported Saturday" on a Saturday is that day). A month or date
//!    goes to the nearest occurrence on that side, unless that one is far (past: more than
//!    nine months back; future: more than ten months ahead), where the nearest occurrence wins:
//!    "the dividend is payable Nov. 16", in a sentence whose verb is "said", written in late
//!    October, is this November.
//! 3. With no cue, a weekday is the most recent one (news reports what happened), a date or
//!    month the nearest one, "the weekend" the nearest weekend.
//! 4. A weekday written beside a date without a year ("Saturday, April 25") picks the year
//!    in which that date is that weekday.
//!
//! In company news, "a year earlier" after a quarter is that quarter a year before, and
//! "the quarter" is the quarter last named.
//!
//! ## Anchoring to the date last named
//!
//! "The following year", "the previous day", "the next morning", "the following Monday",
//! "that year", "the same month", "that night" and "later that day" count from the
//! temporal focus, the date the text last named, as TimeML annotates them: "the ferry
//! sank on Oct. 3. The next day..." is Oct. 4. Without a date fine enough before them,
//! the first kind keep their reading against the reference date and the demonstratives
//! ("that year") are no expression. A clock time without a day ("at 10:30 a.m.") is on
//! the day last named, when one was named shortly before it. "The same period last
//! year", "the same month a year earlier", "the corresponding quarter a year earlier" and
//! "last year's quarter" are the month, quarter, half or season last named, a year before;
//! "the same month of 1985" is that month in 1985. "The last (final) quarter of 1986" is
//! its fourth quarter.
//!
//! Each rule has its cases in `core/tests/data/dates/*.toml`.
//!
//! ## TimeML
//!
//! [`timeml`] reads a TimeML document (its creation time is the reference date) and writes
//! it back with the TIMEX3 tags found, the text unchanged: the format TempEval scorers read.

mod calendar;
mod discourse;
mod expr;
mod genre;
mod grammar;
mod infer;
mod lexicon;
mod resolve;
mod tense;
pub mod timeml;
mod token;

use jiff::civil::Date;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::article::{Article, BlockKind};
use crate::text::{Span, SpanConverter};

pub use expr::Mod;
pub use genre::{COLLOQUIAL_MAX_CHARS, Genre, NARRATIVE_MIN_YEARS, YEARS_PER_DEICTIC};
pub use infer::{
    CRAWL_LOOKBACK_YEARS, Evidence, Inferred, InferredJson, SUPPORT, infer_published,
    infer_published_within, parse_window,
};

use expr::{Expr, Rel, YearRef};
use grammar::{Grammar, Match};
use token::Tok;

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimexType {
    /// A calendar date or period: `Friday`, `April 2018`, `the third quarter`, `now`.
    Date,
    /// A time of day: `10:35 a.m.`, `Friday night`, `this morning`.
    Time,
    /// A length of time: `three years`, `a two-day summit`, `decades`.
    Duration,
    /// A repetition: `every Monday`, `annually`, `twice a week`.
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The direction a sentence points in, for bare weekdays and months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    Past,
    /// The past however far back: `since March`.
    SurelyPast,
    /// A period's last day (`the quarter ended March 31`): the most recent one, or one at
    /// most a month ahead, a period about to end named as over.
    Ended,
    Future,
    Unknown,
}

impl Direction {
    /// Whether the expression looks back from the reference (a past cue, `since`, `ended`).
    pub(crate) fn backward(self) -> bool {
        matches!(
            self,
            Direction::Past | Direction::SurelyPast | Direction::Ended
        )
    }
}

/// A half-open interval of calendar days `[start, end)`: `2018-05` is
/// `[2018-05-01, 2018-06-01)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    /// The first day.
    pub start: Date,
    /// The day after the last day.
    pub end: Date,
}

/// A range written as two expressions: "from 2017 to 2021", "late May or early June",
/// "May 5-7", "between 1990 and 1995".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRange {
    /// The whole range in the text, connecting words included ("from 2017 to 2021").
    pub span: Span,
    /// From the start of the first part to the end of the second, when both resolve.
    pub interval: Option<Interval>,
}

/// One temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Where it is in the text.
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value.
    pub value: String,
    /// Its TIMEX3 `mod`, when a modifier belongs to it.
    pub modifier: Option<Mod>,
    /// For a set: `EVERY` or `EACH`.
    pub quant: Option<String>,
    /// For a set: how often per period (`2X` for "twice a week").
    pub freq: Option<String>,
    /// The calendar days it covers, when the value is a date or period that could be
    /// resolved (narrowed by a `START`, `MID` or `END` modifier).
    pub interval: Option<Interval>,
    /// The range it is a part of, if any.
    pub range: Option<DateRange>,
}

impl Timex {
    /// The expression's text in `input` (the text it was found in).
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        self.span.slice(input)
    }

    /// A view of the expression for JSON output, with offsets in `converter`'s unit.
    pub fn to_json<'a>(
        &'a self,
        input: &'a str,
        converter: &'a SpanConverter<'a>,
    ) -> TimexJson<'a> {
        TimexJson {
            timex: self,
            input,
            converter,
            article: None,
            inferred_reference: false,
            genre: None,
        }
    }
}

/// A [`Timex`] as JSON: `text`, `start`, `end`, `type`, `value`, `mod`, `interval`
/// (`[start, end)` as ISO dates, or null), and, where they apply, `quant`, `freq` and
/// `range` (`text`, `start`, `end`, `interval`).
pub struct TimexJson<'a> {
    timex: &'a Timex,
    input: &'a str,
    converter: &'a SpanConverter<'a>,
    article: Option<&'a str>,
    inferred_reference: bool,
    genre: Option<Genre>,
}

impl<'a> TimexJson<'a> {
    /// Adds `"genre"`: the genre the text was read in (see [`Genre`]).
    pub fn with_genre(mut self, genre: Genre) -> TimexJson<'a> {
        self.genre = Some(genre);
        self
    }

    /// Adds `"reference": "inferred"`: the expression was resolved against a publication
    /// date inferred from the article (see [`infer_published`]), not one it was given.
    pub fn with_inferred_reference(mut self, yes: bool) -> TimexJson<'a> {
        self.inferred_reference = yes;
        self
    }

    /// Adds the `article` field (the article's id) first.
    pub fn with_article(mut self, id: &'a str) -> TimexJson<'a> {
        self.article = Some(id);
        self
    }
}

fn interval_json(i: Option<Interval>) -> Option<[String; 2]> {
    i.map(|i| [i.start.to_string(), i.end.to_string()])
}

struct RangeJson<'a> {
    range: &'a DateRange,
    input: &'a str,
    converter: &'a SpanConverter<'a>,
}

impl Serialize for RangeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (start, end) = self.converter.convert(self.range.span);
        let mut st = s.serialize_struct("DateRange", 4)?;
        st.serialize_field("text", self.range.span.slice(self.input))?;
        st.serialize_field("start", &start)?;
        st.serialize_field("end", &end)?;
        st.serialize_field("interval", &interval_json(self.range.interval))?;
        st.end()
    }
}

impl Serialize for TimexJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.timex;
        let (start, end) = self.converter.convert(t.span);
        let mut st = s.serialize_struct("Timex", 12)?;
        if let Some(id) = self.article {
            st.serialize_field("article", id)?;
        }
        st.serialize_field("text", t.text(self.input))?;
        st.serialize_field("start", &start)?;
        st.serialize_field("end", &end)?;
        st.serialize_field("type", t.kind.as_str())?;
        st.serialize_field("value", &t.value)?;
        st.serialize_field("mod", &t.modifier.map(Mod::as_str))?;
        st.serialize_field("interval", &interval_json(t.interval))?;
        if t.quant.is_some() {
            st.serialize_field("quant", &t.quant)?;
        }
        if t.freq.is_some() {
            st.serialize_field("freq", &t.freq)?;
        }
        if let Some(range) = &t.range {
            st.serialize_field(
                "range",
                &RangeJson {
                    range,
                    input: self.input,
                    converter: self.converter,
                },
            )?;
        }
        if self.inferred_reference {
            st.serialize_field("reference", "inferred")?;
        }
        if let Some(g) = self.genre {
            st.serialize_field("genre", g.as_str())?;
        }
        st.end()
    }
}

/// Finds every temporal expression in `text` and resolves it against `reference` (the
/// publication date). Without a reference, relative expressions get underspecified values
/// (`XXXX-WXX-6`) and no interval.
///
/// The expressions come in text order and never overlap.
pub fn find(text: &str, reference: Option<Date>) -> Vec<Timex> {
    read(text, reference, None).timexes
}

/// The temporal expressions of a text and the genre they were read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The genre: the one asked for, else the one the text's evidence points to.
    pub genre: Genre,
    /// The expressions, in text order, never overlapping.
    pub timexes: Vec<Timex>,
}

/// Finds every temporal expression in `text` and resolves it against `reference` in
/// `genre`, or, when `genre` is `None`, in the genre the text's own evidence points to
/// (see [`Genre`]). [`find`] is `read(text, reference, None).timexes`.
///
/// ```
/// use copydesk::dates::{self, Genre};
/// use jiff::civil::date;
///
/// let text = "The war began on June 25, 1950, and ended in 1953. The armistice talks \
///             ran from 1951 to 1953. In March 1951, Seoul changed hands again. In July, \
///             the armies met at Kaesong.";
/// let reading = dates::read(text, Some(date(2009, 12, 19)), None);
/// assert_eq!(reading.genre, Genre::Narrative);
/// let july = reading.timexes.last().unwrap(); // a month in focus: the nearest July
/// assert_eq!((july.text(text), july.value.as_str()), ("July", "1951-07"));
/// let as_news = dates::read(text, Some(date(2009, 12, 19)), Some(Genre::News));
/// assert_eq!(as_news.timexes.last().unwrap().value, "2009-07");
/// ```
pub fn read(text: &str, reference: Option<Date>, genre: Option<Genre>) -> Reading {
    read_pieces(&[(text, 0)], reference, genre)
}

/// Finds the temporal expressions of an article, resolved against its publication date.
/// Each block is read by itself (an expression never spans two blocks), and boilerplate
/// blocks (page residue) are skipped; spans index [`Article::text`].
pub fn find_in_article(article: &Article) -> Vec<Timex> {
    read_article(article, None).timexes
}

/// [`find_in_article`] in `genre`, or in the genre the article's evidence points to; the
/// temporal focus is carried from block to block.
pub fn read_article(article: &Article, genre: Option<Genre>) -> Reading {
    let pieces: Vec<(&str, usize)> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Boilerplate)
        .map(|b| (article.block_text(b), b.span.start))
        .collect();
    read_pieces(&pieces, article.published.map(|p| p.date()), genre)
}

/// [`find_in_article`] for many articles in parallel (on the current rayon pool), in order.
pub fn find_in_articles(articles: &[Article]) -> Vec<Vec<Timex>> {
    read_articles(articles, None)
        .into_iter()
        .map(|r| r.timexes)
        .collect()
}

/// [`read_article`] for many articles in parallel (on the current rayon pool), in order.
pub fn read_articles(articles: &[Article], genre: Option<Genre>) -> Vec<Reading> {
    use rayon::prelude::*;
    articles
        .par_iter()
        .map(|a| read_article(a, genre))
        .collect()
}

/// Reads the pieces of one text (each with its byte offset in it) in `genre`, or first as
/// news to gather the evidence of its genre and again in that genre when it is another.
fn read_pieces(pieces: &[(&str, usize)], reference: Option<Date>, genre: Option<Genre>) -> Reading {
    let mut toks = Vec::new();
    let run = |genre: Genre, toks: &mut Vec<Tok>| {
        let mut ctx = Context {
            genre,
            focus: discourse::Focus::default(),
            evidence: genre::Evidence::default(),
        };
        let mut out = Vec::new();
        for &(piece, offset) in pieces {
            find_into(piece, offset, reference, &mut ctx, toks, &mut out);
        }
        (out, ctx.evidence)
    };
    let (timexes, evidence) = run(genre.unwrap_or_default(), &mut toks);
    let chosen = genre.unwrap_or_else(|| evidence.genre(reference));
    let timexes = if genre.is_none() && chosen != Genre::default() {
        run(chosen, &mut toks).0
    } else {
        timexes
    };
    Reading {
        genre: chosen,
        timexes,
    }
}

/// What the reading of one text carries from block to block.
struct Context {
    genre: Genre,
    focus: discourse::Focus,
    evidence: genre::Evidence,
}

/// Finds expressions in `text` (which starts at byte `offset` of the caller's text) and
/// appends them to `out` with spans shifted by `offset`.
fn find_into(
    text: &str,
    offset: usize,
    reference: Option<Date>,
    ctx: &mut Context,
    toks: &mut Vec<Tok>,
    out: &mut Vec<Timex>,
) {
    token::tokenize(text, toks);
    ctx.evidence.note_text(text);
    if ctx.genre == Genre::Colloquial {
        token::read_as_typed(text, toks);
    }
    let g = Grammar::new(text, toks).in_narrative(ctx.genre == Genre::Narrative);
    let mut matches: Vec<Match> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if g.can_start(i)
            && let Some(m) = g.match_at(i)
            && m.end > i
        {
            i = m.end;
            if !in_name(text, toks, &m) {
                matches.push(m);
            }
            continue;
        }
        i += 1;
    }
    // `out[first..]` are this text's expressions, one per match, in the same order; the
    // indices `k`, `a`, `b` below are bounded by `matches.len()`, which equals their number.
    let first = out.len();
    // `second[k]`: match `k` is the second part of a range whose first is match `k - 1`.
    let mut second = vec![false; matches.len()];
    // Range tails: `May 5-7`, `2017-21`, written as one expression and a number.
    let mut k = 0;
    while let Some(m) = matches.get(k) {
        if let Some((tail, is_range)) = range_tail(toks, m, matches.get(k + 1)) {
            matches.insert(k + 1, tail);
            second.insert(k + 1, is_range);
            k += 2;
            continue;
        }
        k += 1;
    }
    for m in &matches {
        ctx.evidence.add(&m.expr);
        out.push(resolve_match(text, toks, m, reference, offset));
    }
    if let Some(found) = out.get_mut(first..) {
        discourse::quarters(&matches, found);
        // Drop the demonstratives (`that year`) that had nothing to point back to, from
        // the three lists that run in step.
        let keep = discourse::anchor(&matches, found, &mut ctx.focus, ctx.genre);
        let mut kept = keep.iter().copied();
        matches.retain(|_| kept.next().unwrap_or(true));
        let mut kept = keep.iter().copied();
        second.retain(|_| kept.next().unwrap_or(true));
        let mut kept = std::iter::repeat_n(true, first).chain(keep.iter().copied());
        out.retain(|_| kept.next().unwrap_or(true));
    }
    // Ranges between two expressions: `from 2017 to 2021`, `late May or early June`.
    for k in 0..matches.len().saturating_sub(1) {
        let taken =
            second.get(k).copied().unwrap_or(false) || second.get(k + 1).copied().unwrap_or(false);
        if !taken
            && let (Some(a), Some(b)) = (matches.get(k), matches.get(k + 1))
            && connects(toks, a, b)
            && let Some(s) = second.get_mut(k + 1)
        {
            *s = true;
        }
    }
    let parts: Vec<(usize, usize)> = (1..matches.len())
        .filter(|&k| second.get(k).copied().unwrap_or(false))
        .map(|k| (k - 1, k))
        .collect();
    for (a, b) in parts {
        let (Some(ma), Some(mb)) = (matches.get(a), matches.get(b)) else {
            continue;
        };
        if let Ok([ta, tb]) = out.get_disjoint_mut([first + a, first + b]) {
            discourse::order_range(ma, mb, ta, tb);
        }
        let (Some(ta), Some(tb)) = (out.get(first + a), out.get(first + b)) else {
            continue;
        };
        if !(ta.kind == TimexType::Date || ta.kind == TimexType::Time)
            || !(tb.kind == TimexType::Date || tb.kind == TimexType::Time)
        {
            continue;
        }
        let mut start_tok = ma.start;
        if let Some(p) = start_tok.checked_sub(1)
            && toks
                .get(p)
                .and_then(|t| t.lex)
                .is_some_and(|l| matches!(l.w, lexicon::W::From | lexicon::W::Between))
        {
            start_tok = p;
        }
        let (Some(st), Some(en)) = (toks.get(start_tok), toks.get(mb.end - 1)) else {
            continue;
        };
        let interval = match (ta.interval, tb.interval) {
            (Some(x), Some(y)) if x.start < y.end => Some(Interval {
                start: x.start,
                end: y.end,
            }),
            _ => None,
        };
        let range = DateRange {
            span: Span::new(st.start + offset, en.end + offset),
            interval,
        };
        if let Some(t) = out.get_mut(first + a) {
            t.range = Some(range.clone());
        }
        if let Some(t) = out.get_mut(first + b) {
            t.range = Some(range);
        }
    }
    // The calendar of intervals is years 1 to 9999 (ISO 8601's four digits; Python's
    // dates): a reference in year 1 or 0 can put "last year" or "Friday" in year 0 or
    // before. Such an expression keeps its value and gets no interval, as one after
    // 9999-12-31 already does (there the end day cannot be written).
    for t in out.iter_mut().skip(first) {
        let before_year_1 = |i: &Option<Interval>| i.is_some_and(|i| i.start.year() < 1);
        if before_year_1(&t.interval) {
            t.interval = None;
        }
        if let Some(r) = t.range.as_mut()
            && before_year_1(&r.interval)
        {
            r.interval = None;
        }
    }
}

/// Whether a relative expression is part of a proper name, which TimeML leaves alone: a
/// title in capitals (`ABC's "This Week"`, `Good Morning America`), `Today` and
/// `Tonight` capitalised right after a capitalised word on the same line (`USA Today`,
/// `VOA Today`), or `Future` and `Past` capitalised before one (`the Future Industry
/// Association`, `the Past Masters`).
fn in_name(text: &str, toks: &[Tok], m: &Match) -> bool {
    let relative = matches!(
        m.expr,
        Expr::UnitRel { .. }
            | Expr::DayRel(_)
            | Expr::PartOfDay { .. }
            | Expr::Ref(_)
            | Expr::Anchored { .. }
    );
    let Some(words) = toks.get(m.start..m.end) else {
        return false;
    };
    if !relative || words.iter().any(|t| t.all_upper) {
        return false;
    }
    // A unit or part of the day in capitals after the first word: `This Week`.
    let title = words.len() >= 2
        && words.iter().all(|t| !t.is_word() || t.upper)
        && words
            .iter()
            .skip(1)
            .any(|t| t.lex.is_some_and(|l| l.unit.is_some() || l.pod.is_some()));
    let after_name = words.len() == 1
        && words.first().is_some_and(|t| {
            t.upper
                && t.lex
                    .is_some_and(|l| matches!(l.w, lexicon::W::Today | lexicon::W::Tonight))
        })
        && m.start
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| {
                let gap = words
                    .first()
                    .and_then(|t| text.get(p.end..t.start))
                    .unwrap_or("\n");
                p.is_word() && p.upper && !gap.contains('\n')
            });
    let before_name = words.last().is_some_and(|t| {
        t.upper
            && t.lex
                .is_some_and(|l| matches!(l.w, lexicon::W::Future | lexicon::W::Past))
    }) && toks
        .get(m.end)
        .is_some_and(|t| t.is_word() && t.upper && !t.all_upper);
    title || after_name || before_name
}

/// Whether two consecutive expressions form a range: joined by a dash, `to`, `through`,
/// `until`, `or`, or `and` after `between`.
fn connects(toks: &[Tok], a: &Match, b: &Match) -> bool {
    if b.start != a.end + 1 {
        return false;
    }
    let Some(mid) = toks.get(a.end) else {
        return false;
    };
    let w = mid.lex.map(|l| l.w);
    let calendar = |e: &Expr| {
        !matches!(
            e,
            Expr::Duration { .. } | Expr::DurationValue(_) | Expr::Set(_) | Expr::Ref(_)
        )
    };
    if !calendar(&a.expr) || !calendar(&b.expr) {
        return false;
    }
    match w {
        Some(lexicon::W::To | lexicon::W::Through | lexicon::W::Until | lexicon::W::Or) => true,
        Some(lexicon::W::And) => a
            .start
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .and_then(|t| t.lex)
            .is_some_and(|l| l.w == lexicon::W::Between),
        _ => matches!(mid.kind, token::Kind::Punct('-' | '–' | '—')),
    }
}

/// The second part of `May 5-7` or `2017-21`: a bare number after a dash or `to` that the
/// grammar did not read by itself, and whether it closes a range. A day after `and` or
/// `or` (`April 24 and 25`, `between May 15 and 29`) is the second date of a list, a range
/// only after `between` or with `or` (as [`connects`] reads them).
fn range_tail(toks: &[Tok], m: &Match, next: Option<&Match>) -> Option<(Match, bool)> {
    let sep = toks.get(m.end)?;
    let is_dash = matches!(sep.kind, token::Kind::Punct('-' | '–'));
    let is_word = sep
        .lex
        .is_some_and(|l| matches!(l.w, lexicon::W::To | lexicon::W::Through));
    let listed = sep
        .lex
        .is_some_and(|l| matches!(l.w, lexicon::W::And | lexicon::W::Or));
    if !(is_dash || is_word || listed) {
        return None;
    }
    // After `and`, only a day that ends its phrase (`April 24 and 25.`, `May 15 and 29
    // in Paris`), not a count (`May 5 and 6 others`).
    if listed
        && toks.get(m.end + 2).is_some_and(|t| {
            t.is_word() && !t.lex.is_some_and(|l| l.w != lexicon::W::None) && !t.upper
        })
    {
        return None;
    }
    let n = toks.get(m.end + 1)?;
    let (v, digits) = n.num()?;
    if next.is_some_and(|x| x.start == m.end + 1) {
        return None;
    }
    // Not followed by more of a number (`5-7:30`, `5-7.5`).
    if let Some(after) = toks.get(m.end + 2) {
        if !after.space_before
            && matches!(
                after.kind,
                token::Kind::Num { .. } | token::Kind::Punct(':' | '.' | '/')
            )
            && !(matches!(after.kind, token::Kind::Punct('.'))
                && toks.get(m.end + 3).is_none_or(|t| t.space_before))
        {
            return None;
        }
        if after.lex.is_some_and(|l| l.unit.is_some()) {
            return None;
        }
    }
    let expr = match &m.expr {
        Expr::MonthDay { month, day, year }
            if digits <= 2 && (1..=31).contains(&v) && v as u8 > *day =>
        {
            Expr::MonthDay {
                month: *month,
                day: v as u8,
                year: *year,
            }
        }
        Expr::Year(YearRef::Abs(y)) if digits == 2 && is_dash && !listed => {
            let century = y - y.rem_euclid(100);
            let mut y2 = century + v as i32;
            if y2 <= *y {
                y2 += 100;
            }
            Expr::Year(YearRef::Abs(y2))
        }
        _ => return None,
    };
    let is_range = !listed
        || sep.lex.is_some_and(|l| l.w == lexicon::W::Or)
        || m.start
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .and_then(|t| t.lex)
            .is_some_and(|l| l.w == lexicon::W::Between);
    Some((
        Match {
            start: m.end + 1,
            end: m.end + 2,
            expr,
            modifier: None,
        },
        is_range,
    ))
}

/// True when the expression's value depends on the direction of its sentence.
fn needs_direction(e: &Expr) -> bool {
    match e {
        Expr::Weekday { rel, .. } => *rel == Rel::Bare,
        Expr::Month { year, rel, .. }
        | Expr::Season { year, rel, .. }
        | Expr::Holiday { year, rel, .. } => *rel == Rel::Bare && *year == YearRef::Infer,
        Expr::MonthDay { year, .. } => *year == YearRef::Infer,
        Expr::Quarter { year, .. } => *year == YearRef::Infer,
        Expr::DayOfMonth(_) | Expr::InFuture { .. } | Expr::MonthDayWeekday { .. } => true,
        Expr::Time { day: Some(d), .. }
        | Expr::PartOfDay { day: d, .. }
        | Expr::WeekOf(d)
        | Expr::WeekendOf(d) => needs_direction(d),
        Expr::Anchored {
            fallback: Some(f), ..
        } => needs_direction(f),
        Expr::UnitRel {
            unit: lexicon::Unit::Weekend,
            offset: 0,
        } => true,
        _ => false,
    }
}

fn resolve_match(
    text: &str,
    toks: &[Tok],
    m: &Match,
    reference: Option<Date>,
    offset: usize,
) -> Timex {
    let direction = if reference.is_some() && needs_direction(&m.expr) {
        tense::direction(toks, text, m.start, m.end)
    } else {
        Direction::Unknown
    };
    let r = resolve::resolve(&m.expr, reference, direction);
    let (quant, freq) = match &m.expr {
        Expr::Set(s) => (s.quant.map(str::to_owned), s.freq.clone()),
        _ => (None, None),
    };
    let interval = r.interval.and_then(|iv| match m.modifier {
        Some(md) if md.is_part() => resolve::narrow(iv, md),
        _ => Some(iv),
    });
    // Spans: the first token's start to the last token's end (tokens lie on char
    // boundaries of `text`, and `m.start < m.end <= toks.len()` by construction).
    let start = toks.get(m.start).map_or(0, |t| t.start);
    let end = m
        .end
        .checked_sub(1)
        .and_then(|e| toks.get(e))
        .map_or(start, |t| t.end);
    Timex {
        span: Span::new(start + offset, end + offset),
        kind: r.kind,
        value: r.value,
        modifier: m.modifier,
        quant,
        freq,
        interval: interval.map(|(start, end)| Interval { start, end }),
        range: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn values(text: &str, r: Option<Date>) -> Vec<(String, String)> {
        find(text, r)
            .iter()
            .map(|t| (t.text(text).to_owned(), t.value.clone()))
            .collect()
    }

    #[test]
    fn seeds_examples() {
        let r = Some(date(2018, 4, 18));
        assert_eq!(
            values("a secret meeting in North Korea during Easter.", r),
            [("Easter".to_owned(), "2018-04-01".to_owned())]
        );
        assert_eq!(
            values("the conflict that broke out 68 years ago.", r),
            [("68 years ago".to_owned(), "1950".to_owned())]
        );
    }
}
