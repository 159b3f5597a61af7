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

use super::expr::{Amount, Clock, Expr, Mod, RefPoint, Rel, SetSpec, YearRef};
use super::lexicon::{Holiday, Lex, Pod, Unit, W};
use super::tense;
use super::token::{Kind, Tok};

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
    holiday: None,
    zone: 0,
};

pub(crate) struct Grammar<'a> {
    text: &'a str,
    t: &'a [Tok],
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

/// Words after `the March` or `the May` that show a name or a verb, or a protest march,
/// not a month labelling a noun (`the March of Dimes`, `the March was`, `the March route`).
const NOT_A_MONTH_LABEL: &[&str] = &[
    "of",
    "for",
    "on",
    "in",
    "at",
    "by",
    "to",
    "from",
    "with",
    "as",
    "and",
    "or",
    "but",
    "was",
    "is",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "can",
    "may",
    "that",
    "which",
    "who",
    "through",
    "against",
    "organizers",
    "marchers",
    "route",
];

impl<'a> Grammar<'a> {
    pub(crate) fn new(text: &'a str, t: &'a [Tok]) -> Grammar<'a> {
        Grammar { text, t }
    }

    // ---- token helpers -------------------------------------------------------------

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

    fn holiday_word(&self, i: usize) -> bool {
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

    // ---- the entry point --------------------------------------------------------------

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
                    if lex.holiday.is_some() || self.holiday_word(i) {
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

    // ---- modifiers ------------------------------------------------------------------

    /// `the first half of the '80s`, `the last half of the century`: the decade or century
    /// itself, its start or end.
    fn decade_half(&self, i: usize) -> Option<Match> {
        if !(self.is(i, W::The) && self.is(i + 2, W::Half) && self.is(i + 3, W::Of)) {
            return None;
        }
        let m = match (self.lex(i + 1).ord, self.w(i + 1)) {
            (1, _) => Mod::Start,
            (2, _) | (_, W::Last) => Mod::End,
            _ => return None,
        };
        let whole = |k: usize| {
            self.core(k)
                .filter(|(_, e)| is_decade_or_century(e))
                .or_else(|| self.this_decade_or_century(k))
        };
        let (end, expr) =
            whole(i + 4).or_else(|| whole(i + 5).filter(|_| self.is(i + 4, W::The)))?;
        Some(Match {
            start: i,
            end,
            expr,
            modifier: Some(m),
        })
    }

    /// `decade` or `century` at `i` after `the`: the reference's own.
    fn this_decade_or_century(&self, i: usize) -> Hit {
        let lex = self.lex(i);
        if lex.plural || i == 0 || !self.is(i - 1, W::The) {
            return None;
        }
        match lex.unit {
            Unit::Century => Some((i + 1, Expr::CenturyRel(0))),
            Unit::Decade => Some((
                i + 1,
                Expr::UnitRel {
                    unit: Unit::Decade,
                    offset: 0,
                },
            )),
            _ => None,
        }
    }

    /// `early`, `late`, `mid`, `earlier`, `later`, `the beginning/middle/end of` + a period.
    fn part_modified(&self, i: usize) -> Option<Match> {
        // `pre-1990`, `post-1959`
        if (self.word_eq(i, "pre") || self.word_eq(i, "post"))
            && self.dash(i + 1)
            && self.adjacent(i + 1)
        {
            // The year is glued to its prefix, so no count check: `post-1959 records`.
            let year = match self.year_number(i + 2) {
                Some((y, e)) if !(self.word_eq(e, "s") && self.adjacent(e)) => {
                    Some((e, Expr::Year(YearRef::Abs(y))))
                }
                _ => self
                    .year_expr(i + 2)
                    .filter(|(_, x)| matches!(x, Expr::Decade(_))),
            };
            if let Some((end, expr)) = year {
                let m = if self.word_eq(i, "pre") {
                    Mod::Before
                } else {
                    Mod::After
                };
                return Some(Match {
                    start: i,
                    end,
                    expr,
                    modifier: Some(m),
                });
            }
        }
        // `year-end`, `year end`, `year's end`
        if self.is(i, W::Year) {
            let j = if self.dash(i + 1) {
                i + 2
            } else {
                self.possessive(i + 1)
            };
            if self.is(j, W::End) && !self.is(j + 1, W::Of) {
                return Some(Match {
                    start: i,
                    end: j + 1,
                    expr: Expr::UnitRel {
                        unit: Unit::Year,
                        offset: 0,
                    },
                    modifier: Some(Mod::End),
                });
            }
        }
        if let Some(m) = self.decade_half(i) {
            return Some(m);
        }
        let (m, inner) = match self.w(i) {
            W::Early => (Mod::Start, i + 1),
            W::Late => (Mod::End, i + 1),
            W::Mid | W::Middle if self.dash(i + 1) && self.adjacent(i + 1) => (Mod::Mid, i + 2),
            W::Mid => (Mod::Mid, i + 1),
            // `end-September`, `end-1986`: wire copy's end of a period.
            W::End if self.dash(i + 1) && self.adjacent(i + 1) && self.adjacent(i + 2) => {
                (Mod::End, i + 2)
            }
            W::Earlier => (Mod::Start, i + 1),
            W::Later => (Mod::End, i + 1),
            W::The => {
                let m = match self.w(i + 1) {
                    W::Beginning | W::Start => Mod::Start,
                    W::Middle => Mod::Mid,
                    W::End => Mod::End,
                    _ => return None,
                };
                if !self.is(i + 2, W::Of) {
                    return None;
                }
                (m, i + 3)
            }
            _ => return None,
        };
        let earlier_later = matches!(self.w(i), W::Earlier | W::Later);
        // `mid-afternoon`, `late morning yesterday`, `early Friday evening`: a part of a day.
        if let Some(pod) = self.lex(inner).pod
            && !self.lex(inner).plural
            && !earlier_later
        {
            let (end, day) = match self.day_after_time(inner + 1) {
                Some((e, d)) => (e, d),
                None => (inner + 1, Expr::DayRel(0)),
            };
            return Some(Match {
                start: i,
                end,
                expr: Expr::PartOfDay {
                    day: Box::new(day),
                    pod,
                },
                modifier: Some(m),
            });
        }
        // `the end of the year`, `the end of the month`.
        if self.is(inner, W::The) && !earlier_later {
            let unit = self.lex(inner + 1).unit;
            if matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter)
                && !self.lex(inner + 1).plural
                && !self.is(inner + 2, W::Of)
            {
                return Some(Match {
                    start: i,
                    end: inner + 2,
                    expr: Expr::UnitRel { unit, offset: 0 },
                    modifier: Some(m),
                });
            }
        }
        let (end, expr) = self.core(inner)?;
        let ok = matches!(
            &expr,
            Expr::Year(_)
                | Expr::Decade(_)
                | Expr::Century(_)
                | Expr::CenturyRel(_)
                | Expr::Month { .. }
                | Expr::Quarter { .. }
                | Expr::Half { .. }
                | Expr::Season { .. }
                | Expr::UnitRel { .. }
                | Expr::DayRel(_)
                | Expr::Weekday { .. }
                | Expr::PartOfDay { .. }
                | Expr::Anchored { .. }
        );
        if !ok {
            return None;
        }
        // `earlier`/`later` only before a relative period: `earlier this year`, `later today`,
        // `later that day`.
        if earlier_later
            && !matches!(
                expr,
                Expr::UnitRel { .. } | Expr::DayRel(_) | Expr::Anchored { .. }
            )
            && !matches!(expr, Expr::Weekday { .. })
        {
            return None;
        }
        Some(Match {
            start: i,
            end,
            expr,
            modifier: Some(m),
        })
    }

    /// `about`, `nearly`, `more than`, `at least`, `up to`, `no more than` + an expression.
    fn quantity_modified(&self, i: usize) -> Option<Match> {
        let (m, inner) = match self.w(i) {
            W::About | W::Around | W::Approximately => (Mod::Approx, i + 1),
            W::Some if self.num(i + 1).is_some() || self.lex(i + 1).num > 1 => (Mod::Approx, i + 1),
            W::Nearly => (Mod::EqualOrLess, i + 1),
            W::Almost => (Mod::LessThan, i + 1),
            W::More if self.is(i + 1, W::Than) => (Mod::MoreThan, i + 2),
            W::Less if self.is(i + 1, W::Than) => (Mod::LessThan, i + 2),
            W::At if self.is(i + 1, W::Least) => (Mod::EqualOrMore, i + 2),
            W::At if self.is(i + 1, W::Most) => (Mod::EqualOrLess, i + 2),
            W::Up if self.is(i + 1, W::To) => (Mod::EqualOrLess, i + 2),
            _ if self.word_eq(i, "no") && self.is(i + 1, W::More) && self.is(i + 2, W::Than) => {
                (Mod::EqualOrLess, i + 3)
            }
            _ => return None,
        };
        let (end, expr) = self.core(inner)?;
        let ok = match &expr {
            Expr::Duration { .. } | Expr::DurationValue(_) | Expr::Shift { .. } => true,
            Expr::Time { .. } => m == Mod::Approx,
            Expr::Year(_) | Expr::MonthDay { .. } | Expr::Month { .. } => {
                m == Mod::Approx && !self.is(i, W::Some)
            }
            _ => false,
        };
        if !ok {
            return None;
        }
        Some(Match {
            start: i,
            end,
            expr,
            modifier: Some(m),
        })
    }

    // ---- numbers --------------------------------------------------------------------

    /// A cardinal number in digits or words: `3`, `2.5`, `5 1/2`, `twenty-five`,
    /// `two hundred`, `a` (1), `a half`, `one and a half`.
    /// True when the digits at `i` continue a number glued before them: `2,372,457`,
    /// `19.95` (the `372`, `457` or `95`).
    fn continues_number(&self, i: usize) -> bool {
        self.adjacent(i)
            && i >= 2
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.'))
            && self.adjacent(i - 1)
            && self.num(i - 2).is_some()
    }

    fn number(&self, i: usize, allow_a: bool) -> Option<(usize, f64)> {
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
    fn vague_amount(&self, i: usize) -> Option<(usize, Amount, bool)> {
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

    // ---- durations and shifts -----------------------------------------------------------

    /// `three years`, `a two-day summit`, `18-month`, `a few days`, `5 1/2 hours`,
    /// `half an hour`, `decades`; with `ago`/`earlier`/`later`/`from now` a point:
    /// `68 years ago`, `a year earlier`.
    fn duration_or_shift(&self, i: usize) -> Hit {
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
    fn superlative_before(&self, in_tok: usize) -> bool {
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

    fn duration_or_shift_inner(&self, i: usize) -> Hit {
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

    /// A duration, or a shift when `ago`, `earlier`, `later`, `from now` or `hence` follows.
    fn finish_duration(&self, end: usize, n: Amount, unit: Unit, _approx: bool) -> Hit {
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
        if let Amount::Exact(v) = n
            && v.fract() != 0.0
        {
            return Some((end, Expr::DurationValue(fractional_duration(v, unit))));
        }
        Some((end, Expr::Duration { n, unit }))
    }

    // ---- calendar dates ---------------------------------------------------------------

    /// A year in digits with the context that makes it one, or `'98`, `fiscal 1989`,
    /// `FY2018`, and decades: `1990s`, `'90s`, `1990's`.
    fn year_expr(&self, i: usize) -> Hit {
        // `'98`, `'90s`
        if self.punct(i, '\'') || self.punct(i, '’') {
            let (v, digits) = self.num(i + 1)?;
            if digits != 2 || !self.adjacent(i + 1) {
                return None;
            }
            let year = if v < 30 {
                2000 + v as i32
            } else {
                1900 + v as i32
            };
            if self.word_eq(i + 2, "s") && self.adjacent(i + 2) {
                return Some((i + 3, Expr::Decade(year / 10)));
            }
            // `'98` alone is too often a closing quote after a number; it needs a month or
            // `in`/`since` before it.
            let prev_ok = i.checked_sub(1).is_some_and(|p| {
                self.lex(p).month != 0 || matches!(self.w(p), W::In | W::Since | W::Of)
            });
            return prev_ok.then_some((i + 2, Expr::Year(YearRef::Abs(year))));
        }
        if self.is(i, W::Fiscal) {
            let j = if self.is(i + 1, W::Year) {
                i + 2
            } else {
                i + 1
            };
            let (y, end) = self.year_number(j)?;
            return Some((end, Expr::Year(YearRef::Abs(y))));
        }
        if self.word_eq(i, "FY") {
            let (y, end) = self.year_number(i + 1)?;
            return Some((end, Expr::Year(YearRef::Abs(y))));
        }
        let (v, digits) = self.num(i)?;
        // `80s`, `1990s`, `1990's`
        if self.word_eq(i + 1, "s") && self.adjacent(i + 1) {
            if digits == 4 && v % 10 == 0 && (1000..2100).contains(&v) {
                return Some((i + 2, Expr::Decade(v as i32 / 10)));
            }
            if digits == 2 && v % 10 == 0 && !self.age_before(i) {
                return Some((i + 2, Expr::Decade(190 + v as i32 / 10)));
            }
            return None;
        }
        if (self.punct(i + 1, '\'') || self.punct(i + 1, '’'))
            && self.word_eq(i + 2, "s")
            && self.adjacent(i + 1)
            && digits == 4
            && v % 10 == 0
        {
            // `1990's`: a decade unless it is a possessive (`1990's budget` reads the same;
            // a decade is the common case).
            return Some((i + 3, Expr::Decade(v as i32 / 10)));
        }
        if !self.bare_year_ok(i) {
            return None;
        }
        let y = v as i32;
        Some((i + 1, Expr::Year(YearRef::Abs(y))))
    }

    /// Whether the two-digit decade at `i` is somebody's age: a possessive before it, past
    /// `early`, `mid-`, `late` (`in his 30s`, `in their late 20s`, `in her mid-40s`).
    fn age_before(&self, i: usize) -> bool {
        let mut k = i;
        while let Some(p) = k.checked_sub(1) {
            if matches!(self.w(p), W::Early | W::Mid | W::Late) || self.dash(p) {
                k = p;
                continue;
            }
            return POSSESSIVES.iter().any(|w| self.word_eq(p, w));
        }
        false
    }

    /// A year number in digits at `i` (four digits, or two after an apostrophe).
    fn year_number(&self, i: usize) -> Option<(i32, usize)> {
        if let Some((v, 4)) = self.num(i)
            && (1000..2200).contains(&v)
        {
            return Some((v as i32, i + 1));
        }
        if (self.punct(i, '\'') || self.punct(i, '’'))
            && let Some((v, 2)) = self.num(i + 1)
        {
            let y = if v < 30 { 2000 + v } else { 1900 + v };
            return Some((y as i32, i + 2));
        }
        None
    }

    /// Whether the four-digit number at `i` reads as a year: between 1100 and 2199, not a
    /// price, a decimal, a part of a longer number, a phone number or a count of things.
    fn bare_year_ok(&self, i: usize) -> bool {
        let Some((v, 4)) = self.num(i) else {
            return false;
        };
        if !(1100..2200).contains(&v) {
            return false;
        }
        if let Some(p) = i.checked_sub(1) {
            let prev = self.tok(p);
            if let Some(prev) = prev
                && !self.tok(i).is_some_and(|t| t.space_before)
            {
                // Glued to what comes before: `$1990`, `1,990`, `555-1990`, `#1990`, `No.1990`.
                if matches!(prev.kind, Kind::Num { .. } | Kind::Word) {
                    return false;
                }
                if let Kind::Punct(c) = prev.kind
                    && c != '('
                    && c != '"'
                    && c != '“'
                    && c != '['
                    && c != '/'
                {
                    // `1986-1990` is a range: the first year is checked by itself.
                    let dash_after_year = (c == '-' || c == '–')
                        && p.checked_sub(1).is_some_and(|q| {
                            self.num(q)
                                .is_some_and(|(y, d)| d == 4 && (1100..2200).contains(&y))
                        });
                    // `mid-1996`, `pre-1990`, `post-1959`, `end-1986`
                    let prefixed = c == '-'
                        && p.checked_sub(1).is_some_and(|q| {
                            matches!(
                                self.text_of(q).to_ascii_lowercase().as_str(),
                                "mid" | "pre" | "post" | "early" | "late" | "end"
                            )
                        });
                    if !dash_after_year && !prefixed {
                        return false;
                    }
                }
            }
            let pl = self.lex(p);
            if self.punct(p, '$') || self.punct(p, '£') || self.punct(p, '€') || self.punct(p, '#')
            {
                return false;
            }
            if matches!(
                self.text_of(p),
                "No" | "no"
                    | "Nos"
                    | "number"
                    | "Number"
                    | "Room"
                    | "Flight"
                    | "flight"
                    | "route"
                    | "Route"
            ) {
                return false;
            }
            // `about 2000 people` is a count.
            if matches!(
                pl.w,
                W::About | W::Nearly | W::Almost | W::Some | W::Over | W::Under | W::Than
            ) && self.next_is_count_noun(i + 1)
            {
                return false;
            }
        }
        // Glued to what follows: `1990.5`, `1,990`, `1990-555`, `1990%`.
        if let Some(n) = self.tok(i + 1)
            && !n.space_before
        {
            match n.kind {
                Kind::Num { .. } | Kind::Word => return false,
                Kind::Punct(c) => {
                    if c == '%' {
                        return false;
                    }
                    if (c == '.' || c == ',' || c == ':' || c == '/')
                        && self.num(i + 2).is_some()
                        && self.adjacent(i + 2)
                    {
                        return false;
                    }
                    if (c == '-' || c == '–')
                        && let Some((_, d)) = self.num(i + 2)
                    {
                        // `1990-91`, `2017-2021` are ranges of years; a phone or
                        // part number has other lengths.
                        if !(d == 2 || d == 4) {
                            return false;
                        }
                    }
                }
            }
        }
        // `at 1400 GMT`, `1358 local time`, `0930 hrs`, `1500 local (0600 GMT)`, `1400
        // hours`: a 24-hour clock time (or a count of hours), not a year.
        if v % 100 < 60
            && v / 100 < 24
            && (self.military_suffix(i + 1).is_some()
                || matches!(self.text_of(i + 1), "local" | "hours"))
        {
            return false;
        }
        !self.next_is_count_noun(i + 1)
    }

    /// A plural noun after a number makes it a count (`2000 people`, `1500 troops`).
    fn next_is_count_noun(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        if !t.is_word() || t.upper {
            return false;
        }
        let word = self.text_of(i);
        if let Some(lex) = t.lex {
            return lex.unit.is_some() && lex.plural;
        }
        let plural =
            word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us");
        plural
            || matches!(
                word,
                "people"
                    | "percent"
                    | "men"
                    | "women"
                    | "children"
                    | "feet"
                    | "police"
                    | "miles"
                    | "km"
                    | "kilometers"
                    | "tons"
                    | "barrels"
                    | "points"
                    | "mph"
                    | "metres"
                    | "meters"
            )
    }

    /// `nineteen ninety-six`, `two thousand`, `the year two thousand`.
    fn year_in_words(&self, i: usize) -> Hit {
        let lex = self.lex(i);
        if lex.num == 2 && self.lex(i + 1).num == 1000 {
            // `two thousand` alone is a count more often than a year; ask for `the year`.
            let the_year = i >= 2 && self.is(i - 1, W::Year) && self.is(i - 2, W::The);
            if !the_year {
                return None;
            }
            let mut end = i + 2;
            let mut y = 2000;
            if self.is(end, W::And) && self.lex(end + 1).num != 0 && self.lex(end + 1).num < 100 {
                y += self.lex(end + 1).num as i32;
                end += 2;
            }
            return Some((end, Expr::Year(YearRef::Abs(y))));
        }
        if !(lex.num == 19 || lex.num == 18 || lex.num == 20) {
            return None;
        }
        let (end, tens) = self.number(i + 1, false)?;
        if !(10.0..100.0).contains(&tens) || self.num(i + 1).is_some() {
            return None;
        }
        Some((
            end,
            Expr::Year(YearRef::Abs(lex.num as i32 * 100 + tens as i32)),
        ))
    }

    /// A day of the month written as a number, `27th` or an ordinal word; returns the day
    /// and the token after it.
    fn day_number(&self, i: usize) -> Option<(u8, usize)> {
        if let Some((v, digits)) = self.num(i) {
            if digits > 2 || !(1..=31).contains(&v) || self.continues_number(i) {
                return None;
            }
            // `Jun 10.0` in a table of figures is a number, not a day.
            if (self.punct(i + 1, '.') || self.punct(i + 1, ','))
                && self.adjacent(i + 1)
                && self.num(i + 2).is_some()
                && self.adjacent(i + 2)
            {
                return None;
            }
            let mut end = i + 1;
            if self.adjacent(end) && matches!(self.text_of(end), "st" | "nd" | "rd" | "th") {
                end += 1;
            }
            return Some((v as u8, end));
        }
        let lex = self.lex(i);
        if lex.ord != 0 {
            let mut day = u32::from(lex.ord);
            let mut end = i + 1;
            // `twenty-first`
            if lex.ord < 20 || !lex.ord.is_multiple_of(10) {
                return (day <= 31).then_some((day as u8, end));
            }
            let _ = &mut day;
            let _ = &mut end;
            return (day <= 31).then_some((day as u8, end));
        }
        if (lex.num == 20 || lex.num == 30) && self.dash(i + 1) {
            let o = self.lex(i + 2).ord;
            if (1..10).contains(&o) {
                let day = lex.num + u32::from(o);
                return (day <= 31).then_some((day as u8, i + 3));
            }
        }
        None
    }

    /// A month name at `i` with its abbreviation dot; the token after it.
    fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        let lex = self.lex(i);
        if lex.month == 0 {
            return None;
        }
        let t = self.tok(i)?;
        if lex.month_abbr {
            // `Aug.`, `Sept. 30`, `Dec 7`: an abbreviation needs its capital and a dot or a
            // number after it (`Mar-a-Lago` is not March).
            if !t.upper {
                return None;
            }
            if self.punct(i + 1, '.') && self.adjacent(i + 1) {
                return Some((lex.month, i + 2));
            }
            if self.num(i + 1).is_some() {
                return Some((lex.month, i + 1));
            }
            return None;
        }
        if !t.upper {
            return None;
        }
        Some((lex.month, i + 1))
    }

    /// `April 27th`, `Aug. 7, 1998`, `July 1953`, `May of 2018`, `January this year`,
    /// `in January`, `May or June`.
    fn month_expr(&self, i: usize) -> Hit {
        let (month, after) = self.month_name(i)?;
        // Day, then an optional year.
        if let Some((day, end)) = self.day_number(after) {
            // `May 2` but not `May 2,000`, `June 30-year bonds`.
            let count_after = self.dash(end) && self.lex(end + 1).unit.is_some();
            let thousands = self.punct(end, ',')
                && self.adjacent(end)
                && self.num(end + 1).is_some_and(|(_, d)| d == 3);
            if !count_after && !thousands {
                let mut end = end;
                let mut year = YearRef::Infer;
                let comma = if self.punct(end, ',') { end + 1 } else { end };
                if let Some((y, e)) = self.year_number(comma)
                    && !self.next_is_count_noun(e)
                {
                    year = YearRef::Abs(y);
                    end = e;
                } else if let Some(off) = self.year_shift(end) {
                    // `November 30 last year`
                    year = YearRef::Rel(off);
                    end += 2;
                }
                if self.num(after).is_some() || year != YearRef::Infer || self.lex(after).ord != 0 {
                    return Some((end, Expr::MonthDay { month, day, year }));
                }
            }
        }
        // `scheduled for June eight, Wolverine said`, `due May one on its bonds`: wire
        // copy spells the day out; only where the number ends a phrase (`in May two
        // companies merged`, `in March one of them` are counts).
        let end = after + 1;
        let spelled_day = (1..=31).contains(&self.lex(after).num)
            && self.num(after).is_none()
            && !self.dash(end)
            && self.upper(i)
            && !(self.punct(end, ',') && self.lex(end + 1).num != 0)
            && (self.tok(end).is_none()
                || [',', '.', ';', ')'].iter().any(|&c| self.punct(end, c))
                || matches!(
                    self.text_of(end),
                    "on" | "at" | "and" | "when" | "with" | "from" | "Reuter"
                ));
        if spelled_day {
            return Some((
                end,
                Expr::MonthDay {
                    month,
                    day: self.lex(after).num as u8,
                    year: YearRef::Infer,
                },
            ));
        }
        // Month and year.
        let of = if self.is(after, W::Of) || self.punct(after, ',') {
            after + 1
        } else {
            after
        };
        // `January nineteen ninety-seven`
        if let Some((e, Expr::Year(YearRef::Abs(y)))) = self.year_in_words(of) {
            return Some((
                e,
                Expr::Month {
                    month,
                    year: YearRef::Abs(y),
                    rel: Rel::Bare,
                },
            ));
        }
        if let Some((y, e)) = self.year_number(of)
            && !self.next_is_count_noun(e)
        {
            return Some((
                e,
                Expr::Month {
                    month,
                    year: YearRef::Abs(y),
                    rel: Rel::Bare,
                },
            ));
        }
        // `January this year`, `June last year`
        if let Some(off) = self.year_shift(after) {
            return Some((
                after + 2,
                Expr::Month {
                    month,
                    year: YearRef::Rel(off),
                    rel: Rel::Bare,
                },
            ));
        }
        if !self.bare_month_ok(i, after) {
            return None;
        }
        Some((
            after,
            Expr::Month {
                month,
                year: YearRef::Infer,
                rel: Rel::Bare,
            },
        ))
    }

    /// `this year`, `last year`, `next year` at `i`, after a month or a date: the year's
    /// offset from the reference's.
    fn year_shift(&self, i: usize) -> Option<i32> {
        if self.lex(i + 1).unit != Unit::Year || self.lex(i + 1).plural {
            return None;
        }
        match self.w(i) {
            W::This => Some(0),
            W::Last | W::Past => Some(-1),
            W::Next => Some(1),
            _ => None,
        }
    }

    /// Whether a month name standing alone is the month: always for the unambiguous names;
    /// `May` and `March` (a modal verb and a verb or noun) only after a preposition or
    /// modifier of time, or beside another month (`May or June`).
    fn bare_month_ok(&self, i: usize, after: usize) -> bool {
        let lex = self.lex(i);
        if lex.month_abbr {
            return self.punct(i + 1, '.') && self.upper(i);
        }
        if lex.month != 5 && lex.month != 3 {
            return true;
        }
        if self.tok(i).is_some_and(|t| t.all_upper) {
            return false;
        }
        // `the March trade surplus`, `its May truck sales`: the label of a figure.
        if after == i + 1 && self.stat_after(after) {
            return true;
        }
        // `The March accession`, `the May elections`: a capitalised name between a
        // determiner and a lower-case noun (not `the March of Dimes`, `the March was`).
        let determiner = i.checked_sub(1).is_some_and(|p| {
            ["the", "its", "their", "this", "that"]
                .iter()
                .any(|w| self.word_eq(p, w))
        });
        if determiner
            && after == i + 1
            && self.upper(i)
            && self.is_word(after)
            && !self.upper(after)
            && self.lex(after).w == W::None
            && !NOT_A_MONTH_LABEL.iter().any(|w| self.word_eq(after, w))
        {
            return true;
        }
        let prev = i.checked_sub(1).map_or(W::None, |p| self.w(p));
        let prev_ok = matches!(
            prev,
            W::In
                | W::Since
                | W::Until
                | W::Through
                | W::From
                | W::Early
                | W::Late
                | W::Mid
                | W::Last
                | W::Next
                | W::This
                | W::Of
                | W::Before
                | W::After
                | W::Between
                | W::Or
                | W::And
                | W::To
                | W::Past
                | W::Coming
                | W::End
                | W::Beginning
        ) || i.checked_sub(1).is_some_and(|p| {
            self.word_eq(p, "by")
                || self.word_eq(p, "during")
                || self.word_eq(p, "targeting")
                || self.word_eq(p, "eyeing")
        }) || (i >= 1
            && self.dash(i - 1)
            && i >= 2
            && matches!(self.w(i - 2), W::Mid | W::End));
        if prev_ok && (prev != W::And && prev != W::Or && prev != W::To || self.month_before(i)) {
            // `in May` but not `in May we trust`... a following capitalised word is a name.
            return !(self.upper(after) && self.is_word(after) && self.lex(after).month == 0);
        }
        // `May or June`, `May and June`
        if matches!(self.w(after), W::Or | W::And | W::To | W::Through) || self.dash(after) {
            let next = after + 1;
            let nlex = self.lex(next);
            let next_next = if matches!(nlex.w, W::Early | W::Late | W::Mid) {
                next + 1
            } else {
                next
            };
            return self.lex(next_next).month != 0 && self.upper(next_next);
        }
        false
    }

    fn month_before(&self, i: usize) -> bool {
        // `June or May`: a month two tokens before.
        i >= 2 && self.lex(i - 2).month != 0 && self.upper(i - 2)
            || i >= 3 && self.lex(i - 3).month != 0 && self.upper(i - 3)
    }

    /// `27 April 2018`, `the 27th of April`, `27th April`.
    fn day_month(&self, i: usize) -> Hit {
        let (day, after) = self.day_number(i)?;
        let of = if self.is(after, W::Of) {
            after + 1
        } else {
            after
        };
        let (month, end) = self.month_name(of)?;
        // `4 May` needs a year or a day with a suffix (`4th May`): `21 May` alone may be a
        // count before a name, but `the 4th of May` is clear.
        let mut end = end;
        let mut year = YearRef::Infer;
        let comma = if self.punct(end, ',') { end + 1 } else { end };
        if let Some((y, e)) = self.year_number(comma) {
            year = YearRef::Abs(y);
            end = e;
        }
        Some((end, Expr::MonthDay { month, day, year }))
    }

    /// `2018-04-17`, `4/17/2018`, `17/4/2018` (a first number above 12 is the day),
    /// `4/17/18`.
    fn numeric_date(&self, i: usize) -> Hit {
        let (a, da) = self.num(i)?;
        let sep = self.tok(i + 1)?;
        let Kind::Punct(c) = sep.kind else {
            return None;
        };
        if !(c == '-' || c == '/' || c == '.') || sep.space_before {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        if !self.punct(i + 3, c)
            || !self.adjacent(i + 2)
            || !self.adjacent(i + 3)
            || !self.adjacent(i + 4)
        {
            return None;
        }
        let (cv, dc) = self.num(i + 4)?;
        // Glued to more digits or separators: a part or phone number.
        if self.adjacent(i + 5)
            && (self.num(i + 5).is_some() || self.punct(i + 5, c) || self.punct(i + 5, '-'))
        {
            return None;
        }
        let (y, m, d) = if da == 4 && c == '-' && db <= 2 && dc <= 2 {
            (a as i32, b, cv)
        } else if c != '-' && da <= 2 && db <= 2 && (dc == 4 || dc == 2) {
            let y = if dc == 4 {
                cv as i32
            } else if cv < 30 {
                2000 + cv as i32
            } else {
                1900 + cv as i32
            };
            if a > 12 { (y, b, a) } else { (y, a, b) }
        } else {
            return None;
        };
        super::calendar::ymd(y, m as i32, d as i32)?;
        Some((
            i + 5,
            Expr::MonthDay {
                month: m as u8,
                day: d as u8,
                year: YearRef::Abs(y),
            },
        ))
    }

    /// A weekday with what may follow it: `Friday`, `Friday, Oct. 23`, `Friday night`,
    /// `Mondays` (a set), `Tuesday nights`.
    fn weekday_expr(&self, i: usize) -> Hit {
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
    fn with_part_of_day(&self, after: usize, day: Expr) -> Hit {
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
    fn season_expr(&self, i: usize, rel: Rel, first: usize) -> Hit {
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

    /// Holidays: `Easter`, `Christmas Eve`, `Thanksgiving Day`, `Memorial Day`,
    /// `New Year's Day`, `the Fourth of July`, optionally with a year.
    fn holiday_expr(&self, i: usize, rel: Rel) -> Hit {
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

    fn holiday_name(&self, i: usize) -> Option<(Holiday, usize)> {
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

    // ---- deictic and relative -------------------------------------------------------

    /// `today`, `yesterday afternoon`, `tonight`, `now`, `currently`, `recently`, `soon`.
    fn deictic(&self, i: usize) -> Hit {
        let day = match self.w(i) {
            W::Today => Some(0),
            W::Yesterday => Some(-1),
            W::Tomorrow => Some(1),
            _ => None,
        };
        if let Some(d) = day {
            return self.with_part_of_day(i + 1, Expr::DayRel(d));
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
        let r = match self.w(i) {
            W::Tonight => {
                return Some((
                    i + 1,
                    Expr::PartOfDay {
                        day: Box::new(Expr::DayRel(0)),
                        pod: Pod::Night,
                    },
                ));
            }
            W::Now => {
                // `now-defunct`, `now 72`: still the present; but not `from now` (a shift).
                RefPoint::Present
            }
            W::Currently | W::Nowadays => RefPoint::Present,
            W::Recently => RefPoint::Past,
            // `current prices`: an adjective of time. (`recent` before a noun, `the recent
            // gains`, is left alone: in news annotation it is rarely an expression.)
            // (`current account`, `current assets`: terms of accounting, not of time.)
            W::Current
                if self.is_word(i + 1)
                    && !self.upper(i + 1)
                    && self.lex(i + 1).is_empty()
                    && !matches!(
                        self.text_of(i + 1),
                        "account" | "accounts" | "assets" | "liabilities" | "ratio"
                    ) =>
            {
                RefPoint::Present
            }
            W::Soon => {
                // `as soon as`, `soon after` are conjunctions.
                if self.word_eq(i + 1, "as") || self.is(i + 1, W::After) {
                    return None;
                }
                RefPoint::Future
            }
            W::These if self.lex(i + 1).unit == Unit::Day && self.lex(i + 1).plural => {
                return Some((i + 2, Expr::Ref(RefPoint::Present)));
            }
            _ => return None,
        };
        Some((i + 1, Expr::Ref(r)))
    }

    /// Expressions that open with `the`, which is then part of the extent: `the future`,
    /// `the past three years`, `the third quarter`, `the 1990s`, `the weekend`, `the 27th`,
    /// `the year-ago quarter`, `the first nine months`.
    fn with_the(&self, i: usize) -> Hit {
        let j = i + 1;
        let lex = self.lex(j);
        match lex.w {
            W::Future => return Some((j + 1, Expr::Ref(RefPoint::Future))),
            W::Past
                if !self.lex(j + 1).unit.is_some()
                    && self.num(j + 1).is_none()
                    && self.lex(j + 1).num == 0
                    && !matches!(self.w(j + 1), W::Few | W::Several | W::Couple) =>
            {
                // `the past` alone; `the past week` is relative.
                if self.is_word(j + 1) && !self.upper(j + 1) && self.lex(j + 1).is_empty() {
                    return None;
                }
                return Some((j + 1, Expr::Ref(RefPoint::Past)));
            }
            W::Present if !self.is_word(j + 1) || self.is(j + 1, W::And) => {
                return Some((j + 1, Expr::Ref(RefPoint::Present)));
            }
            W::Near if self.is(j + 1, W::Future) || self.is(j + 1, W::Term) => {
                return Some((j + 2, Expr::Ref(RefPoint::Future)));
            }
            _ => {}
        }
        if self.word_eq(j, "short") && self.is(j + 1, W::Term) {
            return Some((j + 2, Expr::Ref(RefPoint::Future)));
        }
        let mut best = None;
        if let Some(d) = self.decade_words(j) {
            longer(&mut best, Some(d));
        }
        // `the 1990s`, `the '80s`, `the third quarter`, `the 20th century`
        if let Some((end, e)) = self.year_expr(j)
            && matches!(e, Expr::Decade(_))
        {
            longer(&mut best, Some((end, e)));
        }
        // `the third quarter`, but `the third-quarter results`: the adjective leaves `the` out.
        if let Some(hit) = self.quarter_expr(j) {
            let hyphenated = (j..hit.0).any(|x| {
                self.dash(x) && matches!(self.lex(x + 1).unit, Unit::Quarter)
                    || self.dash(x) && self.is(x + 1, W::Half)
            });
            if !hyphenated {
                longer(&mut best, Some(hit));
            }
        }
        longer(&mut best, self.century(j));
        // (`the year-ago results`: the adjective leaves `the` out.)
        if let Some(hit) = self.relative(j)
            && !matches!(hit.1, Expr::Year(YearRef::Rel(-1)))
        {
            longer(&mut best, Some(self.anchor_relative(j, hit)));
        }
        // `the same day`, `the same month`
        if lex.w == W::Same {
            longer(&mut best, self.demonstrative(j + 1));
        }
        // `the same period last year`, `the corresponding quarter a year earlier`, `the
        // quarter a year ago`
        if lex.w == W::Same || self.word_eq(j, "corresponding") || self.word_eq(j, "comparable") {
            longer(&mut best, self.period_year_before(j + 1, true));
        }
        longer(&mut best, self.period_year_before(j, false));
        // `the week` (not `the week of March 6`)
        if lex.unit == Unit::Week && !lex.plural && !self.is(j + 1, W::Of) && !self.dash(j + 1) {
            // `the week ended March 28`, `the week ending Feb 27`, `the week to April 1`:
            // the week of that day, which the date after it names on its own.
            let ended = self.period_ended(j + 1);
            let expr = match ended.and_then(|k| self.month_expr(k)) {
                Some((_, day @ Expr::MonthDay { .. })) => Expr::WeekOf(Box::new(day)),
                _ => Expr::UnitRel {
                    unit: Unit::Week,
                    offset: 0,
                },
            };
            longer(&mut best, Some((j + 1, expr)));
        }
        // `the weekend`
        if lex.unit == Unit::Weekend && !lex.plural {
            longer(
                &mut best,
                Some((
                    j + 1,
                    Expr::UnitRel {
                        unit: Unit::Weekend,
                        offset: 0,
                    },
                )),
            );
        }
        // `the summer`, `the winter of 1994`
        if lex.season.is_some() {
            longer(&mut best, self.season_expr(j, Rel::Bare, j));
        }
        // `the year 2000`, `the year two thousand`
        if lex.w == W::Year {
            if let Some((y, e)) = self.year_number(j + 1) {
                longer(&mut best, Some((e, Expr::Year(YearRef::Abs(y)))));
            } else if let Some(hit) = self.year_in_words(j + 1) {
                longer(&mut best, Some(hit));
            }
        }
        // `the 27th`, `the 4th of July`
        if let Some((day, end)) = self.day_number(j) {
            // `the 27th`; ordinal words (`the second`) only as `the second of May`.
            let ordinal_form = self.num(j).is_some() && end > j + 1;
            if ordinal_form {
                if let Some(hit) = self.day_month(j) {
                    longer(&mut best, Some(hit));
                } else if (!self.is_word(end) || self.is(end, W::And) || self.is(end, W::Or))
                    && !self.punct(end, '-')
                    && self
                        .tok(end)
                        .is_none_or(|t| !matches!(t.kind, Kind::Num { .. }))
                {
                    longer(&mut best, Some((end, Expr::DayOfMonth(day))));
                }
            }
        }
        // `the nine months`, `the first nine months`, `the next two years`, `the last decade`
        let (k, first) = if lex.ord == 1 && !self.lex(j + 1).unit.is_some() {
            (j + 1, true)
        } else {
            (j, false)
        };
        if (first || self.num(k).is_some() || self.lex(k).num != 0)
            && let Some((e, v)) = self.number(k, false)
        {
            let u = self.lex(e);
            // `the first two quarters of 1990`: its first half.
            if first
                && v == 2.0
                && u.unit == Unit::Quarter
                && self.is(e + 1, W::Of)
                && let Some((y, end)) = self.year_number(e + 2)
            {
                longer(
                    &mut best,
                    Some((
                        end,
                        Expr::Half {
                            h: 1,
                            year: YearRef::Abs(y),
                        },
                    )),
                );
            }
            if u.unit.is_some() && (u.plural || v == 1.0) {
                longer(
                    &mut best,
                    Some((
                        e + 1,
                        Expr::Duration {
                            n: Amount::Exact(v),
                            unit: u.unit,
                        },
                    )),
                );
            }
        }
        // `the day before yesterday`, `the day after tomorrow`
        if lex.w == W::Day {
            if self.is(j + 1, W::Before) && self.is(j + 2, W::Yesterday) {
                longer(&mut best, Some((j + 3, Expr::DayRel(-2))));
            }
            if self.is(j + 1, W::After) && self.is(j + 2, W::Tomorrow) {
                longer(&mut best, Some((j + 3, Expr::DayRel(2))));
            }
        }
        // `the week of March 6`
        if lex.unit == Unit::Week
            && !lex.plural
            && self.is(j + 1, W::Of)
            && let Some((e, day @ Expr::MonthDay { .. })) = self.month_expr(j + 2)
        {
            longer(&mut best, Some((e, Expr::WeekOf(Box::new(day)))));
        }
        // `the year-ago quarter`, `the year-earlier period`
        // (`the year-ago results` leaves `the` out: only the quarter and period forms take it.)
        if let Some(hit @ (_, Expr::QuarterRel(_) | Expr::Quarter { .. })) = self.year_ago_period(j)
        {
            longer(&mut best, Some(hit));
        }
        // `the quarter`: in company news, the quarter just reported.
        if lex.unit == Unit::Quarter && !lex.plural && !self.is(j + 1, W::Of) && !self.dash(j + 1) {
            longer(&mut best, Some((j + 1, Expr::QuarterRel(-1))));
        }
        // `the year`, `the fiscal year`, `the full year`
        let k = if matches!(lex.w, W::Fiscal | W::Full | W::Whole | W::Entire) {
            j + 1
        } else {
            j
        };
        if self.is(k, W::Year)
            && !self.lex(k).plural
            && !self.is(k + 1, W::Of)
            && !self.dash(k + 1)
            && self.num(k + 1).is_none()
            && !matches!(
                self.w(k + 1),
                W::Ago | W::Earlier | W::Before | W::After | W::Later
            )
        {
            // `the year ended March 31`, `the fiscal year ending June 30`: a fiscal year,
            // a length anchored by the date that follows.
            let anchored = self.period_ended(k + 1).is_some();
            let expr = if anchored {
                Expr::Duration {
                    n: Amount::Exact(1.0),
                    unit: Unit::Year,
                }
            } else {
                Expr::UnitRel {
                    unit: Unit::Year,
                    offset: 0,
                }
            };
            longer(&mut best, Some((k + 1, expr)));
        }
        // `the 1988 period`, `the 1989 quarter`: the same quarter of that year.
        if let Some((y, e)) = self.year_number(j)
            && (self.is(e, W::Period) || (self.lex(e).unit == Unit::Quarter && !self.lex(e).plural))
        {
            longer(
                &mut best,
                Some((
                    e + 1,
                    Expr::Quarter {
                        q: 0,
                        year: YearRef::Abs(y),
                        fiscal: false,
                    },
                )),
            );
        }
        // `the latest period`
        if lex.w == W::Latest && self.is(j + 1, W::Period) {
            longer(&mut best, Some((j + 2, Expr::QuarterRel(-1))));
        }
        best
    }

    /// `the nineties`, `the eighties`.
    fn decade_words(&self, j: usize) -> Option<(usize, Expr)> {
        let word = self.text_of(j).to_ascii_lowercase();
        let d = match word.as_str() {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => return None,
        };
        Some((j + 1, Expr::Decade(190 + d)))
    }

    /// `year-ago`/`year-earlier` + optional ordinal + `quarter`/`period`; alone, the year
    /// before.
    fn year_ago_period(&self, j: usize) -> Hit {
        if !self.is(j, W::Year) {
            return None;
        }
        let ago = |k: usize| self.is(k, W::Ago) || self.is(k, W::Earlier);
        // `the year ago quarter`: wire copy drops the hyphen, then only before a period.
        let unhyphenated = ago(j + 1)
            && (self.lex(j + 2).unit == Unit::Quarter
                || self.is(j + 2, W::Period)
                || (self.lex(j + 2).ord != 0 && self.lex(j + 3).unit == Unit::Quarter));
        let k = if self.dash(j + 1) && ago(j + 2) {
            j + 3
        } else if unhyphenated {
            j + 2
        } else {
            return None;
        };
        if self.lex(k).ord != 0 && self.lex(k + 1).unit == Unit::Quarter {
            let q = self.lex(k).ord;
            if (1..=4).contains(&q) {
                return Some((
                    k + 2,
                    Expr::Quarter {
                        q,
                        year: YearRef::Rel(-1),
                        fiscal: false,
                    },
                ));
            }
        }
        if self.lex(k).unit == Unit::Quarter || self.is(k, W::Period) {
            return Some((k + 1, Expr::QuarterRel(-5)));
        }
        // `the year-earlier nine months`: the length.
        if let Some((e, v)) = self.number(k, false) {
            let u = self.lex(e);
            if u.unit.is_some() && u.plural {
                return Some((
                    e + 1,
                    Expr::Duration {
                        n: Amount::Exact(v),
                        unit: u.unit,
                    },
                ));
            }
        }
        // `a year-earlier loss`: the year before.
        Some((k, Expr::Year(YearRef::Rel(-1))))
    }

    /// `the following year`, `the previous day`, `the preceding Friday`, `the next
    /// morning`: with `the`, these count from the date the text last named, not from the
    /// reference date (which stays their reading when the text named none before them).
    /// `j` is the word after `the`; `hit` what [`Grammar::relative`] read from it.
    fn anchor_relative(&self, j: usize, hit: (usize, Expr)) -> (usize, Expr) {
        let (end, expr) = hit;
        let following = self.is(j, W::Following) || self.is(j, W::Previous);
        let wrap = |e: Expr, unit: Unit, weekday: u8, offset: i32| Expr::Anchored {
            unit,
            weekday,
            offset,
            fallback: Some(Box::new(e)),
        };
        let expr = match expr {
            // `the next day`, `the following morning`
            Expr::DayRel(off) if following || self.is(j, W::Next) => {
                wrap(Expr::DayRel(off), Unit::Day, 0, off)
            }
            Expr::PartOfDay { day, pod }
                if matches!(*day, Expr::DayRel(_)) && (following || self.is(j, W::Next)) =>
            {
                let off = if let Expr::DayRel(off) = *day { off } else { 0 };
                Expr::PartOfDay {
                    day: Box::new(wrap(*day, Unit::Day, 0, off)),
                    pod,
                }
            }
            Expr::UnitRel { unit, offset }
                if following
                    && matches!(unit, Unit::Week | Unit::Month | Unit::Year)
                    && !self.dash(end) =>
            {
                wrap(Expr::UnitRel { unit, offset }, unit, 0, offset)
            }
            Expr::Weekday { weekday, rel } if following && rel != Rel::This => {
                let off = if rel == Rel::Last { -1 } else { 1 };
                wrap(Expr::Weekday { weekday, rel }, Unit::None, weekday, off)
            }
            e => e,
        };
        (end, expr)
    }

    /// `period last year`, `quarter of a year earlier`, `period a year ago` after `the
    /// same` or `the` (`i` is `period` or `quarter`); after `the same` (`same`), also
    /// `month`, and a year written out: `the same month of 1985`, `the same quarter in
    /// 1985`.
    fn period_year_before(&self, i: usize, same: bool) -> Hit {
        let unit = self.lex(i).unit;
        let month = same && unit == Unit::Month;
        if !(self.is(i, W::Period) || unit == Unit::Quarter || month) || self.lex(i).plural {
            return None;
        }
        if same
            && matches!(self.w(i + 1), W::Of | W::In)
            && let Some((y, e)) = self.year_number(i + 2)
        {
            return Some((
                e,
                Expr::YearBeforeFocus(Box::new(Expr::Year(YearRef::Abs(y)))),
            ));
        }
        let k = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
        let last_year = matches!(self.w(k), W::Last) && self.is(k + 1, W::Year);
        let year_ago = (self.is(k, W::A) || self.lex(k).num == 1)
            && self.is(k + 1, W::Year)
            && matches!(self.w(k + 2), W::Ago | W::Earlier | W::Before);
        let previous_year =
            self.is(k, W::The) && self.is(k + 1, W::Previous) && self.is(k + 2, W::Year);
        let end = if last_year {
            k + 2
        } else if year_ago || previous_year {
            k + 3
        } else {
            return None;
        };
        Some((
            end,
            Expr::YearBeforeFocus(Box::new(Expr::Year(YearRef::Rel(-1)))),
        ))
    }

    /// `that year`, `that same day`, `(the) same month`, `that night`: the period of the
    /// date the text last named (no expression when it named none). `i` is the unit's word
    /// (or `same`).
    fn demonstrative(&self, i: usize) -> Hit {
        let i = if self.is(i, W::Same) { i + 1 } else { i };
        let lex = self.lex(i);
        if lex.plural || self.dash(i + 1) || !self.is_word(i) {
            return None;
        }
        let anchored = |unit| Expr::Anchored {
            unit,
            weekday: 0,
            offset: 0,
            fallback: None,
        };
        if let Some(pod) = lex.pod {
            return Some((
                i + 1,
                Expr::PartOfDay {
                    day: Box::new(anchored(Unit::Day)),
                    pod,
                },
            ));
        }
        // `that day care center`, `that day trader`: compounds, not the day.
        if lex.unit == Unit::Day
            && matches!(
                self.text_of(i + 1),
                "care" | "trader" | "traders" | "trading" | "job" | "jobs" | "labor" | "laborers"
            )
        {
            return None;
        }
        match lex.unit {
            Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year => {
                Some((i + 1, anchored(lex.unit)))
            }
            _ => None,
        }
    }

    /// `this week`, `last month`, `next year`, `the past week`, `last Friday`,
    /// `next summer`, `the past three years`, `the coming weeks`, `recent years`.
    fn relative(&self, i: usize) -> Hit {
        let (offset, rel, k) = match self.w(i) {
            W::This => (0, Rel::This, i + 1),
            W::Current => (0, Rel::This, i + 1),
            W::Last | W::Past | W::Previous => (-1, Rel::Last, i + 1),
            W::Latest => (-1, Rel::Last, i + 1),
            W::Next | W::Coming | W::Following => (1, Rel::Next, i + 1),
            W::Recent => {
                let u = self.lex(i + 1);
                if u.unit.is_some() && u.plural {
                    return Some((i + 2, Expr::Ref(RefPoint::Past)));
                }
                return None;
            }
            W::Year => return self.year_ago_period(i),
            _ => return None,
        };
        // `this past spring`, `this coming Sunday`
        let (k, rel, offset) = if rel == Rel::This && matches!(self.w(k), W::Past | W::Coming) {
            if self.is(k, W::Past) {
                (k + 1, Rel::Last, -1)
            } else {
                (k + 1, Rel::Next, 1)
            }
        } else {
            (k, rel, offset)
        };
        let k = if self.is(k, W::Fiscal) && self.lex(k + 1).unit == Unit::Year {
            k + 1
        } else {
            k
        };
        let lex = self.lex(k);
        // A number of units: a duration (`the past three years`, `the next 14 months`).
        if rel != Rel::This {
            let amount = if let Some((e, a, _)) = self.vague_amount(k) {
                Some((e, a))
            } else {
                self.number(k, false).map(|(e, v)| {
                    // `the next 12 to 18 months`: the lower bound.
                    let joined = self.is(e, W::To) || self.is(e, W::Or) || self.dash(e);
                    match joined.then(|| self.number(e + 1, false)).flatten() {
                        Some((e2, _)) if self.lex(e2).unit.is_some() => (e2, Amount::Exact(v)),
                        _ => (e, Amount::Exact(v)),
                    }
                })
            };
            if let Some((e, n)) = amount {
                let u = self.lex(e);
                if u.unit.is_some() && u.unit != Unit::Weekend {
                    return Some((e + 1, Expr::Duration { n, unit: u.unit }));
                }
            }
            // `the coming weeks`, `the past few years`, `the next several days`
            if lex.unit.is_some() && lex.plural {
                return Some((
                    k + 1,
                    if offset > 0 {
                        Expr::Ref(RefPoint::Future)
                    } else {
                        Expr::Ref(RefPoint::Past)
                    },
                ));
            }
        }
        if lex.unit.is_some() && !lex.plural {
            if lex.unit == Unit::Quarter {
                // `the current quarter`: the reference's own, whatever quarter the text named
                // last (`this quarter`, `the latest quarter` take that one).
                if self.is(i, W::Current) {
                    return Some((
                        k + 1,
                        Expr::UnitRel {
                            unit: Unit::Quarter,
                            offset: 0,
                        },
                    ));
                }
                let off = if self.is(i, W::Latest) { -1 } else { offset };
                return Some((k + 1, Expr::QuarterRel(off)));
            }
            if lex.unit == Unit::Day {
                // `the next day`, `the previous day`
                if rel == Rel::This {
                    return None;
                }
                return Some((k + 1, Expr::DayRel(offset)));
            }
            if matches!(lex.unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            // `over the past decade`, `in the last decade`, `the past century`: the last ten
            // or hundred years up to now, not the previous calendar decade (`late last
            // decade` and `the last century` keep their calendar reading).
            let past_span = i.checked_sub(1).is_some_and(|p| self.is(p, W::The))
                && (self.is(i, W::Past) || (self.is(i, W::Last) && lex.unit == Unit::Decade));
            if matches!(lex.unit, Unit::Decade | Unit::Century)
                && past_span
                && !self.is(k + 1, W::Of)
            {
                return Some((
                    k + 1,
                    Expr::Duration {
                        n: Amount::Exact(1.0),
                        unit: lex.unit,
                    },
                ));
            }
            if lex.unit == Unit::Century {
                return Some((k + 1, Expr::CenturyRel(offset)));
            }
            // `this year's third quarter`
            if lex.unit == Unit::Year {
                let p = self.possessive(k + 1);
                if p > k + 1
                    && let Some((e, Expr::Quarter { q, .. })) = self.quarter_expr(p)
                {
                    return Some((
                        e,
                        Expr::Quarter {
                            q,
                            year: YearRef::Rel(offset),
                            fiscal: false,
                        },
                    ));
                }
                // `last year's quarter`, `last year's period`: the period in focus, a year
                // before.
                if p > k + 1
                    && offset == -1
                    && (self.is(p, W::Period)
                        || (self.lex(p).unit == Unit::Quarter && !self.lex(p).plural))
                {
                    return Some((
                        p + 1,
                        Expr::YearBeforeFocus(Box::new(Expr::Year(YearRef::Rel(-1)))),
                    ));
                }
            }
            return Some((
                k + 1,
                Expr::UnitRel {
                    unit: lex.unit,
                    offset,
                },
            ));
        }
        if rel == Rel::This && self.is(i, W::Current) {
            return None;
        }
        if lex.weekday != 0 && self.upper(k) && !lex.weekday_plural {
            let day = Expr::Weekday {
                weekday: lex.weekday,
                rel,
            };
            // `this coming Sunday, March eighth`
            let comma = if self.punct(k + 1, ',') { k + 2 } else { k + 1 };
            if let Some((end, md @ Expr::MonthDay { .. })) = self.month_expr(comma) {
                return Some((end, md));
            }
            return self.with_part_of_day(k + 1, day);
        }
        if lex.month != 0 {
            // `last Oct. 23`: the date, which `last` puts in the past however far back (see
            // the tense module).
            if rel == Rel::Last
                && let Some(hit @ (_, Expr::MonthDay { .. })) = self.month_expr(k)
            {
                return Some(hit);
            }
            let (month, after) = self.month_name(k)?;
            return Some((
                after,
                Expr::Month {
                    month,
                    year: YearRef::Infer,
                    rel,
                },
            ));
        }
        if lex.season.is_some() {
            return self.season_expr(k, rel, i);
        }
        if lex.holiday.is_some() || self.holiday_word(k) {
            return self.holiday_expr(k, rel);
        }
        if let Some(pod) = lex.pod {
            // `this morning`, `last night`
            let day = match (rel, pod) {
                (Rel::This, _) => 0,
                (Rel::Last, Pod::Night | Pod::Evening) => -1,
                (Rel::Last, _) => -1,
                (Rel::Next, _) => 1,
                (Rel::Bare, _) => 0,
            };
            if lex.plural || self.word_eq(k, "nights") || self.word_eq(k, "mornings") {
                return None;
            }
            return Some((
                k + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::DayRel(day)),
                    pod,
                },
            ));
        }
        None
    }

    /// `the third quarter`, `third-quarter`, `Q3`, `the fourth quarter of 1990`,
    /// `the 1988 third quarter`, `fiscal 1989`'s quarters, `the first half of 1989`.
    fn quarter_expr(&self, i: usize) -> Hit {
        let mut k = i;
        let mut year = YearRef::Infer;
        let mut fiscal = false;
        let mut last_of = false;
        if self.is(k, W::Fiscal) {
            fiscal = true;
            k += 1;
            if self.dash(k) {
                k += 1;
            }
        }
        if let Some((y, e)) = self.year_number(k)
            && (self.lex(e).ord != 0 || self.word_eq(e, "Q"))
        {
            year = YearRef::Abs(y);
            k = e;
        }
        if self.is(k, W::Fiscal) && !fiscal {
            fiscal = true;
            k += 1;
        }
        // `Q3`, `Q3 2018`, `3Q`
        let (q, after, half) = if self.word_eq(k, "Q") && self.adjacent(k + 1) {
            let (v, _) = self.num(k + 1)?;
            (v, k + 2, false)
        } else {
            let o = self.lex(k).ord;
            let o = if o == 0 {
                // `last half`
                if self.is(k, W::Last) && self.is(k + 1, W::Half) {
                    2
                } else if (self.is(k, W::Last) || self.word_eq(k, "final"))
                    && self.lex(k + 1).unit == Unit::Quarter
                    && self.is(k + 2, W::Of)
                {
                    // `the last quarter of 1986`, `the final quarter of last year`: the
                    // fourth (a year must follow, checked below).
                    last_of = true;
                    4
                } else {
                    return None;
                }
            } else {
                u32::from(o)
            };
            let j = if self.dash(k + 1) && self.adjacent(k + 1) {
                k + 2
            } else {
                k + 1
            };
            let is_half = self.is(j, W::Half);
            if self.lex(j).unit != Unit::Quarter && !is_half {
                return None;
            }
            if self.lex(j).plural {
                return None;
            }
            (o, j + 1, is_half)
        };
        if !(1..=4).contains(&q) || (half && q > 2) {
            return None;
        }
        let mut end = after;
        // `of 1990`, `1990`, `of fiscal 1990`, `of this year`, `of last year`
        let of = if self.is(end, W::Of) { end + 1 } else { end };
        let of_f = if self.is(of, W::Fiscal) { of + 1 } else { of };
        if let Some((y, e)) = self.year_number(of_f) {
            year = YearRef::Abs(y);
            end = e;
        } else if of > end
            && let Some(off) = self.year_shift(of)
        {
            year = YearRef::Rel(off);
            end = of + 2;
        }
        if last_of && year == YearRef::Infer {
            return None;
        }
        // `the first half of the statement period`, `the first quarter of the game`: a part
        // of something else than a year (`of the year`, `of the current fiscal year` stay,
        // and so does `the third quarter of $226 million`; a decade's or a century's halves
        // are below).
        if year == YearRef::Infer && self.is(after, W::Of) {
            let n = if matches!(self.w(of), W::The | W::This | W::Last | W::Next)
                || self.text_of(of) == "each"
                || POSSESSIVES.iter().any(|w| self.word_eq(of, w))
            {
                of + 1
            } else {
                of
            };
            let word = n > of && self.tok(n).is_some_and(|t| t.is_word());
            let temporal = !word
                || self.lex(n).unit.is_some()
                || self.num(n).is_some()
                || self.lex(n).month != 0
                || self.is(n, W::Fiscal)
                || matches!(
                    self.text_of(n),
                    "current" | "financial" | "calendar" | "same" | "previous" | "coming"
                );
            if !temporal {
                return None;
            }
        }
        // `the last half of the '80s` is the decade's (see `decade_half`).
        if year == YearRef::Infer && self.is(after, W::Of) {
            let n = if self.is(of, W::The) { of + 1 } else { of };
            let whole = self
                .core(of)
                .or_else(|| self.core(n))
                .is_some_and(|(_, e)| is_decade_or_century(&e));
            if whole || self.this_decade_or_century(n).is_some() {
                return None;
            }
        }
        // `half` alone (`the first half`) needs a year or a determiner.
        if half {
            if year == YearRef::Infer && !(i > 0 && self.is(i - 1, W::The)) {
                return None;
            }
            return Some((end, Expr::Half { h: q as u8, year }));
        }
        Some((
            end,
            Expr::Quarter {
                q: q as u8,
                year,
                fiscal,
            },
        ))
    }

    /// `the 20th century`, `the twentieth century`, `the 11th century`.
    fn century(&self, i: usize) -> Hit {
        let (n, after) = if let Some((v, d)) = self.num(i) {
            if d > 2
                || !matches!(self.text_of(i + 1), "st" | "nd" | "rd" | "th")
                || !self.adjacent(i + 1)
            {
                return None;
            }
            (v, i + 2)
        } else {
            let o = self.lex(i).ord;
            if o == 0 {
                return None;
            }
            // `twenty-first`
            (u32::from(o), i + 1)
        };
        let (n, after) = if (n == 20 || self.lex(i).num == 20) && self.dash(after) {
            let o = self.lex(after + 1).ord;
            if o == 0 {
                return None;
            }
            (20 + u32::from(o), after + 2)
        } else if self.lex(i).num == 20 && self.dash(i + 1) {
            let o = self.lex(i + 2).ord;
            (20 + u32::from(o), i + 3)
        } else {
            (n, after)
        };
        if self.lex(after).unit != Unit::Century || self.lex(after).plural || n == 0 || n > 30 {
            return None;
        }
        Some((after + 1, Expr::Century(n as i32 - 1)))
    }

    // ---- clock times ------------------------------------------------------------------

    /// `ended`, `ending`, `to`, `through`, `that ended` at `i` after a period's name (`the
    /// week ended March 28`, `the year ending June 30`): the token after them, where the
    /// date that closes the period starts.
    fn period_ended(&self, i: usize) -> Option<usize> {
        let k = if self.is(i, W::That) { i + 1 } else { i };
        matches!(self.text_of(k), "ended" | "ending" | "to" | "through").then_some(k + 1)
    }

    /// What marks a four-digit number before token `i` as a 24-hour clock time (`1200
    /// GMT`, `1358 local time`, `0900 hrs`): the token after the time's words, when a mark
    /// is there (a zone stays to be read with the time, as in `10 p.m. EST`).
    fn military_suffix(&self, i: usize) -> Option<usize> {
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
    fn clock_time(&self, i: usize) -> Hit {
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

    fn day_after_time(&self, k: usize) -> Hit {
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

    fn clock(&self, i: usize) -> Option<(Clock, usize)> {
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
    fn am_pm(&self, i: usize) -> (Option<bool>, usize) {
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

    // ---- sets --------------------------------------------------------------------------

    /// `every Monday`, `each year`, `every two weeks`, `daily`, `annually`, `twice a week`,
    /// `three times a year`.
    fn set_expr(&self, i: usize) -> Hit {
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
