//! What lines of news pages say about themselves: lexicons of page residue, photo credits,
//! bylines, wire datelines and source tags, and the tests that use them.
//!
//! Every test here looks at one line (or the start or end of one paragraph) by itself; the
//! classifier (`classify.rs`) adds what the neighbours and the place say.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::Reason;
use super::datetext;
use crate::shared::FnvBuild;

/// Lines longer than this (in bytes) are never compared with the residue lexicons as a
/// whole: residue is short. (Prefix tests such as cookie notices and copyright lines
/// still apply.)
const SHORT_LINE: usize = 160;

/// A set of the lexicon's words.
pub(crate) type Words = HashSet<&'static str, FnvBuild>;

/// The lexicon's words, read once from `lexicon.txt` (see the comments there).
pub(crate) struct Lexicon {
    /// Whole lines of page residue, by reason.
    pub(crate) residue: HashMap<&'static str, Reason, FnvBuild>,
    /// Line openings of residue that may go on for a while, with the most words such a
    /// line has, in the order they are tried.
    pub(crate) prefixes: Vec<(Reason, &'static str, usize)>,
    /// Words of interface icons and buttons.
    pub(crate) icon_words: Words,
    /// Share targets.
    pub(crate) share_words: Words,
    /// Labels that introduce a photo credit.
    pub(crate) credit_labels: Words,
    /// Agencies and archives whose name alone is a photo credit.
    pub(crate) photo_agencies: Words,
    /// The length in bytes of the longest name in `photo_agencies`.
    pub(crate) longest_photo_agency: usize,
    /// Agencies that also send stories.
    pub(crate) wire_agencies: Words,
    /// Outlets that sign off stories they wrote for others.
    pub(crate) outlets: Words,
    /// Words that mark a part of a slash credit as the agency.
    pub(crate) credit_words: Words,
    /// Openings of contributor lines.
    pub(crate) byline_openings: Vec<&'static str>,
    /// The word that opens a byline before the names (`By`, `Von`, `Par`).
    pub(crate) byline_by: Words,
    /// Month names of other languages, with their number.
    pub(crate) months: HashMap<&'static str, u32, FnvBuild>,
    /// Labels that introduce a date (`updated on`), longest first.
    pub(crate) date_labels: Vec<&'static str>,
    /// Words that may stand between the pieces of a date (`at`, `de`).
    pub(crate) date_fillers: Words,
    /// Newsroom roles that follow a name on an author line.
    pub(crate) roles: Vec<&'static str>,
    /// Capitalized words that begin sentences, not names.
    pub(crate) function_words: Words,
    /// Verbs that attribute a quotation.
    pub(crate) speech_verbs: Words,
    /// Words that name no one.
    pub(crate) not_names: Words,
    /// Titles and roles written before a name (`president`, `secretary`, `boss`).
    pub(crate) speaker_titles: Words,
    /// Words that make a name an organisation's (`corp`, `ministry`, `company`).
    pub(crate) organization_words: Words,
    /// Words before a quotation that make it a term, not speech (`so-called`, `titled`).
    pub(crate) term_cues: Words,
    /// Words that may stand between a speaker and the speech verb (`also`, `today`).
    pub(crate) speech_adverbs: Words,
    /// Auxiliary verbs: never part of a speaker's name (`had`, `have`, `was`).
    pub(crate) auxiliaries: Words,
    /// Documents that speak for whoever issued them (`statement`, `proxy`, `report`).
    pub(crate) documents: Words,
    /// Words of a company's name (`inc`, `corp`) and the nouns that refer back to one.
    pub(crate) company_words: Words,
    /// Lines of the file that could not be read (none: a unit test checks).
    pub(crate) errors: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!("lexicon.txt")));

/// The lexicon.
pub(crate) fn lex() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut lex = Lexicon {
            residue: HashMap::default(),
            prefixes: Vec::new(),
            icon_words: Words::default(),
            share_words: Words::default(),
            credit_labels: Words::default(),
            photo_agencies: Words::default(),
            longest_photo_agency: 0,
            wire_agencies: Words::default(),
            outlets: Words::default(),
            credit_words: Words::default(),
            byline_openings: Vec::new(),
            byline_by: Words::default(),
            months: HashMap::default(),
            date_labels: Vec::new(),
            date_fillers: Words::default(),
            roles: Vec::new(),
            function_words: Words::default(),
            speech_verbs: Words::default(),
            not_names: Words::default(),
            speaker_titles: Words::default(),
            organization_words: Words::default(),
            term_cues: Words::default(),
            speech_adverbs: Words::default(),
            auxiliaries: Words::default(),
            documents: Words::default(),
            company_words: Words::default(),
            errors: Vec::new(),
        };
        let mut section = "";
        for (n, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            if let Err(e) = lex.add(section, line) {
                lex.errors.push(format!("lexicon.txt line {}: {e}", n + 1));
            }
        }
        lex.date_labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
        lex.longest_photo_agency = lex
            .photo_agencies
            .iter()
            .map(|a| a.len())
            .max()
            .unwrap_or(0);
        lex
    }

    /// Adds the entry `line` of `section`.
    fn add(&mut self, section: &'static str, line: &'static str) -> Result<(), String> {
        if let Some(reason) = section.strip_prefix("residue ") {
            let reason = Reason::from_name(reason).ok_or(format!("no reason {reason:?}"))?;
            self.residue.insert(unquote(line), reason);
            return Ok(());
        }
        let set = match section {
            "prefixes" => {
                let mut parts = line.splitn(3, ' ');
                let (Some(reason), Some(words), Some(opening)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return Err("a prefix is: reason, most words, opening".into());
                };
                let reason = Reason::from_name(reason).ok_or(format!("no reason {reason:?}"))?;
                let words = words
                    .parse()
                    .map_err(|_| format!("{words:?} is no number"))?;
                self.prefixes.push((reason, unquote(opening), words));
                return Ok(());
            }
            "months" => {
                let (name, number) = line.rsplit_once(' ').ok_or("a month is: name, number")?;
                let number = number
                    .parse()
                    .ok()
                    .filter(|n| (1..=12).contains(n))
                    .ok_or(format!("{number:?} is no month number"))?;
                self.months.insert(name, number);
                return Ok(());
            }
            "date_labels" => {
                self.date_labels.push(unquote(line));
                return Ok(());
            }
            "date_fillers" => &mut self.date_fillers,
            "byline_openings" => {
                self.byline_openings.push(unquote(line));
                return Ok(());
            }
            "roles" => {
                self.roles.push(unquote(line));
                return Ok(());
            }
            "byline_by" => &mut self.byline_by,
            "icon_words" => &mut self.icon_words,
            "share_words" => &mut self.share_words,
            "credit_labels" => &mut self.credit_labels,
            "photo_agencies" => &mut self.photo_agencies,
            "wire_agencies" => &mut self.wire_agencies,
            "outlets" => &mut self.outlets,
            "credit_words" => &mut self.credit_words,
            "function_words" => &mut self.function_words,
            "speech_verbs" => &mut self.speech_verbs,
            "not_names" => &mut self.not_names,
            "speaker_titles" => &mut self.speaker_titles,
            "organization_words" => &mut self.organization_words,
            "term_cues" => &mut self.term_cues,
            "speech_adverbs" => &mut self.speech_adverbs,
            "auxiliaries" => &mut self.auxiliaries,
            "documents" => &mut self.documents,
            "company_words" => &mut self.company_words,
            other => return Err(format!("no section {other:?}")),
        };
        set.insert(unquote(line));
        Ok(())
    }
}

