//! Calendar arithmetic on jiff dates: weekdays, ISO weeks, month lengths, quarters, seasons,
//! and the holidays: each has a [`Rule`] (a fixed day, an nth weekday, a distance from Easter
//! by the Gregorian computus, a day of the Hebrew calendar by the arithmetic of Dershowitz and
//! Reingold, or a line a year in `holidays.tsv` for those that need astronomy or an observed
//! new moon) and a length in days. Every function returns `None` outside jiff's range (years
//! -9999..=9999) instead of failing.

use std::collections::HashMap;
use std::sync::LazyLock;

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

/// Easter of the Orthodox churches in `year`, as a Gregorian date: the Julian computus
/// (Meeus), moved by the days the Julian calendar lags (13 in 1900-2099).
pub(crate) fn orthodox_easter(year: i32) -> Option<Date> {
    if year < 1583 {
        return None;
    }
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // The Julian date as if Gregorian, then the lag: day 1 of March of the Julian year is
    // always a valid Gregorian date, so count from there.
    let lag = year / 100 - year / 400 - 2;
    let march_first = ymd(year, 3, 1)?;
    let offset = if month == 3 { day - 1 } else { 31 + day - 1 };
    add_days(march_first, i64::from(offset + lag))
}

/// The `nth` (1-based; -1 for the last) weekday `wd` (Monday = 1) of a month.
fn nth_weekday(year: i32, month: i32, nth: i8, wd: i8) -> Option<Date> {
    let weekday = Weekday::from_monday_one_offset(wd).ok()?;
    ymd(year, month, 1)?.nth_weekday_of_month(nth, weekday).ok()
}

/// How a holiday's date is found in a given (Gregorian) year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// The same month and day every year.
    Fixed { month: u8, day: u8 },
    /// The `nth` (-1: the last) weekday (Monday = 1) of a month, moved by `shift` days
    /// (Election Day: the day after the first Monday).
    NthWeekday {
        month: u8,
        nth: i8,
        weekday: i8,
        shift: i8,
    },
    /// So many days after (before, when negative) Easter Sunday.
    Easter(i16),
    /// Easter of the Orthodox churches, on the Gregorian calendar.
    OrthodoxEaster,
    /// A day of the Hebrew calendar (months numbered from Nisan = 1; Adar is Adar II in a
    /// leap year), in the Hebrew year whose day falls in the Gregorian year.
    Hebrew { month: u8, day: u8 },
    /// The table `holidays.tsv`.
    Table,
    /// The fourth Sunday before Christmas, up to Christmas.
    Advent,
    /// One day of history, whatever the reference (`D-Day`).
    Once { year: i16, month: u8, day: u8 },
}

