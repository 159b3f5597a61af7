//! Reads a page's metadata: JSON-LD, `<meta>` tags, microdata, `<title>`, `<html lang>`,
//! the canonical link and the date in the URL.

use serde_json::Value;

use super::dom::{Data, Dom, NodeId};
use crate::article::{Found, PageMeta};

/// The page's metadata, and the titles it offers (best first), for finding the title block.
pub(crate) struct Meta {
    pub(crate) page: PageMeta,
    /// Titles to look for in the page: the metadata's headline, `og:title`, `<title>` without
    /// the site's name, the whole `<title>`.
    pub(crate) titles: Vec<String>,
}

/// Collapses white space.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn set(slot: &mut Option<Found<String>>, value: &str, from: &str) {
    let v = squash(value);
    if slot.is_none() && !v.is_empty() && v.len() < 2000 {
        *slot = Some(Found::new(v, from));
    }
}

fn add_author(page: &mut PageMeta, name: &str, from: &str) {
    let name = squash(name);
    let name = match name.split_once(' ') {
        Some((first, rest)) if crate::article::lexicon::is_byline_word(first) => rest,
        _ => &name,
    }
    .trim();
    if name.is_empty()
        || name.len() > 100
        || name.starts_with("http")
        || page.authors.iter().any(|a| a.value == name)
    {
        return;
    }
    page.authors.push(Found::new(name.to_owned(), from));
}

/// Reads the metadata of `dom`, whose page is at `url` when known.
pub(crate) fn read(dom: &Dom, url: Option<&str>) -> Meta {
    let mut page = PageMeta::default();
    let mut title_tag = None;
    let mut og_title = None;
    // JSON-LD first: the most deliberate metadata a page has.
    for id in dom.descendants(super::dom::DOCUMENT) {
        let Some(e) = dom.element(id) else { continue };
        if &*e.name == "script"
            && e.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            let text = dom.text_of(id);
            if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
                json_ld(&mut page, &v, 0);
            }
        }
    }
    let authors_from_ld = !page.authors.is_empty();
    for id in dom.descendants(super::dom::DOCUMENT) {
        let Some(e) = dom.element(id) else { continue };
        match &*e.name {
            "title" if title_tag.is_none() => title_tag = Some(squash(&dom.text_of(id))),
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"))
                    .map(|k| k.trim().to_ascii_lowercase());
                let (Some(key), Some(content)) = (key, e.attr("content")) else {
                    if let (Some(equiv), Some(content)) = (e.attr("http-equiv"), e.attr("content"))
                        && equiv.eq_ignore_ascii_case("content-language")
                    {
                        set(&mut page.language, content, "meta content-language");
                    }
                    continue;
                };
                meta_tag(&mut page, &key, content, &mut og_title, authors_from_ld);
            }
            "link" => {
                if e.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(href) = e.attr("href")
                {
                    set(&mut page.url, href, "link canonical");
                }
            }
            "html" => {
                if let Some(lang) = e.attr("lang").or_else(|| e.attr("xml:lang")) {
                    set(&mut page.language, lang, "html lang");
                }
            }
            _ => {}
        }
        if let Some(prop) = e.attr("itemprop") {
            microdata(dom, id, prop.trim(), &mut page);
        }
    }
    if page.published.is_none()
        && let Some(d) = url
            .or(page.url.as_ref().map(|u| u.value.as_str()))
            .and_then(url_date)
    {
        page.published = Some(Found::new(d, "url"));
    }
    if page.title.is_none()
        && let Some(t) = &og_title
    {
        set(&mut page.title, t, "meta og:title");
    }
    let mut titles = Vec::new();
    if let Some(t) = &page.title {
        titles.push(t.value.clone());
    }
    if let Some(t) = og_title {
        titles.push(squash(&t));
    }
    if let Some(t) = &title_tag {
        let stripped = strip_site_name(t, page.site_name.as_ref().map(|s| s.value.as_str()));
        if page.title.is_none() && !stripped.is_empty() {
            page.title = Some(Found::new(stripped.to_owned(), "title"));
        }
        titles.push(stripped.to_owned());
        titles.push(t.clone());
    }
    titles.retain(|t| !t.is_empty());
    titles.dedup();
    if page.site_name.is_none()
        && let Some(t) = &title_tag
        && let Some(site) = site_part(t)
    {
        page.site_name = Some(Found::new(site.to_owned(), "title"));
    }
    Meta { page, titles }
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Review",
    "Blog",
];

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn json_ld(page: &mut PageMeta, v: &Value, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(items) => {
            for item in items {
                json_ld(page, item, depth + 1);
            }
        }
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                json_ld(page, graph, depth + 1);
            }
            let ty = types(v);
            if ty.iter().any(|t| ARTICLE_TYPES.contains(t)) {
                let from = "json-ld";
                if let Some(t) = map.get("headline").and_then(Value::as_str) {
                    set(&mut page.title, t, from);
                }
                if let Some(t) = map.get("description").and_then(Value::as_str) {
                    set(&mut page.description, t, from);
                }
                if let Some(t) = map.get("datePublished").and_then(Value::as_str) {
                    set(&mut page.published, t, from);
                }
                if let Some(t) = map.get("dateModified").and_then(Value::as_str) {
                    set(&mut page.modified, t, from);
                }
                if let Some(t) = map.get("articleSection").and_then(first_str) {
                    set(&mut page.section, t, from);
                }
                if let Some(t) = map.get("inLanguage").and_then(first_str) {
                    set(&mut page.language, t, from);
                }
                if page.kind.is_none()
                    && let Some(t) = ty.first()
                {
                    page.kind = Some(Found::new((*t).to_owned(), from));
                }
                if let Some(a) = map.get("author") {
                    ld_authors(page, a);
                }
                if let Some(name) = map
                    .get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(Value::as_str)
                {
                    set(&mut page.site_name, name, from);
                }
                if let Some(img) = map.get("image") {
                    let url = match img {
                        Value::String(s) => Some(s.as_str()),
                        Value::Object(o) => o.get("url").and_then(Value::as_str),
                        Value::Array(a) => a.first().and_then(|i| {
                            i.as_str().or_else(|| i.get("url").and_then(Value::as_str))
                        }),
                        _ => None,
                    };
                    if let Some(u) = url {
                        set(&mut page.image, u, from);
                    }
                }
                if let Some(k) = map.get("keywords") {
                    match k {
                        Value::String(s) => page.keywords.extend(
                            s.split(',')
                                .map(str::trim)
                                .filter(|s| !s.is_empty())
                                .map(String::from),
                        ),
                        Value::Array(a) => page
                            .keywords
                            .extend(a.iter().filter_map(Value::as_str).map(String::from)),
                        _ => {}
                    }
                }
            } else if ty.contains(&"WebSite") || ty.contains(&"Organization") {
                if ty.contains(&"WebSite")
                    && let Some(name) = map.get("name").and_then(Value::as_str)
                {
                    set(&mut page.site_name, name, "json-ld WebSite");
                }
            } else if ty.contains(&"WebPage")
                && let Some(t) = map.get("datePublished").and_then(Value::as_str)
            {
                set(&mut page.published, t, "json-ld WebPage");
            }
            if let Some(main) = map
                .get("mainEntity")
                .or_else(|| map.get("mainEntityOfPage"))
                && main.is_object()
                && main.get("@type").is_some()
            {
                json_ld(page, main, depth + 1);
            }
        }
        _ => {}
    }
}

