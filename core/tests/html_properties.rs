//! Invariants of the HTML parser on arbitrary and page-like markup: no panic, spans slice
//! the article's text (the page's visible text), blocks in order without overlap, every
//! non-whitespace character in exactly one block, the same output for the same input, and
//! the visible text of the pages people have (the HTML development sets, when present) as a
//! browser copy gives it.

mod support;

use std::path::PathBuf;

use copydesk::html;
use proptest::prelude::*;

/// Markup built from the pieces news pages are made of, well and badly nested.
fn pagey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div>".to_owned()),
        Just("</div>".to_owned()),
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<a href='/x'>".to_owned()),
        Just("</a>".to_owned()),
        Just("<br>".to_owned()),
        Just("<br><br>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("<td>".to_owned()),
        Just("</table>".to_owned()),
        Just("<ul><li>".to_owned()),
        Just("<li>".to_owned()),
        Just("<h1>".to_owned()),
        Just("</h1>".to_owned()),
        Just("<h2 class='related-title'>".to_owned()),
        Just("<nav>".to_owned()),
        Just("</nav>".to_owned()),
        Just("<article class='post'>".to_owned()),
        Just("<div class='share-buttons'>".to_owned()),
        Just("<figure><figcaption>".to_owned()),
        Just("<script>var x = '<p>no</p>';</script>".to_owned()),
        Just("<style>p { color: red }</style>".to_owned()),
        Just("<span hidden>gone</span>".to_owned()),
        Just("<pre>  kept\n  as is </pre>".to_owned()),
        Just("<!-- a comment -->".to_owned()),
        Just("<title>Talks resume | Site</title>".to_owned()),
        Just("<meta property='article:published_time' content='2020-01-02'>".to_owned()),
        Just("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Talks resume\"}</script>".to_owned()),
        Just("Talks resume".to_owned()),
        Just("By Jane Doe".to_owned()),
        Just("The ministers met on Monday and agreed to talk again next month, officials said.".to_owned()),
        Just("“We will see,” she said.".to_owned()),
        Just("&amp; &nbsp; &#8222; &lt;b&gt;".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\t \n".to_owned()),
        Just("日本語の文章です。".to_owned()),
        "[a-zA-Z<>/=\"' ]{0,12}".prop_map(|s| s),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pages_keep_the_invariants(markup in pagey()) {
        let a = html::parse(&markup);
        prop_assert!(support::check_invariants(&a).is_ok(), "{:?}", support::check_invariants(&a));
        prop_assert_eq!(&html::parse(&markup), &a);
    }

    #[test]
    fn any_string_parses(markup in "\\PC{0,300}") {
        let a = html::parse(&markup);
        prop_assert!(support::check_invariants(&a).is_ok(), "{:?}", support::check_invariants(&a));
    }
}

fn data_dir() -> PathBuf {
    std::env::var_os("COPYDESK_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data")))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article's text is the page's visible text as `shared/tools/render_visible_text.py`
/// renders it (a browser's "select all, copy"): checked on the first pages of the
/// trafilatura set, which ship with their rendered text. The renderer reads the page as a
/// stream of tags rather than an HTML5 tree, so a few misnested pages differ.
#[test]
fn the_text_is_the_pages_visible_text() {
    let root = data_dir().join("html/trafilatura-eval");
    let Ok(entries) = std::fs::read_dir(root.join("html")) else {
        eprintln!("no pages at {}: not checked", root.display());
        return;
    };
    let mut pages: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    pages.sort();
    let (mut same, mut checked) = (0, 0);
    let mut differ = Vec::new();
    for path in pages.iter().take(120) {
        let Ok(markup) = std::fs::read_to_string(path) else {
            continue; // not UTF-8: decoding is the readers' job
        };
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Ok(want) = std::fs::read_to_string(root.join("text").join(format!("{stem}.txt")))
        else {
            continue;
        };
        let a = html::parse(&markup);
        if let Err(e) = support::check_invariants(&a) {
            panic!("{}: {e}", path.display());
        }
        checked += 1;
        if squash(&a.text) == squash(&want) {
            same += 1;
        } else {
            differ.push(stem);
        }
    }
    if checked == 0 {
        return;
    }
    assert!(
        same * 100 >= checked * 95,
        "{same} of {checked} pages render as the browser copy does; differ: {differ:?}"
    );
}
