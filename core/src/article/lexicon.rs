//! What lines of news pages say about themselves: lexicons of page residue, photo credits,
//! bylines, wire datelines and source tags, and the tests that use them.
//!
//! Every test here looks at one line (or the start or end of one paragraph) by itself; the
//! classifier (`classify.rs`) adds what the neighbours and the place say.

use super::Reason;
use super::datetext;

/// Lines longer than this (in bytes) are never compared with the residue lexicons as a
/// whole: residue is short. (Prefix tests such as cookie notices and copyright lines
/// still apply.)
const SHORT_LINE: usize = 160;

/// A line reduced for lexicon lookups: lower case, single spaces, without the bullets,
/// arrows and colons that decorate interface text.
pub(crate) fn key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    let trimmed = out
        .trim_start_matches(is_decoration)
        .trim_end_matches(|c: char| is_decoration(c) || matches!(c, ':' | '.' | '!'));
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

/// Whole lines of page residue, by reason.
const EXACT: &[(Reason, &[&str])] = &[
    (
        Reason::Ui,
        &[
            "menu",
            "search",
            "close",
            "skip to content",
            "skip to main content",
            "skip to navigation",
            "skip to main navigation",
            "toggle navigation",
            "open menu",
            "close menu",
            "main menu",
            "navigation",
            "log in",
            "login",
            "sign in",
            "sign out",
            "log out",
            "register",
            "my account",
            "print",
            "print this page",
            "print article",
            "save",
            "saved",
            "save article",
            "save for later",
            "copy link",
            "link copied",
            "copied",
            "loading",
            "loading...",
            "back to top",
            "back to top of page",
            "show more",
            "show less",
            "see more",
            "see all",
            "view all",
            "expand",
            "collapse",
            "next",
            "previous",
            "prev",
            "next article",
            "previous article",
            "next story",
            "previous story",
            "gift this article",
            "gift article",
            "share gift article",
            "font size",
            "text size",
            "resize text",
            "zoom",
            "enlarge",
            "enlarge this image",
            "expand image",
            "hide caption",
            "toggle caption",
            "open image in gallery",
            "view gallery",
            "view image",
            "view larger",
            "image",
            "gallery",
            "photos",
            "download the app",
            "get the app",
            "open in app",
            "listen",
            "key events",
            "show key events only",
            "pinned post",
            "refresh",
            "live updates",
            "please enable javascript",
            "please turn on javascript",
            "translate",
            "feedback",
            "report an error",
            "report a correction",
            "corrections",
            "about the author",
            "about this article",
            "hide",
            "show",
            "top",
            "home",
            "advertise with us",
            "continue",
            "accept",
            "reject",
            "more-arrow",
            "scroll down",
            "scroll to top",
            "dark mode",
            "light mode",
        ],
    ),
    (
        Reason::Share,
        &[
            "share",
            "shares",
            "share this",
            "share this article",
            "share this story",
            "share this page",
            "share article",
            "share story",
            "share page",
            "share on facebook",
            "share on twitter",
            "share on x",
            "share on linkedin",
            "share on whatsapp",
            "share via email",
            "share via e-mail",
            "share by email",
            "email this article",
            "email this story",
            "tweet",
            "tweet this",
            "pin it",
            "follow",
            "follow us",
            "follow us on twitter",
            "follow us on facebook",
            "follow us on instagram",
            "connect with us",
            "share full article",
            "share to facebook",
            "share to twitter",
            "post",
            "repost",
            "send",
        ],
    ),
    (
        Reason::Related,
        &[
            "related",
            "related articles",
            "related stories",
            "related content",
            "related coverage",
            "related news",
            "related links",
            "related topics",
            "related reading",
            "you may also like",
            "you might also like",
            "you may be interested in",
            "you might be interested in",
            "recommended",
            "recommended for you",
            "recommended stories",
            "recommended reading",
            "most read",
            "most popular",
            "most viewed",
            "most shared",
            "most watched",
            "trending",
            "trending now",
            "trending stories",
            "top stories",
            "latest news",
            "latest stories",
            "more stories",
            "more news",
            "more on this story",
            "more on this topic",
            "in other news",
            "see also",
            "also read",
            "also on",
            "don't miss",
            "dont miss",
            "editor's picks",
            "editors' picks",
            "editors picks",
            "what to read next",
            "more from",
            "around the web",
            "from around the web",
            "popular now",
            "further reading",
            "read next",
            "read this next",
            "up next",
            "next up",
            "more in this series",
            "in this series",
            "more coverage",
            "explore more",
        ],
    ),
    (
        Reason::ReadMore,
        &[
            "read more",
            "read more here",
            "continue reading",
            "continue reading the main story",
            "keep reading",
            "read the full story",
            "read the full article",
            "read full article",
            "read full story",
            "full story",
            "read on",
            "read the rest",
            "click here",
            "click here to read more",
            "learn more",
            "find out more",
            "more details",
            "read the story",
            "read article",
            "read story",
            "read the latest",
        ],
    ),
    (
        Reason::Video,
        &[
            "now watching",
            "now playing",
            "watch",
            "watch now",
            "watch live",
            "watch video",
            "watch the video",
            "play video",
            "play",
            "pause",
            "replay",
            "video",
            "videos",
            "live video",
            "watch more",
            "more videos",
            "listen to this article",
            "listen to this story",
            "listen to article",
            "listen to the story",
            "audio",
            "podcast",
            "play audio",
            "media playback is unsupported on your device",
            "mute",
            "unmute",
            "fullscreen",
            "full screen",
            "autoplay",
            "video ad feedback",
            "source: cnn",
            "up next video",
        ],
    ),
    (
        Reason::Newsletter,
        &[
            "newsletter",
            "newsletters",
            "sign up",
            "sign up now",
            "sign up here",
            "subscribe to our newsletter",
            "get our newsletter",
            "enter your email",
            "enter your email address",
            "your email address",
            "email address",
            "thanks for signing up",
            "thank you for signing up",
            "join our mailing list",
            "sign up for our newsletter",
            "sign up to our newsletter",
        ],
    ),
    (
        Reason::Subscribe,
        &[
            "subscribe",
            "subscribe now",
            "subscribe today",
            "subscribe to read",
            "subscribers only",
            "subscriber only",
            "subscriber exclusive",
            "already a subscriber",
            "already a subscriber? log in",
            "become a member",
            "support our journalism",
            "support us",
            "donate",
            "donate now",
            "start your free trial",
            "start free trial",
            "unlock this article",
            "this article is for subscribers",
            "this content is for subscribers only",
            "premium",
            "exclusive to subscribers",
            "log in to continue",
            "create a free account",
            "register for free",
        ],
    ),
    (
        Reason::Ad,
        &[
            "advertisement",
            "advertising",
            "ad",
            "ads",
            "sponsored",
            "sponsored content",
            "sponsored by",
            "sponsored links",
            "sponsored stories",
            "paid content",
            "paid post",
            "paid partnership",
            "partner content",
            "promoted",
            "promoted content",
            "promoted stories",
            "story continues below advertisement",
            "article continues below advertisement",
            "article continues below",
            "story continues below",
            "continue reading below",
            "continues below",
            "scroll to continue with content",
            "advertisement - scroll to continue",
            "ad feedback",
            "remove ads",
            "ad-free",
            "skip ad",
            "skip advertisement",
            "advertisement: scroll to continue",
            "this advertisement has not loaded yet",
        ],
    ),
    (
        Reason::Comments,
        &[
            "comments",
            "comment",
            "leave a comment",
            "add a comment",
            "post a comment",
            "write a comment",
            "view comments",
            "show comments",
            "hide comments",
            "see comments",
            "read comments",
            "join the conversation",
            "join the discussion",
            "reply",
            "replies",
            "be the first to comment",
            "comments are closed",
            "comments closed",
            "no comments",
            "0 comments",
            "have your say",
            "comments have been disabled for this article",
        ],
    ),
    (
        Reason::Navigation,
        &[
            "privacy policy",
            "privacy",
            "privacy notice",
            "terms of service",
            "terms of use",
            "terms and conditions",
            "terms & conditions",
            "contact us",
            "about us",
            "careers",
            "site map",
            "sitemap",
            "help",
            "faq",
            "accessibility",
            "accessibility statement",
            "cookie policy",
            "cookies",
            "cookie settings",
            "manage cookies",
            "do not sell my personal information",
            "your privacy choices",
            "ad choices",
            "adchoices",
            "rss",
            "rss feed",
            "all topics",
            "sections",
            "top of page",
        ],
    ),
    (
        Reason::Tags,
        &[
            "filed under",
            "topics",
            "tags",
            "tagged",
            "tagged with",
            "more about",
            "categories",
        ],
    ),
    (
        Reason::WireMarker,
        &[
            "more", "(more)", "-more-", "- more -", "-- more", "--", "###", "-30-", "- 30 -",
            "ends", "(ends)", "end", "(end)", "-end-", "--end--", "...",
        ],
    ),
];

