//! Data-driven cases for remarks (`tests/data/dedup/remarks.toml`): quotations followed
//! across articles, joined by their words and kept apart by their speakers.

use copydesk::article::{Document, Published, parse_document};
use copydesk::dedup::{RemarkOptions, remarks};
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
    #[serde(default)]
    cross_only: bool,
    remarks: Vec<Vec<String>>,
    #[serde(default)]
    speakers: Vec<String>,
    canonical_articles: Option<Vec<usize>>,
    singles: usize,
}

#[test]
fn remark_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dedup/remarks.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.case.len() >= 10);
    for case in &cases.case {
        let articles: Vec<_> = case
            .articles
            .iter()
            .enumerate()
            .map(|(i, text)| {
                parse_document(Document {
                    id: i.to_string(),
                    text: text.clone(),
                    published: case
                        .published
                        .get(i)
                        .map(|p| p.parse::<Published>().unwrap()),
                    ..Document::default()
                })
            })
            .collect();
        let opts = RemarkOptions {
            cross_only: case.cross_only,
            ..RemarkOptions::default()
        };
        let found = remarks(articles, &opts).unwrap();
        let shared: Vec<_> = found.remarks().iter().filter(|r| r.size() > 1).collect();
        let texts: Vec<Vec<&str>> = shared
            .iter()
            .map(|r| r.members.iter().map(|m| found.text(m.quote)).collect())
            .collect();
        assert_eq!(texts, case.remarks, "{}: remarks", case.name);
        let speakers: Vec<&str> = shared
            .iter()
            .map(|r| found.speaker(r).unwrap_or(""))
            .collect();
        assert_eq!(speakers, case.speakers, "{}: speakers", case.name);
        let singles = found.remarks().iter().filter(|r| r.size() == 1).count();
        assert_eq!(
            singles, case.singles,
            "{}: remarks of one quotation",
            case.name
        );
        if let Some(want) = &case.canonical_articles {
            let got: Vec<usize> = shared.iter().map(|r| r.canonical.article).collect();
            assert_eq!(&got, want, "{}: first appearances", case.name);
        }
        // Every quotation compared is in exactly one remark.
        let members: usize = found.remarks().iter().map(|r| r.size()).sum();
        assert_eq!(members, found.stats().compared, "{}", case.name);
    }
}
