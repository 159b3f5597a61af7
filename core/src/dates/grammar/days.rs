//! Named days and parts of the year: weekdays (`Friday`, `Friday, Oct. 23`, `Mondays`),
//! a day with a part of the day (`Friday night`), seasons (`summer 2018`, `the winter of
//! 1994`).

use super::{Grammar, Hit};
use crate::dates::expr::{Expr, Rel, SetSpec, YearRef};
use crate::dates::lexicon::W;
use crate::dates::token::Kind;

impl<'a> Grammar<'a> {
    /// A weekday with what may follow it: `Friday`, `Friday, Oct. 23`, `Friday night`,
    /// `Mondays` (a set), `Tuesday nights`.
    pub(super) fn weekday_expr(&self, i: usize) -> Hit {
        let lex = self.lex(i);
        let t = self.tok(i)?;
        if !t.upper {
            return None;
        }
        let mut after = i + 1;
        if lex.weekday_abbr {
            // `Fri.`, `Sat.`: without the dot `Sun`, `Sat` and `Wed` are ordinary words.
            if !(self.punct(after, '.') && self.adjacent(after)) {
                return None;
            }
            after += 1;
        }
        // `the Sunday Times`, `Monday Night Football`: a capitalised name follows.
        if self.upper(after)
            && self.is_word(after)
            && self.lex(after).month == 0
            && self.lex(after).pod.is_none()
            && !t.all_upper
        {
            return None;
        }
        let wd = lex.weekday;
        if lex.weekday_plural {
            // `Mondays`, `on Tuesday nights`
            let mut end = after;
            let mut value = format!("XXXX-WXX-{wd}");
            if let Some(pod) = self.lex(after).pod {
                value.push('T');
                value.push_str(pod.code());
                end += 1;
            }
            return Some((
                end,
                Expr::Set(SetSpec {
                    value,
                    quant: None,
                    freq: None,
                }),
            ));
        }
        // `Friday, Oct. 23`, `Monday, Oct. 26, 1998`, `Friday Oct. 13`
        let comma = if self.punct(after, ',') {
            after + 1
        } else {
            after
        };
        let dated = self.month_expr(comma).or_else(|| self.day_month(comma));
        if let Some((end, Expr::MonthDay { month, day, year })) = dated {
            if year == YearRef::Infer {
                // The weekday tells the year: `Saturday, April 25` is in a year where
                // April 25 is a Saturday.
                return Some((
                    end,
                    Expr::MonthDayWeekday {
                        month,
                        day,
                        weekday: wd,
                    },
                ));
            }
            return Some((end, Expr::MonthDay { month, day, year }));
        }
        let day = Expr::Weekday {
            weekday: wd,
            rel: Rel::Bare,
        };
        self.with_part_of_day(after, day)
    }

    /// A day expression followed by a part of the day: `Friday night`, `yesterday morning`.
    pub(super) fn with_part_of_day(&self, after: usize, day: Expr) -> Hit {
        let lex = self.lex(after);
        if let Some(pod) = lex.pod {
            if lex.plural || self.word_eq(after, "nights") || self.word_eq(after, "mornings") {
                // `on Tuesday nights`: every Tuesday night.
                if let Expr::Weekday { weekday, .. } = day {
                    return Some((
                        after + 1,
                        Expr::Set(SetSpec {
                            value: format!("XXXX-WXX-{weekday}T{}", pod.code()),
                            quant: None,
                            freq: None,
                        }),
                    ));
                }
                return Some((after, day));
            }
            return Some((
                after + 1,
                Expr::PartOfDay {
                    day: Box::new(day),
                    pod,
                },
            ));
        }
        Some((after, day))
    }

    /// `summer`, `the winter of 1994`, `summer 2018`; `spring` and `fall` alone only where
    /// they cannot be the ordinary words.
    pub(super) fn season_expr(&self, i: usize, rel: Rel, first: usize) -> Hit {
        let season = self.lex(i).season?;
        let after = i + 1;
        let of = if self.is(after, W::Of) {
            after + 1
        } else {
            after
        };
        let year = self
            .year_number(of)
            .or_else(|| match self.year_in_words(of) {
                Some((e, Expr::Year(YearRef::Abs(y)))) if of > after => Some((y, e)),
                _ => None,
            });
        if let Some((y, e)) = year {
            return Some((
                e,
                Expr::Season {
                    season,
                    year: YearRef::Abs(y),
                    rel: Rel::Bare,
                },
            ));
        }
        if rel == Rel::Bare {
            let word = self.text_of(i).to_ascii_lowercase();
            let prev = first.checked_sub(1).map_or(W::None, |p| self.w(p));
            let ordinary = word == "fall" || word == "spring";
            if ordinary {
                let prev_ok = matches!(
                    prev,
                    W::In
                        | W::Since
                        | W::Until
                        | W::Early
                        | W::Late
                        | W::Mid
                        | W::This
                        | W::The
                        | W::Through
                ) || first
                    .checked_sub(1)
                    .is_some_and(|p| self.word_eq(p, "by") || self.word_eq(p, "during"));
                let next_ok = match self.tok(after) {
                    None => true,
                    Some(t) => {
                        matches!(t.kind, Kind::Punct(_))
                            || matches!(self.w(after), W::And | W::Or | W::To)
                            || self.word_eq(after, "when")
                    }
                };
                if !(prev_ok && next_ok) {
                    return None;
                }
                if prev == W::The {
                    let before_the = first.checked_sub(2).map_or(W::None, |p| self.w(p));
                    if !matches!(before_the, W::In | W::Since | W::Until | W::Through) {
                        return None;
                    }
                }
            } else if self.is(after, W::Of) {
                return None;
            }
        }
        Some((
            after,
            Expr::Season {
                season,
                year: YearRef::Infer,
                rel,
            },
        ))
    }
}