/// The date rule of a holiday, and the number of days it lasts (0: up to a day the rule
/// itself fixes: Christmas for Advent, Eid al-Fitr for Ramadan).
pub(crate) fn rule(h: Holiday) -> (Rule, u16) {
    use Rule::{Easter, Fixed, Hebrew, Table};
    let fixed = |month, day| (Fixed { month, day }, 1);
    let nth = |month, nth, weekday| {
        (
            Rule::NthWeekday {
                month,
                nth,
                weekday,
                shift: 0,
            },
            1,
        )
    };
    let easter = |off| (Easter(off), 1);
    let hebrew = |month, day| (Hebrew { month, day }, 1);
    match h {
        Holiday::Easter => easter(0),
        Holiday::GoodFriday => easter(-2),
        Holiday::EasterMonday => easter(1),
        Holiday::AshWednesday => easter(-46),
        Holiday::ShroveTuesday => easter(-47),
        Holiday::PalmSunday => easter(-7),
        Holiday::MaundyThursday => easter(-3),
        Holiday::HolySaturday => easter(-1),
        Holiday::Ascension => easter(39),
        Holiday::Pentecost => easter(49),
        Holiday::WhitMonday => easter(50),
        Holiday::CorpusChristi => easter(60),
        Holiday::MotheringSunday => easter(-21),
        // Ash Wednesday to Holy Saturday: 46 days.
        Holiday::Lent => (Easter(-46), 46),
        Holiday::HolyWeek => (Easter(-7), 7),
        Holiday::OrthodoxEaster => (Rule::OrthodoxEaster, 1),
        Holiday::OrthodoxChristmas => fixed(1, 7),
        Holiday::Advent => (Rule::Advent, 0),
        Holiday::Christmas => fixed(12, 25),
        Holiday::ChristmasEve => fixed(12, 24),
        Holiday::BoxingDay => fixed(12, 26),
        Holiday::NewYearsDay => fixed(1, 1),
        Holiday::NewYearsEve => fixed(12, 31),
        Holiday::Thanksgiving => nth(11, 4, 4),
        Holiday::CanadianThanksgiving => nth(10, 2, 1),
        Holiday::MemorialDay => nth(5, -1, 1),
        Holiday::LaborDay => nth(9, 1, 1),
        Holiday::IndependenceDay => fixed(7, 4),
        Holiday::Halloween => fixed(10, 31),
        Holiday::ValentinesDay => fixed(2, 14),
        Holiday::MlkDay => nth(1, 3, 1),
        Holiday::PresidentsDay => nth(2, 3, 1),
        Holiday::VeteransDay => fixed(11, 11),
        Holiday::ColumbusDay => nth(10, 2, 1),
        Holiday::ElectionDay => (
            Rule::NthWeekday {
                month: 11,
                nth: 1,
                weekday: 1,
                shift: 1,
            },
            1,
        ),
        Holiday::StPatricksDay => fixed(3, 17),
        Holiday::MothersDay => nth(5, 2, 7),
        Holiday::FathersDay => nth(6, 3, 7),
        Holiday::ArmisticeDay => fixed(11, 11),
        Holiday::RemembranceSunday => nth(11, 2, 7),
        Holiday::BastilleDay => fixed(7, 14),
        Holiday::CanadaDay => fixed(7, 1),
        Holiday::AustraliaDay => fixed(1, 26),
        Holiday::AnzacDay => fixed(4, 25),
        Holiday::MayDay => fixed(5, 1),
        Holiday::Juneteenth => fixed(6, 19),
        Holiday::CincoDeMayo => fixed(5, 5),
        Holiday::GuyFawkesNight => fixed(11, 5),
        Holiday::Passover => hebrew(1, 15),
        Holiday::RoshHashanah => hebrew(7, 1),
        Holiday::YomKippur => hebrew(7, 10),
        Holiday::Hanukkah => (Hebrew { month: 9, day: 25 }, 8),
        Holiday::Purim => hebrew(12, 14),
        Holiday::Shavuot => hebrew(3, 6),
        Holiday::Sukkot => (Hebrew { month: 7, day: 15 }, 7),
        Holiday::Ramadan => (Table, 0),
        Holiday::EidAlFitr
        | Holiday::EidAlAdha
        | Holiday::Diwali
        | Holiday::ChineseNewYear
        | Holiday::Seollal
        | Holiday::Tet => (Table, 1),
        Holiday::DDay => (
            Rule::Once {
                year: 1944,
                month: 6,
                day: 6,
            },
            1,
        ),
    }
}

/// The month and day of a holiday that has the same date every year.
pub(crate) fn fixed_month_day(h: Holiday) -> Option<(u8, u8)> {
    match rule(h).0 {
        Rule::Fixed { month, day } => Some((month, day)),
        _ => None,
    }
}

/// Whether a holiday lasts longer than a day (Lent, Advent, Hanukkah, Ramadan).
pub(crate) fn is_period(h: Holiday) -> bool {
    rule(h).1 != 1
}

/// Whether the holiday's dates come from `holidays.tsv` (a year the table does not hold
/// has a holiday on an unknown day, not none).
pub(crate) fn is_tabled(h: Holiday) -> bool {
    rule(h).0 == Rule::Table
}

/// The one day a day of history (`D-Day`) names.
pub(crate) fn once(h: Holiday) -> Option<Date> {
    match rule(h).0 {
        Rule::Once { year, month, day } => ymd(year.into(), month.into(), day.into()),
        _ => None,
    }
}

/// The first day of `holiday` in `year`.
#[cfg(test)]
pub(crate) fn holiday(h: Holiday, year: i32) -> Option<Date> {
    holiday_spans(h, year).first().map(|s| s.0)
}

