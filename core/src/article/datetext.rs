//! Dates as pages and scrapers write them: `April 17, 2018`, `Tue 17 Apr 2018 10.03 BST`,
//! `Updated 3:41 PM ET, Sat April 7, 2018`, `26-FEB-1987 15:01:01.79`, `4/17/2018`...
//!
//! The reader is strict: every word of the value must be understood (a label such as
//! `Updated`, a weekday, a month, a day, a year, a time, a time zone), the weekday must be
//! the date's, and a value that could mean two dates (`4/5/2018`) is refused. Nothing is
//! guessed; the caller turns the reason into an error naming the value.

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::Offset;

use super::Published;
use crate::shared::MONTHS;

/// Reads a written date (see the module docs); `Err` holds the reason it was refused.
pub(crate) fn parse(value: &str) -> Result<Published, String> {
    let mut parts = Parts::default();
    let body = strip_labels(value.trim());
    if body.is_empty() {
        return Err("there is no date in it".into());
    }
    let tokens = tokenize(body);
    let mut i = 0;
    while let Some(&tok) = tokens.get(i) {
        let next = tokens.get(i + 1).copied();
        i += 1;
        // An am/pm written apart from its time ("3:41 PM", "3 p.m.").
        if let Some(pm) = next.and_then(meridiem)
            && let Some(hm) = clock(tok).or_else(|| bare_hour(tok))
        {
            parts.set_time(hm, Some(pm), tok)?;
            i += 1;
            continue;
        }
        parts.take(tok)?;
    }
    parts.finish(value)
}

/// `value` without the labels (and colons) that introduce it: `Updated: ...` is `...`.
pub(crate) fn strip_labels(value: &str) -> &str {
    let mut rest = value.trim();
    'outer: loop {
        for label in &super::lexicon::lex().date_labels {
            if let Some(after) = strip_prefix_ci(rest, label) {
                // A label is a whole word: "Updated" but not "Updatedness".
                if after.is_empty() || after.starts_with([' ', ':', '\t', '\u{a0}']) {
                    rest = after.trim_start_matches([' ', ':', '\t', '\u{a0}']);
                    continue 'outer;
                }
            }
        }
        return rest;
    }
}

/// `s` without `prefix`, compared ASCII-case-insensitively.
pub(crate) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// Words of the value: split at whitespace, commas and the separators pages put between
/// a byline and a date (`|`, `•`, `·`).
fn tokenize(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|' | '•' | '·'))
        .map(|t| t.trim_end_matches([',', ';']))
        .filter(|t| !t.is_empty())
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

fn meridiem(tok: &str) -> Option<Meridiem> {
    match tok.to_ascii_lowercase().as_str() {
        "am" | "a.m." | "a.m" => Some(Meridiem::Am),
        "pm" | "p.m." | "p.m" => Some(Meridiem::Pm),
        _ => None,
    }
}

/// A time of day: hours, minutes, seconds, nanoseconds.
type Hms = (u32, u32, u32, u32);

/// `14:03`, `15:01:01.79`, `10.03` (the Guardian's style), each optionally followed by
/// `am`/`pm` written together (`3:41pm`): the clock and its meridiem.
fn clock_with_meridiem(tok: &str) -> Option<(Hms, Option<Meridiem>)> {
    let lower = tok.to_ascii_lowercase();
    for (suffix, m) in [
        ("a.m.", Meridiem::Am),
        ("p.m.", Meridiem::Pm),
        ("am", Meridiem::Am),
        ("pm", Meridiem::Pm),
    ] {
        if let Some(head) = lower.strip_suffix(suffix) {
            return clock(head)
                .or_else(|| bare_hour(head))
                .map(|hms| (hms, Some(m)));
        }
    }
    clock(tok).map(|hms| (hms, None))
}

/// `3` or `11` before a separate `pm`: an hour alone.
fn bare_hour(tok: &str) -> Option<Hms> {
    let h = small_number(tok, 2)?;
    (1..=12).contains(&h).then_some((h, 0, 0, 0))
}

/// `14:03`, `14:03:00`, `15:01:01.79` or `10.03`.
fn clock(tok: &str) -> Option<Hms> {
    if let Some((h, rest)) = tok.split_once(':') {
        let h = small_number(h, 2)?;
        let (m, sec) = match rest.split_once(':') {
            Some((m, sec)) => (small_number(m, 2)?, Some(sec)),
            None => (small_number(rest, 2)?, None),
        };
        if rest.len() < 2 || h > 23 || m > 59 {
            return None;
        }
        let (s, nanos) = match sec {
            None => (0, 0),
            Some(sec) => {
                let (whole, frac) = match sec.split_once('.') {
                    Some((w, f)) => (w, Some(f)),
                    None => (sec, None),
                };
                let s = small_number(whole, 2)?;
                if whole.len() != 2 || s > 59 {
                    return None;
                }
                let nanos = match frac {
                    None => 0,
                    Some(f)
                        if !f.is_empty()
                            && f.len() <= 9
                            && f.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        // "79" is 790 milliseconds: pad to nine digits.
                        let padded = format!("{f:0<9}");
                        padded.parse().ok()?
                    }
                    Some(_) => return None,
                };
                (s, nanos)
            }
        };
        return Some((h, m, s, nanos));
    }
    // "10.03": an hour and two-digit minutes.
    let (h, m) = tok.split_once('.')?;
    if m.len() != 2 {
        return None;
    }
    let (h, m) = (small_number(h, 2)?, small_number(m, 2)?);
    (h <= 23 && m <= 59).then_some((h, m, 0, 0))
}