/// An entry without the double quotes that keep its spaces.
fn unquote(entry: &str) -> &str {
    entry
        .strip_prefix('"')
        .and_then(|e| e.strip_suffix('"'))
        .unwrap_or(entry)
}

/// True when `line` starts with `prefix` (lower case) compared in lower case, without
/// building the lower-case line.
pub(crate) fn starts_with_folded(line: &str, prefix: &str) -> bool {
    // Most calls try a line against a list of openings: two ASCII first bytes that differ
    // (ignoring ASCII case) decide at once. A non-ASCII first character of the line goes
    // the long way: some fold to ASCII (the Kelvin sign to `k`).
    if let (Some(l), Some(p)) = (line.as_bytes().first(), prefix.as_bytes().first())
        && l.is_ascii()
        && p.is_ascii()
        && !l.eq_ignore_ascii_case(p)
    {
        return false;
    }
    // ASCII on both sides (nearly always): compare bytes.
    if prefix.is_ascii()
        && let Some(head) = line.as_bytes().get(..prefix.len())
        && head.is_ascii()
    {
        return head.eq_ignore_ascii_case(prefix.as_bytes());
    }
    let mut folded = line.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| folded.next() == Some(p))
}

/// A line reduced for lexicon lookups: lower case, single spaces, without the bullets,
/// arrows and colons that decorate interface text.
pub(crate) fn key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Without the Unicode case tables.
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    };
    // An ASCII line (nearly always) splits on the bytes. The vertical tab is white space
    // to `char::is_whitespace` but not to `u8::is_ascii_whitespace`: a line with one goes
    // the general way.
    if line.bytes().all(|b| b.is_ascii() && b != 0x0b) {
        line.split_ascii_whitespace().for_each(&mut push);
    } else {
        line.split_whitespace().for_each(&mut push);
    }
    let trimmed = out
        .trim_start_matches(is_decoration)
        .trim_end_matches(|c: char| is_decoration(c) || matches!(c, ':' | '.' | '!' | ','));
    trimmed.to_owned()
}

fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '•' | '·'
                | '▶'
                | '►'
                | '▸'
                | '›'
                | '»'
                | '«'
                | '‹'
                | '→'
                | '←'
                | '>'
                | '<'
                | '|'
                | '+'
                | '#'
                | '*'
                | '…'
                | '⟩'
                | '❯'
                | '↓'
                | '↑'
                | '■'
                | '□'
                | '▪'
                | '●'
                | '○'
                | '✓'
                | '✕'
                | '×'
                | '\u{200b}'
        )
}

/// Why `line` is page residue, if it is.
pub(crate) fn boilerplate(line: &str) -> Option<Reason> {
    let first = line.chars().next()?;
    // Residue is short, or one of the long notices that open with a known phrase.
    if line.len() > SHORT_LINE {
        return long_notice(line);
    }
    if first == '©' {
        return Some(Reason::Copyright);
    }
    if is_rule(line.trim()) {
        return Some(Reason::WireMarker);
    }
    let k = key(line);
    if k.is_empty() {
        return None;
    }
    if let Some(&reason) = lex().residue.get(k.as_str()) {
        return Some(reason);
    }
    let words = k.bytes().filter(|&b| b == b' ').count() + 1;
    let first = k.as_bytes().first();
    for &(reason, prefix, max_words) in &lex().prefixes {
        // The first byte rules out nearly every opening at the cost of a compare.
        if prefix.as_bytes().first().is_none_or(|p| Some(p) == first)
            && k.starts_with(prefix)
            && words <= max_words
        {
            return Some(reason);
        }
    }
    // Both notices contain "right": one cheap scan spares two searches on most lines.
    if k.as_bytes().windows(5).any(|w| w == b"right")
        && (k.contains("all rights reserved") || k.contains("copyright ©"))
    {
        return Some(Reason::Copyright);
    }
    if let Some(reason) = word_row(&k) {
        return Some(reason);
    }
    if counter(&k) {
        return Some(Reason::Comments);
    }
    if is_link(&k) {
        return Some(Reason::Link);
    }
    if is_reading_time(&k) {
        return Some(Reason::Ui);
    }
    if is_audio_length(&k) {
        return Some(Reason::Video);
    }
    if breadcrumbs(line) {
        return Some(Reason::Navigation);
    }
    if is_desk_initials(line.trim()) {
        return Some(Reason::WireMarker);
    }
    None
}

