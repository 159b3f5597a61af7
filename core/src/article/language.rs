//! The language of an article whose source does not say it, told from its own text.
//!
//! whatlang's trigram profiles (69 languages) read the body: the paragraphs first, since
//! page furniture and bylines are short and often English on any site, then the whole
//! text when there are no paragraphs. A guess that whatlang itself does not call reliable
//! is not made: the language stays unknown rather than wrong.

use super::{Block, BlockKind};

/// At most this many bytes of body text are read: a few paragraphs tell the language as
/// well as the whole article does, and long articles cost no more than short ones.
const SAMPLE: usize = 4096;

/// Fewer letters than this tell no language reliably.
const MIN_LETTERS: usize = 40;

/// The ISO 639-1 code of the language of `text` (`en`, `de`...), read from the body blocks
/// among `blocks`, or `None` when it cannot be told reliably.
pub(crate) fn detect(text: &str, blocks: &[Block]) -> Option<String> {
    let mut sample = String::new();
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        push_within(&mut sample, b.span.slice(text));
        if sample.len() >= SAMPLE {
            break;
        }
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        sample.clear();
        push_within(&mut sample, text);
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = isolang::Language::from_639_3(info.lang().code())?.to_639_1()?;
    Some(code.to_owned())
}

/// Appends `piece` to `sample`, cut at a character boundary so that `sample` stays within
/// [`SAMPLE`] bytes.
fn push_within(sample: &mut String, piece: &str) {
    if !sample.is_empty() {
        sample.push('\n');
    }
    let room = SAMPLE.saturating_sub(sample.len());
    let mut end = piece.len().min(room);
    while !piece.is_char_boundary(end) {
        end -= 1;
    }
    sample.push_str(&piece[..end]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn para(text: &str) -> Vec<Block> {
        vec![Block::new(BlockKind::Paragraph, Span::new(0, text.len()))]
    }

    #[test]
    fn tells_the_main_news_languages() {
        let cases = [
            (
                "en",
                "The finance minister said on Tuesday that the government would cut taxes for small businesses next year.",
            ),
            (
                "de",
                "Der Finanzminister sagte am Dienstag, die Regierung werde im nächsten Jahr die Steuern für kleine Unternehmen senken.",
            ),
            (
                "fr",
                "Le ministre des Finances a déclaré mardi que le gouvernement réduirait les impôts des petites entreprises l'année prochaine.",
            ),
            (
                "es",
                "El ministro de Hacienda dijo el martes que el gobierno reducirá los impuestos a las pequeñas empresas el próximo año.",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text, &para(text)).as_deref(), Some(code), "{text}");
        }
    }

    #[test]
    fn too_little_text_tells_nothing() {
        assert_eq!(detect("Share", &para("Share")), None);
        assert_eq!(detect("", &[]), None);
    }
}
