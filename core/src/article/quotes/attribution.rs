//! Attribution: the speaker and the verb the words around a quotation name.

use super::super::lexicon::lex;
use super::{DETERMINERS, NAME_JOINERS, PRONOUNS};
use crate::text::Span;

/// A word of a clause: its span in the paragraph and the word without the punctuation
/// around it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word<'a> {
    pub(super) span: Span,
    pub(super) raw: &'a str,
    pub(super) bare: &'a str,
}

pub(super) fn words(piece: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let Some(region) = piece.get(from..to) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in region.split_whitespace() {
        let start = from + offset_in(region, raw);
        let bare = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() && !raw.contains([',', ':']) {
            continue;
        }
        // The span of the word without its punctuation.
        let lead = if bare.is_empty() {
            0
        } else {
            offset_in(raw, bare)
        };
        out.push(Word {
            span: Span::new(start + lead, start + lead + bare.len()),
            raw,
            bare,
        });
    }
    out
}

/// Where `inner`, a slice of `outer` (from `split_whitespace` or `trim_matches`), starts
/// in it: the distance between their pointers, without searching for the text again.
fn offset_in(outer: &str, inner: &str) -> usize {
    let at = (inner.as_ptr() as usize).wrapping_sub(outer.as_ptr() as usize);
    debug_assert!(at <= outer.len() && outer.get(at..at + inner.len()) == Some(inner));
    at
}

pub(super) fn lower(w: &str) -> String {
    w.to_lowercase()
}

pub(super) fn is_verb(w: &Word<'_>) -> bool {
    lex().speech_verbs.contains(&lower(w.bare).as_str())
}

/// True for a word that may stand between a speaker and the verb (`also`, `today`).
pub(super) fn is_adverb(w: &Word<'_>) -> bool {
    lex().speech_adverbs.contains(&lower(w.bare).as_str())
}

/// True for an auxiliary verb in lower case (`had`, `was`): never part of a name.
pub(super) fn is_auxiliary(w: &Word<'_>) -> bool {
    !capitalized(w) && lex().auxiliaries.contains(&lower(w.bare).as_str())
}

/// True when the word ends a sentence (a full stop that is not an abbreviation's).
pub(super) fn ends_sentence(w: &Word<'_>) -> bool {
    let raw = w.raw.trim_end_matches(['"', '”', '’', ')', '\'']);
    if raw.ends_with(['!', '?', ';']) {
        return true;
    }
    if !raw.ends_with('.') {
        return false;
    }
    let core = raw.trim_end_matches('.');
    // "U.S.", "Mr.", "J." are abbreviations.
    let abbreviation = core.contains('.')
        || (core.chars().count() == 1 && core.chars().all(char::is_uppercase))
        || matches!(
            core,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Lt"
                | "Col"
                | "Capt"
                | "Sgt"
                | "Prof"
                | "St"
                | "Jr"
                | "Sr"
        );
    !abbreviation
}

/// True when the punctuation after the word ends the name: a comma, a semicolon, a colon,
/// or a full stop that is not an abbreviation's (`Sen.` goes on).
fn ends_sentence_or_clause(w: &Word<'_>) -> bool {
    !w.raw.ends_with('.') || ends_sentence(w)
}

fn capitalized(w: &Word<'_>) -> bool {
    w.bare.starts_with(|c: char| c.is_uppercase())
}

