//! Publication dates: a calendar date, with the time and UTC offset when they are known.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, Time};
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// When an article was published.
///
/// The date is what relative expressions ("yesterday", "last week") resolve against; the
/// time and offset are kept when the source gives them.
///
/// ```
/// use copydesk::article::Published;
///
/// let p: Published = "2018-04-17T14:03:00Z".parse()?;
/// assert_eq!(p.date().to_string(), "2018-04-17");
/// assert_eq!(p.to_string(), "2018-04-17T14:03:00Z");
/// assert!("next Tuesday-ish".parse::<Published>().is_err());
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Published {
    date: Date,
    time: Option<Time>,
    offset: Option<Offset>,
}

impl Published {
    /// A publication date without a time.
    pub fn from_date(date: Date) -> Published {
        Published {
            date,
            time: None,
            offset: None,
        }
    }

    /// A publication date and time, with the UTC offset when known.
    pub fn from_parts(date: Date, time: Option<Time>, offset: Option<Offset>) -> Published {
        Published { date, time, offset }
    }

    /// The calendar date (in the publisher's local time when an offset was given).
    pub fn date(&self) -> Date {
        self.date
    }

    /// The local time of day, when known.
    pub fn time(&self) -> Option<Time> {
        self.time
    }

    /// The UTC offset of the time, when known.
    pub fn offset(&self) -> Option<Offset> {
        self.offset
    }

    /// Reads a publication date as metadata and pages write it:
    ///
    /// - ISO 8601 / RFC 3339: `2018-04-17`, `2018-04-17T14:03:00Z`,
    ///   `2018-04-17 14:03:00+01:00`;
    /// - written out, in any order, with an optional weekday (which must be the date's):
    ///   `April 17, 2018`, `17 April 2018`, `Tue 17 Apr 2018 10.03 BST`,
    ///   `Tue, 17 Apr 2018 10:03:00 +0100`, `3:41 PM ET, Sat April 7, 2018`;
    /// - numeric: `26-FEB-1987 15:01:01.79`, `4/17/2018` (month/day or day/month when
    ///   only one reading is a date), `17.04.2018`, `2018/04/17`;
    /// - after a label: `Updated ...`, `Published: ...`, `First published on ...`,
    ///   `Posted on ...`, `Last modified on ...`.
    ///
    /// Times take `am`/`pm` and a zone: `UTC`/`GMT`/`Z`, `BST`, `CET`/`CEST`, `EST`/`EDT`
    /// and the other US zones, `ET`/`CT`/`MT`/`PT` (standard or daylight time worked out
    /// from the date by the US rules since 1967), `JST`, `KST`, `AEST`..., `GMT+1`, or an
    /// offset such as `+0100`.
    ///
    /// A value that cannot be read is an error naming it and saying why: a date is never
    /// guessed. `4/5/2018` (April 5 or May 4?), a two-digit year, a weekday that is not
    /// the date's, an ambiguous zone (`IST`) and a missing year are all refused.
    ///
    /// ```
    /// use copydesk::article::Published;
    ///
    /// let p = Published::parse("Updated 3:41 PM ET, Sat April 7, 2018")?;
    /// assert_eq!(p.to_string(), "2018-04-07T15:41:00-04:00");
    /// assert_eq!(Published::parse("26-FEB-1987 15:01:01.79")?.to_string(), "1987-02-26T15:01:01.79");
    /// let err = Published::parse("4/5/2018").unwrap_err();
    /// assert!(err.to_string().contains("could be month/day or day/month"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn parse(value: &str) -> Result<Published> {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return Err(Error::invalid_date(value, "it is empty"));
        }
        let iso = match Pieces::parse(trimmed) {
            Ok(pieces) => {
                return Ok(Published {
                    date: pieces.date(),
                    time: pieces.time(),
                    offset: pieces.time().and(pieces.to_numeric_offset()),
                });
            }
            Err(e) => calendar_reason(trimmed).unwrap_or_else(|| first_clause(&e.to_string())),
        };
        super::datetext::parse(trimmed).map_err(|reason| {
            // A value that starts like ISO 8601 is best explained by the ISO reader.
            let iso_like = matches!(trimmed.as_bytes(),
                [a, b, c, d, b'-', ..] if [a, b, c, d].iter().all(|x| x.is_ascii_digit()));
            Error::invalid_date(value, if iso_like { iso } else { reason })
        })
    }
}

