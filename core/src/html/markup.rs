//! What an element's names say it is: `class="share-buttons"`, `id="comments"`,
//! `role="navigation"`, `itemprop="articleBody"`, and the element's own name (`<nav>`).
//!
//! The words are data (`markup.txt`); this file cuts names into words and picks one
//! [`Hint`] for an element.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::dom::Element;
use crate::article::Reason;
use crate::shared::FnvBuild;

/// What an element's markup says it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Hint {
    /// The article's text.
    Content,
    Navigation,
    Footer,
    Sidebar,
    Related,
    ReadMore,
    Share,
    Comments,
    Ad,
    Newsletter,
    Subscribe,
    Cookie,
    Tags,
    Byline,
    AuthorBox,
    Date,
    Caption,
    Credit,
    Dek,
    Kicker,
    Title,
    Hidden,
    Ui,
}

impl Hint {
    const NAMES: [(&'static str, Hint); 23] = [
        ("content", Hint::Content),
        ("navigation", Hint::Navigation),
        ("footer", Hint::Footer),
        ("sidebar", Hint::Sidebar),
        ("related", Hint::Related),
        ("read_more", Hint::ReadMore),
        ("share", Hint::Share),
        ("comments", Hint::Comments),
        ("ad", Hint::Ad),
        ("newsletter", Hint::Newsletter),
        ("subscribe", Hint::Subscribe),
        ("cookie", Hint::Cookie),
        ("tags", Hint::Tags),
        ("byline", Hint::Byline),
        ("author_box", Hint::AuthorBox),
        ("date", Hint::Date),
        ("caption", Hint::Caption),
        ("credit", Hint::Credit),
        ("dek", Hint::Dek),
        ("kicker", Hint::Kicker),
        ("title", Hint::Title),
        ("hidden", Hint::Hidden),
        ("ui", Hint::Ui),
    ];

    fn from_name(name: &str) -> Option<Hint> {
        Hint::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, h)| h)
    }

    /// For page furniture: the reason a block inside it is set aside.
    pub(crate) fn reason(self) -> Option<Reason> {
        Some(match self {
            Hint::Navigation | Hint::Footer => Reason::Navigation,
            Hint::Sidebar | Hint::AuthorBox => Reason::Outside,
            Hint::Related => Reason::Related,
            Hint::ReadMore => Reason::ReadMore,
            Hint::Share => Reason::Share,
            Hint::Comments => Reason::Comments,
            Hint::Ad => Reason::Ad,
            Hint::Newsletter => Reason::Newsletter,
            Hint::Subscribe => Reason::Subscribe,
            Hint::Cookie => Reason::Cookie,
            Hint::Tags => Reason::Tags,
            Hint::Hidden | Hint::Ui => Reason::Ui,
            _ => return None,
        })
    }

    /// Whether the hint names a part of an article's header or of its figures.
    pub(crate) fn is_part(self) -> bool {
        matches!(
            self,
            Hint::Byline
                | Hint::Date
                | Hint::Caption
                | Hint::Credit
                | Hint::Dek
                | Hint::Kicker
                | Hint::Title
        )
    }

    /// How strongly the hint outranks others on one element: furniture over the parts of an
    /// article over its content (`article-footer` is a footer, `entry-date` a date).
    fn rank(self) -> u8 {
        if self == Hint::Ui {
            // generic interface words (`button`, `icon`) yield to what the widget is for
            2
        } else if self.reason().is_some() {
            3
        } else if self.is_part() {
            1
        } else {
            0
        }
    }
}

/// The words of `markup.txt`.
struct Words {
    /// Entries of one or more words, joined by a space.
    words: HashMap<String, Hint, FnvBuild>,
    /// Entries that must be the whole name.
    whole: HashMap<String, Hint, FnvBuild>,
    /// The most words an entry has.
    longest: usize,
    errors: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words::parse(include_str!("markup.txt")));

