//! The block classifier: paragraphs of scraped text into kinds.
//!
//! One pass splits the text into units (paragraphs, with a wire dateline, a photo credit
//! or a source tag that shares a line split off); then each unit is classified by what it
//! says (lexicons, credits, bylines, datelines), by its neighbours (repeats and credits
//! make captions; a "Related" label makes the headlines under it links) and by its place
//! (kicker, title and dek before the body; headings alone between body paragraphs).

use std::collections::BTreeMap;

use super::lexicon::{self, starts_upper_or_digit};
use super::{Block, BlockKind, Published, Reason, datetext, region};
use crate::text::{Span, paragraphs};

/// What the classifier found: the blocks, and a publication date printed in the header.
pub(crate) struct Classified {
    pub(crate) blocks: Vec<Block>,
    pub(crate) published: Option<Published>,
}

/// A piece of the text on its way to becoming a block.
#[derive(Clone, Copy, Debug)]
struct Unit {
    span: Span,
    /// The kind, once decided.
    kind: Option<BlockKind>,
    reason: Option<Reason>,
    /// Words (whitespace-separated), counted up to 64.
    words: usize,
    /// Ends with sentence-final punctuation (before closing quotes and brackets).
    sentence: bool,
    /// Reads like a headline: starts with a capital or digit, ends without `.`, `,`, `;`
    /// or `:`.
    headline: bool,
    /// Printed on the line of a wire dateline, after it: the story has begun.
    after_dateline: bool,
}

impl Unit {
    fn new(text: &str, span: Span) -> Unit {
        let piece = span.slice(text);
        let words = count_words(piece, 64);
        let end = piece.trim_end_matches(is_closing);
        let sentence = end.ends_with(['.', '!', '?', '…']);
        let headline = starts_upper_or_digit(piece)
            && !end.ends_with(['.', ',', ';', ':', '…'])
            && !piece.ends_with(['-', '—', '–'])
            // `contains(". ")` without building a substring searcher for every line.
            && !piece.as_bytes().windows(2).any(|w| w == b". ")
            && !tabular(piece);
        Unit {
            span,
            kind: None,
            reason: None,
            words,
            sentence,
            headline,
            after_dateline: false,
        }
    }

    /// Ends the way a caption can: with a full stop, or as a complete phrase (not with a
    /// comma or a word that leads on, like a line cut from wrapped text).
    fn complete(&self, text: &str) -> bool {
        let piece = self.span.slice(text);
        let last = piece
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        self.words >= 3
            && (self.sentence || self.headline)
            && !matches!(
                last.as_str(),
                "a" | "an"
                    | "and"
                    | "as"
                    | "at"
                    | "by"
                    | "for"
                    | "from"
                    | "in"
                    | "of"
                    | "on"
                    | "or"
                    | "that"
                    | "the"
                    | "to"
                    | "with"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
            )
    }

    fn open(&self) -> bool {
        self.kind.is_none()
    }

    /// Reads like body text: a long line, or a sentence of eight words or more.
    fn body(&self) -> bool {
        self.open() && (self.words >= 30 || (self.words >= 8 && self.sentence))
    }

    fn set(&mut self, kind: BlockKind) {
        self.kind = Some(kind);
    }
}

/// The number of whitespace-separated words in `piece`, counted up to `most`.
pub(crate) fn count_words(piece: &str, most: usize) -> usize {
    if !piece.is_ascii() {
        return piece.split_whitespace().take(most).count();
    }
    // ASCII (nearly all wire copy): count the starts of words on the bytes, without
    // branches (the loop vectorizes; lines are short, so stopping early gains nothing).
    let mut words = 0usize;
    let mut after_space = true;
    for b in piece.bytes() {
        // The ASCII characters `char::is_whitespace` takes: tab to carriage return, space.
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        words += usize::from(after_space && !space);
        after_space = space;
    }
    words.min(most)
}

/// A row of a table: columns set apart by runs of spaces, or mostly figures.
fn tabular(piece: &str) -> bool {
    if piece.is_ascii() {
        // One pass on the bytes (nearly all wire copy) does what the general way below
        // does in three.
        let (mut digits, mut letters, mut space) = (0usize, 0usize, false);
        for b in piece.bytes() {
            match b {
                b'\t' => return true,
                b' ' if space => return true,
                b'0'..=b'9' => digits += 1,
                _ if b.is_ascii_alphabetic() => letters += 1,
                _ => {}
            }
            space = b == b' ';
        }
        return digits * 3 > letters;
    }
    if piece.contains("  ") || piece.contains('\t') {
        return true;
    }
    let (mut digits, mut letters) = (0usize, 0usize);
    for c in piece.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    digits * 3 > letters
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»' | '›')
}

