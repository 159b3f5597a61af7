//! What the grammar understood of an expression, before it is resolved against a reference
//! date.

use super::lexicon::{Holiday, Pod, Season, Unit};

/// How the year of a calendar expression is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: `1998`, `'98`, `fiscal 1989`.
    Abs(i32),
    /// Relative to the reference year: `this year` 0, `last year` -1, `next year` 1.
    Rel(i32),
    /// Not given: inferred from the reference date and the tense of the sentence.
    Infer,
}

/// How a named day, month, season or holiday without a year relates to the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// Bare (`Saturday`, `in January`): the tense of the sentence decides.
    Bare,
    /// `last`/`past`/`previous`: the most recent one strictly before the reference.
    Last,
    /// `next`/`coming`: the first one strictly after the reference.
    Next,
    /// `this`: the one of the current week, year...
    This,
}

/// A number as written: exact, or vague (`a few`, `several`, `some`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    Exact(f64),
    Vague,
}

/// A TIMEX3 `mod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mod {
    /// Before the time: `before` as part of the expression (`pre-1990`).
    Before,
    /// After the time (`post-1959`).
    After,
    /// `1994 or earlier`.
    OnOrBefore,
    /// `1990 and beyond`, `1994 or later`.
    OnOrAfter,
    /// `less than two years`, `nearly three years`.
    LessThan,
    /// `more than four hours`, `over a week`.
    MoreThan,
    /// `no more than sixty days`, `up to 180 days`, `within 18 months`.
    EqualOrLess,
    /// `at least 30 days`.
    EqualOrMore,
    /// `early June`, `the beginning of October`, `earlier this year`.
    Start,
    /// `mid-November`, `the middle of October`.
    Mid,
    /// `late May`, `the end of the year`, `later this month`.
    End,
    /// `about two years`, `around 7:15 p.m.`.
    Approx,
}

impl Mod {
    /// The TIMEX3 spelling: `START`, `APPROX`, `ON_OR_AFTER`...
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
            Mod::OnOrBefore => "ON_OR_BEFORE",
            Mod::OnOrAfter => "ON_OR_AFTER",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
        }
    }

    /// Reads a TIMEX3 `mod` value.
    pub fn parse(value: &str) -> Option<Mod> {
        Some(match value {
            "BEFORE" => Mod::Before,
            "AFTER" => Mod::After,
            "ON_OR_BEFORE" => Mod::OnOrBefore,
            "ON_OR_AFTER" => Mod::OnOrAfter,
            "LESS_THAN" => Mod::LessThan,
            "MORE_THAN" => Mod::MoreThan,
            "EQUAL_OR_LESS" => Mod::EqualOrLess,
            "EQUAL_OR_MORE" => Mod::EqualOrMore,
            "START" => Mod::Start,
            "MID" => Mod::Mid,
            "END" => Mod::End,
            "APPROX" => Mod::Approx,
            _ => return None,
        })
    }

    /// True for the modifiers that narrow a calendar period (`START`, `MID`, `END`).
    pub(crate) fn is_part(self) -> bool {
        matches!(self, Mod::Start | Mod::Mid | Mod::End)
    }
}

/// The general `*_REF` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefPoint {
    Present,
    Past,
    Future,
}

/// A clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    pub hour: u8,
    /// Minutes, when written (`10:35`); `None` for `10 p.m.`.
    pub minute: Option<u8>,
    /// Offset of the named zone from UTC, in minutes.
    pub zone: Option<i16>,
}

/// A set's repetition.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SetSpec {
    /// The TIMEX3 value (`P1W`, `XXXX-WXX-1`).
    pub value: String,
    /// `EACH`, `EVERY`.
    pub quant: Option<&'static str>,
    /// `2X` for `twice a week`.
    pub freq: Option<String>,
}

/// What an expression means.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A year.
    Year(YearRef),
    /// A decade, by its first three digits (`199` for the 1990s).
    Decade(i32),
    /// A century, by its first two digits (`19` for the 1900s).
    Century(i32),
    /// This, last or next century relative to the reference.
    CenturyRel(i32),
    /// A month of a year.
    Month { month: u8, year: YearRef, rel: Rel },
    /// A day of a month.
    MonthDay { month: u8, day: u8, year: YearRef },
    /// A day of a month named with its weekday and no year: `Saturday, April 25`.
    MonthDayWeekday { month: u8, day: u8, weekday: u8 },
    /// A day of an unnamed month: `the 27th`.
    DayOfMonth(u8),
    /// A weekday, optionally checked against a full date written beside it.
    Weekday { weekday: u8, rel: Rel },
    /// A quarter (1-4) of a year.
    Quarter { q: u8, year: YearRef, fiscal: bool },
    /// The latest quarter (`the quarter`, `the latest quarter`), or one relative to it.
    QuarterRel(i32),
    /// A half (1-2) of a year.
    Half { h: u8, year: YearRef },
    /// A season.
    Season {
        season: Season,
        year: YearRef,
        rel: Rel,
    },
    /// A holiday.
    Holiday {
        holiday: Holiday,
        year: YearRef,
        rel: Rel,
    },
    /// `today` 0, `yesterday` -1, `tomorrow` 1.
    DayRel(i32),
    /// `this week` 0, `last month` -1, `next year` 1, by unit.
    UnitRel { unit: Unit, offset: i32 },
    /// A point `n` units before (`sign` -1: `ago`, `earlier`) or after (+1) the reference.
    Shift { n: Amount, unit: Unit, sign: i32 },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(RefPoint),
    /// A clock time on a day (the reference day when `day` is `None`).
    Time {
        day: Option<Box<Expr>>,
        clock: Clock,
    },
    /// A part of a day.
    PartOfDay { day: Box<Expr>, pod: Pod },
    /// The week holding a day: `the week of March 6`.
    WeekOf(Box<Expr>),
    /// The weekend next to a day: `Memorial Day weekend` (the one before a Monday),
    /// `Thanksgiving weekend` (the one after a Thursday).
    WeekendOf(Box<Expr>),
    /// A length of time.
    Duration { n: Amount, unit: Unit },
    /// `in two weeks`: the point that far ahead when the sentence looks ahead, else the
    /// length.
    InFuture { n: Amount, unit: Unit },
    /// A composite length (`a minute and a half`, `2 1/2 years`), already written as a
    /// TIMEX3 duration.
    DurationValue(String),
    /// A repetition.
    Set(SetSpec),
    /// `the same period last year`, `the corresponding quarter a year earlier`, `the same
    /// month of 1985`: the period in focus (a month, quarter, half or season) in the year
    /// the boxed expression names (`last year`: a year before), or that year itself when no
    /// period is in focus.
    YearBeforeFocus(Box<Expr>),
    /// A date told from the one the text last named (its temporal focus), not from the
    /// reference date: `the following year` (+1), `the previous day` (-1), `that month`,
    /// `the same day` (0), `the following Monday` (the first Monday after the focus).
    /// `fallback` is its reading against the reference date when the text named no date
    /// fine enough before it; without a fallback (`that year`) it is no expression then.
    Anchored {
        unit: Unit,
        /// A weekday (Monday = 1) instead of a unit, or 0.
        weekday: u8,
        offset: i32,
        fallback: Option<Box<Expr>>,
    },
}
