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

/// The articles of `corpus()` that can be read, in input order.
const READABLE: [&str; 9] = [
    "a_empty",
    "b_blank",
    "c_bom_crlf",
    "d_cr",
    "f_latin1",
    "r1",
    "r5",
    "r7",
    "h_utf16",
];

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
        "./g_records.jsonl:3: record has no text (looked for the fields html, raw_html, content_html, body_html, text, body",
        "./g_records.jsonl:4: field `text` should be a string",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"));
    assert_eq!(ids(&out), READABLE);
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

/// JSON Lines of a run, each line parsed.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `chars[start..end]` of an article's decoded text, as a string.
fn slice(chars: &[char], v: &serde_json::Value) -> String {
    let (s, e) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    chars[s..e].iter().collect()
}

#[test]
fn the_same_bad_inputs_through_dedupe_and_dates() {
    let dir = corpus();
    let problems = [
        "./a_empty.txt: no text (the file is empty or blank)",
        "./e_image.txt: binary file (it contains NUL bytes), skipped",
        "./f_latin1.txt: invalid UTF-8 from byte 3, replaced with U+FFFD",
        "./g_records.jsonl:2: not a valid JSON record",
        "./g_records.jsonl:3: record has no text",
        "./g_records.jsonl:4: field `text` should be a string",
    ];
    for args in [
        &["dedupe", ".", "--output", "clean"][..],
        &["dedupe", ".", "--format", "jsonl"],
        &[
            "dates",
            ".",
            "--published",
            "2018-04-17",
            "--format",
            "jsonl",
        ],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        for expected in problems {
            assert!(
                err.contains(expected),
                "{args:?}: missing {expected:?} in:\n{err}"
            );
        }
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            err.lines()
                .last()
                .unwrap()
                .ends_with("; 4 inputs could not be read"),
            "{args:?}: {err}"
        );
    }
    // The clean output has every readable article, in input order, the decoded text intact.
    let out = run(dir.path(), &["dedupe", ".", "--output", "clean"]);
    let clean = json_lines(&out);
    let ids: Vec<&str> = clean.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, READABLE);
    assert_eq!(clean[2]["text"], "First line.\r\n\r\nSecond paragraph.\r\n");
    assert_eq!(clean[4]["text"], "caf\u{FFFD} au lait.");
    // Strict mode stops dedupe and dates too, writing nothing.
    for sub in ["dedupe", "dates"] {
        let out = run(dir.path(), &[sub, "--strict", "f_latin1.txt", "d_cr.txt"]);
        assert_eq!(out.status.code(), Some(1), "{sub}");
        assert!(out.stdout.is_empty(), "{sub}");
        assert!(
            text(&out.stderr).contains("f_latin1.txt: invalid text encoding at byte 3"),
            "{sub}"
        );
    }
}

