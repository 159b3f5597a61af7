//! End-to-end tests of `copydesk parse` as a user runs it: the JSONL fields of issue 3,
//! the readable and Markdown formats, `--published`, and dates found in the text.

mod support;

use std::process::Output;

use support::{copydesk, copydesk_stdin, root};

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn articles(out: &Output) -> Vec<serde_json::Value> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn jsonl_fields_are_the_documented_ones_with_char_offsets() {
    let articles = articles(&copydesk(&["parse", "seeds/003_c7d247d605b5012d.txt"]));
    let a = &articles[0];
    for field in ["id", "source", "published", "title", "blocks", "quotes"] {
        assert!(a.get(field).is_some(), "no {field}");
    }
    assert_eq!(a["published"], "2018-04-18");
    assert_eq!(
        a["title"],
        "CIA director had secret meeting with Kim Jong-un in North Korea"
    );
    let input: Vec<char> = std::fs::read_to_string(root().join("seeds/003_c7d247d605b5012d.txt"))
        .expect("seed")
        .chars()
        .collect();
    let slice = |v: &serde_json::Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap_or(0),
            v["end"].as_u64().unwrap_or(0),
        );
        input[s as usize..e as usize].iter().collect()
    };
    let blocks = a["blocks"].as_array().expect("blocks");
    for b in blocks {
        assert_eq!(slice(b), b["text"].as_str().unwrap_or(""), "{b}");
    }
    let read_more = blocks
        .iter()
        .find(|b| b["text"] == "READ MORE")
        .expect("READ MORE");
    assert_eq!(read_more["kind"], "boilerplate");
    assert_eq!(read_more["reason"], "read_more");
    let repeats: Vec<&serde_json::Value> = blocks
        .iter()
        .filter(|b| b.get("repeat_of").is_some_and(|r| !r.is_null()))
        .collect();
    assert_eq!(
        repeats.len(),
        4,
        "two captions and two credits printed twice"
    );
    assert!(
        blocks
            .iter()
            .any(|b| b["kind"] == "source_tag" && b["text"] == "– Guardian")
    );
    let quotes = a["quotes"].as_array().expect("quotes");
    let denmark = quotes
        .iter()
        .find(|q| q["speaker"] == "Abraham Denmark")
        .expect("Denmark's quote");
    assert_eq!(denmark["verb"], "said");
    assert_eq!(slice(denmark), denmark["text"].as_str().unwrap_or(""));
}

#[test]
fn text_format_shows_kinds_reasons_and_quotes() {
    let out = copydesk(&[
        "parse",
        "seeds/001_ade9787c78681141.txt",
        "--format",
        "text",
    ]);
    assert!(out.status.success());
    let shown = text(&out.stdout);
    assert!(shown.contains("boilerplate"), "{shown}");
    assert!(shown.contains("[tags] Filed under:"), "{shown}");
    assert!(shown.contains("credit"), "{shown}");
    assert!(shown.contains("Joe Raedle/Getty Images"), "{shown}");
    assert!(shown.contains("(repeats "), "{shown}");
}

