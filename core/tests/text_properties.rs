//! Invariants of the text layer on arbitrary and news-like strings.

use copydesk::text::{CharOffsets, Normalized, Span, normalize, paragraphs, sentences, words};
use proptest::prelude::*;

/// Strings built from the pieces that make news copy hard to segment.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("Jan. 5 ".to_owned()),
        Just("“Yes,” he said. ".to_owned()),
        Just("— We will, — Kim said. ".to_owned()),
        Just("... ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("    ".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("ﬁ".to_owned()),
        Just("Ａ".to_owned()),
        Just("😀".to_owned()),
        Just("مرحبا ".to_owned()),
        "[A-Za-z]{1,12}[ .,!?]{0,2}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy()]
}

/// Spans are in bounds, on char boundaries, trimmed, non-empty and in order without overlap.
fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for span in spans {
        let piece = span.get(text);
        prop_assert!(piece.is_some(), "span {span:?} does not slice the text");
        let piece = piece.unwrap_or_default();
        prop_assert!(!piece.is_empty());
        prop_assert_eq!(piece.trim(), piece);
        prop_assert!(span.start >= last_end, "spans overlap or go backwards");
        last_end = span.end;
    }
    Ok(())
}

/// Every non-whitespace character of the text lies inside one of the spans.
fn check_coverage(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            prop_assert!(
                spans.iter().any(|s| s.start <= i && i < s.end),
                "char {c:?} at {i} is in no span"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn paragraphs_cover_the_text_in_order(text in any_text()) {
        let spans = paragraphs(&text);
        check_spans(&text, &spans)?;
        check_coverage(&text, &spans)?;
    }

    #[test]
    fn sentences_cover_the_text_in_order_within_paragraphs(text in any_text()) {
        let spans = sentences(&text);
        check_spans(&text, &spans)?;
        check_coverage(&text, &spans)?;
        let paras = paragraphs(&text);
        for s in &spans {
            prop_assert!(paras.iter().any(|p| p.contains(*s)), "sentence {s:?} crosses paragraphs");
        }
    }

    #[test]
    fn normalization_is_idempotent(text in any_text()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert_eq!(Normalized::new(&text).into_string(), once);
    }

    #[test]
    fn normalized_map_points_into_the_original(text in any_text()) {
        let n = Normalized::new(&text);
        let len = n.as_str().len();
        for (i, _) in n.as_str().char_indices() {
            let span = n.to_original(Span::new(i, i + 1));
            prop_assert!(span.get(&text).is_some());
            prop_assert!(!span.is_empty());
        }
        prop_assert!(n.to_original(Span::new(0, len)).get(&text).is_some());
    }

    #[test]
    fn words_slice_to_themselves(text in any_text()) {
        for (span, word) in words(&text) {
            prop_assert_eq!(span.get(&text), Some(word));
        }
    }

    #[test]
    fn char_offsets_round_trip(text in any_text()) {
        let offsets = CharOffsets::new(&text);
        for (i, (b, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(offsets.char_offset(b), i);
            prop_assert_eq!(offsets.byte_offset(i), Some(b));
        }
        let n = text.chars().count();
        prop_assert_eq!(offsets.byte_offset(n), Some(text.len()));
    }
}

/// Every single character, alone and between letters, normalizes idempotently: the
/// exhaustive complement of the random cases above.
#[test]
fn normalization_is_idempotent_for_every_char() {
    let mut failures = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        for text in [c.to_string(), format!("a{c}\u{301}b"), format!("{c}{c}")] {
            let once = normalize(&text);
            if normalize(&once) != once {
                failures.push(format!("U+{:04X} in {text:?}", c as u32));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures: {:?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
}
