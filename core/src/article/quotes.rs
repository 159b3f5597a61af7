//! Quotations in paragraphs, with their speaker and verb.
//!
//! A quotation is text between quotation marks (`“...”`, `"..."`, `«...»`, and `‘...’` in
//! paragraphs without double marks), or a line of dialogue opened and closed by dashes
//! (`— We have gone as far as we can, — Kim said.`). Its attribution is looked for after
//! it in the same sentence (`“...,” Trump tweeted`, `“...,” said Jenny Town`,
//! `“...,” Jenny Town, assistant director of ..., said`, `“...,” according to CNN`), then
//! before it (`a White House spokesman said: “...”`). A quotation with no attribution
//! takes the speaker of the quotation before it in the same paragraph, or of the one it
//! continues from the paragraph before. Short quoted phrases (under four words) with no
//! speaker are scare quotes or names, not quotations, and are left out.

use super::lexicon::lex;
use super::{Block, BlockKind, Quote};
use crate::text::Span;

/// Pronouns that may speak.
const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you", "it"];

/// Words that open a noun phrase naming a speaker: `a White House spokesman`.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "two", "three", "several",
    "some", "many", "other", "both", "each", "our", "my",
];

/// Lower-case words allowed inside a name: `Secretary of State`, `Ursula von der Leyen`.
const NAME_JOINERS: &[&str] = &[
    "of", "de", "der", "van", "von", "al", "bin", "la", "le", "du", "da", "del", "y",
];

/// A speaker and a verb, as absolute spans.
type Attribution = (Option<Span>, Option<Span>);

/// Finds the quotations of the paragraphs among `blocks` (spans index `text`).
pub(crate) fn find(text: &str, blocks: &[Block]) -> Vec<Quote> {
    let mut out = Vec::new();
    // The attribution of a quotation left open at the end of the paragraph before.
    let mut carried: Option<Attribution> = None;
    for (index, block) in blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph {
            carried = None;
            continue;
        }
        let piece = block.span.slice(text);
        let base = block.span.start;
        let absolute = |(s, v): Attribution| (s.map(|s| s.shift(base)), v.map(|v| v.shift(base)));
        let raws = quotations(piece);
        let mut previous: Option<Attribution> = None;
        let mut next_carry = None;
        for (k, raw) in raws.iter().enumerate() {
            let content = trim_content(piece, raw.content);
            if content.is_empty() {
                continue;
            }
            let clause_start = k
                .checked_sub(1)
                .and_then(|p| raws.get(p))
                .map_or(0, |r| r.end);
            // A quotation that ends with a full stop ends its sentence: what follows it
            // is another sentence, not its attribution.
            let full_stop = {
                let c = content.slice(piece);
                c.ends_with('.') && !c.ends_with("..")
            };
            let after = if full_stop {
                None
            } else {
                attribute_after(piece, raw.end)
            };
            let found = after
                .or_else(|| attribute_before(piece, clause_start, raw.open))
                .map(absolute);
            if raw.dash && found.is_none() {
                continue;
            }
            let attribution = found.or(match (k, carried) {
                (0, Some(c)) if raw.open == 0 => Some(c),
                _ => previous.filter(|(s, _)| s.is_some()),
            });
            let (speaker, verb) = attribution.unwrap_or((None, None));
            let words = content.slice(piece).split_whitespace().count();
            if speaker.is_none() && words < 4 {
                continue;
            }
            out.push(Quote {
                block: index,
                span: content.shift(base),
                speaker,
                verb,
            });
            previous = Some((speaker, verb));
            next_carry = (!raw.closed).then_some((speaker, verb));
        }
        carried = next_carry;
    }
    out
}

/// A quotation found in a paragraph, in byte offsets of the paragraph.
#[derive(Clone, Copy, Debug)]
struct Raw {
    /// Where the opening mark is.
    open: usize,
    /// The quoted words (between the marks).
    content: Span,
    /// Just after the closing mark (or the end of the paragraph when it stays open).
    end: usize,
    /// Closed within the paragraph.
    closed: bool,
    /// A line of dialogue between dashes.
    dash: bool,
}

