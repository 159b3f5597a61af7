//! Web-page parsing on any string: every block's span slices the article's text (the
//! page's visible text), blocks are in order without overlap, every non-whitespace
//! character of that text is in exactly one block, and the JSON form serializes.
#![no_main]

use copydesk::article::ArticleJson;
use copydesk::text::OffsetUnit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|markup: &str| {
    let a = copydesk::html::parse(markup);
    let text = &a.text;
    let mut last = 0;
    for b in &a.blocks {
        let piece = b.span.get(text).expect("block slices the text");
        assert!(!piece.is_empty() && piece.trim() == piece, "empty or untrimmed block");
        assert!(b.span.start >= last, "blocks overlap or go backwards");
        last = b.span.end;
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            let owners = a.blocks.iter().filter(|b| b.span.start <= i && i < b.span.end).count();
            assert_eq!(owners, 1, "byte {i} ({c:?}) is in {owners} blocks");
        }
    }
    let view = ArticleJson::new(&a, OffsetUnit::Chars).with_sentences(true);
    serde_json::to_string(&view).expect("serializes");
});
