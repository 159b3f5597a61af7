//! Finds the article in a rendered page and gives every block its kind.
//!
//! 1. Each block gets a prose weight: the text outside links of a block that reads as
//!    sentences. Each element sums the weight of the blocks under it.
//! 2. Furniture is what the markup names so (`<nav>`, `class="share-buttons"`, `id="comments"`,
//!    see `markup.txt`), unless the element holds half the page's prose or more: a name
//!    that would set aside most of the article is a wrong name (`<body class="has-sidebar">`).
//! 3. The container is the element the article's prose is in: from `<body>` down, into the
//!    child that holds nearly all of its parent's prose; then into a descendant the markup
//!    calls the content (`itemprop="articleBody"`, `class="entry-content"`) when it holds
//!    half of it or more; then out to a named content ancestor that adds little.
//! 4. The title is the heading that repeats the page's metadata title (or the first `<h1>`
//!    near the container); between it and the first paragraph lies the header: kicker,
//!    dek, byline, date lines.
//! 5. Each block is then furniture (its reason from the markup or from the lexicon of
//!    residue the text path uses), outside the article, or a part of it by its markup and
//!    its text.

use super::dom::{Dom, NONE, NodeId};
use super::markup::{Hint, HintCache};
use super::meta::squash;
use super::render::{RawBlock, Rendered};
use crate::article::{Block, BlockKind, Published, Reason, classify, lexicon};

/// The share of the page's prose above which a furniture name is not believed.
const FURNITURE_MAX_SHARE: f32 = 0.8;
/// Nor is it on an element holding a content-named element with this share of the prose.
const CONTENT_SHARE: f32 = 0.3;
/// Going down from `<body>`: the share of its parent's prose a child needs to become the
/// container.
const CHILD_SHARE: f32 = 0.9;
/// A content-named descendant needs this share of the container's prose to replace it.
const NAMED_SHARE: f32 = 0.5;
/// A content-named ancestor may add this share of prose to the container and replace it.
const ANCESTOR_GROWTH: f32 = 0.3;

/// A block's features.
struct Feat {
    words: usize,
    link_density: f32,
    prose: f32,
    /// Reads as body text: a long block, or a sentence of eight words or more.
    body_like: bool,
}

fn features(text: &str, b: &RawBlock) -> Feat {
    let piece = b.span.slice(text);
    // Scripts written without spaces between words (Chinese, Japanese): about two
    // characters a word.
    let ideographs = piece
        .chars()
        .filter(|&c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{3400}'..='\u{9fff}').contains(&c)
        })
        .count();
    let words = classify::count_words(piece, 1000).max(ideographs / 2);
    let link_density = if b.chars == 0 {
        0.0
    } else {
        b.link_chars as f32 / b.chars as f32
    };
    let sentence = piece.contains(['.', '!', '?', '。', ':', ';', ',', '，'])
        && piece.trim_end().ends_with([
            '.', '!', '?', '"', '”', '“', '»', '«', ')', '…', ':', '。', '\'',
        ]);
    let nonlink = (b.chars - b.link_chars.min(b.chars)) as f32;
    let body_like = link_density <= 0.5 && (words >= 25 || (words >= 8 && sentence));
    let prose = if link_density > 0.5 || words < 4 {
        0.0
    } else if body_like {
        nonlink
    } else if words >= 8 {
        nonlink * 0.3
    } else {
        nonlink * 0.1
    };
    Feat {
        words,
        link_density,
        prose,
        body_like,
    }
}

/// The kinds and spans of the page's blocks, and the publication date its header prints.
pub(crate) struct Decided {
    pub(crate) blocks: Vec<Block>,
    pub(crate) header_date: Option<Published>,
    /// Authors named in the header's byline, when the metadata names none.
    pub(crate) byline: Option<String>,
}

struct Page<'a> {
    dom: &'a Dom,
    text: &'a str,
    raw: &'a [RawBlock],
    feats: Vec<Feat>,
    hints: Vec<Option<Hint>>,
    /// Elements whose furniture name is believed.
    furniture: Vec<bool>,
    prose: Vec<f32>,
}