#[test]
fn markdown_is_the_clean_article() {
    let out = copydesk(&[
        "parse",
        "seeds/003_c7d247d605b5012d.txt",
        "--format",
        "markdown",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.contains("# CIA director had secret meeting with Kim Jong-un in North Korea"));
    assert!(md.contains("## Direct contacts"), "{md}");
    assert!(!md.contains("READ MORE"), "residue left out");
    // A caption printed twice comes once, in italics, with its credit in brackets.
    let caption = "Mike Pompeo, director of the CIA and incoming secretary of state";
    assert_eq!(md.matches(caption).count(), 1, "a repeated caption once");
    assert_eq!(
        md.matches("(Photograph: Jim Watson/AFP/Getty Images)")
            .count(),
        1,
        "{md}"
    );
    assert!(
        md.trim_end().ends_with("– Guardian"),
        "the source tag closes it"
    );
}

#[test]
fn markdown_has_no_sentences_to_show() {
    let out = copydesk(&["parse", "seeds/", "--format", "markdown", "--sentences"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(text(&out.stderr).contains("--sentences goes with"));
    assert!(out.stdout.is_empty());
}

#[test]
fn markdown_of_many_articles_one_after_another() {
    let out = copydesk(&["parse", "seeds/", "--format", "markdown"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    // Each article with a title opens with it, in input order.
    let first = md
        .find("# Report: US, North Korea begin secret talks")
        .expect("000");
    let fourth = md.find("# CIA director had secret meeting").expect("003");
    assert!(first < fourth);
}

#[test]
fn published_flag_sets_the_date_and_a_bad_one_names_the_value() {
    let a = articles(&copydesk(&[
        "parse",
        "seeds/002_8be8dda068bed6f5.txt",
        "--published",
        "Tue 17 Apr 2018 10.03 BST",
    ]));
    assert_eq!(a[0]["published"], "2018-04-17T10:03:00+01:00");
    let out = copydesk(&[
        "parse",
        "seeds/002_8be8dda068bed6f5.txt",
        "--published",
        "4/5/2018",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("\"4/5/2018\"") && err.contains("month/day or day/month"),
        "{err}"
    );
}

#[test]
fn the_date_printed_in_the_page_is_the_publication_date() {
    let page = "Politics\n\
                Senate passes stopgap bill hours before shutdown deadline\n\
                By Lauren Fox, CNN\n\
                Updated 11:58 PM ET, Fri December 20, 2019\n\
                Washington (CNN) — The Senate on Friday passed a short-term spending bill that keeps the government open.\n";
    let a = articles(&copydesk_stdin(&["parse", "-"], page));
    assert_eq!(a[0]["published"], "2019-12-20T23:58:00-05:00");
    let kinds: Vec<&str> = a[0]["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| b["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        kinds,
        [
            "kicker",
            "title",
            "byline",
            "dateline",
            "dateline",
            "paragraph"
        ]
    );
}

#[test]
fn a_records_date_field_is_read_and_a_bad_one_is_a_warning() {
    let records = "{\"id\": \"a\", \"date\": \"April 17, 2018\", \"text\": \"Talks resumed on Monday, officials said.\"}\n\
                   {\"id\": \"b\", \"published\": \"soon\", \"text\": \"Talks resumed on Monday, officials said.\"}\n";
    let out = copydesk_stdin(&["parse", "-", "--input-format", "jsonl"], records);
    let a = articles(&out);
    assert_eq!(a[0]["published"], "2018-04-17");
    assert!(a[1]["published"].is_null());
    assert!(
        text(&out.stderr).contains("\"soon\""),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn language_is_told_from_the_text_when_the_source_gives_none() {
    let a = &articles(&copydesk(&["parse", "seeds/001_ade9787c78681141.txt"]))[0];
    assert_eq!(a["language"], "en");
    assert_eq!(a["language_from"], "text");
    let record = r#"{"id": "r", "language": "de", "text": "The minister spoke on Monday about the budget for next year and the taxes."}"#;
    let a = &articles(&copydesk_stdin(
        &["parse", "--input-format", "jsonl", "-"],
        record,
    ))[0];
    assert_eq!(a["language"], "de", "the source's language is kept");
    assert_eq!(a["language_from"], "source");
}

#[test]
fn infer_published_for_undated_articles_only() {
    let records = [
        r#"{"id": "u", "text": "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, the company said."}"#,
        r#"{"id": "d", "published": "1987-03-01", "text": "SALVADOR, Feb 26 - Showers continued throughout the week."}"#,
    ]
    .join("\n");
    let args = [
        "parse",
        "-",
        "--input-format",
        "jsonl",
        "--infer-published",
        "--published-window",
        "1987",
    ];
    let out = articles(&copydesk_stdin(&args, &records));
    let guess = &out[0]["published_inferred"];
    assert_eq!(guess["date"], "1987-02-26", "{guess}");
    assert!(guess["earliest"].as_str() <= Some("1987-02-26"));
    assert!(guess["latest"].as_str() >= Some("1987-02-26"));
    let evidence = &guess["evidence"][0];
    assert_eq!(evidence["text"], "Feb 26");
    assert_eq!(
        (evidence["start"].as_u64(), evidence["end"].as_u64()),
        (Some(10), Some(16))
    );
    assert!(
        out[1].get("published_inferred").is_none(),
        "a dated article keeps its date"
    );

    let bad = copydesk_stdin(
        &[
            "parse",
            "-",
            "--infer-published",
            "--published-window",
            "spring",
        ],
        "x",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("FIRST..LAST"),
        "{}",
        text(&bad.stderr)
    );
    let table = copydesk_stdin(
        &["parse", "-", "--infer-published", "--format", "table"],
        "x",
    );
    assert_eq!(table.status.code(), Some(2));
    assert!(text(&table.stderr).contains("--infer-published goes with --format jsonl or json"));
}
