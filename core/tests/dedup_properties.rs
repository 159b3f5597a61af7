//! Properties of deduplication that hold for any corpus.

use std::collections::{BTreeSet, HashMap};

use copydesk::article::{self, Article, Document, Published};
use copydesk::dedup::{
    self, Dedup, Deduper, Options, Shingles, all_pairs, shingle_strings, shingles,
};
use copydesk::text::{normalize, words};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "kim", "trump", "met", "in", "the", "north", "talks", "said", "on", "may", "summit", "korea",
];

/// A corpus: articles of paragraphs, each paragraph a run of words from a small
/// vocabulary, so that overlaps at every level of similarity are common.
fn corpus() -> impl Strategy<Value = Vec<(Option<u8>, Vec<Vec<u8>>)>> {
    let paragraph = prop::collection::vec(0..VOCAB.len() as u8, 1..14);
    let article = (
        prop::option::of(1..4u8),
        prop::collection::vec(paragraph, 1..5),
    );
    prop::collection::vec(article, 1..14)
}

fn articles(spec: &[(Option<u8>, Vec<Vec<u8>>)]) -> Vec<Article> {
    spec.iter()
        .enumerate()
        .map(|(i, (day, paras))| {
            let text = paras
                .iter()
                .map(|p| {
                    p.iter()
                        .map(|&w| VOCAB[w as usize])
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            article::parse_document(Document {
                id: format!("a{i}"),
                text,
                published: day.map(|d| Published::parse(&format!("2018-04-0{d}")).unwrap()),
                ..Document::default()
            })
        })
        .collect()
}

fn options(threshold: f64, containment: bool, cross_only: bool, n: usize) -> Options {
    Options {
        threshold,
        containment: containment.then_some(threshold),
        cross_only,
        shingles: Shingles::Words(n),
        min_words: 1,
        ..Options::default()
    }
}

/// Clusters as lists of passage indices, and pairs with their similarity's bits.
type Summary = (Vec<Vec<usize>>, Vec<(usize, usize, u64)>);

/// The clusters and the pairs, for comparison.
fn summary(r: &Dedup) -> Summary {
    let clusters = r
        .clusters()
        .iter()
        .map(|c| c.members.iter().map(|m| m.passage).collect())
        .collect();
    let pairs = r
        .pairs()
        .iter()
        .map(|p| (p.a, p.b, p.similarity.to_bits()))
        .collect();
    (clusters, pairs)
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn pairs_are_exact_and_clusters_are_their_closure(
        spec in corpus(),
        threshold in prop::sample::select(vec![0.5, 0.7, 0.8, 1.0]),
        containment in any::<bool>(),
        cross_only in any::<bool>(),
        n in 1..4usize,
    ) {
        let opts = options(threshold, containment, cross_only, n);
        let r = dedup::dedupe(articles(&spec), &opts).unwrap();
        let texts: Vec<String> = r.passages().map(|p| p.text().to_owned()).collect();
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t, opts.shingles)).collect();
        let article_of: Vec<usize> = r.passages().map(|p| p.article_index).collect();

        // Every pair is verified: its scores are the exact ones, at or above the threshold.
        let mut seen = BTreeSet::new();
        for p in r.pairs() {
            prop_assert!(p.a < p.b);
            prop_assert!(seen.insert((p.a, p.b)), "each pair once");
            let (x, y) = (&sets[p.a], &sets[p.b]);
            let shared = x.iter().filter(|s| y.binary_search(s).is_ok()).count();
            let j = shared as f64 / (x.len() + y.len() - shared) as f64;
            let c = shared as f64 / x.len().min(y.len()) as f64;
            prop_assert!((0.0..=1.0).contains(&p.similarity));
            prop_assert!((p.similarity - j).abs() < 1e-12);
            prop_assert!((p.containment - c).abs() < 1e-12);
            prop_assert!(j >= threshold || (containment && c >= threshold));
            prop_assert!(!(cross_only && article_of[p.a] == article_of[p.b]));
        }
        // Precision against the exact search (and, for containment, which is searched
        // exactly, recall too).
        let exact: BTreeSet<(usize, usize)> = all_pairs(&sets, threshold, opts.containment)
            .iter()
            .map(|p| (p.a as usize, p.b as usize))
            .filter(|&(a, b)| !(cross_only && article_of[a] == article_of[b]))
            .collect();
        prop_assert!(seen.is_subset(&exact));
        if containment {
            prop_assert_eq!(&seen, &exact);
        }

        // Clusters are exactly the connected components of the pairs.
        let mut parent: Vec<usize> = (0..texts.len()).collect();
        for &(a, b) in &seen {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra] = rb;
        }
        let mut components: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..texts.len() {
            let root = find(&mut parent, i);
            components.entry(root).or_default().push(i);
        }
        let mut expected: Vec<Vec<usize>> =
            components.into_values().filter(|c| c.len() > 1).collect();
        expected.sort();
        let mut got: Vec<Vec<usize>> = r
            .clusters()
            .iter()
            .map(|c| {
                let mut m: Vec<usize> = c.members.iter().map(|m| m.passage).collect();
                m.sort();
                m
            })
            .collect();
        got.sort();
        prop_assert_eq!(got, expected);

        // The canonical passage comes first and is the earliest published, then first.
        for c in r.clusters() {
            prop_assert_eq!(c.members[0].passage, c.canonical);
            prop_assert_eq!(c.members[0].similarity, 1.0);
            let key = |i: usize| {
                let d = r.passage(i).article.published.map(|p| p.date());
                (d.is_none(), d, i)
            };
            let best = c.members.iter().map(|m| key(m.passage)).min().unwrap();
            prop_assert_eq!(best, key(c.canonical));
            prop_assert!(c.members[1..].windows(2).all(|w| w[0].passage < w[1].passage));
            for m in &c.members {
                prop_assert!((0.0..=1.0).contains(&m.similarity));
            }
        }
    }

    #[test]
    fn output_is_the_same_whatever_the_threads_and_batches(
        spec in corpus(),
        threshold in prop::sample::select(vec![0.5, 0.8]),
        containment in any::<bool>(),
        split in 0..14usize,
        ask_between in any::<bool>(),
    ) {
        let opts = options(threshold, containment, false, 2);
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| summary(&dedup::dedupe(articles(&spec), &opts).unwrap()))
        };
        let one = run(1);
        prop_assert_eq!(&one, &run(3));
        let all = articles(&spec);
        let split = split.min(all.len());
        let mut d = Deduper::new(opts.clone()).unwrap();
        let mut all = all.into_iter();
        d.add(all.by_ref().take(split).collect::<Vec<_>>());
        if ask_between {
            // A query indexes the passages added so far; the rest are indexed later.
            d.query("The talks are under way in a neutral country, officials said.");
        }
        d.add(all.collect::<Vec<_>>());
        prop_assert_eq!(&one, &summary(&d.result()));
    }

    #[test]
    fn ascii_word_tokens_are_the_text_layer_words(text in "[a-zA-Z0-9 .,:;'_\"!?()-]{0,60}") {
        let normalized = normalize(&text);
        let expected: Vec<&str> = words(&normalized).map(|(_, w)| w).collect();
        prop_assert_eq!(shingle_strings(&text, Shingles::Words(1)), expected);
    }

    #[test]
    fn query_finds_what_the_clusters_pair_with(spec in corpus()) {
        let opts = options(0.8, false, false, 2);
        let all = articles(&spec);
        let texts: Vec<String> = all
            .iter()
            .flat_map(|a| a.blocks.iter().map(|b| a.block_text(b).to_owned()).collect::<Vec<_>>())
            .collect();
        let mut d = Deduper::new(opts).unwrap();
        d.add(all);
        let r = d.result();
        let pairs = r.pairs();
        for (i, text) in texts.iter().enumerate() {
            let found: BTreeSet<usize> = d.query(text).iter().map(|m| m.passage).collect();
            // A passage always finds itself, and everything it pairs with.
            prop_assert!(found.contains(&i));
            for p in pairs.iter().filter(|p| p.a == i || p.b == i) {
                prop_assert!(found.contains(&p.a) && found.contains(&p.b));
            }
        }
    }
}