impl Page<'_> {
    fn hint(&self, id: NodeId) -> Option<Hint> {
        self.hints.get(id as usize).copied().flatten()
    }

    /// `id` and its ancestors, nearest first.
    fn up(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::once(id).filter(|&i| i != NONE).chain(
            if id == NONE {
                None
            } else {
                Some(self.dom.ancestors(id))
            }
            .into_iter()
            .flatten(),
        )
    }

    fn inside(&self, id: NodeId, container: NodeId) -> bool {
        self.up(id).any(|a| a == container)
    }

    fn piece(&self, i: usize) -> &str {
        self.raw[i].span.slice(self.text)
    }

    /// The nearest believed furniture between `id` (included) and `stop` (excluded).
    fn furniture_below(&self, id: NodeId, stop: NodeId) -> Option<Hint> {
        self.up(id)
            .take_while(|&a| a != stop)
            .find(|&a| self.furniture[a as usize])
            .and_then(|a| self.hint(a))
    }

    /// The nearest hint of a part of an article between `id` and `stop`.
    fn part_below(&self, id: NodeId, stop: NodeId) -> Option<Hint> {
        self.up(id)
            .take_while(|&a| a != stop)
            .take(6)
            .filter_map(|a| self.hint(a))
            .find(|h| h.is_part())
    }

    /// The heading level of the block's owner or of a near ancestor (`h1` = 1).
    fn heading(&self, id: NodeId) -> Option<u8> {
        self.up(id).take(3).find_map(|a| {
            let n = self.dom.name(a);
            match n.as_bytes() {
                [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
                _ => None,
            }
        })
    }

    fn has_ancestor_named(&self, id: NodeId, names: &[&str], within: usize) -> bool {
        self.up(id)
            .take(within)
            .any(|a| names.contains(&self.dom.name(a)))
    }
}

/// Decides the kind of each block of `r`, with the titles the metadata offers.
pub(crate) fn decide(dom: &Dom, r: &Rendered, titles: &[String], authors: &[String]) -> Decided {
    let text = r.text.as_str();
    let raw = r.blocks.as_slice();
    let n = dom.nodes.len();
    let mut cache = HintCache::default();
    let hints: Vec<Option<Hint>> = dom
        .nodes
        .iter()
        .map(|node| node.element().and_then(|e| cache.hint(e)))
        .collect();
    let feats: Vec<Feat> = raw.iter().map(|b| features(text, b)).collect();
    let mut page = Page {
        dom,
        text,
        raw,
        feats,
        hints,
        furniture: vec![false; n],
        prose: vec![0.0; n],
    };
    // Raw prose per element, to test the furniture names against.
    let mut raw_prose = vec![0.0f32; n];
    for (b, f) in raw.iter().zip(&page.feats) {
        if f.prose > 0.0 {
            for a in page.up(b.owner).collect::<Vec<_>>() {
                raw_prose[a as usize] += f.prose;
            }
        }
    }
    let body = dom.body();
    let total = raw_prose[body as usize].max(1.0);
    // The most prose a content-named element holds under each element.
    let mut named = vec![0.0f32; n];
    let order: Vec<NodeId> = std::iter::once(super::dom::DOCUMENT)
        .chain(dom.descendants(super::dom::DOCUMENT))
        .collect();
    for &id in order.iter().rev() {
        let i = id as usize;
        if page.hints[i] == Some(Hint::Content) {
            named[i] = named[i].max(raw_prose[i]);
        }
        let parent = dom.node(id).parent;
        if parent != NONE {
            named[parent as usize] = named[parent as usize].max(named[i]);
        }
    }
    for (id, h) in page.hints.iter().enumerate() {
        // A furniture name on an element that holds the article (the content it names, or
        // nearly all the page's prose) is a wrong name: `<body class="has-sidebar">`.
        if !h.is_some_and(|h| h.reason().is_some()) {
            continue;
        }
        let mut holds_article =
            named[id] >= CONTENT_SHARE * total || raw_prose[id] >= FURNITURE_MAX_SHARE * total;
        // ... or most of the content-named element it is in (`<div class="entry share">`
        // inside `<article class="post">`).
        let also_content = dom
            .element(id as NodeId)
            .is_some_and(|e| cache.named_content(e));
        if !holds_article && also_content && raw_prose[id] > 0.0 {
            let within = dom
                .ancestors(id as NodeId)
                .find(|&a| page.hints[a as usize] == Some(Hint::Content));
            holds_article = within.is_none_or(|a| raw_prose[id] >= 0.6 * raw_prose[a as usize]);
        }
        // A heading's own names are its anchor (`<h3 id="nav_the_results">`), not its role.
        let heading = matches!(dom.name(id as NodeId).as_bytes(), [b'h', b'1'..=b'6']);
        if !holds_article && !heading {
            page.furniture[id] = true;
        }
    }
    // Clean prose: outside believed furniture.
    for (i, b) in raw.iter().enumerate() {
        let w = page.feats[i].prose;
        if w == 0.0 || page.furniture_below(b.owner, NONE).is_some() {
            continue;
        }
        for a in page.up(b.owner).collect::<Vec<_>>() {
            page.prose[a as usize] += w;
        }
    }
    let container = container(&page, body);
    let title = find_title(&page, titles, container);
    classify_blocks(&page, container, title, authors)
}