/// The quotations of one paragraph, in order.
fn quotations(piece: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    if let Some(raw) = dialogue(piece) {
        out.push(raw);
        return out;
    }
    let bytes = piece.as_bytes();
    // Every mark is `"` or begins with byte 0xC2 (« ») or 0xE2 (“ ” ‘ ’): a byte scan
    // spares the character-by-character search on paragraphs without one.
    if !bytes.iter().any(|&b| matches!(b, b'"' | 0xC2 | 0xE2)) {
        return out;
    }
    let has_double = piece.contains(['“', '”', '"', '«', '»']);
    let mut open: Option<(usize, usize, char)> = None; // (mark position, content start, mark)
    // Only the quotation marks matter: jump from one to the next.
    let marks = piece.match_indices(['“', '”', '"', '«', '»', '‘', '’']);
    for (i, c) in marks.filter_map(|(i, m)| m.chars().next().map(|c| (i, c))) {
        let after = i + c.len_utf8();
        let prev = piece.get(..i).and_then(|p| p.chars().next_back());
        let next = piece.get(after..).and_then(|p| p.chars().next());
        match c {
            '“' | '«' => open = Some((i, after, c)),
            '”' | '»' => {
                if let Some((at, start, mark)) = open
                    && ((mark == '“' && c == '”') || (mark == '«' && c == '»'))
                {
                    out.push(raw(at, start, i, after, true));
                    open = None;
                }
            }
            '"' => match open {
                Some((at, start, '"')) if prev.is_some_and(|p| !p.is_whitespace()) => {
                    out.push(raw(at, start, i, after, true));
                    open = None;
                }
                None if prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace()) =>
                {
                    open = Some((i, after, '"'));
                }
                _ => {}
            },
            '‘' if !has_double
                && prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p)) =>
            {
                open = Some((i, after, '‘'));
            }
            '’' if !has_double => {
                if let Some((at, start, '‘')) = open {
                    let word_inside = next.is_some_and(char::is_alphabetic);
                    if !word_inside && prev.is_some_and(|p| !p.is_whitespace()) {
                        out.push(raw(at, start, i, after, true));
                        open = None;
                    }
                }
            }
            _ => {}
        }
    }
    // A quotation left open runs to the end of the paragraph (it goes on in the next).
    if let Some((at, start, mark)) = open
        && mark != '‘'
    {
        out.push(raw(at, start, bytes.len(), bytes.len(), false));
    }
    out
}

fn raw(open: usize, start: usize, close: usize, end: usize, closed: bool) -> Raw {
    Raw {
        open,
        content: Span::new(start, close),
        end,
        closed,
        dash: false,
    }
}

/// A line of dialogue: `— We have gone as far as we can, — Kim said.`
fn dialogue(piece: &str) -> Option<Raw> {
    let first = piece.chars().next()?;
    if !matches!(first, '—' | '–' | '―') {
        return None;
    }
    let start = first.len_utf8();
    if !piece.get(start..)?.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = piece.get(start..)?;
    let close = [" —", " –", " ―"]
        .iter()
        .filter_map(|d| rest.find(d).map(|i| (start + i, d.len())))
        .min()?;
    Some(Raw {
        open: 0,
        content: Span::new(start, close.0),
        end: close.0 + close.1,
        closed: true,
        dash: true,
    })
}

/// The quoted words without surrounding spaces and a comma that only leads into the
/// attribution.
fn trim_content(piece: &str, content: Span) -> Span {
    let mut span = content.trim(piece);
    loop {
        let s = span.slice(piece);
        let trimmed = s.trim_end_matches([',', ' ']).trim_end();
        if trimmed.len() == s.len() {
            return span;
        }
        span = Span::new(span.start, span.start + trimmed.len());
    }
}

/// A word of a clause: its span in the paragraph and the word without the punctuation
/// around it.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    span: Span,
    raw: &'a str,
    bare: &'a str,
}

fn words(piece: &str, from: usize, to: usize) -> Vec<Word<'_>> {
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

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn is_verb(w: &Word<'_>) -> bool {
    lex().speech_verbs.contains(&lower(w.bare).as_str())
}

