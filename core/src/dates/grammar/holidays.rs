//! Holidays by name, alone, with `this`/`last`/`next` (see the relative rules), with a year
//! (`Christmas 2014`, `Easter of 1916`), with a gloss (`Tết (Lunar New Year)`), as `the
//! Christmas holiday(s)`, `Easter week` (the ISO week that holds it), `Memorial Day
//! weekend` (the weekend before a Monday, else the one that holds or follows the day; the
//! interval covers the day too) and `the (Muslim holy) month of Ramadan` / `the feast of
//! Corpus Christi`. A bare holiday is read like a bare date: the nearest one on the side
//! the sentence's tense points to.
//!
//! The names are data: [`HOLIDAY_NAMES`](crate::dates::lexicon::HOLIDAY_NAMES) in the
//! lexicon, capitalized as they must be in the text, possessives and hyphens optional
//! (`Mother's Day`, `Mothers Day`, `Presidents' Day`, `Eid al-Fitr`, `Eid-al-Fitr`, `Eid ul
//! Fitr`; but `D-Day` needs its hyphen). The date rules are data too, one `calendar::Rule`
//! a holiday. What is known:
//!
//! - Fixed days: Christmas (Eve, Day), Boxing Day, New Year's (Day, Eve), Independence Day,
//!   Halloween, Valentine's Day, Veterans Day, Armistice/Remembrance Day (Nov 11), St
//!   Patrick's Day, Bastille Day, Canada Day, Australia Day, Anzac Day, May Day,
//!   Juneteenth, Cinco de Mayo, Guy Fawkes/Bonfire Night.
//! - Weekday rules: Thanksgiving, Memorial Day, Labor Day, MLK Day, Presidents Day,
//!   Columbus Day, Election Day (all US); Canadian Thanksgiving (second Monday of October);
//!   Mother's Day is the US one (second Sunday of May; the UK's is `Mothering Sunday`,
//!   Easter - 21), Father's Day (third Sunday of June), Remembrance Sunday (second Sunday
//!   of November).
//! - From Easter (Gregorian computus): Shrove Tuesday/Mardi Gras/Pancake Day (-47), Ash
//!   Wednesday (-46), Mothering Sunday (-21), Palm Sunday (-7), Maundy/Holy Thursday, Good
//!   Friday, Holy Saturday, Easter Sunday and Monday, Ascension Day (+39), Pentecost/Whit
//!   Sunday/Whitsun (+49), Whit Monday, Corpus Christi (+60). Orthodox Easter by the Julian
//!   computus, on the Gregorian calendar; Orthodox Christmas on January 7 (right for
//!   1900-2099).
//! - The Hebrew calendar, computed (the arithmetic calendar of Dershowitz and Reingold):
//!   Passover (15 Nisan), Shavuot (6 Sivan), Rosh Hashanah (1 Tishrei), Yom Kippur (10
//!   Tishrei), Sukkot (15 Tishrei, seven days), Hanukkah (25 Kislev, eight days), Purim (14
//!   Adar, Adar II in a leap year). The value is the first full civil day: a Hebrew day
//!   begins at the sunset before, so Rosh Hashanah 2023, which began at sunset on September
//!   15, is `2023-09-16`.
//! - From the table `core/src/dates/holidays.tsv` (its header says where each column comes
//!   from): Ramadan, Eid al-Fitr, Eid al-Adha (by the Umm al-Qura calendar; a country that
//!   waits for the new moon to be seen may keep them a day later), 1925-2076; Chinese/Lunar
//!   New Year 1930-2099, Seollal (Korean) and Tet (Vietnamese) 1970-2050 (the North and
//!   the South of Vietnam kept Tet 1968 a day apart); Diwali, 2001-2035 only. A year the
//!   table does not hold gives the year and an unknown day (`Diwali 2040` is `2040-XX-XX`,
//!   with no interval), never a guess.
//! - Periods: Lent (Ash Wednesday to Holy Saturday), Holy Week (Palm Sunday to Holy
//!   Saturday), Advent (Advent Sunday to Christmas Eve), Sukkot, Hanukkah, Ramadan (to the
//!   eve of Eid al-Fitr). TIMEX3 has no code for them as it has for seasons (`2018-SU`), so
//!   the value is the year the period starts in (`2018`) and the interval is the period's
//!   real span; `early`, `late`, `the beginning of` narrow it like a season's.
//! - One day of history: D-Day (1944-06-06, whatever the reference).
//!
//! Not known: Eid alone (which one?), the Islamic New Year and Ashura, Holi, Vesak, Chinese
//! festivals other than the New Year, Passover's and Sukkot's last days; `Tet` alone.
//!
//! What is no holiday: lower-case words (`a good Friday` is a Friday, `the bank lent`);
//! `Lent` first in a sentence before `to`, `him`, `money`... (the verb); `Advent of` and
//! `Advent` before a capitalized word (`Advent International`); a name before `Island`
//! (`Easter Island`, `Christmas Island`); a quoted title the name ends (`"White
//! Christmas"`); `Tet` and `Corpus Christi` alone (the 1968 offensive and the Texas city:
//! they need a year, a noun like `holiday` after or `the feast of` before). A name used as
//! a modifier is still the holiday (`the Passover story`, `the Easter Offensive`), as
//! HeidelTime and WikiWars' annotators have it.