fn container(page: &Page<'_>, body: NodeId) -> NodeId {
    let dom = page.dom;
    let prose = &page.prose;
    let total = prose[body as usize];
    if total <= 0.0 {
        return body;
    }
    let mut at = body;
    loop {
        let best = dom
            .children(at)
            .max_by(|&a, &b| prose[a as usize].total_cmp(&prose[b as usize]));
        match best {
            Some(c) if prose[c as usize] >= CHILD_SHARE * prose[at as usize] => at = c,
            _ => break,
        }
    }
    // A descendant named as the content, holding at least half of it.
    let named = dom
        .descendants(at)
        .filter(|&d| page.hint(d) == Some(Hint::Content))
        .filter(|&d| prose[d as usize] >= NAMED_SHARE * prose[at as usize])
        .max_by(|&a, &b| {
            // the smallest that still holds the most: prefer deeper on near ties
            prose[a as usize].total_cmp(&prose[b as usize])
        });
    if let Some(d) = named {
        // among equally full named elements, take the deepest
        let mut best = d;
        for x in dom.descendants(d) {
            if page.hint(x) == Some(Hint::Content) && prose[x as usize] >= 0.97 * prose[d as usize]
            {
                best = x;
            }
        }
        at = best;
    }
    // Out to a named content ancestor that adds little (a lead paragraph outside the
    // article's body).
    let base = prose[at as usize];
    for a in dom.ancestors(at).take(4) {
        if prose[a as usize] > (1.0 + ANCESTOR_GROWTH) * base {
            break;
        }
        if page.hint(a) == Some(Hint::Content) {
            at = a;
        }
    }
    at
}

fn norm_title(s: &str) -> String {
    squash(s)
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The index of the title block, when there is one.
fn find_title(page: &Page<'_>, titles: &[String], container: NodeId) -> Option<usize> {
    let wanted: Vec<String> = titles
        .iter()
        .map(|t| norm_title(t))
        .filter(|t| !t.is_empty())
        .collect();
    let first_in = (0..page.raw.len()).find(|&i| page.inside(page.raw[i].owner, container));
    let mut best: Option<(u32, usize)> = None;
    for (i, b) in page.raw.iter().enumerate() {
        let piece = page.piece(i);
        if piece.len() > 400 || page.furniture_below(b.owner, NONE).is_some() {
            continue;
        }
        let level = page.heading(b.owner);
        let hinted = page.part_below(b.owner, NONE) == Some(Hint::Title);
        let norm = norm_title(piece);
        if norm.is_empty() {
            continue;
        }
        let matched = wanted.iter().position(|w| *w == norm).map(|p| p as u32);
        let partial = wanted
            .first()
            .is_some_and(|w| w.len() > 20 && (w.contains(&norm) && norm.len() * 2 > w.len()));
        let inside = page.inside(b.owner, container);
        let near = first_in.is_some_and(|f| i + 12 >= f && i <= f + 30);
        let score = match (matched, level) {
            (Some(p), Some(1)) => 10 + p,
            (Some(p), Some(_)) => 20 + p,
            (Some(p), None) if hinted => 25 + p,
            (Some(p), None) => 40 + p,
            (None, _) if partial && level.is_some() => 50,
            (None, Some(1)) if inside || near => 60,
            (None, _) if hinted && (inside || near) && level.is_some() => 70,
            _ => continue,
        };
        // a title far down the page, after the article's text, is a teaser's
        let score = score + if inside || near { 0 } else { 100 };
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, i));
        }
    }
    best.filter(|&(s, _)| s < 200).map(|(_, i)| i)
}

