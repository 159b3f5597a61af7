//! Nothing lost: `copydesk dedupe --output clean` accounts for every passage it removed. For
//! each article, the clean text plus the removed passages rebuild the original's
//! non-whitespace content, each removed passage is the original's text at its offsets, and
//! the summary's duplicate count is the number removed. Checked on the seeds and on generated
//! articles with planted repeats.

mod support;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::root;

/// Runs `dedupe --output clean` on `args` and checks the invariants against `originals`
/// (each article's decoded text, by id). Returns the clean articles.
fn check_clean(dir: &Path, args: &[&str], original: impl Fn(&Value) -> String) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["dedupe", "--output", "clean", "--format", "jsonl"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    let articles: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut removed_total = 0;
    for a in &articles {
        let original: Vec<char> = original(a).chars().collect();
        let mut kept = vec![true; original.len()];
        let mut last_end = 0;
        for r in a["removed"].as_array().unwrap() {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert!(s >= last_end && s < e && e <= original.len(), "{r}");
            last_end = e;
            let piece: String = original[s..e].iter().collect();
            assert_eq!(piece, r["text"].as_str().unwrap(), "{}", a["id"]);
            kept[s..e].iter_mut().for_each(|k| *k = false);
            removed_total += 1;
        }
        let rest: String = original
            .iter()
            .zip(&kept)
            .filter(|(c, k)| **k && !c.is_whitespace())
            .map(|(c, _)| c)
            .collect();
        let clean: String = a["text"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(
            clean, rest,
            "{}: the clean text is not the original minus the removed passages",
            a["id"]
        );
    }
    let summary = stderr.lines().last().unwrap();
    let duplicates: usize = summary
        .split(", ")
        .find_map(|part| {
            let part = part.strip_suffix(" (removed from the output)")?;
            part.strip_suffix(" duplicates")
                .or_else(|| part.strip_suffix(" duplicate"))
        })
        .unwrap_or_else(|| panic!("no duplicate count in {summary:?}"))
        .parse()
        .unwrap();
    assert_eq!(duplicates, removed_total, "{summary}");
    articles
}

#[test]
fn the_seeds_lose_nothing() {
    let root = root();
    for level in ["paragraph", "sentence", "article"] {
        let articles = check_clean(&root, &["seeds/", "--level", level], |a| {
            std::fs::read_to_string(root.join(a["source"].as_str().unwrap())).unwrap()
        });
        assert_eq!(articles.len(), 5);
        if level != "article" {
            let removed: usize = articles
                .iter()
                .map(|a| a["removed"].as_array().unwrap().len())
                .sum();
            assert!(removed > 0, "{level}: the seeds have repeats");
        }
    }
}

/// A small deterministic generator (no dependency needed for a test corpus).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "officials",
    "said",
    "the",
    "talks",
    "in",
    "Geneva",
    "would",
    "resume",
    "after",
    "a",
    "pause",
    "of",
    "several",
    "weeks",
    "while",
    "ministers",
    "weighed",
    "new",
    "proposals",
    "on",
    "trade",
    "tariffs",
    "and",
    "border",
    "security",
    "according",
    "to",
    "people",
    "familiar",
    "with",
    "matter",
    "who",
    "asked",
    "not",
    "be",
    "named",
    "Reuters",
    "reported",
    "café",
    "Zürich",
    "naïve",
    "—",
    "“quoted”",
    "🙂",
];

fn paragraph(rng: &mut Lcg) -> String {
    let n = 12 + rng.next(30);
    let words: Vec<&str> = (0..n).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    let mut p = words.join(" ");
    p.push('.');
    p
}

#[test]
fn generated_articles_with_planted_repeats_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Lcg(7);
    let pool: Vec<String> = (0..40).map(|_| paragraph(&mut rng)).collect();
    let mut lines = Vec::new();
    let mut texts = std::collections::HashMap::new();
    for i in 0..60 {
        let mut paras = Vec::new();
        for _ in 0..3 + rng.next(6) {
            match rng.next(4) {
                // A repeat from the shared pool (within or across articles).
                0 | 1 => paras.push(pool[rng.next(pool.len())].clone()),
                // A near-repeat: one word changed.
                2 => {
                    let mut words: Vec<String> = pool[rng.next(pool.len())]
                        .split(' ')
                        .map(str::to_owned)
                        .collect();
                    let at = rng.next(words.len());
                    words[at] = "unexpectedly".into();
                    paras.push(words.join(" "));
                }
                // Fresh text.
                _ => paras.push(paragraph(&mut rng)),
            }
        }
        let sep = if i % 3 == 0 { "\r\n\r\n" } else { "\n\n" };
        let text = paras.join(sep);
        let id = format!("g{i:02}");
        lines.push(
            serde_json::json!({
                "id": id,
                "text": text,
                "published": format!("2018-04-{:02}", 1 + rng.next(28)),
            })
            .to_string(),
        );
        texts.insert(id, text);
    }
    std::fs::write(dir.path().join("gen.jsonl"), lines.join("\n") + "\n").unwrap();
    for extra in [
        &[][..],
        &["--cross-only"],
        &["--level", "sentence"],
        &["--threshold", "0.5"],
    ] {
        let mut args = vec!["gen.jsonl"];
        args.extend_from_slice(extra);
        let articles = check_clean(dir.path(), &args, |a| {
            texts[a["id"].as_str().unwrap()].clone()
        });
        assert_eq!(articles.len(), 60);
        if extra.is_empty() {
            // Every exact repeat of a pool paragraph is gone: each is left at most once.
            for p in &pool {
                let left: usize = articles
                    .iter()
                    .map(|a| a["text"].as_str().unwrap().matches(p.as_str()).count())
                    .sum();
                assert!(left <= 1, "{left} copies left of {p:?}");
            }
        }
    }
}
