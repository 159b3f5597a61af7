//! Lengths and shifts: numbers (`three`, `5 1/2`, `a couple of`), `three years`, `a
//! two-day summit`, `half an hour`, `in two weeks`, `68 years ago`, `a year earlier`; and the
//! TIMEX3 duration values they write (`P3Y`, `PT30M`, `PXY`).

use super::{Grammar, Hit};
use crate::dates::expr::{Amount, Expr, RefPoint};
use crate::dates::lexicon::{Unit, W};

impl<'a> Grammar<'a> {
    /// A cardinal number in digits or words: `3`, `2.5`, `5 1/2`, `twenty-five`,
    /// `two hundred`, `a` (1), `a half`, `one and a half`.
    /// True when the digits at `i` continue a number glued before them: `2,372,457`,
    /// `19.95` (the `372`, `457` or `95`).
    pub(super) fn continues_number(&self, i: usize) -> bool {
        self.adjacent(i)
            && i >= 2
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.'))
            && self.adjacent(i - 1)
            && self.num(i - 2).is_some()
    }

    pub(super) fn number(&self, i: usize, allow_a: bool) -> Option<(usize, f64)> {
        let (mut end, mut value) = if let Some((v, digits)) = self.num(i) {
            if digits > 6 || self.continues_number(i) {
                return None;
            }
            let mut value = f64::from(v);
            let mut end = i + 1;
            // A thousands separator means a count, not a small number.
            if self.punct(end, ',')
                && self.adjacent(end)
                && self.num(end + 1).is_some()
                && self.adjacent(end + 1)
            {
                return None;
            }
            if self.punct(end, '.')
                && self.adjacent(end)
                && self.adjacent(end + 1)
                && let Some((frac, fd)) = self.num(end + 1)
            {
                value += f64::from(frac) / 10f64.powi(i32::from(fd));
                end += 2;
            }
            // `5 1/2`
            if let (Some((1, 1)), true, Some((2, 1))) =
                (self.num(end), self.punct(end + 1, '/'), self.num(end + 2))
            {
                value += 0.5;
                end += 3;
            }
            (end, value)
        } else {
            let lex = self.lex(i);
            if lex.num != 0 {
                let mut value = lex.num;
                let mut end = i + 1;
                // `twenty-five`, `twenty five`
                if (20..100).contains(&value) && value.is_multiple_of(10) {
                    let j = if self.dash(end) { end + 1 } else { end };
                    let n = self.lex(j).num;
                    if (1..10).contains(&n) {
                        value += n;
                        end = j + 1;
                    }
                }
                if self.lex(end).num == 100 || self.lex(end).num == 1000 {
                    value *= self.lex(end).num;
                    end += 1;
                }
                (end, f64::from(value))
            } else if self.is(i, W::A) && matches!(self.lex(i + 1).num, 100 | 1000 | 12) {
                (i + 2, f64::from(self.lex(i + 1).num))
            } else if allow_a && self.is(i, W::A) {
                // `a half hour`
                if self.is(i + 1, W::Half) {
                    return Some((i + 2, 0.5));
                }
                (i + 1, 1.0)
            } else {
                return None;
            }
        };
        // `one and a half`
        if self.is(end, W::And) && self.is(end + 1, W::A) && self.is(end + 2, W::Half) {
            value += 0.5;
            end += 3;
        }
        Some((end, value))
    }

    /// `few`, `several`, `a few`, `a couple of`, `some`, `many`: a vague amount.
    pub(super) fn vague_amount(&self, i: usize) -> Option<(usize, Amount, bool)> {
        match self.w(i) {
            W::A if self.is(i + 1, W::Few) => Some((i + 2, Amount::Vague, false)),
            W::A if self.is(i + 1, W::Couple) && self.is(i + 2, W::Of) => {
                Some((i + 3, Amount::Exact(2.0), true))
            }
            W::A if self.is(i + 1, W::Couple) => Some((i + 2, Amount::Exact(2.0), true)),
            W::Few | W::Several | W::Many => Some((i + 1, Amount::Vague, false)),
            W::Couple if self.is(i + 1, W::Of) => Some((i + 2, Amount::Exact(2.0), true)),
            _ => None,
        }
    }