/// A rule drawn with one character: `___`, `* * *`, `=====`, `###` (the end of a press
/// release).
fn is_rule(k: &str) -> bool {
    let mut chars = k.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '_' | '-' | '*' | '=' | '~' | '#')
        && k.chars().filter(|c| *c == first).count() >= 3
        && chars.all(|c| c == first)
}

/// The initials of the desk editors that end agency copy: `bur-jh/rl`, `jm/kb`,
/// `ec/dl/jm`: lower-case letters in groups of two to five, joined by `/` (at least
/// one) and `-`, nothing else.
fn is_desk_initials(k: &str) -> bool {
    k.len() <= 24
        && k.contains('/')
        && k.split(['/', '-'])
            .all(|g| (2..=5).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A long line that is still residue: a cookie notice, a copyright or reuse notice, a
/// newsletter or subscription prompt.
fn long_notice(line: &str) -> Option<Reason> {
    if line.starts_with('©') {
        return Some(Reason::Copyright);
    }
    // Notices open with a letter, a digit or a bracket: no need to look further for the
    // body text that most long lines are.
    if !line.starts_with(|c: char| c.is_alphanumeric() || c == '(') {
        return None;
    }
    let head = line;
    let head_first = line.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    // Counting the words of a long line is the dear part: only when an opening matched.
    lex()
        .prefixes
        .iter()
        .filter(|(_, prefix, _)| {
            // The first letter rules out nearly every opening at the cost of a compare.
            let first = prefix.as_bytes().first();
            (first.is_some_and(|p| !p.is_ascii()) || first == Some(&head_first))
                && starts_with_folded(head, prefix)
        })
        .find(|(_, _, most)| line.split_whitespace().take(most + 1).count() <= *most)
        .map(|(reason, _, _)| *reason)
}

/// A row of icon labels or share buttons, three words or more.
fn word_row(k: &str) -> Option<Reason> {
    // Most lines are not rows of buttons: the first word says so without a list.
    let k = k.trim_start_matches([' ', '|', '/']);
    let end = k
        .bytes()
        .position(|b| matches!(b, b' ' | b'|' | b'/'))
        .unwrap_or(k.len());
    let first = k.get(..end)?;
    if !lex().share_words.contains(first) && !lex().icon_words.contains(first) {
        return None;
    }
    let words: Vec<&str> = k.split([' ', '|', '/']).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return None;
    }
    if words.iter().all(|w| lex().share_words.contains(w)) {
        return Some(Reason::Share);
    }
    if words.len() >= 3 && words.iter().all(|w| lex().icon_words.contains(w)) {
        return Some(Reason::Ui);
    }
    None
}

/// `12 comments`, `1.2k shares`, `3 replies`.
fn counter(k: &str) -> bool {
    let mut words = k.split(' ');
    let (Some(n), Some(what), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let numeric = n
        .trim_end_matches(['k', 'm'])
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    numeric
        && !n.is_empty()
        && matches!(
            what,
            "comments" | "comment" | "replies" | "reply" | "shares" | "share" | "likes" | "views"
        )
}

/// A URL or an e-mail address alone.
fn is_link(k: &str) -> bool {
    if k.contains(' ') {
        return false;
    }
    k.starts_with("http://")
        || k.starts_with("https://")
        || k.starts_with("www.")
        || (k.contains('@') && k.contains('.') && !k.starts_with('@'))
}

/// `5 min read`, `3-minute read`, `4 minutes read`.
fn is_reading_time(k: &str) -> bool {
    let Some(rest) = k.strip_suffix(" read") else {
        return false;
    };
    let rest = rest.replace('-', " ");
    let mut words = rest.split(' ');
    let (Some(n), Some(unit), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    n.chars().all(|c| c.is_ascii_digit()) && matches!(unit, "min" | "mins" | "minute" | "minutes")
}

/// An audio or video player's length: `4-minute listen`, `listen · 4:12`,
/// `watch 2:30`, `3 min listen`.
fn is_audio_length(k: &str) -> bool {
    if let Some(rest) = k
        .strip_suffix(" listen")
        .or_else(|| k.strip_suffix(" watch"))
    {
        return is_reading_time(&format!("{rest} read"));
    }
    let Some(rest) = k.strip_prefix("listen").or_else(|| k.strip_prefix("watch")) else {
        return false;
    };
    let rest = rest
        .trim_start_matches([' ', '·', '|', '-', '('])
        .trim_end_matches(')');
    let mut parts = rest.split(':');
    let (Some(m), Some(sec)) = (parts.next(), parts.next()) else {
        return false;
    };
    let digits = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    digits(m) && digits(sec) && parts.all(digits)
}

/// `Home > World > Asia`, `News | Politics | Europe`: three or more short items joined by
/// one kind of separator, with no sentence in them.
fn breadcrumbs(line: &str) -> bool {
    if !line.contains(['>', '›', '»', '|', '/', '•', '·']) {
        return false;
    }
    for sep in [" > ", " › ", " » ", " | ", " / ", " • ", " · "] {
        if line.matches(sep).nth(1).is_none() {
            continue;
        }
        let items: Vec<&str> = line.split(sep).collect();
        if items.len() >= 3
            && items.iter().all(|item| {
                let item = item.trim();
                !item.is_empty()
                    && item.split_whitespace().count() <= 4
                    && !item.ends_with(['.', '?', '!'])
            })
        {
            return true;
        }
    }
    false
}

/// True when `s` names a wire agency or an outlet known to sign off stories.
pub(crate) fn is_outlet(s: &str) -> bool {
    let k = s.trim().trim_end_matches('.').to_ascii_lowercase();
    lex().wire_agencies.contains(&k.as_str()) || lex().outlets.contains(&k.as_str())
}

/// True for a photo credit on a line of its own: `Joe Raedle/Getty Images`,
/// `Photograph: Jim Watson/AFP/Getty Images`, `(AP Photo/Evan Vucci)`,
/// `Image source, Reuters`, `Getty Images`.
pub(crate) fn is_credit(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let inner = strip_parens(line);
    // Every credit below has a label (`:` or `,`), a slash, a `... Getty Images`-like end,
    // or is an agency's name alone: a sentence with none of these is no credit, and most
    // candidates are such sentences.
    let stem = inner.trim_end_matches('.');
    if stem.len() > lex().longest_photo_agency
        && !inner.bytes().any(|b| matches!(b, b':' | b',' | b'/'))
        && !VIA_CREDITS
            .iter()
            .any(|via| ends_with_ignore_ascii_case(stem, via))
    {
        return false;
    }
    if let Some(rest) = labelled_credit(inner) {
        return rest.split_whitespace().count() <= 10 && starts_upper_or_digit(rest);
    }
    let lower = inner.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    if lex().photo_agencies.contains(&lower) {
        return true;
    }
    for via in VIA_CREDITS {
        if lower.ends_with(via) && inner.split_whitespace().count() <= 10 {
            return true;
        }
    }
    slash_credit(inner)
}

/// The endings of `Name via Agency` credits, in lower case.
const VIA_CREDITS: [&str; 5] = [
    " via getty images",
    "/getty images",
    " for getty images",
    "/shutterstock",
    "/alamy",
];

/// True when `s` ends with `suffix` (ASCII, lower case) in any ASCII case.
fn ends_with_ignore_ascii_case(s: &str, suffix: &str) -> bool {
    s.len()
        .checked_sub(suffix.len())
        .and_then(|at| s.as_bytes().get(at..))
        .is_some_and(|end| end.eq_ignore_ascii_case(suffix.as_bytes()))
}

/// The credit after a credit label (`Photograph: ` → the rest), if the line has one.
fn labelled_credit(line: &str) -> Option<&str> {
    let colon = line.find([':', ',']).filter(|&i| i <= 24)?;
    let label = line.get(..colon)?.trim().to_ascii_lowercase();
    if !lex().credit_labels.contains(&label.as_str()) {
        return None;
    }
    line.get(colon + 1..)
        .map(str::trim)
        .filter(|r| !r.is_empty())
}

/// `Name Name/Agency/Agency`: up to ten words in up to four slash-separated parts, each
/// part a run of capitalized words (lower-case `via`, `for`, `of` allowed inside), the
/// whole with no sentence punctuation.
fn slash_credit(line: &str) -> bool {
    if !line.contains('/') || line.ends_with(['.', '?', '!', ',', ':']) {
        return false;
    }
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    let words = line.split_whitespace().count();
    if parts.len() > 5 || words > 10 || line.contains("://") {
        return false;
    }
    let lowers = [
        "via", "for", "of", "de", "the", "and", "photo", "photos", "pool", "file",
    ];
    let names_agency = parts.iter().any(|part| {
        let p = part
            .trim_matches(|c: char| matches!(c, '(' | ')'))
            .to_ascii_lowercase();
        lex().photo_agencies.contains(&p.as_str())
            || lex().wire_agencies.contains(&p.as_str())
            || lex().outlets.contains(&p.as_str())
            || p.split([' ', '-']).any(|w| lex().credit_words.contains(&w))
    });
    names_agency
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.split_whitespace().count() <= 5
                && part.split_whitespace().all(|w| {
                    let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '\'' | '’'));
                    starts_upper_or_digit(w) && w.chars().any(char::is_alphabetic)
                        || lowers.contains(&w)
                })
        })
        && parts
            .iter()
            .any(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

fn strip_parens(line: &str) -> &str {
    let t = line.trim();
    match (t.strip_prefix('('), t.strip_prefix('[')) {
        (Some(inner), _) => inner.strip_suffix(')').unwrap_or(inner).trim(),
        (_, Some(inner)) => inner.strip_suffix(']').unwrap_or(inner).trim(),
        _ => t,
    }
}

pub(crate) fn starts_upper_or_digit(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '(' | '"' | '“' | '‘' | '\''))
}