impl Words {
    fn parse(data: &str) -> Words {
        let mut w = Words {
            words: HashMap::default(),
            whole: HashMap::default(),
            longest: 1,
            errors: Vec::new(),
        };
        let mut hint = None;
        for (n, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line
                .strip_prefix("[hint ")
                .and_then(|l| l.strip_suffix(']'))
            {
                hint = Hint::from_name(name);
                if hint.is_none() {
                    w.errors
                        .push(format!("markup.txt line {}: no hint {name:?}", n + 1));
                }
                continue;
            }
            let Some(h) = hint else {
                w.errors.push(format!(
                    "markup.txt line {}: an entry before any [hint]",
                    n + 1
                ));
                continue;
            };
            let (map, entry) = match line.strip_prefix('=') {
                Some(e) => (&mut w.whole, e),
                None => (&mut w.words, line),
            };
            let key = words(entry).join(" ");
            w.longest = w.longest.max(key.split(' ').count());
            if let Some(old) = map.insert(key, h)
                && old != h
            {
                w.errors.push(format!(
                    "markup.txt line {}: {line:?} is already a {old:?} entry",
                    n + 1
                ));
            }
        }
        w
    }
}

/// `name` cut into lower-case words at punctuation, digits and lower-to-upper changes.
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_alphabetic() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase();
            cur.extend(c.to_lowercase());
        } else {
            prev_lower = false;
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The hint of one name (`share-buttons`), when its words say one.
pub(crate) fn name_hint(name: &str) -> Option<Hint> {
    let lex = &*WORDS;
    let ws = words(name);
    if ws.is_empty() || ws.len() > 12 {
        return None;
    }
    let mut best: Option<Hint> = lex.whole.get(&ws.join(" ")).copied();
    let mut i = 0;
    while i < ws.len() {
        let mut hit = None;
        for len in (1..=lex.longest.min(ws.len() - i)).rev() {
            if let Some(&h) = lex.words.get(&ws[i..i + len].join(" ")) {
                hit = Some((h, len));
                break;
            }
        }
        match hit {
            Some((h, len)) => {
                if best.is_none_or(|b| h.rank() >= b.rank()) {
                    best = Some(h);
                }
                i += len;
            }
            None => i += 1,
        }
    }
    best
}

/// WordPress and similar themes put the post's taxonomy on its container
/// (`class="post type-post category-sports tag-comments"`): those names say what the post is
/// filed under, not what the element is.
fn is_taxonomy(name: &str) -> bool {
    const PREFIXES: [&str; 8] = [
        "category-",
        "tag-",
        "format-",
        "status-",
        "type-",
        "post_tag-",
        "topic-",
        "section-",
    ];
    PREFIXES
        .iter()
        .any(|p| name.len() > p.len() && name.starts_with(p))
}

/// Hints of names already seen on the page: the same `class` value recurs hundreds of times.
#[derive(Default)]
pub(crate) struct HintCache {
    seen: HashMap<String, Option<Hint>, FnvBuild>,
}

impl HintCache {
    fn names(&mut self, value: &str) -> Option<Hint> {
        if let Some(&h) = self.seen.get(value) {
            return h;
        }
        let post = value
            .split_ascii_whitespace()
            .any(|n| n == "hentry" || n.starts_with("post-"))
            || value
                .split_ascii_whitespace()
                .any(|n| n.starts_with("type-"));
        let mut best: Option<Hint> = None;
        for name in value.split_ascii_whitespace() {
            if post && is_taxonomy(name) {
                continue;
            }
            if let Some(h) = name_hint(name)
                && best.is_none_or(|b| h.rank() > b.rank())
            {
                best = Some(h);
            }
        }
        self.seen.insert(value.to_owned(), best);
        best
    }

    /// Whether one of the names in `class` or `id` of `e` calls it the content, whatever
    /// the others say (`class="entry themeform share"`).
    pub(crate) fn named_content(&mut self, e: &Element) -> bool {
        [e.attr("class"), e.attr("id")]
            .into_iter()
            .flatten()
            .any(|v| {
                v.split_ascii_whitespace()
                    .any(|n| name_hint(n) == Some(Hint::Content))
            })
    }

    /// The hint of element `e`, from its name, `itemprop`, `role`, `class` and `id`.
    pub(crate) fn hint(&mut self, e: &Element) -> Option<Hint> {
        if let Some(prop) = e.attr("itemprop") {
            let h = match prop.trim() {
                "articleBody" | "reviewBody" | "text" => Some(Hint::Content),
                "author" | "creator" => Some(Hint::Byline),
                "datePublished" | "dateModified" | "dateCreated" => Some(Hint::Date),
                "headline" | "name" if e.name.starts_with('h') => Some(Hint::Title),
                "description" => Some(Hint::Dek),
                "caption" => Some(Hint::Caption),
                "comment" => Some(Hint::Comments),
                _ => None,
            };
            if h == Some(Hint::Content) {
                return h;
            }
            if h.is_some() {
                return h;
            }
        }
        let by_tag = match &*e.name {
            "nav" | "menu" => Some(Hint::Navigation),
            "footer" => Some(Hint::Footer),
            "aside" => Some(Hint::Sidebar),
            "button" => Some(Hint::Ui),
            "figcaption" => Some(Hint::Caption),
            "time" => Some(Hint::Date),
            "article" | "main" => Some(Hint::Content),
            _ => None,
        };
        let by_role = e.attr("role").and_then(|r| match r.trim() {
            "navigation" | "menu" | "menubar" | "tablist" => Some(Hint::Navigation),
            "contentinfo" => Some(Hint::Footer),
            "complementary" => Some(Hint::Sidebar),
            "search" | "dialog" | "alertdialog" | "button" | "toolbar" => Some(Hint::Ui),
            "main" | "article" => Some(Hint::Content),
            _ => None,
        });
        let by_class = e.attr("class").and_then(|c| self.names(c));
        let by_id = e.attr("id").and_then(|c| self.names(c));
        [by_tag, by_role, by_id, by_class]
            .into_iter()
            .flatten()
            .fold(None, |best: Option<Hint>, h| {
                if best.is_none_or(|b| h.rank() > b.rank()) {
                    Some(h)
                } else {
                    best
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_read_cleanly() {
        assert!(WORDS.errors.is_empty(), "{:?}", WORDS.errors);
    }

    #[test]
    fn names_are_cut_into_words() {
        assert_eq!(words("articleBody"), ["article", "body"]);
        assert_eq!(words("post-123_content"), ["post", "content"]);
        assert_eq!(words("SHARE.buttons"), ["share", "buttons"]);
    }

    #[test]
    fn hints_of_names() {
        let cases = [
            ("share-buttons", Some(Hint::Share)),
            ("article-body", Some(Hint::Content)),
            ("article-footer", Some(Hint::Footer)),
            ("related-article", Some(Hint::Related)),
            ("entry-date", Some(Hint::Date)),
            ("main-nav", Some(Hint::Navigation)),
            ("read-more-link", Some(Hint::ReadMore)),
            ("nav", Some(Hint::Navigation)),
            ("content", Some(Hint::Content)),
            ("contentWrapper", None),
            ("clearfix", None),
            ("teaser-text", Some(Hint::Dek)),
        ];
        for (name, want) in cases {
            assert_eq!(name_hint(name), want, "{name}");
        }
    }

    #[test]
    fn a_posts_taxonomy_classes_say_nothing() {
        let mut cache = HintCache::default();
        assert_eq!(
            cache.names("post-77 post type-post category-comments tag-share hentry"),
            Some(Hint::Content)
        );
        assert_eq!(cache.names("tag-cloud"), Some(Hint::Tags));
    }
}
