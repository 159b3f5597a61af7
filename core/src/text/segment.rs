//! Segmentation of text into paragraphs, sentences and words, each with its byte span.

use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// One line of the input: its full span (without the line terminator), the span of its
/// content without surrounding whitespace, and its width in characters.
#[derive(Clone, Copy, Debug)]
struct Line {
    content: Span,
    /// Leading whitespace, in characters (a tab counts as four).
    indent: usize,
    /// Characters from the start of the line to the end of the content.
    width: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// Splits `text` into lines on `\n`, `\r\n` and a lone `\r`.
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = text.bytes().enumerate().peekable();
    while let Some((i, b)) = bytes.next() {
        if b == b'\n' || b == b'\r' {
            out.push(measure(text, Span::new(start, i)));
            start = i + 1;
            // "\r\n" is one terminator.
            if b == b'\r' && bytes.next_if(|&(_, next)| next == b'\n').is_some() {
                start += 1;
            }
        }
    }
    out.push(measure(text, Span::new(start, text.len())));
    out
}

fn measure(text: &str, line: Span) -> Line {
    let content = line.trim(text);
    let lead = Span::new(line.start, content.start).slice(text);
    let indent = lead.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    let width = indent + content.slice(text).chars().count();
    Line {
        content,
        indent,
        width,
    }
}

/// Splits scraped text into paragraphs, returning the span of each (trimmed of surrounding
/// whitespace), in order.
///
/// A blank line always ends a paragraph. Within a run of non-blank lines, each line is its
/// own paragraph (scraped pages put one paragraph, caption or heading per line) unless the
/// run is *hard-wrapped* prose, like wire copy or e-mail: then the lines are joined, and a
/// new paragraph starts at an indented line or after a short line that ends a sentence.
///
/// ```
/// use copydesk::text::paragraphs;
///
/// let text = "Title line\nFirst paragraph, on one line.\n\nSecond paragraph.";
/// let pieces: Vec<&str> = paragraphs(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(pieces, ["Title line", "First paragraph, on one line.", "Second paragraph."]);
///
/// // Wire copy wrapped at a fixed width, paragraphs indented:
/// let wire = "Showers continued throughout the week in\nthe Bahia cocoa zone, easing the drought.\n    The dry period means the temporao will be\nlate this year.";
/// assert_eq!(paragraphs(wire).len(), 2);
/// ```
pub fn paragraphs(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let mut out = Vec::new();
    for chunk in lines.split(Line::is_blank) {
        if chunk.is_empty() {
            continue;
        }
        // Wire copy indents the first line of each paragraph: each indented paragraph is
        // judged by itself, so a table in one does not keep the prose of the others apart.
        let base_indent = chunk.iter().map(|l| l.indent).min().unwrap_or(0);
        for group in chunk.chunk_by(|_, next| next.indent <= base_indent) {
            paragraphs_of_group(text, group, &mut out);
        }
    }
    out
}

/// The paragraphs of a run of lines of which only the first may be indented.
fn paragraphs_of_group(text: &str, group: &[Line], out: &mut Vec<Span>) {
    let Some(first) = group.first() else {
        return;
    };
    // An indented first line over flush lines is a paragraph of wrapped copy.
    let indented = group
        .get(1)
        .is_some_and(|second| first.indent > second.indent);
    if !is_wrapped(text, group, indented) {
        out.extend(group.iter().map(|l| l.content));
        return;
    }
    let width = group.iter().map(|l| l.width).max().unwrap_or(0);
    let mut current = first.content;
    for (prev, next) in pairs(group) {
        let short_end = ends_sentence(prev.content.slice(text)) && prev.width * 4 < width * 3;
        if short_end || starts_list_item(next.content.slice(text)) {
            out.push(current);
            current = next.content;
        } else {
            current = current.cover(next.content);
        }
    }
    out.push(current);
}

/// Decides whether a run of non-blank lines is prose wrapped at a fixed width.
///
/// The test is the signature of greedy line filling: where a line breaks in the middle of a
/// sentence, the next line's first word would not have fitted on it. One paragraph per line
/// (scraped pages, lists of headlines) breaks that rule; wire copy and e-mail keep it.
fn is_wrapped(text: &str, chunk: &[Line], indented: bool) -> bool {
    if chunk.len() < 2 {
        return false;
    }
    let width = chunk.iter().map(|l| l.width).max().unwrap_or(0);
    if !(40..=110).contains(&width) {
        return false;
    }
    let mut mid_sentence = 0;
    let mut greedy = 0;
    for (i, (prev, next)) in pairs(chunk).enumerate() {
        if ends_sentence(prev.content.slice(text)) {
            continue;
        }
        mid_sentence += 1;
        let next_word = next
            .content
            .slice(text)
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        // A wrapping program breaks a line where the next word would not fit, give or take
        // a tenth of the width (wire services hyphenate and reserve a margin). The first
        // line may be short because something was cut before it (a dateline).
        if prev.width + 1 + next_word + width / 10 > width || (i == 0 && chunk.len() > 2) {
            greedy += 1;
        }
    }
    if mid_sentence == 0 || greedy * 4 < mid_sentence * 3 {
        return false;
    }
    if let ([first, second], false) = (chunk, indented) {
        // Two lines are a title and a dek as often as one wrapped sentence: ask the break
        // itself for evidence that the sentence goes on.
        return continues(first.content.slice(text), second.content.slice(text));
    }
    true
}

