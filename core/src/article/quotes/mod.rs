//! Quotations in paragraphs: their kind, their speaker and verb, and the speakers as
//! entities.
//!
//! - [`marks`] finds the quotations: text between quotation marks (`“...”`, `"..."`,
//!   `«...»`, and `‘...’` in paragraphs without double marks), or a line of dialogue opened
//!   and closed by dashes (`— We have gone as far as we can, — Kim said.`). A quotation
//!   left open at the end of a paragraph goes on in the next (the news convention).
//! - [`attribution`] reads who spoke from the words around it: after it in the same
//!   sentence (`“...,” Trump tweeted`, `“...,” said Jenny Town`, `“...,” Jenny Town,
//!   assistant director of ..., said`, `“...,” airline boss Tony Fernandes tweeted`,
//!   `“...,” according to CNN`), then before it (`a White House spokesman said: “...”`,
//!   `Amazon released a statement saying, “...”`, reported speech: `Trump said they had
//!   talks at “extremely high levels”`, `Said X, ..., “...”`, `X today said, “...”`, `told
//!   the conference “...”`, `... and added: “...”` with the sentence's subject), then at
//!   the end of the sentence after the writer's words (`... to “a comfortable level” or
//!   about 30 pct, he said`), then at the start of the next one (`“...” Rockefeller told
//!   bankers`). A quotation with no attribution takes the speaker of the quotation before
//!   it in the same paragraph, or of the one it continues from the paragraph before; a
//!   paragraph that opens with one takes who spoke last in the paragraph before.
//! - The kind ([`QuoteKind`]): a quotation that stands as the speaker's own sentence (it
//!   opens the paragraph or the sentence, or follows `said:`) is `direct`; quoted words
//!   read into the writer's sentence are `partial` (also when opened in lower case after
//!   the writer's words and a comma, or after a bare verb when the sentence goes on after
//!   them); quoted words that are not speech are a
//!   `term` and get no speaker: those after a word of the lexicon's `term_cues`
//!   (`so-called`, `titled`), titles of works (`“Once Upon A Time in Hollywood”`), a
//!   quoted modifier (`“abrasive and demeaning” managers`), and short quoted words (under
//!   four) that no one is said to have said.
//! - [`speakers`] resolves each mention to a [`Speaker`]: pronouns, surnames and roles to
//!   the person named before them, one speaker per person with the fullest name.

use super::lexicon::lex;
use super::{Block, BlockKind, Quote, QuoteKind, Speaker};
use crate::text::Span;

mod attribution;
mod marks;
mod speakers;

use attribution::{
    attribute_after, attribute_before, attribute_sentence_end, is_verb, lower,
    next_sentence_speaker, speech_subjects, words,
};
use marks::{quotations, trim_content};

/// Pronouns that may speak.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you", "it"];

/// Words that open a noun phrase naming a speaker: `a White House spokesman`.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "two", "three", "several",
    "some", "many", "other", "both", "each", "our", "my",
];

/// Lower-case words allowed inside a name: `Secretary of State`, `Ursula von der Leyen`.
pub(super) const NAME_JOINERS: &[&str] = &[
    "of", "de", "der", "van", "von", "al", "bin", "la", "le", "du", "da", "del", "y",
];

/// Lower-case words allowed in the title of a work: `Once Upon A Time in Hollywood`.
const TITLE_JOINERS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "for", "to", "and", "or", "with", "from", "by",
    "upon", "de", "la",
];

/// A speaker and a verb, as absolute spans.
type Attribution = (Option<Span>, Option<Span>);