fn reason_of_text(piece: &str) -> Option<Reason> {
    lexicon::boilerplate(piece)
}

fn is_author_line(piece: &str, authors: &[String]) -> bool {
    let words = classify::count_words(piece, 40);
    words <= 12
        && authors
            .iter()
            .any(|a| a.len() > 3 && piece.contains(a.as_str()))
}

fn classify_blocks(
    page: &Page<'_>,
    container: NodeId,
    title: Option<usize>,
    authors: &[String],
) -> Decided {
    let raw = page.raw;
    let text = page.text;
    let n = raw.len();
    let inside: Vec<bool> = raw
        .iter()
        .map(|b| page.inside(b.owner, container))
        .collect();
    let mut kinds: Vec<(BlockKind, Option<Reason>)> = vec![(BlockKind::Paragraph, None); n];
    // The body starts at the first block of prose in the container after the title.
    let from = title.map_or(0, |t| t + 1);
    // ... or at the first block of the element the markup names as the body, below the
    // container (`<div class="entry-content">` in `<article>`).
    let body_start = (from..n)
        .find(|&i| {
            inside[i]
                && page.furniture_below(raw[i].owner, container).is_none()
                && ((page.feats[i].body_like && page.heading(raw[i].owner).is_none())
                    || page
                        .up(raw[i].owner)
                        .take_while(|&a| a != container)
                        .any(|a| {
                            page.hint(a) == Some(Hint::Content)
                                && title.is_none_or(|t| !page.inside(raw[t].owner, a))
                        }))
        })
        .or_else(|| (0..n).find(|&i| inside[i]))
        .unwrap_or(n);
    let mut header_date = None;
    let mut outside_date = None;
    let mut byline = None;
    for i in 0..n {
        let b = &raw[i];
        let piece = page.piece(i);
        let f = &page.feats[i];
        let in_header = title.is_some_and(|t| i > t && i < body_start)
            || (title.is_none() && i < body_start && inside[i]);
        if Some(i) == title {
            kinds[i] = (BlockKind::Title, None);
            continue;
        }
        // Believed furniture (below the container for blocks in it).
        let stop = if inside[i] { container } else { NONE };
        if let Some(h) = page.furniture_below(b.owner, stop) {
            kinds[i] = (BlockKind::Boilerplate, h.reason());
            continue;
        }
        if !inside[i] && !in_header {
            // a date the markup marks as such, before the article's body: the page's date
            if outside_date.is_none()
                && i < body_start
                && page.part_below(b.owner, NONE) == Some(Hint::Date)
                && f.words <= 12
            {
                outside_date = header_published(piece);
            }
            // a kicker right above the title
            if title == Some(i + 1) && f.words <= 5 && f.link_density < 1.0 {
                kinds[i] = (BlockKind::Kicker, None);
                continue;
            }
            kinds[i] = (
                BlockKind::Boilerplate,
                Some(reason_of_text(piece).unwrap_or(Reason::Outside)),
            );
            continue;
        }
        let part = page.part_below(b.owner, container);
        let level = page.heading(b.owner);
        // a section label right above the title, or one the markup names
        if title.is_some_and(|t| i < t && i + 3 > t)
            && f.words <= 5
            && f.link_density < 1.0
            && (part == Some(Hint::Kicker) || title == Some(i + 1))
            && reason_of_text(piece).is_none()
        {
            kinds[i] = (BlockKind::Kicker, None);
            continue;
        }
        if in_header {
            let words = f.words;
            let kind = if part == Some(Hint::Byline)
                || lexicon::is_byline(piece)
                || is_author_line(piece, authors)
            {
                if byline.is_none() {
                    byline = Some(piece.to_owned());
                }
                if header_date.is_none() && has_year(piece) {
                    header_date = header_published(piece);
                }
                Some(BlockKind::Byline)
            } else if part == Some(Hint::Date)
                || classify::is_date_line(piece, words)
                || (words <= 16 && has_year(piece) && f.prose < 50.0)
            {
                if header_date.is_none() {
                    header_date = header_published(piece);
                }
                if byline.is_none() {
                    byline = names_after_by(piece);
                }
                Some(BlockKind::Dateline)
            } else if let Some(r) = reason_of_text(piece) {
                kinds[i] = (BlockKind::Boilerplate, Some(r));
                continue;
            } else if part == Some(Hint::Kicker) && title.is_some_and(|t| i < t) {
                Some(BlockKind::Kicker)
            } else if part == Some(Hint::Caption) {
                Some(BlockKind::Caption)
            } else if lexicon::is_credit(piece) || part == Some(Hint::Credit) {
                Some(BlockKind::Credit)
            } else if (part == Some(Hint::Dek) || words >= 6) && f.link_density < 0.5 {
                Some(BlockKind::Dek)
            } else if f.link_density >= 0.5 || words <= 3 {
                kinds[i] = (BlockKind::Boilerplate, Some(Reason::Ui));
                continue;
            } else {
                None
            };
            if let Some(k) = kind {
                kinds[i] = (k, None);
                continue;
            }
        }
        // In the article.
        if let Some(r) = reason_of_text(piece) {
            kinds[i] = (BlockKind::Boilerplate, Some(r));
            continue;
        }
        // A date line near the top of the body (`Datum: 18.10.2021`), or a date opening
        // the first paragraph as a wire dateline does (`27.1.2022 - Bei der ...`).
        let near_top = i <= body_start + 3;
        if f.words <= 12 && classify::is_date_line(piece, f.words) {
            if near_top && header_date.is_none() {
                header_date = header_published(piece);
            }
            kinds[i] = (BlockKind::Dateline, None);
            continue;
        }
        if near_top
            && header_date.is_none()
            && let Some((head, _)) = piece
                .split_once([' ', '\u{a0}'])
                .filter(|(_, rest)| rest.starts_with(['-', '–', '—', '|']))
        {
            header_date = Published::parse(head).ok();
        }
        let kind = match part {
            Some(Hint::Caption) => {
                if lexicon::is_credit(piece) {
                    BlockKind::Credit
                } else {
                    BlockKind::Caption
                }
            }
            Some(Hint::Credit) => BlockKind::Credit,
            Some(Hint::Byline) if f.words <= 15 => {
                if byline.is_none() {
                    byline = Some(piece.to_owned());
                }
                BlockKind::Byline
            }
            _ if f.words <= 12 && lexicon::is_byline(piece) => {
                if byline.is_none() {
                    byline = Some(piece.to_owned());
                }
                BlockKind::Byline
            }
            Some(Hint::Date) if classify::is_date_line(piece, f.words) => BlockKind::Dateline,
            _ if lexicon::is_credit(piece) && f.words <= 12 => BlockKind::Credit,
            _ if lexicon::is_marked_caption(piece) => BlockKind::Caption,
            _ if level.is_some() => {
                if f.link_density > 0.6 {
                    kinds[i] = (BlockKind::Boilerplate, Some(Reason::Related));
                    continue;
                }
                BlockKind::Heading
            }
            _ if f.link_density >= 0.8 && f.words <= 20 => {
                kinds[i] = (BlockKind::Boilerplate, Some(Reason::Related));
                continue;
            }
            _ if i < body_start && f.words <= 3 && f.prose == 0.0 => {
                kinds[i] = (BlockKind::Boilerplate, Some(Reason::Ui));
                continue;
            }
            _ if page.has_ancestor_named(b.owner, &["figcaption"], 4) => BlockKind::Caption,
            _ => BlockKind::Paragraph,
        };
        kinds[i] = (kind, None);
    }
    related_lists(page, &inside, &mut kinds);
    let mut blocks: Vec<Block> = raw
        .iter()
        .zip(&kinds)
        .map(|(b, &(kind, reason))| {
            let mut block = Block::new(kind, b.span);
            if b.owner != NONE {
                block.element = Some(page.dom.place(b.owner));
            }
            block.reason = if kind == BlockKind::Boilerplate {
                reason.or(Some(Reason::Outside))
            } else {
                None
            };
            block
        })
        .collect();
    classify::mark_repeats(text, &mut blocks);
    // A block that repeats boilerplate is boilerplate (a footer's links again at the foot).
    for i in 0..blocks.len() {
        if let Some(first) = blocks[i].repeat_of
            && blocks[first].kind == BlockKind::Boilerplate
            && blocks[i].kind != BlockKind::Boilerplate
        {
            blocks[i].kind = BlockKind::Boilerplate;
            blocks[i].reason = blocks[first].reason;
        }
    }
    Decided {
        blocks,
        header_date: header_date.or(outside_date),
        byline,
    }
}