/// Where a photo credit printed after a caption on the same line starts
/// (`... during Easter. Photograph: Jim Watson/AFP/Getty Images`,
/// `... in Washington. (AP Photo/Evan Vucci)`), as a byte offset into `piece`.
pub(crate) fn credit_suffix(piece: &str) -> Option<usize> {
    // Credits are short: look at the last sentence ends in the line's last 120 bytes.
    let mut floor = piece.len().saturating_sub(130);
    while !piece.is_char_boundary(floor) {
        floor -= 1;
    }
    let mut candidates = Vec::new();
    // On the bytes: every mark sought is ASCII or, for `”` and `’`, starts with 0xE2, a
    // byte that only starts characters.
    let bytes = piece.as_bytes();
    for (i, &b) in bytes.iter().enumerate().skip(floor) {
        let mark = match b {
            b'.' | b'!' | b'?' | b'"' | b')' => 1,
            0xE2 if bytes
                .get(i..i + 3)
                .is_some_and(|m| m == "”".as_bytes() || m == "’".as_bytes()) =>
            {
                3
            }
            b'(' => {
                if i > 0 && bytes.get(i - 1) == Some(&b' ') {
                    candidates.push(i);
                }
                continue;
            }
            _ => continue,
        };
        if bytes.get(i + mark) == Some(&b' ') {
            candidates.push(i + mark + 1);
        }
    }
    for &start in candidates.iter().rev() {
        let tail = piece.get(start..)?.trim();
        if tail.is_empty() || start < 2 {
            continue;
        }
        let head = piece.get(..start)?.trim_end();
        // The caption before the credit ends a sentence, or the credit is in brackets.
        let bracketed = tail.starts_with('(') && tail.ends_with(')');
        if !(bracketed || head.ends_with(['.', '!', '?', '”', '"', ')', '’'])) {
            continue;
        }
        if head.split_whitespace().take(3).count() < 3 {
            continue;
        }
        if is_credit(tail) || (bracketed && bracketed_credit(tail)) {
            return Some(
                start + (piece.get(start..)?.len() - piece.get(start..)?.trim_start().len()),
            );
        }
    }
    None
}

