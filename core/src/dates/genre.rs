//! The genre of a text, which decides what its year-less dates are read against.
//!
//! - [`Genre::News`]: the text reports what is happening around its publication date, so
//!   `in June`, `May 25` and `Easter` are the nearest ones to that date in the direction
//!   of the sentence (see the module docs of [`crate::dates`]).
//! - [`Genre::Narrative`]: the text tells what happened at another time (history,
//!   retrospectives, obituaries, features), so a year-less date is in the time the
//!   narrative is in: the year of the date it last named (its temporal focus), carried
//!   through the discourse, paragraph after paragraph. `On June 25, 1950, the North
//!   invaded. ... In July` is July 1950 whatever the publication date. With a month or a
//!   day in focus, the occurrence nearest to it is taken (`December 16, 1944 ... in
//!   January` is January 1945); with only a year, that year. Periods a news report tells
//!   from the day of writing are told from the focus (`the end of the year`, `next
//!   month`, `two years ago`: gold narrative annotation reads them so), without becoming
//!   the focus themselves; days and weeks (`today`, `this week`, a bare weekday) stay
//!   with the day of writing. `Two days later` is a date after the focus (news keeps the
//!   length `two days`, as TimeBank annotates it).
//!
//! The genre is chosen from the text's own evidence unless the caller names one: a text
//! is narrative when it writes out at least [`NARRATIVE_MIN_YEARS`] years (`1950`, `June
//! 1950`, `May 25, 1950`) and points from the day of writing (`today`, `yesterday`,
//! `Friday`, `this week`, `tonight`) fewer than once for every [`YEARS_PER_DEICTIC`]
//! years it writes. A news report tells its events by the day of writing (`the World
//! Court Friday rejected`, `today became members`) even when it recalls history; a
//! narrative dates its events by the calendar, and the day it was written is not in it.
//! Without a publication date a text is read as news: year-less dates stay
//! underspecified.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;

use super::expr::{Expr, YearRef};

/// Years a text must write out before its genre can be told narrative.
pub const NARRATIVE_MIN_YEARS: usize = 5;

/// A narrative points from the day of writing less than once per this many years it
/// writes out.
pub const YEARS_PER_DEICTIC: usize = 10;

/// What a text's year-less dates are read against (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Genre {
    /// Anchored to the publication date.
    #[default]
    News,
    /// Anchored to the time the narrative is in.
    Narrative,
}

impl Genre {
    /// Every genre, in the order they are listed in help texts.
    pub const ALL: [Genre; 2] = [Genre::News, Genre::Narrative];

    /// The name used in options and output: `news`, `narrative`.
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Narrative => "narrative",
        }
    }

    /// The genre called `name`, if any.
    pub fn from_name(name: &str) -> Option<Genre> {
        Genre::ALL.into_iter().find(|g| g.as_str() == name)
    }
}

impl fmt::Display for Genre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Genre {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Genre> {
        Genre::from_name(s.trim()).ok_or_else(|| {
            let names: Vec<&str> = Genre::ALL.iter().map(|g| g.as_str()).collect();
            crate::Error::new(crate::error::ErrorKind::InvalidArgument(format!(
                "unknown genre {s:?}; use {}",
                names.join(", ")
            )))
        })
    }
}

/// What a first reading of a text tells about its genre: the years it writes out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Evidence {
    years: Vec<i32>,
    /// Expressions that point from the day of writing: `today`, `Friday`, `this week`.
    deictic: usize,
}

impl Evidence {
    /// Notes the year `e` writes out, if it writes one.
    pub(crate) fn add(&mut self, e: &Expr) {
        if let Some(y) = written_year(e) {
            self.years.push(y);
        }
        if deictic(e) {
            self.deictic += 1;
        }
    }

    /// The genre the evidence points to, for a text published on `reference`.
    pub(crate) fn genre(&self, reference: Option<Date>) -> Genre {
        let years = self.years.len();
        if reference.is_some()
            && years >= NARRATIVE_MIN_YEARS
            && self.deictic * YEARS_PER_DEICTIC < years
        {
            Genre::Narrative
        } else {
            Genre::News
        }
    }
}

/// Whether `e` points from the day of writing: `today`, `yesterday`, a bare weekday,
/// `this week`, `tonight`.
fn deictic(e: &Expr) -> bool {
    use super::lexicon::Unit;
    match e {
        Expr::DayRel(_) | Expr::Weekday { .. } => true,
        Expr::UnitRel { unit, .. } => matches!(unit, Unit::Day | Unit::Week | Unit::Weekend),
        Expr::Time { day: Some(d), .. } | Expr::PartOfDay { day: d, .. } => deictic(d),
        _ => false,
    }
}

/// The year an expression writes out: `1950`, `June 1950`, `May 25, 1950`, `the third
/// quarter of 1986`, `Easter 1916`.
fn written_year(e: &Expr) -> Option<i32> {
    let year = match e {
        Expr::Year(y)
        | Expr::Month { year: y, .. }
        | Expr::MonthDay { year: y, .. }
        | Expr::Quarter { year: y, .. }
        | Expr::Half { year: y, .. }
        | Expr::Season { year: y, .. }
        | Expr::Holiday { year: y, .. } => *y,
        Expr::Time { day: Some(d), .. } | Expr::PartOfDay { day: d, .. } | Expr::WeekOf(d) => {
            return written_year(d);
        }
        _ => return None,
    };
    match year {
        YearRef::Abs(y) => Some(y),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn evidence(years: usize, deictic: usize) -> Evidence {
        let mut e = Evidence::default();
        for y in 0..years {
            e.add(&Expr::Year(YearRef::Abs(1940 + y as i32)));
        }
        for _ in 0..deictic {
            e.add(&Expr::DayRel(-1));
        }
        e
    }

    #[test]
    fn years_written_out_and_no_day_of_writing_make_a_narrative() {
        let r = Some(date(2009, 12, 19));
        assert_eq!(evidence(5, 0).genre(r), Genre::Narrative);
        assert_eq!(evidence(4, 0).genre(r), Genre::News, "too few years");
        assert_eq!(evidence(11, 1).genre(r), Genre::Narrative);
        assert_eq!(
            evidence(10, 1).genre(r),
            Genre::News,
            "one `yesterday` per ten years"
        );
        assert_eq!(evidence(7, 2).genre(r), Genre::News);
        assert_eq!(evidence(50, 0).genre(None), Genre::News, "no reference");
    }

    #[test]
    fn names_round_trip() {
        for g in Genre::ALL {
            assert_eq!(g.as_str().parse::<Genre>().unwrap(), g);
        }
        assert!("poetry".parse::<Genre>().is_err());
    }
}
