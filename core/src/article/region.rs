//! Where the article is in a whole page copied as text: the run of lines its prose is in.
//!
//! A page copied from a browser (or dumped by a crawler) is the article with the page
//! around it: menus, teasers, link lists, cookie notices, comment threads. Each unit that
//! reads as body text weighs for the article by its words; every other line weighs against
//! it a little, and the labels that open the page's furniture (`Comments`, `Related`,
//! `Newsletter`) weigh heavily. The article is the contiguous run of the greatest weight
//! (Kadane's maximum-sum run); the lines just above it are left for its header (title, dek,
//! byline, dates) and the rest of the page is set aside as `outside`.
//!
//! Text that is not a whole page (wire copy, an article alone) has nothing around its run,
//! and is left as it is.

use super::{BlockKind, Reason};

/// A unit's place in the weighing, as the classifier has it so far.
pub(super) struct Weighed {
    pub(super) kind: Option<BlockKind>,
    pub(super) reason: Option<Reason>,
    pub(super) words: usize,
    pub(super) body: bool,
    pub(super) headline: bool,
}

/// Open lines above the article's run kept for its header.
const HEADER_LINES: usize = 10;
/// A page has at least this many units, and this many open ones outside the run.
const PAGE_UNITS: usize = 12;
const OUTSIDE_OPEN: usize = 4;

fn weight(u: &Weighed) -> i64 {
    match (u.kind, u.reason) {
        (None, _) if u.body => u.words as i64,
        (None, _) if u.words >= 8 => (u.words as i64) / 3,
        (None, _) if u.headline && u.words <= 4 => -3,
        (None, _) => -2,
        (
            Some(BlockKind::Boilerplate),
            Some(
                Reason::Comments
                | Reason::Related
                | Reason::Newsletter
                | Reason::Subscribe
                | Reason::Cookie,
            ),
        ) => -15,
        (Some(BlockKind::Boilerplate), _) => -4,
        _ => 0,
    }
}

/// The units to set aside as outside the article, when the text is a whole page: every
/// open unit more than [`HEADER_LINES`] above the article's run or after it.
pub(super) fn outside(units: &[Weighed]) -> Vec<usize> {
    let n = units.len();
    if n < PAGE_UNITS {
        return Vec::new();
    }
    // Kadane: the run [start, end] of the greatest total weight.
    let (mut best, mut best_start, mut best_end) = (i64::MIN, 0, 0);
    let (mut sum, mut start) = (0i64, 0);
    for (i, u) in units.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += weight(u);
        if sum > best {
            best = sum;
            best_start = start;
            best_end = i;
        }
    }
    if best <= 0 {
        return Vec::new();
    }
    // The header: up to HEADER_LINES open units above the run (residue between them, such
    // as share buttons, does not count).
    let mut keep_from = best_start;
    let mut open = 0;
    while keep_from > 0 && open < HEADER_LINES {
        keep_from -= 1;
        if units.get(keep_from).is_some_and(|u| u.kind.is_none()) {
            open += 1;
        }
    }
    let outside: Vec<usize> = (0..n)
        .filter(|&i| i < keep_from || i > best_end)
        .filter(|&i| units.get(i).is_some_and(|u| u.kind.is_none()))
        .collect();
    if outside.len() < OUTSIDE_OPEN {
        return Vec::new();
    }
    outside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(words: usize, body: bool) -> Weighed {
        Weighed {
            kind: None,
            reason: None,
            words,
            body,
            headline: !body,
        }
    }

    #[test]
    fn the_run_of_prose_is_the_article() {
        let mut units: Vec<Weighed> = (0..15).map(|_| unit(2, false)).collect();
        units.extend((0..5).map(|_| unit(30, true)));
        units.extend((0..6).map(|_| unit(3, false)));
        let out = outside(&units);
        // 15 menu lines, of which the last 10 stay for the header, and the 6 after
        assert_eq!(out, (0..5).chain(20..26).collect::<Vec<_>>());
    }

    #[test]
    fn an_article_alone_is_left_alone() {
        let units: Vec<Weighed> = (0..20).map(|i| unit(25, i % 3 != 0)).collect();
        assert!(outside(&units).is_empty());
    }
}