/// MinHash LSH against the exact search on a corpus of realistic near-duplicates: with
/// the banding chosen from the threshold, nothing is missed.
#[test]
fn lsh_finds_every_pair_the_exact_search_finds() {
    let mut state = 42u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let vocab: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
    let mut passages: Vec<Vec<String>> = Vec::new();
    for _ in 0..3000 {
        if passages.len() > 10 && next() % 2 == 0 {
            // A copy of an earlier passage with a few edits.
            let mut p = passages[(next() % passages.len() as u64) as usize].clone();
            for _ in 0..(next() % 3) {
                let at = (next() % p.len() as u64) as usize;
                match next() % 3 {
                    0 => p[at] = vocab[(next() % 3000) as usize].clone(),
                    1 => p.insert(at, vocab[(next() % 3000) as usize].clone()),
                    _ if p.len() > 8 => {
                        p.remove(at);
                    }
                    _ => {}
                }
            }
            passages.push(p);
        } else {
            let len = 8 + (next() % 40) as usize;
            passages.push(
                (0..len)
                    .map(|_| vocab[(next() % 3000) as usize].clone())
                    .collect(),
            );
        }
    }
    let texts: Vec<String> = passages.iter().map(|p| p.join(" ")).collect();
    for threshold in [0.5, 0.8, 0.9] {
        let opts = Options {
            threshold,
            ..Options::default()
        };
        let mut d = Deduper::new(opts.clone()).unwrap();
        d.add_texts(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| (i.to_string(), t.clone())),
        );
        let r = d.result();
        let got: BTreeSet<(usize, usize)> = r.pairs().iter().map(|p| (p.a, p.b)).collect();
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t, opts.shingles)).collect();
        let exact: BTreeSet<(usize, usize)> = all_pairs(&sets, threshold, None)
            .iter()
            .map(|p| (p.a as usize, p.b as usize))
            .collect();
        assert!(exact.len() > 500, "{threshold}: {} pairs", exact.len());
        assert_eq!(got, exact, "threshold {threshold}");
    }
}
