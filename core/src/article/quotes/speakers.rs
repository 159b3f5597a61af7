//! Speakers as entities: every way an article names someone it quotes, resolved to one
//! speaker with the fullest name the article gives.
//!
//! The article's names are read first, in order: runs of capitalized words (`President
//! Donald Trump`, `Acme Corp`), each split into its title (the words up to the last one in
//! the lexicon's `speaker_titles`: `President`, `Treasury Secretary`, `airline boss`) and
//! its name, with the appositive after it as its title when there is one (`John Smith,
//! the finance minister,`). A name is an organisation's when a word of it is in the
//! lexicon's `organization_words` (`Corp`, `Ministry`) or it is an acronym; a person's when
//! it has a title, two words or more, or speaks; a place's (and no one's) when it follows
//! a preposition without a title (`in New York`).
//!
//! Then each quotation's mention is resolved, in the order of the text:
//! - a name joins the speaker of the same name (`Trump`, `Mr Trump`, `President Donald
//!   Trump`: a name of one word is the same person as a longer name that holds it), or is
//!   a new speaker;
//! - `he` and `she` are, in this order: who spoke last in the same paragraph (a quotation's
//!   speaker or the subject of a speech verb, a person or one described: `One said ...
//!   “...,” he said`); the first person the paragraph names; the nearest before who spoke
//!   or whom the text says is a person (a title, an appositive, a speech verb: not `the
//!   Geneva Motor Show`, two capitalized words); any person named before; never one whose
//!   title says otherwise (`Mrs`, `Mr`). `it`, `they` and `we` are the nearest
//!   organisation;
//! - a firm's possessive before a name is an affiliation (`Hutton's Phillippi` is Joseph
//!   Phillippi); a shorter name of an organisation named before is that organisation
//!   (`Columbia Gas`); a document (the lexicon's `documents`: `the statement`, `the
//!   proxy`) speaks for the organisation named in it or before it; `the company` is the
//!   nearest organisation with a word of the lexicon's `company_words`; `the source` is
//!   the fuller description of the same head given before;
//! - `the minister`, `the spokesman` is the nearest person named before with that role in
//!   their title, `the company`, `the ministry` the nearest organisation (of that word when
//!   one has it); with none, and for descriptions such as `a White House spokesman`, the
//!   description is the speaker.

use super::super::lexicon::lex;
use super::super::{Block, BlockKind, Quote, Speaker};
use super::attribution::{Word, ends_sentence, speech_subjects, words};
use super::{DETERMINERS, NAME_JOINERS};
use crate::text::Span;

/// Prepositions after which a name without a title is a place (`in New York`).
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "into",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "via",
    "toward",
    "towards",
];

/// Titles that say a person is a man, and a woman.
const MALE: &[&str] = &[
    "mr", "sir", "lord", "king", "prince", "father", "sheikh", "emir",
];
const FEMALE: &[&str] = &["mrs", "ms", "miss", "dame", "lady", "queen", "princess"];

