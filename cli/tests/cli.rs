//! End-to-end tests of the `copydesk` binary as a user runs it.

mod support;

use std::process::Command;

use support::{copydesk, root, stderr, stdout};

#[test]
fn parse_seeds_gives_one_article_per_file_with_spans_into_the_text() {
    let out = copydesk(&["parse", "seeds/", "--sentences"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    for article in &lines {
        let source = article["source"].as_str().unwrap();
        let text: Vec<char> = std::fs::read_to_string(root().join(source))
            .unwrap()
            .chars()
            .collect();
        assert!(article["published"].as_str().unwrap().starts_with("20"));
        for block in article["blocks"].as_array().unwrap() {
            let (s, e) = (
                block["start"].as_u64().unwrap() as usize,
                block["end"].as_u64().unwrap() as usize,
            );
            let piece: String = text[s..e].iter().collect();
            assert_eq!(piece, block["text"].as_str().unwrap());
            assert!(!block["sentences"].as_array().unwrap().is_empty());
        }
    }
}

#[test]
fn text_format_shows_kinds_in_the_margin() {
    let out = copydesk(&[
        "parse",
        "seeds/000_0d03f1b308fc772f.txt",
        "--format",
        "text",
    ]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with(
        "== 000_0d03f1b308fc772f  (seeds/000_0d03f1b308fc772f.txt; published 2018-04-08)"
    ));
    assert!(text.contains("title             0..77     Report: US, North Korea"));
}

#[test]
fn json_format_is_one_array() {
    let out = copydesk(&["parse", "seeds/", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 5);
}

#[test]
fn a_missing_input_is_reported_and_the_rest_still_runs() {
    let out = copydesk(&[
        "parse",
        "no/such/file.txt",
        "seeds/002_8be8dda068bed6f5.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "copydesk: no/such/file.txt: no such file or directory; check the path"
    );
    assert!(lines[1].starts_with("copydesk: 1 article in "), "{err}");
    assert!(lines[1].ends_with(" s; 1 input could not be read"), "{err}");
}

#[test]
fn quiet_leaves_only_errors_on_stderr() {
    let out = copydesk(&["parse", "--quiet", "seeds/"]);
    assert!(out.status.success());
    assert!(stderr(&out).is_empty());
    let out = copydesk(&["parse", "seeds/"]);
    // The walk says which files it left out, then the summary closes the run.
    let err = stderr(&out);
    assert!(
        err.lines()
            .last()
            .is_some_and(|l| l.starts_with("copydesk: 5 articles in ")),
        "{err}"
    );
}

#[test]
fn glob_chooses_the_files_a_walk_takes() {
    let out = copydesk(&["parse", "seeds/", "--glob", "00[12]_*", "--glob", "!*2_*"]);
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["001_ade9787c78681141"]);
    let out = copydesk(&["parse", "seeds/", "--glob", "[unclosed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad glob \"[unclosed\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_terminal_gets_the_readable_format() {
    // `script` gives the command a pseudo-terminal, as a person's shell would.
    let Ok(out) = Command::new("script")
        .args([
            "-qec",
            &format!(
                "{} parse seeds/002_8be8dda068bed6f5.txt",
                env!("CARGO_BIN_EXE_copydesk")
            ),
            "/dev/null",
        ])
        .current_dir(root())
        .output()
    else {
        eprintln!("no `script` here: the terminal default is untested on this machine");
        return;
    };
    assert!(
        stdout(&out).starts_with("== 002_8be8dda068bed6f5"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn strict_stops_at_the_first_bad_input() {
    let out = copydesk(&["parse", "--strict", "no/such/file.txt", "seeds/"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let out = copydesk(&["parse", "seeds/", "--published", "tomorrow"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read \"tomorrow\" as a date"));
    assert_eq!(copydesk(&["parse"]).status.code(), Some(2));
    assert_eq!(copydesk(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(copydesk(&["--help"]).status.code(), Some(0));
}

#[test]
fn published_flag_overrides_every_article() {
    let out = copydesk(&["parse", "seeds/", "--published", "2020-01-02"]);
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["published"], "2020-01-02");
    }
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    std::fs::write(&target, "keep me\n").unwrap();
    let t = target.to_str().unwrap();
    // A usage error leaves the old file untouched.
    let out = copydesk(&["parse", "seeds/", "-o", t, "--format", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
    let out = copydesk(&["parse", "seeds/", "-o", t]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 5);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn records_on_stdin_are_detected() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": \"a\", \"body\": \"One.\\n\\nTwo.\"}\n{\"id\": \"b\", \"text\": \"Three.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["a", "b"]);
}