/// `(Reuters)`, `(AP Photo)`, `(Photo: X)`: a bracketed credit that names an agency.
fn bracketed_credit(tail: &str) -> bool {
    let inner = strip_parens(tail).to_ascii_lowercase();
    inner.starts_with("ap photo")
        || inner.starts_with("photo")
        || inner.starts_with("reuters/")
        || inner.contains("getty images")
}

/// True for a line that marks itself a caption: `Image caption, ...` (the BBC),
/// `Caption: ...`, `FILE PHOTO: ...`, `FILE - In this ...` (AP), `Pictured: ...`.
pub(crate) fn is_marked_caption(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "image caption",
        "media caption",
        "photo caption",
        "caption:",
        "file photo:",
        "file photo -",
        "file -",
        "file –",
        "file —",
        "pictured:",
        "pictured above",
        "above:",
        "top:",
        "in this photo",
        "in this file photo",
        "in this image",
        "this photo",
        "this image",
        "▲",
    ];
    MARKS.iter().any(|m| starts_with_folded(line, m))
        && (line.split_whitespace().nth(2).is_some() || line.starts_with('▲'))
}

/// Whether `word` opens a byline before the names (`By`, `Von`, `Par`).
pub(crate) fn is_byline_word(word: &str) -> bool {
    word.len() <= 8 && lex().byline_by.contains(word.to_lowercase().as_str())
}

/// True for a byline: `By Jane Doe and John Roe, CNN`, `By JANE DOE | Updated ...`,
/// `Reporting by ...; Editing by ...`, `Posted by jane`.
pub(crate) fn is_byline(line: &str) -> bool {
    if line.len() > 400 {
        return false;
    }
    if is_contributor_line(line) {
        return true;
    }
    if lex()
        .byline_openings
        .iter()
        .any(|o| starts_with_folded(line, o))
    {
        return line.starts_with(|c: char| c.is_uppercase() || c == '(')
            && line.split_whitespace().count() <= 45;
    }
    // "By Jane Doe", "Von Anna Schmidt", "Par Jean Dupont": the word, in any language.
    let Some((first, rest)) = line.split_once(' ') else {
        return false;
    };
    if first.len() > 8 || !lex().byline_by.contains(first.to_lowercase().as_str()) {
        return false;
    }
    // "By Jane Doe, CNN | Updated 3:41 PM ET, Sat April 7, 2018": the name part decides.
    let names = rest.split(['|', '•', '·']).next().unwrap_or(rest).trim();
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || !starts_upper_or_digit(names) {
        return false;
    }
    if names.ends_with(['.', '!', '?']) && !ends_with_initial(names) {
        return false;
    }
    let joiners = [
        "and", "&", "in", "for", "of", "the", "at", "with", "de", "van", "von", "da", "la", "le",
        "el", "bin", "al",
    ];
    let named = words.iter().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '.' | ':'));
        w.is_empty() || starts_upper_or_digit(w) || joiners.contains(&w) || w.starts_with('@')
    });
    named
        && !words.first().is_some_and(|w| {
            lex()
                .function_words
                .contains(&w.to_ascii_lowercase().as_str())
        })
}

/// A note naming contributors: `Associated Press writer Lena Morris in Olympia
/// contributed to this report.`, `Jane Doe contributed reporting.`
fn is_contributor_line(line: &str) -> bool {
    if line.len() > 300 || !line.trim_end_matches('.').ends_with(['t', 'y', 'g', 'e']) {
        return false;
    }
    let lower = line.trim_end_matches('.').to_ascii_lowercase();
    (3..=30).contains(&line.split_whitespace().count())
        && starts_upper_or_digit(line)
        && [
            "contributed to this report",
            "contributed to this story",
            "contributed to this article",
            "contributed reporting",
            "contributed additional reporting",
        ]
        .iter()
        .any(|end| lower.ends_with(end))
}

fn ends_with_initial(s: &str) -> bool {
    s.rsplit(' ')
        .next()
        .is_some_and(|w| w.len() == 2 && w.starts_with(|c: char| c.is_uppercase()))
}