/// Finds the quotations of the paragraphs among `blocks` (spans index `text`), and their
/// speakers.
pub(crate) fn find(text: &str, blocks: &[Block]) -> (Vec<Quote>, Vec<Speaker>) {
    let mut out = Vec::new();
    // The attribution of a quotation left open at the end of the paragraph before.
    let mut carried: Option<Attribution> = None;
    // Who spoke last in the paragraph before (absolute spans).
    let mut last_said: Option<Attribution> = None;
    for (index, block) in blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph {
            carried = None;
            last_said = None;
            continue;
        }
        let said_before = last_said.take();
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
            let quoted = content.slice(piece);
            let clause_start = k
                .checked_sub(1)
                .and_then(|p| raws.get(p))
                .map_or(0, |r| r.end);
            // A quotation that ends with a full stop ends its sentence: what follows it
            // is another sentence, not its attribution.
            let full_stop = quoted.ends_with('.') && !quoted.ends_with("..");
            let after = if full_stop {
                None
            } else {
                attribute_after(piece, raw.end)
            };
            let before = if after.is_some() {
                None
            } else {
                attribute_before(piece, clause_start, raw.open)
            };
            if raw.dash && after.is_none() && before.is_none() {
                continue;
            }
            let words = quoted.split_whitespace().count();
            let continued = match (k, carried) {
                (0, Some(c)) if raw.open == 0 => Some(c),
                // A paragraph that opens with a quotation of no attribution of its own
                // goes on with who spoke last in the paragraph before.
                (0, None) if raw.open == 0 => said_before,
                _ => previous.filter(|(s, _)| s.is_some()),
            };
            let standing =
                (raw.dash || stands_alone(piece, raw.open) || before.is_some_and(|b| b.1))
                    && !reads_on(piece, raw, quoted, k > 0);
            let term = after.is_none()
                && (cued_as_term(piece, raw.open)
                    || title_of_work(piece, raw.content)
                    || modifier(piece, raw, quoted));
            // The attribution at the end of the sentence, after the writer's words that
            // follow the quotation; the speaker named at the start of the next sentence.
            let late = if after.is_none() && before.is_none() {
                if full_stop {
                    // Not when the quotation goes on from one before it in the paragraph
                    // or from one left open.
                    (continued.is_none() || (k == 0 && carried.is_none()))
                        .then(|| next_sentence_speaker(piece, raw.end))
                        .flatten()
                } else {
                    attribute_sentence_end(piece, raw.end)
                }
            } else {
                None
            };
            let found = after.or(before.map(|b| b.0)).or(late).map(absolute);
            // Short words attributed only at the end of the sentence may be a term the
            // writer uses (`The reference to “irony” was lost, he said.`).
            let attributed = after.is_some() || before.is_some() || (late.is_some() && words >= 4);
            let kind = if term {
                QuoteKind::Term
            } else if standing {
                if attributed || continued.is_some() || words >= 4 {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Term
                }
            } else if attributed || words >= 4 {
                QuoteKind::Partial
            } else {
                QuoteKind::Term
            };
            let (mention, verb) = match kind {
                QuoteKind::Term => (None, None),
                _ => found.or(continued).unwrap_or((None, None)),
            };
            out.push(Quote {
                block: index,
                span: content.shift(base),
                kind,
                mention,
                speaker: None,
                verb,
            });
            if kind != QuoteKind::Term {
                previous = Some((mention, verb));
                next_carry = (!raw.closed).then_some((mention, verb));
                if mention.is_some() {
                    last_said = Some((mention, verb));
                }
            }
        }
        // A speech verb after the paragraph's last quotation: `Skeoch said.`, `Wagner told
        // a news conference ...`.
        let quoted: Vec<Span> = raws.iter().map(|r| r.content).collect();
        let after_quotes = raws.last().map_or(0, |r| r.end);
        if let Some((subject, verb)) = speech_subjects(piece, &quoted)
            .into_iter()
            .rfind(|(s, _)| s.start >= after_quotes)
        {
            last_said = Some((Some(subject.shift(base)), Some(verb.shift(base))));
        }
        carried = next_carry;
    }
    let speakers = speakers::resolve(text, blocks, &mut out);
    (out, speakers)
}

/// True when the quotation opens its paragraph or sentence, or follows a colon, a comma,
/// a dash or a speech verb: it is set off as the speaker's own words.
fn stands_alone(piece: &str, open: usize) -> bool {
    let before = piece.get(..open).unwrap_or("").trim_end();
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    if ".!?:;,—–-(”\"".contains(last) {
        return true;
    }
    words(piece, 0, open).last().is_some_and(is_verb)
}

/// True when a quotation set off by punctuation or a verb is read into the writer's
/// sentence all the same: opened in lower case after a comma that follows the writer's
/// words (`However, “the impact ... changes,” Horner said`; not `said, “a big ...”`, nor
/// the second half of a quotation split by its attribution), or after a bare verb when
/// the sentence goes on after it (`Kassebaum said “only a miniscule number of banks” have
/// qualified`) or when it is too short to be a sentence (`have told “the whole truth.”`).
fn reads_on(piece: &str, raw: &marks::Raw, quoted: &str, split: bool) -> bool {
    let before = piece.get(..raw.open).unwrap_or("").trim_end();
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    let lower_start = quoted.starts_with(char::is_lowercase);
    let previous = words(piece, 0, raw.open);
    let verb_before = |skip: usize| previous.iter().rev().nth(skip).is_some_and(is_verb);
    if last == ',' {
        return lower_start && !split && !verb_before(0);
    }
    if ".!?:;—–-(”\"".contains(last) || !verb_before(0) {
        return false;
    }
    let short = quoted.split_whitespace().count() < 4;
    let ends = quoted.ends_with(['.', '!', '?']);
    let rest = piece.get(raw.end..).unwrap_or("").trim_start();
    let goes_on = raw.closed && !ends && rest.starts_with(char::is_lowercase);
    short || goes_on
}

