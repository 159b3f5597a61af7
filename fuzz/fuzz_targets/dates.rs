//! Date normalization on any text with any reference date (years -9999 to 9999, or none):
//! no panic; spans slice the text, in order, without overlap; intervals non-empty; ranges
//! cover their parts; the JSON form serializes; the same input gives the same output. The
//! same bytes read as a TimeML document are annotated or refused with an error, never a
//! panic, and an annotated document reads back to the same text.
#![no_main]

use copydesk::dates::{self, timeml};
use copydesk::text::{OffsetUnit, SpanConverter};
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Option<(i16, i8, i8)>, &str)| {
    let (reference, text) = input;
    let reference = reference.and_then(|(y, m, d)| Date::new(y, m, d).ok());
    let found = dates::find(text, reference);
    let converter = SpanConverter::new(text, OffsetUnit::Chars);
    let mut last_end = 0;
    for t in &found {
        assert!(t.span.get(text).is_some(), "span {:?} off the text", t.span);
        assert!(!t.span.is_empty() && t.span.start >= last_end, "{:?}", t.span);
        last_end = t.span.end;
        assert!(!t.value.is_empty());
        if let Some(i) = t.interval {
            assert!(i.start < i.end, "empty interval {i:?}");
        }
        if let Some(r) = &t.range {
            assert!(r.span.contains(t.span) && r.span.get(text).is_some());
        }
        serde_json::to_string(&t.to_json(text, &converter)).expect("serializes");
    }
    assert_eq!(found, dates::find(text, reference), "not deterministic");
    if let Ok(doc) = timeml::read(text) {
        let out = timeml::annotate(text).expect("a document that reads annotates");
        let again = timeml::read(&out).expect("annotated output reads back");
        assert_eq!(again.text(), doc.text(), "annotation changed the text");
    }
});
