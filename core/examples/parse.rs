//! Parses articles and prints what each block is, why residue was set aside, and who said
//! each quotation.
//!
//! ```sh
//! cargo run -p copydesk --example parse -- seeds/
//! ```

use copydesk::article::{self, BlockKind};
use copydesk::corpus::{self, ReadOptions};

/// How much of a block's text a line shows.
const SHOWN: usize = 60;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: parse PATH... (files or directories of articles)".into());
    }
    let mut docs = Vec::new();
    for doc in corpus::read(&paths, &ReadOptions::default()) {
        match doc {
            Ok(doc) => docs.push(doc),
            Err(err) => eprintln!("skipped: {err}"),
        }
    }
    for a in article::parse_batch(docs) {
        let published = a.published.map_or("no date".into(), |p| p.to_string());
        println!(
            "{} (published {published}): {}",
            a.id,
            a.title().unwrap_or("(no title)")
        );
        for (i, block) in a.blocks.iter().enumerate() {
            if block.kind == BlockKind::Paragraph {
                continue;
            }
            let why = block
                .reason
                .map_or(String::new(), |r| format!(" ({})", r.as_str()));
            let repeat = block
                .repeat_of
                .map_or(String::new(), |r| format!(", repeats block {r}"));
            println!(
                "  {i:>3} {:<11} {:?}{why}{repeat}",
                block.kind.as_str(),
                shorten(a.block_text(block))
            );
        }
        let paragraphs = a.blocks_of(BlockKind::Paragraph).count();
        println!("  {paragraphs} paragraphs, {} quotes", a.quotes.len());
        for q in &a.quotes {
            println!(
                "    {:<20} {:<10} {:?}",
                a.speaker(q).unwrap_or("(unnamed)"),
                a.verb(q).unwrap_or(""),
                shorten(a.quote_text(q))
            );
        }
    }
    Ok(())
}

/// The first [`SHOWN`] characters of `text`, with an ellipsis when there was more.
fn shorten(text: &str) -> String {
    let mut shown: String = text.chars().take(SHOWN).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    shown
}
