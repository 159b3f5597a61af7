//! Invariants of the article parser on arbitrary and news-page-like strings: no panic,
//! spans slice their text, blocks in order without overlap, every non-whitespace
//! character in exactly one block, quotes inside their paragraphs, and the same output
//! for the same input.

mod support;

use copydesk::article::{self, Document, Published};
use proptest::prelude::*;

/// Strings built from the pieces of scraped news pages that the classifier looks at.
fn pagey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("BAHIA BLANCA, Argentina, Feb 26 - ".to_owned()),
        Just("SEOUL (Reuters) - ".to_owned()),
        Just("Reuter\n".to_owned()),
        Just("– Guardian".to_owned()),
        Just("Photograph: Jim Watson/AFP/Getty Images".to_owned()),
        Just("(AP Photo/Evan Vucci)".to_owned()),
        Just("Joe Raedle/Getty Images\n".to_owned()),
        Just("By Jane Doe, Seoul correspondent\n".to_owned()),
        Just("Updated 3:41 PM ET, Sat April 7, 2018\n".to_owned()),
        Just("Tue 17 Apr 2018 10.03 BST\n".to_owned()),
        Just("READ MORE\n".to_owned()),
        Just("Share this article\n".to_owned()),
        Just("© 2018 Example. All rights reserved.\n".to_owned()),
        Just("“We will see,” Trump said. ".to_owned()),
        Just("— We will, — Kim said. ".to_owned()),
        Just("according to ".to_owned()),
        Just("said Jenny Town, ".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just(" — ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("    ".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("😀".to_owned()),
        "[A-Z][a-z]{1,10}( [A-Za-z]{1,10}){0,12}[.,:!?]?\n?",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), pagey()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_keeps_the_invariants(text in any_text()) {
        let a = article::parse(&text);
        prop_assert_eq!(&a.text, &text);
        if let Err(e) = support::check_invariants(&a) {
            return Err(TestCaseError::fail(e));
        }
        for s in a.sentences() {
            prop_assert!(text.get(s.span.range()).is_some());
        }
        // Markdown never fails and never panics.
        let _ = article::to_markdown(&a);
    }

    #[test]
    fn parse_is_deterministic(text in any_text()) {
        let once = article::parse(&text);
        let twice = article::parse(&text);
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn parse_with_a_source_title_keeps_the_invariants(text in any_text(), title in any_text()) {
        let mut doc = Document::new(text);
        doc.meta.title = Some(title);
        let a = article::parse_document(doc);
        if let Err(e) = support::check_invariants(&a) {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn published_never_panics(value in any_text()) {
        // Either a date or an error that names the value.
        if let Err(e) = Published::parse(&value) {
            let message = e.to_string();
            prop_assert!(!message.is_empty());
        }
    }
}
