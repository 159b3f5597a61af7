//! Finds the temporal expressions of articles and prints each resolved against its
//! article's publication date (from a `manifest.jsonl` beside the files, or the records).
//!
//! ```sh
//! cargo run -p copydesk --example dates -- seeds/
//! ```

use copydesk::article;
use copydesk::corpus::{self, ReadOptions};
use copydesk::dates;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: dates PATH... (files or directories of articles)".into());
    }
    let mut docs = Vec::new();
    for doc in corpus::read(&paths, &ReadOptions::default()) {
        match doc {
            Ok(doc) => docs.push(doc),
            Err(err) => eprintln!("skipped: {err}"),
        }
    }
    let articles = article::parse_batch(docs);
    for (a, found) in articles.iter().zip(dates::find_in_articles(&articles)) {
        let published = a
            .published
            .map(|p| p.to_string())
            .unwrap_or("no date".into());
        println!(
            "{} (published {published}): {} expressions",
            a.id,
            found.len()
        );
        for t in &found {
            let interval = t
                .interval
                .map(|i| format!("[{}, {})", i.start, i.end))
                .unwrap_or_default();
            let modifier = t.modifier.map(|m| m.as_str()).unwrap_or("");
            println!(
                "  {:<30} {:<8} {:<12} {modifier:<6} {interval}",
                t.text(&a.text),
                t.kind.as_str(),
                t.value
            );
        }
    }
    Ok(())
}
