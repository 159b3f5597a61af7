//! Times article parsing on one thread, without any front end: the Rust side of
//! `bench/parse.py`, for profiling (`perf record`) and before/after comparisons.
//!
//! ```sh
//! cargo run --release -p copydesk --example parse_timing -- stories.jsonl [ROUNDS]
//! ```
//!
//! The input is a JSONL file of records with a `text` field (as `copydesk parse` reads).

use std::time::Instant;

use copydesk::article;
use copydesk::corpus::{self, ReadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: parse_timing STORIES.jsonl [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let mut texts = Vec::new();
    for doc in corpus::read(&[path], &ReadOptions::default()) {
        texts.push(doc?.text);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut blocks = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        blocks = 0;
        for t in &texts {
            blocks += article::parse(t).blocks.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} texts, {:.2} MB, {blocks} blocks: best of {rounds} {best:.3} s, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best
    );
    Ok(())
}