/// A number of at most `max_digits` ASCII digits.
fn small_number(s: &str, max_digits: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_digits || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The month a word names: `April`, `Apr`, `Apr.`, `APR`, `Sept`.
pub(crate) fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
        .or_else(|| {
            // the other languages' names (lexicon.txt), for dates printed on web pages
            let lower = word.trim_end_matches(['.', ',']).to_lowercase();
            super::lexicon::lex().months.get(lower.as_str()).copied()
        })
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// The weekday a word names: `Tuesday`, `Tue`, `Tues.`, `Thurs`.
fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .find(|(name, _)| {
            *name == w
                || (name.starts_with(&w)
                    && (w.len() == 3 || matches!(w.as_str(), "tues" | "thur" | "thurs" | "weds")))
        })
        .map(|&(_, d)| d)
}

/// How a time zone's offset is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zone {
    /// A fixed offset, in minutes east of UTC.
    Fixed(i32),
    /// A US zone written without standard/daylight (`ET`): its standard offset in hours;
    /// daylight saving time is worked out from the date.
    Us(i32),
}

/// Time-zone abbreviations as English-language news writes them. `CST` is US Central;
/// abbreviations that name two zones in common use (`IST`, `AST`) are refused.
const ZONES: &[(&str, Zone)] = &[
    ("UTC", Zone::Fixed(0)),
    ("GMT", Zone::Fixed(0)),
    ("UT", Zone::Fixed(0)),
    ("Z", Zone::Fixed(0)),
    ("BST", Zone::Fixed(60)),
    ("WET", Zone::Fixed(0)),
    ("WEST", Zone::Fixed(60)),
    ("CET", Zone::Fixed(60)),
    ("CEST", Zone::Fixed(120)),
    ("EET", Zone::Fixed(120)),
    ("EEST", Zone::Fixed(180)),
    ("MSK", Zone::Fixed(180)),
    ("EST", Zone::Fixed(-300)),
    ("EDT", Zone::Fixed(-240)),
    ("CST", Zone::Fixed(-360)),
    ("CDT", Zone::Fixed(-300)),
    ("MST", Zone::Fixed(-420)),
    ("MDT", Zone::Fixed(-360)),
    ("PST", Zone::Fixed(-480)),
    ("PDT", Zone::Fixed(-420)),
    ("AKST", Zone::Fixed(-540)),
    ("AKDT", Zone::Fixed(-480)),
    ("HST", Zone::Fixed(-600)),
    ("ET", Zone::Us(-5)),
    ("CT", Zone::Us(-6)),
    ("MT", Zone::Us(-7)),
    ("PT", Zone::Us(-8)),
    ("JST", Zone::Fixed(540)),
    ("KST", Zone::Fixed(540)),
    ("HKT", Zone::Fixed(480)),
    ("SGT", Zone::Fixed(480)),
    ("PHT", Zone::Fixed(480)),
    ("AWST", Zone::Fixed(480)),
    ("ICT", Zone::Fixed(420)),
    ("WIB", Zone::Fixed(420)),
    ("PKT", Zone::Fixed(300)),
    ("ACST", Zone::Fixed(570)),
    ("AEST", Zone::Fixed(600)),
    ("AEDT", Zone::Fixed(660)),
    ("NZST", Zone::Fixed(720)),
    ("NZDT", Zone::Fixed(780)),
    ("SAST", Zone::Fixed(120)),
    ("WAT", Zone::Fixed(60)),
    ("EAT", Zone::Fixed(180)),
];

