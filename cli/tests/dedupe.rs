//! End-to-end tests of `copydesk dedupe` as a user runs it.

mod support;

use std::process::Command;

use support::{copydesk, json_lines, root, stderr, stdout};

#[test]
fn clusters_of_the_seeds_point_back_into_the_files() {
    let out = copydesk(&["dedupe", "seeds/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let clusters = json_lines(&out);
    assert_eq!(clusters.len(), 3);
    for (i, c) in clusters.iter().enumerate() {
        assert_eq!(c["cluster"], i);
        assert_eq!(c["size"], 2);
        let members = c["members"].as_array().unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[0]["text"], c["canonical"]["text"]);
        for m in members {
            let text: Vec<char> =
                std::fs::read_to_string(root().join(m["source"].as_str().unwrap()))
                    .unwrap()
                    .chars()
                    .collect();
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let piece: String = text[s..e].iter().collect();
            assert_eq!(piece, m["text"].as_str().unwrap());
            assert_eq!(m["similarity"], 1.0);
            assert!(m["block"].is_u64());
            assert!(m["published"].as_str().unwrap().starts_with("2018-04-1"));
        }
    }
    let err = stderr(&out);
    // The walk says what it skipped (seeds/README.md), then the one summary line.
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "a skip note and one summary line: {err}");
    assert!(
        lines[0].contains("skipped 1 file") && lines[0].contains(".md"),
        "{err}"
    );
    let summary = lines[1];
    assert!(summary.starts_with("copydesk: 5 articles in "), "{summary}");
    assert!(
        // Residue, credits, datelines and source tags are not passages (issue 4).
        summary.ends_with(" s, 81 passages, 3 clusters, 3 duplicates"),
        "{summary}"
    );
}

#[test]
fn table_shows_size_outlet_and_canonical_text() {
    let out = copydesk(&["-q", "dedupe", "seeds/", "--format", "table"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "--quiet prints no summary");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].contains("size") && lines[0].contains("canonical passage"));
    assert!(lines[1].contains("Vox") && lines[1].contains("President Donald Trump says"));
}

#[test]
fn containment_at_sentence_level_joins_the_caption_to_its_body_sentence() {
    let out = copydesk(&["dedupe", "seeds/", "--level", "sentence", "--containment"]);
    let clusters = json_lines(&out);
    let joined = clusters
        .iter()
        .find(|c| {
            c["canonical"]["text"]
                .as_str()
                .unwrap()
                .starts_with("It was the highest level meeting")
        })
        .expect("a cluster around the body sentence");
    assert_eq!(joined["size"], 3);
    for m in joined["members"].as_array().unwrap() {
        assert!(m["containment"].as_f64().unwrap() >= 0.8);
    }
}

#[test]
fn containment_before_a_path_leaves_the_path_a_path() {
    // The flag's optional value is written with `=`: a path after the flag is a path.
    let bare = copydesk(&["dedupe", "--containment", "seeds/", "--level", "sentence"]);
    assert!(bare.status.success(), "{}", stderr(&bare));
    let valued = copydesk(&[
        "dedupe",
        "--containment=0.8",
        "seeds/",
        "--level",
        "sentence",
    ]);
    assert!(valued.status.success(), "{}", stderr(&valued));
    assert_eq!(json_lines(&bare), json_lines(&valued), "0.8 is the default");
    // The old spelling with a space is a usage error that says how to write it, not a
    // run without containment and a missing file `0.9`.
    let spaced = copydesk(&["dedupe", "--containment", "0.9", "seeds/"]);
    assert_eq!(spaced.status.code(), Some(2), "{}", stderr(&spaced));
    assert!(
        stderr(&spaced).contains("write --containment=0.9"),
        "{}",
        stderr(&spaced)
    );
    assert!(stdout(&spaced).is_empty());
}

#[test]
fn table_outlets_never_show_article_ids() {
    use std::io::Write;
    let para = "Officials are eyeing late May or June for the summit to take place.";
    let mut file = tempfile::NamedTempFile::with_suffix(".jsonl").unwrap();
    for (id, outlet) in [("a1", Some("Reuters")), ("a2", None), ("a3", None)] {
        let mut r = serde_json::json!({"id": id, "text": para});
        if let Some(o) = outlet {
            r["outlet"] = o.into();
        }
        writeln!(file, "{r}").unwrap();
    }
    let path = file.path().to_str().unwrap();
    let out = copydesk(&["-q", "dedupe", path, "--format", "table"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let row = text.lines().nth(1).expect("one cluster");
    assert!(row.contains("Reuters"), "{text}");
    assert!(
        !row.contains("a2") && !row.contains("a3"),
        "ids are not outlets: {text}"
    );
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        &cells[..3],
        ["0", "3", "3"],
        "cluster, size, articles: {text}"
    );
}

#[test]
fn cross_only_and_clean_output() {
    let out = copydesk(&["dedupe", "seeds/", "--cross-only"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());

    let out = copydesk(&["dedupe", "seeds/", "--output", "clean"]);
    assert!(out.status.success());
    let articles = json_lines(&out);
    assert_eq!(articles.len(), 5);
    let vox = articles
        .iter()
        .find(|a| a["id"] == "001_ade9787c78681141")
        .unwrap();
    let removed = vox["removed"].as_array().unwrap();
    assert_eq!(removed.len(), 1);
    let caption = removed[0]["text"].as_str().unwrap();
    assert_eq!(vox["text"].as_str().unwrap().matches(caption).count(), 1);
    assert!(stderr(&out).contains("3 duplicates (removed from the output)"));
}

#[test]
fn bad_threshold_is_a_clear_error() {
    let out = copydesk(&["dedupe", "seeds/", "--threshold", "1.5"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(stderr(&out).contains("threshold must be a number above 0 and at most 1, not 1.5"));
    assert!(stdout(&out).is_empty());
}

#[test]
fn jsonl_records_on_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["dedupe", "-", "--output", "pairs"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let para = "Officials are eyeing late May or June for the summit to take place.";
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "x", "text": para, "published": "2018-04-07"}),
        serde_json::json!({"id": "y", "text": format!("{para} Reuters said."), "published": "2018-04-06"}),
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let pairs = json_lines(&out);
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0]["a"]["article"], "x");
    assert_eq!(pairs[0]["b"]["article"], "y");
    // 11 of 13 word 3-grams.
    assert_eq!(pairs[0]["similarity"], 0.846154);
}