/// Classifies the blocks of `text`; `meta_title` is the title the source gave, if any.
pub(crate) fn classify(text: &str, meta_title: Option<&str>) -> Classified {
    let mut units = split_units(text);
    by_content(text, &mut units);
    by_neighbours(text, &mut units);
    around_the_article(&mut units);
    let (body_start, title) = by_place(text, &mut units, meta_title);
    // Headings come after the title: a short line between the header's bylines and dates
    // and the first paragraph is one too.
    headings(
        text,
        &mut units,
        title.map_or(body_start, |t| body_start.min(t + 1)),
    );
    source_tag_at_end(text, &mut units);
    let published = header_date(text, units.get(..body_start).unwrap_or(&units));

    let mut blocks: Vec<Block> = units
        .iter()
        .map(|u| Block {
            kind: u.kind.unwrap_or(BlockKind::Paragraph),
            span: u.span,
            reason: u.reason.filter(|_| u.kind == Some(BlockKind::Boilerplate)),
            repeat_of: None,
            element: None,
        })
        .collect();
    mark_repeats(text, &mut blocks);
    Classified { blocks, published }
}

/// On a whole page copied as text, the lines far from the article's run of prose are the
/// page around it (see `region.rs`).
fn around_the_article(units: &mut [Unit]) {
    let weighed: Vec<region::Weighed> = units
        .iter()
        .map(|u| region::Weighed {
            kind: u.kind,
            reason: u.reason,
            words: u.words,
            body: u.body(),
            headline: u.headline,
        })
        .collect();
    for i in region::outside(&weighed) {
        if let Some(u) = units.get_mut(i) {
            u.set(BlockKind::Boilerplate);
            u.reason = Some(Reason::Outside);
        }
    }
}

/// Paragraphs, with the pieces that share a line with others split off: a wire dateline
/// before the lede, a credit after a caption, a source tag after the last sentence.
fn split_units(text: &str) -> Vec<Unit> {
    let paras = paragraphs(text);
    let mut units = Vec::with_capacity(paras.len() + 2);
    let mut seen_body = false;
    let mut seen_dateline = false;
    for (n_para, para) in paras.into_iter().enumerate() {
        let mut rest = para;
        let mut dateline_line = false;
        let piece = para.slice(text);
        // Before the body, any dateline; after something that read like body text (a
        // long caption, say), only one that names an agency (`PARIS (AFP) -`), near the
        // top. A caption that marks itself (`FILE - In this photo ...`) has none.
        let may_open = !seen_body || (!seen_dateline && n_para < 16);
        let dateline_len = lexicon::wire_dateline(piece).filter(|&n| {
            !lexicon::is_marked_caption(piece)
                && (!seen_body || dateline_names_agency(piece.get(..n).unwrap_or("")))
        });
        if may_open && let Some(n) = dateline_len {
            let dateline = Span::new(para.start, para.start + n);
            let after = Span::new(dateline.end, para.end).trim(text);
            // An undated dateline without an agency ("LONDON —") must open a lede.
            let strong = dateline_is_strong(dateline.slice(text));
            let lede = Unit::new(text, after);
            if after.is_empty() || strong || lede.body() {
                let mut d = Unit::new(text, dateline);
                d.set(BlockKind::Dateline);
                units.push(d);
                rest = after;
                seen_body = !after.is_empty();
                seen_dateline = true;
                dateline_line = true;
            }
        }
        if rest.is_empty() {
            continue;
        }
        let piece = rest.slice(text);
        if let Some(at) = lexicon::credit_suffix(piece) {
            let caption = Span::new(rest.start, rest.start + at).trim(text);
            let credit = Span::new(rest.start + at, rest.end);
            let mut c = Unit::new(text, caption);
            c.set(BlockKind::Caption);
            let mut k = Unit::new(text, credit);
            k.set(BlockKind::Credit);
            units.extend([c, k]);
            continue;
        }
        if let Some(at) = lexicon::source_tag_suffix(piece) {
            let body = Span::new(rest.start, rest.start + at).trim(text);
            let tag = Span::new(rest.start + at, rest.end);
            let mut b = Unit::new(text, body);
            b.after_dateline = dateline_line;
            seen_body |= b.body();
            let mut t = Unit::new(text, tag);
            t.set(BlockKind::SourceTag);
            units.extend([b, t]);
            continue;
        }
        let mut u = Unit::new(text, rest);
        u.after_dateline = dateline_line;
        seen_body |= u.body();
        units.push(u);
    }
    units
}