const AMBIGUOUS_ZONES: &[&str] = &["IST", "AST", "BT", "SST"];

/// A zone abbreviation, `GMT+1` / `UTC-05:00`, or a numeric offset `+0100` / `-05:00`.
fn zone(tok: &str) -> Option<Result<Zone, String>> {
    let t = tok.trim_matches(|c| c == '(' || c == ')');
    let upper = t.to_ascii_uppercase();
    if let Some(&(_, z)) = ZONES.iter().find(|(name, _)| *name == upper) {
        return Some(Ok(z));
    }
    if AMBIGUOUS_ZONES.contains(&upper.as_str()) {
        return Some(Err(format!(
            "the time zone {t} names more than one zone; give the offset, e.g. +05:30"
        )));
    }
    let numeric = ["GMT", "UTC"]
        .iter()
        .find_map(|p| upper.strip_prefix(p))
        .unwrap_or(&upper);
    let sign = if numeric.starts_with('+') {
        1
    } else if numeric.starts_with(['-', '−']) {
        -1
    } else {
        return None;
    };
    let digits = numeric.trim_start_matches(['+', '-', '−']).replace(':', "");
    let minutes = match digits.len() {
        1 | 2 => small_number(&digits, 2)? * 60,
        4 => small_number(digits.get(..2)?, 2)? * 60 + small_number(digits.get(2..)?, 2)?,
        _ => return None,
    };
    if minutes > 18 * 60 {
        return None;
    }
    Some(Ok(Zone::Fixed(sign * minutes as i32)))
}

/// The pieces of a written date, as they are found.
#[derive(Debug, Default)]
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<Weekday>,
    time: Option<Hms>,
    zone: Option<Zone>,
}

impl Parts {
    fn take(&mut self, tok: &str) -> Result<(), String> {
        let lower = tok.to_lowercase();
        if super::lexicon::lex().date_fillers.contains(lower.as_str()) {
            return Ok(());
        }
        if let Some(d) = weekday(tok) {
            return set(&mut self.weekday, d, "weekday", tok);
        }
        if let Some(m) = month(tok) {
            return set(&mut self.month, m, "month", tok);
        }
        if meridiem(tok).is_some() {
            return Err(format!("{tok:?} follows no time"));
        }
        if let Some((hms, m)) = clock_with_meridiem(tok) {
            return self.set_time(hms, m, tok);
        }
        if let Some(z) = zone(tok) {
            return set(&mut self.zone, z?, "time zone", tok);
        }
        if let Some((y, m, d)) = numeric_date(tok)? {
            set(&mut self.year, y, "year", tok)?;
            set(&mut self.month, m, "month", tok)?;
            return set(&mut self.day, d, "day", tok);
        }
        let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        let suffix = &tok[digits.len()..];
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if digits.len() == 4 && suffix.is_empty() {
                let y: i32 = digits.parse().map_err(|_| format!("bad year {tok:?}"))?;
                return set(&mut self.year, y, "year", tok);
            }
            let ordinal = matches!(
                suffix.to_ascii_lowercase().as_str(),
                "" | "." | "st" | "nd" | "rd" | "th"
            );
            if digits.len() <= 2 && ordinal {
                let d: u32 = digits.parse().map_err(|_| format!("bad day {tok:?}"))?;
                if (1..=31).contains(&d) {
                    return set(&mut self.day, d, "day", tok);
                }
                return Err(format!("{tok:?} is not a day of a month"));
            }
        }
        Err(format!("{tok:?} is not part of a date"))
    }

    fn set_time(&mut self, hms: Hms, m: Option<Meridiem>, tok: &str) -> Result<(), String> {
        let (h, min, s, n) = hms;
        let h = match m {
            None => h,
            Some(_) if !(1..=12).contains(&h) => {
                return Err(format!("{tok:?} has an hour past 12 with am/pm"));
            }
            Some(Meridiem::Am) => h % 12,
            Some(Meridiem::Pm) => h % 12 + 12,
        };
        set(&mut self.time, (h, min, s, n), "time", tok)
    }

    fn finish(self, value: &str) -> Result<Published, String> {
        let year = self.year.ok_or("it has no year")?;
        let month = self.month.ok_or("it has no month")?;
        let day = self.day.ok_or("it has no day")?;
        if !(1000..=2999).contains(&year) {
            return Err(format!("{year} is not a plausible year"));
        }
        // Safe casts: the year is below 3000, the month at most 31 and the day at most 31.
        let date = Date::new(year as i16, month as i8, day as i8)
            .map_err(|_| format!("there is no day {day} in month {month} of {year}"))?;
        if let Some(w) = self.weekday
            && date.weekday() != w
        {
            return Err(format!(
                "{date} is a {}, not a {}",
                weekday_name(date.weekday()),
                weekday_name(w)
            ));
        }
        let Some((h, m, s, n)) = self.time else {
            if self.zone.is_some() {
                return Err("it has a time zone but no time".into());
            }
            return Ok(Published::from_date(date));
        };
        let time = Time::new(h as i8, m as i8, s as i8, n as i32)
            .map_err(|_| format!("{value:?} has no such time of day"))?;
        let offset = match self.zone {
            None => None,
            Some(Zone::Fixed(minutes)) => {
                Some(Offset::from_seconds(minutes * 60).map_err(|_| "the offset is out of range")?)
            }
            Some(Zone::Us(standard)) => {
                let hours = standard + i32::from(us_daylight(date, h)?);
                Some(Offset::from_seconds(hours * 3600).map_err(|_| "the offset is out of range")?)
            }
        };
        Ok(Published::from_parts(date, Some(time), offset))
    }
}

