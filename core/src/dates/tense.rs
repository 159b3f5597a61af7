//! The news reading of bare weekdays and months: which way does the sentence point?
//!
//! "CNN reported Saturday" means the Saturday just past; "when he returns in January" and
//! "officials are targeting May or June" mean the ones to come. The rule, applied to a bare
//! name (no `last`, `next`, `this`, no year):
//!
//! 1. Within the expression's sentence, find the cue words: future cues are the modals and
//!    verbs of intent and schedule (`will`, `'ll`, `shall`, `won't`, `would`, `going to`,
//!    `could`, `might`, `should`, `must`, the modal `may`, `plans to`, `expected`,
//!    `scheduled`, `slated`, `due` (not in `fell due`, nor `due to` before a noun phrase,
//!    `due to the cold weather`: because of), `set to`, `effective`, `targeting`, `eyeing`,
//!    `aims`, `hopes`, `intends`, `upcoming`, `next` (not `next to`), `tomorrow`, `is to`,
//!    `is set`, and the present of a timetable, `begins`, `meets`, `expires`, `leaves`...,
//!    not after `to`);
//!    past cues are past-tense verbs (`said`, `reported`, any word ending in `-ed` that is
//!    not one of the future participles, the common irregular pasts `was`, `met`, `told`,
//!    `held`..., the past participles `been`, `risen`, `fallen`..., and the pasts spelled
//!    like their base form, `hit`, `cut`, `set`..., unless after `to`, a modal, `do`,
//!    `not`, `be` or `get`) and `ago`, `yesterday`, `last`, `earlier`.
//! 2. The cue nearest to the expression decides; at equal distance the one before it wins.
//!    A future-cue word right after `was`/`were`/`had`/`been` is the future in the past
//!    ("had been due to expire Friday"): a past cue. A participle after `be` ("will be paid
//!    Dec. 14") and an `un-...-ed` adjective ("unspecified") are no cue. `by`, `until` or
//!    `till` right before the expression make it a deadline ahead ("by August"), and
//!    `since` a start in the past, however far back ("since October", written in
//!    September, is last October); so does `last` ("at Chernobyl last April 26", written
//!    in March, is the April before). `ended` before a date names a period by its last
//!    day: the most recent such day, or one at most a month ahead ("the quarter ended
//!    March 31", written on March 16, is this March). A plan made before (`as previously
//!    planned`, `originally scheduled`) is no cue.
//! 3. A weekday goes to the week before or after accordingly (the reference day itself when
//!    it is that weekday). A month, date, season or holiday goes to the nearest occurrence
//!    on that side of the reference, unless that one is far (more than nine months back for
//!    a past cue, ten months ahead for a future one): a cue far from the date misleads more
//!    often than the calendar ("the company said the dividend is payable Nov. 16", written
//!    in late October, is this November).
//! 4. A bare month right before the noun of a reported statistic (`the February trade
//!    data may...`, `March sales will be released Friday`, `the October jobs report`)
//!    labels a period already over: the past, whatever the sentence's cues.
//! 5. With no cue the direction is unknown: a bare weekday then means the most recent one
//!    (news reports what happened), a date or month the nearest one, and "the weekend" the
//!    nearest weekend.
//!
//! A weekday written with its date and no year ("Saturday, April 25") fixes the year
//! itself: the one, near the reference, in which that date falls on that weekday.

use super::Direction;
use super::lexicon::W;
use super::token::{Kind, Tok};

/// How far (in tokens) to look for a cue on each side, within the sentence.
const WINDOW: usize = 40;

