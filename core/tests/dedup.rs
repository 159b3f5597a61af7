//! Data-driven deduplication cases from `tests/data/dedup/cases.toml`.

use copydesk::article::{Document, Published, parse_document};
use copydesk::dedup::{self, Level, Options, Shingles};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    articles: Vec<String>,
    #[serde(default)]
    published: Vec<String>,
    level: Option<String>,
    threshold: Option<f64>,
    containment: Option<f64>,
    #[serde(default)]
    cross_only: bool,
    shingle: Option<String>,
    n: Option<usize>,
    min_words: Option<usize>,
    clusters: Vec<Vec<String>>,
    similarities: Option<Vec<Vec<f64>>>,
    canonical_articles: Option<Vec<usize>>,
}

impl Case {
    fn options(&self) -> Options {
        let d = Options::default();
        let shingles = match (self.shingle.as_deref(), self.n) {
            (Some("char"), n) => Shingles::Chars(n.unwrap_or(Shingles::DEFAULT_CHAR_N)),
            (_, n) => Shingles::Words(n.unwrap_or(Shingles::DEFAULT_WORD_N)),
        };
        Options {
            level: self
                .level
                .as_deref()
                .map_or(Level::Paragraph, |l| l.parse().unwrap()),
            threshold: self.threshold.unwrap_or(d.threshold),
            containment: self.containment,
            cross_only: self.cross_only,
            shingles,
            min_words: self.min_words.unwrap_or(d.min_words),
            ..d
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[test]
fn dedup_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dedup/cases.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.case.len() >= 15);
    let mut failures = Vec::new();
    for case in &cases.case {
        let articles: Vec<_> = case
            .articles
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let published = case
                    .published
                    .get(i)
                    .filter(|p| !p.is_empty())
                    .map(|p| Published::parse(p).unwrap());
                parse_document(Document {
                    id: format!("a{i}"),
                    text: text.clone(),
                    published,
                    ..Document::default()
                })
            })
            .collect();
        let result = dedup::dedupe(articles, &case.options()).unwrap();
        let got: Vec<Vec<String>> = result
            .clusters()
            .iter()
            .map(|c| {
                c.members
                    .iter()
                    .map(|m| result.passage(m.passage).text().to_owned())
                    .collect()
            })
            .collect();
        if got != case.clusters {
            failures.push(format!(
                "{}: clusters\n  expected {:#?}\n  got {:#?}",
                case.name, case.clusters, got
            ));
            continue;
        }
        if let Some(expected) = &case.similarities {
            let sims: Vec<Vec<f64>> = result
                .clusters()
                .iter()
                .map(|c| c.members.iter().map(|m| round(m.similarity)).collect())
                .collect();
            if &sims != expected {
                failures.push(format!(
                    "{}: similarities {sims:?}, expected {expected:?}",
                    case.name
                ));
            }
        }
        if let Some(expected) = &case.canonical_articles {
            let canon: Vec<usize> = result
                .clusters()
                .iter()
                .map(|c| result.passage(c.canonical).article_index)
                .collect();
            if &canon != expected {
                failures.push(format!(
                    "{}: canonical articles {canon:?}, expected {expected:?}",
                    case.name
                ));
            }
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
