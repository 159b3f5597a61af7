//! Article parsing on any string: every block's span slices the text, blocks are in order
//! without overlap, every non-whitespace byte is in exactly one block, and the JSON form
//! serializes.
#![no_main]

use copydesk::article::{self, ArticleJson};
use copydesk::text::OffsetUnit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let a = article::parse(text);
    let mut last = 0;
    for b in &a.blocks {
        let piece = b.span.get(text).expect("block slices the text");
        assert!(!piece.is_empty());
        assert!(b.span.start >= last, "blocks overlap or go backwards");
        last = b.span.end;
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            let owners = a.blocks.iter().filter(|b| b.span.start <= i && i < b.span.end).count();
            assert_eq!(owners, 1, "byte {i} ({c:?}) is in {owners} blocks");
        }
    }
    for s in a.sentences() {
        assert!(s.span.get(text).is_some());
    }
    let view = ArticleJson::new(&a, OffsetUnit::Chars).with_sentences(true);
    serde_json::to_string(&view).expect("serializes");
});