fn set<T: PartialEq>(slot: &mut Option<T>, value: T, what: &str, tok: &str) -> Result<(), String> {
    match slot {
        Some(old) if *old != value => Err(format!("it has two of {what} (the second is {tok:?})")),
        _ => {
            *slot = Some(value);
            Ok(())
        }
    }
}

fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// A date written in one token: `26-FEB-1987`, `4/17/2018`, `17.04.2018`, `2018/04/17`,
/// `2018-04-17`. `Ok(None)` when the token is no such thing; `Err` when it is but names no
/// single date (`4/5/2018`).
fn numeric_date(tok: &str) -> Result<Option<(i32, u32, u32)>, String> {
    let sep = match [b'/', b'-', b'.']
        .into_iter()
        .find(|&s| tok.as_bytes().contains(&s))
    {
        Some(s) => s as char,
        None => return Ok(None),
    };
    let parts: Vec<&str> = tok.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return Ok(None);
    };
    // 26-FEB-1987
    if let (Some(d), Some(m), Some(y)) = (small_number(a, 2), month(b), small_number(c, 4))
        && c.len() == 4
    {
        return Ok(Some((y as i32, m, d)));
    }
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits {
        return Ok(None);
    }
    let (na, nb, nc) = (small_number(a, 4), small_number(b, 2), small_number(c, 4));
    // 2018/04/17, 2018-04-17
    if a.len() == 4 && c.len() <= 2 {
        return match (na, nb, small_number(c, 2)) {
            (Some(y), Some(m), Some(d)) => Ok(Some((y as i32, m, d))),
            _ => Ok(None),
        };
    }
    if c.len() == 2 && a.len() <= 2 && b.len() <= 2 {
        return Err(format!("{tok:?} has a two-digit year"));
    }
    let (Some(x), Some(y_), Some(year)) = (na, nb, nc) else {
        return Ok(None);
    };
    if c.len() != 4 || a.len() > 2 || b.len() > 2 {
        return Ok(None);
    }
    let year = year as i32;
    // Dotted dates are day first wherever they are written.
    if sep == '.' {
        return Ok(Some((year, y_, x)));
    }
    match (x > 12, y_ > 12) {
        (true, true) => Err(format!("{tok:?} has no month")),
        (true, false) => Ok(Some((year, y_, x))),
        (false, true) => Ok(Some((year, x, y_))),
        (false, false) if x == y_ => Ok(Some((year, x, x))),
        (false, false) => Err(format!(
            "{tok:?} could be month/day or day/month; write it as ISO 8601 ({year}-{x:02}-{y_:02} or {year}-{y_:02}-{x:02})"
        )),
    }
}

