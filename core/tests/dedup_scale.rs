//! Corpora beyond one run: the persisted index gives the clusters of one `dedupe` over
//! everything added, batch after batch, after removals, compaction and reopening. Cases:
//! the dedup cases of `tests/data/dedup/cases.toml`, a generated corpus of copied and
//! edited paragraphs, and the first Reuters-21578 files when the shared data is there.

use std::sync::Arc;

use copydesk::article::{Article, Document, Published, parse_document};
use copydesk::dedup::{self, Dedup, Index, IndexCluster, Level, Options, Shingles};
use copydesk::text::CharOffsets;
use serde::Deserialize;

/// A cluster as comparable data: each member's (article id, block, char start, char end,
/// rounded similarity), the canonical first.
type Key = Vec<(String, Option<usize>, usize, usize, i64)>;

fn round(x: f64) -> i64 {
    (x * 1e6).round() as i64
}

fn from_dedup(result: &Dedup) -> Vec<(usize, Key)> {
    result
        .clusters()
        .iter()
        .map(|c| {
            let members = c
                .members
                .iter()
                .map(|m| {
                    let p = result.passage(m.passage);
                    let (s, e) = CharOffsets::new(&p.article.text).char_span(p.span);
                    (p.article.id.clone(), p.block, s, e, round(m.similarity))
                })
                .collect();
            (c.id, members)
        })
        .collect()
}

fn from_index(clusters: &[IndexCluster]) -> Vec<(usize, Key)> {
    clusters
        .iter()
        .map(|c| {
            let members = c
                .members
                .iter()
                .map(|m| {
                    let p = &m.passage;
                    (
                        p.article.id.clone(),
                        p.block,
                        p.chars.0,
                        p.chars.1,
                        round(m.similarity),
                    )
                })
                .collect();
            (c.id, members)
        })
        .collect()
}

/// Adds `articles` to a new index in batches of the given sizes (cycled) and checks, after
/// each add, that its report is exactly the clusters of one `dedupe` over everything so far
/// that hold a passage of the batch, and at the end that the index's clusters are all of
/// them, also after reopening.
fn check_batches(name: &str, articles: &[Arc<Article>], opts: &Options, sizes: &[usize]) {
    let dir = tempfile::tempdir().unwrap();
    let mut index = Index::create(dir.path(), opts, false).unwrap();
    let mut at = 0;
    for &size in sizes.iter().cycle() {
        if at >= articles.len() {
            break;
        }
        let end = (at + size).min(articles.len());
        let batch: Vec<Arc<Article>> = articles[at..end].to_vec();
        let batch_ids: Vec<&str> = batch.iter().map(|a| a.id.as_str()).collect();
        let queried = index.query(batch.clone());
        let report = index.add(batch.clone()).unwrap();
        assert_eq!(queried, report, "{name}: query and add differ at {at}");
        let fresh = dedup::dedupe(articles[..end].to_vec(), opts).unwrap();
        let expected: Vec<(usize, Key)> = from_dedup(&fresh)
            .into_iter()
            .filter(|(_, m)| m.iter().any(|p| batch_ids.contains(&p.0.as_str())))
            .collect();
        assert_eq!(
            from_index(&report.clusters),
            expected,
            "{name}: the add of articles {at}..{end}"
        );
        at = end;
    }
    let all = from_dedup(&dedup::dedupe(articles.to_vec(), opts).unwrap());
    assert_eq!(from_index(&index.clusters()), all, "{name}: all clusters");
    drop(index);
    let reopened = Index::open(dir.path()).unwrap();
    assert_eq!(from_index(&reopened.clusters()), all, "{name}: reopened");
    assert_eq!(reopened.stats().articles, articles.len());
}

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
}

#[test]
fn index_batches_give_the_clusters_of_one_run_on_the_dedup_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dedup/cases.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.case.len() >= 15);
    for case in &cases.case {
        let d = Options::default();
        let opts = Options {
            level: case
                .level
                .as_deref()
                .map_or(Level::Paragraph, |l| l.parse().unwrap()),
            threshold: case.threshold.unwrap_or(d.threshold),
            containment: case.containment,
            cross_only: case.cross_only,
            shingles: match (case.shingle.as_deref(), case.n) {
                (Some("char"), n) => Shingles::Chars(n.unwrap_or(Shingles::DEFAULT_CHAR_N)),
                (_, n) => Shingles::Words(n.unwrap_or(Shingles::DEFAULT_WORD_N)),
            },
            min_words: case.min_words.unwrap_or(d.min_words),
            ..d
        };
        let articles: Vec<Arc<Article>> = case
            .articles
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let published = case
                    .published
                    .get(i)
                    .filter(|p| !p.is_empty())
                    .map(|p| Published::parse(p).unwrap());
                Arc::new(parse_document(Document {
                    id: format!("a{i}"),
                    text: text.clone(),
                    published,
                    ..Document::default()
                }))
            })
            .collect();
        check_batches(&case.name, &articles, &opts, &[1]);
    }
}