fn first_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(a) => a.first().and_then(Value::as_str),
        _ => None,
    }
}

fn ld_authors(page: &mut PageMeta, v: &Value) {
    match v {
        Value::String(s) => add_author(page, s, "json-ld"),
        Value::Object(o) => {
            if let Some(name) = o.get("name").and_then(Value::as_str) {
                add_author(page, name, "json-ld");
            }
        }
        Value::Array(a) => {
            for x in a.iter().take(20) {
                ld_authors(page, x);
            }
        }
        _ => {}
    }
}

fn meta_tag(
    page: &mut PageMeta,
    key: &str,
    content: &str,
    og_title: &mut Option<String>,
    authors_from_ld: bool,
) {
    let from = format!("meta {key}");
    match key {
        "og:title" | "twitter:title" | "dc.title" | "sailthru.title" | "parsely-title"
            if og_title.is_none() && !content.trim().is_empty() =>
        {
            *og_title = Some(content.to_owned());
        }
        "og:description" | "description" | "twitter:description" | "dc.description" => {
            set(&mut page.description, content, &from)
        }
        "og:site_name" | "application-name" | "publisher" | "dc.publisher" => {
            // a WebSite's name in JSON-LD is often the short brand; the site's own tag wins
            if page
                .site_name
                .as_ref()
                .is_some_and(|s| s.from == "json-ld WebSite")
            {
                page.site_name = None;
            }
            set(&mut page.site_name, content, &from)
        }
        "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author"
        | "parsely-author" | "citation_author" | "dcterms.creator"
            if !authors_from_ld && !content.starts_with("http") =>
        {
            for name in content.split([';', '|']) {
                add_author(page, name, &from);
            }
        }
        "article:published_time"
        | "og:article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "dcterms.date"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "og:published_time"
        | "citation_publication_date"
        | "release_date"
        | "original-publish-date" => set(&mut page.published, content, &from),
        "article:modified_time"
        | "og:updated_time"
        | "datemodified"
        | "dcterms.modified"
        | "last-modified" => set(&mut page.modified, content, &from),
        "og:locale" | "content-language" | "dc.language" => set(&mut page.language, content, &from),
        "og:url" => set(&mut page.url, content, &from),
        "og:image" | "twitter:image" => set(&mut page.image, content, &from),
        "article:section" | "section" => set(&mut page.section, content, &from),
        "og:type" => set(&mut page.kind, content, &from),
        "keywords" | "news_keywords" | "article:tag" => page.keywords.extend(
            content
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty() && s.len() < 100)
                .map(String::from),
        ),
        _ => {}
    }
}

