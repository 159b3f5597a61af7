//! Articles in the styles of other outlets (`data/articles/*.txt`), each with the expected
//! structure beside it (`*.toml`): the title, the publication date found in the text, the
//! notable blocks (kind, text, reason, whether a repeat) and the quotes with their
//! speakers. Every article also keeps the parser's invariants.
//!
//! An expected block is matched by its exact text; blocks the file does not list are not
//! checked (they are ordinary paragraphs, mostly). `title = ""` says there is none.
//!
//! Web pages (`data/pages/*.html`) are checked the same way, with what their metadata must
//! give besides: `authors`, `language`, `site_name`.

mod support;

use std::path::PathBuf;

use copydesk::article::{self, Article};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    title: Option<String>,
    published: Option<String>,
    #[serde(default)]
    block: Vec<ExpectedBlock>,
    #[serde(default)]
    quote: Vec<ExpectedQuote>,
    /// For a web page: the authors its metadata or byline names.
    authors: Option<Vec<String>>,
    /// For a web page: its language (`en`).
    language: Option<String>,
    /// For a web page: its site's name.
    site_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedBlock {
    kind: String,
    text: String,
    reason: Option<String>,
    #[serde(default)]
    repeat: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedQuote {
    text: String,
    /// The speaker's fullest name in the article.
    speaker: Option<String>,
    /// The words that name the speaker where the quotation is attributed (`he`).
    speaker_mention: Option<String>,
    verb: Option<String>,
    /// `direct`, `partial` or `term`, when the case says.
    kind: Option<String>,
}

fn dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles"))
}

/// What is wrong with the parse of `a` against `want`, one line each.
fn check(a: &Article, want: &Expected) -> Vec<String> {
    let mut wrong = Vec::new();
    if let Err(e) = support::check_invariants(a) {
        wrong.push(format!("invariant: {e}"));
    }
    if let Some(title) = &want.title {
        let got = a.title().unwrap_or("");
        if got != title {
            wrong.push(format!("title: got {got:?}, expected {title:?}"));
        }
    }
    if let Some(date) = &want.published {
        let got = a.published.as_ref().map(ToString::to_string);
        if got.as_deref() != Some(date.as_str()) {
            wrong.push(format!("published: got {got:?}, expected {date}"));
        }
    }
    if let Some(authors) = &want.authors {
        let got: Vec<&str> = a
            .page
            .as_ref()
            .map(|p| p.authors.iter().map(|x| x.value.as_str()).collect())
            .unwrap_or_default();
        if got != *authors {
            wrong.push(format!("authors: got {got:?}, expected {authors:?}"));
        }
    }
    if let Some(language) = &want.language
        && a.meta.language.as_ref() != Some(language)
    {
        wrong.push(format!(
            "language: got {:?}, expected {language}",
            a.meta.language
        ));
    }
    if let Some(site) = &want.site_name {
        let got = a
            .page
            .as_ref()
            .and_then(|p| p.site_name.as_ref())
            .map(|s| s.value.as_str());
        if got != Some(site.as_str()) {
            wrong.push(format!("site_name: got {got:?}, expected {site}"));
        }
    }
    for b in &want.block {
        let found: Vec<_> = a
            .blocks
            .iter()
            .filter(|x| a.block_text(x) == b.text)
            .collect();
        let Some(first) = found.first() else {
            let near: Vec<String> = a
                .blocks
                .iter()
                .filter(|x| {
                    let t = a.block_text(x);
                    t.contains(&b.text) || b.text.contains(t)
                })
                .map(|x| format!("{} {:?}", x.kind.as_str(), a.block_text(x)))
                .collect();
            wrong.push(format!("no block {:?}; near: {near:?}", b.text));
            continue;
        };
        let block = if b.repeat {
            found.get(1).copied().unwrap_or(first)
        } else {
            first
        };
        let reason = block.reason.map(|r| r.as_str().to_owned());
        if block.kind.as_str() != b.kind || (b.reason.is_some() && reason != b.reason) {
            wrong.push(format!(
                "{:?}: got {} {reason:?}, expected {} {:?}",
                b.text,
                block.kind.as_str(),
                b.kind,
                b.reason
            ));
        }
        if b.repeat != block.repeat_of.is_some() {
            wrong.push(format!("{:?}: repeat should be {}", b.text, b.repeat));
        }
    }
    for q in &want.quote {
        let found = a.quotes.iter().find(|x| a.quote_text(x) == q.text);
        let Some(found) = found else {
            let got: Vec<&str> = a.quotes.iter().map(|x| a.quote_text(x)).collect();
            wrong.push(format!("no quote {:?}; quotes: {got:?}", q.text));
            continue;
        };
        let (speaker, verb) = (a.speaker(found), a.verb(found));
        let mention = a.speaker_mention(found);
        if q.speaker.as_deref() != speaker
            || (q.verb.is_some() && q.verb.as_deref() != verb)
            || (q.speaker_mention.is_some() && q.speaker_mention.as_deref() != mention)
            || q.kind.as_deref().is_some_and(|k| k != found.kind.as_str())
        {
            wrong.push(format!(
                "quote {:?}: got {speaker:?} [{mention:?}] {verb:?} {}, expected {:?} [{:?}] {:?} {:?}",
                q.text,
                found.kind.as_str(),
                q.speaker,
                q.speaker_mention,
                q.verb,
                q.kind
            ));
        }
    }
    wrong
}

/// Parses each file of `folder` with extension `ext` and checks it against its `.toml`.
fn check_folder(folder: &str, ext: &str, parse: fn(&str) -> Article) -> usize {
    let dir = dir().with_file_name(folder);
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read the cases folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).expect("read case");
        let expected = std::fs::read_to_string(path.with_extension("toml"))
            .unwrap_or_else(|e| panic!("{}: no expected structure: {e}", path.display()));
        let want: Expected =
            toml::from_str(&expected).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let a = parse(&text);
        for line in check(&a, &want) {
            failures.push(format!(
                "{}: {line}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    names.len()
}

#[test]
fn web_pages() {
    let n = check_folder("pages", "html", copydesk::html::parse);
    assert!(n >= 3, "at least three pages, found {n}");
}

#[test]
fn outlet_articles() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("read the articles folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).expect("read article");
        let expected = std::fs::read_to_string(path.with_extension("toml"))
            .unwrap_or_else(|e| panic!("{}: no expected structure: {e}", path.display()));
        let want: Expected =
            toml::from_str(&expected).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let a = article::parse(&text);
        for line in check(&a, &want) {
            failures.push(format!(
                "{}: {line}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        names.len() >= 10,
        "at least ten articles, found {}",
        names.len()
    );
}
