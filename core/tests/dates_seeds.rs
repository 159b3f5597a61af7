//! The seed articles with their manifest dates: every temporal expression of the kinds the
//! date capability handles is found and resolved right (`tests/data/dates/seeds/expected.toml`).

use std::path::Path;

use copydesk::article;
use copydesk::corpus::{self, ReadOptions};
use copydesk::dates;
use serde::Deserialize;

#[derive(Deserialize)]
struct Seeds {
    seed: Vec<Seed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Seed {
    file: String,
    expect: Vec<Expect>,
    absent: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    text: String,
    value: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    interval: Option<[String; 2]>,
    range: Option<String>,
    range_interval: Option<[String; 2]>,
}

#[test]
fn seed_articles_dates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let expected: Seeds = toml::from_str(
        &std::fs::read_to_string(root.join("core/tests/data/dates/seeds/expected.toml")).unwrap(),
    )
    .unwrap();
    let docs: Vec<_> = corpus::read(&[root.join("seeds")], &ReadOptions::default())
        .map(|d| d.unwrap())
        .collect();
    assert_eq!(docs.len(), 5);
    let mut failures = Vec::new();
    for seed in &expected.seed {
        let doc = docs
            .iter()
            .find(|d| d.source.ends_with(&seed.file))
            .unwrap_or_else(|| panic!("no seed {}", seed.file))
            .clone();
        assert!(
            doc.published.is_some(),
            "{} has no date in the manifest",
            seed.file
        );
        let a = article::parse_document(doc);
        let found = dates::find_in_article(&a);
        let mut rest = found.iter();
        for e in &seed.expect {
            let Some(t) = rest.find(|t| t.text(&a.text) == e.text) else {
                failures.push(format!("{}: {:?} not found (in order)", seed.file, e.text));
                continue;
            };
            let interval =
                |i: Option<dates::Interval>| i.map(|i| [i.start.to_string(), i.end.to_string()]);
            let mut wrong = Vec::new();
            if t.value != e.value {
                wrong.push(format!("value {}", t.value));
            }
            if e.kind.as_deref().is_some_and(|k| k != t.kind.as_str()) {
                wrong.push(format!("type {}", t.kind.as_str()));
            }
            if e.modifier
                .as_deref()
                .is_some_and(|m| Some(m) != t.modifier.map(|m| m.as_str()))
            {
                wrong.push(format!("mod {:?}", t.modifier));
            }
            if e.interval.is_some() && e.interval != interval(t.interval) {
                wrong.push(format!("interval {:?}", interval(t.interval)));
            }
            let range = t.range.as_ref();
            if e.range.is_some() && e.range.as_deref() != range.map(|r| r.span.slice(&a.text)) {
                wrong.push(format!("range {:?}", range.map(|r| r.span.slice(&a.text))));
            }
            if e.range_interval.is_some()
                && e.range_interval != interval(range.and_then(|r| r.interval))
            {
                wrong.push("range interval".to_owned());
            }
            if !wrong.is_empty() {
                failures.push(format!("{}: {:?}: {}", seed.file, e.text, wrong.join(", ")));
            }
        }
        for text in &seed.absent {
            if found.iter().any(|t| t.text(&a.text) == text) {
                failures.push(format!("{}: {text:?} should not be a date", seed.file));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