/// Each line with the line after it.
fn pairs(chunk: &[Line]) -> impl Iterator<Item = (&Line, &Line)> {
    chunk.iter().zip(chunk.iter().skip(1))
}

/// True when the line break between `prev` and `next` falls inside a sentence.
fn continues(prev: &str, next: &str) -> bool {
    let next_starts_lower = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let prev_dangles = prev.ends_with([',', ';', ':', '-', '(', '&'])
        || prev
            .rsplit(' ')
            .next()
            .is_some_and(|w| CONNECTIVES.contains(&w.to_ascii_lowercase().as_str()));
    next_starts_lower || prev_dangles
}

const CONNECTIVES: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "that", "the", "to",
    "with",
];

fn starts_list_item(line: &str) -> bool {
    line.starts_with(['•', '*', '·', '▪']) || line.starts_with("- ")
}

/// True when `s` ends with sentence-final punctuation, possibly followed by closing quotes
/// or brackets.
fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(is_closing)
        .ends_with(['.', '!', '?', '…'])
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '’' | '”' | '»' | '›' | '\u{201F}' | '\u{201B}'
    )
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '‘' | '“' | '«' | '‹' | '„' | '‚'
    )
}

/// Splits `text` into sentences, returning the span of each (trimmed), in order.
///
/// The text is first split into [`paragraphs`]; a sentence never crosses a paragraph.
/// Within a paragraph the Unicode sentence boundaries of UAX #29 are corrected for news
/// English:
///
/// - no break after honorifics and titles (`Mr.`, `Dr.`, `Sen.`, `Gen.`), after `No.`,
///   a month abbreviation or `p.` before a number (`No. 2`, `Jan. 5`), or after `vs.`;
/// - no break after an initial, a dotted acronym or a company suffix (`George W. Bush`,
///   `U.S. officials`, `10 a.m. Tuesday`, `Apple Inc. shares`) unless the next word is one
///   that opens sentences (`The`, `He`, `But`...);
/// - no break before a lower-case word (`“Planned!” he said`), nor at a line wrap;
/// - a closing dialogue dash stays with its line (`— We have ... — Kim said.`);
/// - closing quotes and brackets stay with the sentence they close.
///
/// ```
/// use copydesk::text::sentences;
///
/// let text = "“Great progress,” Trump tweeted. Former U.S. Ambassador to the U.N. John \
///             Bolton starts Monday. Mr. Kim met George W. Bush in No. 2 Jan. 5 at 9 a.m. Tuesday.";
/// let found: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(found, [
///     "“Great progress,” Trump tweeted.",
///     "Former U.S. Ambassador to the U.N. John Bolton starts Monday.",
///     "Mr. Kim met George W. Bush in No. 2 Jan. 5 at 9 a.m. Tuesday.",
/// ]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for paragraph in paragraphs(text) {
        let piece = paragraph.slice(text);
        out.extend(
            sentences_in_paragraph(piece)
                .into_iter()
                .map(|s| s.shift(paragraph.start)),
        );
    }
    out
}

/// Sentence spans of one paragraph (relative to `text`).
pub(crate) fn sentences_in_paragraph(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (at, piece) in text.split_sentence_bound_indices() {
        let seg = Span::new(at, at + piece.len()).trim(text);
        if seg.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if joins(prev.slice(text), seg.slice(text)) => prev.end = seg.end,
            _ => out.push(seg),
        }
    }
    out
}

/// Decides whether UAX #29 broke a sentence where news English does not.
fn joins(prev: &str, next: &str) -> bool {
    // A break with no sentence-final punctuation is a line wrap or a stray boundary.
    if !ends_sentence(prev) {
        return true;
    }
    // Only punctuation left (a stray closing quote): it belongs to the sentence before.
    let Some(first) = next.chars().find(|c| c.is_alphanumeric()) else {
        return true;
    };
    if first.is_lowercase() {
        return true;
    }
    // A closing dialogue dash: "— We have gone as far as we can. — Kim said."
    if starts_with_dash(prev) && starts_with_dash(next) {
        return true;
    }
    // A quotation closed by `!` or `?` and then its attribution: "“Planned!” Trump added."
    if prev.ends_with(is_closing) && is_attribution(next) {
        return true;
    }
    let Some(word) = final_abbreviation(prev) else {
        return false;
    };
    let next_word = first_word(next);
    let starts_with_digit =
        first.is_ascii_digit() && next.starts_with(|c: char| c.is_ascii_digit());
    if HONORIFICS.contains(&word) || ALWAYS_JOIN.contains(&word) {
        return true;
    }
    if (BEFORE_NUMBER.contains(&word) || MONTHS.contains(&word)) && starts_with_digit {
        return true;
    }
    let ambiguous =
        is_initial(word) || word.contains('.') || SOFT.contains(&word) || MONTHS.contains(&word);
    ambiguous && !next.starts_with(is_opening) && !SENTENCE_STARTERS.contains(&next_word)
}

