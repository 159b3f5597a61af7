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
//! - [`Genre::Colloquial`]: a short informal post (a tweet, a comment): anchored to its
//!   date as news is, but written as people type: weekday and month names in lower case
//!   (`see u monday`, `on 21 sep`; never `may` and `march`, and `wed`, `sat`, `sun` only
//!   after a word that points to a day: `this sun`), and informal spellings (`tmr`,
//!   `2nite`, `tdy`, `wknd`: the list is `COLLOQUIAL_SPELLINGS` in the lexicon).
//!
//! A text is colloquial when it is short (at most [`COLLOQUIAL_MAX_CHARS`] characters)
//! and shows a sign of informal writing: an `@mention`, a `#hashtag`, a link, an emoticon
//! or emoji, or a word of chat (`lol`, `gonna`, `u`: `INFORMAL_WORDS` in the lexicon).
//! Otherwise the genre is chosen from the text's own evidence unless the caller names one: a text
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
use super::lexicon;

/// Years a text must write out before its genre can be told narrative.
pub const NARRATIVE_MIN_YEARS: usize = 5;

/// A narrative points from the day of writing less than once per this many years it
/// writes out.
pub const YEARS_PER_DEICTIC: usize = 10;

/// The longest text that can be a colloquial post, in characters.
pub const COLLOQUIAL_MAX_CHARS: usize = 600;

/// What a text's year-less dates are read against (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Genre {
    /// Anchored to the publication date.
    #[default]
    News,
    /// Anchored to the time the narrative is in.
    Narrative,
    /// A short informal post: anchored to its date, read as people type.
    Colloquial,
}

impl Genre {
    /// Every genre, in the order they are listed in help texts.
    pub const ALL: [Genre; 3] = [Genre::News, Genre::Narrative, Genre::Colloquial];

    /// The name used in options and output: `news`, `narrative`.
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Narrative => "narrative",
            Genre::Colloquial => "colloquial",
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
    /// Characters of text read.
    chars: usize,
    /// A sign of informal writing was seen.
    informal: bool,
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

    /// Notes a piece of the text: its length and whether it shows signs of informal
    /// writing.
    pub(crate) fn note_text(&mut self, text: &str) {
        self.chars += text.chars().count();
        if !self.informal {
            self.informal = informal(text);
        }
    }

    /// The genre the evidence points to, for a text published on `reference`.
    pub(crate) fn genre(&self, reference: Option<Date>) -> Genre {
        if self.informal && self.chars <= COLLOQUIAL_MAX_CHARS {
            return Genre::Colloquial;
        }
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

/// Whether `text` shows a sign of informal writing: an `@mention`, a `#hashtag`, a link,
/// an emoticon or emoji, or a word of chat.
fn informal(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let mut chars = w.chars();
        let first = chars.next();
        let second = chars.next();
        let tagged = matches!(first, Some('@' | '#')) && second.is_some_and(char::is_alphanumeric);
        let link = w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.");
        let emoticon = matches!(
            w.trim_end_matches(['.', ',', '!']),
            ":)" | ":("
                | ":D"
                | ":P"
                | ":p"
                | ";)"
                | ":-)"
                | ":-("
                | ":-D"
                | ";-)"
                | "<3"
                | "xD"
                | "XD"
        );
        let emoji = w
            .chars()
            .any(|c| matches!(u32::from(c), 0x1F300..=0x1FAFF | 0x2600..=0x27BF));
        // A word of chat, as typed: lower case (`u`, not the `U` of `U.S.`).
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let chat = bare.len() == w.trim_end_matches(['.', ',', '!', '?']).len()
            && lexicon::INFORMAL_WORDS.contains(&bare);
        tagged || link || emoticon || emoji || chat
    })
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