#[test]
fn a_50_mb_file_without_a_newline_through_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Officials met again in Geneva, sources said. ";
    let body = sentence.repeat(50_000_000 / sentence.len() + 1);
    std::fs::write(dir.path().join("dump.txt"), &body).unwrap();
    let out = run(dir.path(), &["parse", "dump.txt", "--format", "jsonl"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let article = &json_lines(&out)[0];
    let blocks = article["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0]["start"], 0);
    assert_eq!(blocks[0]["end"], body.trim_end().len());
    for args in [
        &["dedupe", "dump.txt"][..],
        &["dates", "dump.txt", "--published", "2018-04-17"],
    ] {
        let out = run(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn one_cluster_of_a_hundred_thousand_sentences_of_one_article() {
    // Writing each member's offsets once took time linear in the article: a 5 MB dump of one
    // repeated sentence took minutes (and a 50 MB one never finished); now it is linear.
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Officials met again in Geneva, sources said. ";
    let n = 5_000_000 / sentence.len();
    std::fs::write(dir.path().join("dump.txt"), sentence.repeat(n)).unwrap();
    for format in ["jsonl", "csv"] {
        let out = run(
            dir.path(),
            &[
                "dedupe", "dump.txt", "--level", "sentence", "--format", format,
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        if format == "jsonl" {
            let clusters = json_lines(&out);
            assert_eq!(clusters.len(), 1);
            assert_eq!(clusters[0]["size"], n);
            let last = &clusters[0]["members"][n - 1];
            assert_eq!(last["start"], (n - 1) * sentence.len());
        } else {
            assert_eq!(text(&out.stdout).lines().count(), n + 1);
        }
    }
}

#[test]
fn a_line_of_ten_million_characters_and_the_next_record_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    let long = "word é ".repeat(10_000_000 / 7 + 1);
    let records = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "long", "text": long, "published": "2018-04-17"}),
        serde_json::json!({"id": "next", "text": "Talks resume on Friday.", "published": "2018-04-17"}),
    );
    std::fs::write(dir.path().join("r.jsonl"), records).unwrap();
    let out = run(dir.path(), &["parse", "r.jsonl", "--format", "jsonl"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let articles = json_lines(&out);
    assert_eq!(articles.len(), 2);
    assert_eq!(
        articles[0]["blocks"][0]["end"],
        long.trim_end().chars().count(),
        "offsets count characters, not bytes"
    );
    let out = run(dir.path(), &["dates", "r.jsonl", "--format", "jsonl"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let found = json_lines(&out);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["article"], "next");
    assert_eq!(found[0]["value"], "2018-04-20");
    let out = run(dir.path(), &["dedupe", "r.jsonl", "--output", "clean"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(json_lines(&out).len(), 2);
}

#[test]
fn deeply_repeated_characters_run_through_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        ("a.txt", "a".repeat(1_000_000)),
        ("dots.txt", ".".repeat(1_000_000)),
        ("newlines.txt", "\n".repeat(100_000) + "x"),
        ("ha.txt", "ha ".repeat(300_000)),
        ("accents.txt", "e\u{301}".repeat(200_000)),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    for sub in ["parse", "dedupe", "dates"] {
        let out = run(dir.path(), &[sub, ".", "--format", "jsonl"]);
        assert!(out.status.success(), "{sub}: {}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"));
    }
}

#[test]
fn rtl_zero_width_combining_and_emoji_keep_spans_exact() {
    let dir = tempfile::tempdir().unwrap();
    let repeated = "Le sommet aura lieu fin mai 👩\u{200D}🔬 à Genève, disent les e\u{301}lus.";
    let body = format!(
        "\u{5E9}\u{5DC}\u{5D5}\u{5DD} \u{5E2}\u{5D5}\u{5DC}\u{5DD}. \u{627}\u{644}\u{62E}\u{645}\u{64A}\u{633}.\n\n\
         zero\u{200B}width \u{200D}joiner \u{FEFF}inside, on Friday 🇫🇷.\n\n{repeated}\n\n\
         Talks on Monday, 🙂 said \u{202E}reversed\u{202C} officials.\n\n{repeated}\n"
    );
    std::fs::write(dir.path().join("u.txt"), &body).unwrap();
    let chars: Vec<char> = body.chars().collect();

    let out = run(dir.path(), &["parse", "u.txt", "--published", "2018-04-17"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let article = &json_lines(&out)[0];
    let blocks = article["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 5);
    for b in blocks {
        assert_eq!(slice(&chars, b), b["text"].as_str().unwrap());
    }

    let out = run(dir.path(), &["dates", "u.txt", "--published", "2018-04-17"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let found = json_lines(&out);
    let texts: Vec<&str> = found.iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Friday", "Monday"]);
    for t in &found {
        assert_eq!(slice(&chars, t), t["text"].as_str().unwrap());
    }

    let out = run(dir.path(), &["dedupe", "u.txt"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let clusters = json_lines(&out);
    assert_eq!(clusters.len(), 1);
    for m in clusters[0]["members"].as_array().unwrap() {
        assert_eq!(slice(&chars, m), repeated);
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_and_the_rest_runs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Readable, on Monday.").unwrap();
    let locked = dir.path().join("b.txt");
    std::fs::write(&locked, "Locked.").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!(
            "running as a user who reads any file (root): unreadable files are untested here"
        );
        return;
    }
    for sub in ["parse", "dedupe", "dates"] {
        let out = run(dir.path(), &[sub, ".", "--format", "jsonl"]);
        assert_eq!(out.status.code(), Some(1), "{sub}");
        let err = text(&out.stderr);
        assert!(err.contains("./b.txt: permission denied"), "{sub}: {err}");
    }
}

#[test]
fn a_file_where_a_directory_is_expected_and_the_reverse() {
    let dir = corpus();
    // --output-dir naming a file.
    std::fs::write(dir.path().join("taken"), "a file").unwrap();
    std::fs::write(
        dir.path().join("doc.tml"),
        "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" functionInDocument=\"CREATION_TIME\">1998-08-07</TIMEX3></DCT><TEXT>On Friday.</TEXT></TimeML>",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "dates",
            "--format",
            "timeml",
            "doc.tml",
            "--output-dir",
            "taken",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("taken: cannot create the directory"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken")).unwrap(),
        "a file"
    );
    // -o naming a directory, for every subcommand: nothing written, exit 1.
    std::fs::create_dir(dir.path().join("out")).unwrap();
    for sub in ["parse", "dedupe", "dates"] {
        let out = run(dir.path(), &[sub, "d_cr.txt", "-o", "out"]);
        assert_eq!(out.status.code(), Some(1), "{sub}");
        assert!(text(&out.stderr).contains("out: cannot write"), "{sub}");
        assert_eq!(
            std::fs::read_dir(dir.path().join("out")).unwrap().count(),
            0
        );
    }
    // A path through a file (a/b where a is a file) is a clear error, not a panic.
    let out = run(dir.path(), &["parse", "d_cr.txt/inner.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("d_cr.txt/inner.txt"),
        "{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_through_dedupe_and_dates() {
    let dir = corpus();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).unwrap();
    for sub in ["dedupe", "dates"] {
        let out = run(dir.path(), &[sub, "."]);
        let err = text(&out.stderr);
        assert!(
            err.contains("./sub/up: symbolic link loop; the link was not followed"),
            "{sub}: {err}"
        );
        assert!(err.contains("self.txt"), "{sub}: {err}");
        assert_eq!(out.status.code(), Some(1));
    }
}