/// A heading followed only by link-dense blocks, in the container after the body: a list of
/// related stories under its label.
fn related_lists(page: &Page<'_>, inside: &[bool], kinds: &mut [(BlockKind, Option<Reason>)]) {
    let n = kinds.len();
    let mut i = 0;
    while i < n {
        if kinds[i].0 == BlockKind::Heading && inside[i] {
            let mut j = i + 1;
            let mut links = 0;
            while j < n
                && inside[j]
                && kinds[j].0 != BlockKind::Heading
                && (page.feats[j].link_density >= 0.6 || kinds[j].0 == BlockKind::Boilerplate)
            {
                if page.feats[j].link_density >= 0.6 {
                    links += 1;
                }
                j += 1;
            }
            let ends = j == n || !inside[j] || kinds[j].0 == BlockKind::Heading;
            if links >= 2 && ends {
                for k in kinds.iter_mut().take(j).skip(i) {
                    if k.0 != BlockKind::Boilerplate {
                        *k = (BlockKind::Boilerplate, Some(Reason::Related));
                    }
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
}

/// The names after a byline word inside a date line: `Veröffentlicht am 12. Mai 2021 von
/// Anna Berger` -> `von Anna Berger`.
fn names_after_by(piece: &str) -> Option<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let at = words.iter().enumerate().skip(1).find_map(|(i, w)| {
        let next = words.get(i + 1)?;
        (lexicon::is_byline_word(w) && next.starts_with(char::is_uppercase)).then_some(i)
    })?;
    Some(words[at..].join(" "))
}

/// Whether `piece` holds a year of this century or the last (`2019`, `17.12.2019`).
fn has_year(piece: &str) -> bool {
    let b = piece.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// The publication date a header line prints: `Published 12 March 2020`, `12.03.2020 | 10:15`.
fn header_published(piece: &str) -> Option<Published> {
    let piece = piece.lines().next().unwrap_or(piece);
    if piece.len() > 200 {
        return None;
    }
    let after_on = piece.rsplit_once(" on ").map(|(_, d)| d);
    // the date that opens the line, before a place or a name: `07.11.2023 Ormalingen`
    let words: Vec<&str> = piece.split_whitespace().collect();
    let openings = (1..=words.len().min(6))
        .rev()
        .map(move |k| words[..k].join(" "));
    std::iter::once(piece.to_owned())
        .chain(
            piece
                .split(['|', '•', '·', '/'])
                .map(|p| p.trim().to_owned()),
        )
        .chain(after_on.map(str::to_owned))
        .chain(openings)
        .find_map(|p| Published::parse(&p).ok())
}
