//! Holidays by name, optionally with `this`/`last`/`next` (see the relative rules) or a
//! year (`Christmas 2014`, `Easter of 1916`).
//!
//! The names are data: [`HOLIDAY_NAMES`](crate::dates::lexicon::HOLIDAY_NAMES) in the
//! lexicon (capitalized as written there, possessives and hyphens optional: `Mother's Day`,
//! `Mothers Day`, `Eid al-Fitr`, `Eid-al-Fitr`); the date rules are data too, in
//! `calendar::rule`. What is known:
//!
//! - Fixed days: Christmas (Eve, Day), Boxing Day, New Year's (Day, Eve), Independence Day,
//!   Halloween, Valentine's Day, Veterans Day, Armistice/Remembrance Day (Nov 11), St
//!   Patrick's Day, Bastille Day, Canada Day, Australia Day, Anzac Day, May Day, Juneteenth,
//!   Cinco de Mayo, Guy Fawkes/Bonfire Night.
//! - Weekday rules: Thanksgiving, Memorial Day, Labor Day, MLK Day, Presidents Day,
//!   Columbus Day, Election Day (US); Mother's Day (the US one: the second Sunday of May;
//!   the UK's is `Mothering Sunday`, Easter - 21), Father's Day (third Sunday of June),
//!   Remembrance Sunday (second Sunday of November).
//! - From Easter (Gregorian computus): Shrove Tuesday/Mardi Gras (-47), Ash Wednesday
//!   (-46), Palm Sunday, Maundy Thursday, Good Friday, Holy Saturday, Easter Sunday and
//!   Monday, Ascension (+39), Pentecost/Whit Sunday (+49), Whit Monday, Corpus Christi (+60,
//!   only as `Corpus Christi Day`/`Thursday`: alone it is the Texas city), Mothering Sunday.
//! - The Hebrew calendar, computed: Passover (15 Nisan), Rosh Hashanah (1 Tishrei), Yom
//!   Kippur (10 Tishrei), Hanukkah (25 Kislev), Purim (14 Adar, Adar II in a leap year).
//!   The value is the first full civil day: a Hebrew day begins at the sunset before, so
//!   Rosh Hashanah 2023, which began at sunset on September 15, is `2023-09-16`.
//! - From the table `core/src/dates/holidays.tsv`: Ramadan, Eid al-Fitr, Eid al-Adha (Umm
//!   al-Qura, 1970-2050), Chinese/Lunar New Year, Seollal, Tet (1970-2050), Diwali
//!   (2001-2035). A year the table does not hold gives the year with an unknown day
//!   (`Diwali 2040` is `2040-XX-XX`, with no interval).
//! - Periods: Lent (Ash Wednesday to Holy Saturday), Advent (Advent Sunday to Christmas
//!   Eve), Hanukkah (eight days), Ramadan (to the eve of Eid al-Fitr). TIMEX3 has no code for
//!   them as it has for seasons (`2018-SU`), so the value is the year the period starts in
//!   (`2018`) and the interval is the period's real span.
//!
//! A name used as a modifier is still the holiday (`the Passover story`, and `the Easter
//! Offensive`, as WikiWars' annotators and HeidelTime tag it). `Lent` and `Advent` need to
//! be away from the start of a sentence or have a year, and `Advent of` is never the season;
//! `Tet` alone is mostly the 1968 offensive, so it needs a year or a noun like `holiday`
//! after it (`HOLIDAY_NEEDS_CONTEXT` in the lexicon). Lower-case words never name a holiday
//! (`a good Friday` is a Friday).

use super::{Grammar, Hit};
use crate::dates::calendar::is_period;
use crate::dates::expr::{Expr, Rel, YearRef};
use crate::dates::lexicon::{HOLIDAY_NOUNS, Holiday, HolidayName, holiday_names};
use crate::dates::token::Kind;

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

    /// `the holy month of Ramadan`, `the Muslim holy month of Ramadan`, `the feast of
    /// Corpus Christi`, `the festival of Hanukkah`: up to three words between `the` and
    /// `month`/`feast`/`festival`; `month` only for Ramadan.
    pub(super) fn holiday_after_the(&self, i: usize) -> Hit {
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
        let noun = self.is_word(end)
            && HOLIDAY_NOUNS.contains(&self.text_of(end).to_ascii_lowercase().as_str());
        if noun {
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
        if matches!(holiday, Holiday::Lent | Holiday::Advent) && !self.mid_sentence(i) {
            return None;
        }
        let expr = Expr::Holiday {
            holiday,
            year: YearRef::Infer,
            rel,
        };
        if !noun && !is_period(holiday) && self.word_eq(end, "week") && !self.upper(end) {
            return Some((end + 1, Expr::WeekOf(Box::new(expr))));
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
        Some((name, end))
    }

    /// The names whose first word is token `i`'s, as it is or without a final `s`
    /// (`Presidents' Day` is listed as `President's Day`).
    fn names_at(&self, i: usize) -> impl Iterator<Item = &'static HolidayName> {
        let lower = self.text_of(i).to_ascii_lowercase();
        let stem = lower.strip_suffix('s').map(str::to_owned);
        holiday_names(&lower)
            .iter()
            .chain(stem.map_or(&[][..], |s| holiday_names(&s)))
    }

    /// Where `name` ends when it starts at token `i`.
    fn name_end(&self, i: usize, name: &HolidayName) -> Option<usize> {
        let mut j = i;
        let last = name.words.len().checked_sub(1)?;
        for (k, w) in name.words.iter().enumerate() {
            if k > 0 && self.dash(j) && self.adjacent(j) {
                j += 1;
            }
            if !self.is_word(j) || (w.capital && !self.upper(j)) {
                return None;
            }
            let text = self.text_of(j);
            let lower = text.to_ascii_lowercase();
            if lower == w.lower {
                j += 1;
                if w.possessive {
                    let after = self.possessive(j);
                    if after == j && k == last {
                        return None;
                    }
                    j = after;
                }
            } else if w.possessive && lower.strip_suffix('s') == Some(w.lower.as_str()) {
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
