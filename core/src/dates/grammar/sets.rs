//! Sets (TIMEX3 SET): `every Monday`, `each year`, `every two weeks`, `daily`, `twice a
//! week`, `three times a year`.

use super::durations::format_duration;
use super::{Grammar, Hit};
use crate::dates::expr::{Expr, SetSpec};
use crate::dates::lexicon::{Unit, W};

impl<'a> Grammar<'a> {
    /// `every Monday`, `each year`, `every two weeks`, `daily`, `annually`, `twice a week`,
    /// `three times a year`.
    pub(super) fn set_expr(&self, i: usize) -> Hit {
        let simple = |v: &str| {
            Expr::Set(SetSpec {
                value: v.to_owned(),
                quant: None,
                freq: None,
            })
        };
        // `daily`, `annually` as adverbs; before a noun (`daily volume`, `quarterly dividend`)
        // they are adjectives, and not expressions in news annotation.
        let adjective =
            self.is_word(i + 1) && self.lex(i + 1).is_empty() || self.lex(i + 1).unit.is_some();
        if matches!(
            self.w(i),
            W::Daily | W::Weekly | W::Monthly | W::Yearly | W::Quarterly | W::Hourly
        ) && adjective
        {
            return None;
        }
        match self.w(i) {
            W::Daily => return Some((i + 1, simple("P1D"))),
            W::Weekly => return Some((i + 1, simple("P1W"))),
            W::Monthly => return Some((i + 1, simple("P1M"))),
            W::Yearly if !self.word_eq(i, "annual") => return Some((i + 1, simple("P1Y"))),
            W::Quarterly => return Some((i + 1, simple("P3M"))),
            W::Hourly => return Some((i + 1, simple("PT1H"))),
            W::Every | W::Each => {
                let quant = if self.is(i, W::Every) {
                    "EVERY"
                } else {
                    "EACH"
                };
                let mut k = i + 1;
                let other = self.is(k, W::Other);
                if other {
                    k += 1;
                }
                let (n, k) = match self.number(k, false) {
                    Some((e, v)) if v >= 1.0 && v.fract() == 0.0 => (v as u32, e),
                    _ => (if other { 2 } else { 1 }, k),
                };
                let lex = self.lex(k);
                let value = if lex.unit.is_some() && lex.unit != Unit::Weekend {
                    format_duration(f64::from(n), lex.unit)
                } else if lex.weekday != 0 && self.upper(k) {
                    format!("XXXX-WXX-{}", lex.weekday)
                } else if lex.month != 0 && self.upper(k) {
                    format!("XXXX-{:02}", lex.month)
                } else if let Some(s) = lex.season {
                    format!("XXXX-{}", s.code())
                } else if let Some(p) = lex.pod {
                    format!("XXXX-XX-XXT{}", p.code())
                } else if lex.unit == Unit::Weekend {
                    "XXXX-WXX-WE".to_owned()
                } else {
                    return None;
                };
                return Some((
                    k + 1,
                    Expr::Set(SetSpec {
                        value,
                        quant: Some(quant),
                        freq: None,
                    }),
                ));
            }
            _ => {}
        }
        // `once a week`, `twice a year`, `three times a month`, `twice weekly`
        let (freq, k) = match self.w(i) {
            W::Once => (1, i + 1),
            W::Twice => (2, i + 1),
            W::Thrice => (3, i + 1),
            _ => {
                let (e, v) = self.number(i, false)?;
                if !self.is(e, W::Times) || v.fract() != 0.0 {
                    return None;
                }
                (v as u32, e + 1)
            }
        };
        if matches!(self.w(k), W::A | W::Per | W::Each | W::Every) {
            let u = self.lex(k + 1);
            if u.unit.is_some() && !u.plural && u.unit != Unit::Weekend {
                return Some((
                    k + 2,
                    Expr::Set(SetSpec {
                        value: format_duration(1.0, u.unit),
                        quant: None,
                        freq: Some(format!("{freq}X")),
                    }),
                ));
            }
        }
        None
    }
}