/// True for an author line that names a newsroom role: `Laura Bicker, Seoul correspondent`,
/// `Jane Doe | Political Editor`.
pub(crate) fn is_role_line(line: &str) -> bool {
    if line.len() > 90 || line.ends_with(['.', '?', '!']) {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    let words = line.split_whitespace().count();
    (2..=9).contains(&words)
        && lex().roles.iter().any(|r| {
            lower.ends_with(r)
                || lower.contains(&format!("{r},"))
                || lower.contains(&format!("{r} |"))
        })
        && line
            .split_whitespace()
            .take(2)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// True for a line that is only a person's name: two to four capitalized words, no digits
/// or sentence punctuation (`Jane Doe`, `Mary-Ann O'Neill`).
pub(crate) fn is_name_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let function_word = words.first().is_some_and(|w| {
        lex()
            .function_words
            .contains(&w.to_ascii_lowercase().as_str())
    });
    !function_word
        && (2..=4).contains(&words.len())
        && line.len() <= 48
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// A wire sign-off or source tag on a line of its own: `Reuter`, `REUTER`, `– Guardian`,
/// `(AP)`, `With AFP`, `Source: Reuters`. A bare outlet name (`Reuters`) counts only when
/// `at_end` (nothing but residue follows it); `Reuter`, the 1980s sign-off, counts anywhere.
pub(crate) fn is_source_tag(line: &str, at_end: bool) -> bool {
    if line.len() > 60 {
        return false;
    }
    // "REUTER^M": a carriage return written out, as old wire archives have it.
    let t = line
        .trim()
        .trim_end_matches("^M")
        .trim_end_matches(['.', '…'])
        .trim_end();
    let lower = t.to_ascii_lowercase();
    if lower == "reuter" {
        return true;
    }
    if let Some(rest) = ["source:", "sources:", "source ", "with ", "via ", "from "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    {
        return is_outlet(rest)
            || (lower.starts_with("source")
                && rest.split_whitespace().count() <= 4
                && starts_upper_or_digit(t.get(lower.len() - rest.len()..).unwrap_or("").trim()));
    }
    let dashless = t.trim_start_matches(['-', '–', '—', '―']).trim_start();
    let dashed = dashless.len() < t.len();
    let name = strip_parens(dashless);
    let bracketed = name.len() < dashless.len();
    if is_outlet(name) {
        return dashed || bracketed || at_end;
    }
    // "– Guardian": a dash and a short capitalized name.
    dashed
        && (1..=4).contains(&name.split_whitespace().count())
        && name.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "and" | "&" | "of" | "the")
        })
}

/// Where a source tag printed after an article's last sentence starts
/// (`... toward the end of the process.” – Guardian`), as a byte offset into `piece`.
pub(crate) fn source_tag_suffix(piece: &str) -> Option<usize> {
    // "... the proposed merger. REUTER": the 1980s sign-off after the last word, on the
    // same line or wrapped into the paragraph.
    let trimmed = piece.trim_end();
    if let Some((at, space)) = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
    {
        let word_start = at + space.len_utf8();
        let word = trimmed.get(word_start..)?;
        let head = trimmed.get(..at)?;
        if word
            .trim_end_matches("^M")
            .trim_end_matches(['.', '…'])
            .eq_ignore_ascii_case("reuter")
            && head.split_whitespace().nth(3).is_some()
        {
            return Some(word_start);
        }
    }
    // The last 48 bytes or so, from a character boundary.
    let mut tail_start = piece.len().saturating_sub(48);
    while !piece.is_char_boundary(tail_start) {
        tail_start -= 1;
    }
    let tail = piece.get(tail_start..)?;
    // Most paragraphs end without a dash: one scan spares five searches.
    let dashes = if tail.contains(['-', '–', '—', '―']) {
        &[" – ", " — ", " - ", " -- ", " ― "][..]
    } else {
        &[]
    };
    for &dash in dashes {
        if let Some(at) = tail.rfind(dash) {
            let start = tail_start + at;
            let head = piece.get(..start)?.trim_end();
            let tag = piece.get(start..)?.trim();
            if head.ends_with(['.', '!', '?', '”', '"', '’', ')'])
                && head.split_whitespace().nth(3).is_some()
                && is_source_tag(tag, true)
            {
                return Some(start + 1);
            }
        }
    }
    // "... the talks. (Reuters)"
    if piece.ends_with(')') {
        let open = piece.rfind(" (")?;
        let head = piece.get(..open)?.trim_end();
        let tag = piece.get(open + 1..)?;
        let inner = strip_parens(tag);
        if head.ends_with(['.', '!', '?', '”', '"'])
            && head.split_whitespace().nth(3).is_some()
            && is_outlet(inner)
        {
            return Some(open + 1);
        }
    }
    None
}