/// A corpus of `n` articles of five paragraphs: each paragraph is new (words drawn from the
/// seeds' vocabulary) or a copy of an earlier one with up to three words changed; dates
/// over a week, one article in seven undated.
pub fn generated(n: usize, seed: u64) -> Vec<Arc<Article>> {
    let mut words: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(path).unwrap();
            words.extend(text.split_whitespace().map(str::to_owned));
        }
    }
    words.sort();
    words.dedup();
    let mut state = seed;
    let mut next = move |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    (0..n)
        .map(|i| {
            let mut text = String::new();
            for _ in 0..5 {
                let p: Vec<String> = if !paragraphs.is_empty() && next(3) == 0 {
                    let mut p = paragraphs[next(paragraphs.len())].clone();
                    for _ in 0..next(4) {
                        let at = next(p.len());
                        p[at] = words[next(words.len())].clone();
                    }
                    p
                } else {
                    (0..8 + next(30))
                        .map(|_| words[next(words.len())].clone())
                        .collect()
                };
                text.push_str(&p.join(" "));
                text.push_str("\n\n");
                paragraphs.push(p);
            }
            let published = (i % 7 != 3)
                .then(|| Published::parse(&format!("2024-03-{:02}", 1 + next(7))).unwrap());
            Arc::new(parse_document(Document {
                id: format!("g{i}"),
                text,
                published,
                ..Document::default()
            }))
        })
        .collect()
}

#[test]
fn index_batches_give_the_clusters_of_one_run_on_a_generated_corpus() {
    let articles = generated(400, 7);
    check_batches(
        "generated",
        &articles,
        &Options::default(),
        &[1, 37, 120, 3],
    );
    let cross = Options {
        cross_only: true,
        threshold: 0.7,
        ..Options::default()
    };
    check_batches("generated, cross-only at 0.7", &articles, &cross, &[80]);
    let containment = Options {
        containment: Some(0.8),
        ..Options::default()
    };
    check_batches(
        "generated, containment",
        &articles[..120],
        &containment,
        &[50],
    );
}