/// Descriptions that refer to the organisation named last, whatever its name.
const GENERIC_ORGANIZATIONS: &[&str] = &[
    "company",
    "firm",
    "group",
    "corporation",
    "government",
    "bank",
    "agency",
    "ministry",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// A name in the article.
#[derive(Clone, Debug)]
struct Mention {
    /// The index of its block.
    block: usize,
    /// The whole mention, title included.
    span: Span,
    /// The name without the title.
    name: Span,
    /// The title before the name or the appositive after it.
    title: Option<Span>,
    gender: Option<Gender>,
    organization: bool,
    person: bool,
}

/// The words of a name as compared: lower case, without possessives and full stops.
fn name_words(text: &str, span: Span) -> Vec<String> {
    span.slice(text)
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn folded(w: &Word<'_>) -> String {
    w.bare.trim_end_matches('.').to_lowercase()
}

fn is_title(w: &Word<'_>) -> bool {
    let f = folded(w);
    // `President-elect`, `vice-president`.
    lex().speaker_titles.contains(f.as_str())
        || f.split_once('-').is_some_and(|(a, b)| {
            lex().speaker_titles.contains(a) || lex().speaker_titles.contains(b)
        })
}

fn is_org_word(w: &str) -> bool {
    lex().organization_words.contains(w)
}

fn capitalized(w: &Word<'_>) -> bool {
    w.bare.starts_with(|c: char| c.is_uppercase())
}

/// The span of a word without a possessive `'s`.
fn without_possessive(w: &Word<'_>) -> Span {
    let cut = ["'s", "’s"]
        .iter()
        .find(|s| w.bare.ends_with(*s))
        .map_or(0, |s| s.len());
    Span::new(w.span.start, w.span.end - cut)
}

/// Reads a name from the words `run` (capitalized words, with a title before): `None` when
/// nothing in it is a name.
fn read_name(text: &str, run: &[Word<'_>], before: Option<&Word<'_>>) -> Option<Mention> {
    let first = run.first()?;
    let last = run.last()?;
    // An organisation keeps the words of its name that are titles elsewhere: `Foreign
    // Ministry`, `Finance Ministry`.
    let mut cut = if run.last().is_some_and(|w| is_org_word(&folded(w))) {
        0
    } else {
        run.iter().rposition(is_title).map_or(0, |i| i + 1)
    };
    // A firm's possessive before a person's name: `Hutton's Phillippi`, `Elders'
    // O'Neill` (the person of that firm); an organisation keeps it (`Japan's Finance
    // Ministry`).
    if let Some(p) = run
        .iter()
        .rposition(|w| w.raw.ends_with("'s") || w.raw.ends_with("’s") || w.raw.ends_with("s'"))
        && p + 1 >= cut
        && p + 1 < run.len()
        && !run
            .get(p + 1..)
            .unwrap_or_default()
            .iter()
            .any(|w| is_org_word(&folded(w)))
    {
        cut = p + 1;
    }
    let name = run.get(cut..)?;
    let (name_first, name_last) = (name.first()?, name.last()?);
    // `Every August`, `Last Monday` name no one.
    if name
        .iter()
        .all(|w| lex().not_names.contains(folded(w).as_str()) || !capitalized(w))
        || name
            .iter()
            .any(|w| lex().not_names.contains(folded(w).as_str()) && capitalized(w))
    {
        return None;
    }
    let title = (cut > 0).then(|| {
        first
            .span
            .cover(run.get(cut - 1).map_or(first.span, |w| w.span))
    });
    let titles: Vec<String> = run
        .get(..cut)
        .unwrap_or_default()
        .iter()
        .map(folded)
        .collect();
    let gender = if titles.iter().any(|t| MALE.contains(&t.as_str())) {
        Some(Gender::Male)
    } else if titles.iter().any(|t| FEMALE.contains(&t.as_str())) {
        Some(Gender::Female)
    } else {
        None
    };
    let name_span = Span::new(name_first.span.start, without_possessive(name_last).end);
    let lowered = name_words(text, name_span);
    let acronym = name.len() == 1
        && name_first.bare.chars().count() >= 2
        && name_first
            .bare
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    let organization = acronym || lowered.iter().any(|w| is_org_word(w));
    let place =
        title.is_none() && before.is_some_and(|b| PLACE_PREPOSITIONS.contains(&folded(b).as_str()));
    let person = !organization && !place && (title.is_some() || name.len() >= 2);
    Some(Mention {
        block: 0,
        span: Span::new(first.span.start, without_possessive(last).end),
        name: name_span,
        title,
        gender,
        organization,
        person,
    })
}

/// The names of the article's text blocks, outside its quotations, in order.
fn mentions(text: &str, blocks: &[Block], quotes: &[Quote]) -> Vec<Mention> {
    let mut out = Vec::new();
    let inside = |s: Span| {
        quotes
            .iter()
            .any(|q| q.span.start <= s.start && s.end <= q.span.end)
    };
    for (index, block) in blocks.iter().enumerate() {
        if !matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Title | BlockKind::Dek | BlockKind::Caption
        ) {
            continue;
        }
        let ws = words(text, block.span.start, block.span.end);
        let mut i = 0;
        while i < ws.len() {
            let Some(w) = ws.get(i) else { break };
            let sentence_start = i == 0 || ws.get(i - 1).is_some_and(ends_sentence);
            let starts = capitalized(w) || (is_title(w) && ws.get(i + 1).is_some_and(capitalized));
            if !starts || inside(w.span) {
                i += 1;
                continue;
            }
            // The run: capitalized words and titles, joiners between them; it ends at
            // punctuation after a word.
            let mut j = i;
            while let Some(x) = ws.get(j) {
                let joiner = NAME_JOINERS.contains(&folded(x).as_str())
                    && ws.get(j + 1).is_some_and(capitalized)
                    && j > i;
                // A party tag in parentheses is not part of the name: `Alan Cranston
                // (D-Cal.)`.
                if !(capitalized(x) || is_title(x) || joiner)
                    || inside(x.span)
                    || (j > i && x.raw.starts_with('('))
                {
                    break;
                }
                j += 1;
                if x.raw.ends_with([',', ';', ':', ')', '"', '”'])
                    || (x.raw.ends_with('.') && ends_sentence(x))
                {
                    break;
                }
            }
            let mut from = i;
            // A sentence's first word is capitalized anyway: `The`, `But`, `Shares`.
            if sentence_start
                && ws.get(i).is_some_and(|f| {
                    let l = folded(f);
                    lex().function_words.contains(l.as_str())
                        || lex().not_names.contains(l.as_str())
                        || DETERMINERS.contains(&l.as_str())
                })
            {
                from += 1;
            }
            // A lower-case title before: `airline boss Tony Fernandes`.
            let mut back = from;
            while back > 0
                && from - back < 3
                && ws
                    .get(back - 1)
                    .is_some_and(|p| is_title(p) && !capitalized(p) && !p.raw.ends_with(','))
            {
                back -= 1;
            }
            if let Some(run) = ws.get(back..j)
                && !run.is_empty()
                && let Some(mut m) =
                    read_name(text, run, back.checked_sub(1).and_then(|p| ws.get(p)))
            {
                if m.title.is_none() && m.person {
                    m.title = appositive(&ws, j);
                }
                m.block = index;
                out.push(m);
            }
            i = j.max(i + 1);
        }
    }
    out
}

/// The appositive after a name that ends with a comma at word `j - 1`: `, the finance
/// minister,` or `, president of Acme,`.
fn appositive(ws: &[Word<'_>], j: usize) -> Option<Span> {
    let name_end = ws.get(j.checked_sub(1)?)?;
    if !name_end.raw.ends_with(',') {
        return None;
    }
    let first = ws.get(j)?;
    let l = folded(first);
    if !(DETERMINERS.contains(&l.as_str()) || is_title(first)) {
        return None;
    }
    let end = (j..ws.len().min(j + 12)).find(|&k| {
        ws.get(k)
            .is_some_and(|w| w.raw.ends_with([',', ';', ':']) || ends_sentence(w))
    })?;
    Some(first.span.cover(ws.get(end)?.span))
}

/// A speaker being built: its mentions so far.
struct Entity {
    speaker: Speaker,
    /// The name's words, lower case.
    words: Vec<String>,
    gender: Option<Gender>,
    person: bool,
    /// The text says it is a person that speaks: a title, an appositive, a speech verb
    /// or a quotation of theirs (`Geneva Motor Show`, two capitalized words, is not).
    strong: bool,
}

/// What the resolution reads, in the order of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    /// A name of the article (index in the names).
    Name(usize),
    /// The subject of a speech verb (index in the subjects).
    Subject(usize),
    /// A quotation's mention (index in the quotations).
    Quote(usize),
}

/// One who spoke before: where, in which block, and the entity.
#[derive(Clone, Copy, Debug)]
struct Spoken {
    at: usize,
    block: usize,
    entity: usize,
}

/// Resolves each quotation's mention to a speaker; returns the speakers, in the order the
/// article names them.
pub(super) fn resolve(text: &str, blocks: &[Block], quotes: &mut [Quote]) -> Vec<Speaker> {
    if quotes.iter().all(|q| q.mention.is_none()) {
        return Vec::new();
    }
    let names = mentions(text, blocks, quotes);
    // The subjects of the speech verbs outside the quotations (`Zimmerman said`, `One
    // said`), but the quotations' own mentions.
    let mut subjects: Vec<(usize, Span)> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let base = block.span.start;
        let quoted: Vec<Span> = quotes
            .iter()
            .filter(|q| q.block == index && q.span.start >= base)
            .map(|q| Span::new(q.span.start - base, q.span.end - base))
            .collect();
        for (subject, _) in speech_subjects(block.span.slice(text), &quoted) {
            let subject = subject.shift(base);
            if !quotes.iter().any(|q| q.mention == Some(subject)) {
                subjects.push((index, subject));
            }
        }
    }
    // Every name, subject and quotation's mention, in the order of the text.
    let mut order: Vec<(usize, Item)> = names
        .iter()
        .enumerate()
        .map(|(i, m)| (m.span.start, Item::Name(i)))
        .collect();
    order.extend(
        subjects
            .iter()
            .enumerate()
            .map(|(j, (_, s))| (s.start, Item::Subject(j))),
    );
    order.extend(
        quotes
            .iter()
            .enumerate()
            .filter_map(|(k, q)| q.mention.map(|m| (m.start, Item::Quote(k)))),
    );
    order.sort();
    let mut entities: Vec<Entity> = Vec::new();
    // The entity each name went to, and the names seen so far (for pronouns and roles).
    let mut seen: Vec<(usize, usize)> = Vec::new(); // (name index, entity)
    let mut spoken: Vec<Spoken> = Vec::new();
    let mut resolved: Vec<Option<usize>> = vec![None; quotes.len()];
    for (_, item) in order {
        let (mention, block, k) = match item {
            Item::Name(n) => {
                let Some(m) = names.get(n) else { continue };
                if !m.person && !m.organization {
                    // A surname alone is the person named before in full: `Trump`; a
                    // word alone that starts an organisation's name is that
                    // organisation: `Columbia` for Columbia Gas System Inc.
                    let w = name_words(text, m.name);
                    if let [one] = w.as_slice()
                        && let Some(e) = entities
                            .iter()
                            .rposition(|e| e.person && e.words.contains(one))
                    {
                        seen.push((n, e));
                    }
                    continue;
                }
                let e = join(text, &mut entities, m);
                seen.push((n, e));
                continue;
            }
            Item::Subject(j) => {
                let Some(&(block, span)) = subjects.get(j) else {
                    continue;
                };
                (span, block, None)
            }
            Item::Quote(k) => {
                let Some(q) = quotes.get(k) else { continue };
                let Some(mention) = q.mention else { continue };
                (mention, q.block, Some(k))
            }
        };
        // A mention that is also a name just read: the same entity.
        let named = seen.iter().rev().find(|(n, _)| {
            names.get(*n).is_some_and(|m| {
                m.span == mention
                    || m.name == mention
                    || (k.is_none() && m.span.start == mention.start)
            })
        });
        let e = if let Some(&(_, e)) = named {
            Some(e)
        } else {
            refer(text, &names, &seen, &spoken, &entities, mention, block).or_else(|| {
                let mut ws = words(text, mention.start, mention.end);
                // `Trump's statement` is Trump's.
                if let Some(p) = ws
                    .iter()
                    .position(|w| w.bare.ends_with("'s") || w.bare.ends_with("’s"))
                    && ws.first().is_some_and(capitalized)
                {
                    ws.truncate(p + 1);
                }
                if ws
                    .first()
                    .is_some_and(|w| PRONOUN_WORDS.contains(&folded(w).as_str()))
                {
                    return None;
                }
                // `the Foreign Ministry statement` is the Foreign Ministry's.
                if ws.len() > 2
                    && ws
                        .last()
                        .is_some_and(|w| lex().documents.contains(folded(w).as_str()))
                    && ws.iter().skip(1).any(capitalized)
                {
                    ws.pop();
                    if ws
                        .first()
                        .is_some_and(|w| DETERMINERS.contains(&folded(w).as_str()))
                    {
                        ws.remove(0);
                    }
                }
                // `the Soviets` is a description unless it names an organisation.
                let determined = ws
                    .first()
                    .is_some_and(|w| DETERMINERS.contains(&folded(w).as_str()));
                let m = read_name(text, &ws, None)
                    .filter(|m| {
                        m.organization || (!determined && (m.person || capitalized_start(&ws)))
                    })
                    .unwrap_or_else(|| description(text, mention));
                if !m.person
                    && !m.organization
                    && let Some(e) = fuller_description(text, &entities, &m)
                {
                    return Some(e);
                }
                Some(join(text, &mut entities, &m))
            })
        };
        let Some(e) = e else { continue };
        if let Some(x) = entities.get_mut(e) {
            x.strong = true;
        }
        spoken.push(Spoken {
            at: mention.start,
            block,
            entity: e,
        });
        if let Some(slot) = k.and_then(|k| resolved.get_mut(k)) {
            *slot = Some(e);
        }
    }
    // Number the speakers in the order the quotations name them.
    let mut number: Vec<Option<usize>> = vec![None; entities.len()];
    let mut speakers = Vec::new();
    for (q, e) in quotes.iter_mut().zip(resolved) {
        q.speaker = e.and_then(|e| {
            let slot = number.get_mut(e)?;
            if slot.is_none() {
                *slot = Some(speakers.len());
                speakers.push(entities.get(e)?.speaker);
            }
            *slot
        });
    }
    speakers
}

/// Pronouns, which name no one by themselves.
const PRONOUN_WORDS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Words that start what a description says more about its head: `a source in New
/// York close to the Manila government`, `one analyst with a major oil company`.
const QUALIFIERS: &[&str] = &[
    "of", "in", "at", "with", "from", "for", "on", "to", "close", "who", "familiar", "near",
];

/// The head of a description: its last word before a qualifier (`source`).
fn head(words: &[String]) -> Option<&str> {
    let end = words
        .iter()
        .skip(1)
        .position(|w| QUALIFIERS.contains(&w.as_str()))
        .map_or(words.len(), |p| p + 1);
    words.get(..end)?.last().map(String::as_str)
}

/// True for a description of one person: `the source`, `One`, `an industry source`;
/// not `World Bank sources`, `two diplomats`.
fn singular(words: &[String]) -> bool {
    let end = words
        .iter()
        .skip(1)
        .position(|w| QUALIFIERS.contains(&w.as_str()))
        .map_or(words.len(), |p| p + 1);
    let part = words.get(..end).unwrap_or_default();
    !part.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "two" | "three" | "several" | "some" | "many" | "other" | "both" | "their"
        )
    }) && !part
        .iter()
        .any(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// The description named before that `m` shortens: `the source` after `a source in New
/// York close to the Manila government`, `the spokesman` after `a UAL spokesman`.
fn fuller_description(text: &str, entities: &[Entity], m: &Mention) -> Option<usize> {
    let words = name_words(text, m.name);
    if words.first().map(String::as_str) != Some("the") || words.len() < 2 {
        return None;
    }
    let want = head(&words)?;
    entities.iter().rposition(|e| {
        !e.person
            && !e.speaker.organization
            && e.words.len() >= words.len()
            && head(&e.words) == Some(want)
    })
}

fn capitalized_start(ws: &[Word<'_>]) -> bool {
    ws.first().is_some_and(capitalized)
}

/// A mention that names no one but describes them: `a White House spokesman`.
fn description(text: &str, span: Span) -> Mention {
    let lowered = name_words(text, span);
    let organization = lowered.last().is_some_and(|w| is_org_word(w));
    Mention {
        block: 0,
        span,
        name: span,
        title: None,
        gender: None,
        organization,
        person: false,
    }
}

/// What a pronoun or a role refers to: the entity of the nearest name before `mention`
/// that fits.
fn refer(
    text: &str,
    names: &[Mention],
    seen: &[(usize, usize)],
    spoken: &[Spoken],
    entities: &[Entity],
    mention: Span,
    block: usize,
) -> Option<usize> {
    let lowered = name_words(text, mention);
    let first = lowered.first()?.as_str();
    let before = seen.iter().rev().filter_map(|&(n, e)| {
        let m = names.get(n)?;
        (m.span.start < mention.start).then_some((m, e))
    });
    match (first, lowered.len()) {
        ("he" | "she", 1) => {
            let want = if first == "he" {
                Gender::Female
            } else {
                Gender::Male
            };
            let person = |e: usize| {
                entities
                    .get(e)
                    .is_some_and(|x| x.person && x.gender != Some(want))
            };
            let strong = |e: usize| person(e) && entities.get(e).is_some_and(|x| x.strong);
            let one = |e: usize| {
                person(e)
                    || entities
                        .get(e)
                        .is_some_and(|x| !x.person && !x.speaker.organization && singular(&x.words))
            };
            let talked = || {
                spoken
                    .iter()
                    .rev()
                    .filter(|s| s.at < mention.start && one(s.entity))
            };
            // Who spoke last in this paragraph: `One said the state had cut spending.
            // “...,” he said`.
            if let Some(s) = talked().find(|s| s.block == block) {
                return Some(s.entity);
            }
            // The subject of the paragraph (the first person it names) before the
            // nearest one: `Trump, for one, seemed positive about a meeting with Kim:
            // “...,” he said`.
            if let Some((_, e)) = before
                .clone()
                .rfind(|(m, e)| m.block == block && strong(*e))
            {
                return Some(e);
            }
            // The nearest who spoke or is said to be a person; then any person named.
            let named = before
                .clone()
                .find(|(_, e)| strong(*e))
                .map(|(m, e)| (m.span.start, e));
            let talker = talked().next().map(|s| (s.at, s.entity));
            match (named, talker) {
                (Some(a), Some(b)) => Some(if a.0 > b.0 { a.1 } else { b.1 }),
                (Some(a), None) | (None, Some(a)) => Some(a.1),
                (None, None) => before.filter(|(_, e)| person(*e)).map(|(_, e)| e).next(),
            }
        }
        ("it" | "they" | "we", 1) => before
            .filter(|(m, _)| m.organization)
            .map(|(_, e)| e)
            .next(),
        ("the", n) if n >= 2 => {
            let head = lowered.last()?.as_str();
            // `the statement said`: whoever issued it, named in it (`the Foreign
            // Ministry statement`) or before it.
            if lex().documents.contains(head) {
                // `the Foreign Ministry statement`: the name in it, read as a name.
                if words(text, mention.start, mention.end)
                    .iter()
                    .skip(1)
                    .any(capitalized)
                {
                    return None;
                }
                // The one whose name came with the same word: `A Foreign Ministry
                // statement said ...`.
                let issued = before.clone().find(|(m, _)| {
                    m.organization
                        && text
                            .get(m.span.end..)
                            .is_some_and(|t| t.trim_start().to_lowercase().starts_with(head))
                });
                if let Some((_, e)) = issued {
                    return Some(e);
                }
                let inside = before.clone().find(|(m, _)| {
                    m.organization && mention.start <= m.span.start && m.span.end <= mention.end
                });
                return inside
                    .or_else(|| {
                        seen.iter().rev().find_map(|&(n, e)| {
                            let m = names.get(n)?;
                            (m.organization
                                && mention.start <= m.span.start
                                && m.span.end <= mention.end)
                                .then_some((m, e))
                        })
                    })
                    .or_else(|| before.clone().find(|(m, _)| m.organization))
                    .map(|(_, e)| e);
            }
            if is_org_word(head) || GENERIC_ORGANIZATIONS.contains(&head) {
                let named = before.clone().find(|(m, _)| {
                    m.organization && name_words(text, m.name).iter().any(|w| w == head)
                });
                // `the company` is a company's: `Columbia Gas System Inc`, not the
                // `Federal Energy Regulatory Commission` named after it.
                let company = || {
                    lex()
                        .company_words
                        .contains(head)
                        .then(|| {
                            before.clone().find(|(m, _)| {
                                m.organization
                                    && name_words(text, m.name)
                                        .iter()
                                        .any(|w| lex().company_words.contains(w.as_str()))
                            })
                        })
                        .flatten()
                };
                let any = || {
                    GENERIC_ORGANIZATIONS
                        .contains(&head)
                        .then(|| before.clone().find(|(m, _)| m.organization))
                        .flatten()
                };
                return named.or_else(company).or_else(any).map(|(_, e)| e);
            }
            if lex().speaker_titles.contains(head) {
                return before
                    .filter(|(_, e)| {
                        entities.get(*e).is_some_and(|x| {
                            x.person
                                && x.speaker
                                    .title
                                    .is_some_and(|t| name_words(text, t).iter().any(|w| w == head))
                        })
                    })
                    .map(|(_, e)| e)
                    .next();
            }
            None
        }
        _ => None,
    }
}

/// The entity `m` names: one already met with the same name, or a new one.
fn join(text: &str, entities: &mut Vec<Entity>, m: &Mention) -> usize {
    let words = name_words(text, m.name);
    let strong = m.title.is_some() || m.gender.is_some();
    // A shorter name of an organisation named before: `Columbia Gas` for Columbia Gas
    // System Inc, `Noranda Forest` for Noranda Forest Inc.
    if !m.organization
        && m.title.is_none()
        && !words.is_empty()
        && let Some(i) = entities.iter().rposition(|e| {
            e.speaker.organization && e.words.len() > words.len() && e.words.starts_with(&words)
        })
    {
        return i;
    }
    let same = entities.iter().rposition(|e| {
        if e.person != m.person || e.speaker.organization != m.organization {
            return false;
        }
        if e.words == words {
            return true;
        }
        if !m.person && !m.organization {
            return false;
        }
        let (short, long) = if words.len() <= e.words.len() {
            (&words, &e.words)
        } else {
            (&e.words, &words)
        };
        if short.is_empty() {
            return false;
        }
        if m.organization {
            // `Acme` and `Acme Corp`: the shorter is the start of the longer.
            return long.starts_with(short);
        }
        // People: the same last name, and first names that do not differ.
        match (short.as_slice(), long.as_slice()) {
            ([one], _) => long.contains(one),
            ([.., a], [.., b]) => a == b && short.first() == long.first(),
            _ => false,
        }
    });
    match same {
        Some(i) => {
            if let Some(e) = entities.get_mut(i) {
                if words.len() > e.words.len() {
                    e.words = words;
                    e.speaker.name = m.name;
                    e.speaker.first_mention = m.span;
                }
                if e.speaker.title.is_none() {
                    e.speaker.title = m.title;
                }
                e.gender = e.gender.or(m.gender);
                e.strong |= strong;
            }
            i
        }
        None => {
            entities.push(Entity {
                speaker: Speaker {
                    name: m.name,
                    first_mention: m.span,
                    title: m.title,
                    organization: m.organization,
                },
                words,
                gender: m.gender,
                person: m.person,
                strong,
            });
            entities.len() - 1
        }
    }
}