    /// `three years`, `a two-day summit`, `18-month`, `a few days`, `5 1/2 hours`,
    /// `half an hour`, `decades`; with `ago`/`earlier`/`later`/`from now` a point:
    /// `68 years ago`, `a year earlier`.
    pub(super) fn duration_or_shift(&self, i: usize) -> Hit {
        // `a three-year period`: the article goes with the noun.
        if self.is(i, W::A)
            && let Some((end, expr @ Expr::Duration { .. })) = self.duration_or_shift_inner(i + 1)
            && end > i + 2
            && matches!(
                self.text_of(end - 1),
                "period" | "term" | "span" | "stretch" | "spell"
            )
        {
            return Some((end, expr));
        }
        let hit = self.duration_or_shift_inner(i)?;
        // `in two weeks`: a point ahead of the reference when the sentence looks ahead, a
        // length otherwise (`sold out in two weeks`); the tense decides at resolution.
        let after_in =
            i.checked_sub(1).is_some_and(|p| self.is(p, W::In)) && !self.superlative_before(i - 1);
        if let (
            true,
            Expr::Duration {
                n: n @ Amount::Exact(_),
                unit,
            },
        ) = (after_in, &hit.1)
            && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour)
        {
            return Some((hit.0, Expr::InFuture { n: *n, unit: *unit }));
        }
        Some(hit)
    }

    /// Whether a superlative or `first time` shortly before `in` (token `in_tok`) makes
    /// `in N years` the span it is measured over: `the worst drought in 26 years`, `the
    /// first time in six years`, `its highest level in five months` are lengths, whatever
    /// the tense.
    pub(super) fn superlative_before(&self, in_tok: usize) -> bool {
        (1..=4).any(|back| {
            let Some(p) = in_tok.checked_sub(back) else {
                return false;
            };
            if !self.is_word(p) {
                return false;
            }
            let w = self.text_of(p);
            let lower = w.to_ascii_lowercase();
            matches!(
                lower.as_str(),
                "best"
                    | "worst"
                    | "highest"
                    | "lowest"
                    | "largest"
                    | "biggest"
                    | "smallest"
                    | "strongest"
                    | "weakest"
                    | "longest"
                    | "shortest"
                    | "fastest"
                    | "slowest"
                    | "greatest"
                    | "sharpest"
                    | "steepest"
                    | "deepest"
                    | "heaviest"
                    | "lightest"
                    | "busiest"
                    | "poorest"
                    | "richest"
                    | "cheapest"
                    | "hottest"
                    | "coldest"
                    | "driest"
                    | "wettest"
                    | "warmest"
                    | "toughest"
                    | "fiercest"
                    | "most"
                    | "least"
                    | "first"
            ) && (1..back).all(|k| self.is_word(p + k))
        })
    }

    pub(super) fn duration_or_shift_inner(&self, i: usize) -> Hit {
        // `half an hour`, `half a day`
        if self.is(i, W::Half) && self.is(i + 1, W::A) {
            let unit = self.lex(i + 2).unit;
            if unit.is_some() && !self.lex(i + 2).plural {
                return self.finish_duration(i + 3, Amount::Exact(0.5), unit, false);
            }
        }
        // `will one day be`, `could one day`: an unspecified future.
        if self.lex(i).num == 1 && self.lex(i + 1).unit == Unit::Day && !self.lex(i + 1).plural {
            let modal = i.checked_sub(1).is_some_and(|p| {
                matches!(
                    self.text_of(p),
                    "will" | "would" | "could" | "might" | "may" | "can" | "shall"
                )
            });
            if modal {
                return Some((i + 2, Expr::Ref(RefPoint::Future)));
            }
        }
        // A bare plural unit: `for years`, `in decades`, `decades-long`, `years ago`.
        let lex = self.lex(i);
        if lex.unit.is_some() && lex.w != W::Day {
            if lex.plural && lex.unit != Unit::Weekend {
                let prev = i.checked_sub(1).map_or(W::None, |p| self.w(p));
                let follows_ago = matches!(self.w(i + 1), W::Ago);
                let hyphen_long = self.dash(i + 1) && self.is(i + 2, W::Long);
                // `years after the war`, `months later`
                let relative =
                    matches!(self.w(i + 1), W::After | W::Later | W::Before | W::Earlier);
                // `spent months`, `took years`: verbs whose object is a length.
                let length_verb = i.checked_sub(1).is_some_and(|p| {
                    matches!(
                        self.text_of(p),
                        "spent"
                            | "spend"
                            | "spends"
                            | "spending"
                            | "took"
                            | "take"
                            | "takes"
                            | "taking"
                            | "lasted"
                            | "last"
                            | "lasts"
                            | "lasting"
                            | "waited"
                            | "wait"
                            | "waiting"
                    )
                });
                if matches!(prev, W::For | W::In | W::Within | W::Over | W::After)
                    || follows_ago
                    || relative
                    || length_verb
                    || hyphen_long
                {
                    let end = if hyphen_long { i + 3 } else { i + 1 };
                    return self.finish_duration(end, Amount::Vague, lex.unit, false);
                }
            }
            // `vs 4 mln dlrs year ago`: wire copy drops the article.
            if !lex.plural
                && self.is(i + 1, W::Ago)
                && matches!(lex.unit, Unit::Week | Unit::Month | Unit::Year)
            {
                return self.finish_duration(i + 1, Amount::Exact(1.0), lex.unit, false);
            }
            return None;
        }
        if lex.w == W::Day {
            return None;
        }
        let (after_num, amount, approx, vague) = if let Some((e, a, approx)) = self.vague_amount(i)
        {
            (e, a, approx, true)
        } else {
            let (e, v) = self.number(i, true)?;
            // `two to three weeks`, `12 to 18 months`, `10-15 years`: one length, read as
            // its lower bound.
            let joined =
                self.is(e, W::To) || self.is(e, W::Or) || (self.dash(e) && self.adjacent(e));
            match joined.then(|| self.number(e + 1, false)).flatten() {
                Some((e2, _)) if self.lex(e2).unit.is_some() && self.lex(e2).plural => {
                    (e2, Amount::Exact(v), false, false)
                }
                _ => (e, Amount::Exact(v), false, false),
            }
        };
        // `two-day`, `18-month`, `10-year-old`
        let hyphen =
            self.dash(after_num) && self.adjacent(after_num) && self.adjacent(after_num + 1);
        let u = if hyphen { after_num + 1 } else { after_num };
        // `two more weeks`, `an additional year`, `20 more years`
        let u = if !hyphen
            && matches!(
                self.w(u),
                W::More | W::Additional | W::Further | W::Full | W::Whole | W::Entire
            )
            && self.lex(u + 1).unit.is_some()
        {
            u + 1
        } else {
            u
        };
        // `eight trading days`, `five business days`, `three straight years`: a kind of
        // day, or a run, between the number and its unit (`a calendar year` is a kind of
        // year, no length).
        let u = if !hyphen
            && !self.is(i, W::A)
            && matches!(
                self.text_of(u),
                "trading"
                    | "business"
                    | "working"
                    | "school"
                    | "calendar"
                    | "consecutive"
                    | "straight"
            )
            && self.lex(u + 1).unit.is_some()
            && self.lex(u + 1).unit != Unit::Weekend
        {
            u + 1
        } else {
            u
        };
        let ulex = self.lex(u);
        if !ulex.unit.is_some() || ulex.unit == Unit::Weekend {
            return None;
        }
        // `the same 1986 month`, `the entire 1986 year`: a year naming the period, not a
        // count of units (a count takes the plural: `1,000 years`).
        if !hyphen
            && !ulex.plural
            && u == i + 1
            && let Some((v, 4)) = self.num(i)
            && (1100..2200).contains(&v)
        {
            return None;
        }
        // `a` and vague amounts take a unit of the right number: `a year`, `a few years`.
        let a_word = self.is(i, W::A) && !vague && after_num == i + 1;
        if a_word {
            if ulex.plural || ulex.unit == Unit::Second {
                return None;
            }
            // `twice a year`, `$5 a day`, `700 seats a week`: a rate, not a length.
            let rate = (1..=3).any(|back| {
                i.checked_sub(back).is_some_and(|p| {
                    self.num(p).is_some()
                        || self.lex(p).num != 0
                        || self.punct(p, '$')
                        || matches!(
                            self.lex(p).w,
                            W::Once | W::Twice | W::Thrice | W::Times | W::Per
                        )
                        || matches!(
                            self.text_of(p),
                            "percent" | "cents" | "dollars" | "%" | "million" | "billion"
                        )
                })
            });
            let shifted = matches!(
                self.w(u + 1),
                W::Ago | W::Earlier | W::Later | W::Before | W::After
            );
            if rate && !shifted {
                return None;
            }
        }
        // `three-quarters of its food`, `a quarter of the market`: a fraction.
        if ulex.unit == Unit::Quarter
            && self.is(u + 1, W::Of)
            && matches!(amount, Amount::Exact(v) if v < 4.0)
        {
            return None;
        }
        // Digits followed by a unit: no prices or percentages (`$5 a day`).
        if let Some(p) = i.checked_sub(1)
            && (self.punct(p, '$') || self.punct(p, '£') || self.punct(p, '€'))
        {
            return None;
        }
        // `52 years old`, `a 136-year-old institution`: an age, which news annotation
        // leaves untagged.
        let end = u + 1;
        if (self.dash(end) && self.adjacent(end) && self.is(end + 1, W::Old))
            || (!hyphen && self.is(end, W::Old))
        {
            return None;
        }
        // `a year-earlier loss`: the unit starts a hyphenated adjective of its own.
        if !hyphen && self.dash(end) && self.adjacent(end) && self.adjacent(end + 1) {
            return None;
        }
        // `a three-year period`, `its one-year term`: the noun the length describes.
        if hyphen
            && matches!(
                self.text_of(end),
                "period" | "term" | "span" | "stretch" | "spell"
            )
        {
            return self.finish_duration(end + 1, amount, ulex.unit, approx);
        }
        // `two to three weeks`, `12 to 18 months`: one length, read as its lower bound.
        // (Handled where the first number starts; see `number_range`.)
        // `a minute and a half`
        if self.is(end, W::And)
            && self.is(end + 1, W::A)
            && self.is(end + 2, W::Half)
            && let Amount::Exact(v) = amount
        {
            return self.finish_duration(end + 3, Amount::Exact(v + 0.5), ulex.unit, approx);
        }
        self.finish_duration(end, amount, ulex.unit, approx)
    }

    /// A duration, or a shift when `ago`, `earlier`, `from now` or `hence` follows, or a date
    /// after the focus when `later` does.
    pub(super) fn finish_duration(&self, end: usize, n: Amount, unit: Unit, _approx: bool) -> Hit {
        let shift = match self.w(end) {
            W::Ago => Some((end + 1, -1)),
            W::Earlier => Some((end + 1, -1)),
            W::Hence => Some((end + 1, 1)),
            W::From if self.is(end + 1, W::Now) => Some((end + 2, 1)),
            _ => None,
        };
        if let Some((e, sign)) = shift {
            return Some((e, Expr::Shift { n, unit, sign }));
        }
        // In a narrative, `two days later`, `three years later`: that far after the date
        // the text last named (its temporal focus), as narrative annotation has them
        // (WikiWars); read against the reference date when none was named. `a few months
        // later` is an unspecified time after it. News annotation (TimeBank) keeps the
        // length, `two days`, and so does news here.
        if self.narrative
            && self.is(end, W::Later)
            && matches!(
                unit,
                Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year
            )
        {
            match n {
                Amount::Exact(v) if v.fract() == 0.0 && (1.0..=1000.0).contains(&v) => {
                    return Some((
                        end + 1,
                        Expr::Anchored {
                            unit,
                            weekday: 0,
                            offset: v as i32,
                            fallback: Some(Box::new(Expr::Shift { n, unit, sign: 1 })),
                        },
                    ));
                }
                Amount::Vague => return Some((end + 1, Expr::Ref(RefPoint::Future))),
                Amount::Exact(_) => {}
            }
        }
        if let Amount::Exact(v) = n
            && v.fract() != 0.0
        {
            return Some((end, Expr::DurationValue(fractional_duration(v, unit))));
        }
        Some((end, Expr::Duration { n, unit }))
    }
}