/// The first Reuters-21578 files' stories as articles (title, dateline and body), dated.
fn reuters(files: usize) -> Option<Vec<Arc<Article>>> {
    let data = std::env::var("COPYDESK_DATA")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data").into());
    let dir = std::path::Path::new(&data).join("reuters21578");
    if !dir.is_dir() {
        eprintln!("no Reuters data at {}: skipped", dir.display());
        return None;
    }
    let months = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let field = |doc: &str, tag: &str| -> String {
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        doc.find(&open)
            .and_then(|s| {
                doc[s + open.len()..]
                    .find(&close)
                    .map(|e| doc[s + open.len()..s + open.len() + e].to_owned())
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for k in 0..files {
        let bytes = std::fs::read(dir.join(format!("reut2-{k:03}.sgm"))).ok()?;
        let raw: String = bytes.iter().map(|&b| b as char).collect();
        for doc in raw.split("</REUTERS>") {
            let body = field(doc, "BODY")
                .replace("&lt;", "<")
                .replace("&amp;", "&");
            if body.trim().is_empty() {
                continue;
            }
            let date = field(doc, "DATE");
            let published = date.trim().split(' ').next().and_then(|d| {
                let parts: Vec<&str> = d.split('-').collect();
                let month = months.iter().position(|m| parts.get(1) == Some(m))?;
                Published::parse(&format!(
                    "{}-{:02}-{:0>2}",
                    parts.get(2)?,
                    month + 1,
                    parts.first()?
                ))
                .ok()
            });
            let id = field(doc, "REUTERS").len().to_string();
            let newid = doc
                .split("NEWID=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or(&id)
                .to_owned();
            out.push(Arc::new(parse_document(Document {
                id: newid,
                text: format!("{}\n\n{}", field(doc, "TITLE"), body),
                published,
                ..Document::default()
            })));
        }
    }
    Some(out)
}

#[test]
fn index_batches_give_the_clusters_of_one_run_on_reuters() {
    let Some(articles) = reuters(1) else { return };
    assert!(articles.len() > 900, "{} stories", articles.len());
    let one = dedup::dedupe(articles.clone(), &Options::default()).unwrap();
    assert!(
        one.clusters().len() > 20,
        "{} clusters",
        one.clusters().len()
    );
    check_batches("reuters", &articles, &Options::default(), &[600, 1, 500]);
}

#[test]
fn removing_articles_gives_the_clusters_of_one_run_without_them() {
    let articles = generated(200, 11);
    let opts = Options::default();
    let dir = tempfile::tempdir().unwrap();
    let mut index = Index::create(dir.path(), &opts, false).unwrap();
    for batch in articles.chunks(50) {
        index.add(batch.to_vec()).unwrap();
    }
    assert_eq!(index.stats().segments, 4);
    // Every third article, the canonical copies of many clusters among them.
    let gone = |id: &str| id[1..].parse::<usize>().unwrap() % 3 == 0;
    let removed = index.remove(|a| gone(&a.id)).unwrap();
    assert_eq!(removed, 67);
    let kept: Vec<Arc<Article>> = articles.iter().filter(|a| !gone(&a.id)).cloned().collect();
    let expected = from_dedup(&dedup::dedupe(kept.clone(), &opts).unwrap());
    assert_eq!(from_index(&index.clusters()), expected);
    assert_eq!(index.stats().segments, 1);
    // Adding after a removal goes on as one run over the articles kept and the new ones.
    let more = generated(230, 11)[200..].to_vec();
    index.add(more.clone()).unwrap();
    index.compact().unwrap();
    drop(index);
    let all: Vec<Arc<Article>> = kept.into_iter().chain(more).collect();
    let expected = from_dedup(&dedup::dedupe(all, &opts).unwrap());
    let index = Index::open(dir.path()).unwrap();
    assert_eq!(from_index(&index.clusters()), expected);
    assert_eq!(index.stats().segments, 1);
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 3, "MANIFEST, LOCK and one segment");
}

#[test]
fn query_text_finds_the_passages_held() {
    let articles = generated(60, 3);
    let dir = tempfile::tempdir().unwrap();
    let mut index = Index::create(dir.path(), &Options::default(), true).unwrap();
    index.add(articles.clone()).unwrap();
    let a = &articles[10];
    let block = a
        .blocks
        .iter()
        .find(|b| a.block_text(b).split(' ').count() > 12)
        .unwrap();
    let text = a.block_text(block);
    let found = index.query_text(text);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .any(|m| m.passage.article.id == a.id && m.similarity == 1.0)
    );
    assert!(found.iter().all(|m| m.similarity >= 0.8));
    assert_eq!(
        found[0].passage.text.as_deref(),
        Some(text),
        "texts are stored"
    );
    assert!(index.is_duplicate(text));
    assert!(!index.is_duplicate("Nothing like this was ever written in the corpus at all."));
}

#[test]
fn options_are_fixed_by_the_first_add() {
    let dir = tempfile::tempdir().unwrap();
    let opts = Options::default();
    Index::create(dir.path(), &opts, false).unwrap();
    let other = Options {
        threshold: 0.9,
        banding: Some(opts.banding()),
        ..opts.clone()
    };
    let err = Index::create(dir.path(), &other, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("threshold 0.8 (asked for 0.9)"), "{err}");
    assert!(Index::create(dir.path(), &opts, false).is_ok());
    let (held, store_text) = Index::stored_options(dir.path()).unwrap().unwrap();
    assert_eq!(held.threshold, 0.8);
    assert!(!store_text);
}

#[test]
fn one_writer_many_readers() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Index::create(dir.path(), &Options::default(), false).unwrap();
    writer.add(generated(20, 5)).unwrap();
    let err = Index::open_writer(dir.path()).unwrap_err().to_string();
    assert!(err.contains("another process is writing"), "{err}");
    let (r1, r2) = (
        Index::open(dir.path()).unwrap(),
        Index::open(dir.path()).unwrap(),
    );
    assert_eq!(r1.stats().articles, 20);
    assert_eq!(r2.clusters(), writer.clusters());
    let mut reader = r1;
    let err = reader.add(generated(1, 9)).unwrap_err().to_string();
    assert!(err.contains("opened for reading"), "{err}");
    drop(writer);
    assert!(Index::open_writer(dir.path()).is_ok());
}

#[test]
fn a_damaged_index_is_an_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut index = Index::create(dir.path(), &Options::default(), false).unwrap();
    index.add(generated(20, 5)).unwrap();
    drop(index);
    let segment = dir.path().join("seg-00000001.cdx");
    let good = std::fs::read(&segment).unwrap();
    let mut flipped = good.clone();
    let at = good.len() / 2;
    flipped[at] ^= 0x40;
    std::fs::write(&segment, &flipped).unwrap();
    let err = Index::open(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("seg-00000001.cdx") && err.contains("checksum does not match"),
        "{err}"
    );
    std::fs::write(&segment, &good[..good.len() - 9]).unwrap();
    let err = Index::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("truncated"), "{err}");
    std::fs::write(&segment, &good).unwrap();
    let manifest = dir.path().join("MANIFEST");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replace("\"generation\": 1", "\"generation\": 7"),
    )
    .unwrap();
    let err = Index::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("MANIFEST") && err.contains("damaged"), "{err}");
    std::fs::write(
        &manifest,
        text.replacen("copydesk-index 1", "copydesk-index 9", 1),
    )
    .unwrap();
    let err = Index::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("format version 9"), "{err}");
    let err = Index::open(dir.path().join("nothing"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no index here"), "{err}");
}
