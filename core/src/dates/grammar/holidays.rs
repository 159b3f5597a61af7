//! Holidays by name: `Easter`, `Christmas Eve`, `Thanksgiving Day`, `Memorial Day`,
//! `New Year's Eve`, `Martin Luther King Jr. Day`..., optionally with a year.

use super::{Grammar, Hit};
use crate::dates::expr::{Expr, Rel, YearRef};
use crate::dates::lexicon::{Holiday, W};

impl<'a> Grammar<'a> {
    pub(super) fn holiday_word(&self, i: usize) -> bool {
        self.upper(i)
            && matches!(
                self.text_of(i),
                "Memorial"
                    | "Labor"
                    | "Labour"
                    | "Independence"
                    | "Veterans"
                    | "Veteran"
                    | "Presidents"
                    | "President"
                    | "Columbus"
                    | "Election"
                    | "Valentine"
                    | "Good"
                    | "Boxing"
                    | "Martin"
                    | "St"
                    | "Saint"
                    | "New"
            )
    }

    /// Holidays: `Easter`, `Christmas Eve`, `Thanksgiving Day`, `Memorial Day`,
    /// `New Year's Day`, `the Fourth of July`, optionally with a year.
    pub(super) fn holiday_expr(&self, i: usize, rel: Rel) -> Hit {
        let (holiday, mut end) = self.holiday_name(i)?;
        if let Some((y, e)) = self.year_number(end) {
            end = e;
            return Some((
                end,
                Expr::Holiday {
                    holiday,
                    year: YearRef::Abs(y),
                    rel: Rel::Bare,
                },
            ));
        }
        Some((
            end,
            Expr::Holiday {
                holiday,
                year: YearRef::Infer,
                rel,
            },
        ))
    }

    pub(super) fn holiday_name(&self, i: usize) -> Option<(Holiday, usize)> {
        if !self.upper(i) {
            return None;
        }
        let day_after = |j: usize| self.is(j, W::Day) && self.upper(j);
        let poss = |j: usize| self.possessive(j);
        let lex = self.lex(i);
        if let Some(h) = lex.holiday {
            let mut end = i + 1;
            let mut h = h;
            match h {
                Holiday::Easter => {
                    if self.word_eq(end, "Sunday") {
                        end += 1;
                    } else if self.word_eq(end, "Monday") {
                        h = Holiday::EasterMonday;
                        end += 1;
                    }
                }
                Holiday::Christmas => {
                    if self.is(end, W::Eve) && self.upper(end) {
                        h = Holiday::ChristmasEve;
                        end += 1;
                    } else if day_after(end) {
                        end += 1;
                    }
                }
                Holiday::Thanksgiving if day_after(end) => end += 1,
                _ => {}
            }
            return Some((h, end));
        }
        let word = self.text_of(i);
        let next = self.text_of(i + 1);
        let h = match (word, next) {
            ("Memorial", "Day") => (Holiday::MemorialDay, i + 2),
            ("Labor" | "Labour", "Day") => (Holiday::LaborDay, i + 2),
            ("Independence", "Day") => (Holiday::IndependenceDay, i + 2),
            // `Veterans Day`, `Veterans' Day`, `Presidents' Day`, `President's Day`
            ("Veterans" | "Veteran" | "Presidents" | "President", _) => {
                let j = poss(i + 1);
                let j = if self.punct(j, '\'') || self.punct(j, '’') {
                    j + 1
                } else {
                    j
                };
                if !self.word_eq(j, "day") {
                    return None;
                }
                let h = if word.starts_with("Veteran") {
                    Holiday::VeteransDay
                } else {
                    Holiday::PresidentsDay
                };
                (h, j + 1)
            }
            ("Columbus", "Day") => (Holiday::ColumbusDay, i + 2),
            ("Election", "Day") => (Holiday::ElectionDay, i + 2),
            ("Boxing", "Day") => (Holiday::BoxingDay, i + 2),
            ("Good", "Friday") => (Holiday::GoodFriday, i + 2),
            ("Valentine", _) => {
                let j = poss(i + 1);
                if !self.word_eq(j, "day") {
                    return None;
                }
                (Holiday::ValentinesDay, j + 1)
            }
            ("Martin", "Luther") if self.word_eq(i + 2, "King") => {
                let j = if self.word_eq(i + 3, "Jr") {
                    self.abbr_dot(i + 4)
                } else {
                    i + 3
                };
                if !self.word_eq(j, "day") {
                    return None;
                }
                (Holiday::MlkDay, j + 1)
            }
            ("St" | "Saint", _) => {
                let j = self.abbr_dot(i + 1);
                if !self.word_eq(j, "Patrick") {
                    return None;
                }
                let j = poss(j + 1);
                if !self.word_eq(j, "day") {
                    return None;
                }
                (Holiday::StPatricksDay, j + 1)
            }
            ("New", "Year") => {
                let j = poss(i + 2);
                if self.word_eq(j, "Day") {
                    (Holiday::NewYearsDay, j + 1)
                } else if self.word_eq(j, "Eve") {
                    (Holiday::NewYearsEve, j + 1)
                } else if j > i + 2 {
                    (Holiday::NewYearsDay, j)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some(h)
    }
}
