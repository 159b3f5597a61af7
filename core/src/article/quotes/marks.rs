//! Finding quotations: the marks that open and close them, and lines of dialogue.

use crate::text::Span;

/// A quotation found in a paragraph, in byte offsets of the paragraph.
#[derive(Clone, Copy, Debug)]
pub(super) struct Raw {
    /// Where the opening mark is.
    pub(super) open: usize,
    /// The quoted words (between the marks).
    pub(super) content: Span,
    /// Just after the closing mark (or the end of the paragraph when it stays open).
    pub(super) end: usize,
    /// Closed within the paragraph.
    pub(super) closed: bool,
    /// A line of dialogue between dashes.
    pub(super) dash: bool,
}

/// The quotations of one paragraph, in order.
pub(super) fn quotations(piece: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    if let Some(raw) = dialogue(piece) {
        out.push(raw);
        return out;
    }
    let bytes = piece.as_bytes();
    // Every mark is `"` or begins with byte 0xC2 (« ») or 0xE2 (“ ” ‘ ’): a byte scan
    // spares the character-by-character search on paragraphs without one.
    if !bytes.iter().any(|&b| matches!(b, b'"' | 0xC2 | 0xE2)) {
        return out;
    }
    let has_double = piece.contains(['“', '”', '"', '«', '»']);
    let mut open: Option<(usize, usize, char)> = None; // (mark position, content start, mark)
    // Only the quotation marks matter: jump from one to the next.
    let marks = piece.match_indices(['“', '”', '"', '«', '»', '‘', '’']);
    for (i, c) in marks.filter_map(|(i, m)| m.chars().next().map(|c| (i, c))) {
        let after = i + c.len_utf8();
        let prev = piece.get(..i).and_then(|p| p.chars().next_back());
        let next = piece.get(after..).and_then(|p| p.chars().next());
        match c {
            '“' | '«' => open = Some((i, after, c)),
            '”' | '»' => {
                if let Some((at, start, mark)) = open
                    && ((mark == '“' && c == '”') || (mark == '«' && c == '»'))
                {
                    out.push(raw(at, start, i, after, true));
                    open = None;
                }
            }
            '"' => match open {
                Some((at, start, '"')) if prev.is_some_and(|p| !p.is_whitespace()) => {
                    out.push(raw(at, start, i, after, true));
                    open = None;
                }
                None if prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace()) =>
                {
                    open = Some((i, after, '"'));
                }
                _ => {}
            },
            '‘' if !has_double
                && prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p)) =>
            {
                open = Some((i, after, '‘'));
            }
            '’' if !has_double => {
                if let Some((at, start, '‘')) = open {
                    let word_inside = next.is_some_and(char::is_alphabetic);
                    if !word_inside && prev.is_some_and(|p| !p.is_whitespace()) {
                        out.push(raw(at, start, i, after, true));
                        open = None;
                    }
                }
            }
            _ => {}
        }
    }
    // A quotation left open runs to the end of the paragraph (it goes on in the next).
    if let Some((at, start, mark)) = open
        && mark != '‘'
    {
        out.push(raw(at, start, bytes.len(), bytes.len(), false));
    }
    out
}

fn raw(open: usize, start: usize, close: usize, end: usize, closed: bool) -> Raw {
    Raw {
        open,
        content: Span::new(start, close),
        end,
        closed,
        dash: false,
    }
}

/// A line of dialogue: `— We have gone as far as we can, — Kim said.`
fn dialogue(piece: &str) -> Option<Raw> {
    let first = piece.chars().next()?;
    if !matches!(first, '—' | '–' | '―') {
        return None;
    }
    let start = first.len_utf8();
    if !piece.get(start..)?.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = piece.get(start..)?;
    let close = [" —", " –", " ―"]
        .iter()
        .filter_map(|d| rest.find(d).map(|i| (start + i, d.len())))
        .min()?;
    Some(Raw {
        open: 0,
        content: Span::new(start, close.0),
        end: close.0 + close.1,
        closed: true,
        dash: true,
    })
}

/// The quoted words without surrounding spaces and a comma that only leads into the
/// attribution.
pub(super) fn trim_content(piece: &str, content: Span) -> Span {
    let mut span = content.trim(piece);
    loop {
        let s = span.slice(piece);
        let trimmed = s.trim_end_matches([',', ' ']).trim_end();
        if trimmed.len() == s.len() {
            return span;
        }
        span = Span::new(span.start, span.start + trimmed.len());
    }
}
