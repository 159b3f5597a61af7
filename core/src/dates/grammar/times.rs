//! Clock times: `10:35 a.m.`, `10 p.m. EST`, `noon`, `midnight`, `4 in the morning`,
//! `1200 GMT`, optionally followed by the day they fall on.

use super::{Grammar, Hit};
use crate::dates::expr::{Clock, Expr, Rel};
use crate::dates::lexicon::{Pod, W};

impl<'a> Grammar<'a> {
    /// What marks a four-digit number before token `i` as a 24-hour clock time (`1200
    /// GMT`, `1358 local time`, `0900 hrs`): the token after the time's words, when a mark
    /// is there (a zone stays to be read with the time, as in `10 p.m. EST`).
    pub(super) fn military_suffix(&self, i: usize) -> Option<usize> {
        if self.is(i, W::Zone) && self.tok(i).is_some_and(|t| t.all_upper) {
            Some(i)
        } else if self.word_eq(i, "local") && self.word_eq(i + 1, "time") {
            Some(i + 2)
        } else if matches!(self.text_of(i), "hrs" | "HRS") {
            Some(i + 1)
        } else {
            None
        }
    }

    /// `10:35 a.m.`, `10 p.m. EST`, `noon`, `midnight`, `4 in the morning`, `1200 GMT`,
    /// optionally followed by a day: `10 p.m. Wednesday`, `5 p.m. EST Nov. 9`.
    pub(super) fn clock_time(&self, i: usize) -> Hit {
        let (clock, after) = self.clock(i)?;
        let mut end = after;
        let mut clock = clock;
        if self.is(end, W::Zone) && (self.tok(end).is_some_and(|t| t.all_upper)) {
            clock.zone = Some(self.lex(end).zone);
            end += 1;
        }
        // A day after the time.
        let k = if self.punct(end, ',') { end + 1 } else { end };
        let day = if let Some((e, d)) = self.day_after_time(k) {
            end = e;
            Some(Box::new(d))
        } else {
            None
        };
        Some((end, Expr::Time { day, clock }))
    }

    pub(super) fn day_after_time(&self, k: usize) -> Hit {
        let lex = self.lex(k);
        if lex.weekday != 0 && self.upper(k) && !lex.weekday_plural && !lex.weekday_abbr {
            return Some((
                k + 1,
                Expr::Weekday {
                    weekday: lex.weekday,
                    rel: Rel::Bare,
                },
            ));
        }
        if matches!(lex.w, W::Today | W::Yesterday | W::Tomorrow) {
            return self
                .deictic(k)
                .and_then(|(e, d)| matches!(d, Expr::DayRel(_)).then_some((e, d)));
        }
        if lex.month != 0
            && let Some((e, md @ Expr::MonthDay { .. })) = self.month_expr(k)
        {
            return Some((e, md));
        }
        None
    }

    pub(super) fn clock(&self, i: usize) -> Option<(Clock, usize)> {
        match self.w(i) {
            // `High Noon`, `high noon comes today`: the film and the idiom, no clock time.
            W::Noon if i.checked_sub(1).is_some_and(|p| self.word_eq(p, "high")) => {
                return None;
            }
            W::Noon | W::Midday => {
                return Some((
                    Clock {
                        hour: 12,
                        minute: Some(0),
                        zone: None,
                    },
                    i + 1,
                ));
            }
            W::Midnight => {
                return Some((
                    Clock {
                        hour: 24,
                        minute: None,
                        zone: None,
                    },
                    i + 1,
                ));
            }
            _ => {}
        }
        let (h, hd) = self.num(i)?;
        if hd > 4 {
            return None;
        }
        // `1200 GMT`, `0930 EST`, `1358 local time`, `0900 hrs`
        if hd == 4 {
            let end = self.military_suffix(i + 1)?;
            let (hh, mm) = (h / 100, h % 100);
            if hh > 23 || mm > 59 {
                return None;
            }
            return Some((
                Clock {
                    hour: hh as u8,
                    minute: Some(mm as u8),
                    zone: None,
                },
                end,
            ));
        }
        if h > 24 {
            return None;
        }
        let mut end = i + 1;
        let mut minute = None;
        if self.punct(end, ':') && self.adjacent(end) && self.adjacent(end + 1) {
            let (m, md) = self.num(end + 1)?;
            if md != 2 || m > 59 {
                return None;
            }
            minute = Some(m as u8);
            end += 2;
            // seconds
            if self.punct(end, ':')
                && self.adjacent(end)
                && self.num(end + 1).is_some_and(|(_, d)| d == 2)
            {
                end += 2;
            }
        }
        let (pm, e) = self.am_pm(end);
        match pm {
            Some(pm) => {
                if h == 0 || h > 12 {
                    return None;
                }
                let hour = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                Some((
                    Clock {
                        hour: hour as u8,
                        minute,
                        zone: None,
                    },
                    e,
                ))
            }
            None => {
                // `4 in the morning`, `10 o'clock`
                if self.is(end, W::In)
                    && self.is(end + 1, W::The)
                    && let Some(pod) = self.lex(end + 2).pod
                {
                    let hour = match pod {
                        Pod::Afternoon | Pod::Evening if h < 12 => h + 12,
                        Pod::Night if (6..12).contains(&h) => h + 12,
                        _ => h,
                    };
                    return Some((
                        Clock {
                            hour: hour as u8,
                            minute,
                            zone: None,
                        },
                        end + 3,
                    ));
                }
                if self.word_eq(end, "o")
                    && (self.punct(end + 1, '\'') || self.punct(end + 1, '’'))
                    && self.word_eq(end + 2, "clock")
                {
                    return Some((
                        Clock {
                            hour: h as u8,
                            minute,
                            zone: None,
                        },
                        end + 3,
                    ));
                }
                // `10:35 EST`: minutes and a zone make it a time.
                if minute.is_some()
                    && self.is(end, W::Zone)
                    && self.tok(end).is_some_and(|t| t.all_upper)
                {
                    return Some((
                        Clock {
                            hour: h as u8,
                            minute,
                            zone: None,
                        },
                        end,
                    ));
                }
                None
            }
        }
    }

    /// `a.m.`, `am`, `p.m`, `PM`: `Some(true)` for p.m.
    pub(super) fn am_pm(&self, i: usize) -> (Option<bool>, usize) {
        let word = self.text_of(i).to_ascii_lowercase();
        match word.as_str() {
            "am" | "pm" => {
                let e = self.abbr_dot(i + 1);
                return (Some(word == "pm"), e);
            }
            "a" | "p"
                if self.punct(i + 1, '.')
                    && self.adjacent(i + 1)
                    && self.word_eq(i + 2, "m")
                    && self.adjacent(i + 2) =>
            {
                let e = self.abbr_dot(i + 3);
                return (Some(word == "p"), e);
            }
            _ => {}
        }
        (None, i)
    }
}