/// An attribution after a quotation, in the same sentence: `, Trump tweeted`,
/// `said Jenny Town`, `Jenny Town, assistant director ..., said`, `according to CNN`.
pub(super) fn attribute_after(piece: &str, end: usize) -> Option<(Option<Span>, Option<Span>)> {
    let mut limit = piece.len().min(end + 400);
    while !piece.is_char_boundary(limit) {
        limit -= 1;
    }
    // The clause stops at the next quotation mark.
    let stop = piece
        .get(end..limit)?
        .find(['“', '"', '«', '‘'])
        .map_or(limit, |i| end + i);
    let mut ws = words(piece, end, stop);
    if let Some(cut) = ws.iter().position(ends_sentence) {
        ws.truncate(cut + 1);
    }
    ws.truncate(40);
    let v = ws.iter().position(|w| is_verb(w) || according(&ws, w))?;
    let verb = verb_span(&ws, v)?;
    if v == 0 || (v == 1 && ws.first().is_some_and(|w| w.bare.is_empty())) {
        // Inverted: "said Jenny Town", "according to CNN".
        let from = if ws.get(v).is_some_and(|w| lower(w.bare) == "according") {
            v + 2
        } else {
            v + 1
        };
        return Some((
            firm_then_person(&ws, from).or_else(|| forward_name(&ws, from)),
            Some(verb),
        ));
    }
    // "Jenny Town, assistant director of ..., said": the name is before the first comma
    // (the appositive may run to the verb without a comma: "Erik van Sebille, a physical
    // oceanographer at the University of New South Wales told Reuters").
    let segment = ws.get(..v)?;
    // "PAP quoted Baka as saying": the one quoted speaks.
    if ws.get(v).is_some_and(|w| lower(w.bare) == "quoted")
        && ws.iter().skip(v + 2).take(5).any(|w| lower(w.bare) == "as")
        && let Some(quoted) = forward_name(&ws, v + 1)
    {
        return Some((Some(quoted), Some(verb)));
    }
    // "..., as it suggests": a thing, not a speaker.
    if let [first, second, ..] = segment
        && lower(first.raw) == "as"
        && lower(second.bare) == "it"
        && segment.len() == 2
    {
        return None;
    }
    // "..., as Trump says": the name after `as`.
    let segment = match segment {
        [first, rest @ ..] if lower(first.raw) == "as" && !rest.is_empty() => rest,
        _ => segment,
    };
    let comma = segment.iter().position(|w| w.raw.ends_with(','));
    let name_end = match comma {
        Some(c) if c + 1 < segment.len() => {
            if !segment.last().is_some_and(|w| w.raw.ends_with(','))
                && !segment.get(..=c).is_some_and(|n| {
                    n.iter()
                        .all(|w| capitalized(w) || NAME_JOINERS.contains(&lower(w.bare).as_str()))
                })
            {
                return None;
            }
            c + 1
        }
        Some(c) => c + 1,
        None => segment.len(),
    };
    let name = segment.get(..name_end)?;
    let speaker = name_phrase(name)?;
    Some((Some(speaker), Some(verb)))
}

/// True for a title or role written before a name (`boss`, `meteorologist`).
fn is_title(w: &Word<'_>) -> bool {
    lex()
        .speaker_titles
        .contains(lower(w.bare.trim_end_matches('.')).as_str())
}

/// Prepositions that end a name and start where the person is from: `Patrol Chief James
/// Hall with the New York Police Department said`.
const AFFILIATIONS: &[&str] = &["with", "at", "from", "for", "in", "on"];