/// Why an ISO 8601 date such as `2018-02-30` is not in the calendar, in words: the ISO
/// reader only says the parsed date is not valid.
fn calendar_reason(value: &str) -> Option<String> {
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let s = value.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if value.get(4..5) != Some("-") || value.get(7..8) != Some("-") {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if !(1..=12).contains(&month) {
        return Some(format!(
            "there is no month {month:02}; months run from 01 to 12"
        ));
    }
    let first = Date::new(i16::try_from(year).ok()?, month as i8, 1).ok()?;
    let days = i32::from(first.days_in_month());
    if day == 0 || day > days {
        return Some(format!(
            "{} has {days} days, so there is no day {day:02}",
            first.strftime("%B %Y")
        ));
    }
    None
}

/// jiff's messages chain causes with ": "; the first clause is the useful one.
fn first_clause(message: &str) -> String {
    message.split(": ").next().unwrap_or(message).to_owned()
}

impl FromStr for Published {
    type Err = Error;

    fn from_str(s: &str) -> Result<Published> {
        Published::parse(s)
    }
}

impl From<Date> for Published {
    fn from(date: Date) -> Published {
        Published::from_date(date)
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(time) = self.time {
            write!(f, "T{}", time.strftime("%H:%M:%S"))?;
            if time.subsec_nanosecond() != 0 {
                let frac = format!("{:09}", time.subsec_nanosecond());
                write!(f, ".{}", frac.trim_end_matches('0'))?;
            }
            match self.offset {
                Some(offset) if offset == Offset::UTC => write!(f, "Z")?,
                Some(offset) => {
                    let seconds = offset.seconds();
                    let sign = if seconds < 0 { '-' } else { '+' };
                    let minutes = seconds.unsigned_abs() / 60;
                    write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)?;
                }
                None => {}
            }
        }
        Ok(())
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Published, D::Error> {
        let s = String::deserialize(deserializer)?;
        Published::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_month_names_of_other_languages() {
        for (text, want) in [
            ("16. Oktober 2011", "2011-10-16"),
            ("16 Oktober 2011, 10:55", "2011-10-16T10:55:00"),
            ("3 février 2020", "2020-02-03"),
            ("12 de mayo de 2019", "2019-05-12"),
            ("Pubblicato il 19 Febbraio 2020", "2020-02-19"),
            ("5. März 2019", "2019-03-05"),
        ] {
            let got = Published::parse(text).map(|p| p.to_string());
            assert_eq!(got.as_deref().ok(), Some(want), "{text}: {got:?}");
        }
    }

    #[test]
    fn round_trips_iso_forms() {
        for s in [
            "2018-04-17",
            "2018-04-17T14:03:00",
            "2018-04-17T14:03:00Z",
            "2018-04-17T14:03:00+01:00",
            "2018-04-17T14:03:00.5-05:00",
        ] {
            assert_eq!(Published::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            Published::parse("2018-04-17 14:03:00+01:00")
                .unwrap()
                .to_string(),
            "2018-04-17T14:03:00+01:00"
        );
    }

    #[test]
    fn reads_written_dates_too() {
        assert_eq!(
            Published::parse("Tue 17 Apr 2018 10.03 BST")
                .unwrap()
                .to_string(),
            "2018-04-17T10:03:00+01:00"
        );
        assert_eq!(
            Published::parse(" April 17, 2018 ").unwrap().to_string(),
            "2018-04-17"
        );
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for s in [
            "",
            "  ",
            "2018-02-30",
            "yesterday",
            "2018-13-01",
            "4/5/2018",
            "17 Apr",
        ] {
            let err = Published::parse(s).unwrap_err();
            assert!(err.to_string().contains("cannot read"), "{err}");
        }
    }
}