/// True when the word ends a sentence (a full stop that is not an abbreviation's).
fn ends_sentence(w: &Word<'_>) -> bool {
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
fn attribute_after(piece: &str, end: usize) -> Option<(Option<Span>, Option<Span>)> {
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
        return Some((forward_name(&ws, from), Some(verb)));
    }
    // "Jenny Town, assistant director of ..., said": the name is before the first comma.
    let segment = ws.get(..v)?;
    let comma = segment.iter().position(|w| w.raw.ends_with(','));
    let name_end = match comma {
        Some(c) if c + 1 < v => {
            // The appositive runs to a comma just before the verb.
            if !segment.last().is_some_and(|w| w.raw.ends_with(',')) {
                return None;
            }
            c + 1
        }
        Some(c) => c + 1,
        None => v,
    };
    let name = segment.get(..name_end)?;
    let speaker = name_phrase(name)?;
    Some((Some(speaker), Some(verb)))
}

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
        if i > from && (lex().not_names.contains(&l.as_str()) || is_verb(w)) {
            break;
        }
        if i > from
            && !capitalized(w)
            && !NAME_JOINERS.contains(&l.as_str())
            && !DETERMINERS.contains(&l.as_str())
        {
            // Lower-case words after a determiner are the noun phrase ("the president").
            if !DETERMINERS.contains(&first_lower.as_str()) {
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
    let first = name.first()?;
    let last = name.last()?;
    let first_lower = lower(first.bare);
    let starts_well = capitalized(first)
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
fn attribute_before(piece: &str, from: usize, open: usize) -> Option<(Option<Span>, Option<Span>)> {
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
    let leads_in = last.raw.ends_with([':', ',']) || lower(last.bare) == "that" || is_verb(last);
    if !leads_in {
        return reported_speech(&ws);
    }
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
    let before = ws.get(..v)?;
    // "Abraham Denmark, a former official, said": skip the appositive back to its comma.
    let mut name_end = v;
    if let [rest @ .., comma] = before
        && comma.raw.ends_with(',')
    {
        let c = rest.iter().rposition(|w| w.raw.ends_with(','))?;
        name_end = c + 1;
    }
    let speaker = backward_name(ws.get(..name_end)?)?;
    Some((Some(speaker), Some(verb)))
}

/// A quotation that ends a sentence of reported speech: `A senior official told us the
/// results were "better than we feared"`. The speaker is the subject of the sentence's
/// first speech verb, which must come within its first eight words with no comma before.
fn reported_speech(ws: &[Word<'_>]) -> Option<(Option<Span>, Option<Span>)> {
    let v = ws.iter().take(8).position(is_verb)?;
    let subject = ws.get(..v)?;
    if subject.iter().any(|w| w.raw.ends_with([',', ':', ';'])) {
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

/// The noun phrase that ends `ws`, read backwards: `On Wednesday morning Mr Trump` →
/// `Mr Trump`; `Asked about it, a White House spokesman` → `a White House spokesman`;
/// `Trump's statement`; `he`.
fn backward_name(ws: &[Word<'_>]) -> Option<Span> {
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
        if lex().not_names.contains(&l.as_str()) || is_verb(w) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, BlockKind};

    fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let blocks: Vec<Block> = crate::text::paragraphs(text)
            .into_iter()
            .map(|s| Block::new(BlockKind::Paragraph, s))
            .collect();
        find(text, &blocks)
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).to_owned(),
                    q.speaker.map(|s| s.slice(text).to_owned()),
                    q.verb.map(|s| s.slice(text).to_owned()),
                )
            })
            .collect()
    }

    fn q(
        text: &str,
        speaker: Option<&str>,
        verb: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (text.into(), speaker.map(Into::into), verb.map(Into::into))
    }

    #[test]
    fn attributions_after() {
        assert_eq!(
            quotes("“Great progress being made,” Trump tweeted in March. “Meeting being planned!”"),
            [
                q("Great progress being made", Some("Trump"), Some("tweeted")),
                q("Meeting being planned!", Some("Trump"), Some("tweeted")),
            ]
        );
        assert_eq!(
            quotes(
                "“The stakes are very high,” Jenny Town, assistant director of the U.S.-Korea Institute, said in a phone interview."
            ),
            [q(
                "The stakes are very high",
                Some("Jenny Town"),
                Some("said")
            )]
        );
        assert_eq!(
            quotes("\"We will see,\" said Kim Jong Un, the leader."),
            [q("We will see", Some("Kim Jong Un"), Some("said"))]
        );
        assert_eq!(
            quotes("“Talks are going well in every way,” according to CNN."),
            [q(
                "Talks are going well in every way",
                Some("CNN"),
                Some("according to")
            )]
        );
    }

    #[test]
    fn attributions_before() {
        assert_eq!(
            quotes(
                "Asked about the report, a White House spokesman said: “We do not comment on travel.”"
            ),
            [q(
                "We do not comment on travel.",
                Some("a White House spokesman"),
                Some("said")
            )]
        );
        assert_eq!(
            quotes("On Wednesday morning Mr Trump tweeted: “Mike Pompeo met with Kim Jong Un.”"),
            [q(
                "Mike Pompeo met with Kim Jong Un.",
                Some("Mr Trump"),
                Some("tweeted")
            )]
        );
        assert_eq!(
            quotes(
                "Abraham Denmark, a former official, said on Twitter : “A peace treaty has been in the mix.”"
            ),
            [q(
                "A peace treaty has been in the mix.",
                Some("Abraham Denmark"),
                Some("said")
            )]
        );
    }

    #[test]
    fn dialogue_and_scare_quotes() {
        assert_eq!(
            quotes("— We have already gone as far as we can, — Kim said last week."),
            [q(
                "We have already gone as far as we can",
                Some("Kim"),
                Some("said")
            )]
        );
        assert!(quotes("He gave his “blessing” to the talks.").is_empty());
        assert!(quotes("— first item\n\n— second item").is_empty());
    }
}
