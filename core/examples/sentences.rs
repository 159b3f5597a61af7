//! Prints the paragraphs and sentences of a text file with their byte spans.
//!
//! `cargo run -p copydesk --example sentences -- seeds/003_c7d247d605b5012d.txt`

use copydesk::text::{paragraphs, sentences};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: sentences FILE")?;
    let text = std::fs::read_to_string(path)?;
    let sentences = sentences(&text);
    for p in paragraphs(&text) {
        println!("¶ {}..{}", p.start, p.end);
        for s in sentences.iter().filter(|s| p.contains(**s)) {
            println!("  {}..{}  {}", s.start, s.end, s.slice(&text));
        }
    }
    Ok(())
}