use super::{Grammar, Hit};
use crate::dates::calendar::is_period;
use crate::dates::expr::{Expr, Rel, YearRef};
use crate::dates::lexicon::{HOLIDAY_NOUNS, Holiday, HolidayName, holiday_names};
use crate::dates::token::Kind;

/// Words after a sentence's first word `Lent` that make it the verb: `Lent to`, `Lent him`.
const LENT_VERB_NEXT: &[&str] = &[
    "to", "by", "out", "money", "him", "her", "them", "me", "us", "it", "the", "a", "an", "his",
    "their", "its", "our", "my", "support", "weight",
];

impl<'a> Grammar<'a> {
    /// Whether token `i` can open a holiday's name.
    pub(super) fn holiday_word(&self, i: usize) -> bool {
        self.upper(i) && self.is_word(i) && self.names_at(i).next().is_some()
    }

    /// Holidays: `Easter`, `Christmas Eve`, `Thanksgiving Day`, `Memorial Day`,
    /// `New Year's Day`, `Rosh Hashanah`, optionally with a gloss (`Tết (Lunar New Year)`),
    /// a noun (`the Christmas holiday`), a year (`Easter 1916`, `Easter of 1916`), or `week`
    /// (`Easter week`: the week that holds it).
    pub(super) fn holiday_expr(&self, i: usize, rel: Rel) -> Hit {
        self.holiday_in_context(i, rel, false)
    }

    /// `the Easter weekend`; `the holy month of Ramadan`, `the Muslim holy month of Ramadan`, `the feast of
    /// Corpus Christi`, `the festival of Hanukkah`: up to three words between `the` and
    /// `month`/`feast`/`festival`; `month` only for Ramadan.
    pub(super) fn holiday_after_the(&self, i: usize) -> Hit {
        // `the Easter weekend`, `the Christmas week`: `the` belongs to them, as to `the
        // weekend`.
        if let Some(hit @ (_, Expr::WeekOf(_) | Expr::WeekendOf(_))) =
            self.holiday_expr(i + 1, Rel::Bare)
        {
            return Some(hit);
        }
        for j in i + 1..i + 5 {
            let month = self.word_eq(j, "month");
            if month || self.word_eq(j, "feast") || self.word_eq(j, "festival") {
                if !self.word_eq(j + 1, "of") {
                    return None;
                }
                let hit = self.holiday_in_context(j + 2, Rel::Bare, true)?;
                return match hit.1 {
                    Expr::Holiday { holiday, .. } if month && holiday != Holiday::Ramadan => None,
                    _ => Some(hit),
                };
            }
            if !self.is_word(j) || self.tok(j).and_then(|t| t.lex).is_some() {
                return None;
            }
        }
        None
    }

    /// A holiday at `i`; `introduced` when `the feast of` or the like comes before it.
    fn holiday_in_context(&self, i: usize, rel: Rel, introduced: bool) -> Hit {
        let (name, mut end) = self.holiday_name_at(i)?;
        let holiday = name.holiday;
        // `Tết (Lunar New Year)`: a gloss that names a holiday too.
        if self.punct(end, '(')
            && let Some((_, e)) = self.holiday_name(end + 1)
            && self.punct(e, ')')
        {
            end = e + 1;
        }
        let next = self.text_of(end).to_ascii_lowercase();
        let noun = self.is_word(end) && HOLIDAY_NOUNS.contains(&next.as_str());
        // `the Christmas holiday` is one expression; `Purim celebrations` ends at `Purim`.
        if noun && next.starts_with("holiday") {
            end += 1;
        }
        let year_at = if self.word_eq(end, "of") && !self.upper(end) {
            end + 1
        } else {
            end
        };
        let year = self.year_number(year_at);
        if name.needs_context && !(noun || introduced || year.is_some()) {
            return None;
        }
        if let Some((y, e)) = year {
            return Some((
                e,
                Expr::Holiday {
                    holiday,
                    year: YearRef::Abs(y),
                    rel: Rel::Bare,
                },
            ));
        }
        // `Lent to the firm, the money...`: the verb, at the start of a sentence.
        if holiday == Holiday::Lent
            && !self.mid_sentence(i)
            && (!self.is_word(i + 1) || LENT_VERB_NEXT.contains(&next.as_str()))
        {
            return None;
        }
        let expr = Expr::Holiday {
            holiday,
            year: YearRef::Infer,
            rel,
        };
        if !noun && !is_period(holiday) && !self.upper(end) {
            if self.word_eq(end, "week") {
                return Some((end + 1, Expr::WeekOf(Box::new(expr))));
            }
            if self.word_eq(end, "weekend") {
                return Some((end + 1, Expr::WeekendOf(Box::new(expr))));
            }
        }
        Some((end, expr))
    }