/// A dateline with a date or an agency in it: `BAHIA BLANCA, Argentina, Feb 26 -`.
fn dateline_is_strong(dateline: &str) -> bool {
    dateline_names_agency(dateline) || dateline.bytes().any(|b| b.is_ascii_digit())
}

/// A dateline with an agency in brackets: `SEOUL, March 14 (Reuters) -`.
fn dateline_names_agency(dateline: &str) -> bool {
    dateline.contains(')') || dateline.contains("/ -") || dateline.contains("/ —")
}

/// Sets the kind of unit `i` (nothing when there is no such unit).
fn set_at(units: &mut [Unit], i: usize, kind: BlockKind) {
    if let Some(u) = units.get_mut(i) {
        u.set(kind);
    }
}

/// True when there is a unit `i` and `test` holds for it.
fn unit_is(units: &[Unit], i: usize, test: impl Fn(&Unit) -> bool) -> bool {
    units.get(i).is_some_and(test)
}

/// Kinds that a line's own words decide, wherever it stands.
fn by_content(text: &str, units: &mut [Unit]) {
    for u in units.iter_mut().filter(|u| u.open()) {
        let piece = u.span.slice(text);
        if let Some(reason) = lexicon::boilerplate(piece) {
            u.set(BlockKind::Boilerplate);
            u.reason = Some(reason);
        } else if lexicon::is_source_tag(piece, false) {
            u.set(BlockKind::SourceTag);
        } else if lexicon::is_credit(piece) {
            u.set(BlockKind::Credit);
        } else if lexicon::is_byline(piece) {
            u.set(BlockKind::Byline);
        } else if is_date_line(piece, u.words) {
            u.set(BlockKind::Dateline);
        } else if lexicon::is_marked_caption(piece) {
            u.set(BlockKind::Caption);
        } else if u.words <= 12 && lexicon::wire_dateline(piece) == Some(piece.len()) {
            // A dateline alone on its line: "WASHINGTON (Reuters) -".
            u.set(BlockKind::Dateline);
        }
    }
}

/// A line that gives a date or a time and nothing else: `Tue 17 Apr 2018 10.03 BST`,
/// `Updated 3:41 PM ET, Sat April 7, 2018`, `10.03 BST`, `5 hours ago`,
/// `April 17, 2018 | 5 min read`.
pub(crate) fn is_date_line(piece: &str, words: usize) -> bool {
    if words > 16 || piece.len() > 120 {
        return false;
    }
    if !piece.bytes().any(|b| b.is_ascii_digit()) {
        return datetext::is_relative_stamp(piece);
    }
    // A full date has a four-digit year; without one only a time or a stamp can be left.
    let year = piece
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !year {
        return datetext::is_time_only(piece) || datetext::is_relative_stamp(piece);
    }
    if Published::parse(piece).is_ok()
        || datetext::is_time_only(piece)
        || datetext::is_relative_stamp(piece)
    {
        return true;
    }
    let parts: Vec<&str> = piece.split(['|', '•', '·']).map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().any(|p| Published::parse(p).is_ok())
        && parts.iter().all(|p| {
            p.is_empty()
                || Published::parse(p).is_ok()
                || datetext::is_time_only(p)
                || datetext::is_relative_stamp(p)
                || lexicon::boilerplate(p).is_some()
        })
}

