//! The recognizer: a hand-written grammar of English temporal expressions over tokens,
//! following the extent rules of the TimeML TIMEX3 guidelines (determiners and
//! pre-modifiers that belong to the expression are inside it, prepositions and other
//! signals like `in`, `on`, `since`, `before` are not).
//!
//! At each token that can open an expression every rule is tried and the longest match wins
//! (earlier rules win ties); scanning then goes on after the match. Each rule checks the
//! context that tells a date from an ordinary word: `May` the month needs a day, a year, a
//! preposition or another month beside it; a four-digit number is a year only outside
//! prices, phone numbers, decimals and counts of things.

use super::expr::{Expr, Mod, RefPoint, Rel};
use super::lexicon::{Lex, Unit, W};
use super::tense;
use super::token::{Kind, Tok};

mod calendar_dates;
mod days;
mod durations;
mod holidays;
mod modifiers;
mod periods;
mod relative;
mod sets;
mod times;
mod with_the;
mod years;

pub(crate) use durations::duration_value;

/// One expression found: tokens `[start, end)`, its meaning and modifier.
#[derive(Clone, Debug)]
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<Mod>,
}

/// The result of one rule: the token after the match, and the meaning.
type Hit = Option<(usize, Expr)>;

static NO_LEX: Lex = Lex {
    w: W::None,
    month: 0,
    month_abbr: false,
    weekday: 0,
    weekday_abbr: false,
    weekday_plural: false,
    num: 0,
    ord: 0,
    unit: Unit::None,
    plural: false,
    season: None,
    pod: None,
    zone: 0,
};

pub(crate) struct Grammar<'a> {
    text: &'a str,
    t: &'a [Tok],
    /// The text is read as a narrative: `two days later` is a date after the focus (as
    /// narrative annotation has it), not the length `two days` (as TimeBank's news has it).
    narrative: bool,
}

fn longer(best: &mut Hit, cand: Hit) {
    if let Some((end, _)) = &cand
        && best.as_ref().is_none_or(|(b, _)| end > b)
    {
        *best = cand;
    }
}

/// A decade or a century, named (`the '80s`, `the 20th century`) or relative (`the
/// decade`, `this century`).
fn is_decade_or_century(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Decade(_)
            | Expr::Century(_)
            | Expr::CenturyRel(_)
            | Expr::UnitRel {
                unit: Unit::Decade | Unit::Century,
                ..
            }
    )
}

/// Possessive determiners: an owner before a noun (`in his 30s`, `the first quarter of its
/// season`).
const POSSESSIVES: &[&str] = &["his", "her", "its", "their", "my", "your", "our"];

