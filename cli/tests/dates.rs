//! End-to-end tests of `copydesk dates` as a user runs it.

mod support;

use support::{copydesk, copydesk_stdin, json_lines, root};

#[test]
fn seeds_with_manifest_dates() {
    let out = copydesk(&["dates", "seeds/"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = json_lines(&out);
    let easter: Vec<_> = found
        .iter()
        .filter(|v| v["article"] == "003_c7d247d605b5012d" && v["text"] == "Easter")
        .collect();
    assert_eq!(easter.len(), 3);
    assert_eq!(easter[0]["value"], "2018-04-01");
    assert_eq!(easter[0]["type"], "DATE");
    assert_eq!(
        easter[0]["interval"],
        serde_json::json!(["2018-04-01", "2018-04-02"])
    );
    assert!(easter[0]["mod"].is_null());
    // start and end are str indices into the article's text.
    let text: Vec<char> = std::fs::read_to_string(root().join("seeds/003_c7d247d605b5012d.txt"))
        .unwrap()
        .chars()
        .collect();
    for v in found
        .iter()
        .filter(|v| v["article"] == "003_c7d247d605b5012d")
    {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            v["text"].as_str().unwrap()
        );
    }
    let range = found
        .iter()
        .find(|v| v["text"] == "2017" && v["article"] == "004_5d0beb145f3c5668")
        .unwrap();
    assert_eq!(range["range"]["text"], "from 2017 to 2021");
    assert_eq!(
        range["range"]["interval"],
        serde_json::json!(["2017-01-01", "2022-01-01"])
    );
}

#[test]
fn published_flag_for_text_on_stdin() {
    let out = copydesk_stdin(
        &["dates", "-", "--published", "2018-04-08"],
        "Officials are targeting May or June. The summit was announced late last month.",
    );
    assert!(out.status.success());
    let found = json_lines(&out);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|v| (v["text"].as_str().unwrap(), v["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("May", "2018-05"),
            ("June", "2018-06"),
            ("late last month", "2018-03")
        ]
    );
    assert_eq!(found[2]["mod"], "END");
}

#[test]
fn table_format_for_people() {
    let out = copydesk(&[
        "dates",
        "seeds/003_c7d247d605b5012d.txt",
        "--format",
        "table",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().next().unwrap().starts_with("article"));
    assert!(text.contains("DATE      1950"));
    assert!(text.contains("68 years ago"));
}

const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, two years after the &quot;deal&quot; <SIGNAL sid="s1">in</SIGNAL> 1996.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"#;

#[test]
fn timeml_in_and_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.tml");
    std::fs::write(&path, DOC).unwrap();
    let out = copydesk(&["dates", "--format", "timeml", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(xml.contains(r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07""#));
    assert!(xml.contains(
        r#"<TEXT>
Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> after the &quot;deal&quot; in <TIMEX3 tid="t3" type="DATE" value="1996">1996</TIMEX3>.
</TEXT>"#
    ), "{xml}");
    assert!(!xml.contains("<TLINK") && !xml.contains("<MAKEINSTANCE") && !xml.contains("<EVENT"));
}

#[test]
fn timeml_output_dir_for_many_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.tml"), DOC).unwrap();
    std::fs::write(input.join("b.tml"), DOC.replace("1998-08-07", "2000-01-05")).unwrap();
    std::fs::write(input.join("notes.txt"), "not TimeML").unwrap();
    let out_dir = dir.path().join("out");
    let out = copydesk(&[
        "dates",
        "--format",
        "timeml",
        input.to_str().unwrap(),
        "--output-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let mut names: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a.tml", "b.tml"]);
    let b = std::fs::read_to_string(out_dir.join("b.tml")).unwrap();
    // Friday before 2000-01-05 (a Wednesday), in a past-tense sentence.
    assert!(b.contains(r#"value="1999-12-31">Friday</TIMEX3>"#), "{b}");
}

#[test]
fn a_file_that_is_not_timeml_is_reported_and_the_rest_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tml");
    let good = dir.path().join("good.tml");
    std::fs::write(&bad, "<html>no text</html>").unwrap();
    std::fs::write(&good, DOC).unwrap();
    let out = copydesk(&[
        "dates",
        "--format",
        "timeml",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.tml: not a TimeML document"), "{err}");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("<TIMEX3 tid=\"t1\"")
    );
}

#[test]
fn output_dir_needs_timeml() {
    let out = copydesk(&["dates", "seeds/", "--output-dir", "/tmp/nowhere-copydesk"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--output-dir goes with --format timeml")
    );
}

#[test]
fn undated_articles_are_read_against_an_inferred_date_when_asked() {
    let record = r#"{"id": "u", "text": "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, the company said on Wednesday."}"#;
    let args = [
        "dates",
        "-",
        "--input-format",
        "jsonl",
        "--infer-published",
        "--published-window",
        "1987",
    ];
    let out = support::copydesk_stdin(&args, record);
    assert!(out.status.success(), "{}", support::stderr(&out));
    let found = support::json_lines(&out);
    let wednesday = found
        .iter()
        .find(|t| t["text"] == "Wednesday")
        .expect("Wednesday");
    // 26 February 1987 was a Thursday: the Wednesday before it.
    assert_eq!(wednesday["value"], "1987-02-25");
    assert_eq!(wednesday["reference"], "inferred");
    assert!(support::stderr(&out).contains("1 undated article read against an inferred date"));
    // Without the flag the weekday stays underspecified and nothing is marked.
    let plain = support::json_lines(&support::copydesk_stdin(&args[..4], record));
    let wednesday = plain.iter().find(|t| t["text"] == "Wednesday").unwrap();
    assert_eq!(wednesday["value"], "XXXX-WXX-3");
    assert!(wednesday.get("reference").is_none());
}

#[test]
fn a_history_is_read_as_a_narrative_unless_told_otherwise() {
    let history = "The Korean War began on June 25, 1950. By 1951 the front had settled, and \
                   talks ran into 1952 and 1953, when the armistice was signed on July 27, \
                   1953.\n\nIn November, the prisoners were exchanged.\n";
    let run = |extra: &[&str]| {
        let mut args = vec!["dates", "-", "--published", "2009-12-19"];
        args.extend_from_slice(extra);
        copydesk_stdin(&args, history)
    };
    let out = run(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = json_lines(&out);
    let november = found.iter().find(|v| v["text"] == "November").unwrap();
    assert_eq!(november["value"], "1953-11");
    assert!(found.iter().all(|v| v["genre"] == "narrative"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(", 1 article read as narrative"), "{err}");

    let news = json_lines(&run(&["--genre", "news"]));
    let november = news.iter().find(|v| v["text"] == "November").unwrap();
    assert_eq!(november["value"], "2009-11");
    assert_eq!(november["genre"], "news");

    let csv = run(&["--format", "csv", "--genre", "narrative"]);
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(text.lines().next().unwrap().contains(",genre,"), "{text}");
    assert!(text.contains(",narrative,"), "{text}");

    let bad = run(&["--genre", "poetry"]);
    assert_eq!(bad.status.code(), Some(2));
}