const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "made",
    "went",
    "came",
    "took",
    "gave",
    "began",
    "held",
    "saw",
    "won",
    "lost",
    "fell",
    "rose",
    "left",
    "became",
    "got",
    "found",
    "brought",
    "thought",
    "kept",
    "led",
    "paid",
    "ran",
    "sent",
    "sold",
    "spent",
    "stood",
    "struck",
    "wrote",
    "knew",
    "grew",
    "threw",
    "drew",
    "flew",
    "fled",
    "fought",
    "bought",
    "caught",
    "taught",
    "felt",
    "heard",
    "meant",
    "built",
    "broke",
    "chose",
    "spoke",
    "stole",
    "drove",
    "rode",
    "wore",
    "tore",
    "swore",
    "hung",
    "sank",
    "shot",
    "slid",
    "slept",
    "swept",
    "wept",
    "won",
    "withdrew",
    "underwent",
    "overtook",
    "forgot",
    "froze",
    "awoke",
    "arose",
    "sought",
    "became",
    "began",
    "ate",
    "sat",
    "lay",
    "shook",
    "struck",
    "strove",
    "dealt",
    "bent",
    "bled",
    "blew",
    "bred",
    "clung",
    "crept",
    "dug",
    "drank",
    "fed",
    "flung",
    "forbade",
    "forgave",
    "hid",
    "knelt",
    "laid",
    "leapt",
    "lent",
    "rang",
    "sang",
    "shone",
    "shrank",
    "sped",
    "spun",
    "stuck",
    "stung",
    "swam",
    "swung",
    "understood",
    "woke",
    "wove",
    "upheld",
    "withheld",
    "oversaw",
    "overthrew",
    "mistook",
    "undertook",
    "rebuilt",
    "foresaw",
    "sought",
    // Past participles: with `has`, `have`, `had` a past (`has risen`, `have been`).
    "been",
    "gone",
    "done",
    "seen",
    "given",
    "taken",
    "shown",
    "written",
    "risen",
    "fallen",
    "grown",
    "known",
    "chosen",
    "driven",
    "spoken",
    "broken",
    "begun",
    "eaten",
    "forgotten",
    "frozen",
    "hidden",
    "ridden",
    "stolen",
    "sworn",
    "thrown",
    "torn",
    "worn",
    "withdrawn",
    "drawn",
    "flown",
    "blown",
    "beaten",
    "overtaken",
    "undertaken",
    "mistaken",
];

/// Verbs whose past tense is spelled like their base form (`hit`, `cut`, `set`): past cues
/// unless the base form is plainly meant (after `to`, a modal, `do`, `not`).
const SAME_FORM_PAST: &[&str] = &[
    "hit", "cut", "set", "put", "shut", "beat", "quit", "spread", "hurt", "cost", "split", "struck",
];

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "would",
    "could",
    "might",
    "should",
    "must",
    "gonna",
    "planned",
    "planning",
    "expected",
    "expects",
    "expect",
    "scheduled",
    "slated",
    "due",
    "targeting",
    "eyeing",
    "aims",
    "aiming",
    "hopes",
    "intends",
    "upcoming",
    "effective",
    "tomorrow",
    "next",
    "coming",
    "returns",
    "resume",
    "resumes",
];

/// The present of a timetable, a future cue: `the trial begins Monday`, `Albright meets
/// Arafat on Sunday`, `the deadline expires Friday` (not after `to`: `difficult for them to
/// meet demand into the summer`).
const TIMETABLE: &[&str] = &[
    "begins",
    "opens",
    "expires",
    "leaves",
    "arrives",
    "departs",
    "travels",
    "convenes",
    "reconvenes",
    "meets",
    "meet",
];

/// `-ed` words that are not past tense, or that speak of the future.
const ED_NOT_PAST: &[&str] = &[
    "expected",
    "scheduled",
    "planned",
    "slated",
    "proposed",
    "supposed",
    "indeed",
    "hundred",
    "united",
    "limited",
    "interested",
    "concerned",
    "related",
    "based",
    "proceed",
    "exceed",
    "succeed",
    "speed",
    "need",
    "needed",
    "feed",
    "seed",
    "breed",
    "bed",
    "red",
    "shed",
    "wed",
    "embed",
    "naked",
    "wicked",
    "sacred",
    "kindred",
    "rugged",
    "aged",
    "alleged",
    "reported",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Past,
    Future,
}