/// True for `according` followed by `to`.
fn according(ws: &[Word<'_>], w: &Word<'_>) -> bool {
    lower(w.bare) == "according"
        && ws
            .iter()
            .position(|x| x.span == w.span)
            .and_then(|i| ws.get(i + 1))
            .is_some_and(|n| lower(n.bare) == "to")
}

fn verb_span(ws: &[Word<'_>], v: usize) -> Option<Span> {
    let w = ws.get(v)?;
    if lower(w.bare) == "according"
        && let Some(to) = ws.get(v + 1)
    {
        return Some(w.span.cover(to.span));
    }
    Some(w.span)
}

/// A name read forwards from `from`: `said Jenny Town, who ...` → `Jenny Town`.
fn forward_name(ws: &[Word<'_>], from: usize) -> Option<Span> {
    let first = ws.get(from)?;
    let first_lower = lower(first.bare);
    // A lower-case modifier before a capitalized title: "state Sen. Ellen Park",
    // "former President Bill Clinton".
    let modifier = first.bare.chars().all(char::is_lowercase)
        && first.raw == first.bare
        && ws.get(from + 1).is_some_and(capitalized);
    if !(capitalized(first)
        || modifier
        || DETERMINERS.contains(&first_lower.as_str())
        || PRONOUNS.contains(&first_lower.as_str()))
        || lex().not_names.contains(&first_lower.as_str())
    {
        return None;
    }
    let mut end = from;
    for (i, w) in ws.iter().enumerate().skip(from).take(8) {
        let l = lower(w.bare);
        if i > from
            && (lex().not_names.contains(&l.as_str())
                || is_verb(w)
                || is_auxiliary(w)
                || w.raw.starts_with('('))
        {
            break;
        }
        if i > from
            && !capitalized(w)
            && !NAME_JOINERS.contains(&l.as_str())
            && !DETERMINERS.contains(&l.as_str())
        {
            // Lower-case words after a determiner are the noun phrase ("the president");
            // a role between names goes on: "CNN meteorologist Chad Myers".
            let role = is_title(w) && ws.get(i + 1).is_some_and(|n| capitalized(n) || is_title(n));
            if !DETERMINERS.contains(&first_lower.as_str()) && !role {
                break;
            }
        }
        end = i;
        if w.raw.ends_with([',', '.', ';', ':'])
            && !w.raw.ends_with("..")
            && ends_sentence_or_clause(w)
        {
            break;
        }
    }
    Some(first.span.cover(ws.get(end).map_or(first.span, |w| w.span)))
}

/// The speaker in the words just before the verb (`Jenny Town`, `the president`, `he`),
/// read from the start: one to seven words that start like a name.
fn name_phrase(name: &[Word<'_>]) -> Option<Span> {
    // "Patrol Chief James Hall with the New York Police Department": the name ends where
    // the affiliation starts.
    let name = match name
        .iter()
        .position(|w| AFFILIATIONS.contains(&lower(w.bare).as_str()))
    {
        Some(p) if p > 0 && name.get(p - 1).is_some_and(capitalized) => name.get(..p)?,
        _ => name,
    };
    let first = name.first()?;
    let last = name.last()?;
    let first_lower = lower(first.bare);
    // Roles in lower case before the name: "airline boss Tony Fernandes".
    let described = !capitalized(first)
        && capitalized(last)
        && name
            .iter()
            .take_while(|w| !capitalized(w))
            .all(|w| is_title(w) || w.raw == w.bare)
        && name.iter().take_while(|w| !capitalized(w)).count() <= 3;
    let starts_well = capitalized(first)
        || described
        || DETERMINERS.contains(&first_lower.as_str())
        || PRONOUNS.contains(&first_lower.as_str());
    if !starts_well || lex().not_names.contains(&first_lower.as_str()) || name.len() > 7 {
        return None;
    }
    // A name does not run over a sentence end.
    if name.iter().rev().skip(1).any(ends_sentence) {
        return None;
    }
    Some(first.span.cover(last.span))
}

/// An attribution before a quotation: `a White House spokesman said: “...”`,
/// `Abraham Denmark, a former ..., said on Twitter : “...”`, `Trump said that “...”`.
///
/// The flag says whether the attribution introduces the quotation as one (`said: “...”`,
/// `said, “...”`, `said “...”`) rather than reading it into the writer's sentence (`said
/// that “...”`, reported speech).
pub(super) fn attribute_before(
    piece: &str,
    from: usize,
    open: usize,
) -> Option<(super::Attribution, bool)> {
    let from = from.max(open.saturating_sub(400));
    let mut from = from;
    while !piece.is_char_boundary(from) {
        from += 1;
    }
    let mut ws = words(piece, from, open);
    // Only the sentence the quotation is in.
    if let Some(cut) = ws.iter().rposition(ends_sentence) {
        ws.drain(..=cut);
    }
    let last = ws.last()?;
    let colon = last.raw.ends_with(':');
    // Inverted at the start of the sentence: `Said David Gluskin, vice-president of ...,
    // “...”`.
    if let Some(first) = ws.first()
        && is_verb(first)
        && capitalized(first)
        && last.raw.ends_with([',', ':'])
        && let Some(speaker) = forward_name(&ws, 1)
    {
        return Some(((Some(speaker), Some(first.span)), true));
    }
    let leads_in = colon || last.raw.ends_with(',') || lower(last.bare) == "that" || is_verb(last);
    if !leads_in {
        // `said on balance “...”`, `told reporters “...”`: the verb, then an adverbial or
        // the listener, then the quotation.
        if let Some(v) = verb_with_complement(&ws)
            && let Some(speaker) = subject_before(&ws, v)
        {
            return Some(((Some(speaker), Some(ws.get(v)?.span)), true));
        }
        return reported_speech(&ws).map(|a| (a, false));
    }
    let introduces = lower(last.bare) != "that";
    // The verb, at most four words before the quotation ("said on Twitter :").
    let n = ws.len();
    let v = (n.saturating_sub(5)..n)
        .rev()
        .find(|&i| ws.get(i).is_some_and(is_verb))?;
    if ws
        .iter()
        .skip(v + 1)
        .any(|w| w.raw.ends_with(',') && w.span != last.span)
    {
        return None;
    }
    let verb = ws.get(v)?.span;
    if let Some(speaker) = subject_before(&ws, v) {
        return Some(((Some(speaker), Some(verb)), introduces));
    }
    // No subject of its own (`... and added: “...”`, `the two institutions had promised
    // “...”`): the subject of the sentence's first speech verb. The quotation stands as
    // the speaker's own words only after a colon; otherwise it is read into the
    // reported speech.
    let (speaker, first_verb) = reported_speech(&ws)?;
    Some(((speaker, first_verb), colon))
}

/// The subject of the speech verb at `v` in the words before it: `a White House spokesman
/// said`, `Abraham Denmark, a former official, said`, `Suzanne Earley, replied`, `Tom
/// Cook, director ... for the National Cattlemens Association said` (the person, not the
/// affiliation), `Amazon released a statement saying`, `PAP quoted Baka as saying`.
fn subject_before(ws: &[Word<'_>], v: usize) -> Option<Span> {
    let before = ws.get(..v)?;
    if ws.get(v).is_some_and(|w| w.bare.ends_with("ing")) {
        // "PAP quoted Baka as saying": the one quoted.
        if let [.., as_] = before
            && lower(as_.bare) == "as"
            && let Some(q) = before.iter().rposition(|w| lower(w.bare) == "quoted")
            && q + 2 < before.len()
            && let Some(quoted) = forward_name(before, q + 1)
        {
            return Some(quoted);
        }
        // "Amazon released a statement saying, “...”": a participle's speaker is the
        // sentence's subject, after an opening phrase (`Last night, Chirac set out ...`).
        let opening = before
            .iter()
            .take(8)
            .position(|w| w.raw.ends_with(','))
            .map_or(0, |c| c + 1);
        return [0, opening].into_iter().find_map(|from| {
            let rest = before.get(from..)?;
            let run = rest
                .iter()
                .take_while(|w| capitalized(w) || is_title(w))
                .count();
            name_phrase(rest.get(..run)?)
        });
    }
    // "Abraham Denmark, a former official, said": skip the appositive back to its comma;
    // "Suzanne Earley, replied": a comma after the name alone.
    let mut name_end = v;
    if let [rest @ .., comma] = before
        && comma.raw.ends_with(',')
    {
        name_end = rest
            .iter()
            .rposition(|w| w.raw.ends_with(','))
            .map_or(before.len(), |c| c + 1);
    }
    let head = ws.get(..name_end)?;
    let speaker = backward_name(head)?;
    // "Tom Cook, director of industry affairs for the National Cattlemens Association
    // said": the phrase before the verb is where the person works; the speaker is the
    // name before the appositive's comma.
    let at = head.iter().position(|w| w.span.start == speaker.start)?;
    if at > 0
        && head.get(at - 1).is_some_and(|w| {
            AFFILIATIONS.contains(&lower(w.bare).as_str()) || lower(w.bare) == "of"
        })
        && let Some(c) = head
            .get(..at)
            .and_then(|h| h.iter().rposition(|w| w.raw.ends_with(',')))
        && let Some(person) = head.get(..=c).and_then(backward_name)
    {
        return Some(person);
    }
    Some(speaker)
}

/// The speech verb of `ws` followed by a short adverbial (`said on balance`, `said in a
/// statement`) or by the listener (`told reporters`, `told the 8th Antwerp Oils and Fats
/// Contact Days`) and then the quotation: its index.
fn verb_with_complement(ws: &[Word<'_>]) -> Option<usize> {
    let n = ws.len();
    let v = (n.saturating_sub(10)..n)
        .rev()
        .find(|&i| ws.get(i).is_some_and(is_verb))?;
    let verb = lower(ws.get(v)?.bare);
    let rest = ws.get(v + 1..)?;
    let first = rest.first()?;
    if rest
        .iter()
        .any(|w| w.raw.ends_with([',', ':', ';', '.']) || is_verb(w) || is_auxiliary(w))
        || verb.ends_with("ing")
    {
        return None;
    }
    let adverbial = rest.len() <= 3
        && AFFILIATIONS.contains(&lower(first.bare).as_str())
        && rest.iter().skip(1).all(|w| w.raw == w.bare);
    let listener = matches!(verb.as_str(), "told" | "tells" | "tell")
        && rest.len() <= 9
        && rest.iter().enumerate().all(|(i, w)| {
            let l = lower(w.bare);
            capitalized(w)
                || w.bare.starts_with(|c: char| c.is_ascii_digit())
                || (i == 0 && (DETERMINERS.contains(&l.as_str()) || rest.len() == 1))
                || (i > 0 && (NAME_JOINERS.contains(&l.as_str()) || l == "and"))
        });
    (adverbial || listener).then_some(v)
}

/// A quotation that ends a sentence of reported speech: `A senior official told us the
/// results were "better than we feared"`. The speaker is the subject of the sentence's
/// first speech verb, which must come within its first eight words after a comma that
/// ends an opening phrase (`Last month, Trump said ...`).
pub(super) fn reported_speech(ws: &[Word<'_>]) -> Option<(Option<Span>, Option<Span>)> {
    let opening = ws
        .iter()
        .take(6)
        .position(|w| w.raw.ends_with(','))
        .map_or(0, |c| c + 1);
    // The first verb may come before the opening phrase's comma: `the spokesman said,
    // adding that ...`.
    [0, opening]
        .into_iter()
        .find_map(|from| subject_of_first_verb(ws.get(from..)?))
}

/// The subject and verb of the first speech verb of `ws` (within its first eight words),
/// when the whole subject is a name: `But he said ...` -> `he`.
fn subject_of_first_verb(ws: &[Word<'_>]) -> Option<(Option<Span>, Option<Span>)> {
    // Conjunctions that open the sentence: `But he said`, `And Smith said`.
    let lead = ws
        .iter()
        .take_while(|w| {
            lex().not_names.contains(&lower(w.bare).as_str())
                && !PRONOUNS.contains(&lower(w.bare).as_str())
                && !w.raw.ends_with([',', ':', ';'])
        })
        .count()
        .min(2);
    let ws = ws.get(lead..)?;
    let v = ws.iter().take(8).position(is_verb)?;
    let subject = ws.get(..v)?;
    if subject.is_empty() || subject.iter().any(|w| w.raw.ends_with([',', ':', ';'])) {
        return None;
    }
    let speaker = backward_name(subject)?;
    // The whole subject must be the name: "On Monday the minister said" is left alone.
    if subject
        .first()
        .is_none_or(|f| f.span.start != speaker.start)
    {
        return None;
    }
    Some((Some(speaker), Some(ws.get(v)?.span)))
}

/// The subjects of the speech verbs of a paragraph, outside the spans `quoted`, with the
/// verbs: `Zimmerman said`, `said the source`, `One said`, `he added`. A participle
/// (`adding`) has no subject of its own and is left out.
pub(super) fn speech_subjects(piece: &str, quoted: &[Span]) -> Vec<(Span, Span)> {
    let inside = |s: Span| quoted.iter().any(|q| q.start <= s.start && s.end <= q.end);
    let ws = words(piece, 0, piece.len());
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in ws.iter().enumerate() {
        if i > 0 && ws.get(i - 1).is_some_and(ends_sentence) {
            start = i;
        }
        if !is_verb(w) || inside(w.span) || lower(w.bare).ends_with("ing") {
            continue;
        }
        // The clause before the verb, from the sentence start or the last quotation.
        let from = (start..i)
            .rev()
            .find(|&k| {
                ws.get(k)
                    .is_some_and(|x| inside(x.span) || x.raw.contains(['"', '“', '”']))
            })
            .map_or(start, |k| k + 1);
        let Some(clause) = ws.get(from..i) else {
            continue;
        };
        let subject = match clause.last() {
            // Inverted: `"...," said the source`, `..., said Jenny Town`.
            None => forward_name(&ws, i + 1),
            // Or the subject with an appositive: `David Owen, U.K. economist at ...,
            // said`.
            // `told` is followed by whom it was told to, never by its subject.
            Some(l)
                if l.raw.ends_with(',')
                    && !matches!(lower(w.bare).as_str(), "told" | "tells" | "tell") =>
            {
                // Not the subject of a clause that goes on: `..., said an accommodation
                // would be found`.
                forward_name(&ws, i + 1)
                    .filter(|s| {
                        !ws.iter()
                            .find(|x| x.span.start > s.end)
                            .is_some_and(|x| is_verb(x) || is_auxiliary(x))
                    })
                    .or_else(|| ws.get(from..=i).and_then(|c| subject_before(c, i - from)))
            }
            Some(_) => ws.get(from..=i).and_then(|c| subject_before(c, i - from)),
        };
        if let Some(subject) = subject {
            out.push((subject, w.span));
        }
    }
    out
}

/// The noun phrase that ends `ws`, read backwards: `On Wednesday morning Mr Trump` →
/// `Mr Trump`; `Asked about it, a White House spokesman` → `a White House spokesman`;
/// `Trump's statement`; `he`.
pub(super) fn backward_name(ws: &[Word<'_>]) -> Option<Span> {
    // Adverbs between the speaker and the verb: `Yates today said`.
    let keep = ws.len()
        - ws.iter()
            .rev()
            .take_while(|w| is_adverb(w) && !w.raw.ends_with([',', ':', ';']))
            .count();
    let ws = ws.get(..keep)?;
    let last = ws.last()?;
    let last_lower = lower(last.bare);
    if PRONOUNS.contains(&last_lower.as_str()) {
        return Some(last.span);
    }
    let mut start = ws.len();
    let mut i = ws.len();
    let mut seen_capital = false;
    while i > 0 && ws.len() - i < 8 {
        i -= 1;
        let Some(w) = ws.get(i) else { break };
        let l = lower(w.bare);
        if i + 1 < ws.len() && w.raw.ends_with([',', ':', ';']) {
            break;
        }
        if lex().not_names.contains(&l.as_str()) || is_verb(w) || is_auxiliary(w) {
            break;
        }
        if DETERMINERS.contains(&l.as_str()) {
            start = i;
            break;
        }
        if capitalized(w) {
            seen_capital = true;
            start = i;
        } else if NAME_JOINERS.contains(&l.as_str()) && seen_capital {
            continue;
        } else if !seen_capital {
            // The lower-case head of the phrase: "spokesman", "officials", "statement".
            start = i;
        } else {
            break;
        }
    }
    // Nothing taken: the word before the verb names no one ("but said").
    let first = ws.get(start)?;
    let fl = lower(first.bare);
    if NAME_JOINERS.contains(&fl.as_str()) {
        return None;
    }
    let head_only_lower =
        !ws.iter().skip(start).any(capitalized) && !DETERMINERS.contains(&fl.as_str());
    if head_only_lower && ws.len() - start > 1 {
        return None;
    }
    Some(first.span.cover(last.span))
}

/// The attribution at the end of the sentence a quotation is in, after the writer's words
/// that follow it: `... debt to “a comfortable, manageable level” or about 30 pct of
/// capital, he said.`
pub(super) fn attribute_sentence_end(
    piece: &str,
    end: usize,
) -> Option<(Option<Span>, Option<Span>)> {
    let mut limit = piece.len().min(end + 400);
    while !piece.is_char_boundary(limit) {
        limit -= 1;
    }
    let stop = piece
        .get(end..limit)?
        .find(['“', '"', '«', '‘'])
        .map_or(limit, |i| end + i);
    let ws = words(piece, end, stop);
    let last = ws.iter().position(ends_sentence)?;
    let comma = ws.get(..last)?.iter().rposition(|w| w.raw.ends_with(','))?;
    if comma == 0 {
        return None;
    }
    attribute_after(piece, ws.get(comma)?.span.end + 1)
}

/// The speaker named at the start of the sentence after a quotation that ends with a full
/// stop: `“... an accommodation.” Rockefeller told bankers at a luncheon.`
pub(super) fn next_sentence_speaker(
    piece: &str,
    end: usize,
) -> Option<(Option<Span>, Option<Span>)> {
    let mut limit = piece.len().min(end + 200);
    while !piece.is_char_boundary(limit) {
        limit -= 1;
    }
    let stop = piece
        .get(end..limit)?
        .find(['“', '"', '«', '‘'])
        .map_or(limit, |i| end + i);
    let mut ws = words(piece, end, stop);
    if let Some(cut) = ws.iter().position(ends_sentence) {
        ws.truncate(cut + 1);
    }
    let v = ws.iter().take(4).position(is_verb)?;
    let subject = ws.get(..v)?;
    if subject.is_empty() || !subject.iter().all(capitalized) {
        return None;
    }
    Some((name_phrase(subject), Some(ws.get(v)?.span)))
}

/// `said Donaldson, Lufkin and Jenrette Inc analyst William Marcus`: a firm's name, then a
/// role and the person; the speaker is the role and the person.
fn firm_then_person(ws: &[Word<'_>], from: usize) -> Option<Span> {
    let first = ws.get(from)?;
    if !capitalized(first) {
        return None;
    }
    let mut firm = false;
    for (i, w) in ws.iter().enumerate().skip(from + 1).take(8) {
        if is_title(w) && !capitalized(w) {
            // A firm's name has `and` or a company's word in it (`Bill Martin, chief U.K.
            // economist` is a person and a role).
            if !firm {
                return None;
            }
            return ws
                .get(i + 1)
                .filter(|n| capitalized(n))
                .and_then(|_| forward_name(ws, i));
        }
        let l = lower(w.bare);
        if !(capitalized(w) || l == "and" || NAME_JOINERS.contains(&l.as_str())) || ends_sentence(w)
        {
            return None;
        }
        firm |= l == "and" || lex().company_words.contains(l.as_str());
    }
    None
}