/// A TIMEX3 duration value: `P3Y`, `PT5H`, `P2DE`, `PXY` for a vague amount.
pub(crate) fn duration_value(n: Amount, unit: Unit) -> String {
    match n {
        Amount::Exact(v) if v.fract() == 0.0 => format_duration(v, unit),
        Amount::Exact(v) => fractional_duration(v, unit),
        Amount::Vague => {
            let (t, code) = unit_code(unit);
            format!("P{}X{code}", if t { "T" } else { "" })
        }
    }
}

fn unit_code(unit: Unit) -> (bool, &'static str) {
    match unit {
        Unit::Second => (true, "S"),
        Unit::Minute => (true, "M"),
        Unit::Hour => (true, "H"),
        Unit::Day => (false, "D"),
        Unit::Week => (false, "W"),
        Unit::Fortnight => (false, "W"),
        Unit::Month => (false, "M"),
        Unit::Quarter => (false, "Q"),
        Unit::Year => (false, "Y"),
        Unit::Decade => (false, "DE"),
        Unit::Century => (false, "CE"),
        Unit::Millennium => (false, "ML"),
        Unit::Weekend => (false, "WE"),
        Unit::None => (false, "X"),
    }
}

/// An exact duration. Decades, centuries and millennia are counted in years (`two
/// decades` is `P20Y`); the `DE`/`CE`/`ML` codes are kept for vague amounts (`PXDE`).
pub(crate) fn format_duration(v: f64, unit: Unit) -> String {
    let (t, code) = unit_code(unit);
    let (n, code) = match unit {
        Unit::Fortnight => (v * 2.0, code),
        Unit::Decade => (v * 10.0, "Y"),
        Unit::Century => (v * 100.0, "Y"),
        Unit::Millennium => (v * 1000.0, "Y"),
        _ => (v, code),
    };
    format!("P{}{}{code}", if t { "T" } else { "" }, n as u64)
}