fn microdata(dom: &Dom, id: NodeId, prop: &str, page: &mut PageMeta) {
    let Some(e) = dom.element(id) else { return };
    let value = || {
        e.attr("content")
            .or_else(|| e.attr("datetime"))
            .map(str::to_owned)
            .unwrap_or_else(|| squash(&dom.text_of(id)))
    };
    match prop {
        "datePublished" => set(&mut page.published, &value(), "microdata"),
        "dateModified" => set(&mut page.modified, &value(), "microdata"),
        "headline" => set(&mut page.title, &value(), "microdata"),
        "author" | "creator" if page.authors.is_empty() => {
            // <span itemprop="author" itemscope><span itemprop="name">...</span></span>
            let name = dom
                .descendants(id)
                .find(|&d| dom.element(d).and_then(|x| x.attr("itemprop")) == Some("name"))
                .map(|d| {
                    dom.element(d)
                        .and_then(|e| e.attr("content"))
                        .map(str::to_owned)
                        .unwrap_or_else(|| squash(&dom.text_of(d)))
                })
                .unwrap_or_else(value);
            add_author(page, &name, "microdata");
        }
        _ => {}
    }
    if prop == "datePublished" && page.published.is_none() {
        // <time itemprop="datePublished">...</time> with the date only in its text
        if let Some(Data::Text(t)) = dom.children(id).next().map(|c| &dom.node(c).data) {
            set(&mut page.published, t, "microdata");
        }
    }
}

/// `News story title | The Site` -> `News story title`.
fn strip_site_name<'a>(title: &'a str, site: Option<&str>) -> &'a str {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " « ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_short = tail.split_whitespace().count() <= 5;
            let named = site.is_some_and(|s| {
                tail.eq_ignore_ascii_case(s) || tail.to_lowercase().contains(&s.to_lowercase())
            });
            if (named || tail_short) && head.split_whitespace().count() >= 2 {
                return strip_site_name(head.trim(), site);
            }
        }
    }
    title.trim()
}

fn site_part(title: &str) -> Option<&str> {
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some((_, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            if !tail.is_empty() && tail.split_whitespace().count() <= 4 {
                return Some(tail);
            }
        }
    }
    None
}

/// The date in a URL: `/2019/05/12/`, `/2019-05-12/`, `/20190512/`.
pub(crate) fn url_date(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let valid = |y: u32, m: u32, d: u32| {
        (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    };
    for i in 0..b.len() {
        if b[i] != b'/' {
            continue;
        }
        let rest = &b[i + 1..];
        // yyyy/mm/dd or yyyy-mm-dd
        if rest.len() >= 10
            && digits(&rest[..4])
            && matches!(rest[4], b'/' | b'-')
            && digits(&rest[5..7])
            && rest[7] == rest[4]
            && digits(&rest[8..10])
            && rest.get(10).is_none_or(|c| !c.is_ascii_digit())
        {
            let s = std::str::from_utf8(&rest[..10]).ok()?;
            let (y, m, d) = (
                s[..4].parse().ok()?,
                s[5..7].parse().ok()?,
                s[8..10].parse().ok()?,
            );
            if valid(y, m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        // yyyymmdd between separators
        if rest.len() >= 8 && digits(&rest[..8]) && rest.get(8).is_none_or(|c| !c.is_ascii_digit())
        {
            let s = std::str::from_utf8(&rest[..8]).ok()?;
            let (y, m, d) = (
                s[..4].parse().ok()?,
                s[4..6].parse().ok()?,
                s[6..8].parse().ok()?,
            );
            if valid(y, m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::dom;
    use super::*;

    #[test]
    fn reads_json_ld_and_meta_tags() {
        let html = r#"<html lang="de"><head><title>Big news today | The Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta name="author" content="Ann Smith">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Daily"},
              {"@type":"NewsArticle","headline":"Big news today","datePublished":"2020-03-04T10:00:00+01:00",
               "author":[{"@type":"Person","name":"Bo Li"},{"name":"Cy Ng"}]}]}</script>
            </head><body></body></html>"#;
        let m = read(&dom::parse(html), None);
        let p = &m.page;
        assert_eq!(p.title.as_ref().unwrap().value, "Big news today");
        assert_eq!(
            p.published.as_ref().unwrap().value,
            "2020-03-04T10:00:00+01:00"
        );
        let authors: Vec<&str> = p.authors.iter().map(|a| a.value.as_str()).collect();
        assert_eq!(authors, ["Bo Li", "Cy Ng"]);
        assert_eq!(p.site_name.as_ref().unwrap().value, "The Daily");
        assert_eq!(p.language.as_ref().unwrap().value, "de");
        assert_eq!(m.titles[0], "Big news today");
    }

    #[test]
    fn titles_lose_the_site_name() {
        assert_eq!(
            strip_site_name("A story about things | Site", None),
            "A story about things"
        );
        assert_eq!(strip_site_name("A - B", None), "A - B");
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            url_date("https://x.com/2019/05/12/story"),
            Some("2019-05-12".into())
        );
        assert_eq!(
            url_date("https://x.com/news/20190512/a"),
            Some("2019-05-12".into())
        );
        assert_eq!(url_date("https://x.com/2019/99/12/a"), None);
        assert_eq!(url_date("https://x.com/a/1234567890"), None);
    }
}