/// The length in bytes of a wire dateline that opens `piece`, dash included:
/// `BAHIA BLANCA, Argentina, Feb 26 -`, `RICHMOND, Va. Feb 26 -`, `MONTREAL, Feb 26-`,
/// `WASHINGTON, April 17 (Reuters) -`, `SEOUL (AP) —`, `Seoul (AFP) -`, `LONDON —`.
///
/// The place is one to five capitalized words (more places may follow after commas), then
/// optionally a date (`Feb 26`, `2 March`, `April 17, 2018`), an agency in brackets, and a
/// dash. Without a date or an agency the place must be one word or name in capitals and a
/// sentence must follow the dash.
pub(crate) fn wire_dateline(piece: &str) -> Option<usize> {
    // Datelines are short: the dash is within the first 96 bytes.
    let mut limit = piece.len().min(96);
    while !piece.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = piece.get(..limit)?;
    let (head, dash_end) = dateline_dash(window, piece.len())?;
    let after = piece.get(dash_end..)?.trim_start();
    // A place in lower case ("omaha, april 7 -", as market reports have it) must be dated.
    let lower_place = head.starts_with(|c: char| c.is_lowercase());
    if !head.starts_with(|c: char| c.is_uppercase()) && !lower_place {
        return None;
    }
    // "FORT WORTH, Texas, -": a comma left before the dash.
    let head = head.trim_end_matches(',').trim_end();
    // The agency in brackets at the end: "WASHINGTON, April 17 (Reuters)".
    let (head, agency) = match head
        .strip_suffix(')')
        .and_then(|h| h.rfind('(').map(|i| (h, i)))
    {
        Some((h, open)) => {
            if !is_outlet(h.get(open + 1..)?) {
                return None;
            }
            (h.get(..open)?.trim_end(), true)
        }
        None => (head, false),
    };
    // "NORTHFIELD, Ohio, Sept. 14, 2021 /PRNewswire/ --": a press-release wire between
    // slashes.
    let (head, agency) = match head
        .strip_suffix('/')
        .and_then(|h| h.rfind('/').map(|i| (h, i)))
    {
        Some((h, open)) if !agency => {
            let name = h.get(open + 1..)?;
            if !(1..=3).contains(&name.split_whitespace().count()) || !starts_upper_or_digit(name) {
                return None;
            }
            (h.get(..open)?.trim_end(), true)
        }
        _ => (head, agency),
    };
    // "WASHINGTON, March 12, Reuter -": the agency after a comma.
    let (head, agency) = match head.rsplit_once(',') {
        Some((h, name)) if !agency && is_outlet(name) => (h.trim_end(), true),
        _ => (head, agency),
    };
    let (places, dated) = strip_date(head);
    let places: Vec<&str> = places.split(',').map(str::trim).collect();
    let place = *places.first()?;
    if lower_place {
        let lower_words = |s: &&str| {
            (1..=3).contains(&s.split_whitespace().count())
                && s.chars().all(|c| c.is_lowercase() || c == ' ' || c == '.')
        };
        return (matches!(dated, Dated::Yes)
            && places.len() <= 2
            && places.iter().all(lower_words))
        .then_some(dash_end);
    }
    if places.len() > 4 || !places.iter().all(|s| place_like(s)) {
        return None;
    }
    let capitals = all_capitals(place) && place.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let dated = match dated {
        Dated::Yes => true,
        // "NEW YORK, Narch 2 -": a misspelt month after a place in capitals.
        Dated::Maybe => capitals,
        Dated::No => false,
    };
    if !(dated || agency) {
        // "LONDON — Britain ...": one place in capitals, then a sentence.
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        if !capitals
            || letters < 4
            || places.len() > 2
            || !after.starts_with(|c: char| c.is_uppercase())
        {
            return None;
        }
    }
    Some(dash_end)
}

/// The dash that ends a dateline in `window`: the text before it and the offset just
/// after it. A dash counts when a space or the end follows it and a space, a digit
/// (`Feb 26-`) or a bracket (`(Reuters)-`) comes before it.
fn dateline_dash(window: &str, full_len: usize) -> Option<(&str, usize)> {
    let mut prev: Option<char> = None;
    for (i, c) in window.char_indices() {
        if matches!(c, '-' | '—' | '–' | '―') {
            let end = i + c.len_utf8();
            let next = window.get(end..).and_then(|r| r.chars().next());
            let ends_here =
                next.is_none_or(|n| n == ' ' || n == '-') && (next.is_some() || end == full_len);
            let before_ok = prev.is_some_and(|p| p == ' ' || p.is_ascii_digit() || p == ')');
            if ends_here && before_ok {
                // "--" counts as one dash.
                let end = if next == Some('-') { end + 1 } else { end };
                return Some((window.get(..i)?.trim_end(), end));
            }
        }
        prev = Some(c);
    }
    None
}

/// Whether a dateline's head ends with a date.
enum Dated {
    Yes,
    /// A word and a day number, as a date with a misspelt month would be.
    Maybe,
    No,
}

/// The place part of a dateline's head and whether a date ended it: `RICHMOND, Va. Feb 26`
/// → `RICHMOND, Va.`; `AMSTERDAM, 2 March` → `AMSTERDAM`; `SEOUL, April 17, 2018` →
/// `SEOUL`.
fn strip_date(head: &str) -> (&str, Dated) {
    let is_day = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    // Words with their offsets; a comma separates words too ("MINN.,March 13").
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in head
        .char_indices()
        .chain(std::iter::once((head.len(), ' ')))
    {
        let sep = c.is_whitespace() || c == ',';
        match (sep, start) {
            (true, Some(s)) => {
                words.push((s, head.get(s..i).unwrap_or("")));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    let cut = |k: usize, dated: Dated| -> (&str, Dated) {
        // `k` counts the words of the date, fewer than the head's by the checks below.
        let at = words
            .len()
            .checked_sub(k)
            .and_then(|i| words.get(i))
            .map_or(0, |w| w.0);
        (
            head.get(..at)
                .unwrap_or("")
                .trim_end()
                .trim_end_matches(',')
                .trim_end(),
            dated,
        )
    };
    if let [_, .., (_, m), (_, d), (_, y)] = words[..]
        && is_year(y)
        && is_day(d)
        && datetext::month(m).is_some()
    {
        return cut(3, Dated::Yes);
    }
    if let [_, .., (_, a), (_, b)] = words[..] {
        if datetext::month(a).is_some() && is_day(b) || is_day(a) && datetext::month(b).is_some() {
            return cut(2, Dated::Yes);
        }
        let typo_day = (1..=3).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_digit());
        if typo_day && a.len() >= 3 && a.chars().all(char::is_alphabetic) {
            return cut(2, Dated::Maybe);
        }
    }
    (head, Dated::No)
}

/// A place in a dateline: one to five capitalized words (`BAHIA BLANCA`, `Mass.`,
/// `DALLAS/FORT WORTH`).
fn place_like(s: &str) -> bool {
    (1..=5).contains(&s.split_whitespace().count())
        && s.starts_with(|c: char| c.is_uppercase())
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | '&' | '/'))
}

