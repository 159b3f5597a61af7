//! Finds the passages printed twice in the seed articles and prints each cluster.
//!
//! ```sh
//! cargo run -p copydesk --example dedupe -- seeds/
//! ```

use copydesk::article;
use copydesk::corpus::{self, ReadOptions};
use copydesk::dedup::{self, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: dedupe PATH... (files or directories of articles)".into());
    }
    let mut docs = Vec::new();
    for doc in corpus::read(&paths, &ReadOptions::default()) {
        match doc {
            Ok(doc) => docs.push(doc),
            Err(err) => eprintln!("skipped: {err}"),
        }
    }
    let result = dedup::dedupe(article::parse_batch(docs), &Options::default())?;
    for cluster in result.clusters() {
        println!("cluster {} ({} passages):", cluster.id, cluster.size());
        for m in &cluster.members {
            let p = result.passage(m.passage);
            let mark = if m.passage == cluster.canonical {
                "*"
            } else {
                " "
            };
            println!(
                " {mark} {:.2}  {} block {:?}: {}",
                m.similarity,
                p.article.id,
                p.block,
                p.text()
            );
        }
    }
    let s = result.stats();
    println!(
        "{} articles, {} passages, {} clusters, {} duplicates",
        s.articles, s.passages, s.clusters, s.duplicates
    );
    Ok(())
}