/// Labels printed on a line of their own before what they label: `Published` over a
/// date is part of the dateline; `Image caption,` makes the next line a caption.
fn labels(text: &str, units: &mut [Unit]) {
    for i in 0..units.len() {
        let Some(&u) = units.get(i) else { break };
        // Labels are one to three words.
        if u.words > 3 {
            continue;
        }
        let next = units.get(i + 1).copied();
        let k = lexicon::key(u.span.slice(text));
        let k = k.trim_end_matches(',');
        if u.open()
            && DATE_LABELS.contains(&k)
            && next.is_some_and(|n| n.kind == Some(BlockKind::Dateline))
        {
            set_at(units, i, BlockKind::Dateline);
        } else if u.kind == Some(BlockKind::Boilerplate)
            && matches!(k, "image caption" | "caption" | "photo caption")
            && next.is_some_and(|n| n.open() && n.words >= 3)
        {
            set_at(units, i + 1, BlockKind::Caption);
        }
    }
}

/// Words that label a date on the line after them.
const DATE_LABELS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last updated",
    "first published",
    "modified",
    "last modified",
];

/// Share buttons printed one per line (`Facebook`, `Twitter`, `Email`): two or more in a
/// row, with only residue between them.
fn share_rows(text: &str, units: &mut [Unit]) {
    let is_share = |u: &Unit| {
        u.open() && u.words <= 2 && {
            let k = lexicon::key(u.span.slice(text));
            lexicon::lex().share_words.contains(k.as_str())
        }
    };
    let mut i = 0;
    while i < units.len() {
        let mut members = Vec::new();
        let mut j = i;
        while let Some(u) = units.get(j) {
            if is_share(u) {
                members.push(j);
            } else if u.kind != Some(BlockKind::Boilerplate) {
                break;
            }
            j += 1;
        }
        if members.len() >= 2 {
            for &m in &members {
                if let Some(u) = units.get_mut(m) {
                    u.set(BlockKind::Boilerplate);
                    u.reason = Some(Reason::Share);
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Kinds that the neighbours decide: captions (printed twice, or next to a credit or a
/// caption they repeat) and the links listed under a "Related" label.
fn by_neighbours(text: &str, units: &mut [Unit]) {
    labels(text, units);
    share_rows(text, units);
    let first_open = units.iter().position(|u| u.open());
    for i in 0..units.len() {
        let Some(next) = units.get(i + 1).copied() else {
            break;
        };
        let Some(&u) = units.get(i) else {
            break;
        };
        let (a, b) = (u.span.slice(text), next.span.slice(text));
        // Printed twice in a row: an image's text and its caption (or a title, at the top).
        if u.open() && a == b && next.open() && u.complete(text) {
            let kind = if Some(i) == first_open && u.headline {
                BlockKind::Title
            } else {
                BlockKind::Caption
            };
            set_at(units, i, kind);
            set_at(units, i + 1, kind);
            continue;
        }
        if !u.open() || u.words > 80 {
            continue;
        }
        // A line before a credit is its caption, unless it opens the article.
        let credit_next = next.kind == Some(BlockKind::Credit) && Some(i) != first_open;
        // The image's text before a caption that starts the same way.
        let caption_next = next.kind == Some(BlockKind::Caption)
            && u.words >= 3
            && (b.starts_with(a) || a.starts_with(b));
        if credit_next || caption_next {
            set_at(units, i, BlockKind::Caption);
        }
    }
    // The headlines listed under "Related", "More from ...", "READ MORE" (with residue,
    // dates and credits between them): a list of two or more, or one that only residue
    // follows. One headline followed by a byline is the title, not a link.
    let mut i = 0;
    while i < units.len() {
        let label = units.get(i).and_then(|u| {
            u.reason
                .filter(|_| u.kind == Some(BlockKind::Boilerplate))
                .filter(|r| matches!(r, Reason::Related | Reason::ReadMore | Reason::Tags))
        });
        i += 1;
        let Some(label) = label else {
            continue;
        };
        // Topics are one to four words; links to stories are headlines.
        let (words, reason) = match label {
            Reason::Tags => (1..=4, Reason::Tags),
            _ => (3..=20, Reason::Related),
        };
        let mut items = Vec::new();
        let mut j = i;
        while let Some(u) = units.get(j) {
            if u.open() && u.headline && words.contains(&u.words) {
                items.push(j);
            } else if !matches!(
                u.kind,
                Some(BlockKind::Boilerplate | BlockKind::Dateline | BlockKind::Credit)
            ) {
                break;
            }
            j += 1;
        }
        let then_residue = units
            .get(j)
            .is_none_or(|u| u.kind == Some(BlockKind::Boilerplate));
        if items.len() >= 2 || (items.len() == 1 && then_residue) {
            for &k in &items {
                if let Some(u) = units.get_mut(k) {
                    u.set(BlockKind::Boilerplate);
                    u.reason = Some(reason);
                }
            }
        }
        // The next label may stand among the residue after the items.
        i = items.last().map_or(i, |&k| k + 1);
    }
}

/// Title, kicker, dek and author lines: the header before the first body paragraph.
/// Returns the index of the first unit of the body and that of the title.
fn by_place(text: &str, units: &mut [Unit], meta_title: Option<&str>) -> (usize, Option<usize>) {
    let body_start = units
        .iter()
        .position(|u| u.body() || u.after_dateline)
        .unwrap_or(units.len());
    let header: Vec<usize> = (0..body_start)
        .filter(|&i| unit_is(units, i, Unit::open))
        .collect();

    // The title: the line the source's title names, else the first headline of five
    // words or more (or of two to four, when it opens the article), with text after it.
    let has_content_after = |units: &[Unit], i: usize| {
        units
            .iter()
            .skip(i + 1)
            .any(|u| u.open() || u.kind == Some(BlockKind::Caption))
    };
    let title = match meta_title.map(fold) {
        Some(wanted) if !wanted.is_empty() => units
            .iter()
            .take(12)
            .position(|u| u.open() && fold(u.span.slice(text)) == wanted),
        _ => None,
    }
    .or_else(|| {
        if meta_title.is_some_and(|t| !t.trim().is_empty()) {
            return None;
        }
        header
            .iter()
            .copied()
            .find(|&i| unit_is(units, i, |u| u.headline && (5..=30).contains(&u.words)))
            .or_else(|| {
                header
                    .first()
                    .copied()
                    .filter(|&i| unit_is(units, i, |u| u.headline && (2..=4).contains(&u.words)))
            })
            .filter(|&i| has_content_after(units, i))
    });
    if let Some(t) = title {
        set_at(units, t, BlockKind::Title);
        navigation_before(units, &header, t);
    }

    let mut dek_done = false;
    for &i in &header {
        let Some(&u) = units.get(i).filter(|u| u.open()) else {
            continue;
        };
        let piece = u.span.slice(text);
        let near_date = |j: Option<usize>| {
            j.and_then(|j| units.get(j))
                .is_some_and(|n| matches!(n.kind, Some(BlockKind::Dateline | BlockKind::Byline)))
        };
        // A name next to (or one line from) a date or another author line.
        let near = [i.checked_sub(2), i.checked_sub(1), Some(i + 1), Some(i + 2)]
            .into_iter()
            .any(near_date);
        if lexicon::is_role_line(piece) || (lexicon::is_name_line(piece) && near) {
            set_at(units, i, BlockKind::Byline);
            continue;
        }
        let before_title = title.is_none_or(|t| i < t);
        if before_title {
            if u.headline && u.words <= 6 {
                set_at(units, i, BlockKind::Kicker);
            }
            continue;
        }
        // The dek stands under the title, before the author and date lines.
        let after_matter = title.is_some_and(|t| {
            units
                .iter()
                .take(i)
                .skip(t + 1)
                .any(|n| matches!(n.kind, Some(BlockKind::Byline | BlockKind::Dateline)))
        });
        if u.headline && u.words <= 2 {
            set_at(units, i, BlockKind::Kicker);
        } else if !dek_done && !after_matter && u.words <= 60 {
            set_at(units, i, BlockKind::Dek);
            dek_done = true;
        }
    }
    // A one-sentence standfirst after the title reads like body text; it is the dek when
    // header matter (a photo, a byline, a date) separates it from the body.
    if let (Some(t), false) = (title, dek_done) {
        let next = (t + 1..units.len()).find(|&j| unit_is(units, j, Unit::open));
        if let Some(j) = next.filter(|&j| j == body_start && unit_is(units, j, |u| u.words <= 35)) {
            let between_header_matter = units.get(j + 1).is_some_and(|n| {
                matches!(
                    n.kind,
                    Some(
                        BlockKind::Caption
                            | BlockKind::Credit
                            | BlockKind::Byline
                            | BlockKind::Dateline
                    )
                )
            });
            let body_follows = units.iter().skip(j + 2).any(Unit::body);
            if between_header_matter && body_follows {
                set_at(units, j, BlockKind::Dek);
                let body = units
                    .iter()
                    .skip(j + 1)
                    .position(Unit::body)
                    .map_or(units.len(), |k| j + 1 + k);
                return (body, title);
            }
        }
    }
    (body_start, title)
}

/// Short lines before the title in a row of two or more (`Home`, `News`, `Sport`) are the
/// site's navigation; the last of them, when it stands just above the title, is the
/// kicker. `header` lists the open units of the header.
fn navigation_before(units: &mut [Unit], header: &[usize], title: usize) {
    let short = |u: &Unit| u.open() && u.headline && u.words <= 3;
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<usize> = None;
    for &i in header.iter().filter(|&&i| i < title) {
        if !unit_is(units, i, short) {
            last = None;
            continue;
        }
        // Only residue between this line and the last short one keeps the row going.
        let joined = last.is_some_and(|l| {
            units
                .iter()
                .take(i)
                .skip(l + 1)
                .all(|u| u.kind == Some(BlockKind::Boilerplate))
        });
        match runs.last_mut() {
            Some(run) if joined => run.push(i),
            _ => runs.push(vec![i]),
        }
        last = Some(i);
    }
    for run in runs.iter().filter(|r| r.len() >= 2) {
        let Some(&end) = run.last() else { continue };
        let above_title = units
            .iter()
            .take(title)
            .skip(end + 1)
            .all(|u| matches!(u.kind, Some(BlockKind::Boilerplate | BlockKind::Dateline)));
        for &i in run {
            if i == end && above_title {
                continue;
            }
            if let Some(u) = units.get_mut(i) {
                u.set(BlockKind::Boilerplate);
                u.reason = Some(Reason::Navigation);
            }
        }
    }
}

/// Case- and space-insensitive form of a title, for comparing a source's title with a
/// line of the text.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            c => c,
        }));
    }
    out.to_lowercase()
}

/// Headings: a short headline-like line alone between body paragraphs.
fn headings(text: &str, units: &mut [Unit], body_start: usize) {
    for i in body_start..units.len() {
        let Some(&u) = units.get(i) else {
            break;
        };
        if !u.open() || !u.headline || u.words > 14 || !u.complete(text) && u.words > 2 {
            continue;
        }
        // A line cut from wrapped text goes on in lower case on the next.
        let next_starts_lower = units.get(i + 1).is_some_and(|n| {
            n.span
                .slice(text)
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_lowercase)
        });
        if next_starts_lower {
            continue;
        }
        let prev_list = i
            .checked_sub(1)
            .and_then(|p| units.get(p))
            .is_some_and(|p| p.open() && !p.body());
        let next = units.get(i + 1);
        let next_ok = next.is_some_and(|n| {
            n.body()
                || (matches!(
                    n.kind,
                    Some(BlockKind::Caption | BlockKind::Dateline | BlockKind::Byline)
                ) && units.iter().skip(i + 2).take(3).any(Unit::body))
        });
        if !prev_list && next_ok {
            set_at(units, i, BlockKind::Heading);
        }
    }
}

