//! Helpers shared by the article tests.

#![allow(dead_code)]

use copydesk::article::Article;

/// Checks the invariants every parsed article keeps, and says which one broke:
/// each block's span slices the text to exactly its text (on char boundaries, trimmed),
/// blocks are in order and do not overlap, every non-whitespace character of the text belongs
/// to exactly one block, and every quote lies inside its paragraph.
pub fn check_invariants(a: &Article) -> Result<(), String> {
    let text = &a.text;
    let mut covered = vec![0u8; text.len()];
    let mut prev_end = 0;
    for (i, b) in a.blocks.iter().enumerate() {
        let piece = text
            .get(b.span.range())
            .ok_or_else(|| format!("block {i} {:?} does not slice the text", b.span))?;
        if piece.is_empty() || piece.trim() != piece {
            return Err(format!("block {i} is empty or untrimmed: {piece:?}"));
        }
        if a.block_text(b) != piece {
            return Err(format!("block {i}: block_text differs from the slice"));
        }
        if b.span.start < prev_end {
            return Err(format!("block {i} starts before block {} ends", i - 1));
        }
        prev_end = b.span.end;
        for c in &mut covered[b.span.range()] {
            *c += 1;
        }
        if let Some(r) = b.repeat_of
            && (r >= i || a.block_text(&a.blocks[r]) != piece)
        {
            return Err(format!(
                "block {i} repeats {r}, which is not an earlier copy"
            ));
        }
    }
    for (at, c) in text.char_indices() {
        if !c.is_whitespace() && covered[at] != 1 {
            return Err(format!(
                "byte {at} ({:?}...) is in {} blocks",
                text[at..].chars().take(20).collect::<String>(),
                covered[at]
            ));
        }
    }
    for q in &a.quotes {
        let block = a.blocks.get(q.block).ok_or("quote of no block")?;
        if !(block.span.start <= q.span.start && q.span.end <= block.span.end) {
            return Err(format!(
                "quote {:?} outside its block {:?}",
                q.span, block.span
            ));
        }
        text.get(q.span.range())
            .ok_or("quote span does not slice")?;
        if q.kind == copydesk::article::QuoteKind::Term
            && (q.speaker.is_some() || q.mention.is_some())
        {
            return Err(format!("term {:?} has a speaker", q.span));
        }
        if let Some(s) = q.speaker {
            let speaker = a.speakers.get(s).ok_or("speaker of no entry")?;
            text.get(speaker.name.range())
                .ok_or("speaker name does not slice")?;
        }
        for s in [q.mention, q.verb].into_iter().flatten() {
            text.get(s.range())
                .ok_or("speaker or verb span does not slice")?;
        }
    }
    Ok(())
}