/// Line openings of residue that may go on for a while (`READ MORE: Trump's ...`,
/// `Sign up for our morning newsletter to ...`), with the most words such a line has.
const PREFIXES: &[(Reason, &str, usize)] = &[
    (Reason::ReadMore, "read more:", 25),
    (Reason::ReadMore, "read more about", 25),
    (Reason::ReadMore, "click here to", 30),
    (Reason::ReadMore, "continue reading", 20),
    (Reason::ReadMore, "read the full", 25),
    (Reason::Related, "related:", 25),
    (Reason::Related, "see also:", 25),
    (Reason::Related, "also read:", 25),
    (Reason::Related, "read also:", 25),
    (Reason::Related, "more from ", 6),
    (Reason::Related, "more on ", 6),
    (Reason::Related, "more stories from", 10),
    (Reason::Related, "more:", 25),
    (Reason::Related, "read next:", 25),
    (Reason::Related, "don't miss:", 25),
    (Reason::Related, "related coverage:", 25),
    (Reason::Video, "watch:", 25),
    (Reason::Video, "watch live:", 25),
    (Reason::Video, "video:", 25),
    (Reason::Video, "now playing:", 25),
    (Reason::Video, "listen:", 25),
    (Reason::Video, "duration", 4),
    (Reason::Newsletter, "sign up for", 45),
    (Reason::Newsletter, "sign up to", 45),
    (Reason::Newsletter, "subscribe to our", 45),
    (Reason::Newsletter, "get our ", 30),
    (Reason::Newsletter, "get the latest", 30),
    (Reason::Newsletter, "by signing up", 60),
    (Reason::Newsletter, "by subscribing", 60),
    (Reason::Newsletter, "by clicking sign up", 60),
    (Reason::Newsletter, "want the latest", 30),
    (Reason::Newsletter, "never miss a", 30),
    (Reason::Subscribe, "subscribe to ", 30),
    (Reason::Subscribe, "subscribe for ", 30),
    (Reason::Subscribe, "subscribe now", 30),
    (Reason::Subscribe, "to continue reading", 30),
    (Reason::Subscribe, "already a subscriber", 20),
    (Reason::Subscribe, "you have reached your", 40),
    (Reason::Subscribe, "you've reached your", 40),
    (Reason::Subscribe, "this article is for subscribers", 30),
    (Reason::Subscribe, "support independent journalism", 40),
    (Reason::Subscribe, "support our journalism", 40),
    (Reason::Subscribe, "if you value our journalism", 60),
    (Reason::Subscribe, "unlimited access", 30),
    (Reason::Ad, "advertisement", 8),
    (Reason::Ad, "sponsored by", 10),
    (Reason::Ad, "sponsored content", 10),
    (Reason::Cookie, "we use cookies", 80),
    (Reason::Cookie, "this site uses cookies", 80),
    (Reason::Cookie, "this website uses cookies", 80),
    (Reason::Cookie, "by using this site", 80),
    (Reason::Cookie, "by continuing to use", 80),
    (Reason::Cookie, "accept all cookies", 20),
    (Reason::Cookie, "accept cookies", 20),
    (Reason::Comments, "comments (", 3),
    (Reason::Tags, "filed under:", 20),
    (Reason::Tags, "topics:", 25),
    (Reason::Tags, "tags:", 25),
    (Reason::Tags, "tagged:", 25),
    (Reason::Tags, "more about:", 25),
    (Reason::Tags, "related topics:", 25),
    (Reason::Tags, "categories:", 25),
    (Reason::Share, "share this", 8),
    (Reason::Share, "share on ", 8),
    (Reason::Share, "follow us on", 12),
    (Reason::Share, "follow ", 4),
    (Reason::Share, "share via", 8),
    (Reason::Copyright, "copyright", 60),
    (Reason::Copyright, "©", 60),
    (Reason::Copyright, "(c) 19", 60),
    (Reason::Copyright, "(c) 20", 60),
    (Reason::Copyright, "this material may not be published", 40),
    (Reason::Copyright, "reproduction in whole or in part", 40),
    (Reason::Ui, "reading time", 6),
    (Reason::Ui, "listen to this", 12),
    (Reason::Ui, "please enable javascript", 30),
    (Reason::Ui, "please turn on javascript", 30),
    (Reason::Ui, "you need to enable javascript", 30),
    (Reason::Ui, "your browser does not support", 30),
];