/// The last line of an article that names an outlet (`Reuters`, `The Guardian`) is its
/// source tag; elsewhere a wire agency's name next to a caption is a credit.
fn source_tag_at_end(text: &str, units: &mut [Unit]) {
    let last = units
        .iter()
        .rposition(|u| u.kind != Some(BlockKind::Boilerplate));
    for i in 0..units.len() {
        let Some(&u) = units.get(i).filter(|u| u.open() && u.words <= 6) else {
            continue;
        };
        let piece = u.span.slice(text);
        if Some(i) == last && lexicon::is_source_tag(piece, true) {
            set_at(units, i, BlockKind::SourceTag);
        } else if lexicon::lex()
            .wire_agencies
            .contains(&piece.trim_end_matches('.').to_ascii_lowercase().as_str())
            && i.checked_sub(1)
                .is_some_and(|p| unit_is(units, p, |u| u.kind == Some(BlockKind::Caption)))
        {
            set_at(units, i, BlockKind::Credit);
        }
    }
}

/// A publication date printed in the header: on a dateline or byline among the first
/// units. `Published ...`/`Posted ...` beat an unlabelled date, which beats
/// `Updated ...`/`Last modified ...`.
fn header_date(text: &str, units: &[Unit]) -> Option<Published> {
    let mut best: Option<(u8, Published)> = None;
    for u in units.iter().take(24) {
        if !matches!(u.kind, Some(BlockKind::Dateline | BlockKind::Byline)) {
            continue;
        }
        let piece = u.span.slice(text);
        if piece.len() > 200 {
            continue;
        }
        // "Posted by Margaret on August 3, 2020": the date after the last " on ".
        let after_on = piece.rsplit_once(" on ").map(|(_, d)| d);
        let parts = piece.split(['|', '•', '·']).map(str::trim);
        let wire = (u.kind == Some(BlockKind::Dateline))
            .then(|| dateline_date(piece))
            .flatten();
        for part in std::iter::once(piece)
            .chain(parts)
            .chain(after_on)
            .chain(wire)
        {
            let Ok(date) = Published::parse(part) else {
                continue;
            };
            let lower = part.to_ascii_lowercase();
            let rank = if lower.starts_with("updated")
                || lower.starts_with("last updated")
                || lower.starts_with("last modified")
                || lower.starts_with("modified")
            {
                2
            } else if lower.starts_with("published")
                || lower.starts_with("first published")
                || lower.starts_with("posted")
            {
                0
            } else {
                1
            };
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, date));
            }
            break;
        }
    }
    best.map(|(_, p)| p)
}