/// True when every word of `place` is in capitals (`McALLEN` counts).
fn all_capitals(place: &str) -> bool {
    place.split_whitespace().all(|w| {
        let w = w.strip_prefix("Mc").unwrap_or(w);
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_file_reads_whole() {
        let lex = lex();
        assert_eq!(lex.errors, Vec::<String>::new());
        assert!(lex.residue.len() > 300 && lex.prefixes.len() > 50);
        for set in [
            &lex.icon_words,
            &lex.share_words,
            &lex.wire_agencies,
            &lex.speech_verbs,
            &lex.speaker_titles,
            &lex.organization_words,
            &lex.term_cues,
            &lex.speech_adverbs,
            &lex.auxiliaries,
            &lex.documents,
            &lex.company_words,
        ] {
            assert!(!set.is_empty());
        }
        // Entries are compared in lower case.
        for entry in lex.residue.keys().chain(lex.function_words.iter()) {
            assert_eq!(*entry, entry.to_lowercase(), "{entry}");
        }
    }

    #[test]
    fn residue_by_reason() {
        for (line, reason) in [
            ("clock menu more-arrow no yes mobile", Reason::Ui),
            ("Filed under:", Reason::Tags),
            ("READ MORE", Reason::ReadMore),
            ("Now watching", Reason::Video),
            ("© 2026 Newsmax. All rights reserved.", Reason::Copyright),
            (
                "Copyright 2018 The Associated Press. All rights reserved.",
                Reason::Copyright,
            ),
            ("Share this article", Reason::Share),
            ("Facebook Twitter Email", Reason::Share),
            ("Advertisement", Reason::Ad),
            ("Related: Trump says talks are on", Reason::Related),
            (
                "Sign up for our morning newsletter to get the day's news in your inbox.",
                Reason::Newsletter,
            ),
            ("Home > World > Asia", Reason::Navigation),
            ("https://example.com/story", Reason::Link),
            ("5 min read", Reason::Ui),
            ("142 comments", Reason::Comments),
            ("MORE", Reason::WireMarker),
        ] {
            assert_eq!(boilerplate(line), Some(reason), "{line}");
        }
        for line in [
            "Direct contacts",
            "Peace treaty",
            "Officials are targeting May or June.",
            "Read the statement in full below, the White House said.",
            "Share prices rose sharply on Monday after the talks were announced in Seoul.",
        ] {
            assert_eq!(boilerplate(line), None, "{line}");
        }
    }

    #[test]
    fn credits() {
        for line in [
            "Joe Raedle/Getty Images",
            "Photograph: Jim Watson/AFP/Getty Images",
            "(AP Photo/Evan Vucci)",
            "Image source, Getty Images",
            "REUTERS/Kim Hong-Ji",
            "Jim Watson/AFP via Getty Images",
            "Getty Images",
            "KCNA VIA KNS/AFP/Getty Images",
            // Neither label nor slash: only the ending makes these credits.
            "Chip Somodevilla via Getty Images",
            "Drew Angerer for Getty Images.",
        ] {
            assert!(is_credit(line), "{line}");
        }
        for line in [
            "Direct contacts",
            "Trump says talks are on/off",
            "24/7 coverage of the talks.",
        ] {
            assert!(!is_credit(line), "{line}");
        }
        let caption = "Kim met Pompeo over Easter. Photograph: Jim Watson/AFP/Getty Images";
        assert_eq!(
            &caption[credit_suffix(caption).unwrap()..],
            "Photograph: Jim Watson/AFP/Getty Images"
        );
        let ap = "President Trump speaks in the Rose Garden on Monday. (AP Photo/Evan Vucci)";
        assert_eq!(&ap[credit_suffix(ap).unwrap()..], "(AP Photo/Evan Vucci)");
        assert_eq!(
            credit_suffix("He said talks would go on. Officials agreed."),
            None
        );
    }

    #[test]
    fn datelines() {
        for (piece, dateline) in [
            (
                "BAHIA BLANCA, Argentina, Feb 26 - Argentine grain",
                "BAHIA BLANCA, Argentina, Feb 26 -",
            ),
            (
                "WASHINGTON, April 17 (Reuters) - The U.S.",
                "WASHINGTON, April 17 (Reuters) -",
            ),
            ("SEOUL (AP) — North Korea", "SEOUL (AP) —"),
            ("Seoul (AFP) - North Korea", "Seoul (AFP) -"),
            ("LONDON — Britain", "LONDON —"),
            (
                "CAMBRIDGE, Mass., March 23 - Lotus",
                "CAMBRIDGE, Mass., March 23 -",
            ),
            ("McALLEN, Texas, Oct 19 - The", "McALLEN, Texas, Oct 19 -"),
        ] {
            let n = wire_dateline(piece).unwrap_or_else(|| panic!("{piece}"));
            assert_eq!(&piece[..n], dateline);
        }
        for piece in [
            "The U.S. - and North Korea - met.",
            "Kim Jong Un - the leader - spoke.",
            "NATO - the alliance, that is - said.",
            "US - North Korea talks",
        ] {
            assert_eq!(wire_dateline(piece), None, "{piece}");
        }
    }

    #[test]
    fn bylines_and_tags() {
        for line in [
            "By Jane Doe and John Roe, CNN",
            "By JANE DOE",
            "By Jane Doe | Updated 3:41 PM ET, Sat April 7, 2018",
            "(Reporting by Hyonhee Shin; Editing by Ed Davies)",
            "Posted by jane",
        ] {
            assert!(is_byline(line), "{line}");
        }
        for line in [
            "By the end of the year, talks had stalled.",
            "By Monday",
            "Bylines matter",
        ] {
            assert!(!is_byline(line), "{line}");
        }
        for (line, at_end) in [
            ("Reuter", false),
            ("REUTER", false),
            ("– Guardian", false),
            ("(AP)", false),
            ("With AFP", false),
            ("Reuters", true),
        ] {
            assert!(is_source_tag(line, at_end), "{line}");
        }
        assert!(!is_source_tag("Reuters", false));
        assert!(!is_source_tag("- the end", true));
        let p = "the end of the process.” – Guardian";
        assert_eq!(&p[source_tag_suffix(p).unwrap()..], "– Guardian");
    }
}