    /// Token `i` is neither the first of the text nor right after a sentence's end.
    fn mid_sentence(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).and_then(|p| self.tok(p)) else {
            return false;
        };
        !matches!(prev.kind, Kind::Punct('.' | '!' | '?' | '"' | '“' | ':'))
    }

    /// The longest holiday name at token `i`, and the token after it.
    pub(super) fn holiday_name(&self, i: usize) -> Option<(Holiday, usize)> {
        self.holiday_name_at(i).map(|(n, e)| (n.holiday, e))
    }

    /// The longest holiday name at token `i`, and the token after it.
    fn holiday_name_at(&self, i: usize) -> Option<(&'static HolidayName, usize)> {
        if !self.upper(i) || !self.is_word(i) {
            return None;
        }
        let (name, end) = self
            .names_at(i)
            .filter_map(|n| self.name_end(i, n).map(|e| (n, e)))
            .max_by_key(|(_, e)| *e)?;
        let holiday = name.holiday;
        if matches!(holiday, Holiday::Advent) && self.word_eq(end, "of") {
            return None;
        }
        // `Easter Island`, `Christmas Island`: places.
        if self.upper(end) && (self.word_eq(end, "island") || self.word_eq(end, "islands")) {
            return None;
        }
        // `"White Christmas"`: a title in quotation marks that the name ends.
        let quote = |k: usize| {
            ['"', '“', '”', '\'', '‘', '’']
                .into_iter()
                .any(|c| self.punct(k, c))
        };
        if let Some(before) = i.checked_sub(1)
            && self.upper(before)
            && self.is_word(before)
            && before.checked_sub(1).is_some_and(quote)
            && quote(end)
        {
            return None;
        }
        // `Advent International`, `Advent Software`: companies.
        if holiday == Holiday::Advent && self.upper(end) && self.is_word(end) {
            return None;
        }
        Some((name, end))
    }

    /// The names whose first word is token `i`'s, as it is or without a final `s`
    /// (`Presidents' Day` is listed as `President's Day`).
    fn names_at(&self, i: usize) -> impl Iterator<Item = &'static HolidayName> {
        let word = self.text_of(i);
        let stem = word.strip_suffix(['s', 'S']).unwrap_or("");
        holiday_names(word).iter().chain(holiday_names(stem))
    }

    /// Where `name` ends when it starts at token `i`.
    fn name_end(&self, i: usize, name: &HolidayName) -> Option<usize> {
        let mut j = i;
        let last = name.words.len().checked_sub(1)?;
        for (k, w) in name.words.iter().enumerate() {
            if k > 0 && self.dash(j) && self.adjacent(j) {
                j += 1;
            } else if w.after_letter {
                // `D-Day`, never `Plan D Day`.
                return None;
            }
            // The last `Day` or `Eve` may be lower case: `New Year's day`.
            let any_case = k > 0 && k == last && matches!(w.lower.as_str(), "day" | "eve");
            if !self.is_word(j) || (w.capital && !any_case && !self.upper(j)) {
                return None;
            }
            let text = self.text_of(j);
            if text.eq_ignore_ascii_case(&w.lower) {
                j += 1;
                if w.possessive {
                    let after = self.possessive(j);
                    if after == j && k == last {
                        return None;
                    }
                    j = after;
                }
            } else if w.possessive
                && text
                    .strip_suffix(['s', 'S'])
                    .is_some_and(|t| t.eq_ignore_ascii_case(&w.lower))
            {
                // `Mothers Day`, `Presidents' Day`, `New Years Eve`; last, only `New Years'`
                j += 1;
                if self.punct(j, '\'') || self.punct(j, '’') {
                    j += 1;
                } else if k == last {
                    return None;
                }
            } else {
                return None;
            }
            if w.dot {
                j = self.abbr_dot(j);
            }
            if w.comma && self.punct(j, ',') {
                j += 1;
            }
        }
        Some(j)
    }
}