/// True when the word before the quotation says what follows is a name or a term:
/// `so-called “Star Wars”`, `the word “irony”`.
fn cued_as_term(piece: &str, open: usize) -> bool {
    let from = open.saturating_sub(40);
    let from = (from..=open)
        .find(|&i| piece.is_char_boundary(i))
        .unwrap_or(open);
    words(piece, from, open).last().is_some_and(|w| {
        lex().term_cues.contains(lower(w.bare).as_str())
            || (lower(w.bare) == "as"
                && piece
                    .get(..open)
                    .is_some_and(|p| p.trim_end().to_lowercase().ends_with("known as")))
    })
}

/// True for the title of a work or a name: two to ten words, each capitalized or a small
/// joining word, with no punctuation to end a sentence (`“Once Upon A Time in
/// Hollywood”`).
fn title_of_work(piece: &str, content: Span) -> bool {
    let raw = content.slice(piece).trim();
    if raw.ends_with(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    let ws: Vec<&str> = raw.split_whitespace().collect();
    (2..=10).contains(&ws.len())
        && ws
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && ws.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_JOINERS.contains(&w.to_lowercase().as_str())
        })
        && ws
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            >= 2
}

/// True for short quoted words used as a modifier of the noun after them: `“abrasive and
/// demeaning” managers`.
fn modifier(piece: &str, raw: &marks::Raw, quoted: &str) -> bool {
    if !raw.closed
        || quoted.ends_with(['.', ',', '!', '?'])
        || quoted.split_whitespace().count() > 4
    {
        return false;
    }
    let rest = piece.get(raw.end..).unwrap_or("");
    if !rest.starts_with(' ') {
        return false;
    }
    let Some(next) = rest.split_whitespace().next() else {
        return false;
    };
    let bare = next.trim_matches(|c: char| !c.is_alphanumeric());
    let l = bare.to_lowercase();
    // The noun may end the sentence: `“abrasive and demeaning” managers.`
    next.starts_with(bare)
        && !bare.is_empty()
        && bare.starts_with(char::is_lowercase)
        && !PRONOUNS.contains(&l.as_str())
        && !DETERMINERS.contains(&l.as_str())
        && !lex().speech_verbs.contains(l.as_str())
        && !lex().not_names.contains(l.as_str())
        && !matches!(
            l.as_str(),
            "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would"
        )
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
            .0
            .iter()
            .filter(|q| q.kind != QuoteKind::Term)
            .map(|q| {
                (
                    q.span.slice(text).to_owned(),
                    q.mention.map(|s| s.slice(text).to_owned()),
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
    fn descriptions_and_affiliations() {
        assert_eq!(
            quotes("“We are back in business,” airline boss Tony Fernandes tweeted."),
            [q(
                "We are back in business",
                Some("airline boss Tony Fernandes"),
                Some("tweeted")
            )]
        );
        assert_eq!(
            quotes(
                "“The plastic is everywhere,” Erik van Sebille, a physical oceanographer at the University of New South Wales told Reuters."
            ),
            [q(
                "The plastic is everywhere",
                Some("Erik van Sebille"),
                Some("told")
            )]
        );
        assert_eq!(
            quotes(
                "“Stay inside,” Patrol Chief James Hall with the New York Police Department said."
            ),
            [q(
                "Stay inside",
                Some("Patrol Chief James Hall"),
                Some("said")
            )]
        );
        assert_eq!(
            quotes(
                "But talks at an “extremely high level,” as Trump says are now happening, are rare."
            ),
            [q("extremely high level", Some("Trump"), Some("says"))]
        );
    }

    #[test]
    fn terms_are_not_attributed() {
        let kinds = |text: &str| -> Vec<QuoteKind> {
            let blocks: Vec<Block> = crate::text::paragraphs(text)
                .into_iter()
                .map(|s| Block::new(BlockKind::Paragraph, s))
                .collect();
            find(text, &blocks).0.iter().map(|q| q.kind).collect()
        };
        assert_eq!(
            kinds("He said he loved “Once Upon A Time in Hollywood” a lot."),
            [QuoteKind::Term]
        );
        assert_eq!(
            kinds("The reference to “irony” was lost, he said."),
            [QuoteKind::Term]
        );
        assert_eq!(
            kinds("Others described “abrasive and demeaning” managers."),
            [QuoteKind::Term]
        );
        assert_eq!(
            kinds("Trump said they held talks at “extremely high levels.”"),
            [QuoteKind::Partial]
        );
        assert_eq!(kinds("“We will see,” he said."), [QuoteKind::Direct]);
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
