//! Times deduplication of a JSON list of texts, each one passage, stage by stage.
//!
//! ```sh
//! cargo run --release -p copydesk --example dedup_timing -- passages.json
//! RAYON_NUM_THREADS=1 cargo run --release -p copydesk --example dedup_timing -- passages.json
//! ```
//!
//! `bench/dedup.py` is the benchmark against the peers; this is for profiling the engine.

use std::time::Instant;

use copydesk::dedup::{self, Level, Options, whole_text};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        return Err("usage: dedup_timing PASSAGES.json (a JSON list of strings)".into());
    };
    let texts: Vec<String> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let opts = Options {
        level: Level::Article,
        min_words: 1,
        ..Options::default()
    };
    let t = Instant::now();
    let articles: Vec<_> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| whole_text(i.to_string(), t))
        .collect();
    eprintln!("articles   {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut d = dedup::Deduper::new(opts)?;
    d.add(articles);
    eprintln!("add        {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let r = d.result();
    eprintln!("clusters   {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let pairs = r.pairs();
    eprintln!("pairs      {:>8.3} s", t.elapsed().as_secs_f64());
    eprintln!("{} pairs; {:?}", pairs.len(), r.stats());
    Ok(())
}
