//! Invariants of date normalization on arbitrary and date-heavy strings, with arbitrary
//! reference dates (or none): no panic; spans in bounds, on char boundaries, in order and
//! not overlapping; intervals non-empty; ranges covering their parts; the same output for
//! the same input; TimeML output that gives back the text unchanged.

use copydesk::dates::{self, timeml};
use jiff::civil::Date;
use proptest::prelude::*;

/// Strings built from the pieces temporal expressions are made of.
fn datey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("May ".to_owned()),
        Just("March ".to_owned()),
        Just("Aug. ".to_owned()),
        Just("Sept ".to_owned()),
        Just("Friday ".to_owned()),
        Just("Sun. ".to_owned()),
        Just("last ".to_owned()),
        Just("next ".to_owned()),
        Just("the ".to_owned()),
        Just("early ".to_owned()),
        Just("late ".to_owned()),
        Just("mid-".to_owned()),
        Just("year ".to_owned()),
        Just("years ".to_owned()),
        Just("ago ".to_owned()),
        Just("quarter ".to_owned()),
        Just("third ".to_owned()),
        Just("a ".to_owned()),
        Just("few ".to_owned()),
        Just("every ".to_owned()),
        Just("twice ".to_owned()),
        Just("Easter ".to_owned()),
        Just("Christmas ".to_owned()),
        Just("from ".to_owned()),
        Just("to ".to_owned()),
        Just("or ".to_owned()),
        Just("between ".to_owned()),
        Just("and ".to_owned()),
        Just("'80s ".to_owned()),
        Just("p.m. ".to_owned()),
        Just("EST ".to_owned()),
        Just("- ".to_owned()),
        Just("-".to_owned()),
        Just("/".to_owned()),
        Just(", ".to_owned()),
        Just("’s ".to_owned()),
        Just("\n".to_owned()),
        Just("é".to_owned()),
        Just("😀".to_owned()),
        "[0-9]{1,5}",
        "[0-9]{1,2}:[0-9]{2} ",
        "[A-Za-z]{1,10} ",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), datey()]
}

fn any_reference() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        (-9999i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).ok()),
        (1900i16..=2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).ok()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn found_expressions_are_well_formed(text in any_text(), reference in any_reference()) {
        let found = dates::find(&text, reference);
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.span.get(&text).is_some(), "span {:?} off the text", t.span);
            prop_assert!(!t.span.is_empty());
            prop_assert!(t.span.start >= last_end, "overlap or disorder at {:?}", t.span);
            last_end = t.span.end;
            prop_assert!(!t.value.is_empty());
            if let Some(i) = t.interval {
                prop_assert!(i.start < i.end, "empty interval {:?} for {:?}", i, t.text(&text));
            }
            if let Some(r) = &t.range {
                prop_assert!(r.span.contains(t.span));
                prop_assert!(r.span.get(&text).is_some());
                if let Some(i) = r.interval {
                    prop_assert!(i.start < i.end);
                }
            }
        }
        prop_assert_eq!(&found, &dates::find(&text, reference));
    }

    #[test]
    fn timeml_round_trip_keeps_the_text(text in datey(), reference in any_reference()) {
        // Angle brackets and ampersands would be markup; news text in TimeML escapes them.
        let text = text.replace(['<', '>', '&'], " ");
        let dct = reference.map(|d| d.to_string()).unwrap_or_else(|| "unknown".into());
        let doc = format!(
            "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{dct}\" functionInDocument=\"CREATION_TIME\">{dct}</TIMEX3></DCT>\n<TEXT>{text}</TEXT></TimeML>"
        );
        let out = timeml::annotate(&doc).unwrap();
        let again = timeml::read(&out).unwrap();
        prop_assert_eq!(again.text(), text.as_str());
    }
}
