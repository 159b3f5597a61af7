//! Deduplication on any articles and options: the options are validated or rejected (never
//! a panic), every passage slices its article's text, every reported pair reaches the
//! threshold on the exact shingle sets (or the containment bar), clusters partition their
//! members with the canonical first, cleaning only removes text, and the same input gives
//! the same result.
#![no_main]

use copydesk::article;
use copydesk::dedup::{self, Level, Options, Shingles};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fuzz_target!(|input: (u8, u8, &str)| {
    let (flags, threshold, text) = input;
    let opts = Options {
        level: match flags % 3 {
            0 => Level::Paragraph,
            1 => Level::Sentence,
            _ => Level::Article,
        },
        // 0 is rejected by validation; every other byte is a threshold in (0, 1].
        threshold: f64::from(threshold) / 255.0,
        shingles: if flags & 4 == 0 {
            Shingles::Words(1 + usize::from(flags >> 5 & 3))
        } else {
            Shingles::Chars(1 + usize::from(flags >> 5 & 7))
        },
        containment: (flags & 8 != 0).then_some(0.5),
        cross_only: flags & 16 != 0,
        min_words: usize::from(flags & 1),
        ..Options::default()
    };
    // Articles are the pieces between form feeds.
    let articles: Vec<_> = text.split('\u{c}').map(article::parse).collect();
    let Ok(result) = dedup::dedupe(articles.clone(), &opts) else {
        assert!(opts.validate().is_err(), "valid options were refused");
        return;
    };
    for p in result.passages() {
        assert!(p.span.get(&p.article.text).is_some(), "passage span out of its text");
    }
    let bar = opts.containment.unwrap_or(opts.threshold);
    for pair in result.pairs() {
        assert!(pair.a < pair.b);
        let ok = pair.similarity >= opts.threshold - 1e-12
            || (opts.containment.is_some() && pair.containment >= bar - 1e-12);
        assert!(ok, "pair below the threshold: {pair:?}");
    }
    let mut seen = HashSet::new();
    for c in result.clusters() {
        assert!(c.size() >= 2);
        assert_eq!(c.members.first().map(|m| m.passage), Some(c.canonical));
        for m in &c.members {
            assert!(seen.insert(m.passage), "passage {} in two clusters", m.passage);
        }
    }
    for i in 0..result.articles().len() {
        let clean = result.clean(i);
        assert!(clean.text.len() <= result.articles()[i].text.len());
    }
    let again = dedup::dedupe(articles, &opts).expect("valid the second time too");
    assert_eq!(again.clusters(), result.clusters(), "not deterministic");
});