/// Words of interface icons and buttons: a line made of nothing else
/// (`clock menu more-arrow no yes mobile`, `Facebook Twitter Email`) is residue.
const ICON_WORDS: &[&str] = &[
    "clock",
    "menu",
    "more-arrow",
    "arrow",
    "no",
    "yes",
    "mobile",
    "close",
    "search",
    "chevron",
    "chevron-down",
    "chevron-right",
    "chevron-left",
    "icon",
    "logo",
    "hamburger",
    "caret",
    "play",
    "pause",
    "share",
    "email",
    "e-mail",
    "mail",
    "print",
    "comment",
    "comments",
    "bookmark",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "instagram",
    "youtube",
    "tiktok",
    "telegram",
    "flipboard",
    "messenger",
    "snapchat",
    "threads",
    "bluesky",
    "mastodon",
    "link",
    "copy",
    "rss",
    "tumblr",
    "sms",
    "more",
    "less",
    "next",
    "prev",
    "previous",
    "expand",
    "collapse",
    "plus",
    "minus",
    "home",
    "user",
    "account",
    "profile",
    "video",
    "audio",
    "camera",
    "photo",
    "gallery",
    "external",
    "external-link",
    "info",
    "down",
    "up",
    "left",
    "right",
    "star",
    "heart",
    "like",
];