/// Each occurrence of `holiday` that starts in `year`, as `[start, end)`: one as a rule,
/// two for an Islamic holiday in some years, none for a tabled holiday in a year the table
/// does not hold.
pub(crate) fn holiday_spans(h: Holiday, year: i32) -> Vec<(Date, Date)> {
    let (rule, days) = rule(h);
    let start = match rule {
        Rule::Fixed { month, day } => ymd(year, month.into(), day.into()),
        Rule::NthWeekday {
            month,
            nth,
            weekday,
            shift,
        } => nth_weekday(year, month.into(), nth, weekday).and_then(|d| add_days(d, shift.into())),
        Rule::Easter(off) => easter(year).and_then(|e| add_days(e, off.into())),
        Rule::OrthodoxEaster => orthodox_easter(year),
        Rule::Hebrew { month, day } => hebrew_in_gregorian_year(year, month, day),
        Rule::Once {
            year: y,
            month,
            day,
        } => ymd(y.into(), month.into(), day.into()).filter(|_| year == i32::from(y)),
        Rule::Advent => {
            // Advent Sunday: the Sunday on or before Christmas Eve, three weeks back.
            let span = ymd(year, 12, 25).and_then(|c| {
                let eve = add_days(c, -1)?;
                let sunday = add_days(eve, -i64::from(weekday(eve) % 7))?;
                Some((add_days(sunday, -21)?, c))
            });
            return span.into_iter().collect();
        }
        Rule::Table => {
            let mut out = Vec::new();
            for d in table(h).iter().filter(|d| i32::from(d.year()) == year) {
                let end = if h == Holiday::Ramadan {
                    // Ramadan lasts up to Eid al-Fitr.
                    table(Holiday::EidAlFitr)
                        .iter()
                        .find(|e| *e > d)
                        .copied()
                        .filter(|e| (*e - *d).get_days() <= 31)
                } else {
                    add_days(*d, i64::from(days))
                };
                if let Some(e) = end {
                    out.push((*d, e));
                }
            }
            return out;
        }
    };
    start
        .and_then(|s| add_days(s, i64::from(days)).map(|e| (s, e)))
        .into_iter()
        .collect()
}

// ---- the Hebrew calendar (Dershowitz & Reingold, Calendrical Calculations, ch. 8) ----

/// The fixed day number (R.D.: 0001-01-01 is day 1) of 1 Tishrei, A.M. 1.
const HEBREW_EPOCH: i64 = -1_373_427;

fn hebrew_leap(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// Days from the epoch to the molad of Tishrei of `year`, with the first postponement (no
/// Sunday, Wednesday or Friday).
fn hebrew_elapsed_days(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let day = 29 * months + parts.div_euclid(25_920);
    if (3 * (day + 1)).rem_euclid(7) < 3 {
        day + 1
    } else {
        day
    }
}

/// The other postponements: a year may be neither 356 nor 382 days long.
fn hebrew_year_delay(year: i64) -> i64 {
    let ny0 = hebrew_elapsed_days(year - 1);
    let ny1 = hebrew_elapsed_days(year);
    let ny2 = hebrew_elapsed_days(year + 1);
    if ny2 - ny1 == 356 {
        2
    } else if ny1 - ny0 == 382 {
        1
    } else {
        0
    }
}

/// R.D. of 1 Tishrei of `year`.
fn hebrew_new_year(year: i64) -> i64 {
    HEBREW_EPOCH + hebrew_elapsed_days(year) + hebrew_year_delay(year)
}

fn hebrew_month_days(year: i64, month: i64) -> i64 {
    let year_days = hebrew_new_year(year + 1) - hebrew_new_year(year);
    let long_heshvan = year_days % 10 == 5;
    let short_kislev = year_days % 10 == 3;
    match month {
        2 | 4 | 6 | 10 | 13 => 29,
        12 if !hebrew_leap(year) => 29,
        8 if !long_heshvan => 29,
        9 if short_kislev => 29,
        _ => 30,
    }
}

/// R.D. of `day` `month` `year` of the Hebrew calendar (Nisan = 1 ... Tishrei = 7 ...
/// Adar = 12, Adar II = 13).
fn fixed_from_hebrew(year: i64, month: i64, day: i64) -> i64 {
    let last = if hebrew_leap(year) { 13 } else { 12 };
    let mut days = hebrew_new_year(year) + day - 1;
    if month < 7 {
        days += (7..=last).map(|m| hebrew_month_days(year, m)).sum::<i64>();
        days += (1..month).map(|m| hebrew_month_days(year, m)).sum::<i64>();
    } else {
        days += (7..month).map(|m| hebrew_month_days(year, m)).sum::<i64>();
    }
    days
}

/// The date of R.D. `rd`.
fn date_from_fixed(rd: i64) -> Option<Date> {
    add_days(ymd(1, 1, 1)?, rd - 1)
}

/// The Gregorian date of `day` `month` (Adar meaning Adar II in a leap year) of the Hebrew
/// year that puts it in Gregorian `year`: the civil day of its daytime, the first full day
/// of the holiday (a Hebrew day begins at the sunset before).
pub(crate) fn hebrew_in_gregorian_year(year: i32, month: u8, day: u8) -> Option<Date> {
    if !(1..=9999).contains(&year) {
        return None;
    }
    // Nisan to Elul of A.M. y fall in the Gregorian year y - 3760; Tishrei onwards start
    // in the autumn of y - 3761. Kislev 25 and later may fall in January.
    let candidates = [i64::from(year) + 3760, i64::from(year) + 3761];
    candidates.into_iter().find_map(|am| {
        let m = if month == 12 && hebrew_leap(am) {
            13
        } else {
            i64::from(month)
        };
        let d = date_from_fixed(fixed_from_hebrew(am, m, i64::from(day)))?;
        (i32::from(d.year()) == year).then_some(d)
    })
}

// ---- the table ----

/// The holidays that need astronomy or an observance: one line a holiday a year.
const TABLE_TEXT: &str = include_str!("holidays.tsv");

/// The key a holiday has in `holidays.tsv`.
fn table_key(h: Holiday) -> Option<&'static str> {
    Some(match h {
        Holiday::Ramadan => "Ramadan",
        Holiday::EidAlFitr => "EidAlFitr",
        Holiday::EidAlAdha => "EidAlAdha",
        Holiday::Diwali => "Diwali",
        Holiday::ChineseNewYear => "ChineseNewYear",
        Holiday::Seollal => "Seollal",
        Holiday::Tet => "Tet",
        _ => return None,
    })
}