fn is_sentence_end(toks: &[Tok], text: &str, i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return true;
    };
    match t.kind {
        Kind::Punct('!') | Kind::Punct('?') | Kind::Punct(';') => true,
        Kind::Punct('.') => {
            // `$29.75`: a decimal point.
            let next_glued_digit = toks
                .get(i + 1)
                .is_some_and(|n| n.num().is_some() && !n.space_before);
            if !t.space_before && next_glued_digit {
                return false;
            }
            // `Mr.`, `Aug.`, `U.S.`, `a.m.`: a short or capitalised abbreviation before the
            // dot, and a lower-case word or a comma after it (`Birmingham, Ala., killed`),
            // continue the sentence.
            let continues = toks.get(i + 1).is_some_and(|n| {
                (n.is_word() && !n.upper) || matches!(n.kind, Kind::Punct(',') | Kind::Punct(')'))
            });
            if continues {
                return false;
            }
            let prev = i.checked_sub(1).and_then(|p| toks.get(p));
            match prev {
                Some(p) if p.is_word() => {
                    let w = text.get(p.start..p.end).unwrap_or("");
                    !(w.len() <= 2
                        || matches!(
                            w,
                            "Mr" | "Mrs"
                                | "Ms"
                                | "Dr"
                                | "St"
                                | "Jr"
                                | "Sr"
                                | "Gen"
                                | "Gov"
                                | "Sen"
                                | "Rep"
                                | "Lt"
                                | "Col"
                                | "Co"
                                | "Corp"
                                | "Inc"
                                | "Ltd"
                                | "Jan"
                                | "Feb"
                                | "Mar"
                                | "Apr"
                                | "Aug"
                                | "Sept"
                                | "Sep"
                                | "Oct"
                                | "Nov"
                                | "Dec"
                                | "Rev"
                                | "Prof"
                                | "Mt"
                                | "Ft"
                        ))
                }
                _ => true,
            }
        }
        _ => false,
    }
}

/// The modals: a future, never a future in the past (`would` is no past cue).
const MODALS: &[&str] = &["will", "shall", "would", "could", "might", "should", "must"];

/// Words after which a verb is in its base form, not a past (`to hit`, `did not cut`,
/// `can't set`), besides the modals.
const BASE_FORM_AFTER: &[&str] = &[
    "to", "can", "may", "do", "does", "did", "not", "t", "ll", "be", "being", "get", "gets",
    "getting",
];

/// `was expected`, `had been scheduled`: a future cue after these is a future in the past.
const PAST_AUXILIARIES: &[&str] = &["was", "were", "had", "been"];

/// Verbs before `due` that tell the time themselves: `fell due`, `came due`.
const FALL_DUE: &[&str] = &[
    "fell", "falls", "fall", "falling", "came", "come", "comes", "become", "became",
];

/// Words that start a noun phrase after `due to` (`due to the cold weather`, `due to lack
/// of funds`, `due to higher costs`): `because of`, no time.
const NOUN_PHRASE_START: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "these",
    "those",
    "lack",
    "lower",
    "higher",
    "weak",
    "strong",
    "poor",
    "heavy",
    "bad",
    "high",
    "low",
    "rising",
    "falling",
    "continued",
    "some",
    "what",
    "increased",
    "reduced",
];

/// The token `k` places before token `i`, as written.
fn word_back<'t>(toks: &[Tok], text: &'t str, i: usize, k: usize) -> Option<&'t str> {
    let t = toks.get(i.checked_sub(k)?)?;
    text.get(t.start..t.end)
}

/// Whether token `k` is `to`.
fn is_to(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .and_then(|t| t.lex)
        .is_some_and(|l| l.w == W::To)
}