/// Whether US daylight saving time is in force at `hour` local time on `date`, by the
/// federal rules since 1967. On the changeover days the hour that does not exist or
/// happens twice is refused.
fn us_daylight(date: Date, hour: u32) -> Result<bool, String> {
    let year = date.year();
    let sunday = |month: i8, nth: i8| {
        Date::new(year, month, 1)
            .and_then(|d| d.nth_weekday_of_month(nth, Weekday::Sunday))
            .map_err(|_| "cannot work out daylight saving time".to_owned())
    };
    let (start, end) = match year {
        2007.. => (sunday(3, 2)?, sunday(11, 1)?),
        1987..=2006 => (sunday(4, 1)?, sunday(10, -1)?),
        1976..=1986 | 1967..=1973 => (sunday(4, -1)?, sunday(10, -1)?),
        1975 => (Date::constant(1975, 2, 23), sunday(10, -1)?),
        1974 => (Date::constant(1974, 1, 6), sunday(10, -1)?),
        _ => {
            return Err(format!(
                "US time zones before 1967 had no uniform daylight saving time; give the offset for {year}"
            ));
        }
    };
    if (date == start && hour == 2) || (date == end && hour == 1) {
        return Err(format!(
            "{date} at {hour}:xx is the hour daylight saving time changes; give the offset"
        ));
    }
    Ok((date > start || (date == start && hour >= 3)) && (date < end || (date == end && hour < 1)))
}

/// A line that holds nothing but a time of day, with its zone: a live blog's `10.03 BST`,
/// `3:41pm ET`, `14:03`.
pub(crate) fn is_time_only(line: &str) -> bool {
    let tokens = tokenize(strip_labels(line));
    if tokens.is_empty() || tokens.len() > 3 {
        return false;
    }
    let mut parts = Parts::default();
    let (mut dotted, mut zoned) = (false, false);
    let mut i = 0;
    while let Some(&tok) = tokens.get(i) {
        i += 1;
        if let Some(pm) = tokens.get(i).copied().and_then(meridiem)
            && let Some(hm) = clock(tok).or_else(|| bare_hour(tok))
        {
            if parts.set_time(hm, Some(pm), tok).is_err() {
                return false;
            }
            i += 1;
            continue;
        }
        if let Some((hms, m)) = clock_with_meridiem(tok) {
            // "10.03" alone is as likely a number as a time: it needs a zone or am/pm.
            dotted |= m.is_none() && !tok.contains(':');
            if parts.set_time(hms, m, tok).is_err() {
                return false;
            }
        } else if matches!(zone(tok), Some(Ok(_))) {
            zoned = true;
        } else {
            return false;
        }
    }
    parts.time.is_some() && (zoned || !dotted)
}

