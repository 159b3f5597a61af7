//! The CLI on inputs as scrapers really leave them: every problem is named with its file
//! (and line), nothing panics, and the readable rest still comes through.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn ids(out: &Output) -> Vec<String> {
    text(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_owned()
        })
        .collect()
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &[u8])] = &[
        ("a_empty.txt", b""),
        ("b_blank.txt", b"  \n\t\n"),
        ("c_bom_crlf.txt", b"\xEF\xBB\xBFFirst line.\r\n\r\nSecond paragraph.\r\n"),
        ("d_cr.txt", b"One.\rTwo.\r\rThree."),
        ("e_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("f_latin1.txt", b"caf\xE9 au lait."),
        (
            "g_records.jsonl",
            b"{\"id\": \"r1\", \"text\": \"Fine.\"}\n{broken\n{\"title\": \"no text\"}\n{\"text\": 5}\n{\"id\": \"r5\", \"text\": \"Huge.\", \"views\": 1e400}\n\n{\"id\": \"r7\", \"body\": \"Last.\"}\n",
        ),
        ("h_utf16.txt", b"\xFF\xFEH\x00i\x00.\x00"),
        ("notes.md", b"not an input: unknown extension inside a directory"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

#[test]
fn every_problem_is_named_and_the_rest_runs() {
    let dir = corpus();
    let out = run(dir.path(), &["parse", "."]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "read errors make the exit code 1"
    );
    let err = text(&out.stderr);
    for expected in [
        "./a_empty.txt: no text (the file is empty or blank)",
        "./b_blank.txt: no text (the file is empty or blank)",
        "./e_image.txt: binary file (it contains NUL bytes), skipped",
        "./f_latin1.txt: invalid UTF-8 from byte 3, replaced with U+FFFD",
        "./g_records.jsonl:2: not a valid JSON record (key must be a string at column 2)",
        "./g_records.jsonl:3: record has no text (looked for the fields text, body",
        "./g_records.jsonl:4: field `text` should be a string",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"));
    assert_eq!(
        ids(&out),
        [
            "a_empty",
            "b_blank",
            "c_bom_crlf",
            "d_cr",
            "f_latin1",
            "r1",
            "r5",
            "r7",
            "h_utf16"
        ]
    );
}

#[test]
fn spans_index_the_decoded_text() {
    let dir = corpus();
    let out = run(
        dir.path(),
        &[
            "parse",
            "c_bom_crlf.txt",
            "d_cr.txt",
            "f_latin1.txt",
            "h_utf16.txt",
        ],
    );
    let blocks: Vec<Vec<String>> = text(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["text"].as_str().unwrap().to_owned())
                .collect()
        })
        .collect();
    assert_eq!(blocks[0], ["First line.", "Second paragraph."]);
    assert_eq!(blocks[1], ["One.", "Two.", "Three."]);
    assert_eq!(blocks[2], ["caf\u{FFFD} au lait."]);
    assert_eq!(blocks[3], ["Hi."]);
    // The BOM is not part of the text: the first block starts at 0.
    let first: serde_json::Value =
        serde_json::from_str(text(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["blocks"][0]["start"], 0);
}

#[test]
fn strict_refuses_invalid_utf8() {
    let dir = corpus();
    let out = run(dir.path(), &["parse", "--strict", "f_latin1.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).is_empty());
    assert_eq!(
        text(&out.stderr).trim(),
        "copydesk: f_latin1.txt: invalid text encoding at byte 3; convert the file to UTF-8 (e.g. with iconv)"
    );
}

#[test]
fn an_explicit_file_of_any_extension_is_read_as_text() {
    let dir = corpus();
    let out = run(dir.path(), &["parse", "notes.md"]);
    assert!(out.status.success());
    assert_eq!(ids(&out), ["notes"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let dir = corpus();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    let out = run(dir.path(), &["parse", "."]);
    let err = text(&out.stderr);
    assert!(
        err.contains("./sub/up: symbolic link loop; the link was not followed"),
        "{err}"
    );
}

#[test]
fn output_into_a_directory_is_an_error_and_writes_nothing() {
    let dir = corpus();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = run(dir.path(), &["parse", "d_cr.txt", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("copydesk: out: cannot write"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        0
    );
}

#[test]
fn inputs_are_only_read() {
    let dir = corpus();
    let before: Vec<(String, Vec<u8>)> = snapshot(dir.path());
    let _ = run(dir.path(), &["parse", "."]);
    assert_eq!(snapshot(dir.path()), before);
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_long_line_without_newline_parses() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Officials met again on Monday in Geneva, sources said. ";
    std::fs::write(dir.path().join("long.txt"), sentence.repeat(200_000)).unwrap();
    let out = run(dir.path(), &["parse", "long.txt", "--sentences"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(
        v["blocks"][0]["sentences"].as_array().unwrap().len(),
        200_000
    );
}
