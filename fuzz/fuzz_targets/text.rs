//! The text layer on any string: spans in bounds and in order, normalization idempotent.
#![no_main]

use copydesk::text::{CharOffsets, Normalized, Span, normalize, paragraphs, sentences, words};
use libfuzzer_sys::fuzz_target;

fn check_spans(text: &str, spans: &[Span]) {
    let mut last = 0;
    for s in spans {
        let piece = s.get(text).expect("span slices the text");
        assert!(!piece.is_empty() && piece.trim() == piece);
        assert!(s.start >= last);
        last = s.end;
    }
}

fuzz_target!(|text: &str| {
    check_spans(text, &paragraphs(text));
    check_spans(text, &sentences(text));
    for (span, word) in words(text) {
        assert_eq!(span.get(text), Some(word));
    }
    let once = normalize(text);
    assert_eq!(normalize(&once), once);
    assert_eq!(Normalized::new(text).as_str(), once);
    let offsets = CharOffsets::new(text);
    let n = text.chars().count();
    assert_eq!(offsets.char_offset(text.len()), n);
    assert_eq!(offsets.byte_offset(n), Some(text.len()));
});