fn cue(toks: &[Tok], text: &str, i: usize) -> Option<Cue> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let word = text.get(t.start..t.end)?;
    if word.len() > 20 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let lower = lower.as_str();
    // `'ll`, `won't`
    if lower == "ll"
        && i > 0
        && toks
            .get(i - 1)
            .is_some_and(|p| matches!(p.kind, Kind::Punct('\'') | Kind::Punct('’')))
    {
        return Some(Cue::Future);
    }
    if lower == "won"
        && toks.get(i + 1).is_some_and(|p| {
            matches!(p.kind, Kind::Punct('\'') | Kind::Punct('’')) && !p.space_before
        })
    {
        return Some(Cue::Future);
    }
    // `going to`, `plans to`, `set to` (the nouns `plan` and `set` are no cue), `is to`
    if matches!(lower, "going" | "plan" | "plans" | "set" | "is" | "are") && is_to(toks, i + 1) {
        return Some(Cue::Future);
    }
    // `fell due`, `came due`: the verb before tells the time; `due to the cold weather`,
    // `due to lack of funds`: because of, no time at all (`due to expire`, `due to be`
    // stay future).
    if lower == "due" {
        let prev = word_back(toks, text, i, 1).map(str::to_ascii_lowercase);
        if prev.is_some_and(|w| FALL_DUE.contains(&w.as_str())) {
            return None;
        }
        let because_of = is_to(toks, i + 1)
            && toks.get(i + 2).is_some_and(|n| {
                let w = text.get(n.start..n.end).unwrap_or("").to_ascii_lowercase();
                n.num().is_some()
                    || (n.is_word()
                        && (n.upper
                            || NOUN_PHRASE_START.contains(&w.as_str())
                            || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))))
            });
        if because_of {
            return None;
        }
    }
    // `next to the embassy`: a place, no time.
    if lower == "next" && is_to(toks, i + 1) {
        return None;
    }
    // `may` the modal (lower case; the month is capitalised).
    if FUTURE_WORDS.contains(&lower) || word == "may" {
        // Future in the past: `was expected`, `had been scheduled`, `was due`.
        let past_aux =
            |k: usize| word_back(toks, text, i, k).is_some_and(|w| PAST_AUXILIARIES.contains(&w));
        if !MODALS.contains(&lower) && (past_aux(1) || past_aux(2)) {
            return Some(Cue::Past);
        }
        // `as previously planned`, `originally scheduled`: a plan made before, no direction
        // of its own.
        if !MODALS.contains(&lower)
            && word_back(toks, text, i, 1).is_some_and(|w| {
                ["previously", "originally", "initially"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
        {
            return None;
        }
        return Some(Cue::Future);
    }
    if TIMETABLE.contains(&lower) {
        return (!i.checked_sub(1).is_some_and(|p| is_to(toks, p))).then_some(Cue::Future);
    }
    if matches!(
        lower,
        "ago" | "yesterday" | "last" | "earlier" | "previously" | "recently"
    ) {
        return Some(Cue::Past);
    }
    let before = word_back(toks, text, i, 1);
    // A participle after `be` (`will be paid`, `to be completed`) is no past tense.
    let passive = matches!(before, Some("be" | "being"));
    if IRREGULAR_PAST.contains(&lower) {
        return (!passive).then_some(Cue::Past);
    }
    // `is set for Saturday`, `are set to`: scheduled.
    if lower == "set" && matches!(before, Some("is" | "are")) {
        return Some(Cue::Future);
    }
    if SAME_FORM_PAST.contains(&lower) {
        let base_form = before.is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            MODALS.contains(&w.as_str()) || BASE_FORM_AFTER.contains(&w.as_str())
        });
        return (!base_form).then_some(Cue::Past);
    }
    if lower == "reported" {
        return Some(Cue::Past);
    }
    // `unspecified`, `undisclosed`, `unchanged`: adjectives, not verbs.
    let un_adjective = lower.starts_with("un") && lower.len() > 7;
    if lower.len() >= 5
        && lower.ends_with("ed")
        && !t.upper
        && !un_adjective
        && !ED_NOT_PAST.contains(&lower)
    {
        if passive {
            return None;
        }
        return Some(Cue::Past);
    }
    None
}