/// Share targets: a line of only these (and `share`) is a row of share buttons.
const SHARE_WORDS: &[&str] = &[
    "share",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "email",
    "e-mail",
    "mail",
    "messenger",
    "telegram",
    "flipboard",
    "copy",
    "link",
    "sms",
    "print",
    "tumblr",
    "bluesky",
    "threads",
];

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
    let k = key(line);
    if k.is_empty() {
        return None;
    }
    for (reason, lines) in EXACT {
        if lines.contains(&k.as_str()) {
            return Some(*reason);
        }
    }
    let words = k.split(' ').count();
    for &(reason, prefix, max_words) in PREFIXES {
        if k.starts_with(prefix) && words <= max_words {
            return Some(reason);
        }
    }
    if k.contains("all rights reserved") || k.contains("copyright ©") {
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
    if breadcrumbs(line) {
        return Some(Reason::Navigation);
    }
    None
}

/// A long line that is still residue: a cookie notice, a copyright or reuse notice, a
/// newsletter or subscription prompt.
fn long_notice(line: &str) -> Option<Reason> {
    if line.starts_with('©') {
        return Some(Reason::Copyright);
    }
    let head: String = line.chars().take(48).flat_map(char::to_lowercase).collect();
    let words = line.split_whitespace().count();
    for &(reason, prefix, max_words) in PREFIXES {
        if head.starts_with(prefix) && words <= max_words {
            return Some(reason);
        }
    }
    None
}

