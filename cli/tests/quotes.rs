//! End-to-end tests of `copydesk quotes` as a user runs it: remarks followed across the
//! seeds, each quotation pointing back into its file.

mod support;

use support::{copydesk, copydesk_stdin, json_lines, root, stderr, stdout};

fn piece(source: &str, start: u64, end: u64) -> String {
    let text: Vec<char> = std::fs::read_to_string(root().join(source))
        .unwrap()
        .chars()
        .collect();
    text[start as usize..end as usize].iter().collect()
}

#[test]
fn the_seeds_share_one_remark_between_two_outlets() {
    let out = copydesk(&["quotes", "seeds/", "--min-articles", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let remarks = json_lines(&out);
    assert_eq!(remarks.len(), 1, "{}", stdout(&out));
    let r = &remarks[0];
    assert_eq!(r["speaker"], "Donald Trump");
    assert_eq!(r["articles"], 2);
    assert_eq!(r["size"], 2);
    let members = r["members"].as_array().unwrap();
    // The first appearance is the earliest published: Vox's fragment of 17 April
    // before the full remark in the Irish Times of 18 April.
    assert_eq!(members[0]["outlet"], "Vox");
    assert_eq!(members[0]["text"], r["canonical"]["text"]);
    assert!(members[0]["published"].as_str() < members[1]["published"].as_str());
    assert_eq!(members[1]["containment"], 1.0);
    for m in members {
        let source = m["source"].as_str().unwrap();
        assert_eq!(
            piece(
                source,
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap()
            ),
            m["text"].as_str().unwrap()
        );
        assert_eq!(
            piece(
                source,
                m["speaker_start"].as_u64().unwrap(),
                m["speaker_end"].as_u64().unwrap()
            ),
            m["speaker"].as_str().unwrap()
        );
        assert!(
            members[1]["text"]
                .as_str()
                .unwrap()
                .contains("extremely high levels")
        );
    }
    let err = stderr(&out);
    let summary = err.lines().last().unwrap();
    assert!(summary.starts_with("copydesk: 5 articles in "), "{summary}");
    assert!(
        summary.ends_with(
            " s, 25 quotations compared, 24 remarks, 1 carried by more than one article"
        ),
        "{summary}"
    );
}

#[test]
fn every_quotation_compared_is_in_exactly_one_remark() {
    let out = copydesk(&["-q", "quotes", "seeds/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let remarks = json_lines(&out);
    assert_eq!(remarks.len(), 24);
    let members: usize = remarks
        .iter()
        .map(|r| r["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 25);
    for (i, r) in remarks.iter().enumerate() {
        assert_eq!(r["cluster"], i);
        assert_eq!(r["size"], r["members"].as_array().unwrap().len());
        for m in r["members"].as_array().unwrap() {
            assert!(["direct", "partial"].contains(&m["kind"].as_str().unwrap()));
        }
    }
}

#[test]
fn csv_has_a_row_per_quotation_and_table_a_line_per_remark() {
    let csv = copydesk(&["-q", "quotes", "seeds/", "--format", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    for column in [
        "cluster",
        "canonical",
        "speaker",
        "outlet",
        "start",
        "end",
        "text",
    ] {
        assert!(
            headers.iter().any(|h| h == column),
            "{column} in {headers:?}"
        );
    }
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 25);
    let canonical = headers.iter().position(|h| h == "canonical").unwrap();
    assert_eq!(rows.iter().filter(|r| &r[canonical] == "true").count(), 24);

    let table = copydesk(&["-q", "quotes", "seeds/", "--format", "table"]);
    let text = stdout(&table);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 25, "a header and a line per remark: {text}");
    assert!(lines[0].contains("speaker") && lines[0].contains("first appearance"));
}

#[test]
fn a_higher_bar_and_a_stricter_threshold_leave_remarks_out() {
    let out = copydesk(&["-q", "quotes", "seeds/", "--min-articles", "3"]);
    assert!(out.status.success());
    assert!(stdout(&out).is_empty());
    // Without containment the fragment no longer joins the full remark.
    let out = copydesk(&[
        "-q",
        "quotes",
        "seeds/",
        "--containment",
        "1",
        "--min-articles",
        "2",
        "--min-words",
        "4",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
}

#[test]
fn two_outlets_on_standard_input_as_jsonl() {
    let input = concat!(
        r#"{"id": "a", "published": "2018-04-20", "text": "“We will not give up our weapons before the talks begin,” Kim Jong Un said."}"#,
        "\n",
        r#"{"id": "b", "published": "2018-04-19", "text": "“We will not give up our weapons before the talks begin,” Kim said on Monday."}"#,
        "\n"
    );
    let out = copydesk_stdin(&["-q", "quotes", "-", "--input-format", "jsonl"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    let remarks = json_lines(&out);
    assert_eq!(remarks.len(), 1);
    assert_eq!(remarks[0]["speaker"], "Kim Jong Un");
    assert_eq!(remarks[0]["canonical"]["article"], "b");
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        &["quotes", "seeds/", "--min-articles", "0"][..],
        &["quotes", "seeds/", "--threshold", "0"][..],
        &["quotes", "seeds/", "--kinds", "terms"][..],
    ] {
        let out = copydesk(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
        let option = args[2].trim_start_matches("--");
        assert!(stderr(&out).contains(option), "{}", stderr(&out));
    }
}