/// `2 1/2 years` -> `P2Y6M`, `half an hour` -> `PT30M`, `1.5 days` -> `P1DT12H`.
pub(crate) fn fractional_duration(v: f64, unit: Unit) -> String {
    let whole = v.trunc() as u64;
    let frac = v.fract();
    let (sub, sub_unit, sub_t) = match unit {
        Unit::Year => ((frac * 12.0).round() as u64, "M", false),
        Unit::Month => ((frac * 30.0).round() as u64, "D", false),
        Unit::Week => ((frac * 7.0).round() as u64, "D", false),
        Unit::Day => ((frac * 24.0).round() as u64, "H", true),
        Unit::Hour => ((frac * 60.0).round() as u64, "M", true),
        Unit::Minute => ((frac * 60.0).round() as u64, "S", true),
        Unit::Decade => ((frac * 10.0).round() as u64, "Y", false),
        Unit::Century => ((frac * 100.0).round() as u64, "Y", false),
        _ => return format_duration(v.round(), unit),
    };
    let (t, code) = unit_code(unit);
    let mut out = String::from("P");
    if t {
        out.push('T');
    }
    if whole > 0 {
        out.push_str(&format!("{whole}{code}"));
    }
    if sub > 0 {
        if sub_t && !t {
            out.push('T');
        }
        out.push_str(&format!("{sub}{sub_unit}"));
    }
    if out == "P" || out == "PT" {
        out.push('0');
        out.push_str(code);
    }
    out
}
