//! End-to-end tests of `copydesk index`: adds in batches answer as one `dedupe` over
//! everything, and a writer killed in the middle of an add leaves the index as it was.

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{copydesk, json_lines, root, stderr};

/// Each cluster as (canonical article, block, start) and its members' (article, block,
/// start, end).
fn shape(clusters: &[serde_json::Value]) -> Vec<(String, Vec<String>)> {
    clusters
        .iter()
        .map(|c| {
            let key = |p: &serde_json::Value| {
                format!(
                    "{} {} {} {}",
                    p["article"], p["block"], p["start"], p["end"]
                )
            };
            let members = c["members"].as_array().unwrap().iter().map(key).collect();
            (key(&c["canonical"]), members)
        })
        .collect()
}

#[test]
fn two_adds_answer_as_one_dedupe_of_both() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let idx = idx.to_str().unwrap();
    let first = [
        "seeds/000_0d03f1b308fc772f.txt",
        "seeds/001_ade9787c78681141.txt",
    ];
    let out = copydesk(&["index", "add", idx, first[0], first[1]]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rest = [
        "seeds/002_8be8dda068bed6f5.txt",
        "seeds/003_c7d247d605b5012d.txt",
        "seeds/004_5d0beb145f3c5668.txt",
    ];
    let query = copydesk(&["index", "query", idx, rest[0], rest[1], rest[2]]);
    let mut args = vec!["index", "add", idx];
    args.extend(rest);
    let out = copydesk(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(query.stdout, out.stdout, "query answers as add");
    let added = json_lines(&out);
    let all = json_lines(&copydesk(&["dedupe", "seeds/"]));
    let expected: Vec<serde_json::Value> = all
        .into_iter()
        .filter(|c| {
            c["members"].as_array().unwrap().iter().any(|m| {
                rest.iter()
                    .any(|r| r.contains(m["article"].as_str().unwrap()))
            })
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(shape(&added), shape(&expected));
    for c in &added {
        for m in c["members"].as_array().unwrap() {
            let new = rest
                .iter()
                .any(|r| r.contains(m["article"].as_str().unwrap()));
            assert_eq!(m["new"], new);
            assert_eq!(
                m["text"].is_null(),
                !new,
                "texts of held passages are not stored"
            );
        }
    }
    let stats = copydesk(&["index", "stats", idx]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 5);
    assert_eq!(stats["segments"], 2);
    // A different threshold is refused, naming the index's.
    let out = copydesk(&["index", "add", idx, "-t", "0.9", rest[0]]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("threshold 0.8 (asked for 0.9)"),
        "{}",
        stderr(&out)
    );
    let out = copydesk(&["index", "remove", idx, "--article", "003_c7d247d605b5012d"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = copydesk(&["index", "compact", idx]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stats = copydesk(&["index", "stats", idx]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(
        (stats["articles"].as_u64(), stats["segments"].as_u64()),
        (Some(4), Some(1))
    );
}

#[test]
fn a_writer_killed_midway_leaves_the_index_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let out = copydesk(&[
        "index",
        "add",
        idx.to_str().unwrap(),
        "seeds/001_ade9787c78681141.txt",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = copydesk(&["index", "stats", idx.to_str().unwrap()]).stdout;
    let query = || copydesk(&["index", "query", idx.to_str().unwrap(), "seeds/"]).stdout;
    let answer_before = query();
    // The writer waits between writing its segment and switching the manifest to it: it is
    // killed there, with its new segment on disk.
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["index", "add", idx.to_str().unwrap(), "seeds/"])
        .env("COPYDESK_INDEX_TEST_PAUSE_MS", "20000")
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !idx.join("seg-00000002.cdx").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the writer wrote no segment"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // While it writes, a second writer is refused and readers read the index of before.
    let out = copydesk(&["index", "add", idx.to_str().unwrap(), "seeds/"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("another process is writing"),
        "{}",
        stderr(&out)
    );
    assert_eq!(query(), answer_before);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        copydesk(&["index", "stats", idx.to_str().unwrap()]).stdout,
        before
    );
    assert_eq!(query(), answer_before);
    // The next writer goes on from there, and clears what the killed one left.
    let out = copydesk(&[
        "index",
        "add",
        idx.to_str().unwrap(),
        "seeds/002_8be8dda068bed6f5.txt",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stats = copydesk(&["index", "stats", idx.to_str().unwrap()]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(
        (stats["articles"].as_u64(), stats["segments"].as_u64()),
        (Some(2), Some(2))
    );
    let files = std::fs::read_dir(&idx).unwrap().count();
    assert_eq!(
        files, 4,
        "MANIFEST, LOCK and two segments: nothing else left"
    );
}