/// The date in a wire dateline, from the first comma on: `SEOUL, April 17, 2018
/// (Reuters) -` → `April 17, 2018`; `NORTHFIELD, Ohio, Sept. 14, 2021 /PRNewswire/ --` →
/// `Sept. 14, 2021`. Only a date with a year reads as a publication date.
fn dateline_date(dateline: &str) -> Option<&str> {
    let mut head = dateline.trim_end_matches(['-', '—', '–', '―', ' ']);
    for (open, close) in [('(', ')'), ('/', '/')] {
        if let Some(h) = head.strip_suffix(close)
            && let Some(at) = h.rfind(open)
        {
            head = h.get(..at)?.trim_end();
        }
    }
    head.match_indices(',')
        .map(|(at, _)| head.get(at + 1..).unwrap_or("").trim())
        .find(|rest| {
            rest.bytes().filter(u8::is_ascii_digit).count() >= 5 && Published::parse(rest).is_ok()
        })
}

/// Marks each block whose text repeats an earlier block's exactly.
pub(crate) fn mark_repeats(text: &str, blocks: &mut [Block]) {
    // Ordered by the text: comparing two blocks stops at their first difference, cheaper
    // than hashing every block whole.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, b) in blocks.iter_mut().enumerate() {
        let piece = b.span.slice(text);
        match seen.get(piece) {
            Some(&first) => b.repeat_of = Some(first),
            None => {
                seen.insert(piece, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&'static str, String)> {
        classify(text, None)
            .blocks
            .iter()
            .map(|b| (b.kind.as_str(), b.span.slice(text).to_owned()))
            .collect()
    }

    #[test]
    fn wire_copy() {
        let text = "BAHIA BLANCA, Argentina, Feb 26 - Argentine grain board figures show\ncrop registrations of grains, oilseeds and their products.\n    The board said the figures were provisional.\n Reuter";
        let got = kinds(text);
        assert_eq!(
            got[0],
            ("dateline", "BAHIA BLANCA, Argentina, Feb 26 -".into())
        );
        assert_eq!(got[1].0, "paragraph");
        assert_eq!(got[3], ("source_tag", "Reuter".into()));
    }

    #[test]
    fn header_and_body() {
        let text = "Politics\nTalks set to resume in Singapore next month\nBoth sides say the summit is on\nBy Jane Doe\nApril 17, 2018\nOfficials from both countries met on Monday in a neutral country, the ministry said.\nWhat comes next\nThe summit is expected in late May or early June, officials said on Tuesday.";
        let got: Vec<&str> = kinds(text).iter().map(|(k, _)| *k).collect();
        assert_eq!(
            got,
            [
                "kicker",
                "title",
                "dek",
                "byline",
                "dateline",
                "paragraph",
                "heading",
                "paragraph"
            ]
        );
        assert_eq!(
            classify(text, None).published.unwrap().to_string(),
            "2018-04-17"
        );
    }
}