impl<'a> Grammar<'a> {
    pub(crate) fn new(text: &'a str, t: &'a [Tok]) -> Grammar<'a> {
        Grammar {
            text,
            t,
            narrative: false,
        }
    }

    /// The grammar of a narrative (see [`Grammar::narrative`]).
    pub(crate) fn in_narrative(mut self, yes: bool) -> Grammar<'a> {
        self.narrative = yes;
        self
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    fn lex(&self, i: usize) -> &'static Lex {
        self.t.get(i).and_then(|t| t.lex).unwrap_or(&NO_LEX)
    }

    fn w(&self, i: usize) -> W {
        self.lex(i).w
    }

    fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == w
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// A reported statistic's noun at `i` (`trade data`, `sales`): see [`tense::statistic_at`].
    fn stat_after(&self, i: usize) -> bool {
        tense::statistic_at(self.t, self.text, i)
    }

    fn dash(&self, i: usize) -> bool {
        self.punct(i, '-') || self.punct(i, '–') || self.punct(i, '—')
    }

    /// Token `i` exists and touches the token before it.
    fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn text_of(&self, i: usize) -> &'a str {
        self.tok(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn word_eq(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is_word()) && self.text_of(i).eq_ignore_ascii_case(word)
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        self.tok(i).and_then(|t| t.num())
    }

    fn upper(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.upper)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is_word())
    }

    /// Whether token `i` could open an expression (the scanner skips the others).
    pub(crate) fn can_start(&self, i: usize) -> bool {
        match self.tok(i) {
            Some(t) => match t.kind {
                Kind::Num { .. } => true,
                Kind::Word => {
                    t.lex.is_some()
                        || self.holiday_word(i)
                        || matches!(
                            self.text_of(i),
                            "right"
                                | "Right"
                                | "sometime"
                                | "Sometime"
                                | "no"
                                | "No"
                                | "Q"
                                | "FY"
                                | "pre"
                                | "Pre"
                                | "post"
                                | "Post"
                        )
                }
                Kind::Punct(c) => c == '\'' || c == '’',
            },
            None => false,
        }
    }

    /// Skips a possessive `'s` / `’s` after token `end - 1`.
    fn possessive(&self, end: usize) -> usize {
        if (self.punct(end, '\'') || self.punct(end, '’'))
            && self.adjacent(end)
            && self.word_eq(end + 1, "s")
            && self.adjacent(end + 1)
        {
            end + 2
        } else {
            end
        }
    }

    /// Skips a `.` right after an abbreviation.
    fn abbr_dot(&self, end: usize) -> usize {
        if self.punct(end, '.') && self.adjacent(end) {
            end + 1
        } else {
            end
        }
    }

    /// The longest expression starting at token `i`.
    pub(crate) fn match_at(&self, i: usize) -> Option<Match> {
        let mut best: Option<Match> = None;
        let mut offer = |m: Option<Match>| {
            if let Some(m) = m
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(m);
            }
        };
        offer(self.core(i).map(|(end, expr)| Match {
            start: i,
            end,
            expr,
            modifier: None,
        }));
        offer(self.part_modified(i));
        offer(self.quantity_modified(i));
        // `the early 1980s`, `the mid-1990s`: the determiner belongs to the expression.
        if self.is(i, W::The) && matches!(self.w(i + 1), W::Early | W::Late | W::Mid) {
            offer(self.part_modified(i + 1).map(|m| Match { start: i, ..m }));
        }
        // `right now`, `more recently`, `sometime next year`
        if (self.word_eq(i, "right") && self.is(i + 1, W::Now))
            || (self.is(i, W::More) && self.is(i + 1, W::Recently))
            || (self.word_eq(i, "sometime")
                && matches!(self.w(i + 1), W::Next | W::Last | W::This | W::In))
        {
            let j = if self.is(i + 1, W::In) { i + 2 } else { i + 1 };
            offer(self.core(j).map(|(end, expr)| Match {
                start: i,
                end,
                expr,
                modifier: None,
            }));
        }
        let mut m = best?;
        // `or so` makes any expression approximate; `1994 or later`, `1990 and beyond`.
        if self.is(m.end, W::Or) && self.word_eq(m.end + 1, "so") {
            m.end += 2;
            m.modifier.get_or_insert(Mod::Approx);
            // `a week or so ago`: the point, not the length.
            if let Expr::Duration { n, unit } = m.expr
                && self.is(m.end, W::Ago)
            {
                m.end += 1;
                m.expr = Expr::Shift { n, unit, sign: -1 };
            }
        } else if matches!(
            m.expr,
            Expr::Year(_) | Expr::Month { .. } | Expr::MonthDay { .. }
        ) {
            if self.is(m.end, W::Or) && self.is(m.end + 1, W::Later) {
                m.end += 2;
                m.modifier = Some(Mod::OnOrAfter);
            } else if self.is(m.end, W::Or) && self.is(m.end + 1, W::Earlier) {
                m.end += 2;
                m.modifier = Some(Mod::OnOrBefore);
            } else if self.is(m.end, W::And) && self.word_eq(m.end + 1, "beyond") {
                m.end += 2;
                m.modifier = Some(Mod::OnOrAfter);
            }
        }
        Some(m)
    }

    /// Every rule that needs no modifier word in front.
    fn core(&self, i: usize) -> Hit {
        let mut best = None;
        let lex = self.lex(i);
        if let Some(t) = self.tok(i) {
            match t.kind {
                Kind::Num { .. } => {
                    longer(&mut best, self.numeric_date(i));
                    longer(&mut best, self.clock_time(i));
                    longer(&mut best, self.day_month(i));
                    longer(&mut best, self.year_expr(i));
                    longer(&mut best, self.quarter_expr(i));
                    longer(&mut best, self.century(i));
                    longer(&mut best, self.duration_or_shift(i));
                    longer(&mut best, self.set_expr(i));
                }
                Kind::Punct(_) => longer(&mut best, self.year_expr(i)),
                Kind::Word => {
                    if lex.w == W::The {
                        longer(&mut best, self.with_the(i));
                        longer(&mut best, self.holiday_after_the(i));
                    }
                    if lex.month != 0 {
                        longer(&mut best, self.month_expr(i));
                    }
                    if lex.weekday != 0 {
                        longer(&mut best, self.weekday_expr(i));
                    }
                    if lex.season.is_some() {
                        longer(&mut best, self.season_expr(i, Rel::Bare, i));
                    }
                    if self.holiday_word(i) {
                        longer(&mut best, self.holiday_expr(i, Rel::Bare));
                    }
                    if lex.ord != 0 || lex.num != 0 {
                        longer(&mut best, self.quarter_expr(i));
                        longer(&mut best, self.century(i));
                        longer(&mut best, self.year_in_words(i));
                        longer(&mut best, self.day_month(i));
                    }
                    if lex.num != 0
                        || matches!(lex.w, W::A | W::Few | W::Several | W::Couple | W::Half)
                    {
                        longer(&mut best, self.duration_or_shift(i));
                    }
                    if lex.unit.is_some() {
                        longer(&mut best, self.duration_or_shift(i));
                    }
                    if lex.w == W::That {
                        longer(&mut best, self.demonstrative(i + 1));
                    }
                    // `the then current price`, `the then-current chairman`: the present of
                    // a past time.
                    if lex.w == W::Then {
                        let k = if self.dash(i + 1) { i + 2 } else { i + 1 };
                        if self.is(k, W::Current) && self.is_word(k + 1) {
                            longer(&mut best, Some((k + 1, Expr::Ref(RefPoint::Past))));
                        }
                    }
                    longer(&mut best, self.deictic(i));
                    longer(&mut best, self.relative(i));
                    longer(&mut best, self.set_expr(i));
                    longer(&mut best, self.clock_time(i));
                    longer(&mut best, self.year_expr(i));
                    longer(&mut best, self.quarter_expr(i));
                }
            }
        }
        best
    }
}
