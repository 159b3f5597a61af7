//! Data-driven sentence segmentation cases from `tests/data/sentences.toml`.

use copydesk::text::sentences;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
}

#[test]
fn sentence_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sentences.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        cases.case.len() >= 40,
        "the file should hold at least 40 cases"
    );
    let mut failures = Vec::new();
    for case in &cases.case {
        let got: Vec<&str> = sentences(&case.text)
            .iter()
            .map(|s| s.slice(&case.text))
            .collect();
        if got != case.sentences {
            failures.push(format!(
                "case {:?}\n  expected: {:#?}\n  got: {:#?}",
                case.name, case.sentences, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}

#[test]
fn every_sentence_of_seed_003_is_a_case() {
    // The seed prints each caption twice; the cases hold each paragraph once.
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../seeds/003_c7d247d605b5012d.txt"
    );
    let text = std::fs::read_to_string(seed).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sentences.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut expected: Vec<&str> = cases
        .case
        .iter()
        .filter(|c| c.name.starts_with("003 "))
        .flat_map(|c| c.sentences.iter().map(String::as_str))
        .collect();
    let mut got: Vec<&str> = sentences(&text).iter().map(|s| s.slice(&text)).collect();
    assert_eq!(
        got.len(),
        expected.len() + 4,
        "two captions, each two sentences, printed twice"
    );
    got.sort_unstable();
    got.dedup();
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(got, expected);
}