/// Nouns of a reported statistic: a bare month right before one labels the period the
/// figure covers (`the February trade data`, `March sales`, `the October jobs report`).
pub(crate) const STATISTIC: &[&str] = &[
    "figure",
    "figures",
    "data",
    "statistics",
    "numbers",
    "sales",
    "output",
    "production",
    "index",
    "deficit",
    "surplus",
    "exports",
    "imports",
    "report",
    "payrolls",
    "unemployment",
    "inflation",
    "level",
    "results",
];

/// Whether the words at `i` (and `i + 1`) are a statistic's noun, alone or after one
/// lower-case modifier (`trade deficit`, `truck sales`, `jobs report`).
pub(crate) fn statistic_at(toks: &[Tok], text: &str, i: usize) -> bool {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.is_word() && !t.upper)
            .and_then(|t| text.get(t.start..t.end))
    };
    let is_stat = |k: usize| word(k).is_some_and(|w| STATISTIC.contains(&w));
    is_stat(i) || (word(i).is_some() && is_stat(i + 1))
}

/// The direction of the sentence around tokens `[start, end)`.
pub(crate) fn direction(toks: &[Tok], text: &str, start: usize, end: usize) -> Direction {
    // `the February trade data, due next week`, `March sales will be released Friday`: a
    // month labelling a reported figure is a period already over, whatever the sentence
    // says of the report.
    let month_label = end == start + 1
        && toks
            .get(start)
            .and_then(|t| t.lex)
            .is_some_and(|l| l.month != 0);
    if month_label && statistic_at(toks, text, end) {
        return Direction::Past;
    }
    // `by February`, `until June`: a deadline, ahead of the writing.
    let before = start
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .and_then(|p| text.get(p.start..p.end));
    if matches!(before, Some("by" | "until" | "till")) {
        return Direction::Future;
    }
    // `since March`, `ever since Friday`: a start in the past, whatever the tense; so is
    // a date after `last` (`shot to death last Oct. 23`, `at Chernobyl last April 26`).
    let opens_with_last = toks
        .get(start)
        .and_then(|t| t.lex)
        .is_some_and(|l| l.w == W::Last);
    if matches!(before, Some("since" | "Since")) || opens_with_last {
        return Direction::SurelyPast;
    }
    // `the fiscal year ended Jan. 31`: a period over, or about to be (`results for the
    // quarter ended March 31`, written on March 16).
    if before == Some("ended") {
        return Direction::Ended;
    }
    let mut left: Option<(usize, Cue)> = None;
    let mut i = start;
    let mut steps = 0;
    while i > 0 && steps < WINDOW {
        i -= 1;
        steps += 1;
        if is_sentence_end(toks, text, i) {
            break;
        }
        if let Some(c) = cue(toks, text, i) {
            left = Some((start - i, c));
            break;
        }
    }
    let mut right: Option<(usize, Cue)> = None;
    let mut j = end;
    while j < toks.len() && j - end < WINDOW {
        if is_sentence_end(toks, text, j) {
            break;
        }
        if let Some(c) = cue(toks, text, j) {
            right = Some((j + 1 - end, c));
            break;
        }
        j += 1;
    }
    let pick = match (left, right) {
        (Some(l), Some(r)) => {
            if r.0 < l.0 {
                r
            } else {
                l
            }
        }
        (Some(l), None) => l,
        (None, Some(r)) => r,
        (None, None) => return Direction::Unknown,
    };
    match pick.1 {
        Cue::Past => Direction::Past,
        Cue::Future => Direction::Future,
    }
}
