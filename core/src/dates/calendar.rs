//! Calendar arithmetic on jiff dates: weekdays, ISO weeks, month lengths, quarters, seasons,
//! and the holidays fixed by rule (Easter by the Gregorian computus, US federal holidays by
//! their weekday rules). Every function returns `None` outside jiff's range (years
//! -9999..=9999) instead of failing.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::lexicon::{Holiday, Season};

/// The date `year-month-day`, when it exists.
pub(crate) fn ymd(year: i32, month: i32, day: i32) -> Option<Date> {
    let y = i16::try_from(year).ok()?;
    let m = i8::try_from(month).ok()?;
    let d = i8::try_from(day).ok()?;
    Date::new(y, m, d).ok()
}

/// `date` moved by `days` days.
pub(crate) fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(days.days()).ok()
}

/// `date` moved by `months` months (the day clamped to the month's length).
pub(crate) fn add_months(date: Date, months: i64) -> Option<Date> {
    date.checked_add(months.months()).ok()
}

/// The first day of the month `months` months after the month of `date`.
pub(crate) fn month_start(year: i32, month: i32) -> Option<Date> {
    let total = year.checked_mul(12)?.checked_add(month - 1)?;
    ymd(total.div_euclid(12), total.rem_euclid(12) + 1, 1)
}

/// `(year, month)` moved by `delta` months.
pub(crate) fn shift_month(year: i32, month: i32, delta: i32) -> (i32, i32) {
    let total = year * 12 + (month - 1) + delta;
    (total.div_euclid(12), total.rem_euclid(12) + 1)
}

/// Weekday number, Monday = 1 ... Sunday = 7.
pub(crate) fn weekday(date: Date) -> i32 {
    i32::from(date.weekday().to_monday_one_offset())
}

/// ISO week-numbering year and week of `date`.
pub(crate) fn iso_week(date: Date) -> (i32, i32) {
    let w = date.iso_week_date();
    (i32::from(w.year()), i32::from(w.week()))
}

/// The Monday of ISO week `week` of ISO year `year`.
pub(crate) fn iso_week_start(year: i32, week: i32) -> Option<Date> {
    let y = i16::try_from(year).ok()?;
    let w = i8::try_from(week).ok()?;
    jiff::civil::ISOWeekDate::new(y, w, Weekday::Monday)
        .ok()
        .map(|d| d.date())
}

/// The Monday of the week holding `date`.
pub(crate) fn monday_of(date: Date) -> Option<Date> {
    add_days(date, -i64::from(weekday(date) - 1))
}

/// Easter Sunday of `year` (Gregorian calendar), by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher).
pub(crate) fn easter(year: i32) -> Option<Date> {
    if year < 1583 {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month, day)
}

/// The `nth` (1-based; -1 for the last) weekday `wd` (Monday = 1) of a month.
fn nth_weekday(year: i32, month: i32, nth: i8, wd: i8) -> Option<Date> {
    let weekday = Weekday::from_monday_one_offset(wd).ok()?;
    ymd(year, month, 1)?.nth_weekday_of_month(nth, weekday).ok()
}

/// The date of `holiday` in `year`.
pub(crate) fn holiday(h: Holiday, year: i32) -> Option<Date> {
    match h {
        Holiday::Easter => easter(year),
        Holiday::GoodFriday => easter(year).and_then(|d| add_days(d, -2)),
        Holiday::EasterMonday => easter(year).and_then(|d| add_days(d, 1)),
        Holiday::Christmas => ymd(year, 12, 25),
        Holiday::ChristmasEve => ymd(year, 12, 24),
        Holiday::BoxingDay => ymd(year, 12, 26),
        Holiday::NewYearsDay => ymd(year, 1, 1),
        Holiday::NewYearsEve => ymd(year, 12, 31),
        Holiday::Thanksgiving => nth_weekday(year, 11, 4, 4),
        Holiday::MemorialDay => nth_weekday(year, 5, -1, 1),
        Holiday::LaborDay => nth_weekday(year, 9, 1, 1),
        Holiday::IndependenceDay => ymd(year, 7, 4),
        Holiday::Halloween => ymd(year, 10, 31),
        Holiday::ValentinesDay => ymd(year, 2, 14),
        Holiday::MlkDay => nth_weekday(year, 1, 3, 1),
        Holiday::PresidentsDay => nth_weekday(year, 2, 3, 1),
        Holiday::VeteransDay => ymd(year, 11, 11),
        Holiday::ColumbusDay => nth_weekday(year, 10, 2, 1),
        Holiday::ElectionDay => nth_weekday(year, 11, 1, 1).and_then(|d| add_days(d, 1)),
        Holiday::StPatricksDay => ymd(year, 3, 17),
    }
}

/// The months a season covers, as `[start, end)` from the start month (meteorological
/// seasons of the northern hemisphere: spring is March to May; winter runs from December of
/// `year` into the next year).
pub(crate) fn season_interval(year: i32, s: Season) -> Option<(Date, Date)> {
    let start = match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Fall => 9,
        Season::Winter => 12,
    };
    Some((month_start(year, start)?, month_start(year, start + 3)?))
}

/// The season holding `date` and the year TIMEX3 gives it (January and February belong to
/// the winter that began in December of the year before).
pub(crate) fn season_of(date: Date) -> (i32, Season) {
    let y = i32::from(date.year());
    match date.month() {
        3..=5 => (y, Season::Spring),
        6..=8 => (y, Season::Summer),
        9..=11 => (y, Season::Fall),
        12 => (y, Season::Winter),
        _ => (y - 1, Season::Winter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_by_the_computus() {
        for (y, m, d) in [
            (2018, 4, 1),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (1998, 4, 12),
            (2000, 4, 23),
            (2038, 4, 25),
            (1818, 3, 22),
        ] {
            assert_eq!(easter(y), ymd(y, m, d), "{y}");
        }
    }

    #[test]
    fn us_holidays_by_rule() {
        assert_eq!(holiday(Holiday::Thanksgiving, 2018), ymd(2018, 11, 22));
        assert_eq!(holiday(Holiday::MemorialDay, 2018), ymd(2018, 5, 28));
        assert_eq!(holiday(Holiday::LaborDay, 2018), ymd(2018, 9, 3));
        assert_eq!(holiday(Holiday::ElectionDay, 2020), ymd(2020, 11, 3));
        assert_eq!(holiday(Holiday::ElectionDay, 2016), ymd(2016, 11, 8));
        assert_eq!(holiday(Holiday::MlkDay, 2024), ymd(2024, 1, 15));
    }

    #[test]
    fn out_of_range_is_none() {
        assert_eq!(ymd(20000, 1, 1), None);
        assert_eq!(month_start(9999, 13), None);
        assert_eq!(ymd(2018, 2, 30), None);
    }
}
