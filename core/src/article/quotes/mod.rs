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

use super::{Block, BlockKind, Quote};
use crate::text::Span;

mod attribution;
mod marks;

use attribution::{attribute_after, attribute_before};
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