/// A relative timestamp: `5 hours ago`, `2 mins ago`, `Yesterday`, `Just now`.
pub(crate) fn is_relative_stamp(line: &str) -> bool {
    let lower = strip_labels(line)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "just now" | "yesterday" | "today" | "moments ago"
    ) {
        return true;
    }
    let Some(rest) = lower.strip_suffix(" ago") else {
        return false;
    };
    let mut words = rest.split_whitespace();
    let (n, unit) = match (words.next(), words.next(), words.next()) {
        (Some(n), Some(unit), None) => (n, unit),
        // "1h ago", "20m ago", "2d ago": the number and the unit in one word.
        (Some(word), None, None) => {
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            let (n, unit) = word.split_at_checked(digits).unwrap_or((word, ""));
            let unit = match unit {
                "s" => "sec",
                "m" => "min",
                "h" => "hour",
                "d" => "day",
                "w" => "week",
                "y" => "year",
                other => other,
            };
            (n, unit)
        }
        _ => return false,
    };
    (n == "a" || n == "an" || small_number(n, 3).is_some())
        && matches!(
            unit.trim_end_matches('s'),
            "sec" | "second" | "min" | "minute" | "hr" | "hour" | "day" | "week" | "month" | "year"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        match parse(s) {
            Ok(p) => p.to_string(),
            Err(e) => panic!("{s:?}: {e}"),
        }
    }

    #[test]
    fn reads_the_forms_pages_write() {
        assert_eq!(ok("April 17, 2018"), "2018-04-17");
        assert_eq!(ok("17 April 2018"), "2018-04-17");
        assert_eq!(ok("Apr. 17, 2018"), "2018-04-17");
        assert_eq!(ok("Tuesday, April 17th, 2018"), "2018-04-17");
        assert_eq!(ok("Tue 17 Apr 2018 10.03 BST"), "2018-04-17T10:03:00+01:00");
        assert_eq!(ok("26-FEB-1987 15:01:01.79"), "1987-02-26T15:01:01.79");
        assert_eq!(ok("4/17/2018"), "2018-04-17");
        assert_eq!(ok("17/4/2018"), "2018-04-17");
        assert_eq!(ok("17.04.2018"), "2018-04-17");
        assert_eq!(ok("2018/04/17"), "2018-04-17");
        assert_eq!(
            ok("Updated 3:41 PM ET, Sat April 7, 2018"),
            "2018-04-07T15:41:00-04:00"
        );
        assert_eq!(
            ok("Published 9:05 am EST, Mon January 8, 2018"),
            "2018-01-08T09:05:00-05:00"
        );
        assert_eq!(
            ok("Tue, 17 Apr 2018 10:03:00 +0100"),
            "2018-04-17T10:03:00+01:00"
        );
        assert_eq!(ok("Tue, 17 Apr 2018 10:03:00 GMT"), "2018-04-17T10:03:00Z");
        assert_eq!(
            ok("First published on Tue 17 Apr 2018 10.03 BST"),
            "2018-04-17T10:03:00+01:00"
        );
        assert_eq!(ok("April 17, 2018 at 3pm PT"), "2018-04-17T15:00:00-07:00");
        assert_eq!(
            ok("12 December 2018, 12:30 a.m. ET"),
            "2018-12-12T00:30:00-05:00"
        );
        assert_eq!(
            ok("Posted on 17 April 2018 | 14:03 GMT+2"),
            "2018-04-17T14:03:00+02:00"
        );
    }

    #[test]
    fn us_zones_follow_daylight_saving_time() {
        assert_eq!(ok("March 11, 2018 1:30 AM ET"), "2018-03-11T01:30:00-05:00");
        assert_eq!(ok("March 11, 2018 3:30 AM ET"), "2018-03-11T03:30:00-04:00");
        assert_eq!(ok("November 4, 2018 0:30 ET"), "2018-11-04T00:30:00-04:00");
        assert_eq!(ok("November 4, 2018 2:30 ET"), "2018-11-04T02:30:00-05:00");
        assert_eq!(ok("April 1, 1990 12:00 ET"), "1990-04-01T12:00:00-04:00");
        assert!(parse("March 11, 2018 2:30 AM ET").is_err());
        assert!(parse("November 4, 2018 1:30 AM ET").is_err());
    }

    #[test]
    fn refuses_rather_than_guesses() {
        for (s, why) in [
            ("4/5/2018", "month/day or day/month"),
            ("Sat April 8, 2018", "is a Sunday, not a Saturday"),
            ("April 17", "no year"),
            ("April 2018", "no day"),
            ("4/17/18", "two-digit year"),
            ("17 April 2018 10:03 IST", "more than one zone"),
            ("17 April 2018 BST", "no time"),
            ("February 30, 2018", "no day 30"),
            ("17 April 2018 and then some", "\"and\""),
            ("", "no date"),
            ("13:03 pm April 17, 2018", "past 12"),
        ] {
            let err = parse(s).unwrap_err();
            assert!(err.contains(why), "{s:?}: {err}");
        }
    }

    #[test]
    fn time_only_and_relative_lines() {
        for s in ["10.03 BST", "3:41pm ET", "14:03", "3 pm"] {
            assert!(is_time_only(s), "{s}");
        }
        for s in ["2018", "Peace treaty", "3 pigs", "17 April 2018"] {
            assert!(!is_time_only(s), "{s}");
        }
        for s in [
            "5 hours ago",
            "2 mins ago",
            "Updated 3 days ago",
            "Yesterday",
        ] {
            assert!(is_relative_stamp(s), "{s}");
        }
        assert!(!is_relative_stamp("Three years ago the talks failed"));
    }
}