/// The lines of `holidays.tsv` as `(key, date)`, and the lines that do not parse.
fn parse_table(text: &str) -> (Vec<(&str, Date)>, Vec<&str>) {
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        match (
            cols.next(),
            cols.next().and_then(|d| d.parse::<Date>().ok()),
            cols.next(),
        ) {
            (Some(k), Some(d), None) => rows.push((k, d)),
            _ => bad.push(line),
        }
    }
    (rows, bad)
}

static TABLE: LazyLock<HashMap<&'static str, Vec<Date>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Date>> = HashMap::new();
    for (k, d) in parse_table(TABLE_TEXT).0 {
        map.entry(k).or_default().push(d);
    }
    for v in map.values_mut() {
        v.sort();
    }
    map
});

/// Every date the table holds for a holiday, in order.
fn table(h: Holiday) -> &'static [Date] {
    table_key(h)
        .and_then(|k| TABLE.get(k))
        .map_or(&[], |v| v.as_slice())
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
    fn feasts_from_easter() {
        assert_eq!(holiday(Holiday::AshWednesday, 2018), ymd(2018, 2, 14));
        assert_eq!(holiday(Holiday::ShroveTuesday, 2017), ymd(2017, 2, 28));
        assert_eq!(holiday(Holiday::Ascension, 2018), ymd(2018, 5, 10));
        assert_eq!(holiday(Holiday::Pentecost, 2018), ymd(2018, 5, 20));
        assert_eq!(holiday(Holiday::WhitMonday, 2019), ymd(2019, 6, 10));
        assert_eq!(holiday(Holiday::CorpusChristi, 2018), ymd(2018, 5, 31));
        assert_eq!(holiday(Holiday::MotheringSunday, 2018), ymd(2018, 3, 11));
        assert_eq!(
            holiday_spans(Holiday::Lent, 2019),
            ymd(2019, 3, 6)
                .zip(ymd(2019, 4, 21))
                .into_iter()
                .collect::<Vec<_>>()
        );
        // Advent Sunday: 2018-12-02 (Christmas on a Tuesday), 2022-11-27 (on a Sunday).
        assert_eq!(holiday(Holiday::Advent, 2018), ymd(2018, 12, 2));
        assert_eq!(holiday(Holiday::Advent, 2022), ymd(2022, 11, 27));
        assert_eq!(holiday(Holiday::MothersDay, 2018), ymd(2018, 5, 13));
        assert_eq!(holiday(Holiday::FathersDay, 2015), ymd(2015, 6, 21));
        assert_eq!(holiday(Holiday::RemembranceSunday, 2018), ymd(2018, 11, 11));
    }

    #[test]
    fn orthodox_easter_by_the_julian_computus() {
        for (y, m, d) in [
            (2018, 4, 8),
            (2023, 4, 16),
            (2024, 5, 5),
            (2025, 4, 20),
            (2021, 5, 2),
            (2010, 4, 4),
        ] {
            assert_eq!(orthodox_easter(y), ymd(y, m, d), "{y}");
        }
    }

    #[test]
    fn hebrew_holidays_by_the_arithmetic_calendar() {
        // The first full civil day of each (the holiday begins at the sunset before).
        for (h, y, m, d) in [
            (Holiday::RoshHashanah, 2023, 9, 16),
            (Holiday::RoshHashanah, 2024, 10, 3),
            (Holiday::RoshHashanah, 2025, 9, 23),
            (Holiday::RoshHashanah, 2000, 9, 30),
            (Holiday::YomKippur, 1973, 10, 6),
            (Holiday::YomKippur, 2023, 9, 25),
            (Holiday::YomKippur, 2024, 10, 12),
            (Holiday::Passover, 2023, 4, 6),
            (Holiday::Passover, 2024, 4, 23),
            (Holiday::Passover, 2025, 4, 13),
            (Holiday::Hanukkah, 2023, 12, 8),
            (Holiday::Hanukkah, 2024, 12, 26),
            (Holiday::Hanukkah, 2025, 12, 15),
            // Adar II in a leap year (5760, 5784), Adar in a common one (5783).
            (Holiday::Purim, 2000, 3, 21),
            (Holiday::Purim, 2024, 3, 24),
            (Holiday::Purim, 2023, 3, 7),
            (Holiday::Shavuot, 2024, 6, 12),
            (Holiday::Sukkot, 2023, 9, 30),
        ] {
            assert_eq!(holiday(h, y), ymd(y, m, d), "{h:?} {y}");
        }
        // Eight days of Hanukkah.
        assert_eq!(
            holiday_spans(Holiday::Hanukkah, 2024),
            ymd(2024, 12, 26)
                .zip(ymd(2025, 1, 3))
                .into_iter()
                .collect::<Vec<_>>()
        );
        // Every Hebrew year is 353-355 or 383-385 days long.
        for y in 5600..6000 {
            let len = hebrew_new_year(y + 1) - hebrew_new_year(y);
            assert!(matches!(len, 353..=355 | 383..=385), "{y}: {len}");
        }
    }

    #[test]
    fn the_table_parses_whole() {
        let (rows, bad) = parse_table(TABLE_TEXT);
        assert!(bad.is_empty(), "lines that do not parse: {bad:?}");
        for (k, _) in &rows {
            assert!(
                [
                    "Ramadan",
                    "EidAlFitr",
                    "EidAlAdha",
                    "Diwali",
                    "ChineseNewYear",
                    "Seollal",
                    "Tet"
                ]
                .contains(k),
                "unknown key {k}"
            );
        }
        // The years each holiday is tabled for (Diwali: 2001-2035).
        for (h, years) in [
            (Holiday::Ramadan, 1925..=2076),
            (Holiday::EidAlFitr, 1925..=2076),
            (Holiday::EidAlAdha, 1925..=2076),
            (Holiday::ChineseNewYear, 1930..=2099),
            (Holiday::Seollal, 1970..=2050),
            (Holiday::Tet, 1970..=2050),
            (Holiday::Diwali, 2001..=2035),
        ] {
            for y in years {
                assert!(!holiday_spans(h, y).is_empty(), "{h:?} {y}");
            }
        }
        assert!(holiday_spans(Holiday::Diwali, 2040).is_empty());
    }

    #[test]
    fn table_dates_known_from_the_news() {
        for (h, y, m, d) in [
            (Holiday::ChineseNewYear, 2020, 1, 25),
            (Holiday::ChineseNewYear, 2021, 2, 12),
            (Holiday::ChineseNewYear, 2024, 2, 10),
            (Holiday::ChineseNewYear, 2018, 2, 16),
            (Holiday::Tet, 1985, 1, 21),
            (Holiday::EidAlFitr, 2023, 4, 21),
            (Holiday::EidAlAdha, 2023, 6, 28),
            (Holiday::Ramadan, 2023, 3, 23),
            (Holiday::Diwali, 2023, 11, 12),
            (Holiday::Diwali, 2020, 11, 14),
        ] {
            assert_eq!(holiday(h, y), ymd(y, m, d), "{h:?} {y}");
        }
        // Ramadan lasts to the eve of Eid al-Fitr; 2000 holds two Eids al-Fitr.
        assert_eq!(
            holiday_spans(Holiday::Ramadan, 2023),
            ymd(2023, 3, 23)
                .zip(ymd(2023, 4, 21))
                .into_iter()
                .collect::<Vec<_>>()
        );
        assert_eq!(holiday_spans(Holiday::EidAlFitr, 2000).len(), 2);
    }

    #[test]
    fn out_of_range_is_none() {
        assert_eq!(ymd(20000, 1, 1), None);
        assert_eq!(month_start(9999, 13), None);
        assert_eq!(ymd(2018, 2, 30), None);
    }
}