/// A row of icon labels or share buttons, three words or more.
fn word_row(k: &str) -> Option<Reason> {
    let words: Vec<&str> = k.split([' ', '|', '/']).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return None;
    }
    if words.iter().all(|w| SHARE_WORDS.contains(w)) {
        return Some(Reason::Share);
    }
    if words.len() >= 3 && words.iter().all(|w| ICON_WORDS.contains(w)) {
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

/// `Home > World > Asia`, `News | Politics | Europe`: three or more short items joined by
/// one kind of separator, with no sentence in them.
fn breadcrumbs(line: &str) -> bool {
    for sep in [" > ", " › ", " » ", " | ", " / ", " • ", " · "] {
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

/// Labels that introduce a photo credit: `Photograph: Jim Watson/AFP`,
/// `Image source, Getty Images`.
const CREDIT_LABELS: &[&str] = &[
    "photograph",
    "photographs",
    "photo",
    "photos",
    "photo credit",
    "photo credits",
    "photographer",
    "picture",
    "pictures",
    "pic",
    "image",
    "images",
    "image source",
    "image credit",
    "image credits",
    "illustration",
    "photo illustration",
    "photo-illustration",
    "illustration by",
    "photo by",
    "photos by",
    "photograph by",
    "picture by",
    "image by",
    "composite",
    "credit",
    "credits",
    "graphic",
    "graphics",
    "video credit",
    "footage",
];

/// Agencies and archives whose name alone, on its own line, is a photo credit.
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "getty",
    "afp via getty images",
    "shutterstock",
    "alamy",
    "alamy stock photo",
    "alamy live news",
    "epa",
    "epa-efe",
    "efe",
    "ap photo",
    "ap images",
    "pa",
    "pa wire",
    "pa images",
    "pa media",
    "pa archive",
    "istock",
    "istockphoto",
    "handout",
    "file photo",
    "sipa",
    "sipa usa",
    "anadolu",
    "anadolu agency",
    "nurphoto",
    "zuma",
    "zuma press",
    "rex",
    "rex features",
    "the washington post",
    "the new york times",
    "yonhap",
    "kcna",
    "xinhua",
    "tass",
    "corbis",
    "magnum",
    "universal images group",
    "bloomberg via getty images",
];

/// Agencies that also send stories: alone on a line they are a credit next to a caption
/// and a source tag at the end of an article.
pub(crate) const WIRE_AGENCIES: &[&str] = &[
    "reuters",
    "reuter",
    "ap",
    "the associated press",
    "associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "bloomberg",
    "dpa",
    "upi",
    "kyodo",
    "kyodo news",
    "ansa",
    "aap",
    "the canadian press",
    "cp",
    "pti",
    "ani",
    "ians",
    "interfax",
    "ria novosti",
    "anadolu",
    "bernama",
    "xinhua",
    "yonhap",
    "tass",
    "efe",
];

/// Outlets that sign off stories they wrote for others: `– Guardian`, `(AP)`.
const OUTLETS: &[&str] = &[
    "guardian",
    "the guardian",
    "observer",
    "the observer",
    "the independent",
    "independent",
    "the telegraph",
    "telegraph",
    "the times",
    "times",
    "new york times",
    "the new york times",
    "nyt",
    "washington post",
    "the washington post",
    "wsj",
    "the wall street journal",
    "wall street journal",
    "financial times",
    "ft",
    "bbc",
    "bbc news",
    "cnn",
    "npr",
    "abc news",
    "nbc news",
    "cbs news",
    "sky news",
    "al jazeera",
    "politico",
    "axios",
    "bloomberg news",
    "agencies",
    "news agencies",
    "wires",
    "wire services",
    "staff",
    "staff and agencies",
    "staff writers",
    "press association",
    "pa media",
    "the conversation",
    "irish times",
    "the irish times",
];

/// True when `s` names a wire agency or an outlet known to sign off stories.
pub(crate) fn is_outlet(s: &str) -> bool {
    let k = s.trim().trim_end_matches('.').to_ascii_lowercase();
    WIRE_AGENCIES.contains(&k.as_str()) || OUTLETS.contains(&k.as_str())
}

/// True for a photo credit on a line of its own: `Joe Raedle/Getty Images`,
/// `Photograph: Jim Watson/AFP/Getty Images`, `(AP Photo/Evan Vucci)`,
/// `Image source, Reuters`, `Getty Images`.
pub(crate) fn is_credit(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let inner = strip_parens(line);
    if let Some(rest) = labelled_credit(inner) {
        return rest.split_whitespace().count() <= 10 && starts_upper_or_digit(rest);
    }
    let lower = inner.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    if PHOTO_AGENCIES.contains(&lower) {
        return true;
    }
    for via in [
        " via getty images",
        "/getty images",
        " for getty images",
        "/shutterstock",
        "/alamy",
    ] {
        if lower.ends_with(via) && inner.split_whitespace().count() <= 10 {
            return true;
        }
    }
    slash_credit(inner)
}

/// The credit after a credit label (`Photograph: ` → the rest), if the line has one.
fn labelled_credit(line: &str) -> Option<&str> {
    let colon = line.find([':', ',']).filter(|&i| i <= 24)?;
    let label = line.get(..colon)?.trim().to_ascii_lowercase();
    if !CREDIT_LABELS.contains(&label.as_str()) {
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
        PHOTO_AGENCIES.contains(&p.as_str())
            || WIRE_AGENCIES.contains(&p.as_str())
            || OUTLETS.contains(&p.as_str())
            || p.split([' ', '-']).any(|w| CREDIT_WORDS.contains(&w))
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

/// Words that mark a part of a slash credit as the agency: `Jane Doe/Staff`,
/// `Kim Hong-Ji/Pool`, `Jim Watson/AFP via Getty Images`.
const CREDIT_WORDS: &[&str] = &[
    "getty",
    "images",
    "photo",
    "photos",
    "staff",
    "pool",
    "file",
    "handout",
    "contributor",
    "courtesy",
    "reuters",
    "ap",
    "afp",
    "epa",
    "epa-efe",
    "shutterstock",
    "alamy",
    "pa",
    "bloomberg",
    "corbis",
    "sipa",
    "zuma",
    "rex",
    "kcna",
    "yonhap",
    "xinhua",
    "tass",
];

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
    let floor = piece.len().saturating_sub(130);
    let mut candidates = Vec::new();
    for (i, c) in piece.char_indices().skip_while(|&(i, _)| i < floor) {
        let after = i + c.len_utf8();
        let boundary = match c {
            '.' | '!' | '?' | '”' | '"' | ')' | '’' => {
                piece.get(after..).is_some_and(|r| r.starts_with(' '))
            }
            _ => false,
        };
        if boundary {
            candidates.push(after + 1);
        }
        if c == '(' && i > 0 && piece.get(..i).is_some_and(|p| p.ends_with(' ')) {
            candidates.push(i);
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
        if head.split_whitespace().count() < 3 {
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
    let head: String = line.chars().take(24).flat_map(char::to_lowercase).collect();
    MARKS.iter().any(|m| head.starts_with(m))
        && (line.split_whitespace().count() >= 3 || line.starts_with('▲'))
}

/// Openings of contributor lines: `By ...`, `Reporting by ...`.
const BYLINE_OPENINGS: &[&str] = &[
    "additional reporting by ",
    "reporting by ",
    "reported by ",
    "writing by ",
    "written by ",
    "editing by ",
    "edited by ",
    "compiled by ",
    "words by ",
    "story by ",
    "text by ",
    "interview by ",
    "posted by ",
    "published by ",
    "author: ",
    "authors: ",
    "byline: ",
    "(reporting by ",
    "(additional reporting by ",
    "(writing by ",
    "(editing by ",
    "(compiled by ",
];

/// Newsroom roles that follow a name on an author line: `Laura Bicker, Seoul correspondent`.
const ROLES: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "producer",
    "journalist",
    "bureau chief",
    "staff writer",
    "senior writer",
    "news desk",
];

/// True for a byline: `By Jane Doe and John Roe, CNN`, `By JANE DOE | Updated ...`,
/// `Reporting by ...; Editing by ...`, `Posted by jane`.
pub(crate) fn is_byline(line: &str) -> bool {
    if line.len() > 400 {
        return false;
    }
    let lower_head: String = line.chars().take(28).flat_map(char::to_lowercase).collect();
    if BYLINE_OPENINGS.iter().any(|o| lower_head.starts_with(o)) {
        return line.starts_with(|c: char| c.is_uppercase() || c == '(')
            && line.split_whitespace().count() <= 45;
    }
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
        .or_else(|| line.strip_prefix("by "))
    else {
        return false;
    };
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
        && !words
            .first()
            .is_some_and(|w| FUNCTION_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Capitalized words that begin sentences, not names: "By The end of ..." is no byline.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "then",
    "now",
    "late",
    "early",
    "mid",
    "next",
    "last",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "contrast",
    "comparison",
    "law",
    "far",
    "then,",
];

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
        && ROLES.iter().any(|r| {
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
    let function_word = words
        .first()
        .is_some_and(|w| FUNCTION_WORDS.contains(&w.to_ascii_lowercase().as_str()));
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
    if let Some(rest) = ["source:", "sources:", "with ", "via ", "from "]
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
    let tail_start = piece.len().saturating_sub(48);
    let tail = piece
        .get(tail_start..)
        .or_else(|| piece.get(piece.len().saturating_sub(60)..))?;
    for dash in [" – ", " — ", " - ", " -- ", " ― "] {
        if let Some(at) = tail.rfind(dash) {
            let start = tail_start + at;
            let head = piece.get(..start)?.trim_end();
            let tag = piece.get(start..)?.trim();
            if head.ends_with(['.', '!', '?', '”', '"', '’', ')'])
                && head.split_whitespace().count() >= 4
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
            && head.split_whitespace().count() >= 4
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
    if !head.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
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
    // "WASHINGTON, March 12, Reuter -": the agency after a comma.
    let (head, agency) = match head.rsplit_once(',') {
        Some((h, name)) if !agency && is_outlet(name) => (h.trim_end(), true),
        _ => (head, agency),
    };
    let (places, dated) = strip_date(head);
    let places: Vec<&str> = places.split(',').map(str::trim).collect();
    let place = *places.first()?;
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