/// True for a short clause that attributes a quotation: "Trump added.", "the president
/// told reporters on Monday."
fn is_attribution(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() <= 8
        && words.iter().take(5).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            // The speech verbs live once, in the article lexicon.
            crate::article::lexicon::lex().speech_verbs.contains(w)
        })
}

fn starts_with_dash(s: &str) -> bool {
    s.starts_with(['—', '–', '―']) || s.starts_with("--")
}

/// The abbreviation `prev` ends with, without its final period: `Mr` for `... Mr.`,
/// `U.S` for `... the U.S.`. `None` when the last word does not end with a period.
fn final_abbreviation(prev: &str) -> Option<&str> {
    let last = prev.rsplit(char::is_whitespace).next()?;
    let last = last.trim_start_matches(|c: char| is_opening(c) || c == '(');
    let word = last.strip_suffix('.')?;
    if word.is_empty() || word.ends_with('.') {
        return None; // an ellipsis, not an abbreviation
    }
    Some(word)
}

fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(s.len());
    &s[..end]
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Titles that always precede a name.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov",
    "Govs", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Maj", "Brig",
    "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Atty", "Mme", "Mlle", "Msgr", "Fr", "Sr", "Sra",
    "Srta", "Sto", "St", "Ste", "Mt", "Ft", "Lieut", "Amb", "Sec", "Cdr",
];

/// Abbreviations that are never the end of a sentence in news copy.
const ALWAYS_JOIN: &[&str] = &[
    "vs", "v", "cf", "e.g", "i.e", "viz", "approx", "ca", "incl", "esp", "Vs", "Cf", "Approx",
];

/// Abbreviations that precede a number.
const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "Nr", "no", "Vol", "vol", "Art", "art", "Fig", "fig", "Figs", "Ch", "ch", "Sec",
    "sec", "Para", "para", "p", "pp", "Op", "op", "Pt", "pt", "Rm", "Ste", "Apt", "Ex",
];

/// Month abbreviations, as news style writes them before a day.
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Abbreviations that usually continue the sentence but may end it.
const SOFT: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Jr", "Bros", "Plc", "PLC", "Dept", "Univ", "Assn", "Ave", "Blvd",
    "Rd", "Hwy", "est", "al", "etc", "Ph.D", "Gov't", "Intl", "Natl", "Mass", "Calif", "Fla",
    "Ill", "Wash", "Ariz", "Conn", "Penn", "Tenn", "Ky", "Va", "Mich", "Minn", "Wis", "Colo",
    "Okla", "Ore", "Nev", "Ala", "Ark", "Miss", "Neb", "Kan", "Del",
];

/// Words that open sentences far more often than they follow an abbreviation inside one.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "It's",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "None",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];

/// Word tokens of `text` by the UAX #29 word boundaries, with their spans: the pieces that
/// contain at least one letter or digit (punctuation and spaces are skipped).
///
/// ```
/// use copydesk::text::words;
///
/// let text = "Kim Jong-un’s “letters”, 2018.";
/// let found: Vec<&str> = words(text).map(|(_, w)| w).collect();
/// assert_eq!(found, ["Kim", "Jong", "un’s", "letters", "2018"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = (Span, &str)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| (Span::new(i, i + w.len()), w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| s.slice(text).to_owned()).collect()
    }

    #[test]
    fn lines_handle_every_terminator() {
        let text = "a\r\nb\rc\n\nd";
        let got: Vec<&str> = lines(text).iter().map(|l| l.content.slice(text)).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
    }

    #[test]
    fn scraped_lines_are_paragraphs() {
        let text =
            "Now watching\nReuters, citing sources, writes that the discussions are dynamic.\n";
        assert_eq!(
            pieces(text, &paragraphs(text)),
            [
                "Now watching",
                "Reuters, citing sources, writes that the discussions are dynamic."
            ]
        );
    }

    #[test]
    fn title_and_dek_in_one_run_stay_apart() {
        let text = "CIA director had secret meeting with Kim Jong-un in North Korea\nMike Pompeo travelled to lay groundwork for talks with Donald Trump";
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn wire_copy_joins_wrapped_lines() {
        let text = "Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\nborrowing and investment activities of both companies.\n    BP North America is a subsidiary of British Petroleum Co\nPlc <BP>, which also owns a 55 pct interest in Standard Oil.\n Reuter";
        let got = pieces(text, &paragraphs(text));
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].starts_with("Standard Oil") && got[0].ends_with("companies."));
        assert_eq!(got[2], "Reuter");
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let text = "Direct contacts\n\nMr Trump also revealed it. It was big.";
        assert_eq!(
            pieces(text, &sentences(text)),
            [
                "Direct contacts",
                "Mr Trump also revealed it.",
                "It was big."
            ]
        );
    }

    #[test]
    fn soft_abbreviation_before_a_starter_ends_the_sentence() {
        let text = "He moved to the U.S. The move was a success.";
        assert_eq!(sentences(text).len(), 2);
    }
}
